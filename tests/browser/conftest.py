"""Browser fixtures: the system Chromium driven by Playwright, the demo site served on 127.0.0.1.

Browser tests skip only where there is no Chromium and CI is unset; under CI they must run.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from tests.support import serve

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Flags that work offline (no Google services, no component updates, no QUIC).
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium_path() -> str:
    if Path(CHROMIUM).exists():
        return CHROMIUM
    if os.environ.get("CI"):
        pytest.fail(f"CI is set but there is no Chromium at {CHROMIUM}: .ci/run must install it")
    pytest.skip(f"no Chromium at {CHROMIUM} (install the Debian package chromium)")


@pytest.fixture(scope="session")
def playwright_instance():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture
def context(playwright_instance, chromium_path):
    """A fresh browser profile for every test (so localStorage starts empty)."""
    profile_dir = tempfile.mkdtemp(prefix="kb-chromium-")
    browser_context = playwright_instance.chromium.launch_persistent_context(
        profile_dir, executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS,
        viewport={"width": 390, "height": 844}, locale="ru-RU",
    )
    try:
        yield browser_context
    finally:
        browser_context.close()
        shutil.rmtree(profile_dir, ignore_errors=True)


@pytest.fixture
def page(context):
    return context.pages[0] if context.pages else context.new_page()


@pytest.fixture(scope="session")
def demo_url(sites):
    with serve(sites["demo"].path) as base:
        yield base
