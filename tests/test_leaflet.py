"""The parent leaflet's QR code leads only to the organization's own site, never to an invite link."""

from __future__ import annotations

import re

import pytest

from macros.leaflet import guide_url, qr_svg
from macros.loader import load_knowledge_base
from tests.conftest import PROFILES
from tests.support import ROOT


@pytest.mark.parametrize("site_url", ["https://example.org/sferum-school/", "https://example.org/sferum-school"])
def test_the_code_leads_to_the_parent_guide(site_url):
    assert guide_url(site_url) == "https://example.org/sferum-school/roles/parent/"


@pytest.mark.parametrize("url", ["https://max.ru/join/AbCdEf", "https://vk.me/join/AbCdEf",
                                 "https://example.org/invite/123", "javascript:alert(1)", "example.org/sferum/"])
def test_the_code_refuses_anything_but_a_site_address(url):
    with pytest.raises(ValueError, match="только адрес сайта"):
        qr_svg(url)


@pytest.mark.parametrize("profile", PROFILES)
def test_every_profile_has_a_leaflet_with_an_inline_code(sites, profile):
    kb = load_knowledge_base(ROOT, profile)
    html = sites[profile].page("leaflet/index.html")
    leaflet = html[html.index('class="kb-leaflet"'):]
    svg = re.search(r"<svg [^>]*aria-label=\"QR-код: ([^\"]+)\"", leaflet)
    assert svg and svg.group(1) == guide_url(kb.profile.site_url)
    assert "<img" not in leaflet.split("</svg>")[0], "the code is inline SVG, not an image from anywhere"
    assert kb.context["admin_contact"] in leaflet


@pytest.mark.parametrize("profile", PROFILES)
def test_the_leaflet_gives_the_rules_in_plain_words(sites, profile):
    html = sites[profile].page("leaflet/index.html")
    rules = html[html.index("Правила чата"):html.index("Кто поможет")]
    items = re.findall(r'<ul class="kb-leaflet__rules">(.*?)</ul>', rules, flags=re.S)
    assert items, "the leaflet lists the chat rules"
    for legal in ("участников образовательных отношений", "законодательством Российской Федерации",
                  "ненормированную лексику", "сетевой этикет"):
        assert legal not in rules, f"{profile}: the leaflet copies the legal wording «{legal}»"
    assert "Пишите вежливо" in rules
