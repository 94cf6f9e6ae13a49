"""Figures for a region of many organizations and for the cost of macros (printed by make bench).

- data load: load_knowledge_base() in a fresh Python process (imports excluded), per profile;
- whole build vs plain Material: the same rendered Markdown pages built without mkdocs-macros;
- N synthetic profiles (copies of school.yml with their own names) built by scripts/build_all.py
  serially and with all cores: seconds per profile at 1, 10, …, N profiles, peak memory of a build.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.build_all import build_all, mkdocs_build, organizations, write_index  # noqa: E402
from tests.support import copy_project  # noqa: E402

PYTHON = sys.executable
TARGET_LOAD = 0.1     # seconds (issue 12)
TARGET_RATIO = 1.3    # whole build / plain Material on the same pages

# A hook for the bench copy of the project: saves each page's Markdown as macros rendered it.
DUMP_HOOK = '''
import os
from pathlib import Path
from mkdocs.plugins import event_priority

@event_priority(-100)  # after mkdocs-macros
def on_page_markdown(markdown, page, **kwargs):
    target = Path(os.environ["KB_BENCH_DUMP"]) / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(markdown, encoding="utf-8")
'''


def data_load_seconds(profile: str, project: Path = ROOT) -> float:
    code = textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {str(project)!r})
        from macros.loader import load_knowledge_base
        started = time.perf_counter()
        load_knowledge_base({str(project)!r}, {profile!r})
        print(time.perf_counter() - started)
    """)
    result = subprocess.run([PYTHON, "-c", code], capture_output=True, text=True, check=True)
    return float(result.stdout.strip())


def print_data_load(profiles: list[str]) -> None:
    data_load_seconds(profiles[0])  # the first run fills the compiled-text cache, as any earlier build has
    print(f"\ndata load (load_knowledge_base in a fresh process, median of 3), target ≤ {TARGET_LOAD} s")
    for profile in profiles:
        seconds = statistics.median(data_load_seconds(profile) for _ in range(3))
        print(f"  {profile:<12}{seconds:>8.3f} s  {'ok' if seconds <= TARGET_LOAD else 'above target'}")


def plain_project(tmp: Path, profile: str) -> tuple[Path, Path]:
    """(the project with the dump hook, the same project without macros over the rendered pages)."""
    project = copy_project(tmp / "with-macros")
    (project / "bench_dump_hook.py").write_text(DUMP_HOOK, encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert config.count("\nhooks:\n") == 1, "mkdocs.yml: one hooks: list expected"
    (project / "mkdocs.yml").write_text(config.replace("\nhooks:\n", "\nhooks:\n  - bench_dump_hook.py\n"),
                                        encoding="utf-8")
    dump = tmp / "rendered"
    result = mkdocs_build(profile, tmp / "site-dump", project, KB_BENCH_DUMP=str(dump))
    if result.returncode != 0:
        raise RuntimeError(result.stdout[-2000:] + result.stderr[-2000:])
    plain = copy_project(tmp / "plain")
    for page in plain.joinpath("docs").rglob("*.md"):
        rendered = dump / page.relative_to(plain / "docs")
        if rendered.exists():
            shutil.copyfile(rendered, page)
        else:
            page.unlink()  # a page this profile leaves out
    # Plain Material: the same configuration without the macros plugin and without our build hooks
    # (the DOCX downloads, our search index: Material's own search plugin indexes the pages instead).
    without = re.sub(r"\n  - macros:\n(?:      .*\n|\s*#.*\n)*", "\n", config)
    without = re.sub(r"\n(?:#.*\n)*hooks:\n(?:  - .*\n)+", "\n", without)
    assert "macros" not in without.split("plugins:")[1].split("validation:")[0], "macros left in the plain build"
    (plain / "mkdocs.yml").write_text(without.replace("strict: true", "strict: false"), encoding="utf-8")
    return project, plain


def print_macros_cost(profile: str = "demo", runs: int = 3) -> None:
    """A build of the profile as a later build runs it (macros/cache.py filled by the first), the same
    build with the cache off (a fresh machine), and plain Material on the same rendered pages."""
    with tempfile.TemporaryDirectory(prefix="kb-bench-plain-") as tmp:
        tmp = Path(tmp)
        _, plain = plain_project(tmp, profile)
        series = {"with macros": (ROOT, {}), "cache off": (ROOT, {"KB_BUILD_CACHE": "off"}), "plain": (plain, {})}
        times: dict[str, list[float]] = {name: [] for name in series}
        for run in range(runs):  # alternate, so load on the machine hits all alike
            for name, (project, env) in series.items():
                started = time.perf_counter()
                result = mkdocs_build(profile, tmp / f"site-{run}", project, **env)
                times[name].append(time.perf_counter() - started)
                if result.returncode != 0 and project is ROOT:
                    raise RuntimeError(result.stdout[-2000:] + result.stderr[-2000:])
        median = {name: statistics.median(values) for name, values in times.items()}
        ratio = median["with macros"] / median["plain"]
        print(f"\nwhole build vs plain Material on the same rendered pages ({profile}, median of {runs}), "
              f"target ≤ {TARGET_RATIO}×")
        print(f"  with macros {median['with macros']:.2f} s, plain {median['plain']:.2f} s: "
              f"{ratio:.2f}×  {'ok' if ratio <= TARGET_RATIO else 'above target'}")
        print(f"  the first build on a fresh machine (KB_BUILD_CACHE=off) {median['cache off']:.2f} s: "
              f"{median['cache off'] / median['plain']:.2f}×")


def synthetic_region(tmp: Path, count: int) -> tuple[Path, list[str]]:
    """A copy of the project with `count` organizations made from school.yml."""
    project = copy_project(tmp / "region-project")
    source = (ROOT / "data/profiles/school.yml").read_text(encoding="utf-8")
    names = []
    for index in range(1, count + 1):
        name = f"school-{index:03d}"
        text = source.replace("«Средняя общеобразовательная школа»", f"«Школа № {index}»")
        text = text.replace("short: Школа\n", f"short: Школа № {index}\n").replace("sferum-school/", f"sferum-{name}/")
        (project / "data/profiles" / f"{name}.yml").write_text(text, encoding="utf-8")
        names.append(name)
    return project, names


def timed_region(project: Path, profiles: list[str], jobs: int, out: Path) -> float:
    started = time.perf_counter()
    results = build_all(profiles, out, jobs, offline=False, project=project)
    write_index(organizations(profiles, out, project), out)
    failed = [r.profile for r in results if not r.ok]
    if failed:
        raise RuntimeError(f"synthetic profiles did not build: {failed[:5]}")
    return time.perf_counter() - started


def print_region(count: int) -> None:
    cores = os.cpu_count() or 1
    sizes = sorted({n for n in (1, 10, count) if n <= count})
    with tempfile.TemporaryDirectory(prefix="kb-bench-region-") as tmp:
        tmp = Path(tmp)
        project, names = synthetic_region(tmp, count)
        print(f"\nregion: synthetic profiles built by scripts/build_all.py (no offline ZIPs), {cores} cores")
        print(f"  {'profiles':>8}{'jobs':>6}{'total, s':>10}{'per profile, s':>16}")
        for size in sizes:
            for jobs in (1, cores) if size == count else (cores,):
                seconds = timed_region(project, names[:size], jobs, tmp / f"site-{size}-{jobs}")
                shutil.rmtree(tmp / f"site-{size}-{jobs}")
                print(f"  {size:>8}{jobs:>6}{seconds:>10.1f}{seconds / size:>16.2f}")
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"  peak memory of one build: {peak:.0f} MB (the largest child process)")
