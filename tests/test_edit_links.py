"""Every page has an «edit» button leading to the file that holds its text and a «report» button."""

from __future__ import annotations

import html as htmllib
import os
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.support import build, copy_project

# mkdocs.yml's default; sites built by CI (KB_BUILT_SITES) lead to the repository they were built in.
REPO = (os.environ.get("REPO_URL") if os.environ.get("KB_BUILT_SITES") else None) or \
    "https://github.com/your-organization/sferum-kb"


def buttons(html: str) -> tuple[str | None, str | None]:
    edit = re.search(r'<a href="([^"]+)"[^>]*rel="edit"', html)
    report = re.search(r'<a href="([^"]+)"\s+title="Сообщить об ошибке', html)
    return (htmllib.unescape(edit.group(1)) if edit else None,
            htmllib.unescape(report.group(1)) if report else None)


@pytest.mark.parametrize("page, source", [
    ("instructions/parent-join/index.html", "data/procedures/parent-join.yml"),
    ("regulation/index.html", "data/regulation.yml"),
    ("rules/index.html", "data/regulation.yml"),
    ("roles/teacher/index.html", "data/roles.yml"),
    ("checklists/launch/index.html", "data/checklists.yml"),
    ("faq/index.html", "data/faq.yml"),
    ("glossary/index.html", "data/glossary.yml"),
    ("index.html", "docs/index.md"),
])
def test_the_edit_button_opens_the_file_with_the_text(sites, page, source):
    edit, _ = buttons(sites["school"].page(page))
    assert edit == f"{REPO}/edit/main/{source}"


def test_every_page_has_both_buttons(sites):
    for page in sites["demo"].pages():
        if page.name == "404.html":
            continue
        edit, report = buttons(page.read_text(encoding="utf-8"))
        assert edit and edit.startswith(f"{REPO}/edit/main/"), page
        assert report and report.startswith(f"{REPO}/issues/new?"), page


def test_report_opens_an_issue_with_the_page_address(sites):
    _, report = buttons(sites["school"].page("instructions/parent-join/index.html"))
    query = parse_qs(urlsplit(report).query)
    assert query["title"][0].startswith("Ошибка на странице «")
    assert "Страница: https://example.org/sferum-school/instructions/parent-join/" in query["body"][0]


def test_no_request_to_github_from_the_pages(sites):
    html = sites["demo"].page("index.html")
    assert "api.github.com" not in html and 'data-md-component="source"' not in html


def test_the_repository_address_comes_from_the_environment(tmp_path):
    project = copy_project(tmp_path / "project")
    result = build(None, tmp_path / "site", project, extra_env={"REPO_URL": "https://github.com/school-42/kb"})
    assert result.returncode == 0, result.stdout + result.stderr
    edit, report = buttons((tmp_path / "site/instructions/parent-join/index.html").read_text(encoding="utf-8"))
    assert edit == "https://github.com/school-42/kb/edit/main/data/procedures/parent-join.yml"
    assert report.startswith("https://github.com/school-42/kb/issues/new?")
