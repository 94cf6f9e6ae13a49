"""A bad data file stops the build with one line: the file, the path to the field, the reason."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from macros.errors import DataError
from macros.loader import load_knowledge_base
from tests.conftest import PROFILES
from tests.support import ROOT


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path


def edit(project: Path, relative: str, change) -> None:
    """Load a YAML file, let `change` modify the data, write it back."""
    path = project / relative
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def error_of(project: Path, profile: str = "demo") -> str:
    with pytest.raises(DataError) as caught:
        load_knowledge_base(project, profile)
    message = str(caught.value)
    assert "\n" not in message, "the message must be one line"
    assert "Traceback" not in message
    return message


@pytest.mark.parametrize("profile", PROFILES)
def test_the_shipped_data_is_valid_for_every_profile(profile):
    kb = load_knowledge_base(ROOT, profile)
    assert kb.roles and kb.numbered and kb.shown_procedures()


def test_yaml_syntax_error_names_file_and_line(project):
    path = project / "data/roles.yml"
    path.write_text(path.read_text(encoding="utf-8") + "\n  - id: [unclosed\n", encoding="utf-8")
    message = error_of(project)
    assert message.startswith("data/roles.yml:")
    assert "ошибка синтаксиса YAML" in message


def test_missing_field(project):
    edit(project, "data/roles.yml", lambda d: d["roles"][1].pop("title"))
    message = error_of(project)
    assert message.startswith("data/roles.yml:")
    assert "роль 2 › title: обязательное поле не заполнено" in message


def test_wrong_type(project):
    edit(project, "data/procedures/parent-join.yml",
         lambda d: d.update(verified_in_app={"date": "вчера", "by_position": "администратор платформы"}))
    message = error_of(project)
    assert "data/procedures/parent-join.yml" in message
    assert "verified_in_app › date: ожидается дата" in message


def test_unknown_key(project):
    edit(project, "data/roles.yml", lambda d: d["roles"][0].update(titel="Директор"))
    assert "роль 1 › titel: неизвестное поле — может быть, «title»?" in error_of(project)


def test_unknown_key_in_profile(project):
    edit(project, "data/profiles/college.yml", lambda d: d.update(mesenger="max"))
    message = error_of(project, "college")
    assert message.startswith("data/profiles/college.yml")
    assert "mesenger: неизвестное поле" in message


def test_reference_to_missing_role(project):
    edit(project, "data/chats.yml", lambda d: d["chats"][0].update(created_by=["directr"]))
    message = error_of(project)
    assert message.startswith("data/chats.yml:")
    assert "чат 1 › created_by №1: роль «directr» не существует" in message


def test_reference_to_missing_clause(project):
    edit(project, "data/checklists.yml", lambda d: d["launch"]["items"].append({"clause": "no-such-clause"}))
    message = error_of(project)
    assert "data/checklists.yml" in message
    assert "пункт Положения «no-such-clause» не существует" in message


def test_reference_to_missing_procedure(project):
    def change(data):
        data["regulation"]["sections"][0]["clauses"][0]["procedures"] = ["no-such-procedure"]
    edit(project, "data/regulation.yml", change)
    message = error_of(project)
    assert "regulation › раздел 1 › пункт 1 › procedures №1: инструкция «no-such-procedure» не существует" in message


def test_duplicate_id(project):
    edit(project, "data/roles.yml", lambda d: d["roles"].append(dict(d["roles"][0])))
    message = error_of(project)
    assert f"роль {len(load_knowledge_base(ROOT).roles) + 1} › id: роль «" in message
    assert "уже есть" in message


def test_duplicate_yaml_key(project):
    path = project / "data/profiles/school.yml"
    path.write_text(path.read_text(encoding="utf-8") + "\norg_type: college\n", encoding="utf-8")
    message = error_of(project, "school")
    assert message.startswith("data/profiles/school.yml:")
    assert "org_type: поле повторяется" in message


def test_unknown_placeholder_in_text(project):
    edit(project, "data/roles.yml", lambda d: d["roles"][0].update(tile="Чат {{ unitt.gen }}"))
    message = error_of(project)
    assert "роль 1 › tile: неизвестная подстановка в тексте" in message
    assert "unitt" in message


def test_unknown_case_of_a_word(project):
    edit(project, "data/roles.yml", lambda d: d["roles"][0].update(tile="Чат {{ unit.gem }}"))
    assert "роль 1 › tile: неизвестная подстановка" in error_of(project)


@pytest.mark.parametrize("broken", ["Чат {{ unit.gen", "Чат {% if unit %}", "{% endif %} чат"])
def test_broken_placeholder_names_its_field(project, broken):
    """The texts of a file are compiled together; a broken one is still named by its own field."""
    edit(project, "data/roles.yml", lambda d: d["roles"][2].update(tile=broken))
    message = error_of(project)
    assert "роль 3 › tile: ошибка в подстановке" in message


def test_texts_of_a_file_do_not_leak_into_each_other(project):
    """An unclosed tag in one text and its closing tag in the next are two errors, not one block."""
    edit(project, "data/roles.yml", lambda d: (d["roles"][0].update(tile="{% if true %}Чат"),
                                               d["roles"][0].update(summary="{% endif %}Всё")))
    assert "роль 1 › tile: ошибка в подстановке" in error_of(project)


def test_unknown_profile():
    message = error_of(ROOT, "no-such-profile")
    assert message.startswith("ORG_PROFILE")
    assert "профиль «no-such-profile» не найден" in message
    assert "demo" in message


def test_unknown_messenger_in_profile(project):
    edit(project, "data/profiles/school.yml", lambda d: d.update(messenger="telegram"))
    assert "data/profiles/school.yml:" in (message := error_of(project, "school"))
    assert "messenger: неизвестный мессенджер «telegram»" in message


def test_procedure_id_must_match_file_name(project):
    edit(project, "data/procedures/parent-join.yml", lambda d: d.update(id="parent-joins"))
    assert "data/procedures/parent-join.yml:" in (message := error_of(project))
    assert "id: id инструкции должен совпадать с именем файла: parent-join" in message


def test_id_with_invalid_characters(project):
    edit(project, "data/roles.yml", lambda d: d["roles"][0].update(id="Директор"))
    assert "роль 1 › id: недопустимые символы" in error_of(project)


def test_unknown_profile_option_in_condition(project):
    edit(project, "data/procedures/parent-join.yml", lambda d: d.update(when={"option": "no-such-option"}))
    assert "when › option: неизвестный параметр профиля «no-such-option»" in error_of(project)


def test_procedure_without_steps(project):
    edit(project, "data/procedures/parent-join.yml", lambda d: d.update(steps=[]))
    assert "data/procedures/parent-join.yml:" in (message := error_of(project))
    assert "steps: список пуст" in message


def test_unknown_organization_detail(project):
    edit(project, "data/profiles/demo.yml", lambda d: d.update(details={"no-such-detail": "x"}))
    assert "details › no-such-detail: поле для заполнения организацией «no-such-detail» не существует" in error_of(project)


def test_faq_link_to_missing_page(project):
    edit(project, "data/faq.yml", lambda d: d["faq"][0].update(links=["page:nowhere"]))
    assert "вопрос 1 › links №1: страница «nowhere» не существует" in error_of(project)


def test_empty_file(project):
    (project / "data/glossary.yml").write_text("# nothing yet\n", encoding="utf-8")
    assert error_of(project).startswith("data/glossary.yml: файл должен содержать")


def test_line_number_points_at_the_field(project):
    path = project / "data/roles.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.strip().startswith("tile:"))
    lines[index] = lines[index].replace("tile:", "tiles:")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert error_of(project).startswith(f"data/roles.yml:{index + 1}: роль 1 › tiles: неизвестное поле")


def test_a_profile_adds_its_regional_acts(project):
    act = {"id": "region-order", "kind": "Распоряжение департамента образования области", "date": "2025-11-14",
           "number": "№ 30-р", "title": "«Об использовании сервиса»", "governs": "Порядок в области.",
           "level": "regional"}
    edit(project, "data/profiles/school.yml", lambda d: d.update(legal_acts=[act]))
    kb = load_knowledge_base(project, "school")
    assert "region-order" in [a.id for a in kb.shown_legal_acts()]
    assert "region-order" not in [a.id for a in load_knowledge_base(project, "college").shown_legal_acts()]


def test_a_regional_act_may_not_reuse_a_federal_id(project):
    federal = load_knowledge_base(ROOT).legal_acts[0]
    act = federal.model_dump(mode="json", exclude_none=True)
    edit(project, "data/profiles/school.yml", lambda d: d.update(legal_acts=[act]))
    assert f"акт 1 › id: акт «{federal.id}» уже есть в data/legal_acts.yml" in error_of(project, "school")
