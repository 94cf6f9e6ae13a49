"""What the knowledge base must never publish: invite links, phone numbers, personal e-mails.

An invite link opens a closed chat to anyone who has it; the sources contain personal data.
The build refuses such content in data/ (loader.py) and in pages (site.py).
"""

from __future__ import annotations

import re

_CHECKS = [
    (re.compile(r"(?<![\w.-])(?:\+7|8)[\s(-]*\d{3}[\s)-]*\d{3}[\s-]?\d{2}[\s-]?\d{2}(?!\d)"),
     "номер телефона"),
    (re.compile(r"(?:\b(?:vk\.cc|vk\.me/join|t\.me/(?:\+|joinchat)|max\.ru/join|web\.max\.ru/join)\S*"
                r"|https?://\S*/(?:join|invite)\b\S*)", re.I),
     "ссылка-приглашение или короткая ссылка"),
]
_EMAIL = re.compile(r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)+")


def private_data_in(text: str, allowed_emails: set[str]) -> str | None:
    """A reason ('номер телефона: …') if the text holds something never to publish, else None.

    allowed_emails: the public addresses the site may show (the platform's support address).
    """
    for pattern, what in _CHECKS:
        found = pattern.search(text)
        if found:
            return f"{what}: «{found.group(0)}»"
    for found in _EMAIL.finditer(text):
        email = found.group(0).lower()
        if email not in allowed_emails and not email.endswith("@example.org"):
            return f"адрес электронной почты «{found.group(0)}» (разрешён только {', '.join(sorted(allowed_emails))})"
    return None


def refuse_private_data(document, allowed_emails: set[str]) -> None:
    """Raise the document's one-line DataError at the first string that must not be published."""
    def walk(value: object, loc: tuple) -> None:
        if isinstance(value, str):
            reason = private_data_in(value, allowed_emails)
            if reason:
                raise document.error(loc, f"нельзя публиковать {reason}")
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, loc + (key,))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, loc + (index,))

    walk(document.data, ())
