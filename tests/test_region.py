"""A region of many organizations: make build-all publishes every profile, its offline ZIP and
an index of the organizations."""

from __future__ import annotations

import re
import zipfile

from macros.loader import load_knowledge_base
from scripts.build_all import organizations, write_index
from tests.conftest import PROFILES
from tests.support import ROOT


KBS_EXAMPLE = {p: load_knowledge_base(ROOT, p).profile.example for p in PROFILES}


def test_regional_index_lists_every_organization_with_its_type_and_link(tmp_path):
    for profile in PROFILES:
        (tmp_path / profile).mkdir()
    (tmp_path / "school" / "site-offline-school.zip").write_bytes(b"PK")
    html = write_index(organizations(PROFILES, tmp_path), tmp_path).read_text(encoding="utf-8")
    for profile in PROFILES:
        kb = load_knowledge_base(ROOT, profile)
        row = next(r for r in html.split("<tr>") if f'href="{profile}/"' in r)
        assert kb.profile.name.full in row
        assert kb.org_type_label in row
        has_zip = f'href="{profile}/site-offline-{profile}.zip"' in row
        assert has_zip == (profile == "school"), "only an existing ZIP is linked"
    assert "(демо-версия" in next(r for r in html.split("<tr>") if 'href="demo/"' in r)
    for profile in PROFILES:  # the example organizations are marked here, not in their names
        row = next(r for r in html.split("<tr>") if f'href="{profile}/"' in r)
        assert "(пример)" not in row
        assert ("(пример: название, контакты и адреса выдуманы)" in row) == KBS_EXAMPLE[profile], profile
    assert html.count("<tr>") == len(PROFILES) + 1


def test_published_site_links_to_its_offline_zip(region):
    home = (region / "demo" / "index.html").read_text(encoding="utf-8")
    link = re.search(r'<a href="(site-offline-demo\.zip)" download>', home)
    assert link, "the home page links to the offline edition"
    archive = region / "demo" / link.group(1)
    with zipfile.ZipFile(archive) as zipped:
        names = zipped.namelist()
    assert "sferum-demo/index.html" in names
    assert "sferum-demo/roles/parent.html" in names, "the offline edition has no directory URLs"
    assert any(name.startswith("sferum-demo/search/") and name.endswith(".js") for name in names), \
        "the search index is a script (file:// cannot fetch JSON)"
    assert 'href="demo/"' in (region / "index.html").read_text(encoding="utf-8")
