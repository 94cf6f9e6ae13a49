"""Search works in Russian and finds the messenger under both spellings."""

from __future__ import annotations


def search(page, base: str, query: str):
    page.goto(base)
    page.locator("label.md-header__button[for='__search']").click()
    field = page.locator("input.md-search__input")
    field.type(query)
    # Typing Cyrillic through Playwright fires no keyup, which Material's search listens to.
    page.keyboard.press("End")
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    return results


def test_russian_word_forms_are_found(page, demo_url):
    results = search(page, demo_url, "приглашения")
    text = " ".join(results.all_inner_texts()).lower()
    assert "приглашени" in text


def test_messenger_is_found_in_latin_and_cyrillic(page, demo_url):
    for query in ("MAX", "МАХ"):
        results = search(page, demo_url, query)
        assert results.count() >= 1, query
