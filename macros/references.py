"""Cross-file checks: every id is unique and every reference points at a record that exists.

A typo in a role, clause or procedure id must stop the build with the file, the
field and the line, never reach a reader as a broken link.
"""

from __future__ import annotations

from .errors import DataError
from .paths import PAGES
from .knowledge import KnowledgeBase
from .yamlfile import YamlDocument

ALL_USERS = "all"
# Kinds a role guide, a checklist or the rules page show to every reader: these clauses need a plain wording.
READER_KINDS = ("duty", "right", "forbidden", "obligation", "allowed")


class _Checker:
    def __init__(self, docs: dict[str, YamlDocument]):
        self.docs = docs

    def fail(self, file: str, loc: tuple, reason: str) -> DataError:
        return self.docs[file].error(loc, reason)

    def unique(self, file: str, records, loc_of, what: str) -> None:
        seen: dict[str, tuple] = {}
        for record, loc in zip(records, loc_of):
            if record.id in seen:
                first = self.docs[file].line_of(seen[record.id])
                raise self.fail(file, loc + ("id",), f"{what} «{record.id}» уже есть" +
                                (f" (строка {first})" if first else ""))
            seen[record.id] = loc

    def known(self, file: str, loc: tuple, values, allowed: set[str], what: str) -> None:
        for index, value in enumerate(values):
            if value not in allowed:
                raise self.fail(file, loc + (index,), f"{what} «{value}» не существует")


def _clause_tree(sections):
    """(clause, loc) for every clause of the regulation file, applicable or not."""
    def walk(clauses, loc):
        for index, clause in enumerate(clauses):
            here = loc + (index,)
            yield clause, here
            yield from walk(clause.items, here + ("items",))
    for s_index, section in enumerate(sections):
        yield from walk(section.clauses, ("regulation", "sections", s_index, "clauses"))


def _reader_clauses(sections):
    """(clause, loc) of every clause a role guide shows: a duty, right or prohibition of some role."""
    def walk(clauses, loc, kind, roles):
        for index, clause in enumerate(clauses):
            here = loc + (index,)
            own_kind, own_roles = clause.kind or kind, clause.roles or roles
            if own_kind in READER_KINDS and own_roles and clause.text:
                yield clause, here
            yield from walk(clause.items, here + ("items",), own_kind, own_roles)
    for s_index, section in enumerate(sections):
        yield from walk(section.clauses, ("regulation", "sections", s_index, "clauses"), "provision", [])


def check_references(kb: KnowledgeBase, docs: dict[str, YamlDocument], profile_file: str) -> None:
    c = _Checker(docs)
    roles = {r.id for r in kb.roles}
    c.unique("data/roles.yml", kb.roles, [("roles", i) for i in range(len(kb.roles))], "роль")

    sections = kb.regulation.sections
    c.unique("data/regulation.yml", sections,
             [("regulation", "sections", i) for i in range(len(sections))], "раздел")
    tree = list(_clause_tree(sections))
    c.unique("data/regulation.yml", [t[0] for t in tree], [t[1] for t in tree], "пункт")
    clause_ids = {clause.id for clause, _ in tree} | {s.id for s in sections}

    for clause, loc in _reader_clauses(sections):
        if not clause.plain:
            raise c.fail("data/regulation.yml", loc + ("id",),
                         f"пункт «{clause.id}» видят читатели памяток и правил: нужна простая формулировка (plain) — "
                         "«вы», повелительное наклонение, около 10 слов")

    procedure_files = {p.id: f"data/procedures/{p.id}.yml" for p in kb.procedures}
    procedure_ids = set(procedure_files)
    for procedure in kb.procedures:
        file = procedure_files[procedure.id]
        c.known(file, ("roles",), procedure.roles, roles, "роль")
        c.known(file, ("clauses",), procedure.clauses, clause_ids, "пункт Положения")
        c.known(file, ("related",), procedure.related, procedure_ids, "инструкция")
        if procedure.instead:
            c.known(file, ("instead",), [procedure.instead], procedure_ids, "инструкция")
        steps = procedure.steps
        c.unique(file, steps, [("steps", i) for i in range(len(steps))], "шаг")
        for index, step in enumerate(steps):
            if step.detail:
                c.known(file, ("steps", index, "detail"), [step.detail],
                        {d.id for d in kb.details}, "поле для заполнения организацией")

    for clause, loc in tree:
        c.known("data/regulation.yml", loc + ("roles",), clause.roles, roles | {ALL_USERS}, "роль")
        c.known("data/regulation.yml", loc + ("also",), clause.also, clause_ids, "пункт Положения")
        c.known("data/regulation.yml", loc + ("procedures",), clause.procedures, procedure_ids, "инструкция")

    for index, chat in enumerate(kb.chats):
        loc = ("chats", index)
        for key in ("created_by", "member_roles", "moderated_by", "content_by"):
            c.known("data/chats.yml", loc + (key,), getattr(chat, key), roles, "роль")
    c.unique("data/chats.yml", kb.chats, [("chats", i) for i in range(len(kb.chats))], "чат")

    c.unique("data/glossary.yml", kb.glossary, [("glossary", i) for i in range(len(kb.glossary))], "термин")
    c.unique("data/faq.yml", kb.faq, [("faq", i) for i in range(len(kb.faq))], "вопрос")
    n_acts = len(kb.legal_acts) - len(kb.profile.legal_acts)
    c.unique("data/legal_acts.yml", kb.legal_acts[:n_acts], [("legal_acts", i) for i in range(n_acts)], "акт")
    all_act_ids = {a.id for a in kb.legal_acts[:n_acts]}
    for index, act in enumerate(kb.profile.legal_acts):
        if act.id in all_act_ids:
            raise c.fail(profile_file, ("legal_acts", index, "id"), f"акт «{act.id}» уже есть в data/legal_acts.yml")
        all_act_ids.add(act.id)

    details = {d.id for d in kb.details}
    for key in kb.profile.details:
        if key not in details:
            raise c.fail(profile_file, ("details", key), f"поле для заполнения организацией «{key}» не существует; "
                         f"есть: {', '.join(sorted(details))}")

    targets = {"role": roles, "clause": clause_ids, "procedure": procedure_ids}
    for index, entry in enumerate(kb.faq):
        for l_index, ref in enumerate(entry.links):
            kind, _, target = ref.partition(":")
            if kind == "page":
                name = target.partition("#")[0]
                if name not in PAGES:
                    raise c.fail("data/faq.yml", ("faq", index, "links", l_index),
                                 f"страница «{name}» не существует; есть: {', '.join(PAGES)}")
            elif target not in targets[kind]:
                raise c.fail("data/faq.yml", ("faq", index, "links", l_index), f"ссылка «{ref}» ведёт в никуда")

    for index, role in enumerate(kb.roles):
        if role.start and role.start.procedure:
            c.known("data/roles.yml", ("roles", index, "start", "procedure"), [role.start.procedure],
                    procedure_ids, "инструкция")

    c.known("data/checklists.yml", ("launch", "if_needed"), kb.launch.if_needed, procedure_ids, "инструкция")
    situational = {p.id for p in kb.procedures if not p.task}
    for index, item in enumerate(kb.launch.items):
        loc = ("launch", "items", index)
        if item.procedure:
            c.known("data/checklists.yml", loc + ("procedure",), [item.procedure], procedure_ids, "инструкция")
            if item.procedure in situational:
                raise c.fail("data/checklists.yml", loc + ("procedure",),
                             f"инструкция «{item.procedure}» — на случай (task: false): её не отмечают "
                             "в чек-листе; поставьте её в if_needed")
        if item.clause:
            c.known("data/checklists.yml", loc + ("clause",), [item.clause], clause_ids, "пункт Положения")
