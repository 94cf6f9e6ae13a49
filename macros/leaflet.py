"""The parent leaflet: one A4 page for a parent meeting, with a QR code to the parent's guide.

The QR code is made here at build time (segno, inline SVG): the printed page needs no request
to any other origin, and the code only ever leads to this organization's published site.
"""

from __future__ import annotations

import segno

from . import paths
from .privacy import private_data_in

GUIDE_ROLE = "parent"
JOIN_PROCEDURE = "parent-join"
RULES_SECTION = "chat-rules"          # the regulation section whose rules the leaflet repeats
RULE_KINDS = ("obligation", "forbidden")


def guide_url(site_url: str) -> str:
    """The published address of the parent's guide (what the QR code encodes)."""
    page = paths.role_page(GUIDE_ROLE).removesuffix(".md") + "/"
    return site_url.rstrip("/") + "/" + page


def qr_svg(url: str) -> str:
    """The QR code of url as one line of inline SVG; refuses anything but a plain site address."""
    reason = private_data_in(url, set())
    if reason or not url.startswith(("https://", "http://")):
        raise ValueError(f"в QR-код листовки можно поместить только адрес сайта, а не {reason or url}")
    qr = segno.make(url, error="m", micro=False)
    svg = qr.svg_inline(scale=4, border=4, dark="#000", light="#fff", title="QR-код: " + url,
                        svgclass="kb-leaflet__qr-code", lineclass=None, omitsize=True)
    return svg.replace("<svg ", f'<svg role="img" aria-label="QR-код: {url}" ', 1)
