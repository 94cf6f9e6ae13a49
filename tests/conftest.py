"""Fixtures: every profile is built once per test session and shared by all tests."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros.loader import available_profiles  # noqa: E402
from tests.support import ROOT, start_build  # noqa: E402

PROFILES = available_profiles(ROOT)


@dataclass
class BuiltSite:
    profile: str
    path: Path
    log: str

    def pages(self) -> list[Path]:
        return sorted(self.path.rglob("*.html"))

    def page(self, relative: str) -> str:
        return (self.path / relative).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sites(tmp_path_factory) -> dict[str, BuiltSite]:
    """All profiles built with --strict, two at a time (the CI machine has two cores)."""
    built: dict[str, BuiltSite] = {}
    prebuilt = os.environ.get("KB_BUILT_SITES")  # CI: the sites its build jobs made (site/<profile>/)
    if prebuilt:
        for profile in PROFILES:
            path = (ROOT / prebuilt / profile).resolve()
            if not (path / "index.html").exists():
                pytest.fail(f"KB_BUILT_SITES={prebuilt}: no built site for profile {profile} in {path}")
            built[profile] = BuiltSite(profile, path, "")
        return built
    base = tmp_path_factory.mktemp("sites")
    pending = list(PROFILES)
    while pending:
        batch, pending = pending[:2], pending[2:]
        running = [(profile, start_build(profile, base / profile)) for profile in batch]
        for profile, process in running:
            log, _ = process.communicate(timeout=600)
            if process.returncode != 0:
                pytest.fail(f"profile {profile} does not build:\n{log[-4000:]}")
            built[profile] = BuiltSite(profile, base / profile, log)
    return built
