"""Entry point of mkdocs-macros: load the data once, then register the macros pages call.

define_env() runs once per build. It validates data/ for the profile chosen by
ORG_PROFILE and registers small functions that only format (components.py).
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path

import pathspec

from . import paths
from .components import Components, MacroError
from .loader import DEFAULT_PROFILE, load_knowledge_base
from .search_terms import aliases_by_location, synonym_groups
from .privacy import private_data_in
from .textrender import cap


log = logging.getLogger("mkdocs.plugins.kb")


def define_env(env) -> None:
    profile_id = str(env.conf["extra"].get("profile") or DEFAULT_PROFILE).strip()
    kb = load_knowledge_base(Path(env.project_dir), profile_id)

    # Words and facts for the pages: {{ unit.gen }}, {{ messenger }}, {{ platform.support_email }}…
    env.variables.update(kb.context)

    # The theme (overrides/) reads these: the site title and the demo banner on every page.
    env.conf["site_name"] = f"{kb.profile.name.short} · Сферум в {kb.messenger.name.prep}"
    env.conf["extra"]["org"] = {
        "demo": kb.profile.demo,
        "name": kb.profile.name.full,
    }

    hide_pages_not_in_profile(env.conf, kb)

    # hooks/search.py writes these into the search index.
    env.conf["extra"]["search"] = {"aliases": aliases_by_location(kb), "synonyms": synonym_groups(Path(env.project_dir))}

    components = Components(kb, current_page=lambda: env.page.file.src_uri)
    for name, function in components.macros().items():
        env.macro(_stop_on_macro_error(function), name)
    env.filter(cap, "cap")
    env.variables["_kb_components"] = components


def _stop_on_macro_error(function):
    """An unknown id in a page is reported in one line (no traceback for an editor to decode).

    The error is logged, and strict mode turns any logged error into a failed build; `mkdocs serve`
    reports it and keeps serving, so an editor fixes the typo without restarting anything.
    """

    @functools.wraps(function)
    def checked(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except MacroError as exc:
            log.error("%s", exc)
            return f"**Ошибка сборки: {exc}**"

    return checked


def hide_pages_not_in_profile(conf, kb) -> None:
    """Instructions whose `when` excludes this profile are left out of the build and the nav."""
    hidden = {paths.procedure_page(p.id) for p in kb.procedures if not kb.applies(p.when)}
    if not hidden:
        return
    spec = pathspec.gitignore.GitIgnoreSpec.from_lines(f"/{page}" for page in sorted(hidden))
    existing = conf["exclude_docs"]
    conf["exclude_docs"] = spec if existing is None else existing + spec
    if conf["nav"]:
        conf["nav"] = _without(conf["nav"], hidden)


def _without(nav, hidden: set[str]):
    """The nav with the hidden pages removed (sections that become empty go too)."""
    result = []
    for entry in nav:
        if isinstance(entry, str):
            if entry not in hidden:
                result.append(entry)
        elif isinstance(entry, dict):
            (title, value), = entry.items()
            if isinstance(value, list):
                value = _without(value, hidden)
                if value:
                    result.append({title: value})
            elif value not in hidden:
                result.append(entry)
    return result


def on_post_page_macros(env) -> None:
    """Every page gets the glossary's abbreviations, so each one shows a tooltip wherever it occurs."""
    components: Components = env.variables["_kb_components"]
    reason = private_data_in(env.markdown, {components.kb.platform.support_email})
    if reason:
        log.error("%s: нельзя публиковать %s", env.page.file.src_uri, reason)  # fails the strict build
        env.markdown = "**Страница не собрана: в ней данные, которые нельзя публиковать.**"
        return
    env.markdown += "\n\n" + components.abbreviations() + "\n"
