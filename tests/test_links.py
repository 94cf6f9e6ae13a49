"""Every internal link and #anchor of every profile resolves (linkchecker over HTTP on 127.0.0.1)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from scripts.check_links import check_site
from tests.conftest import PROFILES

pytestmark = pytest.mark.links


@pytest.fixture(scope="module")
def reports(sites):
    """linkchecker is CPU-bound (it parses every page for anchors): two profiles at a time."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {profile: pool.submit(check_site, sites[profile].path) for profile in PROFILES}
        return {profile: future.result() for profile, future in futures.items()}


@pytest.mark.parametrize("profile", PROFILES)
def test_no_broken_links_or_anchors(reports, profile):
    checked, problems = reports[profile]
    assert checked > 200, f"linkchecker saw only {checked} URLs: is the site served?"
    assert not problems, "\n".join(map(str, problems))


def test_the_link_check_finds_a_missing_anchor(sites, tmp_path):
    """The check itself must fail on a broken anchor, not only pass on a good site."""
    import shutil

    site = tmp_path / "site"
    shutil.copytree(sites["demo"].path, site)
    index = site / "index.html"
    html = index.read_text(encoding="utf-8")
    index.write_text(html.replace("</article>", '<a href="regulation/#no-such-anchor">x</a>'
                                  '<a href="no-such-page/">y</a></article>', 1), encoding="utf-8")
    _, problems = check_site(site)
    reasons = "\n".join(map(str, problems))
    assert "no-such-anchor" in reasons
    assert "no-such-page" in reasons
