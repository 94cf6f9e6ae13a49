"""Which pages of one profile a pull request changes: a Markdown summary for GitHub Actions.

    .venv/bin/python scripts/site_diff.py BASE_SITE NEW_SITE PROFILE [PREVIEW_URL]

Both sites are built from the same profile (BASE_SITE from the base branch). Pages are compared
byte for byte (builds are reproducible); the sitemap and the search index follow the pages and
are not listed.
"""

from __future__ import annotations

import sys
from pathlib import Path

IGNORED = {"sitemap.xml", "sitemap.xml.gz", "search/search_index.json"}


def files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes()
            for path in sorted(site.rglob("*")) if path.is_file()}


def page_address(relative: str) -> str:
    return "/" + relative.removesuffix("index.html")


def summary(base: Path, new: Path, profile: str, preview_url: str = "") -> str:
    lines = [f"### Профиль `{profile}`", ""]
    if not base.is_dir():
        lines.append("Сравнить с основной веткой не удалось: её сборка не получилась или это не pull request.")
    else:
        old, now = files(base), files(new)
        changed = sorted(name for name in now.keys() | old.keys()
                         if name not in IGNORED and old.get(name) != now.get(name))
        pages = [name for name in changed if name.endswith(".html")]
        if not changed:
            lines.append("Сайт этого профиля **не изменился**.")
        else:
            lines.append(f"Сайт **изменился**: страниц — {len(pages)}, всего файлов — {len(changed)}.")
            lines += [""] + [f"- `{page_address(name)}`" + (" (новая)" if name not in old else
                                                           " (удалена)" if name not in now else "")
                             for name in pages[:30]]
            if len(pages) > 30:
                lines.append(f"- … и ещё {len(pages) - 30}")
    if preview_url:
        lines += ["", f"Предпросмотр: [скачать сайт `{profile}`]({preview_url}) — распакуйте архив "
                      "и откройте `index.html` или запустите `python3 -m http.server` в папке."]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    args = sys.argv[1:]
    print(summary(Path(args[0]), Path(args[1]), args[2], args[3] if len(args) > 3 else ""))
