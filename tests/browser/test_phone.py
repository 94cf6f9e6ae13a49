"""A parent with a cheap phone: the first step is on the first screen, targets are large enough."""

from __future__ import annotations

import pytest

PHONE = {"width": 360, "height": 640}


@pytest.mark.parametrize("path", ["instructions/parent-join/", "instructions/student-join/"])
def test_first_step_is_on_the_first_screen(page, demo_url, path):
    page.set_viewport_size(PHONE)
    page.goto(demo_url + path)
    first_step = page.locator("li.kb-step").first
    box = first_step.bounding_box()
    assert box is not None
    assert box["y"] < PHONE["height"] * 0.75, f"the first step starts at {box['y']:.0f}px"
    # Between the title and the first step there is one line of context and nothing else.
    between = page.evaluate("""() => {
        const h1 = document.querySelector('article h1');
        const steps = document.querySelector('ol.kb-steps');
        const out = [];
        for (let n = h1.nextElementSibling; n && n !== steps; n = n.nextElementSibling) out.push(n.tagName);
        return out;
    }""")
    assert between == ["P"], between


def test_no_horizontal_scrolling_on_a_phone(page, demo_url):
    page.set_viewport_size(PHONE)
    for path in ("", "instructions/parent-join/", "roles/parent/", "checklists/parent/"):
        page.goto(demo_url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{path or 'home'} is {width}px wide"


def test_checkboxes_are_large_tap_targets(page, demo_url):
    page.set_viewport_size(PHONE)
    page.goto(demo_url + "checklists/parent/")
    box = page.locator("input.kb-checklist__box").first.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24
