"""The editors' data reference: every data file, every field, its type, allowed values and an example.

Generated at build time from the pydantic models (macros/models.py) and the files the loader read,
so it can never go stale: a field added to a model appears here in the next build. The Russian
notes below only add a plain explanation; a field without one shows the model's own description.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from pydantic import BaseModel

from . import schema

# Plain Russian for the field names editors meet most (the model's description is the fallback).
FIELD_NOTES = {
    "id": "постоянное имя записи латиницей (строчные буквы, цифры, дефис); на него ссылаются другие файлы",
    "title": "заголовок",
    "text": "текст; в нём работают подстановки слов организации (см. CONTRIBUTING.md)",
    "name": "название",
    "note": "пояснение под текстом",
    "warning": "предупреждение (выделяется на странице)",
    "if_fails": "что делать, если шаг не получился",
    "detail": "поле из data/details.yml, которое организация заполняет в своём профиле",
    "when": "когда запись действует: тип организации, мессенджер или параметр профиля",
    "sources": "где это сказано в исходных документах (номер документа и пункты)",
    "roles": "роли из data/roles.yml (их id)",
    "procedures": "инструкции (id файлов из data/procedures/)",
    "also": "другие пункты, на которых основана простая формулировка: памятки называют и их номера",
    "clauses": "пункты Положения (их id)",
    "items": "подпункты или пункты списка",
    "kind": "вид записи",
    "steps": "шаги по порядку",
    "context": "одна-две фразы: кому и зачем эта инструкция",
    "needs": "что понадобится",
    "result": "что получится в конце",
    "troubleshooting": "частые проблемы и их решения",
    "problem": "что пошло не так",
    "solution": "что сделать",
    "related": "другие инструкции, которые стоит прочитать",
    "checked": "дата последней проверки инструкции (ГГГГ-ММ-ДД)",
    "phone": "инструкция для телефона: короткое вступление, сразу шаги",
    "question": "вопрос",
    "answer": "ответ",
    "audience": "кому вопрос интересен",
    "links": "ссылки: role:id, clause:id, procedure:id или page:имя",
    "term": "термин",
    "abbr": "сокращение: на каждой странице получит всплывающую расшифровку",
    "full": "полная форма",
    "definition": "определение",
    "org_type": "тип организации",
    "messenger": "мессенджер (id из data/messengers.yml)",
    "demo": "true — вымышленная организация; на каждой странице будет пометка «Демо-версия»",
    "example": "true — организация-пример: название, контакты и адреса выдуманы; об этом один раз скажут "
               "главная страница и региональный список, а Положение — никогда",
    "reword_plain": "тот же переформулированный пункт словами читателя (для памяток и чек-листов)",
    "terms": "слова, которые у этой организации другие (можно заменить любое)",
    "options": "переключатели частей Положения, в которых организации различаются",
    "adoption": "кто рассматривает, согласовывает, утверждает и изменяет Положение",
    "adopted": "ПРИНЯТО или РАССМОТРЕНО: каким органом, номер и дата протокола",
    "agreed": "СОГЛАСОВАНО: с каким органом (творительный падеж: «управляющим советом») и кто подписывает",
    "opinion_of": "чьё мнение учтено (родительный падеж: «совета обучающихся»), если такие советы есть",
    "approved": "УТВЕРЖДЕНО: чем утверждается и вводится в действие («приказом директора»), кто подписывает",
    "guide": "то же название, как его говорят памятки: орган — винительный падеж («педагогический совет»), "
             "совет, чьё мнение учтено, — короткое имя в родительном падеже («совета родителей»)",
    "changed_by": "кем вносятся изменения, если не так, как принято само Положение",
    "changes": "лист изменений: какие пункты, что изменено, каким приказом",
    "administrator_position": "должность администратора платформы — никогда не имя",
    "administrator_pool": "та же должность в родительном падеже множественного числа («заместителей директора»): "
                          "среди них директор выбирает администратора",
    "administrator_contact": "как связаться с администратором: кабинет, часы, чат — без имён и телефонов",
    "alternative_channels": "откуда семья без мессенджера получает всю информацию",
    "site_url": "адрес опубликованного сайта организации",
    "details": "поля, которые организация заполняет сама (id из data/details.yml: текст)",
    "legal_acts": "правовые акты",
    "label": "подпись",
    "url": "адрес",
    "purpose": "зачем этот ресурс",
    "summary": "кратко о роли",
    "tile": "одна строка на плитке главной страницы",
    "title_dat": "название в дательном падеже множественного числа («Родителям»)",
    "icon": "значок (имя из набора значков темы)",
    "staff": "true — сотрудник организации",
    "never": "чего этой роли нельзя делать никогда (сверх общих правил)",
    "members": "кто состоит",
    "member_roles": "роли участников",
    "created_by": "кто создаёт",
    "moderated_by": "кто следит за порядком",
    "content_by": "кто отвечает за содержание чата, в котором за порядком следит другой",
    "creator_moderates": "true — чат создаёт любая из ролей created_by, а за порядком следит тот, кто его создал",
    "date": "дата ГГГГ-ММ-ДД",
    "number": "номер акта",
    "governs": "что регулирует, простыми словами",
    "level": "уровень: federal, regional, municipal или local",
    "allowed_emails": "открытые адреса почты, которые можно публиковать",
    "allowed_domains": "домены адресов-примеров (name@example.org)",
    "allowed_names": "точные фразы, похожие на имя человека, которые публиковать можно",
}

MODEL_TITLES = {
    "Profile": "Профиль организации", "OrgName": "Название организации", "Approval": "Принятие Положения",
    "Adopted": "Кем принято или рассмотрено", "Agreed": "С кем согласовано", "Considered": "Чьё мнение учтено",
    "Approved": "Чем утверждено", "Protocol": "Протокол или приказ", "Change": "Строка листа изменений",
    "RegulationOverrides": "Свои изменения Положения", "Verification": "Проверка шагов в приложении",
    "Order": "Приказ об утверждении", "OrderPoint": "Пункт приказа",
    "Options": "Параметры профиля", "TermOverrides": "Замена слов", "TermSet": "Слова типа организации",
    "Noun": "Слово в падежах", "Phrase": "Словосочетание в падежах", "Condition": "Условие «when»",
    "LegalAct": "Правовой акт", "Role": "Роль", "Regulation": "Положение", "Section": "Раздел Положения",
    "Clause": "Пункт Положения", "Chat": "Чат или канал", "Procedure": "Инструкция", "Step": "Шаг инструкции",
    "Trouble": "Проблема и решение", "GlossaryEntry": "Термин словаря", "FaqEntry": "Вопрос и ответ",
    "ChecklistItem": "Пункт чек-листа", "LaunchChecklist": "Чек-лист запуска", "Platform": "Платформа",
    "Resource": "Официальный ресурс", "Messenger": "Мессенджер", "OrgTypeEntry": "Тип организации",
    "Detail": "Поле для заполнения организацией", "Privacy": "Исключения проверки личных данных",
}


@dataclass
class Row:
    name: str
    type: str
    required: bool
    default: str
    note: str
    values: list[str]
    example: str
    model: str | None  # anchor of the nested model's table


@dataclass
class Table:
    anchor: str
    title: str
    name: str
    rows: list[Row]


@dataclass
class FileDoc:
    path: str
    tables: list[Table]
    shared: list[Table]  # models described earlier on the page, used here too


def title_of(model_name: str) -> str:
    return MODEL_TITLES.get(model_name, model_name)


def anchor(model: type[BaseModel]) -> str:
    return "model-" + re.sub(r"(?<!^)(?=[A-Z])", "-", model.__name__).lower()


def _show(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, int, float)):
        return str(value)
    if isinstance(value, str):
        text = " ".join(value.split())
        return text if len(text) <= 70 else text[:67].rstrip() + "…"
    if isinstance(value, list) and value and all(isinstance(v, (str, int, bool)) for v in value):
        return "[" + ", ".join(_show(v) for v in value[:3]) + (", …" if len(value) > 3 else "") + "]"
    return ""


def collect_examples(model: type[BaseModel], data: object, found: dict) -> None:
    """found[(model, field)] = the first value that field has in the shipped data."""
    if not isinstance(data, dict):
        return
    for name, value in data.items():
        info = model.model_fields.get(name)
        if info is None:
            continue
        shown = _show(value)
        if shown and (model, name) not in found:
            found[(model, name)] = shown
        nested = schema.nested_model(info.annotation)
        if nested is None:
            continue
        items = value if isinstance(value, list) else list(value.values()) \
            if isinstance(value, dict) and nested is not schema.strip(info.annotation) else [value]
        for item in items:
            collect_examples(nested, item, found)


def _file_key(path: str) -> str:
    return re.sub(r"^data/procedures/.+\.yml$", "data/procedures/<id>.yml", path)


def data_reference(files: dict[str, tuple[type[BaseModel], object]], profile_file: str) -> list[FileDoc]:
    """One entry per data file (all procedures as one), the profile first."""
    examples: dict = {}
    grouped: dict[str, type[BaseModel]] = {}
    for path, (model, data) in files.items():
        grouped.setdefault(_file_key(path), model)
        collect_examples(model, data, examples)
    order = sorted(grouped, key=lambda key: (key != profile_file and not key.startswith("data/profiles/"), 0))
    described: set[type[BaseModel]] = set()
    result = []
    for key in order:
        tables, shared = [], []
        for model in schema.models_under(grouped[key]):
            table = Table(anchor(model), title_of(model.__name__), model.__name__, [
                Row(name=f.name, type=re.sub(r"набор полей (\w+)", lambda m: f"набор полей «{title_of(m.group(1))}»", f.type), required=f.required, default=f.default,
                    note=FIELD_NOTES.get(f.name) or f.description, values=f.values,
                    example=examples.get((model, f.name), ""), model=anchor(f.model) if f.model else None)
                for f in schema.fields(model)])
            (shared if model in described else tables).append(table)
            described.add(model)
        path = "data/profiles/<профиль>.yml" if key.startswith("data/profiles/") else key
        result.append(FileDoc(path, tables, shared))
    return result
