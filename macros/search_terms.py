"""Reader words for search: aliases by page and synonym groups, computed from the data.

Aliases come from the `aliases:` of roles, procedures, chats and glossary entries (and from a page's
front matter, read by hooks/search.py). Synonym groups are automatic for the names that differ by
profile (классный руководитель ↔ куратор, «Учительская» ↔ «Сотрудники») and for the messenger's
spellings (МАХ, MAX, Макс; VK, ВК, ВКонтакте); data/search.yml adds the words readers use.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import models as m
from .knowledge import KnowledgeBase
from .loader import MessengersFile, OrgTypesFile, validate
from .yamlfile import read_yaml


class SearchFile(m.Model):
    synonyms: list[list[m.Text]]


def aliases_by_location(kb: KnowledgeBase) -> dict[str, list[str]]:
    """Site location ("roles/parent/", "glossary/#ikop") → the aliases search indexes there."""
    found: dict[str, list[str]] = {}
    for role in kb.roles:
        found.setdefault(f"roles/{role.id}/", []).extend(role.aliases)
    for procedure in kb.procedures:
        found.setdefault(f"instructions/{procedure.id}/", []).extend(procedure.aliases)
    for chat in kb.chats:
        # The chats matrix is one long table: the chats' names make its page findable by name.
        if kb.applies(chat.when):
            found.setdefault("chats/", []).extend([chat.name, *chat.aliases])
    for entry in kb.glossary:
        found.setdefault(f"glossary/#{entry.id}", []).extend(entry.aliases)
    return {location: aliases for location, aliases in found.items() if aliases}


def synonym_groups(root: Path) -> list[list[str]]:
    root = Path(root)
    groups: list[list[str]] = []
    messengers = validate(read_yaml(root / "data/messengers.yml", "data/messengers.yml"), MessengersFile).messengers
    for messenger in messengers.values():
        groups.append(_unique([messenger.name.nom, messenger.latin, *messenger.aliases]))
    org_types = validate(read_yaml(root / "data/org_types.yml", "data/org_types.yml"), OrgTypesFile).org_types
    leaders = _unique([entry.terms.unit_leader.nom for entry in org_types.values()])
    if len(leaders) > 1:
        groups.append(leaders)
    spaces = _unique([name for entry in org_types.values()
                      for name in re.findall(r"«([^»]+)»", entry.terms.staff_space.nom)])
    if len(spaces) > 1:
        groups.append(spaces)
    extra = root / "data/search.yml"
    if extra.exists():
        groups.extend(validate(read_yaml(extra, "data/search.yml"), SearchFile).synonyms)
    return groups


def _unique(words: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for word in words:
        seen.setdefault(word.lower(), word)
    return list(seen.values())
