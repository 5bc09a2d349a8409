"""Plain text -> Request: import a request pasted as written, from a letter, an email or a web page.

Pure: no Qt, no I/O. `parse_request(text, source)` returns a `Request`;
`parse_request_with_report(text, source)` also returns plain-English notes on what was recognised
and what was left out. The requester's wording is kept exactly: only labels ("1.", "Q2 -", "(a)"),
the greeting, the sign-off and page text around the request are removed, and lines broken by an
email program are re-joined with single spaces.

How the text is read, step by step (each step is a small function below):

1. Find the request. It starts after a greeting ("Dear …,"), a "Request" heading or a disclosure
   log's "I note you seek access to the following information:", whichever comes first; text
   before it is page chrome, looked at only for a title. It ends at the sign-off ("Yours
   faithfully"), a "Response" heading, a second greeting, or the force's first sentence of reply
   ("I have today decided …", "Please find attached …") once a question has been seen. A reply
   that comes *before* any question means the page interleaves questions and answers (a
   disclosure log): then each numbered question keeps its own line and the answers are dropped.
2. Re-join lines. Text wrapped at a fixed width (every line nearly as long as the longest, none
   over 100 characters) is re-joined where the next word would not have fitted on the line.
   Elsewhere a line break is kept as the writer's own (a part's lines are joined with "\n"),
   except where a line stops mid-sentence and the next begins in lower case.
3. Read labels at the start of each line: 1. 1) (1) 1: 1 - 1.Text Q1 Q1a "Question 1" "Request 1"
   "Part 1:" 1a. 1(a) 1.1 a. a) (a) A. i. (ii) and bullets (- – • * ·, and Word's "o" and "§" before a
   tab or spaces). Labels inside a line
   ("… interviewed (a) under caution, or (b) …") are wording, not parts. The first list style
   seen is the top level; a new style inside a part is its sub-parts; a style new inside a
   sub-part is folded into the sub-part's text with its label. A new style that carries on the
   top level's count (1. 2. then "3)") stays at the top level. "i", "v", "x" are letters when
   they follow "h", "u", "w" and roman numerals otherwise.
4. Without a list (or with a lone label such as "(7)", which is a reference, not a list), each
   paragraph that asks for something (a "?", or it opens with or contains a request phrase such
   as "please", "could you", "how many", "copies of", "the number of") starts a part; paragraphs
   that do not ask are context: before the first part they form the introduction, after it they
   stay with the part they follow. A paragraph ending in ":" or "the following" keeps the next
   one with it.
5. Options, not parts: an unlabelled paragraph asking the force to stay within the cost limit
   ("In the event that complying with this request would exceed the appropriate cost limit …")
   becomes `options.cost_limit_clause` with the wording kept; one stating a CSV, spreadsheet or
   PDF preference becomes `options.answer_format`, with the parts it names ("For questions 1f, 2f
   and 2g …") as `format_parts` and the sentence as `format_wording`.
6. A text whose list items mostly ask for nothing (a form, a policy, a force's answer) is refused
   rather than imported as a request of thirty parts.
7. Tidy up: sub-items that are not questions but a list under a part ending in ":" ("a. April
   2015 to March 2016") are folded back into the part's text; a top-level part opening "If yes"
   / "If so" (or "If not") is marked as conditional on the part before; sub-parts of a part that
   says "If yes, please answer the following" are conditional on it; a part asking for numbers
   or records ("how many", "number of", "statistics", "data on", "breakdown", "records of",
   "per year" …) is marked `dataset`.
8. Title: a "Subject:" line (or a "Re: …" line just below "Dear …", which then leaves the
   introduction), or the first short heading-like line above the request ("Predictive
   Policing (855A/22)" -> "Predictive Policing", references in brackets removed), never the line
   just above "Dear …" (on WhatDoTheyKnow that is the sender's name); else the topic named in the
   introduction ("information on the V100 programme that …" -> "The V100 programme"); else the
   first eight words of the first part.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from composer.adaptation import PART_REFS
from composer.errors import ComposerError
from composer.law import LAWS
from composer.model import INVISIBLE, AnswerFormat, Options, Part, Request, counted

# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------


def parse_request(text: str, source: str = "text") -> Request:
    """The request written in `text`; raises ComposerError naming `source` if none is found."""
    return parse_request_with_report(text, source)[0]


def parse_request_with_report(text: str, source: str = "text") -> tuple[Request, list[str]]:
    """The request and notes on what was recognised, changed or left out, for the user to read."""
    notes: list[str] = []
    lines = _prepare(text, source, notes)
    region = _find_request(lines, notes)
    body = [ln for i, ln in enumerate(lines) if region.start <= i < region.end and i not in region.dropped]
    if not any(ln.strip() for ln in body):
        raise ComposerError(f"{source}: no request found: the text has no questions to import")
    logical = _join_lines(body)
    built = _build(logical, notes)
    if not built.parts:
        raise ComposerError(
            f"{source}: no questions found: number them (1., 2. …) or give each its own paragraph"
        )
    _check_reads_as_request(built, source)
    request = _finish(built, region, notes)
    return request, notes


# --------------------------------------------------------------------------------------------
# 0. Preparing the text
# --------------------------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


# Word's bullets in its Symbol and Wingdings fonts, pasted as the fonts' private code points
# (which no other font draws): the characters they show.
_SYMBOL_FONT = str.maketrans({"\uf0b7": "·", "\uf0a7": "§", "\uf0d8": "➢", "\uf0fc": "✓"})


def _prepare(text: str, source: str, notes: list[str]) -> list[str]:
    if not isinstance(text, str):
        raise ComposerError(f"{source}: is not text")
    if not text.strip():
        raise ComposerError(f"{source}: the text is empty")
    sample = text[:20000]
    if "\x00" in sample or len(_CONTROL.findall(sample)) > max(2, len(sample) // 100) or (
        sample.count("\ufffd") > max(2, len(sample) // 100)
    ):
        raise ComposerError(f"{source}: looks like a binary file, not text")
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if _looks_like_html(text):
        text = _html_to_text(text)
        notes.append("the text was a web page (HTML): its visible text was read")
    text, invisible = INVISIBLE.subn("", text)
    if invisible:
        notes.append(f"{invisible} invisible formatting character{'s' if invisible != 1 else ''} (text direction "
                     "marks, soft hyphens, zero-width spaces) were removed")
    text = text.replace("\u00a0", " ").replace("\f", "\n").translate(_SYMBOL_FONT)
    lines = [ln.rstrip() for ln in text.split("\n")]
    quoted = [ln for ln in lines if ln.strip()]
    if quoted and sum(ln.lstrip().startswith(">") for ln in quoted) >= 0.6 * len(quoted):
        lines = [re.sub(r"^\s*(>\s?)+", "", ln) for ln in lines]
        notes.append("the email quote marks (>) were removed")
    split = [piece for ln in lines for piece in _split_inline_list(ln)]
    if len(split) > len(lines):
        notes.append("a numbered list written on one line was split into its items")
    return split


# "… roads. 1) How many … 2) How much … 3) …": a list that lost its line breaks (a web form's box).
# Numbers of up to four digits: one joins the list only where it counts on from the one before.
_INLINE_LABEL = re.compile(r"(?:^|(?<=[.?!:;])\s+)(?P<label>\((?P<paren>[1-9]\d{0,3})\)|Q(?P<q>[1-9]\d{0,3})(?P<qsep>[.:)]?)"
                           r"|(?P<num>[1-9]\d{0,3})(?P<sep>[.)]))\s+(?=[A-Z(\"“'‘])")


def _split_inline_list(line: str) -> list[str]:
    """`line` as the items of a numbered list written on it, or unchanged when it holds no list:
    at least two labels of one shape counting up from 1, each after the end of a sentence."""
    found = list(_INLINE_LABEL.finditer(line))
    if len(found) < 2:
        return [line]

    def number(m: re.Match[str]) -> int:
        return int(m.group("paren") or m.group("q") or m.group("num"))

    def shape(m: re.Match[str]) -> str:
        return "(1)" if m.group("paren") else f"Q{m.group('qsep')}" if m.group("q") else m.group("sep")

    run: list[re.Match[str]] = []
    for match in found:
        if number(match) == 1:
            run = [match]
        elif run and number(match) == number(run[-1]) + 1 and shape(match) == shape(run[0]):
            run.append(match)
    if len(run) < 2:
        return [line]
    cuts = [m.start("label") for m in run]
    pieces = [line[:cuts[0]].rstrip()] + [line[a:b].rstrip() for a, b in zip(cuts, cuts[1:] + [len(line)])]
    return [piece for piece in pieces if piece.strip()]


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or (
        "<body" in text[:5000].lower() and "</" in text
    )


class _TextOfPage(HTMLParser):
    _BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
              "article", "blockquote", "pre", "ul", "ol", "table", "header", "footer", "dd", "dt"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "head", "nav", "noscript"):
            self._skip += 1
        elif tag in self._BLOCK:
            self.out.append("\n")
        if tag == "li":
            self.out.append("- ")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "head", "nav", "noscript"):
            self._skip = max(0, self._skip - 1)
        elif tag in self._BLOCK:
            self.out.append("\n")

    def handle_data(self, data):
        if not self._skip:
            self.out.append(re.sub(r"\s+", " ", data))


def _html_to_text(text: str) -> str:
    parser = _TextOfPage()
    parser.feed(text)
    parser.close()
    joined = html.unescape("".join(parser.out))
    return re.sub(r"\n[ \t]+", "\n", re.sub(r"\n{3,}", "\n\n", joined))


# --------------------------------------------------------------------------------------------
# Recognisers shared by the steps
# --------------------------------------------------------------------------------------------

_GREETING = re.compile(
    r"^((?:dear|annwyl)\s+\S.{0,80}|to whom it may concern|hello( \S.{0,40})?|hi( \S.{0,40})?|"
    r"good (morning|afternoon|evening)( \S.{0,40})?)[,:.!]?$",
    re.IGNORECASE,
)
_GREETING_INLINE = re.compile(r"^((?:dear|annwyl)\s+[^,.:;]{1,60}),\s+(\S.*)$", re.IGNORECASE)
_SIGNOFF = re.compile(
    r"^((yours\s+(faithfully|sincerely|truly)|(kind|kindest|best|warm|warmest)\s+regards)\b[,.]?(\s+\S.{0,60})?"
    r"|(many)\s+(thanks|wishes)|regards|best wishes|best|thanks( again)?|with (many )?thanks|sincerely|cheers"
    r"|(?:yr eiddoch )?yn gywir(?: iawn)?|cofion(?: gorau| cynnes)?|diolch(?: yn fawr(?: iawn)?)?"  # Welsh
    r"|thank you( (very much|so much|in advance))?"
    r"( for (your|the) (time|help|assistance|consideration|attention)"
    r"(( and| &) (time|help|assistance|consideration|attention))?)?"
    r"( (with|in dealing with|on) this( request| matter)?)?)\s*[,.!]*$",
    re.IGNORECASE,
)
# "I look forward to your reply …": a letter's closing words, which every exported letter writes itself
_CLOSING = re.compile(r"^I\s+(?:look|am\s+looking)\s+forward\s+to\s+(?:your|receiving|hearing|a)\b.{0,200}$",
                      re.IGNORECASE)
_NAME_LINE = re.compile(r"^(?:(?:mr|mrs|ms|miss|mx|dr|prof)\.?\s+)?[A-Z][\w'’.-]*(?:\s+[A-Za-z][\w'’.-]*){0,4}$")
_NOT_A_NAME = re.compile(
    r"\b(?:please|request|police|information|the|of|for|your|dear|sent|from|via)\b|@|\d",
    re.IGNORECASE,
)


def signoff_name(text: str) -> str | None:
    """The name written under (or beside) the first sign-off ("Yours faithfully,\\n\\nJane Smith").

    The first one, because a page that quotes the force's replies after the request carries the
    replying officers' sign-offs after the requester's own. What counts as a sign-off is the
    same `_SIGNOFF` the import strips, so the two never disagree.
    """
    lines = [line.strip() for line in text.splitlines()]
    for i, line in enumerate(lines):
        match = _SIGNOFF.match(line)
        if not match:
            continue
        beside = (match.group(5) or "").strip(" ,.")
        below = next((ln for ln in lines[i + 1:] if ln), "")
        for candidate in (beside, below.strip(",.")):
            if 2 <= len(candidate) <= 60 and _NAME_LINE.match(candidate) and not _NOT_A_NAME.search(candidate):
                return candidate
    return None


_START_HEADING = re.compile(
    r"^(i note (that )?you (seek|sought|are seeking) (access to )?(the following( information)?|"
    r"information (on|about|regarding)\b.*)|you (asked|requested)( for)?( the following)?"
    r"( information)?|your request( for information)?( was| reads| read)?|(the |foi |original )?"
    r"request( details| text)?|information requested|requested information|"
    r"request for information)\s*[:.]?$",
    re.IGNORECASE,
)
_SEEK_ACCESS = re.compile(
    r"\b(i note (that )?you (seek|sought|are seeking|have requested) (access to )?the following"
    r"( information)?|you (asked|requested) (for )?the following( information)?)\s*[:.]?\s*$",
    re.IGNORECASE,
)
_END_HEADING = re.compile(
    r"^(the |our |force |my )?(response|answer|reply|decision|outcome|attachments?|"
    r"information (disclosed|released)|disclosure)( to (your|the) request)?\s*:?$",
    re.IGNORECASE,
)
_REPLY_OPENER = re.compile(
    r"^(i have (today )?(decided|considered|located|completed|concluded)|we have (today )?decided"
    r"|please find (below|attached|enclosed|the (requested|following))|in response to your"
    r"|your request will now be considered|this is to inform you|thank you for your (request|email|"
    r"enquiry|recent request)|i write in connection with your|i am writing in (response|reply) to your"
    r"|(our|the) response (is|to)|the (information|data) (you requested|requested) is"
    r"|response\s*[:\-–]|answer\s*[:\-–])",
    re.IGNORECASE,
)
_ANSWER_LABEL = re.compile(r"^(A\s*\d{1,2}|Answer( \d{1,2})?|Response( \d{1,2})?|Reply)\s*[.:\-–—)]",
                           re.IGNORECASE)
_CHROME = re.compile(
    r"^(skip to (main )?content|leave this site|quickly exit.*|exit this site|menu|search|home|"
    r"sign in|log ?in|close|back to top|print( this page)?|share( this page)?|cookies?( settings)?|"
    r"accept( all)?( cookies)?|reject( all)?( cookies)?|(manage|customise) cookies|contents|"
    r"disclosure logs?|related (links|content|pages)|breadcrumbs?|main navigation|previous|next|"
    r"download|attachments?|published|updated|last updated.*|date published.*|"
    r"freedom of information request reference.*|reference( no| number)?[:.].*|"
    r"we (don't|do not) know whether the most recent response.*|we're waiting for .*)$",
    re.IGNORECASE,
)
_INTRO = re.compile(
    r"^(i am writing|i'm writing|i write|under the (freedom of information|foi)|"
    r"this (foi |foisa |freedom of information )?request (relates|is about|concerns)|"
    r"i would like to make a (freedom of information |foi |foisa )?request|"
    r"i am making (a|this) (freedom of information |foi |foisa )?request|"
    r"(please|could you|can you) (treat|accept) this as a)",
    re.IGNORECASE,
)

# Request phrases: a paragraph that opens with one of these, or contains "?" or one of the
# _ASKS phrases anywhere, asks for something.
_ASK_OPENERS = re.compile(
    r"^(please|kindly|could|can|would|will|may|might|i would like|i'd like|i want|i wish|i request|"
    r"i am requesting|i'm requesting|i ask|i seek|i am seeking|i am looking for|i'm looking for|"
    r"looking for|provide|disclose|supply|send|give|list|state|confirm|advise|tell me|"
    r"how|what|which|when|where|who|whom|whose|why|whether|is|are|was|were|do|does|did|has|have|"
    r"had|a copy|copy|copies|details|detail|the details|a breakdown|breakdown|the number|number of|"
    r"numbers of|the total|total|the amount|the cost|the costs|costs? of|the names?|names? of|"
    r"the date|dates? of|figures|data|statistics|a list|all (information|records|documents|"
    r"correspondence|communications|emails|guidance|policies|minutes|reports?)|any (information|"
    r"records?|documents?|documentation|correspondence|communications?|emails?|guidance|polic(y|ies)|"
    r"minutes|reports?|assessments?|contracts?|agreements?|data|analysis)|"
    r"records|documents|documentation|correspondence|communications|minutes|guidance|"
    r"policies|the policy|the guidance|information (on|about|regarding|relating|held|concerning))\b",
    re.IGNORECASE,
)
_ASKS = re.compile(
    r"\?|\b(please|could you|can you|would you|will you|could i|can i|may i|i would like|"
    r"how many|how much|how often|"
    r"i'd like|i am requesting|i wish to (request|know|see|obtain|receive)|"
    r"i would be grateful|i seek|i am seeking)\b",
    re.IGNORECASE,
)
# Each Act's cost section and limit, as a clause names them: "section 12", "s.12", "18 hours", "£600".
_COST_NAMED = sorted({named for law in LAWS.values() for named in (
    re.escape(law.cost_section), rf"s\.? ?{law.cost_section.removeprefix('section ')}\b",
    re.escape(f"{law.cost_limit_hours:g} hours"), re.escape(f"£{law.cost_limit_pounds}") + r"(?!\d)")})
# Not inside a word (a pound sign after a space is no word boundary, so not `\b`).
_COST = re.compile(
    r"(?<!\w)(cost limits?|appropriate limits?|cost thresholds?|fees? limits?|cost ceiling|"
    + "|".join(_COST_NAMED) + ")",
    re.IGNORECASE,
)
_COST_IF = re.compile(
    r"\b(in the event|if|should|where|in case|were|exceeds?|exceeding|over|above|beyond)\b",
    re.IGNORECASE,
)
_COST_ACT = re.compile(
    r"\b(limit|restrict|narrow|reduce|prioriti[sz]e|process|answer|respond|advise|contact|"
    r"let me know|provide|send|tell me|disregard|omit|drop)\b",
    re.IGNORECASE,
)
_FORMAT_WORD = re.compile(
    r"\b(csv|comma[- ]separated|spreadsheets?|excel|xlsx?|ods|pdfs?|machine[- ]readable)\b",
    re.IGNORECASE,
)
_FORMAT_VERB = re.compile(
    r"\b(format|form|file|provide|provided|send|sent|supply|supplied|receive|like|prefer|"
    r"preferably|grateful|release|disclose)\b",
    re.IGNORECASE,
)
_FORMAT_NOT = re.compile(
    r"\?|\b(how many|number of|detailing|broken down|breakdown|figures for|per year|each year|"
    r"listing|showing)\b",
    re.IGNORECASE,
)
_PART_REFS = PART_REFS
_DATASET = re.compile(
    r"\b(how many|how much|number of|numbers of|statistics|statistical|figures|breakdown|"
    r"broken down|data (on|about|showing|for|relating|regarding|held)|dataset|data set|"
    r"records (of|for|showing)|total (number|cost|amount|spend|value)|average|"
    r"per (year|month|annum|week)|each (year|month)|by (year|month)|spreadsheet|csv)\b",
    re.IGNORECASE,
)
_IF_YES = re.compile(r"^\s*(if\s+(yes|so)\b|if the answer (to .{1,30} )?is yes\b)", re.IGNORECASE)
_IF_NO = re.compile(r"^\s*(if\s+(no|not)\b|if the answer (to .{1,30} )?is no\b)", re.IGNORECASE)
_INVITES_SUBPARTS = re.compile(
    r"\bif\s+(yes|so)\b[^.?!]*\b(answer|following|below|questions?|sub-?parts?)\b", re.IGNORECASE
)
_TERMINAL = ".?!:;"


def _asks(text: str) -> bool:
    """Whether a paragraph asks for something (see _ASK_OPENERS and _ASKS)."""
    core = re.sub(r"^[\s….]*(\[[^\]]{0,80}\]\s*)?[\W…]*", "", text)
    return bool(_ASK_OPENERS.match(core) or _ASKS.search(text))


def _is_cost_clause(text: str) -> bool:
    return (
        "?" not in text
        and bool(_COST.search(text))
        and bool(_COST_IF.search(text))
        and bool(_COST_ACT.search(text))
    )


def _format_of(text: str) -> AnswerFormat | None:
    """The answer format a paragraph asks for, if the paragraph is only a format preference."""
    if not _FORMAT_WORD.search(text) or not _FORMAT_VERB.search(text) or _FORMAT_NOT.search(text):
        return None
    if len(text.split()) > 60:
        return None
    if re.search(r"\b(csv|comma[- ]separated|machine[- ]readable)\b", text, re.IGNORECASE):
        return AnswerFormat.CSV
    if re.search(r"\b(spreadsheets?|excel|xlsx?|ods)\b", text, re.IGNORECASE):
        return AnswerFormat.SPREADSHEET
    return AnswerFormat.PDF


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _were(lines) -> str:
    return "was" if len(lines) == 1 else "were"


def _quote(text: str, limit: int = 60) -> str:
    text = _one_line(text)
    return f"'{text}'" if len(text) <= limit else f"'{text[: limit - 1].rstrip()}…'"


# --------------------------------------------------------------------------------------------
# 1. Where the request is
# --------------------------------------------------------------------------------------------


@dataclass
class _Region:
    start: int
    end: int
    pre: list[str] = field(default_factory=list)  # lines before the request (title candidates)
    started_by: str = "top"  # "greeting", "greeting-inline", "heading", "quoted" or "top"
    interleaved_from: int | None = None  # first line of the force's answers between questions
    dropped: set[int] = field(default_factory=set)  # lines inside the region that are not kept


def _find_request(lines: list[str], notes: list[str]) -> _Region:
    """Where the request starts and ends in `lines`, and which lines inside it are not its own.

    May strip the quotation marks a force puts around a quoted request from `lines`.
    """
    region = _find_start(lines, notes)
    _end_at_closing_quote(lines, region)
    _find_end(lines, region, notes)
    if region.interleaved_from is not None:
        _drop_answers(lines, region, notes)
    return region


def _find_start(lines: list[str], notes: list[str]) -> _Region:
    start, started_by = 0, "top"
    for i, raw in enumerate(lines):
        s = raw.strip()
        if not s:
            continue
        inline = _GREETING_INLINE.match(s)
        if inline and len(inline.group(2).split()) < 3:
            inline = None
        if _GREETING.match(s) and len(s.split()) <= 12 and not inline:
            start, started_by = i, "greeting"
            break
        if inline:  # "Dear Sir, please provide …": the greeting goes, the rest of the line stays
            notes.append(f"the greeting {_quote(inline.group(1))} was removed")
            lines[i] = inline.group(2)
            return _Region(start=i, end=len(lines), started_by="greeting-inline",
                           pre=[ln.strip() for ln in lines[:i] if ln.strip()])
        if _START_HEADING.match(s) and not _asked_before(lines[:i]):
            start, started_by = i, "heading"
            break
    # a force quoting the request ("I note you seek access to the following information:", often
    # wrapped over two lines) puts it after that phrase, whatever greeting came before
    for i in range(start, min(len(lines), start + 40)):
        if _parse_label(lines[i].strip()):
            break
        window = " ".join(ln.strip() for ln in lines[max(0, i - 2) : i + 1] if ln.strip())
        if lines[i].strip() and _SEEK_ACCESS.search(window):
            if started_by == "greeting":
                notes.append(f"the greeting {_quote(lines[start])} was removed")
            start, started_by = i, "quoted"
            break
    region = _Region(start=start, end=len(lines), started_by=started_by)
    region.pre = [ln.strip() for ln in lines[:start] if ln.strip() and not _GREETING.match(ln.strip())]
    if started_by != "top":
        heading = lines[start].strip()
        if started_by == "quoted":
            notes.append("the request was read from the force's quotation of it")
        if started_by == "greeting":
            notes.append(f"the greeting {_quote(heading)} was removed")
        region.start = start + 1
        # a greeting straight after a heading ("Request" / "Dear Sir,") is not the request either
        nxt = next((i for i in range(region.start, len(lines)) if lines[i].strip()), None)
        if nxt is not None and _GREETING.match(lines[nxt].strip()) and len(lines[nxt].split()) <= 12:
            notes.append(f"the greeting {_quote(lines[nxt])} was removed")
            region.start = nxt + 1
        ignored = [ln for ln in region.pre if not _CHROME.match(ln)]
        if ignored:
            notes.append(f"{counted(len(ignored), 'line')} of page text before the request "
                         f"{_were(ignored)} ignored")
    else:
        # drop page chrome ("Skip to content", cookie banners) at the very top
        i = 0
        while i < len(lines) and (not lines[i].strip() or _CHROME.match(lines[i].strip())):
            i += 1
        # a subject line or a short heading above the request is its title, not its text
        if i < len(lines):
            head = lines[i].strip()
            after = lines[i + 1].strip() if i + 1 < len(lines) else ""
            rest = any(ln.strip() for ln in lines[i + 1 :])
            if rest and (re.match(r"^(subject|re|title)\s*:\s*\S", head, re.IGNORECASE) or (
                not after and _looks_like_heading(head)
            )):
                i += 1
        region.pre = [ln.strip() for ln in lines[:i] if ln.strip()]
        region.start = i
    return region


def _asked_before(lines: list[str]) -> bool:
    """Numbered questions above a "Request" heading: they are the request (a follow-up written
    above the original one, say), not a page's text to skip."""
    return sum(1 for ln in lines if _is_question_label(ln.strip()) and _asks(ln)) >= 2


def _end_at_closing_quote(lines: list[str], region: _Region) -> None:
    """A request quoted by the force ("I note you seek access …:" then "…") ends with the quote."""
    first = next((i for i in range(region.start, len(lines)) if lines[i].strip()), None)
    if first is not None and lines[first].lstrip()[:1] in "\"“":
        for j in range(first, len(lines)):
            if re.search(r"[\"”]\s*$", lines[j]) and (j > first or len(lines[j].strip()) > 1):
                lines[first] = re.sub(r"^(\s*)[\"“]", r"\1", lines[first])
                lines[j] = re.sub(r"[\"”]\s*$", "", lines[j])
                region.end = j + 1
                break


def _find_end(lines: list[str], region: _Region, notes: list[str]) -> None:
    """End at the sign-off, a next letter or the force's reply; spot answers between questions."""
    seen_question = False
    for i in range(region.start, region.end):
        s = lines[i].strip()
        if not s:
            continue
        if _SIGNOFF.match(s) or (seen_question and _GREETING.match(s) and len(s.split()) <= 12):
            rest = [ln for ln in lines[i + 1 :] if ln.strip()]
            if _SIGNOFF.match(s):
                what = f"the sign-off {_quote(s)}"
                notes.append(f"{what} and the {counted(len(rest), 'line')} after it were ignored"
                             if rest else f"{what} was removed")
            else:
                notes.append(f"the text from the next letter ({_quote(s)}) on was ignored")
            region.end = i
            break
        if seen_question and _CLOSING.match(s) and not any(
                _is_question_label(lines[k]) for k in range(i + 1, region.end)):
            rest = [ln for ln in lines[i + 1 : region.end] if ln.strip()]
            notes.append(f"the closing {_quote(s, 40)}" + (f" and the {counted(len(rest), 'line')} after it were"
                                                            if rest else " was")
                         + " left out: each letter closes with its own words")
            region.end = i
            break
        if seen_question and (_END_HEADING.match(s) or (region.interleaved_from is None
                                                         and _REPLY_OPENER.match(s))):
            rest = [ln for ln in lines[i:] if ln.strip()]
            notes.append(f"the force's reply from {_quote(s, 40)} on ({counted(len(rest), 'line')}) "
                         "was ignored")
            region.end = i
            break
        if region.interleaved_from is None and not seen_question and (
            _REPLY_OPENER.match(s) or _ANSWER_LABEL.match(s)
        ):
            if any(_is_question_label(lines[k]) for k in range(i + 1, region.end)):
                region.interleaved_from = i
                continue
        label = _parse_label(s)
        if label is not None or _asks(s):
            seen_question = True
        if seen_question and region.interleaved_from is None and _ANSWER_LABEL.match(s):
            region.interleaved_from = i


def _drop_answers(lines: list[str], region: _Region, notes: list[str]) -> None:
    """On a page of questions and answers, keep each numbered question's line and drop the rest."""
    for i in range(region.interleaved_from or region.start, region.end):
        s = lines[i].strip()
        if s and not (_is_question_label(s) and not _ANSWER_LABEL.match(s)):
            region.dropped.add(i)
    if region.dropped:
        notes.append(f"{counted(len(region.dropped), 'line')} of the force's answers between the "
                     f"questions {_were(region.dropped)} left out")


def _is_question_label(line: str) -> bool:
    label = _parse_label(line)
    return label is not None and label.kind in ("num", "sub") and bool(label.rest)


# --------------------------------------------------------------------------------------------
# 2-3. Lines and labels
# --------------------------------------------------------------------------------------------

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9,
          "x": 10, "xi": 11, "xii": 12, "xiii": 13, "xiv": 14, "xv": 15}


@dataclass(frozen=True)
class _Label:
    kind: str  # "num", "sub" (1a, 1.1, Q1a: a sub-part with its number), "alpha", "roman", "bullet"
    style: str  # how it is written, e.g. "num:1.", "num:Q", "alpha:(a)", "bullet:-"
    ordinal: int | None  # 1-based position it claims; None for bullets
    written: str  # the label as typed, e.g. "1a."
    rest: str  # the text after it
    parent: int | None = None  # for "sub": the number of the part it belongs to
    sub_letter: str | None = None  # for "sub": its letter as written ("a", or "1" for 1.1)
    alpha: int | None = None  # for one-letter romans i, v, x: their place as a letter


_WORD_LABEL = re.compile(
    r"^(?P<word>Q|Qu|Question|Request|Part|Item|Point)\s*\.?\s*(?P<num>[1-9]\d{0,2})"
    r"(?:(?P<sub>[a-z])(?![a-z])|\((?P<psub>[a-z])\))?"
    r"(?P<sep>\s*[.:)\-–—]+\s*|\s+|$)",
    re.IGNORECASE,
)
_NUM_PAREN = re.compile(r"^\((?P<num>[1-9]\d{0,2})\)(?:\s+|$)")
_NUM_SUB_PAREN = re.compile(r"^(?P<num>[1-9]\d?)\s?\((?P<sub>[a-z])\)(?:\s*[.:\-–]?\s+|$)")
_NUM_DOTTED = re.compile(r"^(?P<num>[1-9]\d?)\.(?P<sub>[1-9]\d?)\.?(?:\s+|$)")
_NUM = re.compile(
    r"^(?P<num>[1-9]\d{0,2})(?P<sub>[a-z])?(?P<sep>\.|\)|:|\s+[-–—])(?!\d)(?:\s*)"
)
_NUM_SUB_BARE = re.compile(r"^(?P<num>[1-9]\d?)(?P<sub>[a-z])\s+(?=[A-Z])")
_ROMAN_LABEL = re.compile(
    r"^(?P<open>\()?(?P<rom>x{0,1}(?:ix|iv|v?i{0,3})|X{0,1}(?:IX|IV|V?I{0,3}))"
    r"(?(open)\)|[.)])(?:\s+|$)"
)
_ALPHA_LABEL = re.compile(r"^(?P<open>\()?(?P<let>[a-zA-Z])(?(open)\)|[.)])(?:\s+|$)")
_BULLET = re.compile(r"^(?P<b>[-–—•●◦▪■□·*‣⁃○➢►✓])\s+"
                     r"|^(?P<w>[o§])(?:\t|\s{2,})")  # Word's "o" and "§" are followed by a tab or spaces


def _parse_label(line: str) -> _Label | None:
    s = line.strip()
    m = _WORD_LABEL.match(s)
    if m:
        word = m.group("word")
        if word.lower() in ("part", "item", "point") and not (
            m.group("sep").strip() or m.end() == len(s)
        ):
            m = None
        elif word.lower() in ("q", "qu") and word[0] != "Q":
            m = None
    if m:
        num = int(m.group("num"))
        sub = m.group("sub") or m.group("psub")
        style = "num:" + m.group("word").lower().rstrip("u")
        written, rest = s[: m.end()].strip(), s[m.end():].strip()
        if sub:
            return _Label("sub", style + "a", ord(sub.lower()) - 96, written, rest, num, sub.lower())
        return _Label("num", style, num, written, rest)
    m = _NUM_PAREN.match(s)
    if m:
        return _Label("num", "num:(1)", int(m.group("num")), s[: m.end()].strip(), s[m.end():].strip())
    m = _NUM_SUB_PAREN.match(s)
    if m:
        sub = m.group("sub")
        return _Label("sub", "sub:1(a)", ord(sub) - 96, s[: m.end()].strip(), s[m.end():].strip(),
                      int(m.group("num")), sub)
    m = _NUM_DOTTED.match(s)
    if m:
        return _Label("sub", "sub:1.1", int(m.group("sub")), s[: m.end()].strip(),
                      s[m.end():].strip(), int(m.group("num")), m.group("sub"))
    m = _NUM.match(s)
    if m:
        num, sub = int(m.group("num")), m.group("sub")
        sep = m.group("sep").strip()
        written, rest = s[: m.end()].strip(), s[m.end():].strip()
        if sep == ":" and not rest:
            return None  # "10:" alone is more likely a time or a reference than a list item
        if sub:
            return _Label("sub", f"sub:1a{sep}", ord(sub) - 96, written, rest, num, sub)
        return _Label("num", f"num:1{sep}", num, written, rest)
    m = _NUM_SUB_BARE.match(s)
    if m:
        sub = m.group("sub")
        return _Label("sub", "sub:1a", ord(sub) - 96, s[: m.end()].strip(), s[m.end():].strip(),
                      int(m.group("num")), sub)
    m = _ROMAN_LABEL.match(s)
    if m and m.group("rom"):
        rom = m.group("rom")
        shape = "(i)" if m.group("open") else "i" + s[m.end("rom")]
        alpha = ord(rom.lower()) - 96 if len(rom) == 1 else None
        return _Label("roman", f"roman:{shape}", _ROMAN[rom.lower()], s[: m.end()].strip(),
                      s[m.end():].strip(), alpha=alpha)
    m = _ALPHA_LABEL.match(s)
    if m:
        let = m.group("let")
        shape = "(a)" if m.group("open") else "a" + s[m.end("let")]
        case = "A" if let.isupper() else "a"
        return _Label("alpha", f"alpha:{shape}{case}", ord(let.lower()) - 96,
                      s[: m.end()].strip(), s[m.end():].strip())
    m = _BULLET.match(s)
    if m:
        bullet = m.group("b") or m.group("w")
        return _Label("bullet", f"bullet:{bullet}", None, bullet, s[m.end():].strip())
    return None


@dataclass
class _Line:
    text: str  # the logical line as written, label included, wrapped lines re-joined
    block: int  # paragraph block (lines between blank lines share one)
    label: _Label | None

    @property
    def body(self) -> str:
        """The text without its label."""
        if self.label is None:
            return self.text
        return self.text[len(self.label.written):].strip()


def _wrap_width(lines: list[str]) -> int | None:
    """The width the text was wrapped at, or None when its line breaks are the writer's own."""
    stripped = [ln.strip() for ln in lines]
    lens = [len(s) for s in stripped if s]
    if not lens:
        return None
    width = max(lens)
    inner = [len(s) for s, nxt in zip(stripped, stripped[1:] + [""]) if s and nxt]
    if width > 100 or width < 40 or len(inner) < 2:
        return None
    full = sum(1 for n in inner if n >= 0.7 * width)
    return width if full >= 0.6 * len(inner) else None


def _join_lines(body: list[str]) -> list[_Line]:
    width = _wrap_width(body)
    out: list[_Line] = []
    block, prev_blank, last_physical = 0, True, ""
    last_part: _Label | None = None
    for raw in body:
        s = raw.strip()
        if not s:
            if not prev_blank:
                block += 1
            prev_blank = True
            continue
        label = _parse_label(s) or _numbered_on(s, last_part)
        if label is not None and label.kind == "num":
            last_part = label
        if out and not prev_blank and label is None and _continues(last_physical, s, width):
            out[-1].text = f"{out[-1].text} {s}"
        else:
            out.append(_Line(s, block, label))
        prev_blank, last_physical = False, s
    return out


def _numbered_on(line: str, before: _Label | None) -> _Label | None:
    """A part numbered past 999 ('1000.', 'Q1000:'), read as a part where it carries on the
    numbering of the part before it, written the same way. Labels are read up to three digits
    on their own, so that a line opening with a year ('2019. The figures …') stays wording; a
    list running past 999 kept its parts 1000 and on, numbers and all, in part 999's wording."""
    if before is None or before.ordinal is None or before.ordinal < 999:
        return None
    number = str(before.ordinal)
    at = before.written.find(number)
    if at < 0:
        return None
    head, tail = before.written[:at], before.written[at + len(number):]
    written = f"{head}{before.ordinal + 1}{tail}"
    if not line.startswith(written) or line[len(written):len(written) + 1] not in ("", " ", "\t"):
        return None
    return _Label("num", before.style, before.ordinal + 1, written, line[len(written):].strip())


def _continues(prev: str, line: str, width: int | None) -> bool:
    """Whether `line` carries on the sentence of `prev` rather than starting a new paragraph."""
    if prev[-1] not in _TERMINAL and (line[0].islower() or re.match(r"\d+ [a-z]", line)):
        return True  # "… under section" / "12 of the Act …": a number that is no label goes on
    if width is None:
        return False
    first_word = line.split()[0]
    return len(prev) + 1 + len(first_word) > width - 6


# --------------------------------------------------------------------------------------------
# 4. Parts
# --------------------------------------------------------------------------------------------


@dataclass
class _Item:
    label: _Label | None
    texts: list[str] = field(default_factory=list)
    subs: list[_Item] = field(default_factory=list)
    key: str = ""  # the number as the writer wrote it: "2", "1f"
    last_block: int = -1

    @property
    def text(self) -> str:
        return "\n".join(t for t in self.texts if t)


@dataclass
class _Built:
    intro: list[str] = field(default_factory=list)
    parts: list[_Item] = field(default_factory=list)
    cost: str | None = None
    formats: list[tuple[AnswerFormat, str]] = field(default_factory=list)


def _is_list(lines: list[_Line]) -> bool:
    labels = [ln.label for ln in lines if ln.label is not None]
    if len(labels) >= 2:
        return True
    return len(labels) == 1 and (labels[0].ordinal in (1, None) or labels[0].kind == "sub")


def _take_option(text: str, built: _Built) -> bool:
    """Keep a cost-limit or format paragraph as an option; True if `text` was taken."""
    if built.cost is None and _is_cost_clause(text):
        built.cost = text
        return True
    fmt = _format_of(text)
    if fmt is not None and not built.formats:
        built.formats.append((fmt, text))
        return True
    return False


def _build(lines: list[_Line], notes: list[str]) -> _Built:
    built = _Built()
    if _is_list(lines):
        _build_list(lines, built, notes)
    else:
        _build_paragraphs(lines, built, notes)
    # a first part that opens with "I am writing under the Act …" and goes on: that is the intro
    if built.parts and not built.intro:
        first = built.parts[0]
        if len(first.texts) > 1 and _INTRO.match(first.texts[0]):
            built.intro.append(first.texts.pop(0))
            notes.append("the opening of part 1 ('I am writing …') was kept as the introduction")
    return built


def _build_list(lines: list[_Line], built: _Built, notes: list[str]) -> None:
    levels: dict[str, int] = {}
    top: _Item | None = None
    sub: _Item | None = None
    last_alpha_sub = 0  # the last letter used for a sub-part, to tell "i" (after h) from "i." roman
    folded = 0
    trailing_noted = False
    last_label = max(i for i, ln in enumerate(lines) if ln.label is not None)
    for idx, line in enumerate(lines):
        label = line.label
        if label is not None and label.style == "sub:1.1" and (
            top is None or top.label is None or top.label.ordinal != label.parent
        ):
            label = None  # "3.5 million …" inside part 1 is wording, not part 3's sub-part
        if label is None:
            text = line.text
            if _take_option(text, built):
                continue
            target = sub or top
            if target is None:
                built.intro.append(text)
                continue
            if idx > last_label and line.block != target.last_block and not trailing_noted:
                trailing_noted = True
                notes.append(f"the paragraph after the last part ({_quote(text, 40)}) was kept "
                             "at the end of that part; move it if it belongs elsewhere")
            target.texts.append(text)
            target.last_block = line.block
            continue
        label = _settle_roman(label, levels, top, last_alpha_sub)
        level = _level_of(label, levels, top, sub)
        if label.kind == "sub":
            if top is not None and top.label is not None and top.label.ordinal == label.parent \
                    and top.label.kind != "sub":
                sub = _Item(label, _texts(line), key=f"{label.parent}{_letter_key(label)}",
                            last_block=line.block)
                top.subs.append(sub)
                continue
            level = 0  # "2a" with no part 2 before it: a part of its own
        if level == 0:
            top = _Item(label, _texts(line), last_block=line.block)
            top.key = str(label.ordinal) if label.ordinal is not None else str(len(built.parts) + 1)
            if label.kind == "sub":
                top.key = f"{label.parent}{_letter_key(label)}"
            built.parts.append(top)
            sub = None
            last_alpha_sub = 0
        elif level == 1 and top is not None:
            index = len(top.subs)
            letter_key = chr(96 + label.ordinal) if label.kind == "alpha" and label.ordinal else \
                chr(97 + index) if index < 26 else str(index + 1)
            sub = _Item(label, _texts(line), key=f"{top.key}{letter_key}", last_block=line.block)
            top.subs.append(sub)
            if label.kind == "alpha":
                last_alpha_sub = label.ordinal or 0
        else:
            target = sub or top
            if target is None:  # cannot happen: level 2 needs an open part
                built.intro.append(line.text)
                continue
            target.texts.append(line.text)
            target.last_block = line.block
            folded += 1
    if folded:
        notes.append(f"{counted(folded, 'item')} nested deeper than a sub-part "
                     f"{'was' if folded == 1 else 'were'} kept, label and all, in the text of "
                     "the sub-part above")


def _texts(line: _Line) -> list[str]:
    return [line.body] if line.body else []


def _letter_key(label: _Label) -> str:
    return label.sub_letter or ""


def _settle_roman(label: _Label, levels: dict[str, int], top: _Item | None,
                  last_alpha_sub: int) -> _Label:
    """Read "i."/"v."/"x." as a letter when it carries on a lettered list, else as a numeral."""
    if label.kind != "roman" or label.alpha is None:
        return label
    shape = label.style.split(":", 1)[1].replace("i", "a")
    alpha_style = f"alpha:{shape}{'A' if label.written.strip('(').isupper() else 'a'}"
    carries_sub = last_alpha_sub == label.alpha - 1 and alpha_style in levels
    carries_top = (top is not None and top.label is not None and top.label.kind == "alpha"
                   and top.label.ordinal == label.alpha - 1 and levels.get(alpha_style) == 0)
    if carries_sub or carries_top:
        return _Label("alpha", alpha_style, label.alpha, label.written, label.rest)
    return label


def _level_of(label: _Label, levels: dict[str, int], top: _Item | None, sub: _Item | None) -> int:
    """0: a part; 1: a sub-part; 2: deeper (folded into the sub-part's text)."""
    if label.kind == "sub":
        return 1
    if label.style in levels:
        return levels[label.style]
    if top is None:
        level = 0
    elif (label.ordinal is not None and top.label is not None and top.label.kind == label.kind
          and top.label.ordinal is not None and label.ordinal == top.label.ordinal + 1):
        level = 0  # "1." "2." then "3)": the same list, typed differently
    elif sub is not None:
        level = 2
    else:
        level = 1
    levels[label.style] = level
    return level


def _build_paragraphs(lines: list[_Line], built: _Built, notes: list[str]) -> None:
    current: _Item | None = None
    for line in lines:
        text = line.text
        if _take_option(text, built):
            continue
        absorbs = current is not None and _introduces_list(current.texts[-1])
        if absorbs:
            current.texts.append(text)
        elif _asks(text):
            current = _Item(None, [text], key=str(len(built.parts) + 1), last_block=line.block)
            built.parts.append(current)
        elif current is None:
            built.intro.append(text)
        else:
            current.texts.append(text)
    # "the following:" at the end of the introduction with nothing asking after it: the list is
    # the request (e.g. a list of matches to be billed for)
    if not built.parts and built.intro and any(_introduces_list(t) or _asks(t) for t in built.intro):
        k = next(i for i, t in enumerate(built.intro) if _introduces_list(t) or _asks(t))
        built.parts.append(_Item(None, built.intro[k:], key="1"))
        del built.intro[k:]
    if built.parts:
        notes.append("no numbering found: each paragraph that asks for something is a part")


def _introduces_list(text: str) -> bool:
    return bool(re.search(r"(:|:-|;|\bthe following|\bas follows|\bbelow)\s*$", text.strip(),
                          re.IGNORECASE))


# --------------------------------------------------------------------------------------------
# 5-6. Options, conditions, datasets, title
# --------------------------------------------------------------------------------------------


def _finish(built: _Built, region: _Region, notes: list[str]) -> Request:
    _fold_breakdowns(built, notes)
    _split_trailing_cost(built, notes)
    parts: list[Part] = []
    by_key: dict[str, str] = {}
    numbers: list[int] = []
    for item in built.parts:
        text = item.text.strip()
        subs = [s for s in item.subs if s.text.strip()]
        if not text and not subs:
            notes.append(f"the label {_quote(item.label.written if item.label else '?')} had no "
                         "text and was left out")
            continue
        sub_parts = [Part(text=s.text.strip(), dataset=_is_dataset(s.text)) for s in subs]
        if _INVITES_SUBPARTS.search(text):
            for sp in sub_parts:
                if not _IF_NO.match(sp.text):
                    sp.condition = "if_yes"
        for sp in sub_parts:
            if _IF_YES.match(sp.text):
                sp.condition = "if_yes"
            elif _IF_NO.match(sp.text):
                sp.condition = "if_no"
        part = Part(text=text, subparts=sub_parts, dataset=_is_dataset(text))
        if parts and _IF_YES.match(text):
            part.condition = "if_yes"
            notes.append(f"part {len(parts) + 1} starts {_quote(text, 20)}: it is asked only if "
                         f"the answer to part {len(parts)} is yes")
        elif parts and _IF_NO.match(text):
            part.condition = "if_no"
            notes.append(f"part {len(parts) + 1} starts {_quote(text, 20)}: it is asked only if "
                         f"the answer to part {len(parts)} is no")
        by_key[item.key.lower()] = part.id
        for s, sp in zip(subs, sub_parts):
            by_key[s.key.lower()] = sp.id
        if item.label is not None and item.label.kind == "num" and item.label.ordinal is not None:
            numbers.append(item.label.ordinal)
        parts.append(part)
    if numbers and numbers != list(range(1, len(numbers) + 1)) and len(numbers) == len(parts):
        notes.append(f"the parts were numbered {', '.join(map(str, numbers))}; they are now "
                     f"numbered 1 to {len(parts)}: check any references between them")

    options = Options()
    if built.cost is not None:
        options.cost_limit_clause = True
        options.cost_limit_wording = _one_line(built.cost)
        notes.append("a cost-limit clause was recognised and kept as an option, in your wording")
    else:
        notes.append("the text has no cost-limit clause: the standard one will be added "
                     "(it can be turned off in the request's options)")
    if built.formats:
        fmt, wording = built.formats[0]
        options.answer_format = fmt
        options.format_wording = _one_line(wording)
        named = _named_parts(wording, by_key)
        options.format_parts = named
        scope = f" for {counted(len(named), 'named part')}" if named else ""
        notes.append(f"a format preference ({fmt.value}{scope}) was recognised and kept as an "
                     "option, in your wording")

    opening = next((line for line in built.intro if line.strip()), None)
    subject = _SUBJECT_LINE.match(opening.strip()) if opening else None
    if subject and _clean_title(subject.group(2)):  # "Dear …," then "Re: …": the letter's subject,
        built.intro = built.intro[built.intro.index(opening) + 1:]  # not a line of every letter
    intro = "\n".join(built.intro).strip() or None
    title = _title(region, intro, parts, notes, _clean_title(subject.group(2)) if subject else "")
    return Request(title=title, introduction=intro, parts=parts, options=options)


def _check_reads_as_request(built: _Built, source: str) -> None:
    """Refuse a document that only looks like a list (a form, a policy, a force's answer)."""
    items = [t for item in built.parts for t in [item.text, *(s.text for s in item.subs)] if t]
    if len(items) < 4:
        return
    asking = sum(1 for t in items if _asks(t))
    intro_asks = bool(built.intro) and _asks(built.intro[-1]) and _introduces_list(built.intro[-1])
    if asking < 0.3 * len(items) and not intro_asks:
        raise ComposerError(
            f"{source}: does not read as a request: only {asking} of its {len(items)} list items "
            "ask for anything (is it the force's answer, or another document?)"
        )


def _is_dataset(text: str) -> bool:
    return bool(_DATASET.search(text))


def _fold_breakdowns(built: _Built, notes: list[str]) -> None:
    """Sub-items that list periods or things under "…:" are the part's wording, not questions."""
    for n, item in enumerate(built.parts, start=1):
        if not item.subs or not _introduces_list(item.texts[-1] if item.texts else ""):
            continue
        if all(_is_breakdown_item(s.text) for s in item.subs):
            item.texts += [f"{s.label.written} {s.text}".strip() if s.label else s.text
                           for s in item.subs]
            notes.append(f"the {len(item.subs)} items under part {n} list things to break the answer "
                         "down by, not questions: they were kept in that part's text")
            item.subs = []


_PERIOD_OR_PLACE = re.compile(
    r"\b(19|20)\d\d\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|"
    r"\b(vs?\.?|versus)\s",
    re.IGNORECASE,
)


def _is_breakdown_item(text: str) -> bool:
    """A short item naming a period, a date or a match: what to break an answer down by."""
    words = len(text.split())
    return (not _asks(text) and words <= 10
            and (bool(_PERIOD_OR_PLACE.search(text)) or words <= 3))


_COST_SENTENCE = re.compile(
    r"(?:(?<=[.?!])\s+|\n)((?:in the event|if|should|where|in case)\b[^\n]*$)", re.IGNORECASE
)


def _split_trailing_cost(built: _Built, notes: list[str]) -> None:
    """A cost-limit clause run on into the last part (no blank line between) is still the clause."""
    if built.cost is not None or not built.parts:
        return
    last = built.parts[-1].subs[-1] if built.parts[-1].subs else built.parts[-1]
    text = last.text
    m = _COST_SENTENCE.search(text)
    if m and _is_cost_clause(m.group(1)) and m.start(1) > 0:
        built.cost = m.group(1)
        last.texts = [text[: m.start(1)].rstrip()]


def _named_parts(wording: str, by_key: dict[str, str]) -> list[str]:
    ids: list[str] = []
    for m in _PART_REFS.finditer(wording):
        chunk = m.group(1) or m.group(2)
        for ref in re.findall(r"Q?(\d{1,2}[a-z]?)", chunk, re.IGNORECASE):
            pid = by_key.get(ref.lower())
            if pid and pid not in ids:
                ids.append(pid)
    return ids


_TITLE_NOISE = re.compile(
    r"(\bcookies?\b|@|https?://|\breference\b|\bref\b|^we |^you |^your |^this site|^sorry|"
    r"^peoples? |^sign |^follow|^share|^report)",
    re.IGNORECASE,
)


def _looks_like_heading(line: str) -> bool:
    return (
        len(line.split()) <= 10 and len(line) <= 90 and line[-1] not in _TERMINAL + ","
        and not _asks(line) and _parse_label(line) is None and not _CHROME.match(line)
        and not _TITLE_NOISE.search(line) and (line[0].isupper() or line[0].isdigit())
    )


_ACT_MENTION = re.compile(
    r",?\s*\b(?:under|in accordance with|pursuant to)\s+(?:the\s+)?Freedom\s+of\s+Information\s+"
    r"(?:\(Scotland\)\s+)?Act(?:\s+\d{4})?(?:\s*\((?:FOIA|FOISA)\))?\s*,?", re.IGNORECASE)
_LEAD_IN = re.compile(
    r"^(?:please\s+)?(?:(?:could|can|would|will)\s+you\s+(?:please\s+)?)?"
    r"(?:disclose|provide|send|supply|give)(?:\s+(?:to\s+)?me)?\b[\s,:]*", re.IGNORECASE)


_SUBJECT_LINE = re.compile(r"^(subject|re|title|fw|fwd)\s*:\s*(.+)$", re.IGNORECASE)
_FOI_SUBJECT = re.compile(r"^(?:foi|foisa|freedom of information)(?: request)?\s*[-–—:]\s*\S", re.IGNORECASE)
_DATE_LINE = re.compile(  # "1 December 2026", "December 1st, 2026", "2026-12-01", "01/12/2026": a letter's date
    r"^(?:\w+day,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+,?\s+\d{4}|[A-Za-z]+\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})$")


def _title(region: _Region, intro: str | None, parts: list[Part], notes: list[str],
           subject: str = "") -> str:
    candidates = list(region.pre)
    if region.started_by.startswith("greeting") and candidates:
        candidates = candidates[:-1]  # on WhatDoTheyKnow the line before "Dear" is the sender
    for line in region.pre:  # a "Subject:" line is never the sender, even just above "Dear …"
        m = _SUBJECT_LINE.match(line)
        if m:
            return _clean_title(m.group(2))
    if subject:  # a "Re: …" line just below "Dear …"
        return subject
    for line in region.pre:  # a letter's own subject line, often just above "Dear …"
        if _FOI_SUBJECT.match(line) and _clean_title(line):
            return _clean_title(line)
    for line in candidates:
        if _looks_like_heading(line) and not _DATE_LINE.match(line):
            title = _clean_title(line)
            if title:
                notes.append(f"the title {_quote(title)} was taken from the heading above the request")
                return title
    if intro:
        m = re.search(
            r"\b(?:information|request|requests|relates|relating|regard)\s+(?:to\s+)?"
            r"(?:on|about|regarding|concerning|relating to|in relation to|to)\s+(.+?)"
            r"(?:\s+(?:that|which|who|used|deployed|held|by|from|within)\b|[,.;:()]|$)",
            intro, re.IGNORECASE)
        if m and 1 <= len(m.group(1).split()) <= 8:
            topic = m.group(1).strip()
            return topic[0].upper() + topic[1:]
    first = re.sub(r"^[\s….]*(\[[^\]]{0,80}\]\s*)?[\W…]*", "", parts[0].text if parts else "")
    # the title is every letter's subject: not one Act's name, not "Please disclose to me"
    first = _ACT_MENTION.sub(" ", first)
    first = _LEAD_IN.sub("", first.strip()).lstrip(" ,:")
    words = first.split()
    title = " ".join(words[:8]).rstrip(",;:.?")
    title = title[:1].upper() + title[1:]
    return (title + "…" if len(words) > 8 else title) or "Untitled request"


def _clean_title(line: str) -> str:
    line = re.sub(r"^(foi|foisa|freedom of information)( request)?\s*[-–—:]\s*", "", line,
                  flags=re.IGNORECASE)
    line = re.sub(r"\s*[\(\[][^)\]]*\d[^)\]]*[\)\]]\s*$", "", line)
    line = re.sub(r"\s*[-–—|]\s*(foi|ref|reference)\b.*$", "", line, flags=re.IGNORECASE)
    return line.strip(" -–—|:")
