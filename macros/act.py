"""The regulation as a signed act: its approval block and the sentences built from the profile.

One place for what both the web page (macros/templates/approval.md.j2) and the DOCX
(macros/docx_act.py) print, so the two never say different things. A number or a date
the organization has not filled in prints a blank line to fill in by hand.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from . import models as m
from .textrender import cap

BLANK_NUMBER = "________"
BLANK_DATE = "«____» ____________ 20____ года"
SIGNATURE = "________________ (подпись)"
BLANK_NAME = "____________________"


def date_or_blank(date: dt.date | None) -> str:
    return date.strftime("%d.%m.%Y") if date else BLANK_DATE


def number_or_blank(number: str | None) -> str:
    return number or BLANK_NUMBER


def dated(record: m.Protocol, what: str = "протокол") -> str:
    """'протокол от 13.01.2026 № 376', or the same with blank lines."""
    return f"{what} от {date_or_blank(record.date)} №\u00a0{number_or_blank(record.number)}".strip()


@dataclass(frozen=True)
class Stamp:
    """One block of the approval heading: «ПРИНЯТО», then its lines."""

    heading: str
    lines: tuple[str, ...]


def approval_stamps(approval: m.Approval) -> tuple[list[Stamp], list[Stamp]]:
    """(left column, right column) of the approval block, as real acts lay it out."""
    left = [Stamp(approval.adopted.verb.upper(), (approval.adopted.body, dated(approval.adopted)))]
    for agreed in approval.agreed:
        lines = [f"с {agreed.body}"]
        if agreed.position:
            lines += [cap(agreed.position), SIGNATURE]
        left.append(Stamp("СОГЛАСОВАНО", (*lines, dated(agreed))))
    if approval.opinion_of:
        lines = []
        for council in approval.opinion_of:
            # 273-ФЗ, art. 30 part 3: the opinion is needed only of the councils that exist.
            lines += [f"{council.body} (при наличии)", dated(council)]
        left.append(Stamp("УЧТЕНО МНЕНИЕ", tuple(lines)))
    approved = approval.approved
    right = [Stamp("УТВЕРЖДЕНО", (approved.by, dated(approved, "").strip(), cap(approved.signer), SIGNATURE))]
    return left, right


def _and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " и " + parts[-1]


def adoption_text(approval: m.Approval) -> str:
    """'Положение принимается …, согласовывается с …, утверждается и вводится в действие приказом директора.'"""
    verb = "принимается" if approval.adopted.verb == "принято" else "рассматривается"
    text = f"Положение {verb} {approval.adopted.body}"
    if approval.agreed:
        text += ", согласовывается с " + _and([a.body for a in approval.agreed])
    return text + f", утверждается и вводится в действие {approval.approved.by}."


def adoption_steps(approval: m.Approval) -> str:
    """The same order in the guides' words: 'вынесите Положение на педагогический совет, согласуйте его с …'."""
    adopted = approval.adopted
    text = f"вынесите Положение на {adopted.guide}" if adopted.guide else f"вынесите Положение на рассмотрение ({adopted.body})"
    if approval.agreed:
        text += ", согласуйте его с " + _and([a.body for a in approval.agreed])
    return text


def adoption_route(approval: m.Approval) -> str:
    """The bodies the act goes through, accusative after «через»: 'педагогический совет и управляющий совет'."""
    return _and([b.guide or b.body for b in (approval.adopted, *approval.agreed)])


def changes_text(approval: m.Approval) -> str:
    """How the regulation is changed: in the same order as it is adopted, unless the profile says otherwise."""
    if approval.changed_by:
        return f"Изменения и дополнения в Положение вносятся {approval.changed_by}."
    verb = "принимаются" if approval.adopted.verb == "принято" else "рассматриваются"
    text = f"Изменения и дополнения в Положение {verb} {approval.adopted.body}"
    if approval.agreed:
        text += ", согласовываются с " + _and([a.body for a in approval.agreed])
    return text + f" и утверждаются {approval.approved.by}."


def opinion_text(approval: m.Approval, guide: bool = False) -> str:
    """The councils whose opinion is considered, in the genitive ('' when the profile names none);
    guide=True: their short names, as the guides say them («совета родителей»)."""
    return _and([(c.guide if guide and c.guide else c.body) for c in approval.opinion_of]) if approval.opinion_of else ""


LEVELS = ("federal", "regional", "municipal", "local")


# The kind of an act by legal force (codes and laws first, letters last) and in the instrumental
# case, as the list reads after «в соответствии с … следующими актами:».
FORCE = (
    ("Трудовой кодекс", "Трудовым кодексом"),
    ("Федеральный закон", "Федеральным законом"),
    ("Указ", "указом"),
    ("Постановление", "постановлением"),
    ("Распоряжение Правительства", "распоряжением Правительства"),
    ("Приказ", "приказом"),
    ("Распоряжение", "распоряжением"),
    ("Письмо", "письмом"),
)


def _force(kind: str) -> tuple[int, str]:
    """(rank by legal force, the kind in the instrumental case); an unknown kind goes last, as written."""
    for rank, (nominative, instrumental) in enumerate(FORCE):
        if kind.startswith(nominative):
            return rank, (instrumental + kind[len(nominative):]).replace(" РФ", " Российской Федерации")
    return len(FORCE), kind


def legal_basis(acts: list[m.LegalAct]) -> list[str]:
    """The acts the regulation names, federal first, by legal force, then by date: «Федеральным законом от … № … «…»»."""
    cited = sorted((a for a in acts if a.cited), key=lambda a: (LEVELS.index(a.level), _force(a.kind)[0], a.date))
    return [" ".join(filter(None, (_force(a.kind)[1], "от", a.date.strftime("%d.%m.%Y"), a.number, a.title)))
            for a in cited]


def context(profile: m.Profile) -> dict:
    """Variables the regulation's texts use ({{ adoption_text }}, {{ admin_pool }}…)."""
    approval = profile.approval
    return {
        "approval": approval,
        "adoption_text": adoption_text(approval),
        "adoption_steps": adoption_steps(approval),
        "adoption_route": adoption_route(approval),
        "changes_text": changes_text(approval),
        "opinion_of": opinion_text(approval),
        "opinion_of_plain": opinion_text(approval, guide=True),
        "approved_by": approval.approved.by,
        "admin_pool": "педагогических работников" if profile.options.administrator_teachers_only else "работников",
        "admin_noun": "педагогический работник" if profile.options.administrator_teachers_only else "работник",
        "blank": BLANK_NAME,
        "blank_date": BLANK_DATE,
        "legal_basis": [],  # filled by the loader once data/legal_acts.yml is read
    }
