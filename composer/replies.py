"""Reading what came back: what kind of reply a force sent, and what it did with each part.

A reply is read from its words, the way a campaigner skims it: an acknowledgement promises an
answer within the statutory time; a request for clarification asks what something means (FOIA
s1(3)); an extension notice says the public interest needs more time (s10(3), s17(2)); an answer
discloses; a refusal notice names exemptions (s17); "not held" says the force holds nothing. Where
the reply numbers or quotes the parts ("1c. …", "Question 3 –"), each part's answer is read on its
own: answered, not held, refused under a section, neither confirmed nor denied, or clarification
asked. The sections are found by `composer.responses`, which also says what a refusal lacks.

Nothing here is final: the app shows the reading for the user to confirm or correct before it is
recorded, and the command line records it only with `--apply`.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from composer import storage
from composer.errors import ComposerError
from composer.dates import MONTHS
from composer.law import ordinal
from composer.model import Act, Force, Request, letter
from composer.responses import sections_in


class ReplyKind(StrEnum):
    ACKNOWLEDGEMENT = "acknowledgement"
    CLARIFICATION = "clarification-asked"
    EXTENSION = "extension"
    ANSWERED = "answered"
    PARTLY = "partly-answered"
    REFUSED = "refused"
    NOT_HELD = "not-held"
    # "Do you still want it?": a force that has not answered asks whether the request still stands,
    # and will treat it as withdrawn after a day. It asks nothing about what the request means,
    # so it is no request for clarification (s1(3)) and stops no clock: the force stays late.
    STILL_WANTED = "still-wanted"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


UNREAD_NOTE = ("the answer is in an attachment this reply only points to, and is not read: open it, "
               "and attach it too (a .docx, .pdf or its words as .txt) to read what was done with "
               "each part; until then coverage shows those parts as 'attached, not read'")
"""Said wherever a reading is shown whose answer is in an attachment not read (`ReplyReading.unread`)."""


_KIND_LABELS = {
    ReplyKind.ACKNOWLEDGEMENT: "acknowledgement",
    ReplyKind.CLARIFICATION: "clarification asked",
    ReplyKind.EXTENSION: "extension notice (public interest)",
    ReplyKind.ANSWERED: "answered",
    ReplyKind.PARTLY: "partly answered",
    ReplyKind.REFUSED: "refused",
    ReplyKind.NOT_HELD: "not held",
    ReplyKind.STILL_WANTED: "asks whether you still want it",
}


class Outcome(StrEnum):
    """What a force did with one part."""

    ANSWERED = "answered"
    NOT_HELD = "not held"
    REFUSED = "refused"
    NCND = "neither confirm nor deny"
    CLARIFY = "clarification asked"


@dataclass(frozen=True)
class PartReading:
    outcome: Outcome
    sections: tuple[str, ...] = ()

    def __str__(self) -> str:
        if self.sections and self.outcome in (Outcome.REFUSED, Outcome.NCND):
            return f"{self.outcome.value} {' '.join(self.sections)}"
        return self.outcome.value

    @classmethod
    @lru_cache(maxsize=4096)  # a campaign of 49 forces by 99 parts holds some 5,000, mostly the same few
    def parse(cls, text: str) -> PartReading:
        """`refused s31(1) s40(2)` -> PartReading(REFUSED, ('s31(1)', 's40(2)')); the inverse of str."""
        words = text.strip()
        for outcome in sorted(Outcome, key=lambda o: -len(o.value)):
            if words.lower().startswith(outcome.value):
                rest = words[len(outcome.value):].split()
                return cls(outcome, tuple(rest))
        aliases = {"ncnd": Outcome.NCND, "not-held": Outcome.NOT_HELD, "clarify": Outcome.CLARIFY,
                   "clarification": Outcome.CLARIFY, "clarification-asked": Outcome.CLARIFY}
        head, *rest = words.split() or [""]
        if head.lower() in aliases:
            return cls(aliases[head.lower()], tuple(rest))
        known = ", ".join(o.value for o in Outcome)
        raise ComposerError(f"{text!r} is not what a force does with a part; use one of: {known}")


@dataclass
class ReplyReading:
    kind: ReplyKind | None  # None: the words did not say; the user chooses
    sections: list[str] = field(default_factory=list)
    reference: str = ""
    dates: dict[str, date] = field(default_factory=dict)  # received, dated, reply_by, until
    parts: dict[str, PartReading] = field(default_factory=dict)  # "1c" -> what was done with it
    asked: str = ""  # a request for clarification: what the force asks
    ncnd: bool = False  # the reply neither confirms nor denies that information is held
    # The answer, or some part's answer, is in an attachment these words only point to ("Please
    # find attached our response"): what it says of the parts they give no words about is not read.
    unread: bool = False
    letters: int = 1  # the force's letters in the text (a thread): the latest is the one read
    # No letter at all: a long text with no greeting, sign-off or word of the request (a released
    # document, such as an impact assessment attached to an answer). Its words are the
    # information, not the force saying what it did: no kind, sections or parts are read from it.
    document: bool = False

    def as_json(self) -> dict:
        return {
            "kind": self.kind.value if self.kind else None,
            "sections": list(self.sections),
            "reference": self.reference,
            "dates": {role: d.isoformat() for role, d in self.dates.items()},
            "parts": {label: str(reading) for label, reading in self.parts.items()},
            **({"unread": True} if self.unread else {}),
            **({"letters": self.letters} if self.letters > 1 else {}),
            **({"document": True} if self.document else {}),
        }

    @property
    def date(self) -> date | None:
        """The day the reply is taken to have come: its own date, else none (the user says)."""
        return self.dates.get("dated")


def dates_before(reading: ReplyReading, sent: date, force_name: str = "") -> str | None:
    """A warning when the reply's own dates come before the request was sent (to `force_name`):
    a reply to an older request, or another force's. None when no date it gives is earlier."""
    early = [f"{role.replace('_', ' ')} {day.isoformat()}" for role, day in reading.dates.items()
             if day < sent]
    if not early:
        return None
    to = f" to {force_name}" if force_name else ""
    return (f"the reply's own dates ({', '.join(early)}) are before the request was sent{to} on "
            f"{sent.isoformat()}: is it the wrong file, or a reply from another force?")


# -- the words that say what a reply is ---------------------------------------------------------
def _any(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(patterns), re.I)


_CLARIFY = _any(
    r"\brequire (?:some )?further (?:information|details|clarification) from you",
    r"\bunable to proceed with your request",
    r"\b(?:could|can|would) you (?:please )?(?:clarify|confirm what|specify|explain what)",
    r"\bplease (?:clarify|confirm what you mean|specify)",
    r"\bwhat (?:do|did) you mean by\b", r"\bdo you mean\b",
    r"\b(?:which|what)\b[^.?]{0,40}\byou (?:mean|are referring to|refer to)\b",  # "which system you mean by"
    r"\bclarification (?:of|on|regarding|about) (?:your|the|what)",
    r"\bseek(?:ing)? clarification\b", r"\bneed(?:s)? (?:to )?clarif",
    r"\b(?:require|need|request|ask for)(?:s|ing)? (?:some |further |more )?clarification\b",
    r"\bsection 1\s?\(3\)",  # the Act's own words for it (FOIA and FOISA alike)
)
_EXTENSION = _any(
    r"\bpublic interest test\b[^.]{0,200}\b(?:extend|extension|additional time|further time|"
    r"more time)",
    r"\b(?:extend|extension of|additional time|further time|more time)\b[^.]{0,200}\bpublic interest",
    r"\bsection 10\s?\(3\)|\bs\.?\s?10\s?\(3\)|\bsection 17\s?\(2\)",
)
_ACK = _any(
    r"\bwill now be considered\b", r"\backnowledge (?:receipt|your request)",
    r"\bthank you for your (?:request|email)[^.]{0,80}\breceived\b",
    r"\byou (?:will|should) (?:receive|get) (?:a|our) response within\b",
    r"\bhas been (?:logged|registered|allocated)\b", r"\bwe aim to respond\b",
)
# "Do you still want it?" asks after the information or the request itself ("whether you still seek
# access to the information", "if you still require it"), not after help ("if you still need
# assistance, contact us").
_WANTED = (r"(?:access to )?(?:(?:the|this|that|your) (?:requested )?(?:information|request|data|material)\b"
           r"|it\b(?! (?:is|was|has)\b))")
_STILL_WANTED = _any(
    rf"\b(?:if|whether) you (?:still|continue to) (?:seek|require|want|need|wish to (?:receive|have|pursue)) {_WANTED}",
    rf"\byou (?:still|continue to) (?:seek|require|want|need|wish to (?:receive|have|pursue)) {_WANTED}",
    r"\b(?:is|are) (?:this|the|your) (?:request|information) still (?:required|wanted|needed)\b",
)
_REFUSAL = _any(
    r"\b(?:serves?|acts?|is to be treated) as a refusal notice\b",
    r"\brefusal notice under section 17\b", r"\bexempt(?:ion)? (?:from disclosure|under|applies)",
    r"\b(?:has|have) been withheld\b", r"\b(?:is|are|was|were|being) withheld\b",
    r"\b(?:is|are|was|were) (?:therefore )?exempt\b",
    r"\bby virtue of the following exemptions?\b", r"\bwe are (?:therefore )?unable to disclose\b",
    r"\b(?:refus(?:e|ed|ing)|exempt)\b[^.]{0,80}\bsection (?:12|14)\b",
    r"\bsection (?:12|14)\b[^.]{0,80}\b(?:refus|exceed|vexatious)",
    r"\b(?:is|be|as|being) (?:considered |deemed |regarded as |found to be )?vexatious\b",
)
# A refusal on cost says the limit would be exceeded, whether or not it names the section; a
# request says the same words as a condition ("if this would exceed the cost limit, …").
_OVER_LIMIT = _any(r"\b(?:would|will|does|do|to) exceed the (?:appropriate |cost |costs |fees? |time )*limit\b",
                   r"\bexceeds? the (?:appropriate|cost|fees?) limit\b")
_CONDITION = _any(r"\b(?:if|in the event|should|where|whether|unless|in case)\b")


def _refuses(text: str) -> bool:
    """Whether `text` says a refusal: an exemption, a refusal notice, or the cost limit exceeded."""
    return bool(_REFUSAL.search(text)) or any(
        (over := _OVER_LIMIT.search(sentence)) and not _CONDITION.search(sentence[: over.start()])
        for sentence in _sentences(text))
# The duty to confirm or deny is refused in several wordings ("neither confirm or deny" too).
_NCND = _any(r"\b(?:neither|not|cannot|can't|won't|will not) confirm\w* n?or den(?:y|ies|ying)\b",
             r"\bNCND\b")
_NOT_HELD = _any(
    r"\b(?:is|are|was) not held\b", r"\bdoes not hold\b", r"\bdo not hold\b",
    r"\bno (?:such |relevant |recorded )?(?:information|data|records?) (?:is |are |was )?held\b",
    r"\bholds? no (?:such |relevant |recorded )?(?:information|data|records?)\b",
    r"\bnot held\b", r"\bhave no (?:such |relevant )?(?:information|data|records?)\b",
    # what a force holds nothing of is said in many ways: "we hold no contract", "no such policy
    # is held", "this is not recorded", "the force does not record ethnicity"
    r"\bholds? no\b", r"\bno\b[^.;]{0,60}\b(?:is|are|was|were) (?:held|recorded|retained)\b",
    r"\b(?:is|are|was|were) not (?:recorded|retained|collated|captured)\b",
    r"\b(?:do|does|did) not (?:record|retain|collate|capture)\b",
    # a search that found nothing
    r"\bno (?:trace|records?|information|documents?) (?:was|were|has been|have been|could be) "
    r"(?:found|located|identified)\b",
    r"\b(?:could not|cannot|was unable to|were unable to) (?:locate|find|identify) any\b",
)
_DISCLOSE = _any(
    r"\bdecided to disclose\b", r"\bplease find\b[^.]{0,40}\b(?:attached|enclosed|below)\b",
    r"\bsee (?:the |our )?(?:attached|enclosed)\b", r"\b(?:is|are) (?:attached|enclosed)\b",
    r"\bfind (?:attached|below) (?:our|the|my) response\b", r"\binformation (?:is )?(?:attached|enclosed)\b",
    r"\bin response to your (?:request|questions?)[^.]{0,60}\b(?:below|attached)\b",
    r"\bthe (?:answer|response) (?:is|to)\b", r"\bwe can confirm\b", r"\bI can confirm\b",
    r"\bfigures? (?:are|is) (?:as follows|provided)\b",
)
_PARTLY = _any(
    r"\bdisclose some of\b", r"\bsome (?:of the )?(?:requested )?(?:information|data) (?:has been|have been|is|was) "
    r"withheld\b", r"\bpartial(?:ly)? (?:disclos|answer|release)", r"\bin part\b(?!\s*\d)",
    r"\bdisclose (?:part|parts) of\b",
)


# A sentence that points to the force's answer in an attachment without giving it: "Please find
# attached our response", "Our reply is enclosed", "see attached". What the attachment holds (an
# answer, a refusal) these words do not say. "The information you asked for is attached" says more:
# it is the information, given.
_POINTER = _any(
    r"\b(?:please )?(?:find|see)\b[^.]{0,30}\b(?:attached|enclosed)\b[^.]{0,30}\b(?:response|reply|answers?|"
    r"letter|decision)\b",
    r"\b(?:please )?(?:find|see)\b[^.]{0,30}\b(?:response|reply|answers?|letter|decision)\b[^.]{0,20}"
    r"\b(?:attached|enclosed)\b",
    r"\b(?:our|the|my|a) (?:full |formal |written )?(?:response|reply|answers?|decision)(?: letter)?\b[^.]{0,40}"
    r"\b(?:is|are|has been|have been|was|were) (?:attached|enclosed)\b",
    r"\b(?:I|we) (?:have )?(?:attach|enclose)(?:d)? (?:our|the|my|a) (?:response|reply|answers?|decision)\b",
    r"\b(?:response|reply|answers?) (?:is |are )?(?:provided |given |set out )?in the (?:attached|enclosed)\b",
    r"\b(?:please )?see (?:the )?(?:attached|enclosed)\s*(?:[.!]|$)",
)


def _only_points(text: str) -> bool:
    """Whether `text` says of the request only that the answer is in an attachment: it points to
    one, and no sentence of it gives information, says what was refused or not held, or cites a
    section."""
    sentences = _sentences(text)
    if not any(_POINTER.search(s) for s in sentences):
        return False
    rest = [s for s in sentences if not _POINTER.search(s)]
    return not _discloses(rest) and not any(_outcome_words(s) for s in rest) \
        and not sections_in(" ".join(rest), Act.FOIA)


def read_reply(text: str, request: Request | None = None, act: Act = Act.FOIA,
               force: Force | None = None) -> ReplyReading:
    """What the reply in `text` says. With the `request` the parts are known by their numbers and
    their quoted wording is told apart from the force's answer; with the `force` it came from, a
    request fitted to every force is quoted as that force's letter put it (its own name)."""
    text = tidy(text)
    if len(text.split()) > _DOCUMENT_WORDS and not _LETTER.search(text) and not any(
            p.search(text) for p in (_REFUSAL, _OVER_LIMIT, _NOT_HELD, _DISCLOSE)):
        return ReplyReading(kind=None, reference=reference_in(text), document=True)
    body = _body(text)
    said = _without_the_letter(body, request, force)  # the force's own words, not the request's
    said = _HYPOTHETICAL.sub(" ", said)  # and what it would have done, not what it did
    reading = ReplyReading(kind=None, sections=sections_in(said, act),
                           reference=reference_in(text), dates=dates_in(text),
                           ncnd=bool(_NCND.search(said)))
    reading.parts, pointed = _parts_and_pointers(body, request, act, force)
    reading.kind = _kind(re.sub(r"\s+", " ", said), reading)
    # Unread: some part's answer only points to the attachment; or the reply says nothing but where
    # its answer is; or it says what was done with some parts, and that its answer is attached.
    reading.unread = bool(pointed) or (bool(_POINTER.search(said)) if reading.parts else _only_points(said))
    if reading.kind is ReplyKind.CLARIFICATION:
        reading.asked = _asked(body)
    elif reading.kind is ReplyKind.STILL_WANTED:
        reading.asked = " ".join(s for s in _sentences(body) if _STILL_WANTED.search(s))
    return reading


# What marks a letter about a request: a greeting or sign-off, or the request named. A long text
# with none of them, that says nothing of refusing, withholding, holding nothing or sending, is a
# document (`ReplyReading.document`); a short one is read as a letter's words pasted alone, and so
# is a long answer pasted without its letter ("The information is exempt under …" below a table).
_LETTER = re.compile(r"^\s*Dear\b|\bYours (?:sincerely|faithfully|truly)\b|\b(?:Kind|Best|Warm) regards\b|"
                     r"\bFreedom of Information\b|\byour (?:request|e-?mail|letter|enquiry|application)\b|"
                     r"\brequest for information\b|\bFOI(?:A|SA)? request\b", re.I | re.M)
_DOCUMENT_WORDS = 400


def document_note() -> str:
    """Said wherever the reading of a document, not a letter, is shown (`ReplyReading.document`)."""
    return ("this reads as a document, not a letter from the force (no greeting, sign-off or mention "
            "of the request), so nothing is read from it: if it is what the force released, say what "
            "it gives for each part")


# A sentence on what the force would have had to do otherwise ("any wider search would have
# rendered the request exempt under section 12"): the section is not one it relies on. It starts
# only where a sentence or line does (as the first match always did), so that a long text without
# one is not scanned again from each of its characters.
_HYPOTHETICAL = re.compile(r"(?:^|(?<=[.\n]))[^.\n]*\b(?:would|could|might) (?:have (?:rendered|made|been)|otherwise)\b[^.\n]*\.?",
                           re.I)


def _without_the_letter(body: str, request: Request | None, force: Force | None) -> str:
    """`body` without the lines that quote the request back (a reply often repeats it before
    answering): a request that says "if this is not held, say so" or "if this would exceed the
    cost limit under section 12" is not the force saying either."""
    if request is None:
        return body
    from composer.outline import letter_body

    letter = letter_body(request, force)
    words = _words(" ".join([letter.introduction or "", *(p.text for p in letter.parts), *letter.clauses]))
    runs = set(zip(words, words[1:], words[2:]))
    kept = []
    for line in body.splitlines():
        have = _words(line)
        line_runs = list(zip(have, have[1:], have[2:]))
        if len(have) >= 4 and sum(r in runs for r in line_runs) >= 0.8 * len(line_runs):
            continue
        kept.append(line)
    return "\n".join(kept)


def _sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.?!])\s+(?=[A-Z\"'])", re.sub(r"\s+", " ", text))


def _asked(body: str) -> str:
    """The sentences in which the force asks what the request means."""
    sentences = _sentences(body)
    asked = [i for i, s in enumerate(sentences) if _CLARIFY.search(s) and not _MARK.match(s)]
    pointed = [i for i in asked if re.search(r"\bmean|\?|clarif|specify", sentences[i], re.I)]
    # "The phrase 'X' …" before "Do you mean …" is part of what is asked; each sentence once, in
    # the letter's order (a quoted question before "Do you mean" is not said twice)
    shown = sorted({*pointed, *(i - 1 for i in pointed if i and re.search(r"[\"'‘“]", sentences[i - 1]))})
    return " ".join(sentences[i] for i in (shown or asked)[:3]).strip()


# Boilerplate at the foot of force letters mentions refusal notices and reviews whatever the reply;
# it runs to the next letter, or to an annex that gives the exemptions the letter relies on.
_ANNEX = r"^[ \t]*(?:Annex|Appendix|Schedule|Exemptions? (?:applied|relied on|used))\b"
_FOOTER = re.compile(r"^\s*(?:COMPLAINT RIGHTS|Your right to complain|If you are dissatisfied|"
                     rf"NOTICE - This email)\b.*?(?=^Dear\b|{_ANNEX}|\Z)", re.I | re.M | re.S)


# -- a reply as it is pasted ---------------------------------------------------------------------------
# An email quoting what it answers: the quoted message starts at a line of its own ("-----Original
# Message-----", "On 3 March 2026, A wrote:", a From: line followed by Sent: or Date:), and its
# lines may each begin with ">".
_QUOTED_START = re.compile(
    r"^[ \t]*(?:-{2,}\s*(?:Original Message|Forwarded message)\s*-{2,}|On\b[^\n]{0,200}\bwrote:\s*$|"
    r"From:[^\n]*\n[ \t]*(?:Sent|Date):)", re.I | re.M)
_QUOTE_MARK = re.compile(r"^[ \t]*>[> \t]?", re.M)
# A page's furniture in text taken from a PDF: its number ("Page 2 of 5", "- 3 -", "2/5") and
# protective markings, which a force prints at the head and foot of every page.
_PAGE_NUMBER = re.compile(r"^[ \t]*(?:Page\s+\d+(?:\s+of\s+\d+)?|\d+\s*(?:/|of)\s*\d+|[-–]\s*\d+\s*[-–])[ \t]*$",
                          re.I | re.M)
_MARKING = re.compile(r"^[ \t]*(?:NOT PROTECTIVELY MARKED|OFFICIAL(?:[ \t]*[-–:][ \t]*(?:SENSITIVE|"
                      r"FOR PUBLIC RELEASE|PUBLIC))?|UNCLASSIFIED|PUBLIC)[ \t]*$", re.M)
_HYPHENATED = re.compile(r"(?<=[a-z])-\n[ \t]*(?=[a-z])")
_CELLS = re.compile(r"\t|[ \t]*\|[ \t]*")
_RULE_ROW = re.compile(r"^[\s|:+\-–=]*$")
_CELL_LABEL = re.compile(r"^(?:Q(?:uestion)?\.?\s*|Part\s+)?\d{1,2}\s*\(?[a-z]?\)?[.):]?$", re.I)


def tidy(text: str) -> str:
    """A reply as pasted, made plain to read: the message it quotes left out (or, when the whole
    reply is quoted, the quote marks taken off), a PDF's page numbers, markings and words broken
    at line ends put right, and a table of answers written a part at a time."""
    start = _QUOTED_START.search(text)
    if start and re.search(r"\w", text[: start.start()]) and len(text[: start.start()].split()) >= 8:
        text = text[: start.start()]
    lines = text.splitlines()
    quoted = [line for line in lines if _QUOTE_MARK.match(line)]
    said = [line for line in lines if line.strip() and not _QUOTE_MARK.match(line)]
    if quoted and len(" ".join(said).split()) >= 8:
        lines = [line for line in lines if not _QUOTE_MARK.match(line)]  # the force wrote above it
    elif quoted:
        lines = [_QUOTE_MARK.sub("", line, count=1) for line in lines]
    text = "\n".join(lines)
    if _PAGE_NUMBER.search(text) or _MARKING.search(text):
        text = _PAGE_NUMBER.sub("", _MARKING.sub("", text))
        text = _without_running_heads(text)
    text = _HYPHENATED.sub("", text)
    return "\n".join(_table_row(line) for line in text.splitlines())


def _without_running_heads(text: str) -> str:
    """Lines a PDF repeats at every page break (a running head such as the force's name and
    reference): a short line seen three times or more, none of them a part's number."""
    lines = text.splitlines()
    counts: dict[str, int] = {}
    for line in lines:
        if line.strip():
            counts[line.strip()] = counts.get(line.strip(), 0) + 1
    heads = {line for line, n in counts.items()
             if n >= 3 and len(line) <= 80 and not _MARK.match(line) and not _outcome_words(line)}
    return "\n".join(line for line in lines if line.strip() not in heads)


def _table_row(line: str) -> str:
    """A row of a table of answers ("| 1a | What is it called? | Patrolwise |", or cells between
    tabs) as the part's number and question on one line and the answer after a blank line."""
    if line.count("|") < 2 and "\t" not in line.strip():
        return line
    if _RULE_ROW.match(line):
        return ""
    cells = [c.strip() for c in _CELLS.split(line.strip().strip("|")) if c.strip()]
    if len(cells) < 2 or not _CELL_LABEL.match(cells[0]):
        return " ".join(cells)
    label = cells[0].rstrip(".):")
    if len(cells) == 2:
        return f"{label}. {cells[1]}"
    return f"{label}. {cells[1]}\n\n" + "\n".join(cells[2:])


def _body(text: str) -> str:
    return _FOOTER.sub("", text)


def _kind(body: str, reading: ReplyReading) -> ReplyKind | None:
    outcomes = {p.outcome for p in reading.parts.values()}
    if outcomes:
        if outcomes == {Outcome.ANSWERED}:
            # every part it numbers answered, and elsewhere it says some was withheld (names
            # redacted from a document, say): answered in part
            return ReplyKind.PARTLY if _PARTLY.search(body) else ReplyKind.ANSWERED
        if outcomes == {Outcome.NOT_HELD}:
            return ReplyKind.NOT_HELD
        if outcomes == {Outcome.CLARIFY}:
            return ReplyKind.CLARIFICATION
        return ReplyKind.PARTLY if Outcome.ANSWERED in outcomes else ReplyKind.REFUSED
    if _held_nothing_asked(body):
        return ReplyKind.NOT_HELD
    refusal = bool(_refuses(body) or _NCND.search(body) or (
        reading.sections and re.search(r"\brefus|\bexempt|\bwithh[oe]ld", body, re.I)))
    if refusal and (_PARTLY.search(body) or _discloses(_sentences(body))):
        return ReplyKind.PARTLY
    if refusal:
        return ReplyKind.REFUSED
    if _EXTENSION.search(body):
        return ReplyKind.EXTENSION
    if _CLARIFY.search(body):
        return ReplyKind.CLARIFICATION
    # "We can confirm that no information is held" discloses nothing: a sentence that says
    # nothing is held is not a disclosure, whatever verb it uses.
    discloses = _discloses(_sentences(body))
    if _NOT_HELD.search(body) and not discloses:
        return ReplyKind.NOT_HELD
    if discloses:
        return ReplyKind.ANSWERED
    if _POINTER.search(body):
        return ReplyKind.ANSWERED  # the force sent its answer, in a file these words only point to
    if _STILL_WANTED.search(body):
        return ReplyKind.STILL_WANTED
    if _ACK.search(body):
        return ReplyKind.ACKNOWLEDGEMENT
    return None


# A refusal's own papers (its public interest test, the exemptions explained) sent with it are
# not the information asked for.
_ABOUT_THE_REFUSAL = _any(r"\bpublic interest test\b", r"\bPIT\b", r"\bexplanatory notes?\b",
                          r"\bexemptions?\b")
# What was asked for, named as what is sent: a sentence that sends it is a disclosure even where it
# also names the exemptions applied to some of it ("… is attached, with … withheld; the exemptions
# are explained below").
_WHAT_WAS_ASKED = _any(r"\b(?:the |some of the |most of the )?(?:information|figures|data|documents?|records?|answers?)"
                       r" (?:that )?(?:you (?:asked|requested|sought)|requested|asked for|sought)\b",
                       r"\b(?:your|the) requested (?:information|figures|data|documents?)\b")
# "… neither confirm nor deny that it holds any other information …": said of what was not asked.
_OTHER_INFORMATION = _any(r"\b(?:any|all) (?:other|further|additional)\b", r"\bother information\b")


def _discloses(sentences: list[str]) -> bool:
    """Whether the sentences give information: a disclosure that is not of nothing held, nor only
    of the refusal's own papers (a sentence that sends what was asked is a disclosure, whatever
    else it names)."""
    return any(_DISCLOSE.search(s) and not _NOT_HELD.search(s) and not _POINTER.search(s)
               and not (_ABOUT_THE_REFUSAL.search(s) and not _WHAT_WAS_ASKED.search(s))
               for s in sentences)


def _held_nothing_asked(body: str) -> bool:
    """A reply that holds nothing of what was asked and, as forces add to replies on sensitive
    subjects, neither confirms nor denies holding any OTHER information: not held (the exemptions
    it lists are those of the neither-confirm-nor-deny, not a refusal of what was asked)."""
    sentences = _sentences(body)
    ncnd = [s for s in sentences if _NCND.search(s)]
    if not ncnd or not all(_OTHER_INFORMATION.search(s) for s in ncnd):
        return False
    rest = [s for s in sentences if s not in ncnd]
    return (any(_NOT_HELD.search(s) for s in rest) and not _discloses(rest)
            and not any(_refuses(s) for s in rest))


# -- the force's reference ----------------------------------------------------------------------
_REFERENCE = re.compile(
    r"\b(?:our |your |request |FOI |FOIA |FOISA )?ref(?:erence)?(?:\s*(?:no|number|num)\b\.?)?"
    r"\s*[:.\-–]?\s*(?:is\s+)?((?=[A-Z0-9./\-]*\d)[A-Z0-9][A-Z0-9./\-]{3,}[A-Z0-9])", re.I)
_SHORT_REFERENCE = re.compile(r"\((\d{1,6}[A-Z]?/\d{2,4})\)")


def reference_in(text: str) -> str:
    """The force's reference for the request: `Reference No: 2018030000615`, `(855A/22)`."""
    match = _REFERENCE.search(text) or _SHORT_REFERENCE.search(text)
    return match.group(1) if match else ""


# -- dates --------------------------------------------------------------------------------------
# A month by its first three letters (the names are composer.dates'); written in full, cut to
# three letters, or "Sept".
_MONTHS = {name[:3].lower(): number for number, name in enumerate(MONTHS, start=1)}
_MONTH = "|".join(f"{name[:3]}(?:{name[3:]})?" for name in MONTHS) + "|sept"
_DATE = re.compile(
    r"(?P<iso>\b\d{4}-\d{2}-\d{2}\b)"
    r"|(?P<dmy>\b\d{1,2}/\d{1,2}/\d{4}\b)"
    rf"|(?P<long>\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH})\b(?:,?\s+(?P<year>\d{{4}}))?)",
    re.I)
# A date the force waits for the requester until: the sentence says it waits for word ("if we do not
# hear back by …", "unless we receive your clarification before …") or what it will do then (treat
# the request as withdrawn, closed, lapsed or abandoned, take no further action, assume you no longer
# want it). A date "on" or "after" which the request ends says that of the request ("Your request
# will be closed on …", "After … we will treat your request as withdrawn"; not "the station closed on").
_WITHDRAW = re.compile(r"withdrawn|assume|presume|no longer|clarif|reply|respon|answer|\bclos(?:e|ed|ing)\b|"
                       r"\bhear(?:d)?\b|\b(?:get|got|come|came) back\b|\bno (?:word|contact)\b|lapse|"
                       r"abandon|no further action|\b(?:progress|proceed|pursue)\b", re.I)
_ENDS = re.compile(r"\b(?:request|case|file|matter)\b.*\b(?:withdrawn|closed|lapsed?|abandoned|no further action)\b"
                   r"|\b(?:withdrawn|closed|lapsed?|abandoned|no further action)\b.*\b(?:request|case|file|matter)\b",
                   re.I)


def _parse_date(match: re.Match[str], year_hint: int | None) -> date | None:
    try:
        if match.group("iso"):
            return date.fromisoformat(match.group("iso"))
        if match.group("dmy"):
            d, m, y = (int(x) for x in match.group("dmy").split("/"))
            return date(y, m, d)
        day = int(re.match(r"\d+", match.group("long")).group(0))  # type: ignore[union-attr]
        month = _MONTHS[match.group("month")[:3].lower()]
        year = int(match.group("year")) if match.group("year") else year_hint
        return date(year, month, day) if year else None
    except ValueError:
        return None


def _sentence_at(text: str, match: re.Match[str]) -> str:
    return text[text.rfind(".", 0, match.start()) + 1: text.find(".", match.end()) + 1]


def dates_in(text: str) -> dict[str, date]:
    """The dates a reply gives, by what they are: when the force received the request
    (`received`), the reply's own date (`dated`), and a date it asks an answer by or promises
    one by (`reply_by`, `until`). A date written without a year takes the year of the others."""
    matches = list(_DATE.finditer(text))
    years = [int(m.group("year")) for m in matches if m.group("year")]
    years += [int(m.group(0)[:4]) for m in matches if m.group("iso")]
    years += [int(m.group(0)[-4:]) for m in matches if m.group("dmy")]
    hint = years[0] if years else None
    out: dict[str, date] = {}
    for match in matches:
        found = _parse_date(match, hint)
        if found is None:
            continue
        before = text[max(0, match.start() - 120): match.start()]
        line_start = text.rfind("\n", 0, match.start()) + 1
        if re.match(r"\s*(?:date|sent)\s*:", text[line_start: match.start()], re.I):
            out.setdefault("dated", found)
        elif re.search(r"\b(?:by|until|before)\b[^.]{0,40}$", before, re.I):
            sentence = _sentence_at(text, match)
            if _EXTENSION.search(sentence) or re.search(r"public interest|decision", sentence, re.I):
                out.setdefault("until", found)
            elif _WITHDRAW.search(sentence):
                out.setdefault("reply_by", found)
        elif re.search(r"\b(?:on|after|from)\s+$", before, re.I) and _ENDS.search(_sentence_at(text, match)):
            out.setdefault("reply_by", found)
        elif re.search(r"\breceived\b[^.]{0,80}$", before, re.I):
            out.setdefault("received", found)
    return out


# -- parts --------------------------------------------------------------------------------------
# A part as replies number it, at the start of a line: "1c.", "1(c)", "Q3:", "Question 2 -", "2.".
_MARK = re.compile(
    r"^[ \t>*\-]*(?P<response>(?:(?:our\s+)?(?:answer|response|reply)\s+(?:to|for)\s+))?"
    r"(?:Q(?:uestion)?\.?\s*|Part\s+)?(?P<n>\d{1,2})\s*(?:\(?(?P<l>[a-z])\)?)?"
    r"\s*(?:[.):\-–—]|\s(?=(?-i:[A-Z])))[ \t]*", re.I | re.M)
# A part named in a sentence of the force's own ("In relation to question 3, …", "Regarding
# part 2b:"), and several at once ("Questions 4 to 6:", "Q1 and Q2 -"): an answer follows.
_QUESTION = r"(?:questions?|parts?|points?|Qs?)\.?\s*"
_LABEL = r"\d{1,2}(?:[a-z]\b|\s*\([a-z]\))?"
_LABELS = rf"{_QUESTION}{_LABEL}(?:\s*(?:,|&|and|to|-|–)\s*(?:{_QUESTION})?{_LABEL}(?![\d(]))*"
_SAYS_ANSWER = (r"(?:(?:in (?:relation|response|regard|reference|answer)|with (?:regard|reference|respect)|"
                r"turning|(?:our )?(?:responses?|answers?|repl(?:y|ies)))\s+to|regarding|concerning|in respect of|"
                r"as (?:for|to))")
_REFERS = re.compile(
    # with words that say an answer follows, anywhere in a sentence ("… for our response to Q1,
    # Q2 & Q4."): the sentence is the answer to them
    rf"\b{_SAYS_ANSWER}\s+(?:your\s+)?(?P<named>{_LABELS})"
    # several parts at the start of a line or sentence ("Questions 4 to 6:", "Q5, Q6 & Q7 -")
    rf"|(?:^[ \t>*\-]*|(?<=[.!?:] ))(?P<listed>{_QUESTION}{_LABEL}\s*(?:,|&|and|to|-|–)\s*"
    rf"(?:{_QUESTION})?{_LABEL}(?:\s*(?:,|&|and|to|-|–)\s*(?:{_QUESTION})?{_LABEL})*)(?![\d(])"
    r"(?=\s*[:\-–—,.)])"
    # several parts' numbers alone on a line, as a heading over their one answer ("3, 4 & 5")
    r"|^[ \t]*(?P<bare>\d{1,2}(?:[ \t]*(?:,|&|and)[ \t]*\d{1,2})+)[ \t]*[.:)\-–]?[ \t]*$",
    re.I | re.M)
_ONE_LABEL = re.compile(r"(?P<sep>to|-|–)?\s*(?:questions?|parts?|points?|Qs?)?\.?\s*"
                        r"(?P<n>\d{1,2})(?:(?P<l>[a-z])\b|\s*\((?P<l2>[a-z])\))?", re.I)


# A part named inside a sentence of the force's own that says what was done with it ("Part 1 is
# refused under section 12", "We do not hold information for part 2", "In answer to your second
# question, …"): the sentence is the answer to that part. Only a sentence with an outcome's words
# is taken so (a part named in passing, "as part 2 asks", is no answer).
_ORDINALS = {ordinal(n): n for n in range(1, 21)}
_NAMED_IN_PROSE = re.compile(
    rf"\b(?P<labels>{_QUESTION}{_LABEL}(?:\s*(?:,|&|and|or|to|-|–)\s*(?:{_QUESTION})?{_LABEL}(?![\d(]))*)(?![\d(])"
    rf"|\b(?:your|the|this|that)\s+(?P<ordinal>{'|'.join(_ORDINALS)})\s+(?:question|part|point|request)\b",
    re.I)
_GIVEN = _any(r"\b(?:answered|provided|disclosed|given|supplied|released|set out)\b",
              r"\b(?:attached|enclosed|below|as follows)\b")
# A section the sentence says is applied to the part ("Part 4 is refused under section 31(1)(a)").
_RELIES = re.compile(r"\b(?:refus|exempt|withh[oe]ld|appl(?:y|ies|ied)|rel(?:y|ies|ied) on|engaged)\w*\b"
                     r"[^.]{0,60}\b(?:section|s\.?)\s?\d", re.I)
_ELSEWHERE = re.compile(r"\b(?:above|earlier|previous(?:ly)?|already)\b", re.I)
_SENTENCE_END = re.compile(r"[.?!](?=\s)|\n|$")


def _labels_named(words: str) -> list[str]:
    """`Q1, Q2 & Q4` -> 1, 2, 4; `questions 3 to 5` -> 3, 4, 5; `part 2(b)` -> 2b."""
    labels: list[str] = []
    for match in _ONE_LABEL.finditer(words):
        number, letter_ = int(match.group("n")), (match.group("l") or match.group("l2") or "").lower()
        if match.group("sep") and labels and labels[-1].isdigit() and not letter_ \
                and int(labels[-1]) < number <= int(labels[-1]) + 20:
            labels += [str(n) for n in range(int(labels[-1]) + 1, number + 1)]
        else:
            labels.append(f"{number}{letter_}")
    return list(dict.fromkeys(labels))


# Where the force's answer to a part begins: "Answer:", "Response -", "Response" on a line of its
# own, "Response to question 2:", "A1", "A2." (the answer under "Q1", "Q2").
_ANSWER_LABEL = re.compile(
    r"^\s*(?:(?:(?:our|the|force(?:'s)?)\s+)?(?:answer|response|reply)"
    r"(?:\s+(?:to|for)\s+(?:Q(?:uestion)?|part)\.?\s*\d{1,2}\s*\(?[a-z]?\)?)?\s*(?:[:.\-–—]|\n|$)"
    r"|(?-i:A)\s*\d{1,2}(?:\(?[a-z]\)?)?\s*[:.\-–—)]?(?=\s)|(?-i:A)\s*[:.\-–—])\s*", re.I)
# The letter's close, where the answer to its last part ends.
_CLOSE = re.compile(r"^[ \t]*(?:Yours (?:sincerely|faithfully)|(?:Kind |Best )?Regards\b|"
                    rf"Many thanks\b)|{_ANNEX}|^\s*(?:COMPLAINT RIGHTS|Your right to complain|"
                    r"If you are (?:dissatisfied|unhappy))\b", re.I | re.M)
_WORD = re.compile(r"[a-z0-9]+")
_ASKS = re.compile(r"(?:please|what|how|when|where|who|which|why|whether|has|have|is|are|was|were|do|"
                   r"does|did|can|could|will|would|if|provide|disclose|list|copies|a copy|the number|"
                   r"details|confirm)\b", re.I)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def parts_in(body: str, request: Request | None = None, act: Act = Act.FOIA,
             force: Force | None = None) -> dict[str, PartReading]:
    """What the force did with each part it numbers or quotes. A part quoted with no answer under
    it (as a reply repeats the request before answering) is left out, and so is one whose answer
    only points to an attachment ("Response: please find attached our response")."""
    return _parts_and_pointers(body, request, act, force)[0]


def _parts_and_pointers(body: str, request: Request | None = None, act: Act = Act.FOIA,
                        force: Force | None = None) -> tuple[dict[str, PartReading], set[str]]:
    """`parts_in`, and the parts whose answer only points to an attachment."""
    questions = _questions(request, force)
    marks = _marks(body)
    segments: list[tuple[list[str], str, bool]] = []  # labels, text, the force's answer by its own label
    for i, (start, end_of_mark, labels, answered) in enumerate(marks):
        end = marks[i + 1][0] if i + 1 < len(marks) else len(body)
        if questions:
            labels = [label for label in labels if label in questions]
        if not labels:
            continue
        text = body[end_of_mark: end]
        close = _CLOSE.search(text)
        segments.append((labels, text[: close.start()] if close else text, answered))
    out: dict[str, PartReading] = {}
    pointed: set[str] = set()
    quoted_run, previous = 0, 0
    for labels, segment, answered in segments:
        label = labels[0]
        number = int(re.match(r"\d+", label).group(0))  # type: ignore[union-attr]
        if number < previous:
            quoted_run = 0  # the numbering starts again: the answers after the quoted request
        previous = number
        if answered:
            said = _ANSWER_LABEL.sub("", segment.strip(), count=1)
            if _only_points(said):
                pointed.update(labels)
            else:
                out.update({each: _outcome(said, act) for each in labels})
            quoted_run = 0
            continue
        answer = _answer(segment, questions.get(label))
        if answer and _quotes_another(segment, label, questions):
            answer = ""  # another part's question, quoted under the number the force gave it
        if answer and quoted_run >= 2:
            answer = ""  # the last part of a quoted request, and then the letter goes on
        if not answer:
            quoted_run += 1
            continue
        quoted_run = 0
        if _only_points(answer):
            pointed.add(label)  # the answer is in the attachment: nothing of it is read here
            continue
        out[label] = _outcome(answer, act)
    pointed -= set(out)
    return _with_annexed_sections(out, sections_in(body, act)), pointed


# Words that point back to an answer already given rather than begin one.
_POINTS_BACK = re.compile(r"\b(?:as per|see|refer(?:red)?|as (?:stated|given|set out|explained|with)|"
                          r"same as|given in|as in)\b", re.I)


def _earlier(labels: list[str], before: list) -> bool:
    """Whether every part named comes before the last part already marked: a sentence naming
    an earlier part, in the middle of another part's answer, points back to it."""
    if not before:
        return False
    last = max(before, key=lambda m: m[1])[3]
    number = int(re.match(r"\d+", last[0]).group(0))  # type: ignore[union-attr]
    return all(int(re.match(r"\d+", label).group(0)) < number for label in labels)  # type: ignore[union-attr]


def _marks(body: str) -> list[tuple[int, int, list[str], bool]]:
    """Where each part's words begin: (start, end of the mark, the parts it names, whether the
    force's answer follows it), in order. A mark inside another is left out; a part named in a
    sentence of the force's own starts at the start of that sentence."""
    found = []
    for match in _MARK.finditer(body):
        label = match.group("n") + (match.group("l") or "").lower()
        found.append((match.start(), match.start(), match.end(), [label], bool(match.group("response"))))
    numbered = {m[0]: m[3] for m in found}  # where a numbered line ("3. …") starts, and its part
    for match in _REFERS.finditer(body):
        labels = _labels_named(match.group("named") or match.group("listed") or match.group("bare"))
        sentence = _sentence_start(body, match.start())
        if match.group("named") and (_POINTS_BACK.search(body[sentence: match.start()]) or _earlier(
                labels, [m for m in found if m[1] < match.start()])):
            continue  # "as per our answer to question 3": the answer to another part points back
        start = sentence if match.group("named") else match.start()
        found.append((start, match.start(), start if match.group("named") else match.end(), labels, True))
    starts = {m[0] for m in found}
    for match in _NAMED_IN_PROSE.finditer(body):
        sentence = _sentence_start(body, match.start())
        if sentence in starts:
            continue  # the part is marked where its sentence starts ("Part 2: …", "Regarding part 2, …")
        end = _SENTENCE_END.search(body, match.end(), min(len(body), match.end() + _SENTENCE_REACH))
        if end is None or end.start() - sentence > _SENTENCE_REACH:
            continue  # no sentence: a run of words with no end (a table pasted flat, a huge paste)
        said = body[sentence: end.start()]
        if not (_outcome_words(said) or _GIVEN.search(said) or _RELIES.search(said)) or \
                _CONDITION.match(said.strip()) or \
                _POINTS_BACK.search(body[sentence: match.start()]) or \
                _ELSEWHERE.search(body[max(sentence, match.start() - 20): match.end() + 12]):
            continue  # named in passing, in a condition, or pointed back to ("part 2 above")
        labels = ([str(_ORDINALS[match.group("ordinal").lower()])] if match.group("ordinal")
                  else _labels_named(match.group("labels")))
        line = body.rfind("\n", 0, sentence) + 1
        if numbered.get(line) and not set(labels) & set(numbered[line]):
            continue  # inside another part's numbered answer ("3. Not held; part 2 gives …")
        found.append((sentence, match.start(), sentence, labels, True))
        starts.add(sentence)
    found.sort(key=lambda m: (m[1], -m[2]))
    out: list[tuple[int, int, list[str], bool]] = []
    for start, at, end, labels, answered in found:
        if out and at < out[-1][1]:
            continue  # inside the mark before
        if out and start < out[-1][1]:
            start = out[-1][1]
        out.append((start, max(start, end), labels, answered))
    return out


_SENTENCE_REACH = 1000  # no sentence of a letter is longer: a search for its ends goes no further


def _sentence_start(body: str, at: int) -> int:
    """Where the sentence holding `at` starts: after a line break or a sentence's end before it.
    Each search goes back no further than the line's start or _SENTENCE_REACH characters, so a
    long paste with many parts named is not searched again from each of them."""
    low = max(body.rfind("\n", max(0, at - _SENTENCE_REACH), at) + 1, at - _SENTENCE_REACH, 0)
    return max([low, *(found + len(p) for p in (". ", "? ", "! ", ": ") if (found := body.rfind(p, low, at)) >= 0)])


def _with_annexed_sections(parts: dict[str, PartReading], cited: list[str]) -> dict[str, PartReading]:
    """A part refused with no section beside it ("exempt: see the annex") takes the sections the
    letter cites that no part cites beside its answer."""
    placed = {s for p in parts.values() for s in p.sections}
    free = tuple(s for s in cited if s not in placed)
    return {label: PartReading(p.outcome, free) if p.outcome in (Outcome.REFUSED, Outcome.NCND)
            and not p.sections and free else p for label, p in parts.items()}


def _questions(request: Request | None, force: Force | None = None) -> dict[str, str]:
    if request is None:
        return {}
    from composer.outline import letter_body

    return {p.number: p.text for p in letter_body(request, force).parts}


def _answer(segment: str, question: str | None) -> str:
    """The force's words in a segment, with the quoted question taken off."""
    text = segment.strip()
    if question:
        cut = _after_quoted(question, text)
        if cut is not None:
            return _ANSWER_LABEL.sub("", text[cut:].lstrip(" ?.!:;,)\"'\n\t"), count=1).strip()
    # No question to match: the reply's own shape says where the question ends. It runs to the
    # line that ends with "?", or is the first paragraph when the reply puts its answer under an
    # "Answer:" label or after a blank line.
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.rstrip().endswith("?") or line.rstrip().endswith("?\""):
            text = "\n".join(lines[i + 1:])
            break
        if not line.strip() or _ANSWER_LABEL.match(line):
            text = "\n".join(lines[i:])
            break
    else:
        if _ASKS.match(text) and not _outcome_words(text) and not sections_in(text, Act.FOIA):
            text = ""  # the question alone, quoted in the imperative
    return _ANSWER_LABEL.sub("", text.strip(), count=1).strip()


def _quotes_another(segment: str, label: str, questions: dict[str, str]) -> bool:
    """Whether `segment` is, whole, the question of a part other than `label`: a reply quotes the
    request numbered as the force first had it, and the parts were put in another order before
    this letter was sent. Two questions that start alike leave the end of the other one behind as
    if it were the force's answer ("… for crime mapping? If yes, please answer the following")."""
    text = segment.strip()
    start = _words(text)[:4]
    for other, question in questions.items():
        if other == label or not (want := _words(question)) or want[0] not in start:
            continue
        cut = _after_quoted(question, text)
        if cut is not None and not text[cut:].strip(" ?.!:;,)\"'\n\t"):
            return True
    return False


def _after_quoted(question: str, text: str) -> int | None:
    """Where the question quoted at the start of `text` ends, or None when it is not quoted there.
    The quotation may differ a little from the letter (a word changed or left out, a line
    broken): most of the question's words must come in its order, with short gaps."""
    want = _words(question)
    have = list(_WORD.finditer(text.lower()))[: len(want) + 15]
    if not want or not have:
        return None
    if len(want) < 3:  # too short to match loosely
        exact = [m.group(0) for m in have[: len(want)]] == want
        return have[len(want) - 1].end() if exact else None
    found = [m.group(0) for m in have]
    blocks = [b for b in difflib.SequenceMatcher(None, want, found, autojunk=False).get_matching_blocks()
              if b.size]
    if not blocks or blocks[0].b > 3:
        return None  # the text does not start with the question
    matched, end = 0, 0
    for block in blocks:
        if matched and block.b - end > 3:
            break  # words the answer shares with the question, further on
        matched, end = matched + block.size, block.b + block.size
    if matched < max(3, int(len(want) * 0.7)):
        return None
    return have[end - 1].end()


def _outcome_words(text: str) -> bool:
    return _refuses(text) or any(p.search(text) for p in (_NCND, _NOT_HELD, _CLARIFY))


def _outcome(answer: str, act: Act) -> PartReading:
    answer = re.sub(r"\s+", " ", answer)  # a sentence broken over lines reads as one
    cited = tuple(sections_in(answer, act))
    if _NCND.search(answer):
        return PartReading(Outcome.NCND, cited)
    if _NOT_HELD.search(answer) and not cited:
        return PartReading(Outcome.NOT_HELD)
    if cited or _refuses(answer):
        return PartReading(Outcome.REFUSED, cited)
    if _CLARIFY.search(answer):
        return PartReading(Outcome.CLARIFY)
    return PartReading(Outcome.ANSWERED)


def force_of(force_id: str) -> Force | None:
    """The force a campaign's reply came from, as the directory has it (None for one it lacks),
    so that the reply is read against the letter that force was sent."""
    from composer.forces import load_directory

    return load_directory().by_id.get(force_id)


# -- letters in a thread ------------------------------------------------------------------------
_SALUTATION = re.compile(r"^Dear\b.*$", re.M)
_FROM_REQUESTER = re.compile(r"\bYours faithfully\b", re.I)


def force_letters(text: str) -> list[str]:
    """The force's letters in a pasted thread (as WhatDoTheyKnow shows one), oldest first: the text
    is cut at each "Dear …" and the requester's own letters (signed "Yours faithfully") dropped."""
    starts = [m.start() for m in _SALUTATION.finditer(text)]
    if len(starts) < 2:
        return [text]
    chunks = [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]
    return [c for c in chunks if not _FROM_REQUESTER.search(c)] or [text]


def read_latest(text: str, request: Request | None = None, act: Act = Act.FOIA,
                force: Force | None = None) -> ReplyReading:
    """Read the latest letter from the force in `text` (the whole text if it is one letter): a
    thread pasted whole (a WhatDoTheyKnow page) is where the request stands now, not its
    acknowledgement, request for clarification and answer read as one letter."""
    letters = force_letters(text)
    reading = read_reply(letters[-1], request, act, force)
    reading.letters = len(letters)
    return reading


def thread_note(letters: int) -> str:
    """Said wherever a reading of a thread is shown (`ReplyReading.letters`)."""
    return (f"this text holds {letters} letters from the force, and the latest is read: to record "
            "an earlier one too, save it on its own and attach it first")


# -- files --------------------------------------------------------------------------------------
READABLE = (".txt", ".eml", ".docx", ".pdf")


def reply_text(path: Path, *, lists_by_depth: bool = False) -> str:
    """The words of a reply saved as text, an email (.eml), a Word file or a PDF.

    `lists_by_depth` (a request kept as a Word file): each list paragraph is labelled by its
    depth alone, a bullet a depth (`_BULLETS`), not by the number or bullet Word shows; Word's
    lists say which item is a part and which a sub-part, and a numbered list after a bulleted
    one (two lists at one depth) is more parts, not sub-parts of the last bullet. A reply keeps
    Word's own labels: its numbers say which question an answer is to."""
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.exists():
        raise ComposerError(f"{path}: no such file")
    if suffix in (".txt", ".text", ".md", "") or path.is_dir():  # empty, binary, a folder: one line
        return storage.read_text(path, "reply")
    if suffix in _DAMAGED and _size(path) == 0:  # not damaged: nothing was ever saved in it
        raise ComposerError(f"{path}: the file is empty (0 bytes); save it again from where you got it "
                            "(an email, a web page), or paste its words")
    try:
        if suffix == ".eml":
            return _email_text(path.read_bytes())
        if suffix == ".docx":
            return _docx_text(path, lists_by_depth=lists_by_depth)
        if suffix == ".pdf":
            return _pdf_text(path)
    except ComposerError:
        raise
    except Exception:  # a damaged file of a known type: one line, not a traceback (and not the
        # library's own words, "Package not found", "Stream has ended unexpectedly")
        kind, again = _DAMAGED.get(suffix, (suffix[1:] or "text", "save it again"))
        raise ComposerError(f"{path}: could not be read as {kind}: the file is damaged or cut "
                            f"short, or is another kind of file with this name; {again}, or paste "
                            "its words") from None
    raise ComposerError(f"{path}: replies are read from {', '.join(READABLE)}; save it as one of these")


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None  # read below, and its error said there


_DAMAGED = {
    ".docx": ("a Word file (.docx)", "open it in Word or LibreOffice and save it as .docx again"),
    ".pdf": ("a PDF", "open it and save or print it as a PDF again"),
    ".eml": ("an email (.eml)", "save the email from your mail program again"),
}
_BULLETS = "•◦▪▫"  # one per depth, so that the importer reads a nested list as sub-parts


def _docx_text(path: Path, *, lists_by_depth: bool = False) -> str:
    """A Word file's words, a paragraph a line; its lists with their numbers and bullets, which
    Word keeps out of the text ("1.", "a)", a bullet a depth; or a bullet a depth for every list
    paragraph, `lists_by_depth`), then the tables' cells."""
    import docx

    document = docx.Document(str(path))
    labels = _WordLists(document, by_depth=lists_by_depth)
    lines = [labels.label(p) + p.text for p in document.paragraphs]
    if lists_by_depth:
        cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
        return "\n".join(lines + cells)
    # a reply's table of answers: a row a line, its cells between tabs (a merged cell once), as
    # `tidy` reads a table row: the part's number, its question, the answer
    rows = []
    for table in document.tables:
        for row in table.rows:
            texts = [c.text.strip() for c in row.cells]
            if any(texts):
                rows.append("\t".join(c for i, c in enumerate(texts) if i == 0 or c != texts[i - 1]))
    return "\n".join(lines + rows)


class _WordLists:
    """The label Word shows before each list paragraph, counted as Word counts it."""

    _W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

    def __init__(self, document, *, by_depth: bool = False) -> None:
        self.levels: dict[tuple[str, int], tuple[str, str, int, int]] = {}  # fmt, text, start, indent
        self.counts: dict[str, dict[int, int]] = {}
        self.by_depth = by_depth  # every list paragraph labelled by its depth alone
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError):  # no lists in the file
            return
        w = self._W
        abstract = {a.get(f"{w}abstractNumId"): a for a in numbering.iter(f"{w}abstractNum")}
        for num in numbering.iter(f"{w}num"):
            ref = num.find(f"{w}abstractNumId")
            definition = abstract.get(ref.get(f"{w}val")) if ref is not None else None
            for lvl in definition.iter(f"{w}lvl") if definition is not None else ():
                ilvl = int(lvl.get(f"{w}ilvl", "0"))
                self.levels[(num.get(f"{w}numId"), ilvl)] = (
                    self._val(lvl, "numFmt") or "decimal", self._val(lvl, "lvlText") or "",
                    int(self._val(lvl, "start") or 1), int(self._val(lvl, "ind", "left") or 720 * (ilvl + 1)))
        self.depths = sorted({indent for *_, indent in self.levels.values()})

    def _val(self, element, tag: str, attr: str = "val") -> str | None:
        found = next(element.iter(f"{self._W}{tag}"), None)
        return found.get(f"{self._W}{attr}") if found is not None else None

    def _numbered(self, paragraph) -> tuple[str, int] | None:
        """(numId, level) of a list paragraph, from its own properties or its style's."""
        for element in (paragraph._p, *(s.element for s in _styles_of(paragraph))):
            num_id, ilvl = self._val(element, "numId"), self._val(element, "ilvl")
            if num_id is not None:
                return (num_id, int(ilvl or 0)) if num_id != "0" else None
        return None

    def label(self, paragraph) -> str:
        where = self._numbered(paragraph) if self.levels else None
        if where is None or not paragraph.text.strip():
            return ""
        if where not in self.levels:
            return self._undefined(*where)
        num_id, ilvl = where
        fmt, text, start, indent = self.levels[where]
        counts = self.counts.setdefault(num_id, {})
        counts[ilvl] = counts.get(ilvl, start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]  # a new item restarts the lists under it
        if fmt == "none":
            return ""
        if fmt == "bullet" or self.by_depth:
            return _BULLETS[min(self.depths.index(indent), len(_BULLETS) - 1)] + " "

        def shown(match: re.Match) -> str:
            level = int(match.group(1)) - 1
            level_fmt = self.levels.get((num_id, level), ("decimal",))[0]
            return _number_as(counts.get(level, 1), level_fmt)

        written = re.sub(r"%([1-9])", shown, text).strip()
        return f"{written} " if written else ""


    def _undefined(self, num_id: str, ilvl: int) -> str:
        """A level its list does not define (ilvl 1 in a list of one level, written by hand or by
        another program). Word processors show it as an item of its own, set in under the item
        above it (LibreOffice numbers it as a new list one level down), so a reader takes it for a
        sub-item: it is labelled as a bullet that many depths below the deepest level the list
        defines above it. With no level defined above it, it has no label."""
        above = [level for (num, level) in self.levels if num == num_id and level < ilvl]
        if not above:
            return ""
        base = max(above)
        depth = self.depths.index(self.levels[(num_id, base)][3]) + ilvl - base
        return _BULLETS[min(depth, len(_BULLETS) - 1)] + " "


def _styles_of(paragraph):
    style = paragraph.style
    while style is not None:
        yield style
        style = style.base_style


def _number_as(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        written = letter(n - 1)  # a, b, … z, aa: as sub-parts are lettered
        return written.upper() if fmt == "upperLetter" else written
    if fmt in ("lowerRoman", "upperRoman"):
        roman = ""
        for value, numeral in ((100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"),
                               (5, "v"), (4, "iv"), (1, "i")):
            while n >= value:
                roman, n = roman + numeral, n - value
        return roman.upper() if fmt == "upperRoman" else roman
    return str(n)


def _email_text(raw: bytes) -> str:
    from email import policy
    from email.parser import BytesParser

    message = BytesParser(policy=policy.default).parsebytes(raw)
    head = "".join(f"{k}: {message[k]}\n" for k in ("From", "Date", "Subject") if message[k])
    part = message.get_body(preferencelist=("plain", "html"))
    body = part.get_content() if part is not None else ""
    if part is not None and part.get_content_type() == "text/html":
        body = _html_words(body)
    if message["Date"]:
        from email.utils import parsedate_to_datetime

        try:
            head += f"Date: {parsedate_to_datetime(message['Date']).date().isoformat()}\n"
        except (TypeError, ValueError):
            pass
    return head + "\n" + body


# Where an HTML email's paragraphs, line breaks, list items and table rows end: a line each, as
# the reply's parts are read a line or a sentence at a time.
_HTML_BREAK = re.compile(r"<\s*(?:br|/p|/div|/li|/tr|/h[1-6]|/table|hr)\b[^>]*>", re.I)


def _html_words(html: str) -> str:
    """An HTML email's words: its styles and scripts left out, a line per paragraph or row, its
    entities ("&nbsp;", "&amp;") as the characters they stand for."""
    import html as entities

    html = re.sub(r"<\s*(style|script)\b.*?<\s*/\s*\1\s*>", " ", html, flags=re.I | re.S)
    text = entities.unescape(re.sub(r"<[^>]+>", " ", _HTML_BREAK.sub("\n", html)))
    return "\n".join(line.strip() for line in text.replace("\xa0", " ").splitlines())


def _pdf_text(path: Path) -> str:
    import logging

    from pypdf import PdfReader

    log = logging.getLogger("pypdf")
    level = log.level
    log.setLevel(logging.ERROR)  # its warnings on a damaged file ("EOF marker not found") are not
    try:                         # the user's to read: the one line below says what is wrong
        reader = PdfReader(str(path))
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    finally:
        log.setLevel(level)
    if not text.strip():
        raise ComposerError(f"{path}: the PDF has no text layer (a scan?); paste its words instead")
    return text
