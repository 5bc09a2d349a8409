"""Many letters to PDF in one LibreOffice run, by way of one Word document.

LibreOffice spends a fixed time on every document it opens, whatever its size, so 49 letters
converted one by one take far longer than one document of 49 letters. `combine()` joins the
letters (all from one template) into one document, each letter its own section starting on a new
page with its own header and footer, its page numbers starting at 1, and "page N of M" counting
its own pages (the footer's NUMPAGES becomes a reference to the letter's last page). A bookmark
at the start of each letter becomes a named destination in the PDF, where `split()` (pypdf) cuts
it back into one PDF per letter.

Anything unexpected (a template with automatically numbered paragraphs, whose count would run
on from letter to letter, or a PDF without the bookmarks) returns None, and the caller converts
the letters one by one instead.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_HEADER_FOOTER = {
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer",
}
_DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_NUMPAGES = re.compile(r"\bNUMPAGES\b")
FILTER = 'pdf:writer_pdf_Export:{"ExportBookmarksToPDFDestination":{"type":"boolean","value":"true"}}'
"""LibreOffice's PDF filter, told to keep Word bookmarks as named destinations."""


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def start_mark(index: int) -> str:
    return f"FoiLetter{index:04d}"


def _end_mark(index: int) -> str:
    return f"FoiLetterEnd{index:04d}"


def _bookmark(parent, position: int, name: str, number: int) -> None:
    start = etree.Element(_w("bookmarkStart"))
    start.set(_w("id"), str(number))
    start.set(_w("name"), name)
    end = etree.Element(_w("bookmarkEnd"))
    end.set(_w("id"), str(number))
    parent.insert(position, end)
    parent.insert(position, start)


def _paragraph_start(paragraph) -> int:
    """Where content may go in a w:p: after its w:pPr."""
    first = paragraph[0] if len(paragraph) else None
    return 1 if first is not None and first.tag == _w("pPr") else 0


def _with_section(paragraph, section) -> None:
    """Make `paragraph` end a section laid out as `section` (a w:sectPr)."""
    ppr = paragraph.find(_w("pPr"))
    if ppr is None:
        ppr = etree.Element(_w("pPr"))
        paragraph.insert(0, ppr)
    old = ppr.find(_w("sectPr"))
    if old is not None:
        ppr.remove(old)
    ppr.append(section)


def _numbered_from_one(section) -> None:
    for old in section.findall(_w("pgNumType")):
        section.remove(old)
    numbering = etree.Element(_w("pgNumType"))
    numbering.set(_w("start"), "1")
    cols = section.find(_w("cols"))
    if cols is not None:
        cols.addprevious(numbering)
    else:
        section.append(numbering)


def combine(documents: list[bytes]) -> bytes | None:
    """One .docx holding every letter in `documents` (rendered from one template), or None."""
    if not documents:
        return None
    archives = [zipfile.ZipFile(io.BytesIO(d)) for d in documents]
    try:
        return _combine(archives)
    except (KeyError, ValueError, etree.XMLSyntaxError):
        return None
    finally:
        for archive in archives:
            archive.close()


def _numbered_lists(archive: zipfile.ZipFile) -> bool:
    """Whether the letter has automatically numbered paragraphs: in one document their count
    would run on from one letter into the next."""
    xml = archive.read("word/document.xml")
    if b"<w:numPr" in xml:
        return True
    if "word/styles.xml" not in archive.namelist():
        return False
    styles = etree.fromstring(archive.read("word/styles.xml"))
    listed = {s.get(_w("styleId")) for s in styles.iter(_w("style"))
              if s.find(f"{_w('pPr')}/{_w('numPr')}/{_w('numId')}") is not None}
    used = set(re.findall(rb'<w:pStyle w:val="([^"]+)"', xml))
    return any(name.decode() in listed for name in used)


def _combine(archives: list[zipfile.ZipFile]) -> bytes | None:
    first = archives[0]
    if any(_numbered_lists(archive) for archive in archives[:1]):
        return None
    rels = etree.fromstring(first.read("word/_rels/document.xml.rels"))
    types = etree.fromstring(first.read("[Content_Types].xml"))
    targets = {rel.get("Id"): rel for rel in rels if rel.get("Type") in _HEADER_FOOTER}
    overrides = {o.get("PartName"): o for o in types if o.tag == f"{{{CT}}}Override"}
    document = etree.fromstring(first.read("word/document.xml"))
    body = document.find(_w("body"))
    if body is None:
        return None
    for child in list(body):
        body.remove(child)
    added: dict[str, bytes] = {}
    last_section = None
    for index, archive in enumerate(archives):
        tree = etree.fromstring(archive.read("word/document.xml"))
        letter_body = tree.find(_w("body"))
        content = list(letter_body)
        if not content or content[-1].tag != _w("sectPr"):
            return None
        section = copy.deepcopy(content.pop())
        for mark in [m for m in letter_body.iter(_w("bookmarkStart"), _w("bookmarkEnd"))]:
            mark.getparent().remove(mark)  # the template's own (_GoBack …) would clash
        paragraphs = [c for c in content if c.tag == _w("p")]
        if not paragraphs:
            paragraphs = [etree.Element(_w("p"))]
            content.append(paragraphs[0])
        head, tail = paragraphs[0], content[-1]
        if tail.tag != _w("p"):
            tail = etree.Element(_w("p"))
            content.append(tail)
        _bookmark(head, _paragraph_start(head), start_mark(index), 90000 + 2 * index)
        _bookmark(tail, len(tail), _end_mark(index), 90001 + 2 * index)
        for ref in section:
            if ref.tag not in (_w("headerReference"), _w("footerReference")):
                continue
            rel = targets.get(ref.get(f"{{{R}}}id"))
            if rel is None:
                return None
            target = rel.get("Target")
            stem, dot, ext = target.rpartition(".")
            new_target = f"{stem}-{index}{dot}{ext}"
            xml = archive.read(f"word/{target}").decode("utf-8")
            xml = _NUMPAGES.sub(f"PAGEREF {_end_mark(index)}", xml)
            added[f"word/{new_target}"] = xml.encode("utf-8")
            own_rels = f"word/_rels/{target}.rels"
            if own_rels in archive.namelist():
                added[f"word/_rels/{new_target}.rels"] = archive.read(own_rels)
            new_id = f"rIdFoi{index}x{ref.get(f'{{{R}}}id')}"
            new_rel = etree.SubElement(rels, f"{{{PR}}}Relationship")
            new_rel.set("Id", new_id)
            new_rel.set("Type", rel.get("Type"))
            new_rel.set("Target", new_target)
            override = overrides.get(f"/word/{target}")
            if override is None:
                return None
            new_override = copy.deepcopy(override)
            new_override.set("PartName", f"/word/{new_target}")
            types.append(new_override)
            ref.set(f"{{{R}}}id", new_id)
        _numbered_from_one(section)
        if index < len(archives) - 1:
            _with_section(tail, section)
        else:
            last_section = section
        for element in content:
            body.append(element)
    body.append(last_section)
    for number, element in enumerate(document.iter(f"{{{WP}}}docPr"), start=1001):
        element.set("id", str(number))
    for rid in targets:  # the template's own header and footer are used by no section now
        for rel in rels:
            if rel.get("Id") == rid:
                rels.remove(rel)
    out = io.BytesIO()
    dropped = {f"word/{r.get('Target')}" for r in targets.values()}
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dest:
        for info in first.infolist():
            name = info.filename
            if name in dropped:
                continue
            if name == "word/document.xml":
                data = _DECLARATION + etree.tostring(document, encoding="utf-8")
            elif name == "word/_rels/document.xml.rels":
                data = _DECLARATION + etree.tostring(rels, encoding="utf-8")
            elif name == "[Content_Types].xml":
                for override in list(types):
                    if override.get("PartName", "").lstrip("/") in dropped:
                        types.remove(override)
                data = _DECLARATION + etree.tostring(types, encoding="utf-8")
            else:
                data = first.read(name)
            dest.writestr(name, data)
        for name, data in added.items():
            dest.writestr(name, data)
    return out.getvalue()


def split(pdf: bytes, count: int, titles: list[str]) -> list[bytes] | None:
    """The combined PDF cut back into `count` letters at their bookmarks, or None."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(pdf))
        named = reader.named_destinations
        starts = []
        for index in range(count):
            dest = named.get(start_mark(index)) or named.get("/" + start_mark(index))
            if dest is None:
                return None
            starts.append(reader.get_destination_page_number(dest))
        if starts[0] != 0 or any(b <= a for a, b in zip(starts, starts[1:])):
            return None
        ends = starts[1:] + [len(reader.pages)]
        out = []
        for start, end, title in zip(starts, ends, titles):
            writer = PdfWriter()
            for page in range(start, end):
                writer.add_page(reader.pages[page])
            writer.add_metadata({"/Title": title, "/Producer": "FOI Composer with LibreOffice"})
            buffer = io.BytesIO()
            writer.write(buffer)
            out.append(buffer.getvalue())
        return out
    except (PdfReadError, ValueError, KeyError, IndexError):
        return None
