"""Placeholders in data strings: «чат {{ unit.gen }}» becomes «чат класса» or «чат группы».

Data files are rendered with the same words as the pages, before validation, so a
misspelt placeholder is reported with its file, field and line.
"""

from __future__ import annotations

import functools
import hashlib

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
        bytecode_cache=jinja2.FileSystemBytecodeCache(),
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
    found: list[tuple[tuple, str]] = []
    _collect(doc.data, (), found)
    if not found:
        return doc.data
    template = _compiled(env, tuple(text for _, text in found))
    if template is None:  # a syntax error: compile one by one to name the field
        raise _syntax_error(doc, env, found)
    module = template.make_module(context)
    rendered: dict[tuple, str] = {}
    for index, (loc, _) in enumerate(found):
        try:
            rendered[loc] = getattr(module, f"kb_text_{index}")()
        except jinja2.UndefinedError as exc:
            raise doc.error(loc, f"неизвестная подстановка в тексте: {exc.message}") from None
        except jinja2.TemplateError as exc:
            raise doc.error(loc, f"ошибка в подстановке {{{{ … }}}}: {exc.message}") from None

    def rebuild(value: object, loc: tuple) -> object:
        if loc in rendered:
            return str(rendered[loc])
        if isinstance(value, dict):
            return {key: rebuild(item, loc + (key,)) for key, item in value.items()}
        if isinstance(value, list):
            return [rebuild(item, loc + (index,)) for index, item in enumerate(value)]
        return value

    return rebuild(doc.data, ())


def _collect(value: object, loc: tuple, found: list) -> None:
    if isinstance(value, str):
        if _has_template(value):
            found.append((loc, value))
    elif isinstance(value, dict):
        for key, item in value.items():
            _collect(item, loc + (key,), found)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _collect(item, loc + (index,), found)


def _compiled(env: jinja2.Environment, texts: tuple[str, ...]) -> jinja2.Template | None:
    """One template for a file's strings (None if one of them has a syntax error)."""
    source = "".join(f"{{% macro kb_text_{index}() %}}{text}{{% endmacro %}}" for index, text in enumerate(texts))
    name = "data-" + hashlib.sha256(source.encode()).hexdigest()
    _SOURCES[name] = source
    try:
        return env.get_template(name)  # compiled once, then from memory or the bytecode cache
    except jinja2.TemplateError:
        return None


def _syntax_error(doc: YamlDocument, env: jinja2.Environment, found: list) -> Exception:
    for loc, text in found:
        try:
            env.from_string(text)
        except jinja2.TemplateError as exc:
            return doc.error(loc, f"ошибка в подстановке {{{{ … }}}}: {exc.message}")
    return doc.error((), "ошибка в подстановке {{ … }}: теги {% … %} в текстах файла не закрыты")
