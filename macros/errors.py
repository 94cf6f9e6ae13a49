"""One-line, human-readable errors for bad data files.

A methodologist who breaks a YAML file must see which file, which field and why,
in one line and without a Python traceback.
"""

from __future__ import annotations

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
    "date_type": "ожидается дата в виде ГГГГ-ММ-ДД",
    "date_parsing": "ожидается дата в виде ГГГГ-ММ-ДД",
    "date_from_datetime_parsing": "ожидается дата в виде ГГГГ-ММ-ДД",
    "string_too_short": "пустой текст",
    "too_short": "список пуст",
    "literal_error": "недопустимое значение",
    "enum": "недопустимое значение",
    "string_pattern_mismatch": "недопустимые символы: только латинские строчные буквы, цифры и дефис",
}


class DataError(PluginError):
    """A data file is invalid. The message is a single line: file[:line]: path: reason."""

    def __init__(self, file: str, path: str = "", reason: str = "", line: int | None = None):
        self.file = file
        self.path = path
        self.reason = reason
        self.line = line
        where = f"{file}:{line}" if line else file
        parts = [where] + ([path] if path else []) + [reason]
        super().__init__(": ".join(parts))


def format_path(loc: tuple) -> str:
    """('roles', 2, 'title') -> 'roles[2].title'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


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
