"""The regulation as a signable act: the page, the DOCX and the order say the same, per profile.

- the organization's own changes (profile `regulation:`) apply, and a wrong one fails with file, field, reason;
- the page opens with the approval block and the title, and its signed text holds no links or web talk;
- each decision the sources disagree on (verification, who may be administrator, entry into force)
  reads the same on every page of a profile;
- the DOCX holds the page's clauses word for word and opens in LibreOffice.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from docx import Document

from macros import act
from macros import models as m
from macros.docx_act import plain
from macros.loader import load_knowledge_base
from tests.conftest import PROFILES
from tests.support import ROOT
from tests.test_models import edit, error_of  # one-line data errors, as everywhere

KBS = {profile: load_knowledge_base(ROOT, profile) for profile in PROFILES}


# --- helpers --------------------------------------------------------------------------

def normalized(text: str) -> str:
    return " ".join(text.replace("¶", " ").split())


def article(site, page: str) -> BeautifulSoup:
    return BeautifulSoup(site.page(page), "html.parser").select_one("article")


def page_clauses(site) -> list[str]:
    """Section headings, titled clauses and numbered clauses of the regulation page, in order."""
    doc = article(site, "regulation/index.html")
    found = []
    for element in doc.select("h2, h3, h4, p.kb-clause"):
        if element.name == "p" or re.match(r"\d", element.get_text().strip()):
            found.append(normalized(element.get_text()))
    return found


def docx_clauses(path: Path) -> list[str]:
    """The same from the DOCX: heading and clause paragraphs (those that start with a number)."""
    doc = Document(str(path))
    return [normalized(p.text) for p in doc.paragraphs
            if re.match(r"\d+\.", p.text) and (p.style.name.startswith("Heading") or p.style.name == "Normal")]


def sentences(html_text: str) -> list[str]:
    return [normalized(s) for s in re.split(r"(?<=[.!?;:])\s+|\n", html_text) if s.strip()]


def site_sentences(site) -> dict[str, list[str]]:
    """Every sentence of every page's article, by page."""
    result = {}
    for page in site.pages():
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("article")
        if soup is not None:
            result[str(page.relative_to(site.path))] = sentences(soup.get_text())
    return result


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path


def edit_profile(project: Path, change, profile: str = "demo") -> None:
    edit(project, f"data/profiles/{profile}.yml", change)


# --- an organization's own regulation -------------------------------------------------

EXAMPLES = ("demo", "school", "college", "additional")


def test_each_example_profile_changes_its_own_regulation():
    kinds = {p: {k for k in ("reword", "omit", "add") if getattr(KBS[p].profile.regulation, k)} for p in EXAMPLES}
    assert all(kinds.values()), kinds
    assert set().union(*kinds.values()) == {"reword", "omit", "add"}


def test_reword_changes_only_that_organization():
    assert "кураторские часы" in KBS["college"].clause("task-extracurricular").clause.text
    assert "классные часы" in KBS["school"].clause("task-extracurricular").clause.text


def test_omit_leaves_the_clause_out_and_renumbers():
    assert not KBS["demo"].has_clause("task-networking")
    assert KBS["school"].has_clause("task-networking")
    numbers = [i.number for i in KBS["demo"].numbered if i.parent and i.parent.id == "tasks-staff"]
    assert numbers == [f"{numbers[0].rsplit('.', 1)[0]}.{n}" for n in range(1, len(numbers) + 1)]


def test_added_clause_is_rendered_into_its_section():
    item = KBS["demo"].clause("demo-chat-hours")
    assert item.section.id == "chat-rules"
    assert "учеников" in item.clause.text and "{{" not in item.clause.text
    assert not KBS["school"].has_clause("demo-chat-hours")


def test_the_demo_own_clauses_reach_the_readers_they_bind():
    # 6.6 (chat hours) is a duty of teachers and unit leaders: their guides show the plain wording;
    # 4.2.12 (events once a term) reaches the deputy's guide through reword_plain.
    kb = KBS["demo"]
    hours = kb.clause("demo-chat-hours")
    assert hours.kind == "duty" and hours.clause.plain and "8:00" in hours.clause.plain
    for role in ("teacher", "unit-leader"):
        assert hours in kb.clauses_for(role, "duty"), role
    assert "четверть" in kb.clause("deputy-events").clause.plain
    assert "четверть" not in KBS["school"].clause("deputy-events").clause.plain
    assert "8:00" in kb.context["own_chat_rules"][0] and not KBS["school"].context["own_chat_rules"]


def test_the_centre_approves_how_its_teachers_are_distributed_over_groups():
    # The administrator attaches teachers «по утверждённому директором распределению» (admin-attaches):
    # the director's duty to approve it holds for every profile.
    for profile in PROFILES:
        assert KBS[profile].has_clause("director-approves-leadership"), profile


@pytest.mark.parametrize("change, expected", [
    (lambda d: d.setdefault("regulation", {}).update(reword={"no-such-clause": "Текст."}),
     r"regulation › reword › no-such-clause: пункта «no-such-clause» нет в data/regulation\.yml"),
    (lambda d: d.setdefault("regulation", {}).update(omit=["no-such-clause"]),
     r"regulation › omit №1: пункта или раздела «no-such-clause» нет"),
    (lambda d: d.setdefault("regulation", {}).update(add={"no-such-section": [{"id": "x", "text": "Текст."}]}),
     r"regulation › add › no-such-section: раздела или пункта «no-such-section» нет"),
    (lambda d: d.setdefault("regulation", {}).update(add={"general": [{"id": "scope", "text": "Текст."}]}),
     r"regulation › add › general №1 › id: пункт «scope» уже есть в data/regulation\.yml"),
    (lambda d: d.setdefault("regulation", {}).update(add={"general": [{"id": "own", "text": "А."},
                                                                      {"id": "own", "text": "Б."}]}),
     r"regulation › add › general №2 › id: пункт «own» уже есть в профиле"),
    (lambda d: d.setdefault("regulation", {}).update(reword={"scope": "   "}),
     r"regulation › reword › scope: пустой текст"),
    (lambda d: d.setdefault("regulation", {}).update(add={"general": [{"id": "own", "text": ""}]}),
     r"regulation › add › general №1 › text: пустой текст"),
    (lambda d: d.setdefault("regulation", {}).update(add={"duties-admin": [
        {"id": "own-duty", "text": "Ведёт журнал.", "roles": ["admn"]}]}),
     r"regulation › add › duties-admin №1 › роль 1: роль «admn» не существует"),
    (lambda d: d.setdefault("regulation", {}).update(reword={"scope": "Текст."}, omit=["scope"]),
     r"regulation › reword › scope: пункт «scope» и исключён"),
    (lambda d: d.setdefault("regulation", {}).update(reword_plain={"deputy-events": "Проводите встречи."}),
     r"regulation › reword_plain › deputy-events: пункт «deputy-events» не переформулирован"),
])
def test_a_wrong_override_names_file_field_and_reason(project, change, expected):
    edit_profile(project, lambda d: (d.pop("regulation", None), change(d)))
    message = error_of(project)
    assert message.startswith("data/profiles/demo.yml:"), message
    assert re.search(expected, message), message


def test_an_override_may_use_the_profile_words(project):
    edit_profile(project, lambda d: d.update(regulation={"reword": {"eios": "Платформа — часть ЭИОС {{ org.gen }}."}}))
    assert load_knowledge_base(project, "demo").clause("eios").clause.text == "Платформа — часть ЭИОС школы."


# --- the approval block -----------------------------------------------------------------

def test_empty_numbers_and_dates_print_blank_lines():
    left, right = act.approval_stamps(KBS["school"].profile.approval)
    assert [s.heading for s in left] == ["ПРИНЯТО", "СОГЛАСОВАНО", "УЧТЕНО МНЕНИЕ"]
    assert right[0].heading == "УТВЕРЖДЕНО"
    assert f"протокол от {act.BLANK_DATE} №\u00a0{act.BLANK_NUMBER}" in left[0].lines
    assert act.SIGNATURE in right[0].lines


def test_filled_numbers_and_the_chosen_verb_are_printed():
    approval = m.Approval.model_validate({
        "adopted": {"verb": "рассмотрено", "body": "общим собранием", "number": "11", "date": "2025-12-11"},
        "approved": {"number": "09/1-ОД", "date": "2026-01-23"},
        "changed_by": "общим собранием",
    })
    left, right = act.approval_stamps(approval)
    assert left[0].heading == "РАССМОТРЕНО"
    assert "протокол от 11.12.2025 №\u00a011" in left[0].lines
    assert "от 23.01.2026 №\u00a009/1-ОД" in right[0].lines
    assert act.adoption_text(approval).startswith("Положение рассматривается общим собранием")


# --- the page ---------------------------------------------------------------------------

@pytest.mark.parametrize("profile", PROFILES)
def test_page_opens_with_approval_block_and_title(sites, profile):
    doc = article(sites[profile], "regulation/index.html")
    # The download links (web only, hidden in print) may stand above the block.
    first = [el for el in doc.find_all(recursive=False)
             if el.name not in ("a",) and "kb-web-only" not in el.get("class", [])][:2]
    assert "kb-approval" in first[0].get("class", []), first[0]
    assert first[1].name == "h1" and KBS[profile].profile.name.full in normalized(first[1].get_text())
    assert "ПРИНЯТО" in first[0].get_text() or "РАССМОТРЕНО" in first[0].get_text()
    assert "простыми словами" not in doc.get_text()


@pytest.mark.parametrize("profile", PROFILES)
def test_signed_text_holds_no_links_and_no_page_references(sites, profile):
    doc = article(sites[profile], "regulation/index.html")
    clauses = doc.select("p.kb-clause")
    assert len(clauses) > 150
    for clause in clauses:
        assert clause.find("a") is None, clause
        text = clause.get_text()
        assert "странице" not in text and "Инструкция" not in text and "http" not in text, text
    asides = doc.select("p.kb-aside")
    assert asides and all("kb-web-only" in a["class"] and a.find("a") for a in asides)


@pytest.mark.parametrize("profile", PROFILES)
def test_the_act_says_what_a_local_act_must(sites, profile):
    text = normalized(article(sites[profile], "regulation/index.html").get_text())
    kb = KBS[profile]
    for phrase in ("(далее — Положение)", f"(далее — {kb.terms.org.nom})", "(далее — ИКОП «Сферум»",
                   "№ 152-ФЗ «О персональных данных»", "№ 273-ФЗ", "дисциплинарную ответственность",
                   "под подпись в листе ознакомления", "не является условием получения образования",
                   "не принуждаются к установке приложения на личное устройство",
                   "Установка приложения на личное устройство работника не является обязательной",
                   "не зарегистрированных на платформе, на платформу не вносятся"):
        assert phrase in text, f"{profile}: {phrase!r} missing"
    # The councils' opinion (273-ФЗ, art. 30 part 3) is claimed only where the profile names them.
    assert ("частью 3 статьи 30" in text) == bool(kb.profile.approval.opinion_of), profile
    for council in kb.profile.approval.opinion_of:
        assert council.body in text, f"{profile}: {council.body!r} missing"
    for channel in kb.profile.alternative_channels:
        assert normalized(channel) in text, f"{profile}: alternative channel {channel!r} missing"
    for trivia in ("СФЕРУМ: Регистрация организации", "нет рекламы", "ВКонтакте", "платных сервисов"):
        assert trivia not in text, f"{profile}: {trivia!r} belongs in the instructions, not in the norm"


def test_voluntary_participation_cites_the_ministry_statement():
    clause = KBS["demo"].clause("voluntary").clause
    assert any("Минцифры" in s and "2025" in s for s in clause.sources)


# --- one decision per contradiction -------------------------------------------------------

OPTIONAL = re.compile(r"при необходимости|если нужно|если это нужно|если это необходимо|кому это нужно", re.I)


@pytest.mark.parametrize("profile", PROFILES)
def test_verification_is_decided_once_per_profile(sites, profile):
    required = KBS[profile].profile.options.verification_required
    pages = site_sentences(sites[profile])
    checked = ["regulation/index.html", "faq/index.html", "glossary/index.html", "roles/teacher/index.html",
               "roles/director/index.html", "instructions/staff-join/index.html", "instructions/invite-staff/index.html"]
    for page in checked:
        about = [s for s in pages[page] if re.search(r"подтвер(?:жд|д)|верифик", s, re.I)]
        assert about, f"{profile}: {page} says nothing about verification"
        for sentence in about:
            if required:
                assert not OPTIONAL.search(sentence), f"{profile}: {page}: {sentence}"
            else:
                assert "обязательн" not in sentence.lower(), f"{profile}: {page}: {sentence}"
    regulation = " ".join(pages["regulation/index.html"])
    assert ("обязательно для всех работников" in regulation) == required
    # Where it is not required, the act says when it is needed and who tells the worker (3.7).
    optional = ("проходят подтверждение (верификацию) статуса на платформе, если этого требует работа"
                in regulation and "о необходимости подтверждения работнику сообщает администратор" in regulation)
    assert optional != required


@pytest.mark.parametrize("profile", PROFILES)
def test_who_may_be_administrator_is_decided_once_per_profile(sites, profile):
    teachers_only = KBS[profile].profile.options.administrator_teachers_only
    pool = "педагогических работников" if teachers_only else "работников"
    # Where the profile names the position (3.4 «Администратором назначается заместитель директора»), the
    # director's duty (4.1.1) and the instruction choose among those people, not among all workers.
    named = KBS[profile].profile.administrator_pool
    pages = site_sentences(sites[profile])
    appointing = [s for page, found in pages.items() for s in found
                  if re.search(r"администратор", s, re.I) and "из числа" in s and "дополнительн" not in s]
    assert len(appointing) >= 3, appointing
    if named:
        for page in ("regulation/index.html", "instructions/appoint-admin/index.html"):
            assert any(f"из числа {named}" in s for s in pages[page]), f"{profile}: {page}"
    for sentence in appointing:
        assert re.search(r"из числа (присоединившихся к платформе )?" + pool
                         + (f"|из числа {named}" if named else ""), sentence), f"{profile}: {sentence}"
        if not teachers_only:
            assert "из числа педагогических" not in sentence, f"{profile}: {sentence}"


@pytest.mark.parametrize("profile", PROFILES)
def test_entry_into_force_is_by_the_approving_order(sites, profile):
    pages = site_sentences(sites[profile])
    for page, found in pages.items():
        for sentence in found:
            assert "с момента его подписания" not in sentence and "с момента подписания" not in sentence, page
    regulation = " ".join(pages["regulation/index.html"])
    assert "вступает в силу со дня, указанного в приказе о его утверждении" in regulation
    assert "утверждается и вводится в действие приказом" in regulation


# --- DOCX -----------------------------------------------------------------------------------

@pytest.mark.parametrize("profile", PROFILES)
def test_docx_holds_the_page_clauses_word_for_word(sites, profile):
    site = sites[profile]
    on_page = page_clauses(site)
    in_docx = docx_clauses(site.path / "downloads/regulation.docx")
    assert len(on_page) > 150
    assert in_docx == on_page


@pytest.mark.parametrize("profile", PROFILES)
def test_docx_is_a_document_to_sign(sites, profile):
    kb = KBS[profile]
    doc = Document(str(sites[profile].path / "downloads/regulation.docx"))
    texts = [p.text for p in doc.paragraphs]
    assert plain(kb.regulation.title) in texts
    assert any(p.style.name == "Heading 1" and p.text == "1. Общие положения" for p in doc.paragraphs)
    approval = doc.tables[0]
    assert approval.rows[0].cells[1].text.startswith("УТВЕРЖДЕНО")
    headers = {tuple(c.text for c in t.rows[0].cells) for t in doc.tables[1:]}
    assert ("№ п/п", "Должность", "Фамилия, инициалы", "Подпись", "Дата ознакомления") in headers
    assert any("Содержание изменения" in h for h in headers)
    footer = doc.sections[0].footer.paragraphs[0]._p.xml
    assert "PAGE" in footer and "fldChar" in footer
    assert "http" not in " ".join(texts) and "Инструкция" not in " ".join(texts)


def test_change_log_comes_from_the_profile(project, tmp_path):
    from macros.docx_act import regulation_docx

    edit_profile(project, lambda d: d["approval"].update(changes=[
        {"clauses": "п. 1.10", "summary": "изменён список способов информирования",
         "order": {"number": "45-ОД", "date": "2026-09-01"}}]))
    doc = Document(io.BytesIO(regulation_docx(load_knowledge_base(project, "demo"))))
    log = doc.tables[-1]
    assert [c.text for c in log.rows[1].cells][1:4] == [
        "п. 1.10", "изменён список способов информирования", "приказ от 01.09.2026 №\u00a045-ОД"]


@pytest.mark.parametrize("profile", PROFILES)
def test_order_approves_the_regulation_and_appoints_by_position(sites, profile):
    kb = KBS[profile]
    doc = Document(str(sites[profile].path / "downloads/order.docx"))
    text = normalized("\n".join(p.text for p in doc.paragraphs))
    assert "ПРИКАЗ" in text and "ПРИКАЗЫВАЮ:" in text
    assert "1. Утвердить Положение" in text
    assert f"должность: {kb.profile.administrator_position}" in text
    for task in ("регистрацию", "структуру", "подтверждение (верификацию)", "обучение"):
        assert task in text, task
    assert text.count(act.BLANK_DATE) >= 5
    assert f"№ {act.BLANK_NUMBER}" in doc.tables[0].rows[0].cells[1].text


def test_the_regulation_page_links_both_documents(sites):
    links = {a["href"] for a in article(sites["school"], "regulation/index.html").select(".kb-downloads a")}
    assert links == {"../downloads/regulation.docx", "../downloads/order.docx"}


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(not _soffice() and not os.environ.get("CI"), reason="LibreOffice is not installed")
def test_docx_opens_in_libreoffice(sites, tmp_path):
    """LibreOffice converts both documents to PDF without complaint: the files are valid Word documents."""
    assert _soffice(), "CI must install libreoffice-writer-nogui (.ci/run)"
    site = sites["college"]
    sources = [site.path / "downloads/regulation.docx", site.path / "downloads/order.docx"]
    result = subprocess.run(
        [_soffice(), f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), *map(str, sources)],
        capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    for source in sources:
        pdf = (tmp_path / source.name).with_suffix(".pdf").read_bytes()
        pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
        assert pdf.startswith(b"%PDF") and pages >= (5 if source.stem == "regulation" else 1), (source, pages)


# --- who keeps order, who is a user, whose opinion, who may administer ----------------------------

@pytest.mark.parametrize("profile", PROFILES)
def test_every_chat_has_one_keeper_and_the_act_agrees(profile):
    kb = KBS[profile]
    for chat in kb.chats:
        assert len(chat.moderated_by) <= 1, f"{profile}: {chat.id} has two keepers: {chat.moderated_by}"
    keeper = {c.id: c.moderated_by for c in kb.chats}
    # The director creates and keeps order in the councils' chats; the deputy only answers for their work.
    assert keeper["director-parents"] == keeper["director-students"] == ["director"]
    # The chats on organizing learning: the deputy creates and moderates them (4.2.x), the director sees they work.
    assert keeper["management-chats"] == ["deputy"]
    assert "Создаёт и модерирует" in kb.clause("deputy-organization-chats").clause.text
    assert "модерирует заместитель директора" in kb.clause("director-organization-chats").clause.text
    assert "заместитель директора" in kb.clause("chat-moderation").clause.text
    # The unit leader keeps order in all the unit's chats, the teachers' chat too (chats.yml: unit-teachers).
    assert f"с {kb.terms.teacher.ins_pl}, ведущими занятия" in kb.clause("chat-moderation").clause.text
    # 8.3 holds every keeper of 6.4 liable, not only the class teacher.
    liability = kb.clause("responsibility-unit-leader").clause.text
    for keeper_word in ("администратор", "директор", "заместители директора", kb.terms.unit_leader.nom_pl,
                        kb.terms.teacher.nom_pl):
        assert keeper_word in liability, f"{profile}: 8.3 leaves out {keeper_word!r}"


@pytest.mark.parametrize("profile", PROFILES)
def test_the_administrator_is_not_told_to_ask_the_administrator(profile):
    kb = KBS[profile]
    rights = {role.id: [r.clause.id for r in kb.clauses_for(role.id, "right")] for role in kb.roles}
    assert "right-contact" not in rights["admin"]
    assert all("right-contact" in ids for role, ids in rights.items() if role != "admin"), rights
    assert "admin-support" in [d.clause.id for d in kb.clauses_for("admin", "duty")]


@pytest.mark.parametrize("profile", PROFILES)
def test_the_councils_opinion_is_needed_only_where_they_exist(profile):
    kb = KBS[profile]
    assert kb.profile.approval.opinion_of, f"{profile}: name the councils (the act says «при их наличии»)"
    assert "(при их наличии)" in kb.clause("adoption-opinion").clause.text
    stamp = [s for s in act.approval_stamps(kb.profile.approval)[0] if s.heading == "УЧТЕНО МНЕНИЕ"][0]
    assert all(line.endswith("(при наличии)") for line in stamp.lines[::2]), stamp.lines
    # The launch checklist asks first for the opinion, then the adoption (not «Перед этим» after it).
    first = kb.launch.items[0].text
    assert first.startswith("Узнайте мнение") and "если они есть" in first, first
    assert "принимается" not in first and "вводится в действие" not in first


@pytest.mark.parametrize("profile", PROFILES)
def test_users_not_participants_open_the_closed_space(profile):
    kb = KBS[profile]
    # Participants of educational relations (273-ФЗ art. 2 p. 31) leave out non-teaching staff:
    # access is for «пользователи» (1.3.5), who include them.
    assert "иные работники" in kb.clause("term-users").clause.text
    for clause_id in ("term-community", "space-dedicated", "space-closed", "security-closed-space"):
        text = kb.clause(clause_id).clause.text
        assert "участник" not in text and "пользовател" in text, f"{profile}: {clause_id}: {text}"
    # Families hear that joining is voluntary before their chats move.
    texts = [item.text or "" for item in kb.launch.items]
    told = next(i for i, t in enumerate(texts) if "добровольная" in t)
    moved = [i for i, item in enumerate(kb.launch.items) if item.procedure == "migrate-chats"]
    assert all(told < i for i in moved)


@pytest.mark.parametrize("profile", PROFILES)
def test_the_unit_leader_has_one_training_item_and_learners_know_who_invites(profile):
    kb = KBS[profile]
    # One training duty on the unit leader's guide and checklist; with the course option it names the course.
    training = [c for c in kb.clauses_for("unit-leader", "duty") if "staff-training" in c.clause.procedures]
    assert [c.clause.id for c in training] == ["unit-leader-training"]
    assert ("заместитель директора" in training[0].clause.plain) == kb.profile.options.training_course
    if kb.profile.options.training_course:
        assert "teacher-course" in [c.clause.id for c in kb.clauses_for("teacher", "duty")]
    # The unit's chat is the unit leader's to invite into, a study chat the teacher's (4.4.4, 4.5.4).
    joins = kb.clause("student-joins").clause.text
    assert f"{kb.terms.unit_leader.gen} или" not in joins
    assert f"к учебным чатам — по ссылке-приглашению от {kb.terms.teacher.gen}" in joins
    # The registration link the unit leader or teacher creates (step 1) is sent to the learners (step 3).
    send = next(s for s in kb.procedure("invite-students-parents").steps if s.id == "send-learners")
    assert "ссылку на страницу регистрации" in send.text


@pytest.mark.parametrize("profile", PROFILES)
def test_the_act_covers_every_user_and_the_guides_name_statuses_and_bodies(profile):
    """The act covers every user; the director and deputies get «учитель» everywhere; the
    guides name the approval bodies in plain words and the college its own ones."""
    kb = KBS[profile]
    status = kb.context["staff_status"]
    # 1.1, 3.6, 6.3.4: users, not participants of educational relations (who leave out other staff).
    for clause_id in ("scope", "space-roles", "forbidden-obscene"):
        text = kb.clause(clause_id).clause.text
        assert "участник" not in text and "пользовател" in text, f"{profile}: {clause_id}: {text}"
    assert "ненормированн" not in kb.clause("forbidden-obscene").clause.text
    assert "заведомо" in kb.clause("forbidden-illegal-content").clause.text
    assert "заведомо" in kb.clause("forbidden-illegal-content").clause.plain
    assert "образовательному процессу" not in kb.clause("forbidden-spam").clause.text
    # 3.2 and 4.3.21: the administrator's contacts go to the operator with written consent.
    assert "письменного согласия" in kb.clause("space-registration-documents").clause.text
    assert "письменного согласия" in kb.clause("admin-new-administrator").clause.text
    # A director without a teaching load does not breach the act.
    assert "при ведении учебной нагрузки" in kb.clause("director-video").clause.text
    if status.lower() != "сотрудник":
        for words in (kb.clause("admin-verifies").clause.text, kb.clause("admin-verifies").clause.plain):
            assert "директора и заместителей" in words, f"{profile}: {words}"
    # The guides say the bodies as readers do: «на педагогический совет», «совета родителей».
    note = next(n for n in kb.role("director").notes if n.id == "adoption").text
    for text in (note, kb.launch.items[0].text, kb.clause("director-approves-acts").clause.plain):
        assert "на рассмотрение" not in text and "несовершеннолетних" not in text, f"{profile}: {text}"
    assert kb.profile.approval.adopted.guide in kb.clause("director-approves-acts").clause.plain
    if profile == "college":
        assert "профсоюзный комитет" in kb.clause("director-approves-acts").clause.plain
        assert "методических объединений" in kb.clause("task-professional-growth").clause.text


@pytest.mark.parametrize("profile", PROFILES)
def test_channels_are_run_by_the_administrator_and_the_deputy_answers_for_the_general_chat(sites, profile):
    chats = " ".join(article(sites[profile], "chats/index.html").get_text().split())
    assert "Ведёт администратор платформы" in chats
    assert "за содержание отвечает заместитель директора" in chats
    deputy = " ".join(article(sites[profile], "roles/deputy/index.html").get_text().split())
    assert "За содержание отвечаете вы." in deputy and "Как научиться работать на платформе" in deputy
    admin = " ".join(article(sites[profile], "roles/admin/index.html").get_text().split())
    assert "Ведёте вы." in admin


@pytest.mark.parametrize("profile", PROFILES)
def test_the_director_and_administrator_pages_cite_and_say_what_the_act_says(sites, profile):
    """The approval item cites the procedure of section 9; the structure puts the teachers who teach
    in a unit there too; the launch list checks the statuses where they are obligatory; a moderator also
    removes breaches of the chat rules; staff are not told to write to support about a new administrator;
    every педагогический работник joins the staff group as «учитель»; the substitute gets the rights after
    registration; the request for a new administrator has a named sender; the deputy controls on order;
    the optional verification names who needs it."""
    kb = KBS[profile]
    text = {page: " ".join(article(sites[profile], page).get_text().split()) for page in (
        "roles/director/index.html", "checklists/director/index.html", "checklists/launch/index.html",
        "instructions/build-structure/index.html", "instructions/handle-violation/index.html",
        "instructions/appoint-admin/index.html", "faq/index.html", "glossary/index.html")}
    numbers = ", ".join(f"п. {kb.clause(c).number}" for c in
                        ("director-approves-acts", "adoption", "adoption-opinion", "familiarization")
                        if kb.has_clause(c))
    for page in ("roles/director/index.html", "checklists/director/index.html"):
        assert f"записано в Положении, {numbers}" in text[page], f"{profile}: {page}"
    teacher = kb.context["teacher"].nom_pl
    result = text["instructions/build-structure/index.html"]
    assert f"{teacher}, которые ведут в них занятия" in result and "расписании занятий" in result
    if kb.profile.options.verification_required:
        assert "и подтвердили статус" in text["checklists/launch/index.html"]
    assert "или правила общения в чате" in text["instructions/handle-violation/index.html"]
    appoint = text["instructions/appoint-admin/index.html"]
    # The substitute is named in the admin's order, but gets the rights only after registration, once he
    # has joined the staff group (3.4, 4.3.11): never «сразу».
    assert "в том же приказе, что и администратора" in appoint and "сразу" not in appoint
    assert f"вступит в {kb.context['staff_space'].acc}, администратор даст ему права" in appoint
    # The launch list fixes the teachers who teach in a unit, as the structure instruction does.
    assert f"{kb.context['teacher'].acc_pl}, которые ведут в них занятия" in text["checklists/launch/index.html"]
    # Who sends the request for a new administrator is named (the substitute, else a worker by order).
    new_admin = " ".join(article(sites[profile], "instructions/new-administrator/index.html").get_text().split())
    assert "которого назначил директор" not in new_admin
    assert "отправляет работник, который замещает администратора" in new_admin
    # The deputy controls the use of the platform only on the director's order (4.2.10).
    deputy = " ".join(article(sites[profile], "roles/deputy/index.html").get_text().split())
    assert "а если директор поручит, следите" in deputy
    # Where verification is optional, the administrator's instruction says who needs it (3.7).
    invite = " ".join(article(sites[profile], "instructions/invite-staff/index.html").get_text().split())
    if not kb.profile.options.verification_required:
        assert "Подтверждение нужно тем, кто работает с" in invite
    faq = text["faq/index.html"]
    assert "Направьте на" not in faq and "переданные с его письменного согласия" in faq
    if kb.context["staff_status"].lower() != "сотрудник":
        assert "Директор, его заместители и педагогические работники вступают сюда" in text["glossary/index.html"]


@pytest.mark.parametrize("profile", PROFILES)
def test_the_papers_for_an_administrator_follow_the_act_and_legal_says_whose_2023_acts(sites, profile):
    """The lists of papers ask for written consent (3.2, 4.3.21); the change-of-administrator order names
    the position the act allows (3.4); the staff instruction's next step fixes the teachers too (4.3.12);
    the legal page says the 2023 acts come from other organizations' regulations."""
    kb = KBS[profile]
    page = {name: " ".join(article(sites[profile], f"{name}/index.html").get_text().split())
            for name in ("instructions/appoint-admin", "instructions/new-administrator",
                         "instructions/invite-staff", "legal")}
    assert "Письменное согласие работника на передачу" in page["instructions/appoint-admin"]
    assert "Письменное согласие нового администратора на передачу" in page["instructions/new-administrator"]
    named = kb.context["admin_position_named"]
    if named:
        assert f"По Положению {kb.context['org'].gen} администратор платформы — {named}." in \
            page["instructions/new-administrator"]
    assert f"{kb.context['teacher'].acc_pl}, которые ведут в них занятия" in page["instructions/invite-staff"]
    assert "Акты из положений других организаций 2023 года" in page["legal"]
    assert f"Положение {kb.context['org'].gen} на них не ссылается" in page["legal"]
    assert "упоминались в положениях 2023 года" not in page["legal"]


@pytest.mark.parametrize("profile", PROFILES)
def test_training_cites_both_clauses_and_the_group_teacher_is_the_assigned_one(sites, profile):
    kb = KBS[profile]
    course = kb.profile.options.training_course
    # The merged training item says 4.5.9 too (with the course option): the guide and checklist cite it.
    assert kb.clause("unit-leader-training").clause.also == ["teacher-course"]
    for page in ("roles/unit-leader/index.html", "checklists/unit-leader/index.html"):
        text = " ".join(article(sites[profile], page).get_text().split())
        assert ("п. 4.4.7, п. 4.5.9" in text) == course, f"{profile}: {page}"
    # The staff FAQ names the training duty where the act makes it one (4.5.9).
    training = next(e for e in kb.faq if e.id == "training").answer
    assert ("пройдите обучение" in training) == course
    # «она» of the staff-training context has a noun to refer to.
    assert "эта инструкция поможет" in kb.procedure("staff-training").context
    # The unit has three chats (4.4.3); in additional the group's chats are its assigned teacher's (1.3.7).
    definition = kb.terms.unit_definition
    if profile == "additional":
        note = next(s for s in kb.procedure("create-unit-chat").steps if s.id == "learners-chat").note
        for text in (kb.role("teacher").summary, note, definition):
            assert "ведёт" not in text and "ведёте" not in text, text
        assert "закреплена учебная группа" in kb.role("teacher").summary
    else:
        assert f"чат {kb.terms.teacher.gen_pl} {kb.terms.unit.gen}" in definition
    # The chat hours on the rules page are said in plain words, the act keeps its own.
    rules = " ".join(article(sites[profile], "rules/index.html").get_text().split())
    assert "направляют сообщения" not in rules
    if profile == "demo":
        # The hours cover every chat with learners or parents, the subject chats too: one meaning everywhere.
        assert "Учителя и классные руководители пишут в чаты с учениками и родителями с 8:00 до 20:00" in rules
        for text in (kb.clause("demo-chat-hours").clause.plain, kb.context["own_chat_rules"][0]):
            assert "чаты с учениками и родителями" in text, text
        assert "ученики или родители (законные представители) учеников" in kb.clause("demo-chat-hours").clause.text
        assert "направляют сообщения" in kb.clause("demo-chat-hours").clause.text
