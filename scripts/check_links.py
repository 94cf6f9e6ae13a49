"""Check the links of a built site with linkchecker, served over HTTP on 127.0.0.1.

    .venv/bin/python scripts/check_links.py site              # internal links and #anchors
    .venv/bin/python scripts/check_links.py site --external   # also links that leave the site

linkchecker reports a missing #anchor only as a warning and exits 0, and cannot check
'dir/#anchor' on local files; so the site is served over HTTP and every error and every
anchor warning counts as a problem. Exit status 1 when there is any.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support import serve  # noqa: E402

CONFIG = """\
[checking]
threads=4
maxrequestspersecond=1000
[filtering]
checkextern={external}
[AnchorCheck]
"""


@dataclass
class Problem:
    url: str
    parent: str
    reason: str

    def __str__(self) -> str:
        return f"{self.url} (на странице {self.parent}): {self.reason}"


def check_site(site: Path, external: bool = False) -> tuple[int, list[Problem]]:
    """Returns (number of URLs checked, problems)."""
    with serve(site) as base, tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "linkcheckerrc"
        config.write_text(CONFIG.format(external=int(external)), encoding="utf-8")
        command = [str(Path(sys.executable).parent / "linkchecker"), "--config", str(config),
                   "--no-status", "--verbose", "--output", "csv", base]
        result = subprocess.run(command, capture_output=True, text=True, cwd=tmp)
    rows = [line for line in result.stdout.splitlines() if line and not line.startswith("#")]
    records = list(csv.DictReader(io.StringIO("\n".join(rows)), delimiter=";"))
    if not records:
        raise RuntimeError(f"linkchecker checked nothing:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    problems = []
    for record in records:
        if record["valid"] != "True":
            problems.append(Problem(record["url"], record["parentname"], record["result"]))
        elif "Anchor" in (record["warningstring"] or ""):
            problems.append(Problem(record["url"], record["parentname"], record["warningstring"].split(".")[0]))
    return len(records), problems


def main(argv: list[str]) -> int:
    if not argv or argv[0].startswith("-"):
        print(__doc__)
        return 2
    checked, problems = check_site(Path(argv[0]), external="--external" in argv)
    for problem in problems:
        print(problem)
    print(f"{checked} ссылок проверено, проблем: {len(problems)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
