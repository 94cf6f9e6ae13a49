"""An organization's own regulation: the profile rewords, leaves out and adds clauses by id.

The shared text in data/regulation.yml stays the same for everyone; the changes live in the
profile (`regulation:`) and are applied here, after both files are rendered and before the
regulation is validated. A wrong id or a clash stops the build with the profile's file, field
and line.
"""

from __future__ import annotations

from . import models as m
from .yamlfile import YamlDocument

ROOT = ("regulation",)


def _index(sections: list[dict]) -> dict[str, tuple[str, dict]]:
    """id → ('section' | 'clause', the record) for every section and clause of the shared text."""
    found: dict[str, tuple[str, dict]] = {}

    def walk(clauses: list[dict]) -> None:
        for clause in clauses:
            found.setdefault(clause.get("id"), ("clause", clause))
            walk(clause.get("items") or [])

    for section in sections:
        found.setdefault(section.get("id"), ("section", section))
        walk(section.get("clauses") or [])
    return found


def _ids_of(clause: m.Clause):
    yield clause.id
    for item in clause.items:
        yield from _ids_of(item)


def _check_links(clause: m.Clause, loc: tuple, roles: set[str], procedures: set[str], doc: YamlDocument) -> None:
    """An added clause names only roles and instructions that exist (its items too)."""
    for index, role in enumerate(clause.roles):
        if role not in roles:
            raise doc.error(loc + ("roles", index), f"роль «{role}» не существует")
    for index, procedure in enumerate(clause.procedures):
        if procedure not in procedures:
            raise doc.error(loc + ("procedures", index), f"инструкция «{procedure}» не существует")
    for index, item in enumerate(clause.items):
        _check_links(item, loc + ("items", index), roles, procedures, doc)


def apply_overrides(regulation: dict, overrides: m.RegulationOverrides, doc: YamlDocument,
                    roles: set[str], procedures: set[str]) -> frozenset[str]:
    """Change the rendered data of data/regulation.yml in place; return the ids left out.

    `doc` is the profile file: every error points at its `regulation:` field. `roles` and
    `procedures` are the ids an added clause may name.
    """
    sections = ((regulation or {}).get("regulation") or {}).get("sections") or []
    known = _index(sections)

    omitted: set[str] = set()
    for index, clause_id in enumerate(overrides.omit):
        if clause_id not in known:
            raise doc.error(ROOT + ("omit", index), f"пункта или раздела «{clause_id}» нет в data/regulation.yml")
        if clause_id in omitted:
            raise doc.error(ROOT + ("omit", index), f"пункт «{clause_id}» уже исключён выше")
        omitted.add(clause_id)

    for clause_id, text in overrides.reword.items():
        kind, record = known.get(clause_id, (None, None))
        if kind != "clause":
            raise doc.error(ROOT + ("reword", clause_id), f"пункта «{clause_id}» нет в data/regulation.yml")
        if clause_id in omitted:
            raise doc.error(ROOT + ("reword", clause_id),
                            f"пункт «{clause_id}» и исключён (omit), и переформулирован: оставьте что-то одно")
        record["text"] = text
    for clause_id, plain in overrides.reword_plain.items():
        if clause_id not in overrides.reword:
            raise doc.error(ROOT + ("reword_plain", clause_id),
                            f"пункт «{clause_id}» не переформулирован (reword): менять нечего")
        known[clause_id][1]["plain"] = plain

    for target, clauses in overrides.add.items():
        kind, record = known.get(target, (None, None))
        if kind is None:
            raise doc.error(ROOT + ("add", target), f"раздела или пункта «{target}» нет в data/regulation.yml")
        if kind == "clause" and not record.get("items"):
            raise doc.error(ROOT + ("add", target), f"пункты добавляются в раздел или в пункт со списком "
                                                    f"подпунктов (items); у пункта «{target}» их нет")
        if target in omitted:
            raise doc.error(ROOT + ("add", target), f"«{target}» исключён (omit): добавлять в него нечего")
        container = record["clauses"] if kind == "section" else record["items"]
        for index, clause in enumerate(clauses):
            for clause_id in _ids_of(clause):
                if clause_id in known:
                    where = "в профиле" if known[clause_id][0] == "added" else "в data/regulation.yml"
                    raise doc.error(ROOT + ("add", target, index, "id"), f"пункт «{clause_id}» уже есть {where}")
                known[clause_id] = ("added", {})
            _check_links(clause, ROOT + ("add", target, index), roles, procedures, doc)
            container.append(clause.model_dump(exclude_defaults=True))
    return frozenset(omitted)
