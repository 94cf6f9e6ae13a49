"""Placeholders in data strings: «чат {{ unit.gen }}» becomes «чат класса» or «чат группы».

Data files are rendered with the same words as the pages, before validation, so a
misspelt placeholder is reported with its file, field and line.
"""

from __future__ import annotations

import functools
import hashlib

import jinja2

from . import cache
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


# The source of every file template by name (a hash of the source): the environment's loader
# reads it from here, so Jinja's bytecode cache can keep the compiled code between builds.
_SOURCES: dict[str, str] = {}


@functools.lru_cache(maxsize=1)
def make_environment() -> jinja2.Environment:
    """One environment per process; its compiled texts are also kept on disk (the system's
    temporary directory), so every later build, of any profile, skips compiling them."""
    env = jinja2.Environment(
        undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=True,
        loader=jinja2.FunctionLoader(lambda name: (_SOURCES[name], None, lambda: True) if name in _SOURCES else None),
        bytecode_cache=cache.bytecode_cache(),
    )
    env.filters["cap"] = cap
    env.filters["decap"] = decap
    return env


def _has_template(text: str) -> bool:
    return "{{" in text or "{%" in text


def render_strings(doc: YamlDocument, context: dict, env: jinja2.Environment) -> object:
    """Return doc.data with every templated string rendered; errors name the field.

    All templated strings of a file are compiled together, once: each becomes a macro of one
    template (a macro keeps its own tags balanced, so one string cannot leak into the next).
    The compiled code is cached (see make_environment), so only the first build compiles it.
    """
    texts: list[str] = []
    _collect(doc.data, texts)
    if not texts:
        return doc.data
    template = _compiled(env, tuple(texts))
    if template is None:  # a syntax error: compile one by one to name the field
        raise _syntax_error(doc, env, texts)
    module = template.make_module(context)
    rendered = []
    for index in range(len(texts)):
        try:
            rendered.append(str(getattr(module, f"kb_text_{index}")()))
        except jinja2.UndefinedError as exc:
            raise doc.error(_loc_of(doc.data, index), f"неизвестная подстановка в тексте: {exc.message}") from None
        except jinja2.TemplateError as exc:
            raise doc.error(_loc_of(doc.data, index), f"ошибка в подстановке {{{{ … }}}}: {exc.message}") from None
    results = iter(rendered)

    def rebuild(value: object) -> object:  # the same order as _collect
        if isinstance(value, str):
            return next(results) if _has_template(value) else value
        if isinstance(value, dict):
            return {key: rebuild(item) for key, item in value.items()}
        if isinstance(value, list):
            return [rebuild(item) for item in value]
        return value

    return rebuild(doc.data)


def _collect(value: object, texts: list) -> None:
    """The templated strings of value, in document order."""
    if isinstance(value, str):
        if _has_template(value):
            texts.append(value)
    elif isinstance(value, dict):
        for item in value.values():
            _collect(item, texts)
    elif isinstance(value, list):
        for item in value:
            _collect(item, texts)


def _locations(value: object, loc: tuple = ()):
    """The path of every templated string, in the order of _collect (only for error messages)."""
    if isinstance(value, str):
        if _has_template(value):
            yield loc
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _locations(item, loc + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _locations(item, loc + (index,))


def _loc_of(data: object, index: int) -> tuple:
    return next(loc for position, loc in enumerate(_locations(data)) if position == index)


def _compiled(env: jinja2.Environment, texts: tuple[str, ...]) -> jinja2.Template | None:
    """One template for a file's strings (None if one of them has a syntax error)."""
    source = "".join(f"{{% macro kb_text_{index}() %}}{text}{{% endmacro %}}" for index, text in enumerate(texts))
    name = "data-" + hashlib.sha256(source.encode()).hexdigest()
    _SOURCES[name] = source
    try:
        return env.get_template(name)  # compiled once, then from memory or the bytecode cache
    except jinja2.TemplateError:
        return None


def _syntax_error(doc: YamlDocument, env: jinja2.Environment, texts: list) -> Exception:
    for loc, text in zip(_locations(doc.data), texts):
        try:
            env.from_string(text)
        except jinja2.TemplateError as exc:
            return doc.error(loc, f"ошибка в подстановке {{{{ … }}}}: {exc.message}")
    return doc.error((), "ошибка в подстановке {{ … }}: теги {% … %} в текстах файла не закрыты")
