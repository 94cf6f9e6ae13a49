"""Entry point of mkdocs-macros: load the data once, then register the macros pages call.

define_env() runs once per build. It validates data/ for the profile chosen by
ORG_PROFILE and registers small functions that only format (components.py).
"""

from __future__ import annotations

from pathlib import Path

from .components import Components
from .loader import load_knowledge_base


def define_env(env) -> None:
    profile_id = str(env.conf["extra"].get("profile") or "demo").strip()
    kb = load_knowledge_base(Path(env.project_dir), profile_id)

    # Words and facts for the pages: {{ unit.gen }}, {{ messenger }}, {{ platform.support_email }}…
    env.variables.update(kb.context)
    env.variables["org_type_label"] = kb.org_type_label

    # The theme (overrides/) reads these: the site title and the demo banner on every page.
    env.conf["site_name"] = f"{kb.profile.name.short} · Сферум в {kb.messenger.name.prep}"
    env.conf["extra"]["org"] = {
        "demo": kb.profile.demo,
        "name": kb.profile.name.full,
        "type": kb.org_type_label,
        "profile": kb.profile_id,
    }

    components = Components(kb, current_page=lambda: env.page.file.src_uri)
    for name, function in components.macros().items():
        env.macro(function, name)
    env.filter(components.cap, "cap")
    env.variables["_kb_components"] = components


def on_post_page_macros(env) -> None:
    """Every page gets the glossary's abbreviations, so each one shows a tooltip wherever it occurs."""
    components: Components = env.variables["_kb_components"]
    env.markdown += "\n\n" + components.abbreviations() + "\n"
