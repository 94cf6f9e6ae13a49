"""What the knowledge base must never publish: invite links, phone numbers, personal e-mails.

An invite link opens a closed chat to anyone who has it; the sources contain personal data.
The build refuses such content in data/ (loader.py) and in pages (site.py).
"""

from __future__ import annotations

import re

ALLOWED_EMAILS = {"info@sferum.ru"}

_CHECKS = [
    (re.compile(r"(?<![\w.-])(?:\+7|8)[\s(-]*\d{3}[\s)-]*\d{3}[\s-]?\d{2}[\s-]?\d{2}(?!\d)"),
     "номер телефона"),
    (re.compile(r"(?:\b(?:vk\.cc|vk\.me/join|t\.me/(?:\+|joinchat)|max\.ru/join|web\.max\.ru/join)\S*"
                r"|https?://\S*/(?:join|invite)\b\S*)", re.I),
     "ссылка-приглашение или короткая ссылка"),
]
_EMAIL = re.compile(r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)+")


def private_data_in(text: str) -> str | None:
    """A reason ('номер телефона: …') if the text holds something never to publish, else None."""
    for pattern, what in _CHECKS:
        found = pattern.search(text)
        if found:
            return f"{what}: «{found.group(0)}»"
    for found in _EMAIL.finditer(text):
        email = found.group(0).lower()
        if email not in ALLOWED_EMAILS and not email.endswith("@example.org"):
            return f"адрес электронной почты «{found.group(0)}» (разрешён только {', '.join(sorted(ALLOWED_EMAILS))})"
    return None
