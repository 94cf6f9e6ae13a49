"""The built pages make no request outside their own origin (no web fonts, no CDN, no analytics)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.conftest import PROFILES
from tests.support import serve

PAGES = ["", "instructions/parent-join/", "regulation/", "checklists/launch/", "glossary/", "roles/admin/"]


def visit_and_collect_hosts(page, base: str) -> set[str]:
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).hostname or request.url))
    for path in PAGES:
        page.goto(base + path, wait_until="networkidle")
    # Search loads its worker and index lazily: use it too.
    page.locator("label.md-header__button[for='__search']").click()
    page.locator("input.md-search__input").type("ссылка")
    page.keyboard.press("End")
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    page.wait_for_load_state("networkidle")
    return hosts


def test_demo_site_requests_only_its_own_origin(page, demo_url):
    hosts = visit_and_collect_hosts(page, demo_url)
    assert hosts == {"127.0.0.1"}, f"requests left the site: {sorted(hosts - {'127.0.0.1'})}"


@pytest.mark.parametrize("profile", [p for p in PROFILES if p != "demo"])
def test_every_profile_requests_only_its_own_origin(page, sites, profile):
    with serve(sites[profile].path) as base:
        hosts = visit_and_collect_hosts(page, base)
    assert hosts == {"127.0.0.1"}, f"requests left the site: {sorted(hosts - {'127.0.0.1'})}"
