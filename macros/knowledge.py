"""The validated data of one build, with the look-ups the macros need.

Records whose `when` does not match the profile are kept (so references to them
can be checked) but are not shown: `applies()` decides.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import models as m

@dataclass(frozen=True)
class NumberedClause:
    clause: m.Clause
    number: str          # "5.3.2"
    section: m.Section
    parent: m.Clause | None
    kind: str            # the clause's kind, or its parent's
    roles: tuple[str, ...]  # the clause's roles, or its parent's

    @property
    def depth(self) -> int:
        return self.number.count(".") + 1


def applies(profile: m.Profile, when: m.Condition | None) -> bool:
    """Whether a record with this `when` is shown for the profile."""
    if when is None:
        return True
    if when.org_type is not None and profile.org_type not in when.org_type:
        return False
    if when.messenger is not None and profile.messenger not in when.messenger:
        return False
    if when.option and not getattr(profile.options, when.option.replace("-", "_")):
        return False
    if when.without_option and getattr(profile.options, when.without_option.replace("-", "_")):
        return False
    if when.clause and when.clause in profile.regulation.omit:
        return False
    return True


@dataclass
class KnowledgeBase:
    profile_id: str
    profile: m.Profile
    terms: m.TermSet
    messenger: m.Messenger  # where the learning profile works today
    act_messenger: m.Messenger  # the one the organization's regulation names (profile `messenger`)
    org_type_label: str
    platform: m.Platform
    details: list[m.Detail]
    roles: list[m.Role]
    regulation: m.Regulation
    chats: list[m.Chat]
    legal_acts: list[m.LegalAct]
    glossary: list[m.GlossaryEntry]
    faq: list[m.FaqEntry]
    launch: m.LaunchChecklist
    procedures: list[m.Procedure]
    context: dict
    omitted: frozenset[str] = frozenset()  # clause and section ids the profile leaves out
    order: m.Order | None = None  # the order that approves the regulation (data/order.yml)
    privacy: object = None  # macros.privacy.Guard: what pages must not publish (set by the loader)
    files: dict = field(default_factory=dict)  # data file -> (model, data): the editors' data reference
    source_key: str = ""  # a hash of the profile and every data file read: what the data was made from
    numbered: list[NumberedClause] = field(init=False)

    def __post_init__(self) -> None:
        self._shown_sections = [s for s in self.regulation.sections if self.applies(s.when) and s.id not in self.omitted]
        self.numbered = list(self._number_clauses())
        self._by_clause = {item.clause.id: item for item in self.numbered}
        # Indexed once: pages look procedures up by id hundreds of times per build.
        self._shown_procedures = [p for p in self.procedures if self.applies(p.when)]
        self._by_procedure = {p.id: p for p in self._shown_procedures}

    # --- applicability ---------------------------------------------------------------

    def applies(self, when: m.Condition | None) -> bool:
        return applies(self.profile, when)

    def _number_clauses(self):
        for s_index, section in enumerate(self.shown_sections(), 1):
            yield from self._number_list(section.clauses, f"{s_index}", section, None, "provision", ())

    def _number_list(self, clauses, prefix, section, parent, kind, roles):
        shown = [c for c in clauses if self.applies(c.when) and c.id not in self.omitted]
        for index, clause in enumerate(shown, 1):
            number = f"{prefix}.{index}"
            own_kind = clause.kind or kind
            own_roles = tuple(clause.roles) or roles
            yield NumberedClause(clause, number, section, parent, own_kind, own_roles)
            yield from self._number_list(clause.items, number, section, clause, own_kind, own_roles)

    def section_number(self, section: m.Section) -> int:
        return self._shown_sections.index(section) + 1

    def shown_sections(self) -> list[m.Section]:
        return list(self._shown_sections)

    # --- look-ups by id (only what applies to this profile) ---------------------------

    def role(self, role_id: str) -> m.Role:
        for role in self.roles:
            if role.id == role_id:
                return role
        raise KeyError(f"неизвестная роль «{role_id}»; есть: {', '.join(r.id for r in self.roles)}")

    def clause(self, clause_id: str) -> NumberedClause:
        if clause_id not in self._by_clause:
            raise KeyError(f"пункт Положения «{clause_id}» не существует или не действует в профиле «{self.profile_id}»")
        return self._by_clause[clause_id]

    def has_clause(self, clause_id: str) -> bool:
        return clause_id in self._by_clause

    def shown_procedures(self) -> list[m.Procedure]:
        return list(self._shown_procedures)

    def procedure(self, procedure_id: str) -> m.Procedure:
        if procedure_id not in self._by_procedure:
            raise KeyError(f"инструкция «{procedure_id}» не существует или не действует в профиле «{self.profile_id}»")
        return self._by_procedure[procedure_id]

    def has_procedure(self, procedure_id: str) -> bool:
        return procedure_id in self._by_procedure

    def detail(self, detail_id: str) -> str:
        return self.profile.details.get(detail_id, "").strip()

    # --- per-role queries -----------------------------------------------------------

    def clauses_for(self, role_id: str, *kinds: str) -> list[NumberedClause]:
        """Clauses of the given kinds that name this role (or 'all'), in regulation order."""
        return [item for item in self.numbered
                if item.kind in kinds and item.clause.text
                and (role_id in item.roles or "all" in item.roles)]

    def clauses_of_kind(self, *kinds: str) -> list[NumberedClause]:
        return [item for item in self.numbered if item.kind in kinds and item.clause.text]

    def procedures_for(self, role_id: str) -> list[m.Procedure]:
        """This role's procedures: its own before shared ones, then in launch order, phone ones first."""
        launch = [item.procedure for item in self.launch.items if item.procedure]

        def order(p: m.Procedure):
            return (len(p.roles), launch.index(p.id) if p.id in launch else len(launch), not p.phone, p.title)
        return sorted((p for p in self.shown_procedures() if role_id in p.roles), key=order)

    def shown_chats(self) -> list[m.Chat]:
        return [c for c in self.chats if self.applies(c.when)]

    def chats_for(self, role_id: str) -> list[m.Chat]:
        return [c for c in self.shown_chats()
                if role_id in c.created_by or role_id in c.member_roles or role_id in c.moderated_by
                or role_id in c.content_by]

    def shown_legal_acts(self) -> list[m.LegalAct]:
        return [a for a in self.legal_acts if self.applies(a.when)]

    def shown_faq(self, audience: str) -> list[m.FaqEntry]:
        return [f for f in self.faq if audience in f.audience and self.applies(f.when)]
