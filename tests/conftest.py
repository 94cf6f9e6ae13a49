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


# KB_BUILT_SITES=site: test the sites `make build-all` already built (site/<profile>/) instead of
# building them again; every profile must be there.
BUILT_SITES = os.environ.get("KB_BUILT_SITES", "").strip()


@pytest.fixture(scope="session")
def sites(tmp_path_factory) -> dict[str, BuiltSite]:
    """All profiles built with --strict, two at a time (the CI machine has two cores)."""
    if BUILT_SITES:
        return built_sites(Path(BUILT_SITES).resolve())
    base = tmp_path_factory.mktemp("sites")
    built: dict[str, BuiltSite] = {}
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


@pytest.fixture(scope="session")
def region(tmp_path_factory) -> Path:
    """What `make build-all` publishes: site/<profile>/ with its offline ZIP, and site/index.html.

    With KB_BUILT_SITES, the directory make build-all made; otherwise the demo alone, built the
    same way (its offline edition, then the site that links to it), so the suite adds two builds.
    """
    if BUILT_SITES:
        return Path(BUILT_SITES).resolve()
    from scripts.build_all import build_all, organizations, write_index

    base = tmp_path_factory.mktemp("region")
    result, = build_all(["demo"], base, jobs=1, offline=True)
    if not result.ok:
        pytest.fail(f"make build-all fails for demo:\n{result.log[-4000:]}")
    write_index(organizations(["demo"], base), base)
    return base


def built_sites(base: Path) -> dict[str, BuiltSite]:
    missing = [profile for profile in PROFILES if not (base / profile / "index.html").is_file()]
    if missing:
        pytest.fail(f"KB_BUILT_SITES={base}: no built site for {', '.join(missing)} (run make build-all)")
    return {profile: BuiltSite(profile, base / profile, "") for profile in PROFILES}
