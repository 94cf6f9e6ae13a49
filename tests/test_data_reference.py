"""The editors' data reference is generated from the models: every file and every field is on it."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, Field

from macros import datadoc, schema
from macros.loader import load_knowledge_base
from tests.support import ROOT


def test_every_field_of_every_data_file_is_on_the_page(sites):
    html = sites["demo"].page("reference/index.html")
    kb = load_knowledge_base(ROOT)
    for path, (model, _) in kb.files.items():
        shown = "data/procedures/&lt;id&gt;.yml" if path.startswith("data/procedures/") else \
            "data/profiles/&lt;профиль&gt;.yml" if path.startswith("data/profiles/") else path
        assert f"<code>{shown}</code>" in html, path
        for nested in schema.models_under(model):
            for name in nested.model_fields:
                assert f"<code>{name}</code>" in html, f"{nested.__name__}.{name}"
    # The profile's adoption fields, documented nowhere before, with a plain explanation each.
    assert "Принятие Положения (Approval)" in html
    for note in ("ПРИНЯТО или РАССМОТРЕНО", "СОГЛАСОВАНО", "чьё мнение учтено", "чем утверждается"):
        assert note in html


def test_the_page_is_in_the_nav_and_edited_in_the_models(sites):
    assert "reference/" in sites["demo"].page("index.html")
    edit = re.search(r'<a href="([^"]+)"[^>]*rel="edit"', sites["demo"].page("reference/index.html")).group(1)
    assert edit.endswith("/edit/main/macros/models.py")


class Inner(BaseModel):
    """A nested model."""

    colour: Literal["red", "green"] = Field("red", description="a colour")


class Outer(BaseModel):
    when: dt.date
    flags: list[bool] = []
    inner: list[Inner]
    named: dict[str, Inner] = {}
    free: str | None = Field(None, description="free text")


def test_any_model_is_described():
    data = {"when": dt.date(2026, 1, 2), "inner": [{"colour": "green"}], "named": {"a": {"colour": "red"}}}
    [doc] = datadoc.data_reference({"data/new.yml": (Outer, data)}, "data/profiles/demo.yml")
    assert doc.path == "data/new.yml"
    outer, inner = doc.tables
    rows = {row.name: row for row in outer.rows}
    assert rows["when"].type == "дата ГГГГ-ММ-ДД" and rows["when"].required and rows["when"].example == "2026-01-02"
    assert rows["flags"].type == "список: да/нет (true или false)" and not rows["flags"].required
    assert rows["inner"].model == "model-inner" and rows["named"].model == "model-inner"
    assert rows["free"].note == "free text" and rows["free"].default == "пусто"
    colour = inner.rows[0]
    assert colour.values == ["red", "green"] and colour.example == "green" and colour.default == "red"
