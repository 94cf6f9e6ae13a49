"""How plain a built page reads: words per sentence and legal jargon, measured on the page's own text.

    .venv/bin/python scripts/readability.py site/demo              # parent and student guides
    .venv/bin/python scripts/readability.py site/demo roles/teacher checklists/parent
    .venv/bin/python scripts/readability.py --text site/demo roles/parent   # the text, one sentence a line

The text is the article only (no navigation, header or footer), without what is not prose: links to the
regulation's clauses (.kb-ref), heading anchors, the collapsed «Для редакторов» block. Every heading,
list item, table cell and paragraph ends a sentence, so a list of short steps counts as short sentences;
headings are not counted as sentences (their words are still searched for jargon).
"""

from __future__ import annotations

import re
import sys
from html.parser import HTMLParser
from pathlib import Path

# Words of the legal register that must not reach the parent's and the student's path (issue 9).
JARGON = {
    "ИКОП": r"\bИКОП\b",
    "участники образовательных отношений": r"\bучастник\w* образовательных отношений",
    "на безвозмездной основе": r"\bбезвозмездн",
    "структурный компонент": r"\bструктурн\w* компонент",
    "третьи лица": r"\bтреть\w* лиц",
    "пользовательская роль": r"\bпользовательск\w* рол",
    "верификация": r"\bверификац",
    "посредством": r"\bпосредством\b",
    "осуществлять": r"\bосуществл",
    "в соответствии с": r"\bв соответствии с",
    "невостребованные": r"\bневостребованн",
    "несанкционированный": r"\bнесанкционированн",
    "ЭИОС": r"\bЭИОС\b",
    "дистанционные образовательные технологии": r"\bдистанционн\w* образовательн\w* технолог",
    "локальные нормативные акты": r"\bлокальн\w* нормативн",
    "организационно-распорядительные": r"\bорганизационно-распорядительн",
    "деанонимизация": r"\bдеанонимиз",
}
GUIDES = ("roles/parent", "roles/student")

BLOCK = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "summary", "dt", "dd", "div", "ul", "ol",
         "table", "tr", "details", "label", "br"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
SKIP_CLASSES = {"headerlink", "kb-ref", "kb-editors"}
WORD = re.compile(r"[A-Za-zА-Яа-яЁё0-9]+(?:[-@.'][A-Za-zА-Яа-яЁё0-9]+)*")
SENTENCE_END = re.compile(r"(?<=[.!?…;])(?<!\bп\.)\s+(?=[«\"(]?[А-ЯЁA-Z0-9])")


class _Article(HTMLParser):
    """Collects the text blocks of <article>, skipping what is not prose."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.headings: list[str] = []
        self._current: list[str] = []
        self._heading = False
        self._in_article = 0
        self._skip: list[str] = []   # tags opened inside a skipped element
        self._stack: list[str] = []

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self._current)).strip()
        if text:
            (self.headings if self._heading else self.blocks).append(text)
        self._current = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = set((attrs.get("class") or "").split())
        if tag == "article":
            self._in_article += 1
        if not self._in_article:
            return
        if self._skip:
            if tag not in ("br", "input", "img", "hr", "meta", "link"):
                self._skip.append(tag)
            return
        if tag in ("script", "style") or classes & SKIP_CLASSES:
            self._skip.append(tag)
            return
        if tag in BLOCK:
            self._flush()
            self._heading = tag in HEADINGS

    def handle_endtag(self, tag):
        if not self._in_article:
            return
        if self._skip:
            self._skip.pop()
            return
        if tag in BLOCK:
            self._flush()
            self._heading = False
        if tag == "article":
            self._flush()
            self._in_article -= 1

    def handle_data(self, data):
        if self._in_article and not self._skip:
            self._current.append(data)


def _parse(html: str) -> _Article:
    parser = _Article()
    parser.feed(html)
    parser.close()
    return parser


def article_blocks(html: str) -> list[str]:
    """The article's paragraphs, list items and cells (headings are titles, not sentences)."""
    return _parse(html).blocks


def article_headings(html: str) -> list[str]:
    return _parse(html).headings


def sentences(blocks: list[str]) -> list[str]:
    result = []
    for block in blocks:
        result += [part.strip(" —–-") for part in SENTENCE_END.split(block)]
    return [s for s in result if WORD.search(s)]


def words(text: str) -> list[str]:
    return WORD.findall(text)


def jargon_in(text: str) -> dict[str, int]:
    found = {}
    for name, pattern in JARGON.items():
        count = len(re.findall(pattern, text, flags=re.I))
        if count:
            found[name] = count
    return found


def measure(html: str) -> dict:
    """Sentences, words per sentence, and the jargon found (with the share of words it takes)."""
    found = sentences(article_blocks(html))
    text = " ".join(found + article_headings(html))
    n_words = sum(len(words(s)) for s in found)
    jargon = jargon_in(text)
    jargon_words = sum(len(words(m.group(0))) for p in JARGON.values() for m in re.finditer(p, text, flags=re.I))
    return {
        "sentences": len(found),
        "words": n_words,
        "words_per_sentence": n_words / len(found) if found else 0.0,
        "jargon": jargon,
        "jargon_share": jargon_words / n_words if n_words else 0.0,
    }


def page_html(site: Path, page: str) -> str:
    return (site / page.strip("/") / "index.html").read_text(encoding="utf-8")


def main(argv: list[str]) -> int:
    show_text = "--text" in argv
    args = [a for a in argv if a != "--text"]
    if not args:
        print(__doc__)
        return 2
    site, pages = Path(args[0]), args[1:] or list(GUIDES)
    for page in pages:
        html = page_html(site, page)
        if show_text:
            print(f"== {page}")
            print("\n".join(f"# {h}" for h in article_headings(html)))
            print("\n".join(sentences(article_blocks(html))))
            continue
        m = measure(html)
        jargon = ", ".join(f"{k} ×{v}" for k, v in m["jargon"].items()) or "нет"
        print(f"{page}: {m['sentences']} предложений, {m['words_per_sentence']:.1f} слова на предложение, "
              f"юридические слова: {jargon} ({m['jargon_share']:.1%} слов)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
