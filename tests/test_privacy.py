"""No name, phone number, personal e-mail or invite link can reach a page."""

from __future__ import annotations

import re
import shutil

import pytest

from macros.errors import DataError
from macros.loader import load_knowledge_base
from macros.privacy import Guard
from tests.conftest import PROFILES
from tests.support import ROOT

GUARD = Guard(allowed_emails={"info@sferum.ru"}, allowed_domains={"example.org"})

# (text, what the guard must report) — every form an editor may paste from a source.
PLANTED = [
    # invite links, with and without a scheme
    ("Ссылка: https://max.ru/join/AbC123", "ссылку-приглашение «https://max.ru/join/AbC123»"),
    ("max.ru/join/xyz — вступайте", "ссылку-приглашение «max.ru/join/xyz»"),
    ("web.max.ru/join/Qw12", "ссылку-приглашение «web.max.ru/join/Qw12»"),
    ("https://join.max.ru/abc", "ссылку-приглашение «https://join.max.ru/abc»"),
    ("vk.me/join/AJQ1d9", "ссылку-приглашение «vk.me/join/AJQ1d9»"),
    ("https://vk.me/join/AJQ1d9.", "ссылку-приглашение «https://vk.me/join/AJQ1d9»"),
    ("короткая ссылка vk.cc/cnEOTn", "ссылку-приглашение «vk.cc/cnEOTn»"),
    ("(https://vk.cc/cnEOTn)", "ссылку-приглашение «https://vk.cc/cnEOTn»"),
    ("t.me/+AbCdEf123", "ссылку-приглашение «t.me/+AbCdEf123»"),
    ("https://t.me/joinchat/AbCd", "ссылку-приглашение «https://t.me/joinchat/AbCd»"),
    ("HTTPS://MAX.RU/JOIN/ABC", "ссылку-приглашение «HTTPS://MAX.RU/JOIN/ABC»"),
    # phone numbers in every Russian notation
    ("Телефон: +7 (912) 345-67-89", "номер телефона «+7 (912) 345-67-89»"),
    ("+79123456789", "номер телефона «+79123456789»"),
    ("звоните 8 912 345 67 89", "номер телефона «8 912 345 67 89»"),
    ("8-912-345-67-89", "номер телефона «8-912-345-67-89»"),
    ("8(912)3456789", "номер телефона «8(912)3456789»"),
    ("89123456789", "номер телефона «89123456789»"),
    ("мобильный 912 345-67-89", "номер телефона «912 345-67-89»"),
    ("9123456789", "номер телефона «9123456789»"),
    ("(495) 123-45-67", "номер телефона «(495) 123-45-67»"),
    ("+7 495 123 45 67", "номер телефона «+7 495 123 45 67»"),
    ("8 800 100-00-00", "номер телефона «8 800 100-00-00»"),
    ("тел. 23-45-67", "номер телефона «23-45-67»"),
    # e-mail addresses outside the allow-list
    ("Пишите на ivanova@mail.ru", "адрес электронной почты «ivanova@mail.ru»"),
    ("school123@yandex.ru.", "адрес электронной почты «school123@yandex.ru»"),
    # names: full name in any order and case, initials before or after
    ("Директор — Петров Сергей Николаевич", "имя человека «Петров Сергей Николаевич»"),
    ("Сергей Николаевич Петров, директор", "имя человека «Сергей Николаевич Петров»"),
    ("согласовать с Ивановой Анной Петровной", "имя человека «Ивановой Анной Петровной»"),
    ("поручить Петрову Сергею Николаевичу", "имя человека «Петрову Сергею Николаевичу»"),
    ("ПЕТРОВ СЕРГЕЙ НИКОЛАЕВИЧ", "имя человека «ПЕТРОВ СЕРГЕЙ НИКОЛАЕВИЧ»"),
    ("Анна Ильинична", "имя человека «Анна Ильинична»"),
    ("заместителя директора Горбатенко В.И.", "имя человека «Горбатенко В.И.»"),
    ("отв. Гладкова Л. И.", "имя человека «Гладкова Л. И.»"),
    ("Л.И.Гладкова", "имя человека «Л.И.Гладкова»"),
    ("подписал А.Ю. Сухачева", "имя человека «А.Ю. Сухачева»"),
    ("Главному инженеру Костюкову Д.Ю.", "имя человека «Костюкову Д.Ю.»"),
]


@pytest.mark.parametrize("text, expected", PLANTED, ids=[t for t, _ in PLANTED])
def test_the_guard_finds_it(text, expected):
    reasons = [reason for _, reason in GUARD.findings(text)]
    assert len(reasons) == 1, reasons
    assert reasons[0].startswith(expected), reasons


CLEAN = [
    "Федеральный закон от 27.07.2006 № 152-ФЗ «О персональных данных»",
    "Приказ № 01-10/123 от 14.11.2025",
    "Постановление Правительства РФ от 13.07.2022 № 1241",
    "МАОУ «Гимназия имени А.С. Пушкина»",
    "МАОУ «Гимназия им.А.С.Пушкина»",
    "Напишите в службу поддержки: info@sferum.ru.",
    "Пример адреса: name@example.org",
    "Откройте web.max.ru в браузере или https://sferum.ru/?p=parents_students",
    "ИКОП «Сферум» в мессенджере МАХ, VK ID, Госуслуги",
    "Классный руководитель создаёт чат класса 5 «А» до 1 сентября 2025 года.",
    "Пункты 3.13–3.15, 5.7; ОГРН 1027700132195; ИНН 7701234567",
    "Сумма 1 000 000 рублей, 2025-11-14, 10:00–18:00",
    "Это типичной ошибкой не назовёшь: различны и отличны.",
    "Москва, Санкт-Петербург, Ростов-на-Дону, Нижний Новгород",
]


@pytest.mark.parametrize("text", CLEAN)
def test_no_false_alarm(text):
    assert GUARD.findings(text) == []


def test_every_finding_of_a_data_file_is_reported_with_its_line(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    path = tmp_path / "data/profiles/school.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    i = next(n for n, line in enumerate(lines) if line.startswith("administrator_position:"))
    lines[i] = "administrator_position: заместитель директора Петров Сергей Николаевич, тел. +7 912 345-67-89"
    j = next(n for n, line in enumerate(lines) if line.startswith("administrator_contact:"))
    lines[j:j + 1] = ["administrator_contact: >-", "  Кабинет 12, почта petrov@mail.ru,", "  чат: https://max.ru/join/AbC"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_knowledge_base(tmp_path, "school")
    messages = str(caught.value).splitlines()
    assert messages == [
        f"data/profiles/school.yml:{i + 1}: administrator_position: нельзя публиковать имя человека "
        "«Петров Сергей Николаевич»; пишите должность, а не имя",
        f"data/profiles/school.yml:{i + 1}: administrator_position: нельзя публиковать номер телефона «+7 912 345-67-89»",
        f"data/profiles/school.yml:{j + 2}: administrator_contact: нельзя публиковать адрес электронной почты "
        "«petrov@mail.ru» (разрешены только адреса из data/privacy.yml и info@sferum.ru)",
        f"data/profiles/school.yml:{j + 3}: administrator_contact: нельзя публиковать ссылку-приглашение "
        "«https://max.ru/join/AbC»",
    ]


def test_the_allow_list_lives_in_data(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    profile = tmp_path / "data/profiles/school.yml"
    profile.write_text(re.sub(r"(?m)^administrator_contact: .*$", "administrator_contact: пишите на office@school.example",
                              profile.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(DataError):
        load_knowledge_base(tmp_path, "school")
    privacy = tmp_path / "data/privacy.yml"
    privacy.write_text(privacy.read_text(encoding="utf-8").replace("allowed_emails: []",
                                                                   "allowed_emails: [office@school.example]"),
                       encoding="utf-8")
    assert load_knowledge_base(tmp_path, "school").profile.administrator_contact.endswith("office@school.example")


@pytest.mark.parametrize("profile", PROFILES)
def test_no_false_alarm_in_the_shipped_data(profile):
    kb = load_knowledge_base(ROOT, profile)  # the loader scans every data file
    assert kb.privacy is not None


def test_no_false_alarm_in_page_sources():
    guard = load_knowledge_base(ROOT).privacy
    for page in sorted((ROOT / "docs").rglob("*.md")) + sorted((ROOT / "includes").rglob("*.md")):
        lines = page.read_text(encoding="utf-8").splitlines()
        assert guard.scan_lines(str(page.relative_to(ROOT)), lines) == []


@pytest.mark.parametrize("profile", PROFILES)
def test_nothing_private_in_the_built_pages(sites, profile):
    guard = load_knowledge_base(ROOT, profile).privacy
    for page in sites[profile].pages():
        html = page.read_text(encoding="utf-8")
        text = re.sub(r"<(script|style)\b.*?</\1>|<[^>]+>", " ", html, flags=re.S)
        assert [reason for _, reason in guard.findings(text)] == [], page
