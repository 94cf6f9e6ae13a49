"""The regulation and the order that approves it, as DOCX files ready to print and sign.

The clauses are the same records, numbers and texts as on the regulation page (KnowledgeBase.numbered);
what the web page adds beside a clause (links to instructions) is not here. Blanks the organization
has not filled in (numbers, dates, names) print as lines to fill in by hand.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import zipfile

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from . import act
from .knowledge import KnowledgeBase
from .textrender import cap

FONT = "Times New Roman"
BOLD = re.compile(r"\*\*(.+?)\*\*", re.S)
FAMILIARIZATION_ROWS = 25
CHANGE_ROWS = 8
ORDER_FAMILIARIZATION_ROWS = 10


def plain(markdown: str) -> str:
    """A clause's text as a reader sees it (the only Markdown in clauses is **bold**)."""
    return BOLD.sub(r"\1", markdown)


# --- document set-up ----------------------------------------------------------------

def _new_document(title: str) -> Document:
    doc = Document()
    doc.core_properties.title = title
    doc.core_properties.author = ""
    doc.core_properties.last_modified_by = ""
    doc.core_properties.comments = ""
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)

    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(12)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    normal.paragraph_format.space_after = Pt(4)
    for name, size in (("Title", 14), ("Heading 1", 13), ("Heading 2", 12), ("Heading 3", 12)):
        style = doc.styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = RGBColor(0, 0, 0)
        rfonts = style.element.rPr.rFonts if style.element.rPr is not None else None
        if rfonts is not None:
            for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
                rfonts.attrib.pop(qn(attribute), None)
        style.paragraph_format.space_before = Pt(10)
        style.paragraph_format.space_after = Pt(6)
    doc.styles["Title"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_numbers(section)
    return doc


def _page_numbers(section) -> None:
    """A PAGE field, centred in the footer."""
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for kind, text in (("begin", None), ("instr", "PAGE"), ("separate", None), ("text", "1"), ("end", None)):
        run = paragraph.add_run()
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        elif kind == "text":
            run.text = text
            continue
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)


def _runs(paragraph, markdown: str, bold: bool = False) -> None:
    """Add text to a paragraph, **bold** parts in bold."""
    def run(text: str, strong: bool) -> None:
        added = paragraph.add_run(text)
        if strong:  # only then: every property set costs an XML element
            added.bold = True

    position = 0
    for match in BOLD.finditer(markdown):
        if match.start() > position:
            run(markdown[position:match.start()], bold)
        run(match.group(1), True)
        position = match.end()
    if position < len(markdown):
        run(markdown[position:], bold)


def _paragraph(doc, text: str = "", *, bold=False, align=None, indent_cm: float = 0, first_line_cm: float = 0):
    paragraph = doc.add_paragraph()
    _runs(paragraph, text, bold)
    if align is not None:
        paragraph.alignment = align
    if indent_cm:
        paragraph.paragraph_format.left_indent = Cm(indent_cm)
    if first_line_cm:
        paragraph.paragraph_format.first_line_indent = Cm(first_line_cm)
    return paragraph


def _grid_table(doc, headers: list[str], rows: list[list[str]], widths_cm: list[float]):
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, header in zip(table.rows[0].cells, headers):
        cell.text = ""
        _runs(cell.paragraphs[0], header, bold=True)
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values):
            if value:
                cell.text = value
    table.autofit = False
    for column, width in zip(table.columns, widths_cm):
        column.width = Cm(width)  # the grid LibreOffice reads
    for row in table.rows:
        row.height = Cm(0.8)
        for cell, width in zip(row.cells, widths_cm):
            cell.width = Cm(width)  # the cells Word reads
    _repeat_header(table.rows[0])
    return table


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _page_break(doc) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _build_time() -> dt.datetime:
    """The time a reproducible build stamps on its files: SOURCE_DATE_EPOCH (the commit's time)."""
    return dt.datetime.fromtimestamp(int(os.environ.get("SOURCE_DATE_EPOCH", "315532800")), dt.UTC)


def _save(doc) -> bytes:
    """The DOCX bytes, identical for the same sources: fixed dates inside and on every ZIP entry."""
    when = _build_time()
    doc.core_properties.created = doc.core_properties.modified = when.replace(tzinfo=None)
    doc.core_properties.revision = 1
    buffer = io.BytesIO()
    doc.save(buffer)
    stamped = io.BytesIO()
    date_time = max(when, dt.datetime(1980, 1, 1, tzinfo=dt.UTC)).timetuple()[:6]
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(stamped, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(zipfile.ZipInfo(item.filename, date_time), source.read(item.filename),
                            zipfile.ZIP_DEFLATED)
    return stamped.getvalue()


# --- the regulation -------------------------------------------------------------------

def _approval_block(doc, approval) -> None:
    left, right = act.approval_stamps(approval)
    table = doc.add_table(rows=1, cols=2)
    for cell, stamps in zip(table.rows[0].cells, (left, right)):
        cell.width = Cm(8.2)
        first = True
        for stamp in stamps:
            paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
            first = False
            paragraph.paragraph_format.space_before = Pt(0 if paragraph is cell.paragraphs[0] else 8)
            paragraph.add_run(stamp.heading).bold = True
            for line in stamp.lines:
                paragraph.add_run().add_break()
                paragraph.add_run(line)


def regulation_docx(kb: KnowledgeBase) -> bytes:
    doc = _new_document(plain(kb.regulation.title))
    _approval_block(doc, kb.profile.approval)
    doc.add_paragraph()
    doc.add_paragraph(plain(kb.regulation.title), style="Title")

    for section in kb.shown_sections():
        doc.add_paragraph(f"{kb.section_number(section)}. {plain(section.title)}", style="Heading 1")
        for item in kb.numbered:
            if item.section.id != section.id:
                continue
            clause = item.clause
            if clause.title:
                doc.add_paragraph(f"{item.number}. {plain(clause.title)}",
                                  style="Heading 2" if item.depth == 2 else "Heading 3")
                if clause.text:
                    _paragraph(doc, clause.text, align=WD_ALIGN_PARAGRAPH.JUSTIFY, first_line_cm=1.25)
                continue
            paragraph = _paragraph(doc, "", align=WD_ALIGN_PARAGRAPH.JUSTIFY,
                                   indent_cm=1.0 if item.depth > 2 else 0, first_line_cm=1.25)
            paragraph.add_run(f"{item.number}.").bold = True
            paragraph.add_run(" ")
            _runs(paragraph, clause.text)

    _familiarization_sheet(doc, "Лист ознакомления с Положением", FAMILIARIZATION_ROWS)
    _change_log(doc, kb.profile.approval)
    return _save(doc)


def _familiarization_sheet(doc, title: str, rows: int) -> None:
    _page_break(doc)
    doc.add_paragraph(title, style="Heading 1").alignment = WD_ALIGN_PARAGRAPH.CENTER
    _grid_table(doc, ["№ п/п", "Должность", "Фамилия, инициалы", "Подпись", "Дата ознакомления"],
                [[str(n), "", "", "", ""] for n in range(1, rows + 1)], [1.2, 4.5, 4.5, 2.8, 3.3])


def _change_log(doc, approval) -> None:
    _page_break(doc)
    doc.add_paragraph("Лист изменений", style="Heading 1").alignment = WD_ALIGN_PARAGRAPH.CENTER
    rows = [[str(n), change.clauses, change.summary, act.dated(change.order, "приказ"), ""]
            for n, change in enumerate(approval.changes, 1)]
    rows += [[str(n), "", "", "", ""] for n in range(len(rows) + 1, len(rows) + CHANGE_ROWS + 1)]
    _grid_table(doc, ["№ п/п", "Пункты", "Содержание изменения", "Приказ (дата, номер)", "Подпись"],
                rows, [1.3, 2.7, 5.5, 4.0, 3.0])


# --- the order ---------------------------------------------------------------------------

def order_docx(kb: KnowledgeBase) -> bytes:
    order = kb.order
    approved = kb.profile.approval.approved
    doc = _new_document(f"Приказ «{order.title}»")
    _paragraph(doc, kb.profile.name.full, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    doc.add_paragraph("ПРИКАЗ", style="Title")

    header = doc.add_table(rows=1, cols=2)
    header.rows[0].cells[0].text = f"от {act.date_or_blank(approved.date)}"
    header.rows[0].cells[1].text = f"№ {act.number_or_blank(approved.number)}"
    header.rows[0].cells[1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT

    _paragraph(doc, order.title, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER).paragraph_format.space_before = Pt(12)
    _paragraph(doc, order.preamble, align=WD_ALIGN_PARAGRAPH.JUSTIFY, first_line_cm=1.25)
    _paragraph(doc, "ПРИКАЗЫВАЮ:", bold=True)

    points = [p for p in order.points if kb.applies(p.when)]
    for number, point in enumerate(points, 1):
        _paragraph(doc, f"{number}. {point.text}", align=WD_ALIGN_PARAGRAPH.JUSTIFY, first_line_cm=1.25)
        items = [i for i in point.items if kb.applies(i.when)]
        for sub, item in enumerate(items, 1):
            _paragraph(doc, f"{number}.{sub}. {item.text}", align=WD_ALIGN_PARAGRAPH.JUSTIFY,
                       indent_cm=1.0, first_line_cm=1.25)

    doc.add_paragraph()
    signature = doc.add_table(rows=1, cols=2)
    signature.rows[0].cells[0].text = cap(approved.signer)
    signature.rows[0].cells[1].text = f"{act.SIGNATURE}   {act.BLANK_NAME}"
    signature.rows[0].cells[1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT

    doc.add_paragraph()
    _paragraph(doc, "С приказом ознакомлены:", bold=True)
    _grid_table(doc, ["Должность", "Фамилия, инициалы", "Подпись", "Дата"],
                [["", "", "", ""] for _ in range(ORDER_FAMILIARIZATION_ROWS)], [5.0, 5.0, 3.0, 3.3])
    return _save(doc)


def documents(kb: KnowledgeBase) -> dict[str, bytes]:
    """'regulation' and 'order' → the DOCX bytes (paths.DOWNLOADS says where they go)."""
    return {"regulation": regulation_docx(kb), "order": order_docx(kb)}
