"""One-line, human-readable errors for bad data files.

A methodologist who breaks a YAML file must see which file, which field and why,
in one line per mistake and without a Python traceback. Every mistake of a file is
reported in one run: a DataError may hold several lines (DataError.combine).
"""

from __future__ import annotations

import difflib

from mkdocs.exceptions import PluginError

# Pydantic error types worded in Russian for the editors of data files.
_REASONS = {
    "missing": "обязательное поле не заполнено",
    "extra_forbidden": "неизвестное поле (опечатка в названии?)",
    "string_type": "ожидается текст",
    "int_type": "ожидается целое число",
    "int_parsing": "ожидается целое число",
    "bool_type": "ожидается true или false",
    "bool_parsing": "ожидается true или false",
    "list_type": "ожидается список",
    "dict_type": "ожидается набор полей (ключ: значение)",
    "model_type": "ожидается набор полей (ключ: значение)",
    "model_attributes_type": "ожидается набор полей (ключ: значение)",
    "date_type": "ожидается дата в виде ГГГГ-ММ-ДД",
    "date_parsing": "ожидается дата в виде ГГГГ-ММ-ДД",
    "date_from_datetime_parsing": "ожидается дата в виде ГГГГ-ММ-ДД",
    "string_too_short": "пустой текст",
    "too_short": "список пуст",
    "literal_error": "недопустимое значение",
    "enum": "недопустимое значение",
    "string_pattern_mismatch": "недопустимые символы: только латинские строчные буквы, цифры и дефис",
}

# How a list item is called in messages, by the name of its list: steps[0] -> «шаг 1».
ITEM_NOUNS = {
    "steps": "шаг",
    "roles": "роль",
    "sections": "раздел",
    "clauses": "пункт",
    "items": "подпункт",
    "chats": "чат",
    "faq": "вопрос",
    "glossary": "термин",
    "troubleshooting": "проблема",
    "legal_acts": "акт",
    "resources": "ресурс",
    "details": "поле",
    "needs": "строка",
    "never": "строка",
    "sources": "источник",
}


class DataError(PluginError):
    """A data file is invalid. Each line of the message: file[:line]: path: reason."""

    def __init__(self, file: str, path: str = "", reason: str = "", line: int | None = None):
        self.file = file
        self.path = path
        self.reason = reason
        self.line = line
        self.errors: list[DataError] = [self]
        where = f"{file}:{line}" if line else file
        parts = [where] + ([path] if path else []) + [reason]
        super().__init__(": ".join(parts))

    @classmethod
    def combine(cls, errors: list[DataError]) -> DataError:
        """One error that reports every given one, a line each, in the order of the file."""
        errors = sorted(errors, key=lambda e: (e.file, e.line or 0))
        if len(errors) == 1:
            return errors[0]
        combined = cls(errors[0].file, errors[0].path, errors[0].reason, errors[0].line)
        combined.errors = errors
        combined.args = ("\n".join(str(e) for e in errors),)
        combined.message = combined.args[0]
        return combined


def format_path(loc: tuple) -> str:
    """('roles', 2, 'title') -> 'роль 3 › title'; list items are counted from 1, as people count."""
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            parent = parts.pop() if parts else ""
            noun = ITEM_NOUNS.get(parent)
            parts.append(f"{noun} {part + 1}" if noun else f"{parent} №{part + 1}".strip())
        else:
            parts.append(str(part))
    return " › ".join(parts)


def nearest(name: str, known) -> str | None:
    """The known name closest to a misspelt one, if any is close enough."""
    found = difflib.get_close_matches(str(name), [str(k) for k in known], n=1, cutoff=0.6)
    return found[0] if found else None


def reason_of(error: dict) -> str:
    """Russian wording for one pydantic error dict, with the original message as fallback."""
    kind = error.get("type", "")
    if kind in ("value_error", "assertion_error"):
        msg = str(error.get("msg", ""))
        return msg.split(", ", 1)[1] if msg.startswith(("Value error, ", "Assertion failed, ")) else msg
    reason = _REASONS.get(kind)
    if reason is None:
        return str(error.get("msg", kind))
    if kind in ("literal_error", "enum"):
        expected = (error.get("ctx") or {}).get("expected")
        if expected:
            reason += f"; допустимо: {expected}"
    return reason
