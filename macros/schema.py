"""What the data models allow, read from the pydantic classes themselves.

Used by error messages (which fields are allowed here?) and by the editors' data reference
page, so both follow macros/models.py without a list to keep in step by hand.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass

from pydantic import BaseModel
from pydantic.fields import FieldInfo


def _args(annotation) -> tuple:
    return typing.get_args(annotation)


def strip(annotation):
    """The annotation without Annotated[…] and without `| None`."""
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = _args(annotation)[0]
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in _args(annotation) if a is not type(None)]
        if len(options) == 1:
            return strip(options[0])
    return annotation


def is_model(annotation) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The model class that describes the mapping at loc (('roles', 0) -> Role), if any."""
    annotation = model
    for part in loc:
        annotation = strip(annotation)
        origin = typing.get_origin(annotation)
        if is_model(annotation) and isinstance(part, str):
            info = annotation.model_fields.get(part)
            if info is None:
                return None
            annotation = info.annotation
        elif origin in (list, tuple, set) and isinstance(part, int):
            annotation = _args(annotation)[0]
        elif origin is dict:
            annotation = _args(annotation)[1]
        else:
            return None
    annotation = strip(annotation)
    return annotation if is_model(annotation) else None


def allowed_fields(model: type[BaseModel], loc: tuple) -> list[str]:
    found = model_at(model, loc)
    return list(found.model_fields) if found else []


# --- descriptions for the data reference ------------------------------------------------

@dataclass
class FieldDoc:
    name: str
    type: str
    required: bool
    default: str
    description: str
    values: list[str]
    model: type[BaseModel] | None  # the nested model this field holds, if any


def type_name(annotation) -> str:
    """A short Russian name of a field's type: «текст», «список: Шаг», «да/нет»…"""
    annotation = strip(annotation)
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return "одно из значений"
    if origin in (list, tuple, set):
        return "список: " + type_name(_args(annotation)[0])
    if origin is dict:
        return "набор «ключ: значение», значение — " + type_name(_args(annotation)[1])
    if origin in (typing.Union, types.UnionType):
        return " или ".join(type_name(a) for a in _args(annotation) if a is not type(None))
    if is_model(annotation):
        return f"набор полей {annotation.__name__}"
    return {str: "текст", bool: "да/нет (true или false)", int: "целое число",
            dt.date: "дата ГГГГ-ММ-ДД"}.get(annotation, getattr(annotation, "__name__", str(annotation)))


def literal_values(annotation) -> list[str]:
    annotation = strip(annotation)
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return [str(a) for a in _args(annotation)]
    if origin in (list, tuple, set, dict):
        return literal_values(_args(annotation)[-1])
    return []


def nested_model(annotation) -> type[BaseModel] | None:
    annotation = strip(annotation)
    if is_model(annotation):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (list, tuple, set, dict):
        return nested_model(_args(annotation)[-1])
    return None


def _default(info: FieldInfo) -> str:
    if info.is_required():
        return ""
    value = info.get_default(call_default_factory=True)
    if value in (None, [], {}, ""):
        return "пусто"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, BaseModel):
        return "значения по умолчанию"
    return str(value)


def pattern_of(annotation) -> str | None:
    for meta in getattr(annotation, "__metadata__", ()):
        pattern = getattr(meta, "pattern", None)
        if pattern:
            return pattern
    return None


def fields(model: type[BaseModel]) -> list[FieldDoc]:
    return [FieldDoc(name=name, type=type_name(info.annotation), required=info.is_required(),
                     default=_default(info), description=info.description or "",
                     values=literal_values(info.annotation), model=nested_model(info.annotation))
            for name, info in model.model_fields.items()]


def models_under(model: type[BaseModel]) -> list[type[BaseModel]]:
    """model and every model reachable from its fields, each once, in reading order."""
    seen: list[type[BaseModel]] = []

    def visit(current: type[BaseModel]) -> None:
        if current in seen:
            return
        seen.append(current)
        for doc in fields(current):
            if doc.model:
                visit(doc.model)

    visit(model)
    return seen
