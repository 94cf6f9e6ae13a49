"""The search index: small on page load, UTF-8, with the aliases and synonym groups from the data."""

from __future__ import annotations

import gzip
import json

import pytest

from hooks.search import compact_index
from macros.loader import load_knowledge_base
from macros.search_terms import aliases_by_location, synonym_groups
from tests.conftest import PROFILES
from tests.support import ROOT


def kb_index(site) -> dict:
    script = (site.path / "search/kb_index.js").read_text(encoding="utf-8")
    assert script.startswith("self.__kbIndex=")
    return json.loads(script[len("self.__kbIndex="):].rstrip().rstrip(";"))


@pytest.mark.parametrize("profile", PROFILES)
def test_page_load_fetches_only_the_empty_index(sites, profile):
    stub = (sites[profile].path / "search/search_index.json").read_bytes()
    assert json.loads(stub)["docs"] == []
    assert len(stub) < 1024


def test_index_is_utf8_and_has_every_page(sites):
    site = sites["demo"]
    script = (site.path / "search/kb_index.js").read_text(encoding="utf-8")
    assert "\\u04" not in script and "Поддержка и контакты" in script
    assert len(gzip.compress(script.encode(), 6)) < 60 * 1024
    locations = {row[0] for row in kb_index(site)["docs"]}
    for page in ("", "support/", "features/", "faq/", "glossary/", "instructions/parent-join/"):
        assert page in locations


def test_aliases_reach_their_page(sites):
    rows = {row[0]: row for row in kb_index(sites["demo"])["docs"]}
    assert "завуч" in rows["roles/deputy/"][3]
    assert "техподдержка" in rows["support/"][3]  # front matter
    assert "Памятки участникам" in rows["roles/parent/"][3]  # nav section
    assert "Макс" in rows["glossary/#max"][3]


def test_automatic_synonyms_cover_profile_names_and_messenger_spellings():
    groups = [{word.lower() for word in group} for group in synonym_groups(ROOT)]
    assert any({"классный руководитель", "куратор"} <= group for group in groups)
    assert any({"учительская", "сотрудники"} <= group for group in groups)
    assert any({"мах", "max", "макс"} <= group for group in groups)
    assert any({"vk", "вк", "вконтакте"} <= group for group in groups)


def test_glossary_shows_other_names(sites):
    html = sites["demo"].page("glossary/index.html")
    assert "Другие названия: техподдержка." in html


def test_aliases_of_a_hidden_section_fall_back_to_its_page():
    docs = [{"location": "a/", "title": "A", "text": ""}, {"location": "a/#x", "title": "X", "text": "", "boost": 0.5}]
    index = compact_index(docs, {"a/#missing": ["alias"], "b/": ["lost"]}, [["a", "b"]])
    assert index["docs"] == [["a/", "A", "", ["alias"]], ["a/#x", "X", "", [], 0.5]]
    assert index["synonyms"] == [["a", "b"]]


def test_aliases_by_location_uses_data():
    kb = load_knowledge_base(ROOT, "college")
    aliases = aliases_by_location(kb)
    assert "WhatsApp" in aliases["instructions/migrate-chats/"]
    assert all(location.endswith("/") or "/#" in location for location in aliases)


def test_bad_page_aliases_stop_the_build_with_a_clear_message(tmp_path):
    from tests.support import build_with_home_page

    result, output = build_with_home_page(tmp_path, "---\naliases: техподдержка\n---\n# Главная\n")
    assert result.returncode != 0
    assert "docs/index.md, поле aliases: нужен список непустых строк" in output
