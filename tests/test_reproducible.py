"""The same commit builds byte-identical sites (so a pull request's summary can compare builds)."""

from __future__ import annotations

import subprocess
import time

from tests.support import ROOT, build_command, build_env


def commit_time() -> str:
    result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True)
    return result.stdout.strip() or "0"


def test_two_builds_of_the_same_sources_are_identical(tmp_path):
    # What `make build` does: SOURCE_DATE_EPOCH is the commit's time (Makefile). Both builds make
    # everything themselves (no DOCX or parsed data from macros/cache.py).
    env = {**build_env("school"), "SOURCE_DATE_EPOCH": commit_time(), "KB_BUILD_CACHE": "off"}
    sites = [tmp_path / "first", tmp_path / "second"]
    processes = []
    for site in sites:
        processes.append(subprocess.Popen(build_command(site), env=env, cwd=ROOT,
                                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True))
        time.sleep(2)  # a clock that leaks into the output would show
    for process in processes:
        output, _ = process.communicate(timeout=600)
        assert process.returncode == 0, output
    first = {p.relative_to(sites[0]): p.read_bytes() for p in sorted(sites[0].rglob("*")) if p.is_file()}
    second = {p.relative_to(sites[1]): p.read_bytes() for p in sorted(sites[1].rglob("*")) if p.is_file()}
    assert len(first) > 50 and (sites[0] / "sitemap.xml.gz").exists()
    assert first.keys() == second.keys()
    assert [str(name) for name in first if first[name] != second[name]] == []


def test_make_builds_with_the_commit_time():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "export SOURCE_DATE_EPOCH ?= $(or $(shell git log -1 --format=%ct" in makefile
