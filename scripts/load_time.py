"""How long reading data/ takes: parsing every YAML file (libyaml, once each), reading them as a
later build does (from macros/cache.py) and the whole load of each profile (read, privacy check,
placeholders, validation, cross-checks). Prints figures, never fails.

    .venv/bin/python scripts/load_time.py      (also printed by `make bench`)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.loader import available_profiles, load_knowledge_base  # noqa: E402
from macros.yamlfile import _parse, read_yaml  # noqa: E402


def best_of(function, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return min(times)


def report() -> None:
    files = sorted((ROOT / "data").rglob("*.yml"))
    texts = [(path.read_text(encoding="utf-8"), path.name) for path in files]
    parse = best_of(lambda: [_parse(text, name) for text, name in texts])
    cached = best_of(lambda: [read_yaml(path, path.name) for path in files])
    print(f"\ndata load: parse {len(files)} YAML files {parse * 1000:.0f} ms, read them from the cache "
          f"{cached * 1000:.0f} ms; whole load per profile:", end="")
    for profile in available_profiles(ROOT):
        print(f" {profile} {best_of(lambda p=profile: load_knowledge_base(ROOT, p)) * 1000:.0f} ms", end="")
    print()


if __name__ == "__main__":
    report()
