"""Format (FOIA s11; FOISA s11): a requester may say in what form they want the answer; for a
dataset asked for in electronic form, FOIA s11(1A) requires a re-usable form where reasonably
practicable. CSV qualifies; a closed spreadsheet format does not."""

from __future__ import annotations

import re

from composer.checker import patterns as p
from composer.checker.patterns import Gate, remembered
from composer.checker.engine import Context, PartView, Rule, part_rule, request_rule
from composer.checker.findings import Fix
from composer.model import AnswerFormat

_FORMAT_WORDS = Gate(
    r"\bcsv\b|\bspreadsheets?\b|\bexcel\b|\bxlsx?\b|\bods\b|\belectronic(?:ally)?\s+(?:form|format|copy)\b|"
    r"\bmachine[\s-]+readable\b|\bre-?usable\s+(?:form|format)\b|\bin\s+(?:the\s+)?(?:form|format)\s+of\b",
    None,
)
_CLOSED = Gate(r"\bexcel\b|\bxlsx?\b|\.xls\b", ("excel", "xls", "xlsx"))
_CSV_IN_TEXT = Gate(r"\b(?:csv|spreadsheet)\b", ("csv", "spreadsheet"))
_DOCUMENT = Gate(
    r"\b(?:assessments?|dpias?|eias?|pias?|policy|policies|guidance|contracts?|procedures?|minutes|reports?|"
    r"manuals?|agreements?|strateg(?:y|ies)|evaluations?|audits?|emails?|correspondence|letters?|"
    r"presentations?|business\s+cases?)\b"
, None)


def _is_dataset(ctx: Context, item: PartView) -> bool:
    """Asks for figures: marked so, or read as a count (figures named inside a definition or an
    example do not make a part a request for a dataset)."""
    if item.part.dataset:
        return True
    return bool(p.STATISTICS.search(item.low)) and ctx.own_reading(item.text).action in ("count", "records")


def _is_document_request(ctx: Context, item: PartView) -> bool:
    return not _is_dataset(ctx, item) and bool(_DOCUMENT.search(item.low))


@request_rule("format.no-preference", "format", "info", law="format", title="Figures with no format preference")
def no_preference(rule: Rule, ctx: Context):
    options = ctx.request.options
    if options.answer_format is not None or options.format_wording:
        return
    data_parts = [item for item in ctx.items if item.text.strip() and _is_dataset(ctx, item)]
    if not data_parts or ctx.anywhere(_FORMAT_WORDS):
        return
    numbers = ", ".join(item.number for item in data_parts[:8]) + (" …" if len(data_parts) > 8 else "")
    dataset = ctx.section("dataset")
    return rule.at(
        ctx, data_parts[0],  # shown on the first part that asks for figures
        f"Part{'s' if len(data_parts) > 1 else ''} {numbers} ask{'' if len(data_parts) > 1 else 's'} "
        "for figures but the request states no format, so they may come back as a table in a PDF "
        f"that is hard to reuse. Under {ctx.section('format')} you can ask for the form you want "
        f"when you make the request" + (f", and {dataset} requires a re-usable form for datasets." if dataset != ctx.section('format') else "."),
        suggestion="Ask for the figures as a CSV file (plain comma-separated values), which every "
        "force can produce and any spreadsheet can open.",
        fix=Fix("set_format", "Ask for CSV for the figures", value=AnswerFormat.CSV.value,
                part_ids=tuple(item.id for item in data_parts)),
    )


@part_rule("format.csv-not-dataset", "format", "warning", law="format", title="CSV asked for a document",
           whole=True)  # the request's options
def csv_not_dataset(rule: Rule, ctx: Context, item: PartView):
    options = ctx.request.options
    chosen = options.answer_format in (AnswerFormat.CSV, AnswerFormat.SPREADSHEET)
    listed = chosen and item.id in options.format_parts
    in_text = bool(_CSV_IN_TEXT.search(item.low))
    if not (listed or in_text) or not _is_document_request(ctx, item):
        return
    remaining = tuple(pid for pid in options.format_parts if pid != item.id)
    fix = None
    if listed:
        fix = Fix("set_format", f"Take part {item.number} out of the CSV preference",
                  value=options.answer_format.value if remaining else None, part_ids=remaining)
    return rule.at(
        ctx, item,
        f"{item.label} asks for documents, but the request asks for it as CSV or a "
        "spreadsheet. A policy or an assessment is not a dataset, and a force cannot reasonably "
        f"turn it into one ({ctx.section('format')}); it may answer the format preference as "
        "not practicable.",
        suggestion="Keep the CSV preference for the parts that ask for figures, and ask for "
        "documents as they are held (usually PDF or Word).",
        fix=fix,
    )


@request_rule("format.closed-format", "format", "info", law="format", title="Closed spreadsheet format")
def closed_format(rule: Rule, ctx: Context):
    options = ctx.request.options
    from_options = options.answer_format == AnswerFormat.SPREADSHEET
    match_item = None
    match = None
    for item in ctx.items:
        match = _CLOSED.search(item.low)
        if match:
            match_item = item
            break
    if not from_options and match is None and not _CLOSED.search(ctx.intro_low):
        return
    fix = Fix("set_format", "Ask for CSV instead", value=AnswerFormat.CSV.value,
              part_ids=tuple(options.format_parts)) if from_options else None
    return rule.at(
        ctx, match_item,
        "The request asks for a spreadsheet or Excel file. For a dataset, "
        f"{ctx.section('dataset')} gives you a right to a re-usable form, which an open format such "
        "as CSV meets and a closed one may not; CSV also opens in any spreadsheet program.",
        suggestion="Ask for 'a CSV file (or another open, re-usable format)'.",
        span=match.span() if match else None,
        fix=fix,
    )


# Words common in Welsh and absent from English prose: a request written in Welsh uses several in
# every sentence. The rules read English, so such a request gets no findings, which must not read
# as a clean bill.
_WELSH = frozenset("""yr yn sydd faint beth wedi heddlu gwybodaeth cais nifer blwyddyn mae oes ydych gyda hefyd
    rhwng ynghylch ynglŷn ddarparu darparu os gan fod eich ein hyn hwn hon pob dros rhoi hoffwn gofyn ydy
    ddefnyddio defnyddio unrhyw rhywun mewn gyfer ymholiad swyddogion""".split())
_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@remembered
def _welsh_words(text: str) -> tuple[int, int]:
    """(Welsh words, all words) in `text`: remembered per text, as the rules run on every keystroke."""
    words = _WORDS.findall(text.lower())
    return sum(1 for w in words if w in _WELSH), len(words)


@request_rule("format.not-english", "format", "info", law="valid", title="Written in Welsh")
def not_english(rule: Rule, ctx: Context):
    counts = [_welsh_words(text) for text, _ in ctx.texts()]
    welsh, words = sum(c[0] for c in counts), sum(c[1] for c in counts)
    if welsh < 5 or welsh < 0.15 * words:
        return None
    return rule.at(
        ctx, None,
        "The request reads as Welsh. The checker reads English only, so it has nothing to say about these "
        "parts: that is not a sign that a force would find nothing to query.",
        suggestion="Read each part as a force's FOI officer would, or check an English version of the request "
        "and send the Welsh one.",
    )
