"""MkDocs hook: the site's Russian search index, downloaded only when the reader first searches.

Material's search plugin writes search/search_index.json (every section: location, title, text),
which Material's bundle fetches on every page load. After it, this hook
  - writes search/kb_index.js: the same sections as compact UTF-8 plus the aliases and synonym
    groups from the data; the search worker (docs/assets/javascripts/search/worker.js) loads it with
    importScripts on the first query, over http and from file:// alike;
  - replaces search/search_index.json by its config alone (no documents), so a page load costs
    a few hundred bytes whatever the number of pages. The offline plugin, which runs later, inlines
    that small file into search_index.js as it always does.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

INDEX_SCRIPT = "search/kb_index.js"
# Word separators for Material's on-page highlighting (?h=…): spaces, dashes and Russian punctuation.
SEPARATOR = r"[\s\-–—.,:;!?()\[\]{}«»„“”\"'/…]+"

_page_aliases: dict[str, list[str]] = {}


def on_config(config):
    _page_aliases.clear()  # `mkdocs serve` rebuilds in the same process


def on_page_markdown(markdown, page, config, files):
    aliases = page.meta.get("aliases") or []
    if not (isinstance(aliases, list) and all(isinstance(a, str) and a.strip() for a in aliases)):
        raise PluginError(f"docs/{page.file.src_uri}, поле aliases: нужен список непустых строк, "
                          f"например aliases: [техподдержка, помощь]")
    if aliases:
        _page_aliases.setdefault(page.url, []).extend(aliases)
    return markdown


def on_nav(nav, config, files):
    """A page's nav sections are words readers use too: «памятка» finds the role guides."""
    for page in nav.pages:
        section = page.parent
        while section is not None:
            _page_aliases.setdefault(page.url, []).append(section.title)
            section = section.parent
    return nav


def compact_index(docs: list[dict], aliases: dict[str, list[str]], synonyms: list[list[str]]) -> dict:
    """Material's search documents → compact rows with aliases attached; `search: boost:` in a page's
    front matter (Material's own setting) weighs its sections."""
    locations = {doc["location"] for doc in docs}
    attached: dict[str, list[str]] = {}
    for location, words in aliases.items():
        target = location if location in locations else location.split("#")[0]
        if target in locations:
            attached.setdefault(target, []).extend(words)
    rows = []
    for doc in docs:
        # [location, title, text, aliases, boost]: the last two only where they are set.
        row = [doc["location"], doc["title"], doc["text"], attached.get(doc["location"]) or [], doc.get("boost", 1)]
        while row[-1] in ([], 1):
            row.pop()
        rows.append(row)
    return {"docs": rows, "synonyms": synonyms}


def index_script(index: dict) -> str:
    return "self.__kbIndex=" + json.dumps(index, ensure_ascii=False, separators=(",", ":")) + ";\n"


def stub_index() -> dict:
    return {"config": {"lang": ["ru"], "separator": SEPARATOR, "pipeline": [], "fields": {}}, "docs": []}


@event_priority(-50)  # after the search plugin wrote its index, before the offline plugin (-100)
def on_post_build(config):
    path = Path(config.site_dir) / "search/search_index.json"
    if not path.exists():
        return
    docs = json.loads(path.read_text(encoding="utf-8"))["docs"]
    search = config.extra.get("search") or {}
    aliases: dict[str, list[str]] = {}
    for source in (search.get("aliases", {}), _page_aliases):
        for location, words in source.items():
            aliases.setdefault(location, []).extend(words)
    index = compact_index(docs, aliases, search.get("synonyms", []))
    (Path(config.site_dir) / INDEX_SCRIPT).write_text(index_script(index), encoding="utf-8")
    path.write_text(json.dumps(stub_index(), ensure_ascii=False), encoding="utf-8")
