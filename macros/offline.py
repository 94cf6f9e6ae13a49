"""The offline edition: the whole site as a ZIP that works opened from disk (file://).

`make offline` and scripts/build_all.py build it with Material's offline plugin (OFFLINE=true,
DIRECTORY_URLS=false in mkdocs.yml), then build the published site with KB_OFFLINE_ZIP pointing
at the ZIP: the home page then links to it and the build copies it into the site.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

ZIP_ENV = "KB_OFFLINE_ZIP"


def zip_name(profile_id: str) -> str:
    return f"site-offline-{profile_id}.zip"


def published_zip() -> Path | None:
    """The offline ZIP this build publishes, or None (a plain build, the offline build itself)."""
    value = os.environ.get(ZIP_ENV, "").strip()
    if not value:
        return None
    path = Path(value)
    if not path.is_file():
        raise FileNotFoundError(f"{ZIP_ENV}: файл {value} не найден (его собирает make offline)")
    return path


def on_post_build(env) -> None:
    """Copy the offline ZIP next to the home page that links to it."""
    path = published_zip()
    if path:
        shutil.copyfile(path, Path(env.conf["site_dir"]) / path.name)
