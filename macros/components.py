"""The macros pages call. Python decides what to show; templates/ decide how it looks.

Every function here returns Markdown (with md_in_html blocks where an element needs
an id or a class), rendered from one template in macros/templates/.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import jinja2

from . import paths
from .knowledge import KnowledgeBase
from .textrender import cap

TEMPLATES = Path(__file__).parent / "templates"


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
        )
        self.templates.filters["cap"] = cap
        self.templates.globals.update(
            kb=kb, link=self.link, url=self.url, paths=paths,
            clause_ref=self.clause_ref, procedure_ref=self.procedure_ref, role_ref=self.role_ref,
            page_ref=self.page_ref,
        )

    cap = staticmethod(cap)

    def macros(self) -> dict[str, Callable]:
        """The names pages use: {{ procedure('parent-join') }}, {{ role_tiles() }}…"""
        return {
            "role_tiles": self.role_tiles,
            "role_summary": self.role_summary,
            "role_duties": self.role_duties,
            "role_rights": self.role_rights,
            "role_never": self.role_never,
            "role_chats": self.role_chats,
            "role_procedures": self.role_procedures,
            "role_title": self.role_title,
            "procedure": self.procedure,
            "procedure_title": self.procedure_title,
            "checklist": self.checklist,
            "launch_checklist": self.launch_checklist,
            "regulation": self.regulation,
            "chats_matrix": self.chats_matrix,
            "rules": self.rules,
            "legal_acts": self.legal_acts,
            "glossary": self.glossary,
            "faq": self.faq,
            "resources": self.resources,
            "resource": self.resource,
            "clause_ref": self.clause_ref,
            "procedure_ref": self.procedure_ref,
            "role_ref": self.role_ref,
            "page_ref": self.page_ref,
            "messenger_note": self.messenger_note,
        }

    # --- helpers -------------------------------------------------------------------

    def render(self, template: str, **values) -> str:
        return self.templates.get_template(template).render(**values)

    def link(self, target: str, anchor: str | None = None) -> str:
        return paths.relative(target, self.current_page(), anchor)

    def url(self, target: str, anchor: str | None = None) -> str:
        return paths.relative_url(target, self.current_page(), anchor)

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

    def procedure_title(self, procedure_id: str) -> str:
        return self._lookup(self.kb.procedure, procedure_id).title

    def messenger_note(self) -> str:
        return self.kb.messenger.note

    # --- home and role guides -----------------------------------------------------

    def role_tiles(self) -> str:
        return self.render("role_tiles.md.j2", roles=self.kb.roles)

    def role_summary(self, role_id: str) -> str:
        return self._lookup(self.kb.role, role_id).summary

    def role_duties(self, role_id: str) -> str:
        self._lookup(self.kb.role, role_id)
        return self.render("clause_list.md.j2", items=self.kb.clauses_for(role_id, "duty"),
                           empty="Положение не возлагает на эту роль отдельных обязанностей.")

    def role_rights(self, role_id: str) -> str:
        self._lookup(self.kb.role, role_id)
        return self.render("clause_list.md.j2", items=self.kb.clauses_for(role_id, "right"),
                           empty="Отдельных прав Положение не называет.")

    def role_never(self, role_id: str) -> str:
        role = self._lookup(self.kb.role, role_id)
        return self.render("role_never.md.j2", role=role, items=self.kb.clauses_for(role_id, "forbidden"))

    def role_chats(self, role_id: str) -> str:
        self._lookup(self.kb.role, role_id)
        return self.render("chats_table.md.j2", chats=self.kb.chats_for(role_id), role_id=role_id)

    def role_procedures(self, role_id: str) -> str:
        self._lookup(self.kb.role, role_id)
        return self.render("procedure_list.md.j2", procedures=self.kb.procedures_for(role_id))

    # --- procedures and checklists -------------------------------------------------

    def procedure(self, procedure_id: str) -> str:
        procedure = self._lookup(self.kb.procedure, procedure_id)
        return self.render("procedure.md.j2", p=procedure,
                           clauses=[self.kb.clause(c) for c in procedure.clauses if self.kb.has_clause(c)],
                           related=[r for r in procedure.related if self.kb.has_procedure(r)])

    def checklist(self, role_id: str) -> str:
        role = self._lookup(self.kb.role, role_id)
        items = [{"id": f"proc-{p.id}", "html_text": p.title, "procedure": p.id}
                 for p in self.kb.procedures_for(role_id)]
        items += [{"id": f"clause-{c.clause.id}", "html_text": c.clause.text, "clause": c}
                  for c in self.kb.clauses_for(role_id, "duty")]
        return self.render("checklist.md.j2", checklist_id=f"role-{role.id}", items=items)

    def launch_checklist(self) -> str:
        items = []
        for item in self.kb.launch.items:
            if item.procedure and self.kb.has_procedure(item.procedure):
                p = self.kb.procedure(item.procedure)
                items.append({"id": f"proc-{p.id}", "html_text": p.title, "procedure": p.id})
            elif item.clause and self.kb.has_clause(item.clause):
                c = self.kb.clause(item.clause)
                items.append({"id": f"clause-{c.clause.id}", "html_text": c.clause.text, "clause": c})
            elif item.text:
                items.append({"id": f"item-{len(items) + 1}", "html_text": item.text})
        return self.render("checklist.md.j2", checklist_id="launch", items=items)

    # --- reference pages ----------------------------------------------------------

    def regulation(self) -> str:
        return self.render("regulation.md.j2")

    def chats_matrix(self) -> str:
        return self.render("chats_table.md.j2", chats=self.kb.shown_chats(), role_id=None)

    def rules(self, *kinds: str) -> str:
        return self.render("clause_list.md.j2", items=self.kb.clauses_of_kind(*kinds), empty="")

    def legal_acts(self) -> str:
        return self.render("legal_acts.md.j2", acts=self.kb.shown_legal_acts())

    def glossary(self) -> str:
        return self.render("glossary.md.j2", entries=sorted(self.kb.glossary, key=lambda e: e.term.lower()))

    def faq(self, audience: str) -> str:
        return self.render("faq.md.j2", entries=self.kb.shown_faq(audience))

    def resources(self) -> str:
        return self.render("resources.md.j2", resources=self.kb.platform.resources)

    def resource(self, resource_id: str) -> str:
        for res in self.kb.platform.resources:
            if res.id == resource_id:
                return f"[{res.title}]({res.url})"
        raise MacroError(f"{self.current_page()}: неизвестный ресурс «{resource_id}»")

    def abbreviations(self) -> str:
        return "\n".join(f"*[{e.abbr}]: {e.full or e.term}" for e in self.kb.glossary if e.abbr)
