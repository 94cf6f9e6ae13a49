"""The repository's habits: Python (ruff), YAML (yamllint) and Markdown (pymarkdown) stay clean.

The same linters run before each commit (.pre-commit-config.yaml). Their settings (ruff.toml,
.yamllint.yml, .pymarkdown.json) follow the project's current style.
"""

from __future__ import annotations

import subprocess

import pytest

from tests.support import ROOT, VENV_BIN

MARKDOWN = ["docs", "includes", "README.md", "CONTRIBUTING.md"]

LINTERS = {
    "ruff": [str(VENV_BIN / "ruff"), "check", "--no-cache", "."],
    "yamllint": [str(VENV_BIN / "yamllint"), "--strict", "-f", "parsable", "."],
    "pymarkdown": [str(VENV_BIN / "pymarkdown"), "-c", ".pymarkdown.json", "scan", "-r", *MARKDOWN],
}


@pytest.mark.parametrize("linter", LINTERS)
def test_linter_is_clean(linter):
    result = subprocess.run(LINTERS[linter], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("linter, name, text, rule", [
    ("ruff", "bad.py", "import os\n", "F401"),
    ("yamllint", "bad.yml", "a: 1\na: 2\n", "key-duplicates"),
    ("pymarkdown", "bad.md", "# Title\n\n```\ncode\n```\n", "MD040"),
])
def test_linter_catches_a_mistake(tmp_path, linter, name, text, rule):
    (tmp_path / name).write_text(text, encoding="utf-8")
    command = [part for part in LINTERS[linter] if part not in (".", *MARKDOWN)]
    if linter == "ruff":
        command += ["--config", str(ROOT / "ruff.toml")]
    if linter == "yamllint":
        command += ["-c", str(ROOT / ".yamllint.yml")]
    if linter == "pymarkdown":
        command[2] = str(ROOT / ".pymarkdown.json")
    result = subprocess.run(command + [name], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode != 0 and rule in result.stdout + result.stderr
