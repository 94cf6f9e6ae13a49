"""The offline edition opened from disk (a USB stick, no internet): navigation, checklists, search."""

from __future__ import annotations

import re
import zipfile

import pytest


@pytest.fixture(scope="module")
def offline_home(region, tmp_path_factory) -> str:
    """file://…/index.html of the unpacked ZIP that the demo site publishes."""
    target = tmp_path_factory.mktemp("usb-stick")
    with zipfile.ZipFile(region / "demo" / "site-offline-demo.zip") as archive:
        archive.extractall(target)
    return (target / "sferum-demo" / "index.html").as_uri()


def test_navigation_works_from_disk(page, offline_home):
    page.goto(offline_home)
    assert page.url.startswith("file://")
    page.locator(".md-typeset a[href='roles/parent.html']").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/roles/parent.html")
    assert "Родитель" in page.locator("h1").inner_text()
    # A relative link one level up, then into another section.
    page.locator(".md-typeset a[href^='../instructions/parent-join.html']").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/instructions/parent-join.html")
    assert page.locator(".kb-step").count() >= 3


def test_checklist_ticks_and_keeps_its_ticks_from_disk(page, offline_home):
    page.goto(offline_home.replace("index.html", "checklists/parent.html"))
    box = page.locator("input.kb-checklist__box").first
    box.check()
    assert "Сделано 1 из" in page.locator(".kb-checklist__progress").inner_text()
    page.reload()
    assert page.locator("input.kb-checklist__box").first.is_checked()


def test_search_works_from_disk(page, offline_home):
    elsewhere = []
    page.on("request", lambda request: None if request.url.startswith(("file://", "data:", "about:"))
            else elsewhere.append(request.url))
    page.goto(offline_home)
    page.locator("label.md-header__button[for='__search']").click()
    field = page.locator("input.md-search__input")
    field.type("приглашение")
    # Typing Cyrillic through Playwright fires no keyup, which Material's search listens to.
    page.keyboard.press("End")
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15_000)
    assert "приглашени" in " ".join(results.all_inner_texts()).lower()
    # A result opens its page on disk.
    results.first.locator("a").first.click()
    page.wait_for_load_state()
    assert page.url.startswith("file://") and re.search(r"\.html(?:[?#]|$)", page.url), page.url
    assert elsewhere == [], "the offline edition asks for nothing outside the stick"
