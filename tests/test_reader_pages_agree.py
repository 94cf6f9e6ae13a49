"""What parents and learners read agrees with the act and with itself (and with the pages they share
with staff): decisions of the fresh-eyes reviews, checked on the built pages of every profile."""

from __future__ import annotations

import re

import pytest

from tests.conftest import PROFILES
from tests.test_vocabulary import KBS, all_pages, article, found, org_type

# An adjective in the other gender before the unit's word: «нового группы», «этой класса».
DISAGREEING = {"группа": r"\b(?:нового|этого|каждого|своего|одного|другого|того) групп[ыеу]\b",
               "класс": r"\b(?:новой|этой|каждой|своей|одной|другой|той) класс(?:а|у|е)?\b"}


@pytest.mark.parametrize("profile", PROFILES)
def test_words_before_the_unit_agree_with_it(sites, profile):
    kb = KBS[profile]
    pages = all_pages(sites[profile])
    hits = found(DISAGREEING[kb.context["unit"].nom], pages)
    assert not hits, f"{profile}: an adjective that does not agree with the unit:\n" + "\n".join(hits[:10])
    assert f"В {kb.context['unit_new'].prep} ссылку-приглашение" in pages["faq/index.html"]


@pytest.mark.parametrize("profile", PROFILES)
def test_parents_link_break_in_and_computer_are_said_alike(sites, profile):
    # 4.7.2: parents get their link from the unit leader OR a representative of the administration.
    kb = KBS[profile]
    pages = all_pages(sites[profile])
    leader, org = kb.context["unit_leader"], kb.context["org"]
    either = f"родителям — {leader.nom} или представитель администрации {org.gen}"
    assert either in pages["instructions/delete-account/index.html"]
    assert f"родителей {kb.context['unit'].gen} присылает {leader.nom} или представитель администрации" \
        in pages["faq/index.html"]
    assert f"в чат родителей — {leader.nom} или представитель администрации" in pages["faq/index.html"]
    # 7.4.2: a break-in is told to the administrator AND the operator, in every answer.
    assert not found(r"вошёл в ваш аккаунт, сообщите администратору платформы\.", pages)
    # 1.3.3, 3.9: the учебный профиль lives in МАХ; a computer uses the platform's web interface.
    assert not found(r"учебный профиль открывается через веб", pages)
    assert "parent-join-computer" in sites[profile].page("instructions/parent-join/index.html")
    # Staff are told to «подтвердить статус»; «верификация» stays the act's and the glossary's term.
    assert not found(r"Пройдите верификацию", pages)


def test_the_agreement_check_can_fail():
    assert found(DISAGREEING["группа"], {"p": "в чат нового группы"})
    assert found(DISAGREEING["класс"], {"p": "в чат этой класса"})
    assert not found(DISAGREEING["группа"], {"p": "в чат новой группы"})


@pytest.mark.parametrize("profile", PROFILES)
def test_the_badge_confirms_the_teachers_role_only(sites, profile):
    # Regulation: «значок — отметка в учебном профиле, подтверждающая роль педагога»; a confirmed
    # «Сотрудник» who does not teach gets none.
    pages = all_pages(sites[profile])
    for wrong in ("Подтверждённый статус показывает значок", "статус подтверждён, в учебном профиле",
                  "Значок показывает, что статус"):
        assert not found(re.escape(wrong), pages), f"{profile}: «{wrong}»"
    for page in ("glossary/index.html", "faq/index.html"):
        assert "Подтверждённую роль педагога показывает значок" in pages[page]


@pytest.mark.parametrize("profile", PROFILES)
def test_the_leaflet_says_joining_is_a_choice(sites, profile):
    kb = KBS[profile]
    leaflet = article(sites[profile].page("leaflet/index.html"))
    assert "Вступать в чат — по вашему желанию" in leaflet
    for channel in kb.profile.alternative_channels:
        assert channel in leaflet, f"{profile}: the leaflet does not name {channel!r}"


@pytest.mark.parametrize("profile", PROFILES)
def test_a_college_learner_decides_for_themselves(sites, profile):
    faq = article(sites[profile].page("faq/index.html"))
    learners = faq[faq.index(f"{KBS[profile].context['learner'].dat_pl.capitalize()}"):faq.index("Сотрудникам")]
    if org_type(profile) == "college":
        assert "семья" not in learners and "Если вы отказались" in learners
    else:
        assert "Если семья отказалась" in learners


@pytest.mark.parametrize("profile", PROFILES)
def test_participants_know_what_to_do(sites, profile):
    kb = KBS[profile]
    pages = all_pages(sites[profile])
    # 6.5: the participant who notices a violation tells the chat's keeper or the administrator.
    assert "Заметили нарушение — сообщите тому, кто ведёт чат, или администратору платформы" in \
        pages["rules/index.html"]
    # The administrator is never told to report to themselves.
    assert "Если вы сами администратор платформы, пропустите этот шаг" in \
        pages["instructions/report-unauthorized-access/index.html"]
    # The learner learns what the registration link is for (the «учебный» аккаунт).
    join = pages["instructions/student-join/index.html"]
    assert f"Если {kb.context['teacher'].nom} прислал ссылку на страницу регистрации" in join
    # Channels are read, not talked in; the class chat's link comes from the unit leader.
    features = pages["features/index.html"]
    assert "читать каналы" in features and not re.search(r"общаться в [^;.]*каналах", features)
    assert f"ссылку в чат {kb.context['unit'].gen} присылает {kb.context['unit_leader'].nom}" in features
    # Only the director appoints the administrator.
    assert "Директор назначает администратора платформы приказом" in pages["glossary/index.html"]
    assert "Администрация назначает" not in pages["glossary/index.html"]


@pytest.mark.parametrize("profile", PROFILES)
def test_the_glossary_explains_only_words_the_site_uses(sites, profile):
    glossary = article(sites[profile].page("glossary/index.html"))
    for term in ("ЕСИА", "ГИС ЭО", "МАОУ", "Начальное общее образование", "Основное общее образование",
                 "Среднее общее образование", "На этом сайте нет шагов"):
        assert term not in glossary, f"{profile}: the glossary still explains «{term}»"


@pytest.mark.parametrize("profile", PROFILES)
def test_staff_are_not_told_that_joining_is_optional(sites, profile):
    faq = article(sites[profile].page("faq/index.html"))
    staff = faq[faq.index("Сотрудникам"):]
    assert "вступать в него — по вашему желанию" not in staff
    if KBS[profile].profile.options.foreign_messengers_migration:
        assert "Если директор поручил перенос вам" in staff


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
    # The учебный профиль lives in МАХ (1.3.3); on a computer the platform works without the app (3.9).
    assert "На компьютере приложение МАХ не нужно: платформа работает через веб-интерфейс в браузере" in join
    # Step 3 registers in МАХ; a learner at a computer registers on the platform through the web (3.9).
    assert "На компьютере зарегистрируйтесь на платформе через веб-интерфейс" in join
    assert "Нужны телефон или компьютер и ссылка-приглашение" in join


@pytest.mark.parametrize("profile", PROFILES)
def test_a_computer_registers_on_the_platform_not_a_max_profile(sites, profile):
    # 1.3.3, 3.9: the учебный профиль lives in МАХ; a computer without МАХ registers on the platform.
    page = article(sites[profile].page("instructions/parent-join-computer/index.html"))
    assert "учебный профиль" not in page.replace("Учебный профиль", "учебный профиль")
    assert "Зарегистрируйтесь на платформе, если у вас ещё нет аккаунта Сферума." in page


@pytest.mark.parametrize("profile", PROFILES)
def test_faq_new_worker_gets_the_status_of_3_7(sites, profile):
    # 3.7: педагоги, директор и заместители — «учитель», иные работники — «Сотрудник» (college: all «Сотрудник»).
    kb = KBS[profile]
    faq = all_pages(sites[profile])["faq/index.html"]
    staff_space = kb.context["staff_space"].acc
    if kb.context["staff_status"] == "учитель":
        assert (f"вступите в {staff_space}: педагоги, директор и его заместители — в роли «учитель», "
                "остальные работники — со статусом «Сотрудник».") in faq
    else:
        assert f"вступите в {staff_space} в роли «Сотрудник»." in faq


@pytest.mark.parametrize("profile", PROFILES)
def test_a_break_in_is_reported_to_the_operators_support(sites, profile):
    pages = all_pages(sites[profile])
    assert not found(re.escape("Если не знаете, как связаться с оператором"), pages)
    email = KBS[profile].context["platform"].support_email
    assert f"Напишите оператору Сферума в его службу технической поддержки: {email}" in \
        pages["instructions/report-unauthorized-access/index.html"]
    assert f"оператору Сферума — через его службу технической поддержки: {email}" in pages["faq/index.html"]


@pytest.mark.parametrize("profile", PROFILES)
def test_staff_pages_send_each_question_to_the_right_person(sites, profile):
    kb = KBS[profile]
    pages = all_pages(sites[profile])
    ctx = kb.context
    # Regulation 3.7: only teachers, the director and deputies join as «учитель»; other workers as «Сотрудник».
    join = pages["instructions/staff-join/index.html"]
    if ctx["staff_status"] == "учитель":
        # the director and the deputies are not «педагоги», yet they join as «учитель»; the step itself
        # names no status, its note names both
        assert (f"Педагоги, директор и его заместители вступают в роли «учитель». Остальные работники "
                f"{ctx['org'].gen} вступают со статусом «Сотрудник» и подтверждают этот статус") in join
        assert f"вступите в {ctx['staff_space'].acc} в роли" not in join
        assert "(не педагоги)" not in join
        # steps 4–5 and the result must not tell a «Сотрудник» to confirm «учитель»
        assert "Подтвердите статус «учитель»" not in join
        assert "Если вы вступили в роли «учитель», проверьте" in join or not ctx["verification_required"]
        assert "остальные работники — со статусом «Сотрудник»" in join
    # 3.7: a missing badge is a fault only for a teacher who confirmed the teacher's role (1.3.11)
    assert ("Вы подтвердили статус «учитель», а значок не появился." if ctx["staff_status"] == "учитель"
            else "Вы педагог, подтвердили статус, а значок не появился.") in join
    assert "Значок не появился." not in join
    # 4.4.3 / 4.5.3: the unit's chats are the unit leader's, not every teacher's
    create = pages["instructions/create-unit-chat/index.html"]
    assert f"Если вы {ctx['unit_leader'].nom}, создайте чат {ctx['unit'].gen} с {ctx['learner'].ins_pl}" in create
    # 4.4.11 / 4.5.5: the one who keeps order in the chat checks it for outsiders after a leaked link
    assert "Проверьте список участников своего чата" in pages["instructions/invite-students-parents/index.html"]
    # No source says the platform stops an unconfirmed teacher from creating chats.
    assert not found(re.escape("создают педагоги с подтверждённой ролью"), pages)
    # 4.2.11 / 4.2.12: the deputy director organizes the training events.
    assert "спросите заместителя директора: он их организует" in \
        pages["instructions/staff-training/index.html"]
    assert "спросите заместителя директора, который их организует" in pages["faq/index.html"]
    # 4.1.3: the unit leader is the one the unit is assigned to, not «the one who teaches it».
    for page in ("instructions/create-unit-chat/index.html", "glossary/index.html"):
        assert not re.search(rf"кто ведёт {ctx['unit'].acc}\b", pages[page]), f"{profile}: {page}"
    if org_type(profile) != "additional":
        assert re.search(rf"тот, за кем закреплена? {ctx['unit'].nom}\b",
                         pages["instructions/create-unit-chat/index.html"].replace("ё", "е"))


@pytest.mark.parametrize("profile", PROFILES)
def test_only_the_right_readers_are_told_to_create_or_not_to_forward(sites, profile):
    kb = KBS[profile]
    pages = all_pages(sites[profile])
    # The FAQ for every new worker: only teachers create study chats (3.8.2, 6.4).
    assert f"Если вы {kb.context['teacher'].nom}, после этого создайте учебные чаты" in pages["faq/index.html"]
    assert not found(re.escape("подтвердите статус — это обязательно. После этого создайте"), pages)
    # Teachers forward links by duty (4.4.4): «never forward» is said to those who received one.
    assert "Поэтому, если ссылку прислали вам, не пересылайте её никому." in pages["glossary/index.html"]
    # The features page cites the clause that holds the rule (7.5.2), not only the closed space (3.10).
    closed, rule = (re.escape(kb.clause(c).number) for c in ("space-closed", "forbidden-invite-links"))
    assert found(rf"никому не пересылайте ссылку \( ?п\. {closed} ?, ?п\. {rule} ?\)", {"features": pages["features/index.html"]})


@pytest.mark.parametrize("profile", PROFILES)
def test_instructions_speak_plainly_to_whoever_does_the_step(sites, profile):
    site = sites[profile]
    instructions = {str(path.relative_to(site.path)): article(path.read_text(encoding="utf-8"))
                    for path in (site.path / "instructions").rglob("index.html")}
    assert len(instructions) > 15
    # «родители (законные представители)» is the act's term; instructions say «родители» (the role's
    # name «Родитель (законный представитель)» stays).
    assert not found(r"родител(?:и|ей|ям|ями|ях) \(законн", instructions)
    # A step about the worker does not give the administrator an order meant for the worker.
    assert not found(re.escape("на этой странице сначала выберите регион"), instructions)
    # Non-teaching staff join by staff-join too (3.7, 4.3.10): the page is for every worker.
    org = KBS[profile].context["org"].gen
    assert f"другие работники {org}." in instructions["instructions/staff-join/index.html"]
    assert f"Для всех работников {org}:" in instructions["instructions/staff-join/index.html"]
    # …and only teachers create chats with learners and parents (3.8.2).
    assert "Педагоги теперь могут создавать чаты с коллегами" in instructions["instructions/staff-join/index.html"]
    # One step, one action: the administrator finishes the confirmation in the note, not twice.
    assert "затем завершите подтверждение со своей стороны" not in instructions["instructions/invite-staff/index.html"]
    # Where every worker is «Сотрудник» and confirmation is on request, the administrator confirms only those who need it.
    ctx = KBS[profile].context
    if ctx["staff_status"].lower() == "сотрудник" and not ctx["verification_required"]:
        assert "у тех работников, кому оно нужно" in article(site.page("roles/admin/index.html"))
        assert "— у всех" not in article(site.page("roles/admin/index.html"))
    # The chats table speaks the readers' words too.
    assert not found(r"родител(?:и|ей|ям|ями|ях) \(законн", {"chats": article(site.page("chats/index.html"))})
    # The phone instruction lists a phone; the computer has its own instruction.
    assert "Телефон с доступом в интернет (или компьютер)" not in instructions["instructions/parent-join/index.html"]
