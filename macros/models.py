"""Pydantic models of every data file under data/.

Each model forbids unknown keys, so a misspelt field name fails the build instead of
being ignored. Cross-references between files (a role, a clause, a procedure) are
checked afterwards, in references.py, where all files are known.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
OrgType = Literal["school", "college", "additional"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- words that differ by organization -------------------------------------------------

class Phrase(Model):
    """A word or phrase in the six singular cases a sentence may need."""

    nom: Text
    gen: Text
    dat: Text
    acc: Text
    ins: Text
    prep: Text

    def __str__(self) -> str:
        return self.nom


class Noun(Phrase):
    """A noun in six cases, singular and plural."""

    nom_pl: Text
    gen_pl: Text
    dat_pl: Text
    acc_pl: Text
    ins_pl: Text
    prep_pl: Text


class TermSet(Model):
    """The words one organization type uses (README.md, «Сайт для другой организации»)."""

    org: Noun = Field(description="the organization itself: школа, техникум, центр")
    unit: Noun = Field(description="класс or группа")
    unit_leader: Noun = Field(description="классный руководитель or куратор")
    teacher: Noun
    learner: Noun
    staff_status: Text = Field(description="status the platform confirms for staff: учитель or Сотрудник")
    staff_space: Phrase = Field(description="where staff join first: класс «Учительская», группа «Сотрудники»")


class TermOverrides(Model):
    """A profile may replace any word of its organization type."""

    org: Noun | None = None
    unit: Noun | None = None
    unit_leader: Noun | None = None
    teacher: Noun | None = None
    learner: Noun | None = None
    staff_status: Text | None = None
    staff_space: Phrase | None = None


class OrgTypeEntry(Model):
    label: Text
    terms: TermSet


class Messenger(Model):
    """The messenger that hosts the platform's learning profile, in the cases sentences need."""

    name: Phrase
    latin: Text
    full: Phrase
    note: Text

    def __str__(self) -> str:
        return self.name.nom


# --- the organization profile --------------------------------------------------------

class OrgName(Model):
    full: Text = Field(description="official name, as on the regulation's title page")
    short: Text = Field(description="short name for the site header")


class Adoption(Model):
    """Who considers, agrees and approves the regulation (the sources differ)."""

    considered_by: Text
    agreed_with: list[Text] = []
    approved_by: Text
    changed_by: Text


class Options(Model):
    """Switches for the parts of the regulation where the sources differ."""

    training_course: bool = Field(False, description="staff take the free online course on МАХ")
    foreign_messengers_migration: bool = Field(False, description="chats move from foreign messengers")
    councils_only: bool = Field(False, description="parents and students join only via the councils")
    verification_required: bool = Field(
        True, description="staff must confirm their status on the platform (001 3.7, 004 4.10); "
                          "False: only when needed (000, 002)")


class Condition(Model):
    """When a record applies: every given key must match the profile."""

    org_type: list[OrgType] | None = None
    messenger: list[Slug] | None = None
    option: Slug | None = None
    without_option: Slug | None = None

    @field_validator("option", "without_option")
    @classmethod
    def _known_option(cls, value: str | None) -> str | None:
        if value is not None and value.replace("-", "_") not in Options.model_fields:
            known = ", ".join(name.replace("_", "-") for name in Options.model_fields)
            raise ValueError(f"неизвестный параметр профиля «{value}»; допустимы: {known}")
        return value


class LegalAct(Model):
    id: Slug
    kind: Text = Field(description="Федеральный закон, Постановление Правительства РФ, …")
    date: dt.date
    number: Text
    title: Text
    governs: Text = Field(description="what it governs, in plain words")
    level: Literal["federal", "regional", "municipal", "local"] = "federal"
    sources: list[Text] = []
    when: Condition | None = None


class Profile(Model):
    demo: bool = False
    org_type: OrgType
    name: OrgName
    messenger: Slug
    terms: TermOverrides = TermOverrides()
    options: Options = Options()
    adoption: Adoption
    administrator_position: Text = Field(description="position of the platform administrator, never a name")
    administrator_contact: Text | None = Field(
        None, description="how readers reach the platform administrator: a room, hours, a chat — never a "
                          "person's name or phone; required for a real (non-demo) organization")
    alternative_channels: list[Text] = Field(
        min_length=1, description="how a family that does not register in the messenger gets full "
                                  "information (nominative phrases: «электронный дневник», …)")
    site_url: Text | None = Field(None, description="address of this organization's published site")
    details: dict[Slug, str] = {}
    legal_acts: list[LegalAct] = Field([], description="regional and municipal acts of this organization")


# --- platform facts ------------------------------------------------------------------

SUPPORT = "support"


class Resource(Model):
    id: Slug
    title: Text
    url: Text
    purpose: Text
    sources: list[Text] = []


class Platform(Model):
    name: Text
    full_name: Text
    resources: list[Resource]

    @model_validator(mode="after")
    def _has_support_address(self) -> "Platform":
        if not any(r.id == SUPPORT and "@" in r.url for r in self.resources):
            raise ValueError(f"нужен ресурс «{SUPPORT}» с адресом электронной почты службы поддержки в url")
        return self

    @property
    def support_email(self) -> str:
        """The platform's support address: the one e-mail address the site may publish."""
        return next(r.url for r in self.resources if r.id == SUPPORT)


# --- roles, regulation, chats --------------------------------------------------------

class Role(Model):
    id: Slug
    title: Text
    title_dat: Text = Field(description="dative plural for tiles: «Родителям»")
    icon: Text
    tile: Text = Field(description="one line on the home page tile")
    summary: Text
    staff: bool
    never: list[Text] = Field([], description="what this role must never do, beyond the common rules")
    sources: list[Text] = []


ClauseKind = Literal["duty", "right", "obligation", "allowed", "forbidden", "provision"]


class Clause(Model):
    id: Slug
    text: Text | None = None
    title: Text | None = None
    kind: ClauseKind | None = Field(None, description="inherited from the parent clause; provision at the top")
    roles: list[Slug] = Field([], description="roles the clause is about, inherited by its items; 'all' — every user")
    procedures: list[Slug] = []
    sources: list[Text] = []
    when: Condition | None = None
    items: list["Clause"] = []

    @model_validator(mode="after")
    def _text_or_items(self) -> "Clause":
        if not self.items and not self.text:
            raise ValueError("нужен текст пункта (text) или подпункты (items)")
        return self


class Section(Model):
    id: Slug
    title: Text
    clauses: list[Clause] = Field(min_length=1)
    when: Condition | None = None


class Regulation(Model):
    title: Text
    sections: list[Section] = Field(min_length=1)


class Chat(Model):
    id: Slug
    name: Text
    kind: Literal["chat", "channel"]
    created_by: list[Slug] = Field(min_length=1)
    members: Text
    member_roles: list[Slug] = []
    purpose: Text
    moderated_by: list[Slug] = []
    sources: list[Text] = []
    when: Condition | None = None


# --- procedures ----------------------------------------------------------------------

class Step(Model):
    id: Slug
    text: Text
    note: Text | None = None
    warning: Text | None = None
    if_fails: Text | None = None
    detail: Slug | None = Field(None, description="an organization-fillable detail shown under the step")
    when: Condition | None = None


class Trouble(Model):
    problem: Text
    solution: Text
    when: Condition | None = None


class Procedure(Model):
    id: Slug
    title: Text
    roles: list[Slug] = Field(min_length=1, description="who performs it")
    phone: bool = Field(False, description="written for a phone: one line of context, then the steps")
    context: Text
    needs: list[Text] = []
    steps: list[Step] = Field(min_length=1)
    result: Text
    troubleshooting: list[Trouble] = []
    clauses: list[Slug] = []
    related: list[Slug] = Field([], description="other procedures worth reading next")
    sources: list[Text] = Field(min_length=1)
    checked: dt.date
    when: Condition | None = None


class Detail(Model):
    """An organization-fillable detail: empty by default, shown only when the profile fills it."""

    id: Slug
    label: Text


# --- glossary, FAQ, checklists -------------------------------------------------------

class GlossaryEntry(Model):
    id: Slug
    term: Text
    abbr: Text | None = Field(None, description="abbreviation shown with a tooltip on every page")
    full: Text | None = Field(None, description="what the abbreviation stands for (the tooltip)")
    definition: Text
    sources: list[Text] = []

    @field_validator("full")
    @classmethod
    def _full_needs_abbr(cls, full: str | None, info) -> str | None:
        if full and not info.data.get("abbr"):
            raise ValueError("расшифровка (full) нужна только вместе с сокращением (abbr)")
        return full


Ref = Annotated[str, StringConstraints(pattern=r"^(role|clause|procedure|page):[^\s]+$")]


class FaqEntry(Model):
    id: Slug
    audience: list[Literal["parents", "staff", "students"]] = Field(min_length=1)
    question: Text
    answer: Text
    links: list[Ref] = []
    when: Condition | None = None


class ChecklistItem(Model):
    procedure: Slug | None = None
    clause: Slug | None = None
    text: Text | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> "ChecklistItem":
        if len([v for v in (self.procedure, self.clause, self.text) if v]) != 1:
            raise ValueError("пункт списка ссылается ровно на одно: procedure, clause или text")
        return self


class LaunchChecklist(Model):
    title: Text
    intro: Text
    items: list[ChecklistItem] = Field(min_length=1)


# --- what the privacy guard lets through -----------------------------------------------

class Privacy(Model):
    """Exceptions to the personal-data guard (data/privacy.yml). The platform's support address
    (data/platform.yml) is always allowed."""

    allowed_emails: list[Text] = Field([], description="public e-mail addresses the site may show, e.g. "
                                                      "an organization's official address")
    allowed_domains: list[Text] = Field([], description="domains whose addresses are examples, never real "
                                                       "mailboxes (example.org)")
    allowed_names: list[Text] = Field([], description="exact phrases the name check must let through "
                                                     "(a name in a law's title or an organization's name)")
