"""Paper: the parent leaflet prints on one A4 page with a QR code that leads to the parent's
guide; role guides, checklists and instructions print without the site's chrome."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
import yaml

from tests.conftest import PROFILES
from tests.support import ROOT, serve

# Words of the site's chrome that must never reach paper (navigation sections, search, footer).
CHROME = ["Памятки участникам", "Положение и правила", "Поиск", "· Сферум в", "Назад", "Вперед"]


def pdf_of(page, url: str) -> bytes:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page.pdf(format="A4", print_background=True)


def pages_and_text(pdf: bytes) -> tuple[int, str]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), "\n".join(p.extract_text() for p in reader.pages)


def qr_codes_on_first_page(pdf: bytes) -> list[str]:
    """Render the printed page to an image as paper would show it, and read every QR code on it."""
    import zxingcpp
    from PIL import Image

    pdftoppm = shutil.which("pdftoppm")
    if not pdftoppm:
        message = "pdftoppm is missing: install the Debian package poppler-utils (.ci/run does)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "page.pdf"
        source.write_bytes(pdf)
        subprocess.run([pdftoppm, "-r", "100", "-png", "-singlefile", "-f", "1", "-l", "1", str(source),
                        str(Path(tmp) / "page")], check=True)
        image = Image.open(Path(tmp) / "page.png")
        return [code.text for code in zxingcpp.read_barcodes(image) if code.format == zxingcpp.BarcodeFormat.QRCode]


@pytest.mark.parametrize("profile", PROFILES)
def test_leaflet_is_one_a4_page_and_its_qr_code_opens_the_parent_guide(page, sites, profile):
    site_url = yaml.safe_load((ROOT / f"data/profiles/{profile}.yml").read_text(encoding="utf-8"))["site_url"]
    with serve(sites[profile].path) as base:
        pdf = pdf_of(page, base + "leaflet/")
    count, text = pages_and_text(pdf)
    assert count == 1, f"{profile}: the leaflet prints on {count} pages"
    assert qr_codes_on_first_page(pdf) == [site_url.rstrip("/") + "/roles/parent/"]
    assert "Как вступить в чат" in text and "Кто поможет" in text
    assert "Листовка для родителей" not in text, "the page title is for the screen only"
    for word in CHROME:
        assert word not in text, f"{profile}: «{word}» of the site's chrome is on the leaflet"


def test_leaflet_shows_the_join_steps_rules_and_contacts_from_data(sites):
    from macros.loader import load_knowledge_base

    kb = load_knowledge_base(ROOT, "college")
    html = sites["college"].page("leaflet/index.html")
    for step in kb.procedure("parent-join").steps:
        assert step.text in html
    assert kb.profile.administrator_contact in html
    assert kb.platform.support_email in html
    assert "join" not in html.split('class="kb-leaflet__qr"')[1].split("</div>")[0]


@pytest.mark.parametrize("path", ["roles/parent/", "checklists/launch/", "instructions/parent-join/"])
def test_pages_print_without_the_site_chrome(page, demo_url, path):
    count, text = pages_and_text(pdf_of(page, demo_url + path))
    assert count >= 1
    for word in CHROME:
        assert word not in text, f"{path}: «{word}» of the site's chrome is printed"
    assert "Демо-версия" not in text


def test_external_links_print_their_address_once(page, demo_url):
    _, text = pages_and_text(pdf_of(page, demo_url + "resources/"))
    flat = text.replace("\n", "")
    # «Сайт Сферума» links to https://sferum.ru/: paper shows the address in brackets.
    assert "Сайт Сферума (https://sferum.ru/)" in flat
    _, text = pages_and_text(pdf_of(page, demo_url + "instructions/parent-join/"))
    flat = text.replace("\n", "")
    # A link whose text already is the address is not followed by it again.
    assert "sferum.ru/?p=parents_students" in flat
    assert "(https://sferum.ru/?p=parents_students)" not in flat
    # Links inside the site print as plain text: their address means nothing on paper.
    assert "(../" not in flat and "(http://127.0.0.1" not in flat


def test_collapsed_help_is_printed_open(page, demo_url):
    _, text = pages_and_text(pdf_of(page, demo_url + "instructions/parent-join/"))
    # The text inside «Не получается?» (a collapsed block on screen) is on paper.
    assert "Попросите классного руководителя прислать новую ссылку" in text.replace("\n", " ")
