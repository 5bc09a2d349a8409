"""Build the bundled letter templates (`formal.docx`, `email.docx`) with python-docx.

Run `python templates/make_templates.py` after changing this file; the .docx files are committed
so that a user can open and restyle them in Word or LibreOffice without running anything.

Every piece of layout is a named paragraph style (Part, Sub-part, Address …), so restyling a
template in Word means changing a style, not hunting through paragraphs. The tags are docxtpl's:
`{{ name }}` for a value, and `{%p … %}` on a paragraph of its own for a loop or a condition (the
whole paragraph is removed when the letter is written). The variables a template may use are
listed in `composer/letters/__init__.py` (TEMPLATE_VARIABLES).
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

HERE = Path(__file__).resolve().parent
FONT = "Arial"  # Liberation Sans has the same metrics where Arial is not installed
PART_INDENT = Cm(1.0)  # room for "183."
SUB_INDENT = Cm(1.3)  # room for "183a." with a gap


def _style(doc, name: str, *, base: str = "Normal", before: float = 0, after: float = 6,
           bold: bool = False, align=None, left=None, hanging=None, keep_next: bool = False,
           size: float | None = None):
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles[base]
    style.quick_style = True
    fmt = style.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    if align is not None:
        fmt.alignment = align
    if left is not None:
        fmt.left_indent = left
    if hanging is not None:
        fmt.first_line_indent = -hanging
        fmt.tab_stops.add_tab_stop(left, WD_TAB_ALIGNMENT.LEFT)
    fmt.keep_with_next = keep_next
    style.font.bold = bold
    if size is not None:
        style.font.size = Pt(size)
    return style


def _base(doc) -> None:
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)  # A4
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin, section.bottom_margin = Cm(2.2), Cm(2.0)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    rfonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), FONT)
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after = Pt(0), Pt(8)
    fmt.line_spacing = 1.1
    fmt.widow_control = True
    # British English for spelling and hyphenation in Word and LibreOffice.
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "en-GB")
    normal.element.get_or_add_rPr().append(lang)


def _add_tab_run(paragraph) -> None:
    run = paragraph.add_run()
    run._r.append(OxmlElement("w:tab"))


def _numbered_item(doc, part_style: str, sub_style: str) -> None:
    doc.add_paragraph("{%p for item in items %}")
    doc.add_paragraph("{%p if item.depth == 0 %}")
    p = doc.add_paragraph(style=part_style)
    p.add_run("{{ item.number }}.")
    _add_tab_run(p)
    p.add_run("{{ item.text }}")
    doc.add_paragraph("{%p else %}")
    p = doc.add_paragraph(style=sub_style)
    p.add_run("{{ item.number }}.")
    _add_tab_run(p)
    p.add_run("{{ item.text }}")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p endfor %}")


def _lines(doc, variable: str, style: str, prefix: str = "") -> None:
    doc.add_paragraph(f"{{%p for line in {variable} %}}")
    doc.add_paragraph(f"{prefix}{{{{ line }}}}", style=style)
    doc.add_paragraph("{%p endfor %}")


def _closing_lines(doc, variable: str, style: str, last_style: str) -> None:
    """Like `_lines`, but the last line (the closing before the sign-off) gets `last_style`,
    which keeps with the next paragraph so the sign-off never starts a page alone."""
    doc.add_paragraph(f"{{%p for line in {variable} %}}")
    doc.add_paragraph("{%p if loop.last %}")
    doc.add_paragraph("{{ line }}", style=last_style)
    doc.add_paragraph("{%p else %}")
    doc.add_paragraph("{{ line }}", style=style)
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p endfor %}")


def _optional(doc, variable: str, text: str, style: str) -> None:
    doc.add_paragraph(f"{{%p if {variable} %}}")
    doc.add_paragraph(text, style=style)
    doc.add_paragraph("{%p endif %}")


def _page_footer(doc) -> None:
    """`Subject — page N of M` in small grey type, so loose printed pages stay in order. "page N of
    M" is held together by no-break spaces: a long subject (an application to the Scottish
    Information Commissioner) wraps before it, never between "of" and the count."""
    footer = doc.sections[0].footer
    p = footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    def text(value: str) -> None:
        run = p.add_run(value)
        run.font.size = Pt(8)
        run.font.color.rgb = RGBColor(0x59, 0x59, 0x59)

    def field(code: str) -> None:
        simple = OxmlElement("w:fldSimple")
        simple.set(qn("w:instr"), f" {code} ")
        run = OxmlElement("w:r")
        rpr = OxmlElement("w:rPr")
        size = OxmlElement("w:sz")
        size.set(qn("w:val"), "16")
        color = OxmlElement("w:color")
        color.set(qn("w:val"), "595959")
        rpr.append(color)
        rpr.append(size)
        run.append(rpr)
        t = OxmlElement("w:t")
        t.text = "1"
        run.append(t)
        simple.append(run)
        p._p.append(simple)

    text("{{ subject }} \u2014 page\u00a0")
    field("PAGE")
    text("\u00a0of\u00a0")
    field("NUMPAGES")


def formal() -> Document:
    """A printed letter: date, the force's address, reference, subject, numbered parts, sign-off."""
    doc = Document()
    _base(doc)
    _style(doc, "Letter date", align=WD_ALIGN_PARAGRAPH.RIGHT, after=18)
    _style(doc, "Address", after=0)
    _style(doc, "Reference", before=18, after=0)
    _style(doc, "Subject", before=18, after=12, bold=True, keep_next=True)
    _style(doc, "Salutation", after=10, keep_next=True)
    _style(doc, "Body", after=10)
    _style(doc, "Part", before=8, after=4, left=PART_INDENT, hanging=PART_INDENT)
    _style(doc, "Sub-part", after=4, left=PART_INDENT + SUB_INDENT, hanging=SUB_INDENT)
    _style(doc, "Clause", before=8, after=10)
    _style(doc, "Closing", base="Clause", before=8, after=10, keep_next=True)
    _style(doc, "Sign-off", before=10, after=36, keep_next=True)
    _style(doc, "Signature", after=0, keep_next=True)
    doc.core_properties.title = "{{ subject }}"
    doc.core_properties.author = ""
    doc.core_properties.comments = ""

    doc.add_paragraph("{{ date }}", style="Letter date")
    doc.add_paragraph("{{ recipient }}", style="Address")
    _lines(doc, "recipient_address", "Address")
    _optional(doc, "recipient_email", "By email: {{ recipient_email }}", "Address")
    _optional(doc, "reference", "Reference: {{ reference }}", "Reference")
    doc.add_paragraph("{{ subject }}", style="Subject")
    doc.add_paragraph("{{ salutation }}", style="Salutation")
    _lines(doc, "before", "Body")
    _numbered_item(doc, "Part", "Sub-part")
    _closing_lines(doc, "after", "Clause", "Closing")
    doc.add_paragraph("{{ sign_off }}", style="Sign-off")
    doc.add_paragraph("{{ requester_name }}", style="Signature")
    _optional(doc, "requester_organisation", "{{ requester_organisation }}", "Signature")
    _lines(doc, "requester_address", "Signature")
    _optional(doc, "requester_email", "{{ requester_email }}", "Signature")
    _page_footer(doc)
    return doc


def email() -> Document:
    """An email-style letter: no address block, short paragraphs, numbered parts, name to close."""
    doc = Document()
    _base(doc)
    _style(doc, "Subject", after=12, bold=True)
    _style(doc, "Reference", after=12)
    _style(doc, "Salutation", after=10)
    _style(doc, "Body", after=10)
    _style(doc, "Part", before=6, after=3, left=PART_INDENT, hanging=PART_INDENT)
    _style(doc, "Sub-part", after=3, left=PART_INDENT + SUB_INDENT, hanging=SUB_INDENT)
    _style(doc, "Clause", before=6, after=10)
    _style(doc, "Closing", base="Clause", before=6, after=10, keep_next=True)
    _style(doc, "Sign-off", before=10, after=4, keep_next=True)
    _style(doc, "Signature", after=0, keep_next=True)
    doc.core_properties.title = "{{ subject }}"
    doc.core_properties.author = ""
    doc.core_properties.comments = ""

    doc.add_paragraph("{{ subject }}", style="Subject")
    _optional(doc, "reference", "Reference: {{ reference }}", "Reference")
    doc.add_paragraph("{{ salutation }}", style="Salutation")
    _lines(doc, "before", "Body")
    _numbered_item(doc, "Part", "Sub-part")
    _closing_lines(doc, "after", "Clause", "Closing")
    doc.add_paragraph("{{ sign_off }}", style="Sign-off")
    doc.add_paragraph("{{ requester_name }}", style="Signature")
    _optional(doc, "requester_organisation", "{{ requester_organisation }}", "Signature")
    _optional(doc, "requester_email", "{{ requester_email }}", "Signature")
    return doc


BUILDERS = {"formal": formal, "email": email}


def main(folder: Path = HERE) -> list[Path]:
    written = []
    for name, build in BUILDERS.items():
        path = Path(folder) / f"{name}.docx"
        build().save(path)
        written.append(path)
    return written


if __name__ == "__main__":
    for path in main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(path)
