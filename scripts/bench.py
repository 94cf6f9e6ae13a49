"""Print build times and page weights. A benchmark prints figures; it never fails on a slow machine.

    make bench
"""

from __future__ import annotations

import gzip
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.loader import available_profiles  # noqa: E402
from tests.support import build  # noqa: E402

PHONE_PAGES = ["index.html", "instructions/parent-join/index.html", "instructions/student-join/index.html"]


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
            index = site / "search/search_index.json"
            print(f"search index: {index.stat().st_size / 1024:.0f} KB ({gz(index.read_bytes()) / 1024:.0f} KB gzipped)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
