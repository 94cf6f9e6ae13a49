"""Render a page's {{ … }} and {% … %} and explain any mistake in one Russian line.

mkdocs-macros prints its own block with a Python traceback and, with on_error_fail, stops
`mkdocs serve`. Pages are rendered here instead (site.py calls render_page before the plugin
would), so a typo becomes «docs/rules.md:3: неизвестная подстановка «unti» — может быть, «unit»?»:
the strict build fails on it, and the preview shows it on the page and keeps running.
"""

from __future__ import annotations

import re

import jinja2

from . import models
from .components import MacroError
from .errors import nearest


class PageError(Exception):
    """A mistake in a page: the message is one line, «docs/x.md:3: reason»."""


def render_page(jinja_env: jinja2.Environment, markdown: str, variables: dict, name: str,
                first_line: int = 1, page_uri: str = "") -> str:
    """markdown with its macros rendered; PageError names the file, the line and the reason.

    first_line: the line of the file where markdown starts (after the page's front matter).
    page_uri: how components name the page in their messages (stripped: the file is named here).
    """
    known = sorted({*variables, *jinja_env.globals, *jinja_env.filters})
    try:
        template = jinja_env.from_string(markdown)
    except jinja2.TemplateSyntaxError as exc:
        line = _unclosed_block_line(markdown) if "Unexpected end of template" in exc.message else None
        raise PageError(f"{name}:{(line or exc.lineno or 1) + first_line - 1}: "
                        f"{_syntax_reason(exc, jinja_env)}") from None
    try:
        return template.render(**variables)
    except Exception as exc:  # noqa: BLE001 - every mistake in a page becomes one line
        line = _template_line(exc)
        where = f"{name}:{line + first_line - 1}" if line else name
        raise PageError(f"{where}: {_runtime_reason(exc, known, page_uri)}") from None


def _template_line(exc: BaseException) -> int | None:
    """The line of the page the error happened on (Jinja maps template frames to '<template>')."""
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


_BLOCK = re.compile(r"{%-?\s*(end)?(if|for|macro|raw|block|with|filter|call|set)\b(.*?)-?%}")


def _unclosed_block_line(markdown: str) -> int | None:
    """Line where the {% if %} (or for…) that is never closed opens."""
    stack: list[tuple[str, int]] = []
    for number, text in enumerate(markdown.splitlines(), 1):
        for match in _BLOCK.finditer(text):
            end, tag, rest = match.groups()
            if tag == "set" and "=" in rest:
                continue  # {% set x = … %} needs no end
            if end:
                if stack and stack[-1][0] == tag:
                    stack.pop()
            else:
                stack.append((tag, number))
    return stack[-1][1] if stack else None


def _syntax_reason(exc: jinja2.TemplateSyntaxError, jinja_env: jinja2.Environment) -> str:
    message = exc.message or ""
    if found := re.match(r"No filter named '([^']+)'", message):
        return _with_guess(f"неизвестный фильтр «{found.group(1)}»", found.group(1), jinja_env.filters)
    if found := re.match(r"No test named '([^']+)'", message):
        return _with_guess(f"неизвестная проверка «is {found.group(1)}»", found.group(1), jinja_env.tests)
    if found := re.match(r"Encountered unknown tag '([^']+)'", message):
        tags = ["if", "elif", "else", "endif", "for", "endfor", "set", "raw", "endraw", "macro", "endmacro"]
        return _with_guess(f"неизвестная команда {{% {found.group(1)} %}}", found.group(1), tags)
    if "Unexpected end of template" in message:
        closing = re.search(r"innermost block that needs to be closed is '([^']+)'", message)
        tag = closing.group(1) if closing else "if"
        return f"команда {{% {tag} %}} не закрыта: добавьте {{% end{tag} %}}"
    if "unexpected char" in message and ("'\"'" in message or "\"'\"" in message):
        return "кавычка в {{ … }} открыта, но не закрыта"
    if "unexpected '}'" in message or "expected token" in message or "unexpected" in message:
        return "ошибка в записи {{ … }} или {% … %}: проверьте скобки, кавычки и запятые"
    return f"ошибка в записи {{{{ … }}}} или {{% … %}} ({message})"


def _runtime_reason(exc: Exception, known: list[str], page_uri: str) -> str:
    if isinstance(exc, MacroError):
        text = str(exc)
        return text[len(page_uri) + 2:] if page_uri and text.startswith(f"{page_uri}: ") else text
    if isinstance(exc, jinja2.UndefinedError):
        message = exc.message or ""
        if found := re.match(r"'([^']+)' is undefined", message):
            return _with_guess(f"неизвестная подстановка «{found.group(1)}»", found.group(1), known)
        if found := re.match(r"'(?:[\w.]+\.)?(\w+) object' has no attribute '([^']+)'", message):
            owner, attribute = found.groups()
            model = getattr(models, owner, None)
            fields = list(getattr(model, "model_fields", {}) or [])
            return _with_guess(f"неизвестная часть подстановки «{attribute}»", attribute, fields)
        return f"неизвестная подстановка ({message})"
    if isinstance(exc, TypeError):
        return f"функция вызвана с неверными аргументами ({exc})"
    return f"ошибка при подстановке данных ({type(exc).__name__}: {exc})"


def _with_guess(reason: str, name: str, known) -> str:
    guess = nearest(name, [k for k in known if not str(k).startswith("_")])
    return f"{reason} — может быть, «{guess}»?" if guess else reason


def error_markdown(messages: list[str], source: str = "") -> str:
    """What stands in a page that could not be built: in the preview, the errors themselves.

    (A failed build is never published; its messages are in the build log.) The page's own
    subheadings (those without placeholders) are kept, so links from other pages to its sections
    still resolve and the one error is not buried under warnings.
    """
    items = "\n".join(f"    - `{message}`" for message in messages) or "    Сообщение об ошибке — в журнале сборки."
    headings = [line for line in source.splitlines()
                if re.match(r"#{2,6}\s", line) and "{{" not in line and "{%" not in line]
    return ("# Страница не собрана\n\n"
            "!!! failure \"Ошибка в исходном файле\"\n\n"
            f"{items}\n\n"
            "Исправьте указанную строку и сохраните файл: страница обновится сама.\n\n"
            + "\n\n".join(headings) + "\n")
