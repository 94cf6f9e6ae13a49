"""Decisions of the round-5 review for parents and learners, checked on the built pages of every profile."""

from __future__ import annotations

import re

import pytest

from tests.conftest import PROFILES
from tests.test_vocabulary import KBS, all_pages, article, found


@pytest.mark.parametrize("profile", PROFILES)
def test_the_parents_link_may_come_from_the_administration(sites, profile):
    # 4.7.2: «по ссылке-приглашению от <unit leader> или представителя администрации».
    kb = KBS[profile]
    leader, org = kb.context["unit_leader"], kb.context["org"]
    pages = all_pages(sites[profile])
    assert f"Её пришлёт {leader.nom} или представитель администрации {org.gen}." in pages["roles/parent/index.html"]
    also = f"по ссылке от {leader.gen} или представителя администрации {org.gen}"
    for page in ("roles/parent/index.html", "checklists/parent/index.html"):
        assert also in pages[page], f"{profile}: {page}"
    for page in ("instructions/parent-join/index.html", "instructions/parent-join-computer/index.html",
                 "leaflet/index.html"):
        assert f"Получите ссылку-приглашение от {leader.gen} или представителя администрации {org.gen}" \
            in pages[page], f"{profile}: {page}"
    assert not found(re.escape(f"Её пришлёт {leader.nom}."), pages)


@pytest.mark.parametrize("profile", PROFILES)
def test_the_community_admits_by_rule_not_by_fact(sites, profile):
    # 7.3 is a rule of admission; 7.5.2: anyone with an invite link gets in.
    glossary = article(sites[profile].page("glossary/index.html"))
    assert "доступ в него есть только" not in glossary
    assert "Принимают в него только" in glossary
    assert "по ссылке-приглашению, которую присылают лично, или по заявке" in glossary


@pytest.mark.parametrize("profile", PROFILES)
def test_a_learner_can_join_from_a_computer(sites, profile):
    join = article(sites[profile].page("instructions/student-join/index.html"))
    assert "На компьютере учебный профиль открывается через веб-интерфейс в браузере" in join


@pytest.mark.parametrize("profile", PROFILES)
def test_a_break_in_is_reported_to_the_operators_support(sites, profile):
    pages = all_pages(sites[profile])
    assert not found(re.escape("Если не знаете, как связаться с оператором"), pages)
    email = KBS[profile].context["platform"].support_email
    assert f"Напишите оператору Сферума в его службу технической поддержки: {email}" in \
        pages["instructions/report-unauthorized-access/index.html"]
    assert f"оператору Сферума — через его службу технической поддержки: {email}" in pages["faq/index.html"]
