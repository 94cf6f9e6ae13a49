"""Content rules: every role and procedure has its pages, words come from data, nothing private."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from macros.errors import DataError
from macros.loader import load_knowledge_base
from macros.privacy import private_data_in
from tests.conftest import PROFILES
from tests.support import ROOT, build, build_with_home_page, copy_project
from tests.test_models import edit

DOCS = ROOT / "docs"
KB = load_knowledge_base(ROOT, "demo")
PUBLIC_EMAILS = {KB.platform.support_email}

# Words that differ by organization (data/org_types.yml, data/messengers.yml) must never be typed
# into a page: a page says {{ unit.gen }}, not «класса».
HARD_CODED = {
    "класс / группа": r"\b(класс|групп)",
    "учитель / преподаватель / педагог ДО": r"\b(учител|преподавател|педагог дополнительного)",
    "классный руководитель / куратор": r"\b(классн\w* руковод|куратор)",
    "ученик / обучающийся": r"\b(ученик|ученич|обучающ|учащ)",
    "школа / техникум / центр": r"\b(школ|техникум|колледж|центр дополнительного)",
    "статус «Сотрудник»": r"«Сотрудник»",
    "мессенджер": r"\b(МАХ|MAX|VK)\b|VK-мессенджер",
    "студент / объединение (не используются)": r"\b(студент|объединени)",
}


def page_sources() -> list[Path]:
    return sorted(DOCS.rglob("*.md"))


def prose(markdown: str) -> str:
    """The page's own text: without Jinja expressions and front matter."""
    markdown = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.S)
    return re.sub(r"\{\{.*?\}\}|\{%.*?%\}", " ", markdown, flags=re.S)


@pytest.mark.parametrize("page", page_sources(), ids=lambda p: str(p.relative_to(DOCS)))
def test_pages_do_not_hard_code_organization_words(page):
    text = prose(page.read_text(encoding="utf-8"))
    for what, pattern in HARD_CODED.items():
        found = re.search(pattern, text, flags=re.I)
        assert not found, f"{page.relative_to(ROOT)}: «{found.group(0)}» — {what} must come from data"


def test_the_hard_coded_word_check_can_fail():
    assert re.search(HARD_CODED["класс / группа"], prose("Вступите в чат класса."), flags=re.I)
    assert not re.search(HARD_CODED["класс / группа"], prose("Вступите в чат {{ unit.gen }}."), flags=re.I)


@pytest.mark.parametrize("role", [r.id for r in KB.roles])
def test_every_role_has_a_guide_and_a_checklist(role):
    guide = (DOCS / f"roles/{role}.md").read_text(encoding="utf-8")
    checklist = (DOCS / f"checklists/{role}.md").read_text(encoding="utf-8")
    assert f'role_guide("{role}")' in guide
    assert f'checklist("{role}")' in checklist
    assert KB.clauses_for(role, "duty"), f"{role} has no duties in the regulation"


def test_every_procedure_has_a_page_and_every_page_a_procedure():
    ids = {p.id for p in KB.procedures}
    pages = {p.stem for p in (DOCS / "instructions").glob("*.md")}
    assert ids == pages
    for procedure_id in ids:
        assert f'procedure("{procedure_id}")' in (DOCS / f"instructions/{procedure_id}.md").read_text()


def test_every_role_guide_and_regulation_link_to_procedures():
    linked = {pid for item in KB.numbered for pid in item.clause.procedures}
    assert linked, "the regulation links to no procedure"
    for role in KB.roles:
        assert KB.procedures_for(role.id), f"{role.id} has no procedure"


def test_every_procedure_step_has_text_and_ids_are_unique():
    for procedure in KB.procedures:
        ids = [step.id for step in procedure.steps]
        assert len(ids) == len(set(ids)), procedure.id
        assert all(step.text.strip() for step in procedure.steps)


@pytest.mark.parametrize("path", sorted((ROOT / "data").rglob("*.yml")) + page_sources(),
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_nothing_private_is_published(path):
    reason = private_data_in(path.read_text(encoding="utf-8"), PUBLIC_EMAILS)
    assert reason is None, f"{path.relative_to(ROOT)}: {reason}"


@pytest.mark.parametrize("text", [
    "Телефон администратора: +7 (912) 345-67-89",
    "звоните 8 912 345 67 89",
    "Ссылка: https://max.ru/join/AbCdEf",
    "анкета: https://vk.cc/cnEOTn",
    "пишите на ivanova.ms@mail.ru",
])
def test_private_data_is_recognised(text):
    assert private_data_in(text, PUBLIC_EMAILS)


@pytest.mark.parametrize("text", [
    "Пишите в поддержку: info@sferum.ru", "от 29.12.2012 № 273-ФЗ", "№ ММ-П10-82860",
    "https://sferum.ru/?p=parents_students",
])
def test_public_facts_are_not_mistaken_for_private_data(text):
    assert private_data_in(text, PUBLIC_EMAILS) is None


def test_a_phone_number_in_data_stops_the_load(tmp_path):
    import shutil

    shutil.copytree(ROOT / "data", tmp_path / "data")
    profile = tmp_path / "data/profiles/demo.yml"
    data = yaml.safe_load(profile.read_text(encoding="utf-8"))
    data["administrator_contact"] = "Звоните: 8 (900) 123-45-67"
    profile.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError, match=r"administrator_contact: нельзя публиковать номер телефона"):
        load_knowledge_base(tmp_path, "demo")


def test_an_invite_link_in_a_page_stops_the_build(tmp_path):
    result, output = build_with_home_page(tmp_path, "# Главная\n\nВступайте: https://max.ru/join/xyz\n")
    assert result.returncode != 0
    assert "docs/index.md:3: нельзя публиковать ссылку-приглашение «https://max.ru/join/xyz»" in output


def test_one_changed_duty_changes_regulation_guide_and_checklist(tmp_path):
    """A methodologist edits one YAML record; the regulation shows its legal wording, the guide and the
    checklist its plain wording, and neither voice leaks into the other's pages."""
    project = copy_project(tmp_path / "project")
    duty = KB.clauses_for("admin", "duty")[0]
    regulation = project / "data/regulation.yml"
    legal, plain = "Проверочная юридическая формулировка обязанности", "Проверочная простая формулировка"
    raw_text = yaml.safe_load(regulation.read_text(encoding="utf-8"))
    found = []  # the record of that duty, found by its id

    def walk(clauses):
        for clause in clauses:
            if clause["id"] == duty.clause.id:
                found.append(clause)
            walk(clause.get("items", []))
    for section in raw_text["regulation"]["sections"]:
        walk(section["clauses"])
    found[0]["text"] = legal + "."
    found[0]["plain"] = plain + "."
    regulation.write_text(yaml.safe_dump(raw_text, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = build(None, tmp_path / "site", project)
    assert result.returncode == 0, result.stdout[-3000:]

    def page(name: str) -> str:
        return (tmp_path / "site" / name).read_text(encoding="utf-8")
    assert legal in page("regulation/index.html") and plain not in page("regulation/index.html")
    for name in ("roles/admin/index.html", "checklists/admin/index.html"):
        assert plain in page(name), name
        assert legal not in page(name), f"{name}: the legal wording is pasted instead of linked"


# --- the one-unit rule (004 only, 2023) is a profile option, off by default ----------------------

def _one_unit_texts(kb) -> tuple[bool, bool, list[str]]:
    return (kb.has_clause("security-one-unit"),
            any(f.id == "one-unit-only" for f in kb.shown_faq("students")),
            [s.id for s in kb.procedure("student-join").steps if kb.applies(s.when)])


@pytest.mark.parametrize("profile", PROFILES)
def test_no_example_profile_has_the_one_unit_rule(profile):
    clause, faq, steps = _one_unit_texts(load_knowledge_base(ROOT, profile))
    assert not clause and not faq and "open-link" not in steps and "open-link-any-unit" in steps


def test_the_one_unit_option_brings_the_rule_the_faq_and_the_step(tmp_path):
    project = copy_project(tmp_path / "project")
    edit(project, "data/profiles/college.yml", lambda d: d["options"].update(one_unit_only=True))
    clause, faq, steps = _one_unit_texts(load_knowledge_base(project, "college"))
    assert clause and faq and "open-link" in steps and "open-link-any-unit" not in steps


# --- parents and learners: what the fresh-eyes reviews found ------------------------------

def test_demo_rules_faq_and_guides_state_its_chat_hours(sites):
    for page in ("rules/index.html", "faq/index.html", "roles/teacher/index.html", "roles/unit-leader/index.html",
                 "checklists/teacher/index.html"):
        assert "с 8:00 до 20:00" in sites["demo"].page(page), page
    assert "Положение не устанавливает часы" not in sites["demo"].page("faq/index.html")
    assert "Положение не устанавливает часы" in sites["school"].page("faq/index.html")


def test_the_learners_faq_never_links_the_parents_instruction(sites):
    for profile, site in sites.items():
        html = site.page("faq/index.html")
        students = html.split('id="students-', 1)[1].split('id="staff-', 1)[0]
        assert "instructions/parent-join" not in students, profile
        assert "instructions/student-join" in students, profile


def test_example_organizations_are_marked_once_never_in_the_act(sites):
    for profile, site in sites.items():
        assert "(пример)" not in site.page("regulation/index.html"), profile
        assert "выдуманы" in site.page("index.html"), profile


def test_college_learners_choose_for_themselves(sites):
    for page in ("roles/student/index.html", "checklists/student/index.html"):
        assert "ваша семья" not in sites["college"].page(page), page
    assert "решает ваша семья" in sites["school"].page("roles/student/index.html")
