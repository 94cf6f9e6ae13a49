"""Read a YAML data file and remember on which line every field stands.

PyYAML keeps the last of two equal keys silently; here a duplicate key is an error,
and every error can name its line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import DataError, format_path


@dataclass
class YamlDocument:
    """The parsed content of one file, its name for messages and the line of every path."""

    name: str
    data: object
    lines: dict[tuple, int] = field(default_factory=dict)

    def line_of(self, loc: tuple) -> int | None:
        """Line of the deepest existing prefix of loc (a missing field points at its parent)."""
        for end in range(len(loc), -1, -1):
            line = self.lines.get(tuple(loc[:end]))
            if line is not None:
                return line
        return None

    def error(self, loc: tuple, reason: str) -> DataError:
        return DataError(self.name, format_path(loc), reason, self.line_of(loc))


def _walk(node: yaml.Node, loc: tuple, lines: dict, name: str) -> None:
    lines[loc] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in seen:
                raise DataError(name, format_path(loc + (key,)),
                                f"поле повторяется (уже есть в строке {seen[key]})", line)
            seen[key] = line
            _walk(value_node, loc + (key,), lines, name)
            lines[loc + (key,)] = line
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, loc + (index,), lines, name)


def read_yaml(path: Path, name: str) -> YamlDocument:
    """Parse path; name is how messages call the file (e.g. 'data/roles.yml')."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(name, "", "файл не найден") from None
    except UnicodeDecodeError:
        raise DataError(name, "", "файл не в кодировке UTF-8") from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        raise DataError(name, "", f"ошибка синтаксиса YAML: {problem}", line) from None
    except yaml.YAMLError as exc:
        raise DataError(name, "", f"ошибка синтаксиса YAML: {exc}") from None
    lines: dict[tuple, int] = {}
    if node is not None:
        _walk(node, (), lines, name)
    return YamlDocument(name=name, data=data, lines=lines)
