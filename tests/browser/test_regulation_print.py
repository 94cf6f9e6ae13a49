"""The regulation page prints as the document: approval block on top, no navigation, no web asides."""

from __future__ import annotations


def visible(page, selector: str) -> bool:
    return page.locator(selector).first.is_visible()


def test_regulation_prints_as_the_document(page, demo_url):
    page.set_viewport_size({"width": 1200, "height": 900})
    page.goto(demo_url + "regulation/")
    assert visible(page, ".kb-aside") and visible(page, ".md-header"), "on screen the web parts are shown"
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".kb-aside", ".kb-downloads", ".md-footer"):
        assert not visible(page, selector), f"{selector} is printed"
    approval = page.locator(".kb-approval").bounding_box()
    title = page.locator("h1.kb-act-title").bounding_box()
    first_clause = page.locator("p.kb-clause").first.bounding_box()
    assert approval and title and first_clause
    assert approval["y"] < title["y"] < first_clause["y"], "approval block, then the title, then the clauses"
    assert approval["y"] < 150, "the approval block is at the top of the first page"
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")

