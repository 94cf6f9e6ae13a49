"""Entry point of mkdocs-macros: load the data once, then register the macros pages call.

define_env() runs once per build. It validates data/ for the profile chosen by
ORG_PROFILE and registers small functions that only format (components.py).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from urllib.parse import urljoin

import pathspec

from . import datadoc, paths
from .components import Components
from .errors import DataError
from .loader import DEFAULT_PROFILE, load_knowledge_base
from .pageerrors import PageError, error_markdown, render_page
from .search_terms import aliases_by_location, synonym_groups
from .textrender import cap


log = logging.getLogger("mkdocs.plugins.kb")


def define_env(env) -> None:
    profile_id = str(env.conf["extra"].get("profile") or DEFAULT_PROFILE).strip()
    try:
        kb = load_knowledge_base(Path(env.project_dir), profile_id)
    except DataError as exc:
        if not _serving():
            raise
        # The preview keeps running: every page shows the data error until the file is fixed.
        for line in str(exc).splitlines():
            log.error("%s", line)
        env.variables["_kb_data_errors"] = str(exc).splitlines()
        return

    # Words and facts for the pages: {{ unit.gen }}, {{ messenger }}, {{ platform.support_email }}…
    env.variables.update(kb.context)

    # The theme (overrides/) reads these: the site title and the demo banner on every page.
    env.conf["site_name"] = f"{kb.profile.name.short} · Сферум в {kb.messenger.name.prep}"
    env.conf["extra"]["org"] = {
        "demo": kb.profile.demo,
        "name": kb.profile.name.full,
        "site_url": kb.profile.site_url or "",  # the «Сообщить об ошибке» link gives the page's address
    }

    hide_pages_not_in_profile(env.conf, kb)

    # hooks/search.py writes these into the search index.
    env.conf["extra"]["search"] = {"aliases": aliases_by_location(kb), "synonyms": synonym_groups(Path(env.project_dir))}

    components = Components(kb, current_page=lambda: env.page.file.src_uri)
    for name, function in components.macros().items():
        env.macro(function, name)
    env.filter(cap, "cap")
    env.variables["_kb_components"] = components

    def data_reference() -> str:
        """{{ data_reference() }}: every data file and field, generated from the models (docs/reference.md)."""
        files = datadoc.data_reference(kb.files, f"data/profiles/{kb.profile_id}.yml")
        return components.templates.get_template("data_reference.md.j2").render(files=files)

    env.macro(data_reference, "data_reference")


def _serving() -> bool:
    """True under `mkdocs serve` (the preview), where a mistake must not stop the server."""
    return len(sys.argv) > 1 and sys.argv[1] == "serve"


def _source_name(env) -> str:
    """How messages name the page's file: docs/rules.md, relative to the project."""
    docs_dir = Path(env.conf["docs_dir"])
    try:
        docs_dir = docs_dir.relative_to(Path(env.project_dir).resolve())
    except ValueError:
        pass
    return f"{docs_dir.as_posix()}/{env.page.file.src_uri}"


def _first_line(env, markdown: str) -> int:
    """Line of the source file where the page's markdown starts (after its front matter)."""
    try:
        source = Path(env.page.file.abs_src_path).read_text(encoding="utf-8")
    except (OSError, TypeError):
        return 1
    return max(1, len(source.splitlines()) - len(markdown.splitlines()) + 1)


def _point_edit_link_at_the_data(env) -> None:
    """A generated page's «edit» button opens the data file that holds its text."""
    page = env.page
    if not page.edit_url:
        return
    data_file = page.meta.get("data_file") or paths.data_file_of(page.file.src_uri, Path(env.project_dir))
    if data_file:
        # edit_url ends in …/edit/<branch>/docs/<page>: the data file sits next to docs/.
        base = page.edit_url[: -len(page.file.src_uri)]
        page.edit_url = urljoin(base, "../" + data_file)


def on_pre_page_macros(env) -> None:
    """Render the page here, so a mistake becomes one Russian line with the file and the line.

    The strict build fails on the logged error; the preview shows the error on the page.
    The plugin's own rendering is then switched off for this page (render_macros: false).
    """
    page_vars = env.variables["page"]
    page_vars.meta = {**page_vars.meta, "render_macros": False}
    _point_edit_link_at_the_data(env)
    data_errors = env.variables.get("_kb_data_errors")
    if data_errors:
        env.markdown = error_markdown(data_errors)
        return
    components: Components = env.variables["_kb_components"]
    name = _source_name(env)
    first_line = _first_line(env, env.markdown)
    problems = components.kb.privacy.scan_lines(name, env.markdown.splitlines(), first_line)
    try:
        rendered = render_page(env.env, env.markdown, {**env.variables, **env.page.meta}, name,
                               first_line, env.page.file.src_uri)
    except PageError as exc:
        problems.append(str(exc))
    if problems:
        for problem in problems:
            log.error("%s", problem)  # fails the strict build; the preview keeps serving
        env.markdown = error_markdown(problems if _serving() else [], env.markdown)
        return
    env.markdown = rendered


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


def _render_title(env) -> None:
    """The page title taken from a heading with placeholders (# {{ role_title("parent") }}).

    The plugin renders titles itself, but its rendering is switched off for the pages rendered here.
    """
    title = env.page.title
    if not title or ("{{" not in title and "{%" not in title):
        return
    try:
        env.page.title = env.env.from_string(title).render(**env.variables)
    except Exception:  # noqa: BLE001 - the same heading in the page body is reported already
        env.page.title = "Страница не собрана"


def on_post_page_macros(env) -> None:
    """Refuse what must never be published, then give every page the glossary's abbreviations
    (each shows a tooltip wherever it occurs)."""
    _render_title(env)
    if env.variables.get("_kb_data_errors") or env.markdown.startswith("# Страница не собрана"):
        return
    components: Components = env.variables["_kb_components"]
    name = _source_name(env)
    guard = components.kb.privacy
    problems = [] if guard.clean([env.markdown]) else [f"{name}: нельзя публиковать {reason} (в собранной странице)"
                                                       for _, reason in guard.findings(env.markdown)]
    if problems:
        for problem in problems:
            log.error("%s", problem)  # fails the strict build
        env.markdown = error_markdown(problems if _serving() else [])
        return
    env.markdown += "\n\n" + components.abbreviations() + "\n"
