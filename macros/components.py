"""The macros pages call. Python decides what to show; templates/ decide how it looks.

Every function here returns Markdown (with md_in_html blocks where an element needs
an id or a class), rendered from one template in macros/templates/.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from importlib.metadata import version
from pathlib import Path
from typing import Callable, get_args

import jinja2

from . import act, cache, leaflet, offline, paths
from .knowledge import KnowledgeBase, NumberedClause
from .models import ClauseKind, FaqEntry
from .textrender import cap, decap

MACROS = Path(__file__).parent
TEMPLATES = MACROS / "templates"
FAQ_AUDIENCES = get_args(get_args(FaqEntry.model_fields["audience"].annotation)[0])
CLAUSE_KINDS = get_args(ClauseKind)
# A FAQ section does not link the instructions only the other family audience performs.
OTHER_AUDIENCE_ROLES = {"parents": {"student"}, "students": {"parent"}}


@dataclass(frozen=True)
class ChecklistEntry:
    """One line of a checklist; its id keeps the ticked state when items are reordered."""

    id: str
    text: str
    procedure: str | None = None
    clause: NumberedClause | None = None
    title: str | None = None  # the procedure's title: an item that only names it reads «Сделайте по инструкции …»


class MacroError(Exception):
    """A page asked for something that does not exist (an unknown role, clause or procedure)."""


class Components:
    def __init__(self, kb: KnowledgeBase, current_page: Callable[[], str]):
        self.kb = kb
        self.current_page = current_page
        self.templates = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES),
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            autoescape=False,
            bytecode_cache=cache.bytecode_cache(),  # compiled once, reused by every later build
        )
        self.templates.filters["cap"] = cap
        self.templates.filters["decap"] = decap
        self.templates.tests["applies"] = kb.applies
        self.templates.globals.update(
            kb=kb, link=self.link, paths=paths,
            clause_ref=self.clause_ref, procedure_ref=self.procedure_ref, role_ref=self.role_ref,
            page_ref=self.page_ref,
        )

    def macros(self) -> dict[str, Callable]:
        """The names pages use: {{ procedure('parent-join') }}, {{ role_tiles() }}…"""
        return {
            "role_tiles": self.role_tiles,
            "role_guide": self.role_guide,
            "role_title": self.role_title,
            "procedure": self.procedure,
            "checklist": self.checklist,
            "launch_checklist": self.launch_checklist,
            "regulation": self.regulation,
            "regulation_title": self.regulation_title,
            "approval_block": self.approval_block,
            "chats_matrix": self.chats_matrix,
            "rules": self.rules,
            "legal_acts": self.legal_acts,
            "glossary": self.glossary,
            "faq": self.faq,
            "resources": self.resources,
            "clause_ref": self.clause_ref,
            "procedure_ref": self.procedure_ref,
            "role_ref": self.role_ref,
            "page_ref": self.page_ref,
            "messenger_note": self.messenger_note,
            "leaflet": self.leaflet,
            "offline_link": self.offline_link,
        }

    # --- helpers -------------------------------------------------------------------

    def render(self, template: str, **values) -> str:
        return self.templates.get_template(template).render(**values)

    def link(self, target: str, anchor: str | None = None) -> str:
        return paths.relative(target, self.current_page(), anchor)

    def _lookup(self, getter, key):
        try:
            return getter(key)
        except KeyError as exc:
            raise MacroError(f"{self.current_page()}: {exc.args[0]}") from None

    # --- references ----------------------------------------------------------------

    def clause_ref(self, clause_id: str, label: str | None = None) -> str:
        """'[п. 5.3](../regulation.md#admin-registers-org)'."""
        item = self._lookup(self.kb.clause, clause_id)
        return f"[{label or 'п. ' + item.number}]({self.link(paths.PAGES['regulation'], clause_id)})"

    def procedure_ref(self, procedure_id: str) -> str:
        procedure = self._lookup(self.kb.procedure, procedure_id)
        return f"[{procedure.title}]({self.link(paths.procedure_page(procedure_id))})"

    def role_ref(self, role_id: str) -> str:
        role = self._lookup(self.kb.role, role_id)
        return f"[{role.title}]({self.link(paths.role_page(role_id))})"

    def page_ref(self, name: str, label: str, anchor: str | None = None) -> str:
        if name not in paths.PAGES:
            raise MacroError(f"{self.current_page()}: неизвестная страница «{name}»; есть: {', '.join(paths.PAGES)}")
        return f"[{label}]({self.link(paths.PAGES[name], anchor)})"

    def role_title(self, role_id: str) -> str:
        return self._lookup(self.kb.role, role_id).title

    def messenger_note(self) -> str:
        """The dated history note when the regulation names an earlier messenger; '' otherwise."""
        return self.kb.act_messenger.history or ""

    # --- home and role guides -----------------------------------------------------

    def role_tiles(self) -> str:
        return self.render("role_tiles.md.j2", roles=self.kb.roles)

    def role_guide(self, role_id: str) -> str:
        """The standard sections of a role guide: procedures, duties, rights, chats, never, checklist."""
        role = self._lookup(self.kb.role, role_id)
        procedures = self.kb.procedures_for(role_id)
        return self.render(
            "role_guide.md.j2", role=role,
            procedures=[p for p in procedures if p.task],
            if_needed=[p for p in procedures if not p.task],
            notes=[note for note in role.notes if self.kb.applies(note.when)],
            duties=self.kb.clauses_for(role_id, "duty"),
            rights=self.kb.clauses_for(role_id, "right"),
            chats=self.kb.chats_for(role_id),
            never=self.kb.clauses_for(role_id, "forbidden"),
        )

    def procedure(self, procedure_id: str) -> str:
        procedure = self._lookup(self.kb.procedure, procedure_id)
        linked = [c for c in procedure.clauses if self.kb.has_clause(c)]
        linked += [item.clause.id for item in self.kb.numbered
                   if procedure_id in item.clause.procedures and item.clause.id not in linked]
        return self.render("procedure.md.j2", p=procedure,
                           clauses=[self.kb.clause(c) for c in linked],
                           related=[r for r in procedure.related if self.kb.has_procedure(r)],
                           in_launch=any(item.procedure == procedure_id for item in self.kb.launch.items))

    def checklist(self, role_id: str) -> str:
        """A role's checklist: its duties in plain words, each with its instruction, then the instructions no
        duty names. Situational instructions (task: false) are links beside the list, never items."""
        role = self._lookup(self.kb.role, role_id)
        procedures = self.kb.procedures_for(role_id)
        tasks = {p.id for p in procedures if p.task}
        items, covered = [], set()
        for duty in self.kb.clauses_for(role_id, "duty"):
            how = [pid for pid in duty.clause.procedures if pid in tasks]
            covered.update(how)
            items.append(self._clause_item(duty, how[0] if how else None))
        items += [self._procedure_item(p) for p in procedures if p.task and p.id not in covered]
        return self.render("checklist.md.j2", checklist_id=f"role-{role.id}", items=items,
                           if_needed=[p for p in procedures if not p.task])

    def launch_checklist(self) -> str:
        """The organization's launch checklist (data/checklists.yml), with its title and intro."""
        launch = self.kb.launch
        items = []
        for index, item in enumerate(launch.items, 1):
            if item.procedure:
                if self.kb.has_procedure(item.procedure):
                    entry = self._procedure_item(self.kb.procedure(item.procedure))
                    items.append(replace(entry, text=item.text) if item.text else entry)
            elif item.clause and self.kb.has_clause(item.clause):
                items.append(self._clause_item(self.kb.clause(item.clause)))
            elif item.text:
                items.append(ChecklistEntry(id=f"item-{index}", text=item.text))
        if_needed = [self.kb.procedure(pid) for pid in launch.if_needed if self.kb.has_procedure(pid)]
        return self.render("launch.md.j2", launch=launch, checklist_id="launch", items=items, if_needed=if_needed)

    @staticmethod
    def _procedure_item(procedure) -> "ChecklistEntry":
        return ChecklistEntry(id=f"proc-{procedure.id}", text=procedure.title, procedure=procedure.id,
                              title=procedure.title)

    @staticmethod
    def _clause_item(numbered, procedure: str | None = None) -> "ChecklistEntry":
        """A duty in the reader's words («Вступите в чат…»), linked to its clause and to the instruction."""
        return ChecklistEntry(id=f"clause-{numbered.clause.id}", text=numbered.clause.plain, clause=numbered,
                              procedure=procedure)

    def leaflet(self) -> str:
        """The parent leaflet (macros/leaflet.py): join steps, chat rules, whom to ask, QR code."""
        join = self._lookup(self.kb.procedure, leaflet.JOIN_PROCEDURE)
        rules = [item for item in self.kb.clauses_for(leaflet.GUIDE_ROLE, *leaflet.RULE_KINDS)
                 if item.section.id == leaflet.RULES_SECTION]
        url = qr = None
        if self.kb.profile.site_url:
            url = leaflet.guide_url(self.kb.profile.site_url)
            try:
                qr = leaflet.qr_svg(url)
            except ValueError as exc:
                raise MacroError(f"{self.current_page()}: site_url профиля: {exc}") from None
        return self.render("leaflet.md.j2", join=join, rules=rules, url=url, qr=qr)

    def offline_link(self) -> str:
        """The home page's link to the offline ZIP, when this build publishes one (macros/offline.py)."""
        try:
            path = offline.published_zip()
        except FileNotFoundError as exc:
            raise MacroError(str(exc)) from None
        if path is None:
            return ""
        return self.render("offline_link.md.j2", name=path.name, size_mb=f"{path.stat().st_size / 1e6:.1f}".replace(".", ","))

    # --- reference pages ----------------------------------------------------------

    def regulation(self) -> str:
        return self.render("regulation.md.j2", shown_procedure_ids={p.id for p in self.kb.shown_procedures()})

    def regulation_title(self) -> str:
        return self.kb.regulation.title

    def downloads(self) -> dict[str, bytes]:
        """docs/ path → DOCX bytes of the regulation and its order (added to the build by the hook).

        The same data, code and SOURCE_DATE_EPOCH give the same bytes (tests/test_reproducible.py), so
        a later build of an unchanged profile takes them from macros/cache.py instead of making them."""
        entry = "docx-" + cache.key(self.kb.source_key, os.environ.get("SOURCE_DATE_EPOCH"), version("python-docx"),
                                    *(path.read_bytes() for path in sorted(MACROS.glob("*.py"))))
        documents = cache.load(entry)
        if documents is None:
            from .docx_act import documents as make  # python-docx is needed only here
            documents = make(self.kb)
            cache.store(entry, documents)
        return {paths.DOWNLOADS[name]: content for name, content in documents.items()}

    def approval_block(self) -> str:
        """ПРИНЯТО / СОГЛАСОВАНО / УТВЕРЖДЕНО from the profile, blank lines where it has no number or date."""
        return self.render("approval.md.j2", columns=act.approval_stamps(self.kb.profile.approval))

    def chats_matrix(self) -> str:
        return self.render("chats_table.md.j2", chats=self.kb.shown_chats())

    def rules(self, *kinds: str) -> str:
        unknown = [kind for kind in kinds if kind not in CLAUSE_KINDS]
        if unknown or not kinds:
            raise MacroError(f"{self.current_page()}: rules() ждёт виды пунктов из: {', '.join(CLAUSE_KINDS)}")
        items = self.kb.clauses_of_kind(*kinds)
        if "obligation" in kinds:
            # A duty written into the chat rules (an organization's own, e.g. the hours teachers write in)
            # binds the chats too: the rules page shows it in the act's words, the guides in the reader's.
            own = {id(i) for i in items} | {id(i) for i in self.kb.clauses_of_kind("duty")
                                            if i.section.id == "chat-rules"}
            items = [i for i in self.kb.numbered if id(i) in own]
        return self.render("clause_list.md.j2", items=items, empty="")

    def legal_acts(self) -> str:
        return self.render("legal_acts.md.j2", acts=self.kb.shown_legal_acts())

    def glossary(self) -> str:
        entries = [e for e in self.kb.glossary if self.kb.applies(e.when)]
        return self.render("glossary.md.j2", entries=sorted(entries, key=lambda e: e.term.lower()))

    def faq(self, audience: str) -> str:
        if audience not in FAQ_AUDIENCES:
            raise MacroError(f"{self.current_page()}: неизвестная аудитория «{audience}»; есть: {', '.join(FAQ_AUDIENCES)}")
        entries = [(entry, [link for link in map(self.ref_link, self._faq_links(entry, audience)) if link])
                   for entry in self.kb.shown_faq(audience)]
        return self.render("faq.md.j2", entries=entries, audience=audience)

    def _faq_links(self, entry: FaqEntry, audience: str) -> list[str]:
        """An answer shared by parents and learners links, in each section, its readers' own instruction:
        a learner is not sent to the parents' instruction («Как вступить в чат родителей»), nor a parent
        to the learner's. Instructions for other roles (staff) stay."""
        others = OTHER_AUDIENCE_ROLES.get(audience) if {"parents", "students"} <= set(entry.audience) else None

        def fits(ref: str) -> bool:
            kind, _, target = ref.partition(":")
            if kind != "procedure" or others is None or not self.kb.has_procedure(target):
                return True
            return not set(self.kb.procedure(target).roles) <= others

        return [ref for ref in entry.links if fits(ref)]

    def ref_link(self, ref: str) -> str | None:
        """A data reference ('procedure:parent-join', 'page:rules#forbidden'…) as a Markdown link;
        None when its target does not apply to this profile."""
        kind, _, target = ref.partition(":")
        if kind == "role":
            return self.role_ref(target)
        if kind == "clause":
            return self.clause_ref(target, f"п. {self.kb.clause(target).number} Положения") \
                if self.kb.has_clause(target) else None
        if kind == "procedure":
            return self.procedure_ref(target) if self.kb.has_procedure(target) else None
        name, _, anchor = target.partition("#")
        return self.page_ref(name, paths.TITLES[name], anchor or None)

    def resources(self) -> str:
        return self.render("resources.md.j2",
                           resources=[r for r in self.kb.platform.resources if self.kb.applies(r.when)])

    def abbreviations(self) -> str:
        return "\n".join(f"*[{e.abbr}]: {e.full or e.term}" for e in self.kb.glossary
                         if e.abbr and self.kb.applies(e.when))
