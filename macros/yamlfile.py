"""Read a YAML data file once and remember on which line every field stands.

The file is parsed once, by libyaml (CSafeLoader), into nodes that carry their line; the
data is constructed from those nodes and the lines are collected from them, so no file is
read twice. What a file's text parsed into is kept (macros/cache.py), so a later build of any
profile reads it back instead of parsing the same text again. PyYAML keeps the last of two equal
keys silently; here a duplicate key is an error. Syntax errors are worded in plain Russian and
point at the line to fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import cache
from .errors import DataError, format_path

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# This parser itself: what an older version of this file parsed is parsed again.
_PARSER = Path(__file__).read_bytes()


@dataclass
class YamlDocument:
    """The parsed content of one file, its name for messages and the line of every path."""

    name: str
    data: object
    lines: dict[tuple, int] = field(default_factory=dict)
    source_lines: list[str] = field(default_factory=list)

    def line_of(self, loc: tuple) -> int | None:
        """Line of the deepest existing prefix of loc (a missing field points at its parent)."""
        for end in range(len(loc), -1, -1):
            line = self.lines.get(tuple(loc[:end]))
            if line is not None:
                return line
        return None

    def error(self, loc: tuple, reason: str) -> DataError:
        return DataError(self.name, format_path(loc), reason, self.line_of(loc))


def _walk(node: yaml.Node, loc: tuple, lines: dict, name: str, duplicates: list) -> None:
    lines[loc] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in seen:
                duplicates.append(DataError(name, format_path(loc + (key,)),
                                            f"поле повторяется (уже есть в строке {seen[key]})", line))
                continue
            seen[key] = line
            _walk(value_node, loc + (key,), lines, name, duplicates)
            lines[loc + (key,)] = line
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, loc + (index,), lines, name, duplicates)


def read_yaml(path: Path, name: str) -> YamlDocument:
    """Parse path; name is how messages call the file (e.g. 'data/roles.yml')."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(name, "", "файл не найден") from None
    except UnicodeDecodeError:
        raise DataError(name, "", "файл не в кодировке UTF-8") from None
    entry = "yaml-" + cache.key(_PARSER, yaml.__version__, text)
    parsed = cache.load(entry)  # a file an earlier build parsed: the same text gives the same result
    if parsed is None:
        parsed = _parse(text, name)
        cache.store(entry, parsed)
    data, lines = parsed
    return YamlDocument(name=name, data=data, lines=lines, source_lines=text.splitlines())


def _parse(text: str, name: str) -> tuple[object, dict[tuple, int]]:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError:
        raise syntax_error(text, name) from None
    finally:
        loader.dispose()
    lines: dict[tuple, int] = {}
    if node is not None:
        duplicates: list[DataError] = []
        _walk(node, (), lines, name, duplicates)
        if duplicates:
            raise DataError.combine(duplicates)
    return data, lines


# --- syntax errors in plain Russian -----------------------------------------------------

_PREFIX = "ошибка синтаксиса YAML"


def syntax_error(text: str, name: str) -> DataError:
    """The error of a file libyaml refused, explained for an editor.

    The pure-Python parser reads the file again (only when it is broken): its messages
    and marks are the ones the explanations below are written for.
    """
    try:
        yaml.load(text, Loader=yaml.SafeLoader)  # noqa: S506 - SafeLoader
    except yaml.MarkedYAMLError as exc:
        line, reason = explain(exc, text.splitlines())
        return DataError(name, "", f"{_PREFIX}: {reason}", line)
    except yaml.YAMLError as exc:
        return DataError(name, "", f"{_PREFIX}: {exc}")
    return DataError(name, "", f"{_PREFIX}: файл не удаётся прочитать")


_QUOTED_START = re.compile(r"\s*(?:-\s+)?(?:[\w-]+:\s+)?([\"'])(.*)$")
_NEW_ENTRY = re.compile(r"\s*(?:-\s|[\w-]+:(?:\s|$))")


def _closes(quote: str, rest: str) -> bool:
    if quote == '"':
        return re.search(r'(?<!\\)"', rest) is not None
    return re.search(r"'(?!')", rest.replace("''", "")) is not None


def _unclosed_quote(lines: list[str], upto: int) -> int | None:
    """Line of a quote opened and never closed on its line, when the next line starts a new field.

    The parser then reads on to the next quote in the file and complains far below; the editor
    has to fix the line where the quote opened.
    """
    for index, line in enumerate(lines[:upto]):
        found = _QUOTED_START.match(line)
        if not found or _closes(found.group(1), found.group(2)):
            continue
        following = next((n for n in lines[index + 1:] if n.strip()), "")
        if _NEW_ENTRY.match(following):
            return index + 1
    return None


def explain(exc: yaml.MarkedYAMLError, lines: list[str]) -> tuple[int | None, str]:
    """(line, reason) of a parser error: the line where the editor has to fix something."""
    problem = str(exc.problem or "")
    context = str(exc.context or "")
    at = exc.problem_mark.line + 1 if exc.problem_mark else None
    opened = exc.context_mark.line + 1 if exc.context_mark else at
    text_at = lines[at - 1] if at and at <= len(lines) else ""

    if "'\\t'" in problem or "tab" in problem:
        return at, "в строке символ табуляции; отступы делайте только пробелами"
    unclosed = _unclosed_quote(lines, at or len(lines))
    if "quoted scalar" in context or unclosed:
        return unclosed or opened, "кавычка открыта, но не закрыта; закройте её в конце текста"
    if "flow sequence" in context:
        return opened, "квадратная скобка «[» не закрыта; закройте её «]» или уберите"
    if "flow mapping" in context:
        return opened, "фигурная скобка «{» не закрыта; закройте её «}» или уберите"
    if "mapping values are not allowed" in problem:
        column = exc.problem_mark.column if exc.problem_mark else 0
        if re.match(r"\s*[\w-]+:", text_at) and text_at.index(":") == column:
            return at, "лишний отступ: поле сдвинуто правее, чем поля рядом с ним"
        return at, "двоеточие с пробелом внутри текста; заключите весь текст в кавычки"
    if "found '<scalar>'" in problem and re.search(r"[\"']\s*\S", text_at.split(":", 1)[-1].strip()[1:] or ""):
        return at, "текст после закрывающей кавычки; заключите в кавычки весь текст"
    if "block" in context or "block end" in problem:
        return at, "неверный отступ: строка сдвинута не так, как соседние строки того же уровня"
    if "alias" in problem or "anchor" in problem or "anchor" in context:
        return at, "символы «*» и «&» в начале текста; заключите текст в кавычки"
    if "cannot start any token" in problem:
        return at, "текст начинается с особого символа (` @ % |); заключите текст в кавычки"
    return at, f"файл не удаётся прочитать ({' '.join(p for p in (context, problem) if p)})"
