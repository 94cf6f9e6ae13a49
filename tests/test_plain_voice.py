"""Two voices, one record: guides and checklists speak plainly to their reader, the regulation keeps the law's
words, and nothing on a guide is there for editors (issue 9: items 1, 4, 7, 8)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from macros.components import Components
from macros.loader import load_knowledge_base
from macros.models import Verification
from scripts.readability import JARGON, article_blocks, article_headings, measure, sentences
from tests.conftest import PROFILES
from tests.support import ROOT
from tests.test_models import edit, error_of, project  # noqa: F401  (the fixture)

KBS = {profile: load_knowledge_base(ROOT, profile) for profile in PROFILES}
READER_KINDS = ("duty", "right", "forbidden")
PLAIN_GUIDES = ("parent", "student")
MAX_WORDS_PER_SENTENCE = 10


def page_text(site, page: str) -> str:
    """Everything a reader sees in the article: headings, then the sentences."""
    html = site.page(page)
    return " ".join(article_headings(html) + sentences(article_blocks(html)))


def plain_text(markdown: str) -> str:
    """A clause's text as it reads on a page: without Markdown links and emphasis."""
    return re.sub(r"\s+", " ", re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", markdown).replace("**", "")).strip()


# --- the record holds both wordings -------------------------------------------------------

@pytest.mark.parametrize("profile", PROFILES)
def test_every_clause_a_guide_shows_has_both_wordings(profile):
    kb = KBS[profile]
    for role in kb.roles:
        for item in kb.clauses_for(role.id, *READER_KINDS):
            assert item.clause.text and item.clause.plain, f"{profile}: {item.clause.id}"
            assert item.clause.plain != item.clause.text, f"{item.clause.id}: the plain wording copies the law"


@pytest.mark.parametrize("profile", PROFILES)
def test_plain_wordings_are_short_and_free_of_jargon(profile):
    items = KBS[profile].clauses_of_kind(*READER_KINDS, "obligation", "allowed")  # the rules page shows these
    assert len(items) > 60
    for item in items:
        plain = item.clause.plain
        assert plain, f"{item.clause.id} has no plain wording"
        assert len(plain.split()) <= 16, f"{item.clause.id}: {len(plain.split())} words: {plain}"
        hits = [name for name, pattern in JARGON.items() if re.search(pattern, plain, flags=re.I)]
        assert not hits, f"{item.clause.id}: {hits}"


def test_a_duty_without_a_plain_wording_stops_the_load(project):  # noqa: F811
    def drop_plain(data):
        for section in data["regulation"]["sections"]:
            for clause in section["clauses"]:
                for item in clause.get("items", []):
                    if item["id"] == "parent-joins":
                        del item["plain"]
    edit(project, "data/regulation.yml", drop_plain)
    message = error_of(project)
    assert message.startswith("data/regulation.yml:")
    assert "parent-joins" in message and "plain" in message


# --- the guides read plainly -----------------------------------------------------------------

@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("role", PLAIN_GUIDES)
def test_parent_and_student_guides_use_short_sentences_and_no_jargon(sites, profile, role):
    result = measure(sites[profile].page(f"roles/{role}/index.html"))
    assert result["sentences"] > 30, result
    assert result["words_per_sentence"] <= MAX_WORDS_PER_SENTENCE, result
    assert not result["jargon"], f"{profile} roles/{role}: {result['jargon']}"


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("role", PLAIN_GUIDES)
def test_checklists_of_parent_and_student_read_plainly(sites, profile, role):
    result = measure(sites[profile].page(f"checklists/{role}/index.html"))
    assert result["words_per_sentence"] <= MAX_WORDS_PER_SENTENCE, result
    assert not result["jargon"], f"{profile} checklists/{role}: {result['jargon']}"


@pytest.mark.parametrize("profile", PROFILES)
def test_rules_page_gives_every_reader_the_plain_wording(sites, profile):
    html = sites[profile].page("rules/index.html")
    assert not measure(html)["jargon"], measure(html)["jargon"]
    for item in KBS[profile].clauses_of_kind("forbidden", "obligation", "allowed"):
        assert item.clause.plain[:40] in html.replace("&laquo;", "«").replace("&raquo;", "»"), item.clause.id
        assert f'regulation/#{item.clause.id}"' in html


def test_the_measure_catches_legal_prose():
    html = ("<article><p>Родители (законные представители) присоединяются к чату посредством "
            "ссылки-приглашения, предоставляемой на безвозмездной основе участникам образовательных "
            "отношений в соответствии с локальными нормативными актами организации.</p></article>")
    result = measure(html)
    assert result["words_per_sentence"] > MAX_WORDS_PER_SENTENCE
    assert {"посредством", "на безвозмездной основе", "участники образовательных отношений",
            "в соответствии с", "локальные нормативные акты"} <= set(result["jargon"])
    assert measure("<article><p>Вступите в чат. Прочитайте правила.</p></article>")["words_per_sentence"] == 2.5


@pytest.mark.parametrize("profile", PROFILES)
def test_guides_link_to_the_clause_instead_of_pasting_it(sites, profile):
    kb = KBS[profile]
    for role in kb.roles:
        html = sites[profile].page(f"roles/{role.id}/index.html")
        text = page_text(sites[profile], f"roles/{role.id}/index.html")
        for item in kb.clauses_for(role.id, *READER_KINDS):
            assert plain_text(item.clause.text)[:60] not in text, f"{profile} {role.id}: {item.clause.id} pasted"
            assert f'regulation/#{item.clause.id}"' in html, f"{profile} {role.id}: no link to {item.clause.id}"
        assert "ак это записано в Положении, п." in html


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("role", PLAIN_GUIDES)
def test_first_screen_says_what_to_do_first(sites, profile, role):
    html = sites[profile].page(f"roles/{role}/index.html")
    headings = re.findall(r'<h2 id="([^"]+)"', html)
    assert headings[0] == "start", headings
    start = html[html.index('id="start"'):html.index("</ol>", html.index('id="start"'))]
    assert len(re.findall(r"<li>", start)) >= 3
    assert "магазина приложений телефона" in start
    assert KBS[profile].terms.unit_leader.nom in start


# --- item 8: what a parent needs -----------------------------------------------------------

@pytest.mark.parametrize("profile", PROFILES)
def test_parent_guide_answers_whether_the_messenger_is_required(sites, profile):
    kb = KBS[profile]
    text = page_text(sites[profile], "roles/parent/index.html")
    assert f"Обязательно ли ставить {kb.messenger.name.nom}?" in text
    assert "Нет, это ваш выбор." in text
    assert "по желанию" in text
    for channel in kb.profile.alternative_channels:
        assert channel[:1].upper() + channel[1:] in text, f"{profile}: {channel}"
    for pressure in ("обязаны", "должны", "необходимо установить"):
        assert pressure not in text.lower(), pressure


@pytest.mark.parametrize("profile", PROFILES)
def test_parent_guide_says_who_the_administrator_is_and_how_to_reach_them(sites, profile):
    kb = KBS[profile]
    text = page_text(sites[profile], "roles/parent/index.html")
    named = kb.context["admin_position_named"]
    if named:
        assert f"Администратор платформы в {kb.terms.org.prep} — {named}." in text
    else:  # «работник техникума» tells a parent nothing: the guide says who appoints and where to go
        assert f"Администратора платформы в {kb.terms.org.prep} назначает директор." in text
        assert kb.profile.administrator_position not in text
    assert kb.profile.administrator_contact and kb.profile.administrator_contact in text


def test_the_college_names_no_empty_position_on_reader_pages(sites):
    for page in ("roles/parent/index.html", "support/index.html", "leaflet/index.html", "faq/index.html"):
        text = page_text(sites["college"], page)
        assert "работник техникума)" not in text and "Это работник техникума" not in text, page
        assert "учебная часть техникума" in text, page


# --- item 4: two procedures, checklists of tasks ----------------------------------------------

def test_leaving_a_chat_and_deleting_the_account_are_two_procedures(sites):
    site = sites["demo"]
    leave = site.page("instructions/leave-chat/index.html")
    steps = leave[leave.index('<ol class="kb-steps'):leave.index("</ol>", leave.index('<ol class="kb-steps'))]
    assert "удал" not in steps.lower(), "following the steps to leave a chat must never delete anything"
    html = site.page("instructions/delete-account/index.html")
    warning, first_step = html.index("Прочитайте до начала"), html.index('class="kb-step"')
    assert warning < first_step, "the warning must come before the steps"
    assert "instructions/leave-chat/" in html[warning:first_step] or "../leave-chat/" in html[warning:first_step]
    assert KBS["demo"].platform.support_email in html
    assert not (site.path / "instructions/leave-chat-delete-account").exists()


def checklist_labels(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", label) for label in re.findall(r"<label for=[^>]+>(.*?)</label>", html, flags=re.S)]


@pytest.mark.parametrize("profile", PROFILES)
def test_checklists_hold_only_things_a_person_does(sites, profile):
    kb = KBS[profile]
    situational = [p for p in kb.shown_procedures() if not p.task]
    assert {"leave-chat", "delete-account", "report-unauthorized-access"} <= {p.id for p in situational}
    pages = [f"checklists/{role.id}/index.html" for role in kb.roles] + ["checklists/launch/index.html"]
    for page in pages:
        html = sites[profile].page(page)
        labels = checklist_labels(html)
        assert labels, page
        for label in labels:
            assert not any(p.title in label for p in situational), f"{profile} {page}: «{label}» is not a task"
            assert not label.startswith("Как "), f"{profile} {page}: «{label}» names a how-to, not an action"
    parent = sites[profile].page("checklists/parent/index.html")
    tail = parent[parent.index("Если понадобится"):]
    for procedure_id in ("leave-chat", "delete-account", "report-unauthorized-access"):
        assert f"instructions/{procedure_id}/" in tail, f"{profile}: {procedure_id} not offered beside the list"


def test_a_situational_procedure_in_the_launch_checklist_stops_the_load(project):  # noqa: F811
    edit(project, "data/checklists.yml", lambda d: d["launch"]["items"].append({"procedure": "delete-account"}))
    message = error_of(project)
    assert message.startswith("data/checklists.yml:") and "task: false" in message


# --- item 7: nothing for editors in the reader's way -------------------------------------------

@pytest.mark.parametrize("profile", PROFILES)
def test_instructions_show_no_sources_or_unchecked_dates(sites, profile):
    for procedure in KBS[profile].shown_procedures():
        html = sites[profile].page(f"instructions/{procedure.id}/index.html")
        text = page_text(sites[profile], f"instructions/{procedure.id}/index.html")
        assert "Источники" not in text and "для редакторов" not in text.lower(), procedure.id
        # (the «edit» button links the data file on purpose: that is for editors, not text a reader reads)
        assert "kb-editors" not in html and "data/procedures/" not in text, procedure.id
        assert "verified_in_app" not in html and procedure.sources[0] not in text, procedure.id
        readers_with_an_administrator = {"parent", "student", "teacher", "unit-leader"} & set(procedure.roles)
        tell = ("сообщите администратору платформы" if readers_with_an_administrator
                else "сверьтесь с инструкциями на сайте Сферума")  # never send the administrator to themselves
        if readers_with_an_administrator and "admin" in procedure.roles:
            tell += " (если вы сами администратор, сверьтесь с инструкциями на сайте Сферума)"
        assert ("Шаги этой инструкции ещё не проверены в приложении. Если на экране всё выглядит иначе, "
                f"{tell}.") in text, procedure.id


def test_a_date_set_after_checking_in_the_app_is_shown():
    kb = load_knowledge_base(ROOT, "demo")
    index = next(i for i, p in enumerate(kb.procedures) if p.id == "parent-join")
    procedures = list(kb.procedures)
    procedures[index] = procedures[index].model_copy(update={
        "verified_in_app": Verification(date=dt.date(2026, 12, 1), by_position="администратор платформы")})
    kb = dataclasses.replace(kb, procedures=procedures)  # the procedure index is built once, on creation
    markdown = Components(kb, current_page=lambda: "instructions/parent-join.md").procedure("parent-join")
    assert "Шаги проверены в приложении 01.12.2026, проверял администратор платформы." in markdown
    assert "ещё не проверены" not in markdown


def test_verified_in_app_needs_a_date_and_a_position(project):  # noqa: F811
    edit(project, "data/procedures/parent-join.yml", lambda d: d.update(verified_in_app={"date": "2026-12-01"}))
    assert "verified_in_app › by_position: обязательное поле не заполнено" in error_of(project)
