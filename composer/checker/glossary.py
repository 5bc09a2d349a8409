"""The glossary of terms forces ask requesters to define, from `resources/glossary.toml`.

A term is *defined* when the request itself says what it means: "by 'X' I mean …", "X (…)",
"X, such as …", "X systems called …", "X: …", or "… for the purpose of …" later in the sentence
that uses it. A defined term is not flagged anywhere in the request.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from composer import paths
from composer.checker.patterns import Gate, remembered, sentence_start
from composer.errors import FileProblem

if TYPE_CHECKING:
    from composer.checker.engine import Context

GLOSSARY_PATH = paths.RESOURCES / "glossary.toml"


@dataclass(frozen=True)
class Term:
    id: str
    label: str
    pattern: Gate
    case_sensitive: bool
    level: str  # "warning" or "info"
    why: str
    definition: str
    covered_by: tuple[str, ...] = ()  # ids of terms whose definition makes this one clear too
    qualified_by: re.Pattern[str] | None = None  # words just before it that say which kind is meant
    coded_with: re.Pattern[str] | None = None  # words in its sentence that make it a code the force holds


def _load() -> tuple[tuple[Term, ...], frozenset[str], frozenset[str]]:
    try:
        with open(GLOSSARY_PATH, "rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise FileProblem(f"{GLOSSARY_PATH}: the checker's glossary cannot be read ({exc})") from exc
    terms = []
    for entry in data.get("term", []):
        try:
            case = bool(entry.get("case_sensitive", False))
            needles = tuple(n.lower() for n in entry["needles"])
            compiled = Gate(entry["pattern"], needles)
            qualified = entry.get("qualified_by")
            coded = entry.get("coded_with")
            terms.append(Term(entry["id"], entry["label"], compiled, case, entry.get("level", "warning"),
                              entry["why"], entry["definition"], tuple(entry.get("covered_by", ())),
                              re.compile(rf"(?:{qualified})[\s-]+$", re.IGNORECASE) if qualified else None,
                              re.compile(coded, re.IGNORECASE) if coded else None))
        except (KeyError, re.error) as exc:
            raise FileProblem(f"{GLOSSARY_PATH}: term {entry.get('id', '?')!r} is malformed ({exc})") from exc
    acronyms = data.get("acronyms", {})
    stands_for = acronyms.get("stands_for", {})
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in stands_for.items()):
        raise FileProblem(f"{GLOSSARY_PATH}: [acronyms.stands_for] must map each abbreviation to its words")
    return (tuple(terms), frozenset(acronyms.get("known", [])), frozenset(acronyms.get("not_acronyms", [])),
            dict(stands_for))


TERMS, KNOWN_ACRONYMS, NOT_ACRONYMS, STANDS_FOR = _load()
_ABBREVIATION = re.compile(r"(?<![\w&])(" + "|".join(sorted(map(re.escape, STANDS_FOR), key=len, reverse=True))
                           + r")s?(?![\w&])") if STANDS_FOR else None


@remembered
def _spelt(text: str, keep: bool) -> tuple[str, tuple[tuple[int, int, int, int], ...]]:
    """`text` with its abbreviations spelt out (`keep`: after the abbreviation, in brackets; else in its
    place, plural if it was), and for each the span it took in the result and in `text`."""
    if _ABBREVIATION is None or _ABBREVIATION.search(text) is None:
        return text, ()
    pieces: list[str] = []
    moved: list[tuple[int, int, int, int]] = []
    at = grown = 0
    for match in _ABBREVIATION.finditer(text):
        words = STANDS_FOR[match.group(1)]
        said = f"{match.group(0)} ({words})" if keep else words + ("s" if match.group(0).endswith("s") else "")
        pieces.append(text[at:match.start()])
        moved.append((match.start() + grown, match.start() + grown + len(said), match.start(), match.end()))
        pieces.append(said)
        grown += len(said) - (match.end() - match.start())
        at = match.end()
    pieces.append(text[at:])
    return "".join(pieces), tuple(moved)


def spelt_out(text: str) -> str:
    """`text` with each police abbreviation it uses followed by the words it stands for ("LFR (live facial
    recognition)"), for reading what is asked whichever way it is written. Offsets in the result are not
    those of `text`: search it for whether something is said, or find where with `spelt_search`."""
    return _spelt(text, True)[0]


def spelt_search(pattern, text: str, *, lower: bool = False) -> tuple[int, int] | None:
    """Where `pattern` (anything with `.search`) matches `text` read with its abbreviations replaced by the
    words they stand for ("the names of the AFOs" as "the names of the authorised firearms officers"), as a
    span of `text` itself; None when `text` has no abbreviation or the pattern does not match. `lower`: the
    pattern is for lower-cased text."""
    spelt, moved = _spelt(text, False)
    if not moved:
        return None
    match = pattern.search(spelt.lower() if lower else spelt)
    if match is None:
        return None

    def back(offset: int, end: bool) -> int:
        shift = 0
        for new_start, new_end, old_start, old_end in moved:
            if offset < new_start or (end and offset == new_start):
                break
            if offset < new_end or (end and offset == new_end):
                return old_end if end else old_start  # inside what an abbreviation stands for: the abbreviation
            shift = new_end - old_end
        return offset - shift

    return back(match.start(), False), back(match.end(), True)


_QUOTE = "[\"'‘’“”]?"
# Right after the term (allowing a noun such as "systems" in between): a definition starts.
_DEFINES_AFTER = re.compile(
    _QUOTE + r"(?:\s+(?:systems?|tools?|software|programmes?|programs?|services?|products?|models?|"
    r"technolog(?:y|ies)|matrix|database|lists?|applications?|platforms?|techniques?))?"
    r"(?:/\w+)?\s*(?:\(|:\s|[–—]\s|-\s"
    r"|,?\s*(?:which\s+|that\s+|by\s+which\s+)?(?:i\s+|we\s+)?(?:means?|meaning|refers?\s+to|is\s+defined\s+as|"
    r"defined\s+as|i\.?\s?e\.?|that\s+is|namely|specifically|in\s+particular|known\s+as|called|named)\b"
    r"|,?\s*(?:such\s+as|e\.?\s?g\.?|for\s+example|including)\s+(?!to\b|that\b|if\b|when\b|whether\b|where\b))",
    re.IGNORECASE,
)
# "by 'X' I mean", "for 'X' we mean", "the term X covers"
_DEFINES_BEFORE = re.compile(r"(?:\bby|\bfor|\bterm|\bphrase|\bword)\s*" + _QUOTE + r"$", re.IGNORECASE)
_I_MEAN = re.compile(_QUOTE + r"\s*,?\s*(?:i|we)\s+(?:mean|refer|include|am\s+referring)|"
                     + _QUOTE + r"\s+(?:covers|includes|means)\b", re.IGNORECASE)
# Later in the same sentence, a clause that says what the thing is for, or names the list it
# belongs to ("… and deep learning software (collectively 'AI')").
_PURPOSE_IN_SENTENCE = re.compile(
    r"\bfor\s+the\s+purposes?\s+of\b|\bin\s+order\s+to\s+(?:predict|identify|forecast)\b"
    # a kind of software and what it does, said of it: "any algorithm or automated system used to assess the
    # risk posed by individuals", "AI tools to prioritise calls" ("algorithms to score people" alone may still be
    # a formula in a spreadsheet, so the word is still asked about)
    r"|^\s*(?:(?:systems?|tools?|software|models?|programmes?|technolog(?:y|ies))\s+(?:or\s+(?:\w+\s+){0,3}?)?"
    r"|or\s+(?:\w+\s+){0,2}?(?:systems?|tools?|software|models?|programmes?|technolog(?:y|ies))\s+)"
    r"(?:(?:that|which)\s+(?:is\s+|are\s+)?)?(?:used\s+|designed\s+)?to\s+"
    r"(?:assess|score|predict|forecast|rank|flag|profile|prioriti[sz]e|grade|rate)\b"
    # made by a system the request has named or described: "a risk score by the system", "from each such tool"
    r"|\b(?:by|from|in|of|using|through|on)\s+(?:the|that|this|each|such|each\s+such)\s+(?:system|tool|software|"
    r"model|programme|program|algorithm|database|matrix)s?\b(?!\s+(?:of|for|that|which|to)\b)"
    # the same said with the force's own tool, however the sentence is ordered: "a risk score by the force's
    # offender management tool", "the risk score that your offender risk tool holds", "the score your risk
    # tool gave me": the tool that makes it says which score is meant
    r"|^\s*(?:(?:by|from|in|using|through)\s+|(?:that|which)\s+)?(?:the\s+force['’]s|your|its|our)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:system|tool|software|model|programme|program|algorithm|database|matrix)s?\b"
    r"(?!\s+(?:of|for|that|which|to)\b)"
    r"|\bspecifically\s+(?:as\s+part\s+of|for|in|to)\b"
    r"|\((?:together|collectively|hereafter|hereinafter|jointly)\b",
    re.IGNORECASE,
)
# The force's own tool said before the term, as what makes it ("how many people did the force's offender tool
# give a risk score"): the same as the tool said after it (`_PURPOSE_IN_SENTENCE`), in the other word order.
_MADE_BY_BEFORE = re.compile(
    r"\b(?:the\s+force['’]s|your|its|our)\s+(?:[\w-]+\s+){0,3}?(?:system|tool|software|model|programme|program|"
    r"algorithm|database|matrix)s?\s+(?:\w+\s+){0,2}?(?:give|gives|gave|given|giving|assign\w*|allocat\w*|produc\w*|"
    r"generat\w*|calculat\w*|creat\w*|ma(?:k|d)e\w*|award\w*)\s+(?:\w+\s+){0,4}?$",
    re.IGNORECASE,
)
# The term inside brackets that name a list: "(collectively 'AI')", "(hereafter AI)".
_NAMED_IN_BRACKETS = re.compile(
    r"\(\s*(?:together|collectively|hereafter|hereinafter|jointly|referred\s+to\s+as|known\s+as)\s*,?\s*"
    + _QUOTE + r"$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.?!\n]")


_DEFINING_SENTENCE = re.compile(
    r"(?:^|[.?!:\n(]\s*)(?:by\s+(?:this|that|these|which|[\"'‘“][^\"'’”]{1,40}[\"'’”])\s*,?\s*(?:i|we)\s+mean|"
    r"(?:i|we)\s+mean|this\s+(?:means|includes|covers))\b[^.?!\n]*$",
    re.IGNORECASE,
)


def _is_defined_at(text: str, start: int, end: int) -> bool:
    sentence_start = max(text.rfind(".", 0, start), text.rfind("?", 0, start), text.rfind("\n", 0, start))
    if _DEFINING_SENTENCE.search(text, max(0, sentence_start), start):
        return True  # used inside the request's own definition of what it asks about
    after = text[end:end + 80]
    if _DEFINES_AFTER.match(after):
        return True
    before = text[max(0, start - 12):start]
    if _DEFINES_BEFORE.search(before) and _I_MEAN.match(after):
        return True
    if _NAMED_IN_BRACKETS.search(text[max(0, start - 40):start]):
        return True
    if _MADE_BY_BEFORE.search(text, max(0, sentence_start, start - 120), start):
        return True  # "did the force's offender tool give a risk score": the tool is said first
    stop = _SENTENCE_END.search(text, end)
    sentence_rest = text[end:stop.start() if stop else len(text)]
    return bool(_PURPOSE_IN_SENTENCE.search(sentence_rest))


# "like" as "such as", not the verb of asking ("I would like", "we'd like", "I should like"): how the request
# asks is no example of what it asks about.
_EXAMPLE_BEFORE = re.compile(r"(?:\bfor\s+example|\bfor\s+instance|\be\.?\s?g\.?|\bsuch\s+as|"
                             r"(?<!\bwould\s)(?<!\bshould\s)(?<!\bi\s)(?<!\bwe\s)(?<!['’]d\s)\blike)\b[^.?!\n]{0,60}$",
                             re.IGNORECASE)


def is_example(text: str, start: int) -> bool:
    """The word at `start` is given as an example ("for example, for facial recognition"), which
    illustrates what is asked rather than being what is asked about."""
    return bool(_EXAMPLE_BEFORE.search(text[max(0, start - 80):start]))


def term_matches(term: Term, text: str, low: str):
    """Where `term` occurs; `low` is `text` lower-cased (case-sensitive terms search `text`)."""
    return term.pattern.finditer(text if term.case_sensitive else low, low)


@remembered
def first_uses(text: str) -> dict[str, re.Match[str]]:
    """For each glossary term used in `text` (not merely as an example), its first match."""
    low = text.lower()
    found: dict[str, re.Match[str]] = {}
    for term in TERMS:
        for match in term_matches(term, text, low):
            if not is_example(text, match.start()) and not _coded(term, low, match) \
                    and not fixed_by_a_name(low, match) and not named_product(text, match.start()):
                found[term.id] = match
                break
    return found


# A product's own name right before the term ("the PimEyes facial recognition search engine", "Clearview AI",
# "NEC NeoFace facial recognition") says which system is meant: the force searches for that one. A capitalised
# word counts only inside a sentence (not its first word), not as a possessive ("the Met's facial recognition"
# is still any of the Met's kinds), and not where the words are capitalised as a title is ("Does The Force Use
# Facial Recognition") or are ordinary words that qualify the term ("Generative AI", "Live Facial Recognition").
_NAME_BEFORE = re.compile(r"(?<![.?!:;\n])\s(?P<name>[A-Z][\w-]*[a-z0-9][\w-]*)\s+$")
_NOT_A_NAME = frozenset("""the this that these those your our its their any all each every some no which what whose how
    force forces police constabulary service services live retrospective operator automated artificial generative
    predictive biometric use uses used using of on in for and or with such other new current national home office
    system systems software technology technologies tool tools""".split())
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")
_WORD = re.compile(r"\b[A-Za-z][\w'’-]*")


def named_product(text: str, start: int) -> bool:
    """Whether the term starting at `start` follows a product's or company's own name in `text`."""
    found = _NAME_BEFORE.search(text[max(0, start - 40):start])
    if not found or found.group("name").lower() in _NOT_A_NAME:
        return False
    sentence = text[sentence_start(text, start):start]
    words = _WORD.findall(sentence)
    return len(_CAPITALISED.findall(sentence)) * 2 <= len(words)  # capitalised throughout: a title, not a name


# A word inside the public name of a scandal, an inquiry or an affair ("the grooming gangs scandal"), or
# used of a group a named inquiry or report fixes ("the gangs named in the 2019 inquiry report"): the
# group is the one that name stands for, not a term the requester must define.
_NAME_AFTER = re.compile(r"(?:[\s-]+[\w'’-]+){0,3}?[\s-]+(?:scandal|affair|inquiry|inquest)\b")
_FIXED_BY = re.compile(r"\b(?:named|identified|listed|described|found|covered|examined|investigated|set\s+out)\s+"
                       r"(?:in|by)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,5}?(?:inquiry|inquest|review|report|judgment|trial)\b")


def fixed_by_a_name(low: str, match: re.Match[str]) -> bool:
    """Whether the term `match` found in lower-cased `low` sits in the name of a scandal or inquiry, or
    names a group a named inquiry or report fixes."""
    if _NAME_AFTER.match(low, match.end()):
        return True
    stop = _SENTENCE_END.search(low, match.end())
    return _FIXED_BY.search(low, match.end(), min(stop.start() if stop else len(low), match.end() + 120)) is not None


def _coded(term: Term, low: str, match: re.Match[str]) -> bool:
    """Whether the sentence the term is used in makes it one of the force's own codes ("crimes
    solved": the outcome every recorded crime carries), which the force counts by, not asks about."""
    if term.coded_with is None:
        return False
    start = sentence_start(low, match.start())
    stop = _SENTENCE_END.search(low, match.end())
    return term.coded_with.search(low, start, stop.start() if stop else len(low)) is not None


@remembered
def _defined_in(text: str) -> frozenset[str]:
    low = text.lower()
    defined = set()
    for term in TERMS:
        for match in term_matches(term, text, low):
            if _is_defined_at(text, match.start(), match.end()) or (
                    term.qualified_by is not None and term.qualified_by.search(low, max(0, match.start() - 40),
                                                                               match.start())):
                defined.add(term.id)  # "live facial recognition": the kind is said
                break
    return frozenset(defined)


def defined_terms(ctx: Context) -> frozenset[str]:
    """Ids of the glossary terms the request defines somewhere (introduction or any part)."""
    defined: set[str] = set()
    for text, _ in ctx.texts():
        defined |= _defined_in(text)
    for term in TERMS:  # "the AI's algorithm" is clear once "AI" is
        if term.covered_by and defined.intersection(term.covered_by):
            defined.add(term.id)
    return frozenset(defined)
