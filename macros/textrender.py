"""Placeholders in data strings: «чат {{ unit.gen }}» becomes «чат класса» or «чат группы».

Data files are rendered with the same words as the pages, before validation, so a
misspelt placeholder is reported with its file, field and line.
"""

from __future__ import annotations

import jinja2

from .yamlfile import YamlDocument


def cap(text: object) -> str:
    """Upper-case the first letter only (Jinja's capitalize would lower «МАХ» to «Мах»)."""
    text = str(text)
    return text[:1].upper() + text[1:]


def decap(text: object) -> str:
    """Lower-case the first letter of a sentence used mid-sentence, unless it starts an abbreviation."""
    text = str(text)
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def make_environment() -> jinja2.Environment:
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=True)
    env.filters["cap"] = cap
    env.filters["decap"] = decap
    return env


def _has_template(text: str) -> bool:
    return "{{" in text or "{%" in text


def render_strings(doc: YamlDocument, context: dict, env: jinja2.Environment) -> object:
    """Return doc.data with every templated string rendered; errors name the field."""

    def walk(value: object, loc: tuple) -> object:
        if isinstance(value, str) and _has_template(value):
            try:
                return env.from_string(value).render(context)
            except jinja2.UndefinedError as exc:
                raise doc.error(loc, f"неизвестная подстановка в тексте: {exc.message}") from None
            except jinja2.TemplateError as exc:
                raise doc.error(loc, f"ошибка в подстановке {{{{ … }}}}: {exc.message}") from None
        if isinstance(value, dict):
            return {key: walk(item, loc + (key,)) for key, item in value.items()}
        if isinstance(value, list):
            return [walk(item, loc + (index,)) for index, item in enumerate(value)]
        return value

    return walk(doc.data, ())
