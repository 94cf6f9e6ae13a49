"""Every profile builds strictly, and a broken page or data file stops the build with a clear message."""

from __future__ import annotations

import re

import pytest

from tests.conftest import PROFILES
from tests.support import build, build_with_home_page, copy_project

MACRO_ERROR_MARKERS = ("Macro Syntax Error", "Macro Rendering Error", "_File_:", "UndefinedError", "{{", "{%",
                       "Ошибка сборки", "Страница не собрана")


def visible_text(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


@pytest.mark.parametrize("profile", PROFILES)
def test_profile_builds_with_no_leftover_macro_errors(sites, profile):
    site = sites[profile]
    pages = site.pages()
    assert len(pages) > 40, f"{profile}: only {len(pages)} pages"
    for page in pages:
        text = visible_text(page.read_text(encoding="utf-8"))
        for marker in MACRO_ERROR_MARKERS:
            assert marker not in text, f"{page.relative_to(site.path)} contains {marker!r}"


def test_demo_is_marked_as_demo_on_every_page(sites):
    for page in sites["demo"].pages():
        assert "kb-demo-banner" in page.read_text(encoding="utf-8"), page


@pytest.mark.parametrize("profile", [p for p in PROFILES if p != "demo"])
def test_example_profiles_are_not_marked_as_demo(sites, profile):
    assert "kb-demo-banner" not in sites[profile].page("index.html")


@pytest.mark.parametrize("profile, words", [
    ("school", ["чат класса", "классного руководителя", "«учитель»"]),
    ("college", ["чат группы", "куратора", "«Сотрудник»"]),
    ("additional", ["чат группы", "педагога группы", "«учитель»"]),
])
def test_words_come_from_the_profile(sites, profile, words):
    text = " ".join(visible_text(sites[profile].page(p)) for p in
                    ("instructions/parent-join/index.html", "roles/teacher/index.html"))
    for word in words:
        assert word in text, f"{profile}: {word!r} missing"


def test_college_pages_never_say_class(sites):
    text = visible_text(sites["college"].page("instructions/parent-join/index.html"))
    assert "класс" not in text.lower()


def test_site_title_names_the_organization(sites):
    assert re.search(r"<title>[^<]*Техникум · Сферум в МАХ", sites["college"].page("index.html"))


def test_no_web_fonts_or_cdn(sites):
    for page in sites["demo"].pages():
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, page
        for src in re.findall(r'(?:src|href)="(https?://[^"]+)"', html):
            assert not re.search(r"\.(js|css|woff2?)(\?|$)", src), f"{page}: external asset {src}"


def test_a_broken_macro_call_stops_the_build(tmp_path):
    result, output = build_with_home_page(tmp_path, '{{ procedure("no-such-procedure") }}\n')
    assert result.returncode != 0
    assert "docs/index.md:1: инструкция «no-such-procedure» не существует" in output
    assert "Traceback" not in output


def test_an_undefined_variable_stops_the_build(tmp_path):
    result, output = build_with_home_page(tmp_path, "# Главная\n\nЧат {{ unitt.gen }}\n")
    assert result.returncode != 0
    assert "unitt" in output
    assert not (tmp_path / "site/index.html").exists() or "unitt" not in (tmp_path / "site/index.html").read_text()


def test_a_bad_data_file_stops_the_build_with_one_line(tmp_path):
    project = copy_project(tmp_path / "project")
    roles = project / "data/roles.yml"
    roles.write_text(roles.read_text(encoding="utf-8").replace("    staff: true", "    staff: maybe", 1),
                     encoding="utf-8")
    result = build(None, tmp_path / "site", project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert re.search(r"data/roles\.yml:\d+: роль \d+ › staff: ожидается true или false", output), output
    assert "Traceback" not in output


def test_unknown_profile_is_refused(tmp_path):
    result = build("no-such-profile", tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "профиль «no-such-profile» не найден" in output
    assert "Traceback" not in output


def test_abbreviations_show_their_expansion_on_every_page(sites):
    assert re.search(r'<abbr title="[^"]+">ИКОП</abbr>', sites["demo"].page("regulation/index.html"))
    assert re.search(r'<abbr title="[^"]+">ФЗ</abbr>', sites["college"].page("legal/index.html"))


def test_procedures_that_do_not_apply_are_left_out(sites):
    assert (sites["demo"].path / "instructions/migrate-chats/index.html").exists()
    college = sites["college"]
    assert not (college.path / "instructions/migrate-chats/index.html").exists()
    assert "migrate-chats" not in college.page("index.html")


def test_clause_anchors_are_stable_ids_from_data(sites):
    html = sites["college"].page("regulation/index.html")
    assert 'id="admin-registers-org"' in html
    assert re.search(r'<h2 id="general">1\. ', html)
