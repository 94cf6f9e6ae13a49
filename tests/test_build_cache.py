"""What one build leaves for the next (macros/cache.py) never hides a change or a finding."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros import cache
from macros.errors import DataError
from macros.loader import load_knowledge_base
from macros.yamlfile import _parse, read_yaml
from tests.support import ROOT


@pytest.fixture(autouse=True)
def fresh_cache(tmp_path_factory, monkeypatch):
    """Every test starts from an empty cache of its own (nothing from earlier runs)."""
    directory = tmp_path_factory.mktemp("cache")
    monkeypatch.setattr(cache, "directory", lambda: directory)


def test_the_real_cache_directory_is_private():
    mode = Path(cache._store().directory).stat().st_mode & 0o777
    assert mode == 0o700


def test_a_file_read_again_is_the_same_as_parsed(tmp_path):
    path = tmp_path / "roles.yml"
    shutil.copyfile(ROOT / "data/roles.yml", path)
    first, second = read_yaml(path, "data/roles.yml"), read_yaml(path, "data/roles.yml")
    data, lines = _parse(path.read_text(encoding="utf-8"), "data/roles.yml")
    assert first.data == second.data == data and first.lines == second.lines == lines
    assert second.data is not first.data  # each reader gets its own copy to change


def test_a_changed_file_is_parsed_again(tmp_path):
    path = tmp_path / "a.yml"
    path.write_text("title: первый\n", encoding="utf-8")
    assert read_yaml(path, "a.yml").data == {"title": "первый"}
    path.write_text("title: второй\nother: 1\n", encoding="utf-8")
    document = read_yaml(path, "a.yml")
    assert document.data == {"title": "второй", "other": 1} and document.lines[("other",)] == 2


def test_errors_are_never_cached(tmp_path):
    path = tmp_path / "a.yml"
    path.write_text("a: 1\na: 2\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(DataError, match="поле повторяется"):
            read_yaml(path, "a.yml")


def test_a_clean_file_that_gains_a_phone_number_is_refused(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    load_knowledge_base(tmp_path, "school")  # marks every file clean
    profile = tmp_path / "data/profiles/school.yml"
    text = profile.read_text(encoding="utf-8")
    profile.write_text(text.replace("administrator_contact: ", "administrator_contact: тел. +7 912 345-67-89, ", 1),
                       encoding="utf-8")
    with pytest.raises(DataError, match="номер телефона"):
        load_knowledge_base(tmp_path, "school")


def test_a_build_reuses_the_documents_of_an_unchanged_profile(tmp_path, monkeypatch):
    from macros.components import Components
    kb = load_knowledge_base(ROOT, "demo")
    made = Components(kb, lambda: "regulation.md").downloads()
    monkeypatch.setattr("macros.docx_act.documents", lambda kb: pytest.fail("made again"))
    assert Components(load_knowledge_base(ROOT, "demo"), lambda: "regulation.md").downloads() == made


def test_a_changed_profile_makes_its_documents_again(tmp_path, monkeypatch):
    from macros.components import Components
    shutil.copytree(ROOT / "data", tmp_path / "data")
    Components(load_knowledge_base(tmp_path, "school"), lambda: "regulation.md").downloads()
    profile = tmp_path / "data/profiles/school.yml"
    profile.write_text(profile.read_text(encoding="utf-8") + "\n# a change\n", encoding="utf-8")
    made = []
    monkeypatch.setattr("macros.docx_act.documents", lambda kb: made.append(kb) or {"regulation": b"", "order": b""})
    Components(load_knowledge_base(tmp_path, "school"), lambda: "regulation.md").downloads()
    assert len(made) == 1


def test_the_cache_can_be_switched_off(tmp_path, monkeypatch):
    path = tmp_path / "a.yml"
    path.write_text("a: 1\n", encoding="utf-8")
    monkeypatch.setenv("KB_BUILD_CACHE", "off")
    calls = []
    monkeypatch.setattr("macros.yamlfile._parse", lambda text, name: calls.append(name) or ({"a": 1}, {}))
    read_yaml(path, "a.yml")
    read_yaml(path, "a.yml")
    assert calls == ["a.yml", "a.yml"] and not cache.has_mark("anything")
