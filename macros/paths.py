"""Where every generated page lives in docs/: the one place that knows the site's layout."""

from __future__ import annotations

import posixpath

PAGES = {
    "home": "index.md",
    "regulation": "regulation.md",
    "chats": "chats.md",
    "rules": "rules.md",
    "legal": "legal.md",
    "glossary": "glossary.md",
    "faq": "faq.md",
    "resources": "resources.md",
    "launch": "checklists/launch.md",
    "support": "support.md",
    "features": "features.md",
}

# Documents the build generates for download (macros/hooks.py), as docs/ paths.
DOWNLOADS = {
    "regulation": "downloads/regulation.docx",
    "order": "downloads/order.docx",
}

# How a link names each page when a data record points at it ("page:rules#anchor").
TITLES = {
    "home": "Главная",
    "regulation": "Положение",
    "chats": "Чаты и каналы",
    "rules": "Правила общения и безопасность",
    "legal": "Правовая основа",
    "glossary": "Словарь",
    "faq": "Вопросы и ответы",
    "resources": "Официальные ресурсы",
    "launch": "Чек-лист запуска",
    "support": "Поддержка и контакты",
    "features": "Что умеет учебный профиль",
}


def role_page(role_id: str) -> str:
    return f"roles/{role_id}.md"


def procedure_page(procedure_id: str) -> str:
    return f"instructions/{procedure_id}.md"


def checklist_page(role_id: str) -> str:
    return f"checklists/{role_id}.md"


def relative(target: str, from_page: str, anchor: str | None = None) -> str:
    """Markdown link target from one docs/ page to another, e.g. '../regulation.md#scope'."""
    if target == from_page:
        path = ""
    else:
        path = posixpath.relpath(target, posixpath.dirname(from_page) or ".")
    return path + (f"#{anchor}" if anchor else "")


# Where the text of a generated page is kept: its «edit» link opens this file, not the
# three-line Markdown stub that only calls a macro. A page may name its file itself in its
# front matter (`data_file: data/x.yml`); pages not listed here are edited in docs/.
DATA_FILES = {
    "regulation": "data/regulation.yml",
    "chats": "data/chats.yml",
    "rules": "data/regulation.yml",
    "legal": "data/legal_acts.yml",
    "glossary": "data/glossary.yml",
    "faq": "data/faq.yml",
    "resources": "data/platform.yml",
    "launch": "data/checklists.yml",
}


def data_file_of(page: str, root) -> str | None:
    """The data file that holds the text of a docs/ page, e.g. 'data/procedures/parent-join.yml'."""
    for key, uri in PAGES.items():
        if uri == page:
            return DATA_FILES.get(key)
    folder, _, name = page.partition("/")
    stem = name[:-3] if name.endswith(".md") else name
    if folder == "instructions" and (root / "data" / "procedures" / f"{stem}.yml").exists():
        return f"data/procedures/{stem}.yml"
    if folder == "roles":
        return "data/roles.yml"
    if folder == "checklists":
        return "data/regulation.yml"  # a role's checklist lists its duties from the regulation
    return None
