"""The search engine (docs/assets/javascripts/search/engine.js) on a tiny index, run in Node.

The browser test runs the real site through Material's search box; this one pins the query pipeline
itself: stemming, «ё», stop words, synonyms, the ЙЦУКЕН layout, one typo, titles above long bodies.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from tests.support import ROOT

SEARCH = ROOT / "docs/assets/javascripts/search"
RUNNER = """
const fs = require("fs"), vm = require("vm");
const [dir, input] = process.argv.slice(2);
const {index, queries} = JSON.parse(fs.readFileSync(input, "utf8"));
const context = {URL, console};
context.self = context;
context.lunr = {version: "2.3.9", Pipeline: {registerFunction() {}},
                trimmerSupport: {generateTrimmer: () => t => t}, generateStopWordFilter: () => t => t};
vm.createContext(context);
for (const file of ["vendor/lunr.stemmer.support.min.js", "vendor/lunr.ru.min.js", "engine.js"])
  vm.runInContext(fs.readFileSync(dir + "/" + file, "utf8"), context);
const engine = new context.KbSearch.Engine(index, context.lunr.ru.stemmer);
console.log(JSON.stringify(queries.map(q => engine.search(q))));
"""
LONG = "<p>" + " ".join(["Вступите в чат и отметьте пункт."] * 60) + " Служба поддержки.</p>"
INDEX = {
    "docs": [
        ["support/", "Поддержка и контакты", "<p>Куда писать, если не получается.</p>"],
        ["checklist/", "Чек-лист: родитель", LONG],
        ["join/", "Как вступить в чат класса", "<p>Откройте ссылку-приглашение.</p>"],
        ["glossary/", "Словарь", "<p>Слова.</p>", [], 0.5],
        ["glossary/#max", "Мессенджер «МАХ»", "<p>Национальный мессенджер.</p>", [], 0.5],
        ["tree/", "Ребёнок и ёлка", "<p>Праздник.</p>", ["новогодний праздник"]],
    ],
    "synonyms": [["МАХ", "MAX", "Макс"], ["вступить", "зайти"]],
}


@pytest.fixture(scope="module")
def search(tmp_path_factory):
    node = shutil.which("node")
    if not node:
        pytest.fail("Node.js is needed for this test (README: «Нужны … Node.js»)")
    runner = tmp_path_factory.mktemp("engine") / "runner.cjs"
    runner.write_text(RUNNER, encoding="utf-8")

    def run(*queries: str) -> list[list[str]]:
        data = runner.with_name("input.json")
        data.write_text(json.dumps({"index": INDEX, "queries": queries}, ensure_ascii=False), encoding="utf-8")
        out = subprocess.run([node, str(runner), str(SEARCH), str(data)], capture_output=True, text=True, check=True)
        return json.loads(out.stdout)

    return run


def pages(result) -> list[str]:
    return [group[0]["location"].split("#")[0] for group in result["items"]]


def test_word_forms_and_titles_above_long_pages(search):
    (result,) = search("поддержки")
    assert pages(result)[0] == "support/"
    assert "<mark data-md-highlight>Поддержка</mark>" in result["items"][0][0]["title"]


def test_synonyms_and_both_spellings_of_the_messenger(search):
    results = search("макс", "max", "МАХ", "зайти в чат")
    assert [pages(r)[0] for r in results] == ["glossary/", "glossary/", "glossary/", "join/"]


def test_yo_stop_words_layout_and_typos(search):
    yo, stop_only, layout, typo, alias = search("ребенок", "ли", "gjllth;rf", "подержка", "новогодний")
    assert pages(yo) == ["tree/"]
    assert "checklist/" not in pages(stop_only), "«ли» must not match «лист»"
    assert pages(layout)[0] == "support/"
    assert pages(typo)[0] == "support/"
    assert pages(alias) == ["tree/"]


def test_page_heads_its_sections_and_empty_query(search):
    hit, nothing = search("национальный", "   ")
    assert [doc["location"] for doc in hit["items"][0]] == ["glossary/#max", "glossary/"]
    assert nothing == {"items": [], "suggest": []}
