"""No serious or critical axe-core violations on the pages readers use most (phone viewport)."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

PAGES = ["", "roles/parent/", "instructions/parent-join/", "instructions/student-join/",
         "checklists/launch/", "regulation/", "rules/", "chats/", "legal/", "faq/", "glossary/",
         "support/", "features/", "leaflet/"]


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()  # axe-core ships inside the package: nothing is downloaded


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p or "home")
def test_no_serious_violations(page, demo_url, axe, path):
    page.goto(demo_url + path)
    violations = [v for v in axe.run(page).response["violations"] if v["impact"] in ("serious", "critical")]
    report = [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
              for v in violations]
    assert not violations, "\n".join(report)


@pytest.mark.parametrize("path", ["", "instructions/parent-join/", "checklists/launch/", "faq/"],
                         ids=lambda p: p or "home")
def test_no_serious_violations_in_the_dark_scheme(page, demo_url, axe, path):
    page.emulate_media(color_scheme="dark")
    page.goto(demo_url + path)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    violations = [v for v in axe.run(page).response["violations"] if v["impact"] in ("serious", "critical")]
    assert not violations, [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in violations]
