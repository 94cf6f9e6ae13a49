"""Print build times, page weights and Lighthouse mobile scores. It prints figures; it never fails
because a machine is slow.

    make bench                     # BENCH_PROFILES=20 make bench: a smaller synthetic region

Lighthouse (bench/node_modules, installed by `make bench`) drives the system Chromium against the
demo site served on 127.0.0.1 with gzip, as a static host such as GitHub Pages serves it.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.loader import available_profiles  # noqa: E402
from scripts import bench_region  # noqa: E402
from tests.support import build  # noqa: E402

PHONE_PAGES = ["index.html", "instructions/parent-join/index.html", "instructions/student-join/index.html"]
LIGHTHOUSE = ROOT / "bench/node_modules/lighthouse/cli/index.js"
CHROMIUM_FLAGS = ("--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
                  "--disable-background-networking --disable-component-update --disable-sync")
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves text files gzipped, as a static host does."""

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not (path.suffix in COMPRESSIBLE and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Bytes(body)


class _Bytes:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *_):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def lighthouse(site: Path, pages: list[str]) -> None:
    node = shutil.which("node")
    if not (node and LIGHTHOUSE.exists() and Path("/usr/bin/chromium").exists()):
        print("\nLighthouse: skipped (needs node, bench/node_modules and /usr/bin/chromium)")
        return
    handler = functools.partial(GzipHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    print("\nLighthouse, mobile (demo, gzip): performance / accessibility / best practices / SEO; LCP")
    try:
        for page in pages:
            url = base + page.replace("index.html", "")
            with tempfile.TemporaryDirectory() as tmp:
                report = Path(tmp) / "report.json"
                subprocess.run([node, str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
                                f"--chrome-flags={CHROMIUM_FLAGS}",
                                "--only-categories=performance,accessibility,best-practices,seo"],
                               env=dict(os.environ, CHROME_PATH="/usr/bin/chromium"), capture_output=True,
                               timeout=180)
                if not report.exists():
                    print(f"  {page:<42} failed")
                    continue
                data = json.loads(report.read_text(encoding="utf-8"))
            scores = " / ".join(f"{round((c['score'] or 0) * 100)}" for c in data["categories"].values())
            lcp = data["audits"]["largest-contentful-paint"]["displayValue"]
            print(f"  {page:<42}{scores:>20}   LCP {lcp}")
    finally:
        server.shutdown()


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6))


def page_weight(site: Path, page: str) -> tuple[int, int]:
    """(HTML gzipped, HTML + its own CSS and JS gzipped) in bytes."""
    html = (site / page).read_bytes()
    total = gz(html)
    for asset in re.findall(rb'(?:href|src)="([^"]+\.(?:css|js))"', html):
        path = (site / page).parent / asset.decode()
        if path.exists():
            total += gz(path.read_bytes())
    return gz(html), total


# What search downloads (hooks/search.py, docs/assets/javascripts/search/): on every page load Material
# fetches its (now empty) index and starts the worker; the stemmer, engine and index come on the first query.
SEARCH_ON_LOAD = ["search/search_index.json", "assets/javascripts/search/worker.js"]
SEARCH_ON_FIRST_QUERY = ["assets/javascripts/search/vendor/lunr.stemmer.support.min.js",
                         "assets/javascripts/search/vendor/lunr.ru.min.js",
                         "assets/javascripts/search/engine.js", "search/kb_index.js"]


def search_weight(site: Path, synthetic_pages: int = 1000) -> None:
    from hooks.search import compact_index, index_script

    def kb(paths: list[str]) -> float:
        return sum(gz((site / path).read_bytes()) for path in paths) / 1024

    on_load, first_query = kb(SEARCH_ON_LOAD), kb(SEARCH_ON_FIRST_QUERY)
    script = (site / "search/kb_index.js").read_text(encoding="utf-8")
    index = json.loads(script[script.index("=") + 1:].rstrip().rstrip(";"))
    pages = sorted({row[0].split("#")[0] for row in index["docs"]})
    # A synthetic edition: the demo's sections copied under new page addresses up to N pages.
    docs = []
    for n in range(synthetic_pages):
        prefix = f"synthetic/{n}/{pages[n % len(pages)]}"
        for row in index["docs"]:
            location = row[0]
            if location.split("#")[0] == pages[n % len(pages)]:
                docs.append({"location": prefix + location[len(pages[n % len(pages)]):], "title": row[1], "text": row[2]})
    synthetic = gz(index_script(compact_index(docs, {}, index["synonyms"])).encode()) / 1024
    engine = kb(SEARCH_ON_FIRST_QUERY[:-1])
    print(f"\nsearch, gzipped KB downloaded{'on page load':>24}{'on first query':>17}")
    print(f"  {f'demo ({len(pages)} pages)':<40}{on_load:>12.1f}{first_query:>17.1f}")
    print(f"  {f'synthetic ({synthetic_pages} pages)':<40}{on_load:>12.1f}{engine + synthetic:>17.1f}")


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'profile':<12}{'build, s':>10}{'pages':>8}{'site, MB':>10}")
        sites = {}
        for profile in available_profiles(ROOT):
            site = Path(tmp) / profile
            started = time.perf_counter()
            result = build(profile, site)
            elapsed = time.perf_counter() - started
            if result.returncode != 0:
                print(f"{profile:<12} build failed")
                continue
            size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1e6
            print(f"{profile:<12}{elapsed:>10.1f}{len(list(site.rglob('*.html'))):>8}{size:>10.1f}")
            sites[profile] = site
        site = sites.get("demo")
        if site:
            print("\nphone pages (demo), gzipped KB: HTML / HTML + CSS + JS")
            for page in PHONE_PAGES:
                html, total = page_weight(site, page)
                print(f"  {page:<42}{html / 1024:>7.1f}{total / 1024:>9.1f}")
            largest = max(site.rglob("*.html"), key=lambda p: p.stat().st_size)
            print(f"\nlargest page: {largest.relative_to(site)} {largest.stat().st_size / 1024:.0f} KB "
                  f"({gz(largest.read_bytes()) / 1024:.0f} KB gzipped)")
            search_weight(site)
            lighthouse(site, PHONE_PAGES)
    bench_region.print_data_load(available_profiles(ROOT))
    bench_region.print_macros_cost("demo")
    bench_region.print_region(int(os.environ.get("BENCH_PROFILES", "100")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
