"""A mistake in a page fails the build with one Russian line; the preview shows it and keeps running."""

from __future__ import annotations

import http.client
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from tests.support import VENV_BIN, build, build_env, build_with_home_page, copy_project

HOME = "---\nhide:\n  - toc\n---\n\n# Главная\n\n"


def errors_of(output: str) -> list[str]:
    return [line.split("-", 1)[1].strip() for line in output.splitlines() if line.startswith("ERROR")]


@pytest.mark.parametrize("body, expected", [
    ("Чат {{ unti.gen }}.\n", "docs/index.md:8: неизвестная подстановка «unti» — может быть, «unit»?"),
    ("Текст.\n\nЧат {{ unit.gem }}.\n", "docs/index.md:10: неизвестная часть подстановки «gem» — может быть, «gen»?"),
    ("{{ procedur('parent-join') }}\n", "docs/index.md:8: неизвестная подстановка «procedur» — может быть, «procedure»?"),
    ("{{ unit_leader.nom | capp }}\n", "docs/index.md:8: неизвестный фильтр «capp» — может быть, «cap»?"),
    ("Раз.\n\n{% iff verification_required %}да{% endif %}\n",
     "docs/index.md:10: неизвестная команда {% iff %} — может быть, «if»?"),
    ("{% if verification_required %}\nда\n\nТекст.\n", "docs/index.md:8: команда {% if %} не закрыта: добавьте {% endif %}"),
    ("Чат {{ unit.gen }\n", "docs/index.md:8: ошибка в записи {{ … }} или {% … %}: проверьте скобки, кавычки и запятые"),
    ("{{ procedure('no-such-procedure') }}\n", "docs/index.md:8: инструкция «no-such-procedure» не существует или не действует в профиле «demo»"),
])
def test_a_page_mistake_is_one_russian_line(tmp_path, body, expected):
    result, output = build_with_home_page(tmp_path, HOME + body)
    assert result.returncode != 0
    assert errors_of(output) == [expected], output
    assert "Traceback" not in output and "WARNING" not in output


def test_names_phones_and_links_typed_in_a_page_are_all_reported(tmp_path):
    body = ("Директор — Петров Сергей Николаевич.\n\nЗвоните: +7 (912) 345-67-89.\n\n"
            "Вступайте: https://max.ru/join/AbCdEf\n")
    result, output = build_with_home_page(tmp_path, HOME + body)
    assert result.returncode != 0
    assert errors_of(output) == [
        "docs/index.md:8: нельзя публиковать имя человека «Петров Сергей Николаевич»; пишите должность, а не имя",
        "docs/index.md:10: нельзя публиковать номер телефона «+7 (912) 345-67-89»",
        "docs/index.md:12: нельзя публиковать ссылку-приглашение «https://max.ru/join/AbCdEf»",
    ]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except (OSError, http.client.HTTPException):  # not up yet, or busy rebuilding
        return ""


def wait_for(url: str, condition, timeout: float = 300) -> str:
    deadline = time.monotonic() + timeout
    text = ""
    while time.monotonic() < deadline:
        text = fetch(url)
        if text and condition(text):
            return text
        time.sleep(1)
    raise AssertionError(f"{url} never satisfied the condition; last page:\n{text[:2000]}")


def serve_command(project: Path, port: int) -> list[str]:
    # The same command as `make serve` (Makefile): the preview does not stop on a logged error.
    return [str(VENV_BIN / "mkdocs"), "serve", "--no-strict", "-f", str(project / "mkdocs.yml"),
            "--dev-addr", f"127.0.0.1:{port}"]


def test_make_serve_uses_the_same_command():
    makefile = (Path(__file__).resolve().parent.parent / "Makefile").read_text(encoding="utf-8")
    assert "$(BIN)/mkdocs serve --no-strict" in makefile


@pytest.fixture
def preview(tmp_path):
    project = copy_project(tmp_path / "project")
    port = free_port()
    log = (tmp_path / "serve.log").open("w+", encoding="utf-8")
    process = subprocess.Popen(serve_command(project, port), cwd=project, env=build_env(None),
                               stdout=log, stderr=subprocess.STDOUT, text=True)
    try:
        yield project, f"http://127.0.0.1:{port}/", process, tmp_path / "serve.log"
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def first_line_with(text: str, needle: str) -> int:
    """The 1-based line of the first occurrence (front matter counts: editors see the whole file)."""
    return next(number for number, line in enumerate(text.splitlines(), 1) if needle in line)


def test_the_preview_shows_a_page_error_and_recovers(preview):
    project, base, process, log = preview
    url = base + "rules/"
    wait_for(url, lambda html: "Правила общения" in html, timeout=600)
    page = project / "docs/rules.md"
    good = page.read_text(encoding="utf-8")
    line = first_line_with(good, "{{ org.gen }}")
    page.write_text(good.replace("{{ org.gen }}", "{{ unti.gen }}", 1), encoding="utf-8")
    broken = wait_for(url, lambda html: "Страница не собрана" in html)
    assert f"docs/rules.md:{line}: неизвестная подстановка «unti» — может быть, «unit»?" in broken
    assert process.poll() is None, "the preview stopped on a typo"
    assert f"docs/rules.md:{line}: неизвестная подстановка «unti»" in log.read_text(encoding="utf-8")

    page.write_text(good, encoding="utf-8")
    wait_for(url, lambda html: "Страница не собрана" not in html and "Правила общения" in html)
    assert process.poll() is None


def test_the_preview_survives_a_data_error(preview):
    project, base, process, _ = preview
    wait_for(base, lambda html: "Сферум" in html, timeout=600)
    roles = project / "data/roles.yml"
    good = roles.read_text(encoding="utf-8")
    roles.write_text(good.replace("    staff: true", "    staff: maybe", 1), encoding="utf-8")
    broken = wait_for(base, lambda html: "Страница не собрана" in html)
    assert "staff: ожидается true или false" in broken
    assert process.poll() is None
    roles.write_text(good, encoding="utf-8")
    wait_for(base, lambda html: "Страница не собрана" not in html and "Сферум" in html)
    assert process.poll() is None


def test_the_strict_build_fails_on_a_page_error_with_no_traceback(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs/rules.md"
    good = page.read_text(encoding="utf-8")
    line = first_line_with(good, "{{ org.gen }}")
    page.write_text(good.replace("{{ org.gen }}", "{{ unti.gen }}", 1), encoding="utf-8")
    result = build(None, tmp_path / "site", project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert errors_of(output) == [f"docs/rules.md:{line}: неизвестная подстановка «unti» — может быть, «unit»?"]
    assert "Traceback" not in output and "WARNING" not in output
