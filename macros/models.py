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

    @property
    def quoted(self) -> str:
        """The name in «…» inside the phrase (класс «Учительская» → Учительская), or ''."""
        inside = self.nom.partition("«")[2]
        return inside[:inside.rfind("»")] if "»" in inside else ""


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
    unit_new: Phrase = Field(description="the unit with an agreeing adjective: новый класс, новая группа")
    unit_leader: Noun = Field(description="классный руководитель or куратор")
    teacher: Noun
    learner: Noun
    staff_status: Text = Field(description="status the platform confirms for staff: учитель or Сотрудник")
    staff_space: Phrase = Field(description="where staff join first: класс «Учительская», группа «Сотрудники»")
    general_channel: Text = Field(description="name of the channel for the whole organization: Общешкольный, Общий")
    learner_council: Phrase = Field(description="the learners' council: ученический актив, актив обучающихся")
    leader_assignment: Phrase = Field(description="the director's act assigning unit leaders to units")
    subject: Noun = Field(description="what a study chat is about: учебный предмет, учебная дисциплина")
    extracurricular: Text = Field(description="examples of extracurricular activities, in the plural")
    unit_definition: Text = Field(description="one plain sentence about the unit for the glossary")


class TermOverrides(Model):
    """A profile may replace any word of its organization type."""

    org: Noun | None = None
    unit: Noun | None = None
    unit_new: Phrase | None = None
    unit_leader: Noun | None = None
    teacher: Noun | None = None
    learner: Noun | None = None
    staff_status: Text | None = None
    staff_space: Phrase | None = None
    general_channel: Text | None = None
    learner_council: Phrase | None = None
    leader_assignment: Phrase | None = None
    subject: Noun | None = None
    extracurricular: Text | None = None
    unit_definition: Text | None = None


class OrgTypeEntry(Model):
    label: Text
    terms: TermSet


class Messenger(Model):
    """The messenger that hosts the platform's learning profile, in the cases sentences need."""

    name: Phrase
    latin: Text
    full: Phrase
    history: Text | None = Field(None, description="dated note shown when the regulation names this messenger")
    aliases: list[Text] = Field([], description="other names readers search by (search indexes them)")

    def __str__(self) -> str:
        return self.name.nom


# --- the organization profile --------------------------------------------------------

class OrgName(Model):
    full: Text = Field(description="official name, as on the regulation's title page")
    short: Text = Field(description="short name for the site header")


class Protocol(Model):
    """A protocol or an order: number and date, each blank («____») until the organization fills it."""

    number: Text | None = Field(None, description="«№ 11», «09/1-ОД»: without the sign №")
    date: dt.date | None = None


class Adopted(Protocol):
    """ПРИНЯТО / РАССМОТРЕНО: the collegial body that adopted or considered the regulation."""

    verb: Literal["принято", "рассмотрено"] = "принято"
    body: Text = Field(description="instrumental case: «педагогическим советом»")
    guide: Text | None = Field(None, description="the same body as the guides name it, accusative after «на»: "
                                                 "«педагогический совет»")


class Agreed(Protocol):
    """СОГЛАСОВАНО: a body (or its chair) the regulation is agreed with."""

    body: Text = Field(description="instrumental case after «с»: «управляющим советом»")
    guide: Text | None = Field(None, description="the same body as the guides name it, accusative after «через»: "
                                                 "«управляющий совет»")
    position: Text | None = Field(None, description="who signs for it: «председатель управляющего совета»")


class Considered(Protocol):
    """A council whose opinion was considered (273-ФЗ, art. 30 part 3)."""

    body: Text = Field(description="genitive case: «совета обучающихся»")
    guide: Text | None = Field(None, description="the council's short name for the guides, genitive: "
                                                 "«совета родителей»")


class Approved(Protocol):
    """УТВЕРЖДЕНО: the order that approves the regulation and puts it into force."""

    by: Text = Field("приказом директора", description="instrumental case: «приказом директора»")
    signer: Text = Field("директор", description="position of the one who signs the order — never a name")


class Change(Model):
    """One line of the change log (лист изменений) printed at the end of the regulation's DOCX."""

    clauses: Text = Field(description="which clauses changed: «п. 5.3.2», «раздел 7»")
    summary: Text = Field(description="what changed, in a few words")
    order: Protocol = Field(Protocol(), description="the order that approved the change")


class Approval(Model):
    """The approval block of the regulation and how it is adopted and changed (the sources differ).

    Every number and date may be left out: the block then prints a blank line to fill by hand.
    """

    adopted: Adopted
    agreed: list[Agreed] = []
    opinion_of: list[Considered] = Field([], description="councils whose opinion is considered, where they exist")
    approved: Approved = Approved()
    changed_by: Text | None = Field(None, description="how changes are made, if not as the regulation itself: "
                                    "«педагогическим советом и утверждаются приказом директора»")
    changes: list[Change] = Field([], description="the change log (лист изменений), oldest first")


class RegulationOverrides(Model):
    """An organization's own changes to the shared regulation, kept in its profile."""

    reword: dict[Slug, Text] = Field({}, description="clause id → the organization's wording")
    reword_plain: dict[Slug, Text] = Field(
        {}, description="clause id → the reader's wording of a clause reworded above, when the change "
                        "reaches the guides and checklists (without it the shared plain wording stays)")
    omit: list[Slug] = Field([], description="clause ids the organization leaves out")
    add: dict[Slug, list["Clause"]] = Field({}, description="section or list-clause id → the organization's clauses")


class Options(Model):
    """Switches for the parts of the regulation where the sources differ."""

    training_course: bool = Field(False, description="staff take the free online course on МАХ")
    foreign_messengers_migration: bool = Field(False, description="chats move from foreign messengers")
    councils_only: bool = Field(False, description="parents and students join only via the councils")
    verification_required: bool = Field(
        True, description="staff must confirm their status on the platform (001 3.7, 004 4.10); "
                          "False: only when needed (000, 002)")
    administrator_teachers_only: bool = Field(
        False, description="the administrator is appointed from teachers only (002); "
                           "False: from any workers (000, 001, 004)")
    one_unit_only: bool = Field(
        False, description="a learner may belong to one unit only (004 7.5, 2023, VK-messenger era; "
                           "no other source has it)")


class Condition(Model):
    """When a record applies: every given key must match the profile."""

    org_type: list[OrgType] | None = None
    messenger: list[Slug] | None = None
    option: Slug | None = None
    without_option: Slug | None = None
    clause: Slug | None = Field(None, description="the organization's regulation keeps this clause "
                                                  "(it is not in the profile's `regulation: omit`)")

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
    title: Text | None = Field(None, description="«О персональных данных»; none for a code (Трудовой кодекс …)")
    governs: Text = Field(description="what it governs, in plain words")
    level: Literal["federal", "regional", "municipal", "local"] = "federal"
    cited: bool = Field(True, description="named in the regulation's legal basis (clause legal-acts)")
    sources: list[Text] = []
    when: Condition | None = None


class Profile(Model):
    demo: bool = False
    example: bool = Field(False, description="an example organization: its name, contacts and addresses are "
                                             "invented; the home page and the regional index say so once, "
                                             "the regulation and the reader's sentences never do")
    org_type: OrgType
    name: OrgName
    messenger: Slug
    terms: TermOverrides = TermOverrides()
    options: Options = Options()
    approval: Approval
    regulation: RegulationOverrides = Field(default_factory=lambda: RegulationOverrides(),
                                            description="the organization's own changes to the regulation")
    administrator_position: Text = Field(description="position of the platform administrator, never a name")
    administrator_pool: Text | None = Field(
        None, description="the same position in the genitive plural («заместителей директора»): the regulation "
                          "and the guides say the administrator is chosen «из числа …» of them; left out, "
                          "«из числа работников (педагогических работников) <организации>»")
    administrator_contact: Text | None = Field(
        None, description="how readers reach the platform administrator: a room, hours, a chat — never a "
                          "person's name or phone; required for a real (non-demo) organization")
    alternative_channels: list[Text] = Field(
        min_length=1, description="how a family that does not register in the messenger gets full "
                                  "information (nominative phrases: «электронный дневник», …)")
    site_url: Text | None = Field(None, description="address of this organization's published site")
    details: dict[Slug, str] = {}
    legal_acts: list[LegalAct] = Field([], description="regional and municipal acts of this organization")

    @model_validator(mode="after")
    def _real_organization_has_admin_contact(self) -> "Profile":
        if not self.demo and not self.administrator_contact:
            raise ValueError("administrator_contact: укажите, как родителям и работникам связаться "
                             "с администратором платформы (кабинет, часы приёма, чат), без имени и телефона")
        return self


# --- platform facts ------------------------------------------------------------------

SUPPORT = "support"


class Resource(Model):
    id: Slug
    title: Text
    url: Text
    purpose: Text
    sources: list[Text] = []
    when: Condition | None = Field(None, description="one organization's choice: shown only where it applies")


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

class RoleStart(Model):
    """The first screen of a role guide: what to do first, in order, and the instruction to follow."""

    steps: list[Text] = Field(min_length=1, description="short imperative sentences, one action each")
    procedure: Slug | None = Field(None, description="the step-by-step instruction that follows these steps")


class RoleNote(Model):
    """A question the reader of this guide asks first, answered in plain words."""

    id: Slug
    title: Text
    text: Text
    list_of: Literal["alternative_channels"] | None = Field(
        None, description="a list from the profile shown under the text")
    when: Condition | None = None


class Role(Model):
    id: Slug
    title: Text
    title_dat: Text = Field(description="dative plural for tiles: «Родителям»")
    icon: Text
    tile: Text = Field(description="one line on the home page tile")
    summary: Text
    staff: bool
    never: list[Text] = Field([], description="what this role must never do, beyond the common rules "
                                              "(«Не …», addressed to the reader)")
    start: RoleStart | None = None
    notes: list[RoleNote] = []
    aliases: list[Text] = Field([], description="other names readers search by (search indexes them)")
    sources: list[Text] = []


ClauseKind = Literal["duty", "right", "obligation", "allowed", "forbidden", "provision"]


class Clause(Model):
    id: Slug
    text: Text | None = None
    plain: Text | None = Field(
        None, description="the same rule said to the reader («вы», imperative, about 10 words) for role guides "
                          "and checklists; required for duties, rights and prohibitions (references.py)")
    title: Text | None = None
    kind: ClauseKind | None = Field(None, description="inherited from the parent clause; provision at the top")
    roles: list[Slug] = Field([], description="roles the clause is about, inherited by its items; 'all' — every user")
    rule: Text | None = Field(
        None, description="a duty in the chat rules said to every reader of the rules page, in plain words and "
                          "the third person («Учителя … пишут в чаты …»); without it the page shows `text`")
    procedures: list[Slug] = []
    also: list[Slug] = Field([], description="other clauses the plain wording also rests on (e.g. the "
                                             "procedure of section 9): guides and checklists cite their "
                                             "numbers after this clause's own")
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
    created_by: list[Slug] = Field(min_length=1, description="the one role that creates it; several only with "
                                                             "creator_moderates (any of them may create it)")
    creator_moderates: bool = Field(False, description="whoever of created_by creates the chat keeps order in it "
                                                       "(moderated_by stays empty)")
    members: Text
    member_roles: list[Slug] = []
    purpose: Text
    moderated_by: list[Slug] = []
    content_by: list[Slug] = Field([], description="roles that answer for what is written in a chat someone else "
                                                   "keeps order in (regulation 4.2.7: the deputy and the general chat)")
    sources: list[Text] = []
    when: Condition | None = None
    aliases: list[Text] = Field([], description="other names readers search by (search indexes them)")

    @model_validator(mode="after")
    def _one_owner(self) -> "Chat":
        # Every chat has one person who keeps order in it: the one role that creates it, or — where
        # the sources let either of several roles create it — whoever of them did.
        roles = self.created_by
        if len(roles) > 1 and not self.creator_moderates:
            raise ValueError(f"у чата одна роль, которая его создаёт, а указано {len(roles)}: {', '.join(roles)}; "
                             "если его создаёт любая из них, укажите creator_moderates: true — тогда за порядком "
                             "следит тот, кто создал чат")
        if self.creator_moderates and self.moderated_by:
            raise ValueError("creator_moderates: true — за порядком следит тот, кто создал чат; "
                             "moderated_by оставьте пустым")
        return self


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


class Verification(Model):
    """A person checked the steps in the app: the date and the position (never a name)."""

    date: dt.date
    by_position: Text = Field(description="who checked: a position, e.g. «администратор платформы»")


class Procedure(Model):
    id: Slug
    title: Text
    roles: list[Slug] = Field(min_length=1, description="who performs it")
    others: Text | None = Field(None, description="performers who have no guide of their own, as readers name them "
                                                 "(«другие работники школы»): listed after the roles")
    phone: bool = Field(False, description="written for a phone: one line of context, then the steps")
    context: Text
    warning: Text | None = Field(None, description="read before the steps: what cannot be undone")
    instead: Slug | None = Field(None, description="the procedure to follow when this one does more than "
                                                   "the reader needs (shown with the warning)")
    needs: list[Text] = []
    steps: list[Step] = Field(min_length=1)
    result: Text
    troubleshooting: list[Trouble] = []
    clauses: list[Slug] = []
    related: list[Slug] = Field([], description="other procedures worth reading next")
    sources: list[Text] = Field(min_length=1, description="for editors: the seeds the steps come from "
                                                          "(never shown in the reader's text)")
    task: bool = Field(True, description="something a reader does once and ticks in a checklist; false for "
                                         "a procedure needed only in a situation (leave a chat, report a login)")
    verified_in_app: Verification | None = Field(
        None, description="set only by a person who went through the steps in the app on that date")
    when: Condition | None = None
    aliases: list[Text] = Field([], description="other names readers search by (search indexes them)")


class OrderPoint(Model):
    text: Text
    items: list["OrderPoint"] = []
    sources: list[Text] = []
    when: Condition | None = None


class Order(Model):
    """The order (приказ) that approves the regulation (data/order.yml)."""

    title: Text
    preamble: Text
    points: list[OrderPoint] = Field(min_length=1)
    sources: list[Text] = []


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
    when: Condition | None = None
    aliases: list[Text] = Field([], description="other names readers search by (search indexes them)")

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
    text: Text | None = Field(None, description="what the reader does («Зарегистрируйте …»); with a procedure, "
                                                "the procedure is the link beside it")

    @model_validator(mode="after")
    def _one_target(self) -> "ChecklistItem":
        if self.procedure and self.clause or not (self.procedure or self.clause or self.text):
            raise ValueError("пункт списка — это procedure (можно с text), clause или text")
        if self.clause and self.text:
            raise ValueError("у пункта-clause текст берётся из Положения (plain); text не нужен")
        return self


class LaunchChecklist(Model):
    title: Text
    intro: Text
    items: list[ChecklistItem] = Field(min_length=1)
    if_needed: list[Slug] = Field([], description="procedures shown beside the checklist, not as items "
                                                  "(done only in a situation)")



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


# The profile's own regulation clauses are Clause records, defined after the profile.
RegulationOverrides.model_rebuild()
Profile.model_rebuild()
