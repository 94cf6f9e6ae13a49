"""What the knowledge base must never publish: invite links, phone numbers, e-mails, people's names.

An invite link opens a closed chat to anyone who has it; the sources contain personal data
(names of staff in an order, phone numbers). The build refuses such content in data/ (loader.py),
in the pages' sources and in the rendered pages (site.py), reporting every finding at once,
each with its file and line.

The few public e-mail addresses the site may show are kept in data: the platform's support
address (data/platform.yml) and data/privacy.yml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import cache

_NAME = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
_UPPER_NAME = r"[А-ЯЁ]{2,}(?:-[А-ЯЁ]{2,})?"
_INITIAL = r"[А-ЯЁ]\.\s?"

# Invite links and short links in every form, with or without a scheme.
_INVITE = re.compile(
    r"(?<![\w.@-])(?:https?://)?(?:www\.)?"
    r"(?:(?:web\.)?max\.ru/(?:join|invite)\b|join\.max\.ru\b|vk\.me/join\b|vk\.com/join\b|vk\.cc/"
    r"|t\.me/(?:\+|joinchat\b)|telegram\.me/(?:\+|joinchat\b)|chat\.whatsapp\.com/"
    r"|sferum\.ru/\S*?invite){tail}"
    r"|https?://\S*/(?:join|invite)\b{tail}".format(tail=r"[^\s<>«»\"'()\[\]]*(?<![.,;:!?])"), re.I)

# A run of digits, spaces, dashes, brackets that may be a phone number; digits are counted after.
_PHONE = re.compile(r"(?<![\w./:-])\+?[\d(][\d\s()\u2010-\u2015-]{7,}\d(?![\w-]|\.\d)")
_LOCAL_PHONE = re.compile(r"\bтел(?:ефон)?\.?\s*:?\s*(\d{1,3}[\s-]\d{2}[\s-]\d{2})(?!\d)", re.I)

_EMAIL = re.compile(r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)+")

# Russian patronymics in every case: Николаевич(а, у, ем, е), Николаевна(ы, е, у, ой), Ильинична…
_PATRONYMIC = r"(?:[А-ЯЁ][а-яё]+(?:ович|евич|ьич)(?:а|у|ем|е)?|[А-ЯЁ][а-яё]+(?:овн|евн|ичн)(?:а|ы|е|у|ой|ою))"
_UPPER_PATRONYMIC = r"(?:[А-ЯЁ]+(?:ОВИЧ|ЕВИЧ|ОВН|ЕВН|ИЧН)[А-ЯЁ]{0,2})"
_FULL_NAME = re.compile(
    rf"\b(?:{_NAME}\s+)?{_NAME}\s+{_PATRONYMIC}(?:\s+{_NAME})?\b"
    rf"|\b(?:{_UPPER_NAME}\s+)?{_UPPER_NAME}\s+{_UPPER_PATRONYMIC}(?:\s+{_UPPER_NAME})?\b")
_INITIALS_NAME = re.compile(rf"(?<![\w.])(?:{_INITIAL}{_INITIAL}?{_NAME}|{_NAME}\s+{_INITIAL}{_INITIAL}?)(?![\w])")
# «Гимназия имени А. С. Пушкина», «им. А.С. Пушкина»: an organization named after a person.
_NAMED_AFTER = re.compile(r"(?:\bимени|\bим\.)\s*$", re.I)


@dataclass
class Guard:
    """Finds what must not be published in a text. allowed_*: exceptions kept in data."""

    allowed_emails: set[str] = field(default_factory=set)
    allowed_domains: set[str] = field(default_factory=set)
    allowed_names: set[str] = field(default_factory=set)

    def findings(self, text: str) -> list[tuple[int, str]]:
        """(position, reason) for everything in text that must not be published, in text order."""
        found: list[tuple[int, str]] = []
        for match in _INVITE.finditer(text):
            found.append((match.start(), f"ссылку-приглашение «{match.group(0)}»"))
        for match in _PHONE.finditer(text):
            if _is_phone(match.group(0)):
                found.append((match.start(), f"номер телефона «{match.group(0).strip()}»"))
        for match in _LOCAL_PHONE.finditer(text):
            found.append((match.start(1), f"номер телефона «{match.group(1)}»"))
        for match in _EMAIL.finditer(text):
            email = match.group(0).rstrip(".").lower()
            if email not in self.allowed_emails and email.split("@")[1] not in self.allowed_domains:
                allowed = ", ".join(sorted(self.allowed_emails)) or "ни один"
                found.append((match.start(), f"адрес электронной почты «{match.group(0).rstrip('.')}» "
                                             f"(разрешены только адреса из data/privacy.yml и {allowed})"))
        for pattern in (_FULL_NAME, _INITIALS_NAME):
            for match in pattern.finditer(text):
                name = match.group(0)
                if name in self.allowed_names or _NAMED_AFTER.search(text[max(0, match.start() - 8):match.start()]):
                    continue
                found.append((match.start(), f"имя человека «{name}»; пишите должность, а не имя"))
        return sorted(set(found))

    def first(self, text: str) -> str | None:
        found = self.findings(text)
        return found[0][1] if found else None

    def clean(self, texts: list[str]) -> bool:
        """Whether none of texts holds a finding. One scan of them all, joined by a separator no
        pattern crosses; a clean result leaves a mark (macros/cache.py) named by the texts, these
        rules and their exceptions, so a later build does not scan the same texts again."""
        joined = _SEPARATOR.join(texts)
        mark = "privacy-clean-" + cache.key(_RULES, sorted(self.allowed_emails), sorted(self.allowed_domains),
                                            sorted(self.allowed_names), joined)
        if cache.has_mark(mark):
            return True
        if self.findings(joined):
            return False
        cache.set_mark(mark)
        return True

    def scan_lines(self, name: str, lines: list[str], first_line: int = 1) -> list[str]:
        """One message per finding: «docs/rules.md:3: нельзя публиковать …»."""
        if self.clean(lines):
            return []
        return [f"{name}:{number}: нельзя публиковать {reason}"
                for number, line in enumerate(lines, first_line) for _, reason in self.findings(line)]

    def scan_document(self, document) -> list:
        """A DataError for every finding in the values of a YAML document, at the line it stands on."""
        if self.clean(list(_strings(document.data))):
            return []
        errors = []

        def walk(value: object, loc: tuple) -> None:
            if isinstance(value, str):
                for _, reason in self.findings(value):
                    error = document.error(loc, f"нельзя публиковать {reason}")
                    error_line = _line_within(document, loc, reason)
                    if error_line:
                        error = type(error)(error.file, error.path, error.reason, error_line)
                    errors.append(error)
            elif isinstance(value, dict):
                for key, item in value.items():
                    walk(item, loc + (key,))
            elif isinstance(value, list):
                for index, item in enumerate(value):
                    walk(item, loc + (index,))

        walk(document.data, ())
        return errors


# Between two texts scanned at once: a line break and a NUL, which no pattern above matches or crosses
# (names and phone numbers may span spaces and line breaks, never a NUL).
_SEPARATOR = "\n\x00\n"


# These rules themselves: a mark left by an older version of this file does not count.
_RULES = Path(__file__).read_bytes()


def _strings(value: object):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _is_phone(candidate: str) -> bool:
    digits = re.sub(r"\D", "", candidate)
    if candidate.count("(") != candidate.count(")"):
        return False
    if len(digits) == 11 and digits[0] in "78":
        return True
    if len(digits) == 10 and (digits[0] == "9" or "(" in candidate or candidate.startswith("+")):
        return True
    return len(digits) == 11 and candidate.startswith("+")


def _line_within(document, loc: tuple, reason: str) -> int | None:
    """The line of a long (folded) text where the finding stands, not only the field's first line."""
    start = document.line_of(loc)
    lines = getattr(document, "source_lines", None)
    quoted = re.search(r"«(.+?)»", reason)
    if not start or not lines or not quoted:
        return None
    needle = quoted.group(1).split()[0]
    for number in range(start, min(len(lines), start + 60) + 1):
        if needle in lines[number - 1]:
            return number
    return None


def load_guard(root: Path, support_email: str) -> Guard:
    """The guard with the exceptions kept in data/privacy.yml (and the platform's support address)."""
    path = Path(root) / "data" / "privacy.yml"
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) \
        if path.exists() else None
    data = data or {}
    return Guard(allowed_emails={support_email.lower(), *(e.lower() for e in data.get("allowed_emails") or [])},
                 allowed_domains={d.lower() for d in data.get("allowed_domains") or []},
                 allowed_names=set(data.get("allowed_names") or []))


def private_data_in(text: str, allowed_emails: set[str]) -> str | None:
    """The first reason ('номер телефона «…»') if the text holds something never to publish, else None."""
    return Guard(allowed_emails={e.lower() for e in allowed_emails}, allowed_domains={"example.org"}).first(text)
