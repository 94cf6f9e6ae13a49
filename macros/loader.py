"""Load data/ once per build: read, fill placeholders, validate, cross-check.

Order matters: the words of the organization (org types, messenger, profile) are
read first, because every other file may use them in its texts.
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, Field, ValidationError

from . import act
from . import models as m
from .errors import DataError, nearest, reason_of
from .knowledge import KnowledgeBase, applies
from .overrides import apply_overrides
from .privacy import Guard
from .references import check_references
from .schema import allowed_fields
from . import cache
from .textrender import make_environment, render_strings
from .yamlfile import YamlDocument, read_yaml

DEFAULT_PROFILE = "demo"
T = TypeVar("T", bound=BaseModel)


class OrgTypesFile(m.Model):
    org_types: dict[m.OrgType, m.OrgTypeEntry]


class MessengersFile(m.Model):
    current: m.Slug = Field(description="where the learning profile works today")
    messengers: dict[m.Slug, m.Messenger]


class RolesFile(m.Model):
    roles: list[m.Role]


class RegulationFile(m.Model):
    regulation: m.Regulation


class OrderFile(m.Model):
    order: m.Order


class ChatsFile(m.Model):
    chats: list[m.Chat]


class LegalActsFile(m.Model):
    legal_acts: list[m.LegalAct]


class GlossaryFile(m.Model):
    glossary: list[m.GlossaryEntry]


class FaqFile(m.Model):
    faq: list[m.FaqEntry]


class DetailsFile(m.Model):
    details: list[m.Detail]


class ChecklistsFile(m.Model):
    launch: m.LaunchChecklist


class PlatformFile(m.Model):
    platform: m.Platform


def validate(doc: YamlDocument, model: type[T], data: object | None = None) -> T:
    """Validate one file; every problem of the file becomes one line of a DataError."""
    data = doc.data if data is None else data
    if not isinstance(data, dict):
        raise doc.error((), "файл должен содержать набор полей (ключ: значение), а не " +
                        ("пустоту" if data is None else type(data).__name__))
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise DataError.combine(describe_errors(doc, model, exc.errors())) from None


def describe_errors(doc: YamlDocument, model: type[BaseModel], errors: list[dict]) -> list[DataError]:
    """One DataError per problem. A misspelt key shows up twice (unknown, and the right one missing):
    that pair becomes one line, «неизвестное поле «titel» — может быть, «title»?»."""
    unknown = [e for e in errors if e["type"] == "extra_forbidden"]
    missing = {tuple(e["loc"]) for e in errors if e["type"] == "missing"}
    explained: set[tuple] = set()
    result = []
    for error in unknown:
        loc = tuple(error["loc"])
        parent, name = loc[:-1], loc[-1]
        allowed = allowed_fields(model, parent)
        guess = nearest(name, [f for f in allowed if parent + (f,) in missing] or allowed)
        reason = "неизвестное поле"
        if guess:
            reason += f" — может быть, «{guess}»?"
            explained.add(parent + (guess,))
        if allowed:
            reason += ("" if guess else ".") + f" Допустимые поля: {', '.join(allowed)}"
        result.append(doc.error(loc, reason))
    for error in errors:
        loc = tuple(error["loc"])
        if error["type"] == "extra_forbidden" or loc in explained:
            continue
        result.append(doc.error(loc, reason_of(error)))
    return result


def available_profiles(root: Path) -> list[str]:
    return sorted(path.stem for path in (root / "data" / "profiles").glob("*.yml"))


def resolve_terms(entry: m.OrgTypeEntry, overrides: m.TermOverrides) -> m.TermSet:
    changes = {key: value for key, value in overrides if value is not None}
    return entry.terms.model_copy(update=changes)


def load_knowledge_base(root: Path, profile_id: str = DEFAULT_PROFILE) -> KnowledgeBase:
    """Everything the pages need, for one organization profile."""
    root = Path(root)

    guard: Guard | None = None  # known once data/platform.yml and data/privacy.yml are read
    private: list[DataError] = []  # every finding of the privacy guard, reported together

    def read(relative: str) -> YamlDocument:
        document = read_yaml(root / relative, relative)
        if guard is not None:
            private.extend(guard.scan_document(document))
        return document

    profiles = available_profiles(root)
    if profile_id not in profiles:
        raise DataError("ORG_PROFILE", "", f"профиль «{profile_id}» не найден в data/profiles/; "
                        f"есть: {', '.join(profiles) or 'ни одного'}")

    docs: dict[str, YamlDocument] = {}
    files: dict[str, tuple[type[BaseModel], object]] = {}  # each file's model and data: the data reference

    def load(relative: str, model: type[T], data: object | None = None) -> T:
        try:
            docs[relative] = docs.get(relative) or read(relative)
            files[relative] = (model, docs[relative].data if data is None else data)
            return validate(docs[relative], model, data)
        except DataError as exc:  # report what the guard found so far with it
            raise DataError.combine(private + exc.errors) from None

    # The platform first: its support address is one of the few e-mails the other files may contain.
    platform = load("data/platform.yml", PlatformFile).platform
    privacy = load("data/privacy.yml", m.Privacy)
    guard = Guard(allowed_emails={platform.support_email.lower(), *(e.lower() for e in privacy.allowed_emails)},
                  allowed_domains={d.lower() for d in privacy.allowed_domains},
                  allowed_names=set(privacy.allowed_names))
    private.extend(guard.scan_document(docs["data/platform.yml"]))
    org_types = load("data/org_types.yml", OrgTypesFile).org_types
    messengers_file = load("data/messengers.yml", MessengersFile)
    messengers = messengers_file.messengers
    if messengers_file.current not in messengers:
        raise docs["data/messengers.yml"].error(("current",), f"мессенджер «{messengers_file.current}» не описан")
    current_messenger = messengers[messengers_file.current]
    details = load("data/details.yml", DetailsFile).details
    profile_file = f"data/profiles/{profile_id}.yml"
    profile = load(profile_file, m.Profile)
    if profile.messenger not in messengers:
        raise docs[profile_file].error(("messenger",), f"неизвестный мессенджер «{profile.messenger}»; "
                                       f"есть: {', '.join(messengers)}")
    terms = resolve_terms(org_types[profile.org_type], profile.terms)

    context = {
        **{name: getattr(terms, name) for name in m.TermSet.model_fields},
        # Instructions describe the platform as it is today; only the regulation keeps the
        # messenger its act names (data/messengers.yml).
        "messenger": current_messenger,
        "platform": platform,
        "org_name": profile.name.full,
        # The demo and the example organizations are invented: their home page says so, once.
        "invented_org": profile.demo or profile.example,
        "admin_position": profile.administrator_position,
        # Only the demo may leave it empty (the model refuses that for a real organization).
        "admin_contact": profile.administrator_contact or f"спросите {terms.unit_leader.acc}",
        "alternative_channels": profile.alternative_channels,
        "verification_required": profile.options.verification_required,
        # Every decision of the profile, for a text that differs by one (e.g. options.one_unit_only).
        "options": profile.options,
        "org_type": profile.org_type,
        **act.context(profile),
    }
    # The position readers are told, or "" where the profile says only «работник техникума» (the sources
    # leave the choice to the director's order): the pages then say how to reach the administrator.
    context["admin_position_named"] = ("" if profile.administrator_position == f"работник {terms.org.gen}"
                                       else profile.administrator_position)
    # From whom the director chooses the administrator: «заместителей директора» where the profile names the
    # position (clause 3.4), else «работников техникума», «педагогических работников центра».
    context["admin_from"] = profile.administrator_pool or f"{context['admin_pool']} {terms.org.gen}"
    env = make_environment()

    def load_rendered(relative: str, model: type[T], words: dict | None = None) -> T:
        try:
            docs[relative] = read(relative)
            files[relative] = (model, render_strings(docs[relative], words or context, env))
            return validate(docs[relative], model, files[relative][1])
        except DataError as exc:
            raise DataError.combine(private + exc.errors) from None

    roles = load_rendered("data/roles.yml", RolesFile).roles
    # The regulation names the acts it relies on: the shared ones and the profile's own.
    legal_acts = load_rendered("data/legal_acts.yml", LegalActsFile).legal_acts
    context["legal_basis"] = act.legal_basis([a for a in legal_acts + profile.legal_acts
                                              if applies(profile, a.when)])
    # The organization's own changes (its profile's `regulation:`) go into the shared text first.
    # The act keeps the messenger it names (data/messengers.yml); everything else describes today's.
    act_words = {**context, "messenger": messengers[profile.messenger]}
    docs["data/regulation.yml"] = read("data/regulation.yml")
    regulation_data = render_strings(docs["data/regulation.yml"], act_words, env)
    own = render_strings(docs[profile_file], act_words, env)
    overrides = validate(docs[profile_file], m.Profile, own).regulation
    omitted = apply_overrides(regulation_data, overrides, docs[profile_file],
                              roles={r.id for r in roles} | {"all"},
                              procedures={p.stem for p in (root / "data" / "procedures").glob("*.yml")})
    files["data/regulation.yml"] = (RegulationFile, regulation_data)
    regulation = validate(docs["data/regulation.yml"], RegulationFile, regulation_data).regulation
    if not profile.approval.opinion_of:  # no councils named: the act claims no opinion was considered
        omitted = omitted | {"adoption-opinion"}
    # The organization's own chat rules (clauses its profile adds to «Правила общения в чатах»): the FAQ
    # answers about the chats say them as the rules page does: a duty's `rule` (plain words), else its text.
    context["own_chat_rules"] = [(c.rule or c.text).strip().rstrip(".")
                                 for c in overrides.add.get("chat-rules", []) if c.rule or c.text]
    chats = load_rendered("data/chats.yml", ChatsFile).chats
    order = load_rendered("data/order.yml", OrderFile, act_words).order
    glossary = load_rendered("data/glossary.yml", GlossaryFile).glossary
    faq = load_rendered("data/faq.yml", FaqFile).faq
    launch = load_rendered("data/checklists.yml", ChecklistsFile).launch
    procedures = []
    for path in sorted((root / "data" / "procedures").glob("*.yml")):
        relative = f"data/procedures/{path.name}"
        procedure = load_rendered(relative, m.Procedure)
        if procedure.id != path.stem:
            raise docs[relative].error(("id",), f"id инструкции должен совпадать с именем файла: {path.stem}")
        procedures.append(procedure)

    kb = KnowledgeBase(
        profile_id=profile_id, profile=profile, terms=terms, messenger=current_messenger,
        act_messenger=messengers[profile.messenger],
        org_type_label=org_types[profile.org_type].label, platform=platform, details=details,
        roles=roles, regulation=regulation, chats=chats, legal_acts=legal_acts + profile.legal_acts,
        glossary=glossary, faq=faq, launch=launch, procedures=procedures, context=context,
        omitted=omitted, order=order,
    )
    if private:
        raise DataError.combine(private)
    kb.privacy = guard
    kb.files = files
    kb.source_key = cache.key(profile_id, sorted((name, doc.source_lines) for name, doc in docs.items()))
    check_references(kb, docs, profile_file)
    return kb
