"""Search through the real search box finds what readers type (tests/search_queries.yml).

The query set was written before the search was tuned; the queries marked `holdout` were never used
for tuning, and their hit rates are reported apart. Run with -s to see the figures.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

QUERIES = yaml.safe_load((Path(__file__).resolve().parent.parent / "search_queries.yml").read_text("utf-8"))["queries"]
WAIT_MS = 10_000
PLACEHOLDER_SHOWN = """([shown]) => {
  const placeholder = JSON.parse(document.getElementById("__config").textContent)
    .translations["search.result.placeholder"];
  return (document.querySelector(".md-search-result__meta").innerText.trim() === placeholder) === shown;
}"""


def open_search(page, base: str) -> None:
    page.goto(base)
    page.locator("label.md-header__button[for='__search']").click()


def run_query(page, base: str, query: str) -> list[str]:
    """The pages (paths relative to the site root) of the result list, in order."""
    field = page.locator("input.md-search__input")
    field.fill("")
    page.keyboard.press("End")
    # The cleared box shows the placeholder; the answer to the query replaces it.
    page.wait_for_function(PLACEHOLDER_SHOWN, arg=[True], timeout=WAIT_MS)
    field.fill(query)
    # Typing Cyrillic through Playwright fires no keyup, which Material's search listens to.
    page.keyboard.press("End")
    page.wait_for_function(PLACEHOLDER_SHOWN, arg=[False], timeout=WAIT_MS)
    # One list item per page: its first link is the page, the others are its sections.
    hrefs = page.eval_on_selector_all(
        ".md-search-result__list > li.md-search-result__item",
        "items => items.map(li => li.querySelector('a.md-search-result__link').href)")
    root = urlsplit(base).path
    return [unquote(urlsplit(href).path)[len(root):] for href in hrefs]


def expected_pages(entry) -> list[str]:
    page = entry["page"]
    return page if isinstance(page, list) else [page]


def evaluate(page, base: str) -> dict[str, dict]:
    open_search(page, base)
    figures = {}
    for part, holdout in (("tuned", False), ("holdout", True)):
        entries = [e for e in QUERIES if bool(e.get("holdout")) == holdout]
        hit1 = hit3 = 0
        misses = []
        for entry in entries:
            found = run_query(page, base, entry["q"])
            wanted = expected_pages(entry)
            if found[:1] and found[0] in wanted:
                hit1 += 1
            if any(path in wanted for path in found[:3]):
                hit3 += 1
            else:
                misses.append(f"{entry['q']!r}: wanted {wanted}, got {found[:3]}")
        figures[part] = {"n": len(entries), "hit1": hit1, "hit3": hit3, "misses": misses}
    return figures


def test_reader_queries_find_the_right_page(page, demo_url):
    figures = evaluate(page, demo_url)
    total = sum(f["n"] for f in figures.values())
    hit1 = sum(f["hit1"] for f in figures.values())
    hit3 = sum(f["hit3"] for f in figures.values())
    for part, f in figures.items():
        print(f"\nsearch {part}: {f['n']} queries, hit@1 {f['hit1'] / f['n']:.0%}, hit@3 {f['hit3'] / f['n']:.0%}")
        for miss in f["misses"]:
            print("  miss:", miss)
    print(f"search all: {total} queries, hit@1 {hit1 / total:.0%}, hit@3 {hit3 / total:.0%}")
    misses = [m for f in figures.values() for m in f["misses"]]
    assert hit3 / total >= 0.95, f"hit@3 {hit3}/{total}; misses:\n" + "\n".join(misses)
    assert hit1 / total >= 0.80, f"hit@1 {hit1}/{total}"


def test_word_forms_synonyms_and_layout(page, demo_url):
    open_search(page, demo_url)
    assert run_query(page, demo_url, "приглашения"), "a word form finds nothing"
    assert run_query(page, demo_url, "MAX")[:3] == run_query(page, demo_url, "макс")[:3]
    assert run_query(page, demo_url, "vfrc") == run_query(page, demo_url, "макс"), "the ЙЦУКЕН layout is not retried"
    assert run_query(page, demo_url, "ребенок") == run_query(page, demo_url, "ребёнок")


def test_index_loads_on_the_first_query_only(page, demo_url):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(urlsplit(request.url).path))
    page.goto(demo_url + "instructions/parent-join/", wait_until="networkidle")
    assert not [path for path in requested if path.endswith("kb_index.js")], "the index loads with the page"
    open_search(page, demo_url)
    assert run_query(page, demo_url, "поддержка")
    assert [path for path in requested if path.endswith("search/kb_index.js")]


def test_keyboard_shortcut_and_highlighting(page, demo_url):
    page.goto(demo_url + "rules/")
    page.keyboard.press("/")
    field = page.locator("input.md-search__input")
    assert field.evaluate("element => element === document.activeElement"), "«/» does not open search"
    field.type("поддержки")
    page.keyboard.press("End")
    first = page.locator(".md-search-result__item").first
    first.wait_for(timeout=WAIT_MS)
    assert first.locator("mark").count() >= 1, "the result list highlights nothing"
    first.locator("a.md-search-result__link").first.click()
    page.wait_for_url("**/support/**")
    assert "h=" in page.url
    marks = page.locator("article mark[data-md-highlight]")
    marks.first.wait_for(timeout=WAIT_MS)
    assert "поддерж" in marks.first.inner_text().lower()
