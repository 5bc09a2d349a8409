"""A request kept as a Word file, read as a person reading the document sees it."""

from __future__ import annotations

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from composer.library import open_request, request_text
from composer.replies import reply_text


def _one_level_list(path, items: list[tuple[str, int]], *, numbered: bool = True) -> None:
    """A document whose list defines one level only (as some programs and hand-made files do), with
    `items` (text, ilvl) in it: an ilvl of 1 asks for a level the list does not define."""
    document = docx.Document()
    fmt, text = ("decimal", "%1.") if numbered else ("bullet", "-")
    numbering = document.part.numbering_part.element
    numbering.append(parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
        '<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    document.add_paragraph("Under the Freedom of Information Act 2000, please provide:")
    for words, ilvl in items:
        paragraph = document.add_paragraph(words)
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="90"/></w:numPr>'))
    document.save(path)


def test_a_list_level_the_list_does_not_define_is_a_sub_part_not_joined_to_the_item_above(tmp_path):
    # LEFT-S10's left item: ilvl 1 in a one-level list had no label, so its words were joined to
    # part 1. Word processors show it as an item of its own set in under part 1 (LibreOffice
    # numbers it "1." one level down): a reader takes it for part 1's sub-part.
    items = [("How many people were scored in 2024?", 0), ("How many of them were under 18?", 1),
             ("How many of them were women?", 1), ("What did the system cost?", 0)]
    for numbered in (True, False):
        path = tmp_path / f"one level {numbered}.docx"
        _one_level_list(path, items, numbered=numbered)
        request = open_request(path)
        assert [p.text for p in request.parts] == ["How many people were scored in 2024?",
                                                   "What did the system cost?"], numbered
        assert [s.text for s in request.parts[0].subparts] == ["How many of them were under 18?",
                                                               "How many of them were women?"]
        assert request.parts[1].subparts == []
        lines = request_text(path).splitlines()
        assert lines[2].endswith(" How many of them were under 18?") and lines[2][0] != lines[1][0]
    # A reply keeps Word's numbers for the levels it defines; the undefined one gets a bullet of its own
    text = reply_text(tmp_path / "one level True.docx")
    assert "1. How many people" in text and "2. What did the system cost?" in text
    assert "\nHow many of them" not in text  # not a bare line that reads as more of part 1

