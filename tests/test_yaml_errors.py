"""YAML mistakes an editor makes are explained in Russian, on the line to fix, all in one run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.errors import DataError
from macros.loader import load_knowledge_base
from tests.support import ROOT


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path


def lines_of(project: Path, relative: str) -> list[str]:
    return (project / relative).read_text(encoding="utf-8").splitlines()


def write(project: Path, relative: str, lines: list[str]) -> None:
    (project / relative).write_text("\n".join(lines) + "\n", encoding="utf-8")


def index_of(lines: list[str], start: str, after: int = 0) -> int:
    return next(i for i, line in enumerate(lines) if i >= after and line.lstrip().startswith(start))


def messages(project: Path, profile: str = "demo") -> list[str]:
    with pytest.raises(DataError) as caught:
        load_knowledge_base(project, profile)
    text = str(caught.value)
    assert "Traceback" not in text
    for line in text.splitlines():
        assert not any(word in line for word in ("found", "expected", "while ", "mapping values")), line
    return text.splitlines()


PROCEDURE = "data/procedures/parent-join.yml"


def test_a_tab_is_named_on_its_line(project):
    lines = lines_of(project, PROCEDURE)
    i = index_of(lines, "context:")
    lines[i] = "\t" + lines[i].lstrip()
    write(project, PROCEDURE, lines)
    assert messages(project) == [f"{PROCEDURE}:{i + 1}: ошибка синтаксиса YAML: в строке символ табуляции; "
                                 "отступы делайте только пробелами"]


def test_a_line_indented_too_far(project):
    lines = lines_of(project, PROCEDURE)
    i = index_of(lines, "title:")
    lines[i] = "  " + lines[i]
    write(project, PROCEDURE, lines)
    [message] = messages(project)
    assert message.startswith(f"{PROCEDURE}:{i + 1}: ошибка синтаксиса YAML: лишний отступ")


def test_a_list_item_indented_wrong(project):
    lines = lines_of(project, PROCEDURE)
    i = index_of(lines, "- id:", index_of(lines, "steps:") + 2)
    lines[i] = lines[i][1:]
    write(project, PROCEDURE, lines)
    [message] = messages(project)
    assert message.startswith(f"{PROCEDURE}:{i + 1}: ошибка синтаксиса YAML: неверный отступ")


def test_a_missing_closing_quote_points_at_the_opening_line(project):
    lines = lines_of(project, PROCEDURE)
    i = index_of(lines, "title:")
    lines[i] = lines[i].split(":")[0] + ': "Вступить в чат'
    write(project, PROCEDURE, lines)
    assert messages(project) == [f"{PROCEDURE}:{i + 1}: ошибка синтаксиса YAML: кавычка открыта, но не закрыта; "
                                 "закройте её в конце текста"]


def test_a_colon_inside_a_text(project):
    lines = lines_of(project, PROCEDURE)
    i = index_of(lines, "title:")
    lines[i] = lines[i].split(":")[0] + ": Памятка: родителям"
    write(project, PROCEDURE, lines)
    [message] = messages(project)
    assert message == (f"{PROCEDURE}:{i + 1}: ошибка синтаксиса YAML: двоеточие с пробелом внутри текста; "
                       "заключите весь текст в кавычки")


def test_text_after_a_closing_quote(project):
    lines = lines_of(project, PROCEDURE)
    i = index_of(lines, "title:")
    lines[i] = lines[i].split(":")[0] + ': "Вступить" в чат'
    write(project, PROCEDURE, lines)
    [message] = messages(project)
    assert message.startswith(f"{PROCEDURE}:{i + 1}: ошибка синтаксиса YAML: текст после закрывающей кавычки")


def test_every_duplicate_key_of_a_file_is_reported(project):
    lines = lines_of(project, PROCEDURE)
    i = index_of(lines, "title:")
    j = index_of(lines, "context:")
    lines[i + 1:i + 1] = [lines[i]]
    lines.insert(j + 2, lines[j + 1])
    write(project, PROCEDURE, lines)
    result = messages(project)
    assert result == [f"{PROCEDURE}:{i + 2}: title: поле повторяется (уже есть в строке {i + 1})",
                      f"{PROCEDURE}:{j + 3}: context: поле повторяется (уже есть в строке {j + 2})"]


def test_steps_are_counted_from_one(project):
    lines = lines_of(project, PROCEDURE)
    first = index_of(lines, "text:", index_of(lines, "steps:"))
    lines[first] = lines[first].replace("text:", "txt:")
    write(project, PROCEDURE, lines)
    [message] = messages(project)
    assert message.startswith(f"{PROCEDURE}:{first + 1}: шаг 1 › txt: неизвестное поле — может быть, «text»?")


def test_an_unknown_field_lists_the_allowed_ones(project):
    lines = lines_of(project, PROCEDURE)
    i = index_of(lines, "result:")
    lines.insert(i, "colour: blue")
    write(project, PROCEDURE, lines)
    [message] = messages(project)
    assert message.startswith(f"{PROCEDURE}:{i + 1}: colour: неизвестное поле. Допустимые поля: id, title, roles")
    assert "troubleshooting" in message and "verified_in_app" in message


def test_every_validation_error_of_a_file_in_one_run(project):
    lines = lines_of(project, "data/roles.yml")
    staff = [i for i, line in enumerate(lines) if line.strip().startswith("staff:")]
    for i in staff[:3]:
        lines[i] = lines[i].split(":")[0] + ": maybe"
    write(project, "data/roles.yml", lines)
    result = messages(project)
    assert result == [f"data/roles.yml:{i + 1}: роль {n + 1} › staff: ожидается true или false"
                      for n, i in enumerate(staff[:3])]
