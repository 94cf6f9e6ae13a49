"""Issue 9: one name for each thing, the words of each organization type, facts and time,
no contradictions between pages — checked on the built HTML of every profile."""

from __future__ import annotations

import re

import pytest
import yaml

from macros.errors import DataError
from macros.loader import load_knowledge_base
from tests.conftest import PROFILES
from tests.support import ROOT, build, copy_project

KBS = {profile: load_knowledge_base(ROOT, profile) for profile in PROFILES}
ORG_TYPES = yaml.safe_load((ROOT / "data/org_types.yml").read_text(encoding="utf-8"))["org_types"]

# Words of one organization type that must never reach another type's site (DESIGN.md, «Parametrization»).
# «учитель» in quotes is the platform's status name, «Моя школа» a federal system: both are allowed.
OTHER_TYPES_WORDS = {
    "school": [r"\bкуратор\w*\b(?!\s+(?:ИКОП|платформы|Сферума))", r"техникум", r"колледж",
               r"педагог\w* дополнительного образования", r"студент", r"\bобъединени"],
    "college": [r"ученическ", r"классн", r"общешкольн", r"значок педагога", r"\bкласс", r"\bучител",
                r"\bшкол", r"студент", r"педагог\w* дополнительного образования"],
    "additional": [r"ученическ", r"классн", r"общешкольн", r"значок педагога", r"\bкласс",
                   r"\bучител", r"\bшкол", r"техникум", r"колледж", r"учебн\w+ предмет",
                   r"студент", r"\bурок"],
}
ALLOWED_PHRASES = ["«учитель»", "«Моя школа»", "«Учителям»"]  # «Учителям»: see the facts test


def visible_text(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def article(html: str) -> str:
    """The page's own content, without the header, navigation and footer."""
    match = re.search(r"<article\b.*?</article>", html, flags=re.S)
    assert match, "no <article> in the page"
    return visible_text(match.group(0))


# The editors' data reference documents every organization type's words on purpose.
EDITORS_PAGES = {"reference/index.html"}


def all_pages(site) -> dict[str, str]:
    """The visible text of every page a reader reads (not the editors' data reference)."""
    return {name: visible_text(p.read_text(encoding="utf-8")) for p in site.pages()
            if (name := str(p.relative_to(site.path))) not in EDITORS_PAGES}


def found(pattern: str, pages: dict[str, str], flags=re.I) -> list[str]:
    hits = []
    for name, text in pages.items():
        for match in re.finditer(pattern, text, flags):
            hits.append(f"{name}: …{text[max(0, match.start() - 60):match.end() + 40]}…")
    return hits


def org_type(profile: str) -> str:
    return KBS[profile].profile.org_type


# --- words of the organization type ---------------------------------------------------------

@pytest.mark.parametrize("profile", PROFILES)
def test_no_word_of_another_organization_type(sites, profile):
    pages = all_pages(sites[profile])
    for phrase in ALLOWED_PHRASES:
        pages = {name: text.replace(phrase, " ") for name, text in pages.items()}
    hits = [hit for pattern in OTHER_TYPES_WORDS[org_type(profile)] for hit in found(pattern, pages)]
    assert not hits, f"{profile} ({org_type(profile)}) speaks another type's words:\n" + "\n".join(hits[:15])


def test_the_other_type_check_can_fail():
    text = {"p": "Классный руководитель проводит классные часы."}
    assert found(OTHER_TYPES_WORDS["additional"][1], text)
    assert not found(OTHER_TYPES_WORDS["school"][0], {"p": "муниципальный куратор ИКОП «Сферум»"})


def test_centre_of_additional_education_speaks_its_own_words(sites):
    for profile in (p for p in PROFILES if org_type(p) == "additional"):
        pages = all_pages(sites[profile])
        text = pages["glossary/index.html"]
        for word in ("объединени", "кружк", "секци", "студи", "педагог дополнительного образования"):
            assert word in text, f"{profile}: the glossary never says {word!r}"
        assert "педагога группы" in pages["instructions/parent-join/index.html"]


# --- one name for each thing ------------------------------------------------------------------

def _forms(phrase: dict) -> set[str]:
    return {value for value in phrase.values()}


@pytest.mark.parametrize("profile", PROFILES)
def test_staff_space_always_has_the_profiles_name(sites, profile):
    own = KBS[profile].terms.staff_space
    pages = all_pages(sites[profile])
    for page in ("chats/index.html", "glossary/index.html", "instructions/build-structure/index.html",
                 "instructions/staff-join/index.html"):
        assert own.nom in pages[page] or own.acc in pages[page] or own.gen in pages[page], \
            f"{profile}: {page} does not name {own.nom}"
    others = set().union(*(_forms(t["terms"]["staff_space"]) for t in ORG_TYPES.values())) - _forms(own.model_dump())
    hits = [hit for name in others for hit in found(re.escape(name), pages, 0)]
    assert not hits, f"{profile}: another name of the staff space:\n" + "\n".join(hits[:10])


@pytest.mark.parametrize("profile", PROFILES)
def test_general_channel_has_one_name(sites, profile):
    own = KBS[profile].terms.general_channel
    pages = all_pages(sites[profile])
    assert f"Канал: {own}" in pages["chats/index.html"]
    assert f"«{own}»" in pages["faq/index.html"]
    assert f"«{own}»" in pages["instructions/create-channel/index.html"]
    others = {t["terms"]["general_channel"] for t in ORG_TYPES.values()} - {own}
    hits = [hit for name in others for hit in found(rf"«{name}»|Канал: {name}\b", pages)]
    assert not hits, f"{profile}: another name of the general channel:\n" + "\n".join(hits[:10])


LINK_REMOVED_OTHERWISE = (r"(?:удал\w*|отозв\w*|отзыв\w*)\s+(?:\w+\s+){0,2}ссылк"
                          r"|ссылк\w*\s+(?:\w+\s+){0,2}(?:удал|отозв|отзыв)")


@pytest.mark.parametrize("profile", PROFILES)
def test_invite_links_are_annulled_never_deleted_or_revoked(sites, profile):
    pages = all_pages(sites[profile])
    hits = found(LINK_REMOVED_OTHERWISE, pages)
    assert not hits, f"{profile}: say «аннулировать»:\n" + "\n".join(hits[:10])
    assert "аннулир" in pages["instructions/parent-join/index.html"]


def test_the_annul_check_can_fail():
    assert found(LINK_REMOVED_OTHERWISE, {"p": "Неиспользованные ссылки удаляют ради безопасности."})
    assert found(LINK_REMOVED_OTHERWISE, {"p": "отозвать ссылку-приглашение"})


@pytest.mark.parametrize("profile", PROFILES)
def test_platform_statuses_are_written_as_the_platform_writes_them(sites, profile):
    pages = all_pages(sites[profile])
    hits = found(r"«сотрудник»|«Учитель»", pages, 0)
    assert not hits, f"{profile}: the platform writes «Сотрудник» and «учитель»:\n" + "\n".join(hits[:10])


FIRST_MENTION_PAGES = ("faq/index.html", "glossary/index.html", "instructions/parent-join/index.html",
                       "instructions/student-join/index.html", "instructions/staff-join/index.html")


@pytest.mark.parametrize("profile", PROFILES)
def test_messenger_is_called_a_messenger_on_first_mention(sites, profile):
    name = KBS[profile].messenger.name.nom
    for page in FIRST_MENTION_PAGES:
        text = article(sites[profile].page(page))
        position = text.find(name)
        assert position >= 0, f"{profile}: {page} never names {name}"
        before = text[max(0, position - 40):position]
        assert re.search(r"мессенджер\w*\s+«?$", before), f"{profile}: {page} first says …{before}{name}"


# --- one owner per chat ----------------------------------------------------------------------

@pytest.mark.parametrize("profile", PROFILES)
def test_each_chat_has_one_owner_on_the_chats_page(sites, profile):
    html = sites[profile].page("chats/index.html")
    rows = re.findall(r"<tr>(.*?)</tr>", html, flags=re.S)[1:]
    assert len(rows) == len(KBS[profile].shown_chats())
    for chat, row in zip(KBS[profile].shown_chats(), rows):
        cells = re.findall(r"<td\b.*?</td>", row, flags=re.S)
        owners = len(re.findall(r"<a\b", cells[1]))
        if chat.creator_moderates:
            # Either of several may create it («Куратор или преподаватель»); whoever did keeps order.
            assert owners == len(chat.created_by) > 1 and visible_text(cells[1]).count(" или ") == owners - 1, chat.id
            assert visible_text(cells[4]).strip() == "Тот, кто создал чат", f"{profile}: {chat.id} has no keeper"
        else:
            assert owners == 1, f"{profile}: {visible_text(cells[0])} has not one owner"


def test_a_chat_with_two_owners_is_refused(tmp_path):
    project = copy_project(tmp_path / "project")
    chats = project / "data/chats.yml"
    text = chats.read_text(encoding="utf-8")
    chats.write_text(text.replace("created_by: [director]", "created_by: [director, deputy]", 1), encoding="utf-8")
    with pytest.raises(DataError, match="одна роль"):
        load_knowledge_base(project, "demo")


def test_a_chat_either_may_create_has_no_other_keeper(tmp_path):
    # creator_moderates: whoever creates the chat keeps order; naming a moderator as well is refused.
    project = copy_project(tmp_path / "project")
    chats = project / "data/chats.yml"
    text = chats.read_text(encoding="utf-8")
    assert "    creator_moderates: true\n" in text
    chats.write_text(text.replace("    creator_moderates: true\n",
                                  "    creator_moderates: true\n    moderated_by: [teacher]\n", 1), encoding="utf-8")
    with pytest.raises(DataError, match="тот, кто создал чат"):
        load_knowledge_base(project, "demo")


# The «other educational» chats: regulation 4.4.3 and 4.5.3 give them to the unit leader and to the
# teacher alike, so every page says that either creates them and whoever did keeps order.
OTHER_CHATS = {
    "roles/unit-leader/index.html": r"Создаёте вы или другой {teacher}\. Следит за порядком тот, кто создал чат\.",
    "roles/teacher/index.html": r"Создаёте вы или {unit_leader}\. Следит за порядком тот, кто создал чат\.",
    "instructions/create-unit-chat/index.html": r"Такой чат создаёт {unit_leader} или {teacher} — тот, кому он нужен\.",
    "faq/index.html": r"другие чаты для образовательных задач\. За порядком в чате следит тот, кто его создал\.",
}


@pytest.mark.parametrize("profile", PROFILES)
def test_other_educational_chats_are_created_by_either_and_kept_by_their_creator(sites, profile):
    terms = KBS[profile].context
    words = {"teacher": terms["teacher"].nom, "unit_leader": terms["unit_leader"].nom}
    for page, pattern in OTHER_CHATS.items():
        text = re.sub(r"\s+([.,])", r"\1", " ".join(article(sites[profile].page(page)).split()))
        assert re.search(pattern.format(**words), text), (profile, page, pattern.format(**words))
    chat = next(c for c in KBS[profile].shown_chats() if c.id == "other-educational")
    assert chat.creator_moderates and set(chat.created_by) == {"unit-leader", "teacher"}


@pytest.mark.parametrize("profile", PROFILES)
def test_every_unit_has_a_chat_of_its_teachers_said_the_same_way(sites, profile):
    # Regulation 4.4.3 gives the unit leader a chat with the unit's teachers; in a centre of additional
    # education only when the group has other teachers — the regulation, the guide and the table agree.
    kb = KBS[profile]
    chats = {c.id: c for c in kb.shown_chats()}
    regulation = " ".join(article(sites[profile].page("regulation/index.html")).split())
    if kb.profile.org_type == "additional":
        assert "unit-teachers-if-any" in chats and "unit-teachers" not in chats
        assert "при необходимости — чат с другими педагогами дополнительного образования" in regulation
        assert "Создают, если в группе занятия ведут несколько педагогов" in chats["unit-teachers-if-any"].purpose
    else:
        assert "unit-teachers" in chats and "unit-teachers-if-any" not in chats
        assert re.search(r"чат с (учителями|преподавателями), ведущими занятия в (классе|группе), и при "
                         r"необходимости иные чаты", regulation)


# --- contradictions resolved ----------------------------------------------------------------

@pytest.mark.parametrize("profile", PROFILES)
def test_outsiders_and_invite_links_are_described_the_same_way(sites, profile):
    pages = all_pages(sites[profile])
    hits = found(r"посторонн\w* не (?:могут|может) (?:вступить|войти)(?! без)|(?:может|могут) войти любой", pages)
    assert not hits, f"{profile}: outsiders and invite links disagree:\n" + "\n".join(hits[:10])
    for page in ("instructions/parent-join/index.html", "instructions/student-join/index.html",
                 "glossary/index.html", "faq/index.html"):
        text = pages[page].lower()
        assert "без ссылки" in text and "войдёт любой, у кого она есть" in text, (profile, page)


@pytest.mark.parametrize("profile", PROFILES)
def test_verification_is_what_the_profile_decides(sites, profile):
    required = KBS[profile].profile.options.verification_required
    for page in ("instructions/staff-join/index.html", "glossary/index.html", "faq/index.html"):
        # the instruction's own steps, before the regulation's clauses it quotes
        own_text = article(sites[profile].page(page)).split("Положение, п.")[0]
        says_required = bool(re.search(r"\bобязательно\b", own_text))
        says_optional = bool(re.search(r"если администратор платформы попросит|когда это нужно", own_text))
        assert says_required == required, (profile, page)
        assert says_optional == (not required), (profile, page)


# --- facts and time -------------------------------------------------------------------------

OUTDATED_OR_ONE_ORGANIZATIONS = {
    "the «Учителям» menu": r"«Учителям»",
    "prof-sferum.ru": r"prof-sferum",
    "unlimited call time": r"без ограничения по времени",
    "an undated VK era": r"До 2025 года",
    "the VK anonymity detail": r"деаноним|страницы ВКонтакте",
    "the 2023 subject line": r"СФЕРУМ: Регистрация организации",
    "several regulations": r"в Положениях|одно\w* из Положений|Положени\w* 2023 года",
    "an operator address": r"оператор\w*[^.]{0,40}(?:по адресу|адрес\w*\s+[^.]*@)",
    "ГИС ЭО as federal": r"федеральн\w+ [^.]{0,30}ГИС ЭО",
}
READER_PAGES = ("faq/index.html", "glossary/index.html", "chats/index.html", "resources/index.html")


def _data_texts(kb) -> list[str]:
    records = [*kb.shown_faq("parents"), *kb.shown_faq("students"), *kb.shown_faq("staff"),
               *kb.glossary, *kb.chats, *kb.platform.resources, *kb.procedures]
    texts = []

    def walk(value):
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for record in records:
        walk(record.model_dump(exclude={"sources"}))
    return texts


@pytest.mark.parametrize("profile", PROFILES)
def test_facts_of_another_time_or_organization_stay_out_of_the_readers_way(sites, profile):
    pages = {name: text for name, text in all_pages(sites[profile]).items() if name in READER_PAGES}
    data = {f"data text {i}": text for i, text in enumerate(_data_texts(KBS[profile]))}
    hits = [f"{what}: {hit}" for what, pattern in OUTDATED_OR_ONE_ORGANIZATIONS.items()
            for hit in found(pattern, {**pages, **data})]
    assert not hits, f"{profile}:\n" + "\n".join(hits[:15])


def _project_with_profile(tmp_path, name: str, change) -> object:
    project = copy_project(tmp_path / "project")
    profile = yaml.safe_load((project / "data/profiles/school.yml").read_text(encoding="utf-8"))
    change(profile)
    (project / f"data/profiles/{name}.yml").write_text(yaml.safe_dump(profile, allow_unicode=True), encoding="utf-8")
    return project


def test_a_vk_profile_keeps_vk_in_its_regulation_only(tmp_path):
    project = _project_with_profile(tmp_path, "vkorg", lambda p: p.update(messenger="vk"))
    site = tmp_path / "site"
    result = build("vkorg", site, project)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    read = lambda page: (site / page).read_text(encoding="utf-8")  # noqa: E731
    parent = article(read("instructions/parent-join/index.html"))
    steps = parent.split("Положение, п.")[0]
    assert "Установите мессенджер МАХ" in steps and "VK" not in steps
    for page in ("faq/index.html", "glossary/index.html"):
        assert "Установите мессенджер МАХ" in article(read(page)) or "мессенджер МАХ" in article(read(page))
        assert "установите VK" not in article(read(page)).lower()
    assert "VK-мессенджер" in article(read("regulation/index.html"))
    home = article(read("index.html"))
    assert "VK-мессенджер" in home and "2025" in home and "2023" in home


# --- what a parent needs --------------------------------------------------------------------

def test_a_real_organization_must_say_how_to_reach_its_administrator(tmp_path):
    project = _project_with_profile(tmp_path, "noadmin", lambda p: p.pop("administrator_contact"))
    with pytest.raises(DataError, match="administrator_contact"):
        load_knowledge_base(project, "noadmin")


@pytest.mark.parametrize("profile", PROFILES)
def test_parent_learns_the_administrator_contact_and_that_max_is_voluntary(sites, profile):
    kb = KBS[profile]
    pages = all_pages(sites[profile])
    assert kb.profile.administrator_contact in pages["instructions/parent-join/index.html"]
    assert kb.profile.administrator_contact in pages["faq/index.html"]
    faq = pages["faq/index.html"]
    assert f"Обязательно ли ставить мессенджер {kb.messenger.name.acc}?" in faq
    assert "по вашему желанию" in faq and "ноябре 2025 года" in faq
    for channel in kb.profile.alternative_channels:
        assert channel in faq, f"{profile}: the FAQ does not name {channel!r}"
    assert "магазина приложений" in pages["instructions/parent-join/index.html"]


@pytest.mark.parametrize("profile", PROFILES)
def test_who_handles_a_violation_is_said_the_same_way(sites, profile):
    # The clauses handle-violation cites make the director and deputy moderate their chats too; the page
    # invents no report to the administration and never sends the administrator to themselves.
    kb = KBS[profile]
    words = {"teacher": kb.context["teacher"].nom, "unit_leader": kb.context["unit_leader"].nom}
    page = " ".join(article(sites[profile].page("instructions/handle-violation/index.html")).split())
    assert ("Кто выполняет: {unit_leader} , {teacher} , директор , заместитель директора , администратор "
            "платформы".format(**words)) in page
    assert "Сообщите о нарушении" not in page and "в курсе" not in page
    assert "Если вы сами администратор или это сбой платформы" in page
    rules = " ".join(article(sites[profile].page("rules/index.html")).split())
    assert ("что делает тот, кто ведёт чат: {unit_leader}, {teacher}, директор, заместитель директора "
            "или администратор платформы".format(**words)) in rules
    invite = " ".join(article(sites[profile].page("instructions/invite-students-parents/index.html")).split())
    assert "Если вы {unit_leader}, отправьте родителям".format(**words) in invite
