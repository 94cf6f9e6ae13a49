"""Shared helpers for the tests: build a profile, serve a built site on 127.0.0.1."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent


def build_command(site_dir: Path, project: Path = ROOT) -> list[str]:
    # Never -q: strict mode counts warnings only when they are logged.
    return [str(VENV_BIN / "mkdocs"), "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)]


def build_env(profile: str | None) -> dict[str, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("ORG_PROFILE", None)
    env.pop("REPO_URL", None)  # tests expect the default repository address of mkdocs.yml
    if profile:
        env["ORG_PROFILE"] = profile
    return env


def start_build(profile: str | None, site_dir: Path, project: Path = ROOT) -> subprocess.Popen:
    return subprocess.Popen(build_command(site_dir, project), env=build_env(profile), cwd=project,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def build(profile: str | None, site_dir: Path, project: Path = ROOT,
          extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(build_command(site_dir, project), env={**build_env(profile), **(extra_env or {})},
                          cwd=project, capture_output=True, text=True)


def copy_project(destination: Path) -> Path:
    """A throw-away copy of the project (sources only) for tests that break something."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "data", "macros", "overrides", "includes", "hooks"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / name)
    return destination


def build_with_home_page(tmp_path: Path, markdown: str) -> tuple[subprocess.CompletedProcess, str]:
    """Build a copy of the project whose docs/index.md is `markdown`; (result, all output)."""
    project = copy_project(tmp_path / "project")
    (project / "docs/index.md").write_text(markdown, encoding="utf-8")
    result = build(None, tmp_path / "site", project)
    return result, result.stdout + result.stderr


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output readable
        pass

    def end_headers(self) -> None:
        # linkchecker throttles every host to ~3 requests a second unless the server says it is
        # willing to be checked fast; this header is how it says so (linkcheck/checker/httpurl.py).
        self.send_header("LinkChecker", "allowed")
        super().end_headers()


@contextlib.contextmanager
def serve(directory: Path):
    """Serve a built site on 127.0.0.1 at a free port; yields the base URL ending in '/'."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
