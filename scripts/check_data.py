"""Validate data/ for every profile (or the ones named) and say what was loaded.

    .venv/bin/python scripts/check_data.py            # all profiles
    .venv/bin/python scripts/check_data.py college    # one profile

Exit status 1 and a one-line message per failing profile on bad data.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.errors import DataError  # noqa: E402
from macros.loader import available_profiles, load_knowledge_base  # noqa: E402


def main(argv: list[str]) -> int:
    failed = 0
    for profile in argv or available_profiles(ROOT):
        try:
            kb = load_knowledge_base(ROOT, profile)
        except DataError as exc:
            print(f"{profile}: ОШИБКА {exc}")
            failed += 1
            continue
        print(f"{profile} ({kb.org_type_label}): ok — {len(kb.roles)} ролей, {len(kb.numbered)} пунктов Положения, "
              f"{len(kb.shown_procedures())} инструкций, {len(kb.shown_chats())} чатов, "
              f"{len(kb.glossary)} терминов, {len(kb.faq)} вопросов")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
