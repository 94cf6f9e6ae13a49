"""Checklists: tick, reload, still ticked; reset; keyboard only; a clean printout."""

from __future__ import annotations

import re

CHECKLIST = "checklists/launch/"


def boxes(page):
    return page.locator("input.kb-checklist__box")


def progress(page) -> str:
    return page.locator(".kb-checklist__progress").inner_text()


def test_a_ticked_item_survives_a_reload(page, demo_url):
    page.goto(demo_url + CHECKLIST)
    total = boxes(page).count()
    assert total >= 10
    assert progress(page) == f"Сделано 0 из {total}"
    page.locator("label[for$='--proc-register-org']").click()  # the label ticks its box
    assert page.locator("input[id$='--proc-register-org']").is_checked()
    assert progress(page) == f"Сделано 1 из {total}"
    page.reload()
    assert page.locator("input[id$='--proc-register-org']").is_checked()
    assert progress(page) == f"Сделано 1 из {total}"
    # Another page's checklist is not affected.
    page.goto(demo_url + "checklists/admin/")
    assert not any(box.is_checked() for box in boxes(page).all())


def test_reset_clears_every_tick_after_confirmation(page, demo_url):
    page.goto(demo_url + CHECKLIST)
    boxes(page).nth(0).check()
    boxes(page).nth(1).check()
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Сбросить отметки").click()
    assert boxes(page).nth(0).is_checked(), "cancelling the dialog must keep the ticks"
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Сбросить отметки").click()
    assert not boxes(page).nth(0).is_checked() and not boxes(page).nth(1).is_checked()
    page.reload()
    assert not any(box.is_checked() for box in boxes(page).all())
    assert progress(page).startswith("Сделано 0 из")


def test_ticking_with_the_keyboard_only(page, demo_url):
    page.goto(demo_url + CHECKLIST)
    first = boxes(page).first
    # Tab from the reset button, which comes right before the first box.
    page.get_by_role("button", name="Сбросить отметки").focus()
    page.keyboard.press("Tab")
    assert first.evaluate("element => element === document.activeElement")
    page.keyboard.press("Space")
    assert first.is_checked()
    page.reload()
    assert boxes(page).first.is_checked()


def test_checkboxes_have_accessible_names(page, demo_url):
    page.goto(demo_url + CHECKLIST)
    name = page.get_by_role("checkbox").first.evaluate(
        "box => box.labels.length ? box.labels[0].textContent.trim() : ''")
    assert len(name) > 5
    register = page.get_by_role("checkbox", name=re.compile("регистр", re.I))
    assert register.count() >= 1


def test_print_hides_navigation_and_shows_the_boxes(page, demo_url):
    page.goto(demo_url + CHECKLIST)
    boxes(page).first.check()
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".kb-checklist__reset"):
        assert not page.locator(selector).first.is_visible(), f"{selector} is printed"
    assert boxes(page).first.is_visible()
    assert boxes(page).last.is_visible()
    assert boxes(page).first.is_checked()


def test_without_javascript_the_checklist_is_still_a_list(playwright_instance, chromium_path, demo_url, tmp_path):
    from tests.browser.conftest import CHROMIUM_ARGS

    context = playwright_instance.chromium.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS,
        java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(demo_url + CHECKLIST)
        items = page.locator(".kb-checklist__item")
        assert items.count() >= 10
        assert items.first.inner_text().strip()
        assert page.locator(".kb-checklist__progress").count() == 0
    finally:
        context.close()
