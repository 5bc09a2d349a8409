"""Is a refusal notice valid? What it must contain, what this one lacks, and whether it was late.

A refusal under FOIA s17 must name the exemption (s17(1)(b)), say why it applies unless that is
obvious (s17(1)(c)), give the public interest reasons for a qualified exemption (s17(3)), and give
particulars of the internal review procedure (s17(7)(a)) and of the right to complain to the
Information Commissioner under s50 (s17(7)(b)). A refusal on cost (s12) or as vexatious (s14) is a
s17(5) notice; on cost the authority should also advise how to bring the request within the limit
(s16). FOISA's equivalents: s16(1)-(2) for the notice, s19 for the review (s20) and the
Commissioner (s47), s15 for advice and assistance. The notice is due within the time for the
answer itself: 20 working days (s10 / FOISA s10).

Which exemptions are absolute: FOIA s2(3); FOISA s2(2).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from composer.law import LAWS, law_for, number, sets_aside_confirm_or_deny, short
from composer.model import Act


class Kind(StrEnum):
    ABSOLUTE = "absolute"
    QUALIFIED = "qualified"
    PARTLY = "partly absolute"  # some limbs absolute, others qualified
    PROCEDURAL = "procedural"  # cost limit, vexatious: grounds to refuse, not exemptions


@dataclass(frozen=True)
class Provision:
    act: Act
    section: str  # "31", "22A"
    title: str
    kind: Kind
    equivalent: str | None = None  # the other Act's section, roughly
    absolute_limbs: tuple[str, ...] = ()  # for PARTLY: e.g. ("(1)",) means s40(1) is absolute
    note: str = ""

    @property
    def cite(self) -> str:
        return f"s{self.section}"


def _table(act: Act, rows: list[tuple]) -> dict[str, Provision]:
    out = {}
    for row in rows:
        section, title, kind, equivalent, *rest = row
        limbs = rest[0] if rest else ()
        note = rest[1] if len(rest) > 1 else ""
        out[section] = Provision(act, section, title, kind, equivalent, limbs, note)
    return out


A, Q, P, X = Kind.ABSOLUTE, Kind.QUALIFIED, Kind.PARTLY, Kind.PROCEDURAL

FOIA_PROVISIONS = _table(Act.FOIA, [
    ("12", "cost of compliance exceeds the appropriate limit", X, "12"),
    ("14", "vexatious or repeated request", X, "14"),
    ("21", "information accessible by other means", A, "25"),
    ("22", "information intended for future publication", Q, "27"),
    ("22A", "research", Q, "27"),
    ("23", "information supplied by, or relating to, bodies dealing with security matters", A, "31"),
    ("24", "national security", Q, "31"),
    ("26", "defence", Q, "31"),
    ("27", "international relations", Q, "32"),
    ("28", "relations within the United Kingdom", Q, "28"),
    ("29", "the economy", Q, "33"),
    ("30", "investigations and proceedings", Q, "34"),
    ("31", "law enforcement", Q, "35"),
    ("32", "court records", A, "37"),
    ("33", "audit functions", Q, "40"),
    ("34", "parliamentary privilege", A, None),
    ("35", "formulation of government policy", Q, "29"),
    ("36", "prejudice to effective conduct of public affairs", Q, "30", (),
     "absolute only for information held by the House of Commons or the House of Lords, "
     "so qualified for a police force"),
    ("37", "communications with Her Majesty, and honours", P, "41", ("(1)(a)", "(1)(aa)", "(1)(ab)")),
    ("38", "health and safety", Q, "39"),
    ("39", "environmental information", Q, "39"),
    ("40", "personal information", P, "38", ("(1)",),
     "s40(2) is absolute where disclosure would breach the data protection principles (the first "
     "condition, s40(3A)(a)); under the other conditions the public interest must be weighed"),
    ("41", "information provided in confidence", A, "36"),
    ("42", "legal professional privilege", Q, "36"),
    ("43", "commercial interests", Q, "33"),
    ("44", "prohibitions on disclosure", A, "26"),
])

FOISA_PROVISIONS = _table(Act.FOISA, [
    ("12", "excessive cost of compliance", X, "12"),
    ("14", "vexatious or repeated request", X, "14"),
    # s18: neither confirm nor deny, where revealing whether it is held would be contrary to the
    # public interest and the information, if held, would be exempt (`FOISA_NCND_WITH`); FOIA has
    # no one section for it (each exemption's "duty to confirm or deny" limb)
    ("18", "neither confirm nor deny whether the information exists or is held", Q, None),
    ("25", "information otherwise accessible", A, "21"),
    ("26", "prohibitions on disclosure", A, "44"),
    ("27", "information intended for future publication", Q, "22"),
    ("28", "relations within the United Kingdom", Q, "28"),
    ("29", "formulation of Scottish Administration policy", Q, "35"),
    ("30", "prejudice to effective conduct of public affairs", Q, "36"),
    ("31", "national security and defence", Q, "24"),
    ("32", "international relations", Q, "27"),
    ("33", "commercial interests and the economy", Q, "43"),
    ("34", "investigations by Scottish public authorities and proceedings", Q, "30"),
    ("35", "law enforcement", Q, "31"),
    ("36", "confidentiality", P, "41", ("(2)",),
     "s36(2) (information obtained in confidence) is absolute; s36(1) (legal privilege) is qualified"),
    ("37", "court records", A, "32"),
    ("38", "personal information", P, "40", ("(1)(a)", "(1)(c)", "(1)(d)"),
     "s38(1)(b) is absolute where disclosure would breach the data protection principles (the first "
     "condition); otherwise the public interest must be weighed"),
    ("39", "health, safety and the environment", Q, "38"),
    ("40", "audit functions", Q, "33"),
    ("41", "communications with Her Majesty, and honours", Q, "37"),
])

PROVISIONS: dict[Act, dict[str, Provision]] = {Act.FOIA: FOIA_PROVISIONS, Act.FOISA: FOISA_PROVISIONS}

# The exemptions a FOISA s18 notice may be given with: s18(1) names sections 28 to 35, 39(1) and 41,
# and the Freedom of Information (Amendment) (Scotland) Act 2013 s2 added 38 (personal information).
FOISA_NCND_WITH = ("28", "29", "30", "31", "32", "33", "34", "35", "38", "39(1)", "41")


# -- sections as people write them ---------------------------------------------------------------
_SECTION = re.compile(r"^\s*(?:s(?:ection|ec)?\.?\s*)?(\d{1,2}[A-Z]?)\s*((?:\(\s*\w{1,4}\s*\))*)\s*$", re.I)


def normalise_section(text: str) -> str:
    """`section 40(2)`, `S.40 (2)`, `40(2)` -> `s40(2)`; raises ValueError for anything else."""
    match = _SECTION.match(text)
    if not match:
        raise ValueError(f"{text.strip()!r} is not a section number (e.g. s12, s40(2))")
    number = match.group(1).upper()
    limbs = re.sub(r"\s+", "", match.group(2)).lower()
    return f"s{number}{limbs}"


def parse_sections(spec: str) -> list[str]:
    """`s12,s40(2) section 31` -> `['s12', 's40(2)', 's31']`, duplicates dropped."""
    items = [x for x in re.split(r"[,;]|\s+(?=s\.?\s*\d|section)", spec, flags=re.I) if x.strip()]
    return unique_sections(items)


def unique_sections(items: list[str]) -> list[str]:
    """Each citation normalised (`section 40(2)` -> `s40(2)`), in order, duplicates dropped."""
    return list(dict.fromkeys(normalise_section(item) for item in items))


def split_cite(cite: str) -> tuple[str, str]:
    """`s40(2)(a)` -> (`40`, `(2)(a)`)."""
    match = re.match(r"^s(\d{1,2}[A-Z]?)(.*)$", normalise_section(cite))
    assert match
    return match.group(1), match.group(2)


def provision(act: Act, cite: str) -> Provision | None:
    number, _ = split_cite(cite)
    return PROVISIONS[act].get(number)


def needs_public_interest(act: Act, cite: str) -> bool | None:
    """True for a qualified exemption, False for an absolute one or a procedural ground,
    None where it turns on the limb relied on and the citation does not say (s40(2))."""
    found = provision(act, cite)
    if found is None or found.kind in (Kind.ABSOLUTE, Kind.PROCEDURAL):
        return False
    if found.kind is Kind.QUALIFIED:
        return True
    _, limbs = split_cite(cite)
    for limb in found.absolute_limbs:
        if limbs == limb or limbs.startswith(limb + "("):
            return False
    if act is Act.FOIA and found.section == "37":
        return True
    if act is Act.FOISA and found.section == "36" and limbs.startswith("(1)"):
        return True
    return None


# Cited sections in a notice: "Section 31(1)(a)(b)(2)(b)", "s.40(2)", "sections 30 and 31",
# "(section 23(5))"; "s" alone after a bracket is a plural, as in "officer(s) 12".
_MENTION = re.compile(
    r"(?:(?<!\w)sections?|(?<![\w(])(?:s\.|s))\s*(\d{1,2}[A-Z]?)(?!\d)((?:\s?\(\s*\w{1,4}\s*\))*)"
    r"(?!\s*of the Data Protection)",
    re.I,
)
_AND_MORE = re.compile(r"\s*(?:,|and|&|or)\s*(\d{1,2}[A-Z]?)((?:\(\w{1,4}\))*)", re.I)  # matched at a position


def sections_in(text: str, act: Act) -> list[str]:
    """Exemptions and refusal grounds (s12, s14) the text cites, in order of first mention."""
    out: dict[str, str] = {}
    for match in _MENTION.finditer(text):
        found = [(match.group(1), match.group(2))]
        at = match.end()  # (a slice of the rest at each mention made a long text's reading quadratic)
        while (more := _AND_MORE.match(text, at)) is not None:
            found.append((more.group(1), more.group(2)))
            at = more.end()
        for number, limbs in found:
            number = number.upper()
            if number in PROVISIONS[act]:
                limbs = re.sub(r"\s+", "", limbs).lower()
                first_limb = re.match(r"^\(\w+\)", limbs)
                cite = f"s{number}"
                out.setdefault(number, cite + (first_limb.group(0) if first_limb else ""))
    return list(out.values())


# -- what a notice must contain -----------------------------------------------------------------
class Element(StrEnum):
    EXEMPTION = "exemption"  # names the exemption relied on
    REASONS = "reasons"  # says why it applies
    PUBLIC_INTEREST = "public-interest"  # the public interest test, for a qualified exemption
    REVIEW = "review"  # how to ask for an internal review
    COMPLAINT = "complaint"  # the right to complain to the Commissioner
    ADVICE = "advice"  # on cost: what could be provided within the limit


# Which way a public interest argument points: to disclosure, or to keeping the exemption.
_WAYS = (r"(?:the )?(?:disclos(?:ure|ing)|releas(?:e|ing)|non-disclosure|withholding|maintaining|"
         r"neither confirming|the exemption)\b")
# The public interest test named as such: said of whatever section it follows (a test written
# after an absolute exemption's paragraph is still the qualified ones' test).
_PIT_NAMED = (r"\bpublic interest (?:test|in (?:maintaining|neither|not confirming)|favours|lies|rests|"
              r"is best served)\b|\b(?:weigh\w*|balanc\w*)(?: up)? the public interest\b"
              r"|\bbalance of (?:the )?public interest\b|\bpublic interest\b[^.]{0,40}\boutweigh"
              r"|\boutweigh[^.]{0,60}\bpublic interest\b")
_MARKERS: dict[Element, re.Pattern[str]] = {
    Element.REASONS: re.compile(
        r"\bbecause\b|\breasons? (?:for|why)\b|\bwould(?:,)?(?: or would be likely to,?)?\s+"
        r"(?:prejudice|harm|identify|reveal|breach|cause|undermine|compromise|impact|damage|endanger)"
        r"|\bdisclosure [^.]{0,120}?\bwould\b|\bon the (?:basis|grounds) that\b",
        re.I,
    ),
    # A public interest test is written in a few shapes: the weighing ("having weighed the public
    # interest", "weighing these factors"), its result ("the balance falls in favour of …", "on
    # balance", "is outweighed by"), and the factors each way ("factors favouring disclosure",
    # "arguments against release", "considerations in favour of maintaining the exemption").
    Element.PUBLIC_INTEREST: re.compile(
        rf"{_PIT_NAMED}"
        r"|\bpublic interest (?:considerations|factors|arguments|in (?:disclos|releas|withhold))"
        r"|\boutweigh|\bweigh(?:s|ed|ing)?\b(?: up)?[^.]{0,60}\b(?:factors|arguments|considerations|"
        r"competing|interests?\b)|\b(?:factors|arguments|considerations)\b[^.]{0,60}\bweigh"
        r"|\bon balance\b|\bthe balance (?:falls|lies|rests|is|tips|weighs|favours)\b"
        r"|\bbalanc(?:e|ing) (?:test|of|the|exercise)\b"
        rf"|\b(?:factors?|arguments?|considerations?)(?: (?:for|against|favouring|in favour of|supporting))? {_WAYS}"
        rf"|\b(?:favouring|in favour of) {_WAYS}",
        re.I,
    ),
    Element.REVIEW: re.compile(
        r"internal review|\breview (?:of )?(?:this|the|our|my) (?:decision|response|handling)"
        r"|\b(?:ask|request|require|apply)(?:ing|ed)? (?:for )?(?:a|an|us to) review\b"
        r"|complaints? (?:procedure|process)",
        re.I,
    ),
    Element.ADVICE: re.compile(
        r"advice and assistance|\brefin(?:e|ing)\b|\bnarrow(?:ing)?\b|reduc(?:e|ing) the (?:scope|number)"
        r"|within the (?:cost|appropriate|fees?) limit|\bcould (?:be )?(?:provide|answer|supplie)",
        re.I,
    ),
}
# The right to complain, as a notice names it: the Commissioner by name or short name, or the section.
_COMPLAINT = {act: re.compile(
    rf"{re.escape(law.regulator.name)}|\b{law.regulator.short}\b|section {number('complaint', act)}\b|"
    rf"\bs\.?\s?{number('complaint', act)}\b" + ("|itspublicknowledge" if act is Act.FOISA else ""), re.I)
    for act, law in LAWS.items()}
# "… I am not required to provide you with a public interest test": a mention, not a test.
_NO_PIT = re.compile(r"[^.]*\b(?:not (?:required|necessary|obliged|needed|subject to)|no (?:requirement|need|obligation)|"
                     r"does not (?:require|apply)|no public interest test)\b[^.]*public interest[^.]*\.?|"
                     r"[^.]*\bno public interest test\b[^.]*\.?", re.I)


def segments(text: str, act: Act) -> dict[str, str]:
    """The text that discusses each cited section: from each mention of it to the next mention of
    another section. Text before the first mention is filed under "" (about the whole notice)."""
    marks: list[tuple[int, str]] = []
    for match in _MENTION.finditer(text):
        number = match.group(1).upper()
        if number in PROVISIONS[act]:
            marks.append((match.start(), number))
    out: dict[str, str] = {"": text[: marks[0][0]] if marks else text}
    for i, (start, number) in enumerate(marks):
        end = next((pos for pos, other in marks[i + 1:] if other != number), len(text))
        if i and marks[i - 1][1] == number and marks[i - 1][0] < start <= end:
            continue  # already inside the previous segment of the same section
        out[number] = out.get(number, "") + "\n" + text[start:end]
    return out


def detect(text: str, act: Act) -> set[Element]:
    """Which parts of a valid notice the text appears to contain (by the words it uses).

    The public interest test counts only where it is discussed before any section is named or
    alongside a qualified exemption, so the data-protection balancing under s40 is not taken for it.
    """
    found: set[Element] = set()
    if sections_in(text, act):
        found.add(Element.EXEMPTION)
    cleaned = _NO_PIT.sub(" ", text)
    for element, pattern in _MARKERS.items():
        if element is not Element.PUBLIC_INTEREST and pattern.search(cleaned):
            found.add(element)
    for number, part in segments(cleaned, act).items():
        if number and needs_public_interest(act, f"s{number}") is not True:
            if re.search(_PIT_NAMED, part, re.I):  # the test by its name, after another section
                found.add(Element.PUBLIC_INTEREST)
            continue
        if _MARKERS[Element.PUBLIC_INTEREST].search(part):
            found.add(Element.PUBLIC_INTEREST)
    if _COMPLAINT[act].search(text):
        found.add(Element.COMPLAINT)
    return found


@dataclass(frozen=True)
class Requirement:
    element: Element
    citation: str
    text: str  # what a valid notice must do, in plain words


def ncnd_notice(act: Act, cited: Iterable[str]) -> bool:
    """Whether a FOISA notice citing `cited` is given by virtue of s18 (neither confirming nor
    denying that the information exists or is held). FOIA has no such notice of its own: its
    refusal notice (s17) covers a claim that the duty to confirm or deny does not arise."""
    return act is Act.FOISA and any(sets_aside_confirm_or_deny(c, act) for c in cited)


def _with_s18(cited: Iterable[str]) -> list[str]:
    """The exemptions an s18 notice cites that s18(1) allows it to be given with."""
    return [c for c in cited if split_cite(c)[0] in {n.split("(")[0] for n in FOISA_NCND_WITH}]


def requirements(act: Act, cited: list[str]) -> tuple[list[Requirement], list[str]]:
    """What a refusal citing `cited` must contain, and notes where the law turns on details.

    A FOISA s18 notice (neither confirm nor deny) must still name the exemption that would apply
    if the information were held (s16(1)(c)) and say why it would (s16(1)(d)), and give the review
    and Commissioner particulars (s19); s18(2) disapplies s16(1)(a) (saying that the information is
    held) and s16(2) (the public interest reasons). The Scottish Information Commissioner's
    guidance lists the same for a valid s18 notice."""
    foia = act is Act.FOIA
    notes: list[str] = []
    if ncnd_notice(act, cited):
        return _ncnd_requirements(act, cited), notes + _ncnd_notes(cited)
    exemptions = [c for c in cited if (p := provision(act, c)) and p.kind is not Kind.PROCEDURAL]
    procedural = [c for c in cited if (p := provision(act, c)) and p.kind is Kind.PROCEDURAL]
    reqs = [Requirement(Element.EXEMPTION, "s17(1)(b)" if foia else "s16(1)(c)",
                        "name the exemption or the ground it refuses on")]
    if exemptions or not procedural:
        reqs.append(Requirement(Element.REASONS, "s17(1)(c)" if foia else "s16(1)(d)",
                                "say why the exemption applies to this information"))
    qualified, depends = [], []
    for cite in exemptions:
        need = needs_public_interest(act, cite)
        if need:
            qualified.append(cite)
        elif need is None:
            depends.append(cite)
            note = provision(act, cite).note  # type: ignore[union-attr]
            if note:
                notes.append(f"{cite}: {note}")
    if qualified:
        reqs.append(Requirement(
            Element.PUBLIC_INTEREST, "s17(3)" if foia else "s16(2)",
            f"give the public interest reasons for maintaining {', '.join(qualified)} "
            "(a qualified exemption)"))
    if any(split_cite(c)[0] == "12" for c in procedural):
        reqs.append(Requirement(Element.ADVICE, short("advice", act, with_act=False),
                                "advise how the request could be brought within the cost limit"))
    if foia and any(sets_aside_confirm_or_deny(c, act) for c in cited):
        notes.append("s17(4): a force that neither confirms nor denies need not say why the exemption applies, "
                     "or give its public interest reasons, where saying so would itself reveal what the exemption "
                     "protects; a review may still ask it to say as much as it can")
    return reqs + _review_and_complaint(act), notes


def _review_and_complaint(act: Act) -> list[Requirement]:
    foia = act is Act.FOIA
    return [Requirement(Element.REVIEW, "s17(7)(a)" if foia else "s19 and s20",
                        "explain how to ask for an internal review"),
            Requirement(Element.COMPLAINT,
                        f"{'s17(7)(b)' if foia else 's19'} and {short('complaint', act, whole=True, with_act=False)}",
                        f"tell you of your right to {law_for(act).regulator.complain} to the "
                        f"{law_for(act).regulator.name}")]


def _ncnd_requirements(act: Act, cited: list[str]) -> list[Requirement]:
    allowed = ", ".join(f"s{n}" for n in FOISA_NCND_WITH)
    return [Requirement(Element.EXEMPTION, "s16(1)(c)",
                        f"name the exemption that would apply if the information were held (s18(1): one "
                        f"of {allowed})"),
            Requirement(Element.REASONS, "s16(1)(d)",
                        "say why that exemption would apply to the information, if it were held"),
            *_review_and_complaint(act)]


def _ncnd_notes(cited: list[str]) -> list[str]:
    notes = ["s18 (neither confirm nor deny): s18(2) disapplies s16(1)(a) and s16(2), so the notice "
             "need not say whether the information is held nor give public interest reasons"]
    other = [c for c in cited if split_cite(c)[0] != "18" and c not in _with_s18(cited)
             and (p := provision(Act.FOISA, c)) is not None and p.kind is not Kind.PROCEDURAL]
    if other:
        notes.append(f"s18 can be claimed only with {', '.join(f's{n}' for n in FOISA_NCND_WITH)}; "
                     f"{', '.join(other)} {'is' if len(other) == 1 else 'are'} not among them")
    return notes


@dataclass(frozen=True)
class ResponseCheck:
    act: Act
    cited: list[str]
    required: list[Requirement]
    present: frozenset[Element]
    notes: list[str] = field(default_factory=list)
    due: date | None = None
    responded: date | None = None
    late_by: int = 0  # working days after the due date

    @property
    def missing(self) -> list[Requirement]:
        return [r for r in self.required if r.element not in self.present]

    @property
    def late(self) -> bool | None:
        if self.due is None or self.responded is None:
            return None
        return self.responded > self.due

    @property
    def valid(self) -> bool:
        return not self.missing and not self.late

    def describe(self, section: str) -> str:
        found = provision(self.act, section)
        if found is None:
            return section
        other = "FOISA" if self.act is Act.FOIA else "FOIA"
        eq = f"; {other} s{found.equivalent}" if found.equivalent else ""
        return f"{section} {found.title} ({found.kind.value}{eq})"

    def lines(self) -> list[str]:
        """A plain report, one finding per line."""
        act = "FOIA" if self.act is Act.FOIA else "FOISA"
        out = [f"Act: {act}"]
        out += [f"cites: {self.describe(c)}" for c in self.cited] or ["cites: no exemption found"]
        for req in self.required:
            mark = "has" if req.element in self.present else "MISSING"
            out.append(f"{mark}: {req.text} ({act} {req.citation})")
        out += [f"note: {n}" for n in self.notes]
        if self.late is True:
            from composer.calendar import working_days

            out.append(f"LATE: answered {self.responded.isoformat()}, due {self.due.isoformat()} "
                       f"({working_days(self.late_by)} late; {act} s10(1))")
        elif self.late is False:
            out.append(f"on time: answered {self.responded.isoformat()}, due {self.due.isoformat()}")
        return out

    def as_json(self) -> dict:
        return {
            "act": self.act.value,
            "cited": [{"section": c, "kind": (p.kind.value if (p := provision(self.act, c)) else None),
                       "title": p.title if p else None} for c in self.cited],
            "missing": [{"element": r.element.value, "citation": r.citation, "what": r.text}
                        for r in self.missing],
            "present": sorted(e.value for e in self.present),
            "notes": self.notes,
            "due": self.due.isoformat() if self.due else None,
            "responded": self.responded.isoformat() if self.responded else None,
            "late": self.late,
            "late_by": self.late_by,
        }


def check_response(
    text: str | None = None,
    *,
    act: Act,
    sections: Iterable[str] | None = None,
    contains: Iterable[Element | str] | None = None,
    received: date | None = None,
    responded: date | None = None,
    calendar=None,
    due: date | None = None,
) -> ResponseCheck:
    """Check a refusal: from its text (mentions are detected), from flags, or both.

    `sections` adds to those found in the text; `contains` says which parts the notice has (for
    when there is no text, or the words escaped detection). With `received` and `responded` the
    answer is also checked against the 20-working-day limit, or against `due` when something
    else set the day (a public-interest extension, FOIA s10(3)).
    """
    cited: list[str] = []
    for cite in [*(sections_in(text, act) if text else []), *(sections or [])]:
        cite = normalise_section(cite)
        if split_cite(cite)[0] not in {split_cite(c)[0] for c in cited}:
            cited.append(cite)
    present = set(detect(text, act)) if text else set()
    present |= {Element(c) for c in contains or ()}
    if cited:
        present.add(Element.EXEMPTION)
    if ncnd_notice(act, cited) and not _with_s18(cited) and Element.EXEMPTION not in set(contains or ()):
        present.discard(Element.EXEMPTION)  # s18 alone: which exemption would apply is not said
    required, notes = requirements(act, cited)
    unknown = [c for c in cited if provision(act, c) is None]
    notes += [f"{c} is not an exemption under {act.value}" for c in unknown]
    late_by = 0
    if received is not None and responded is not None:
        from composer.calendar import default_calendar

        cal = calendar or default_calendar()
        statutory = cal.due_date(received, act)
        if due is not None and due != statutory:
            notes.append(f"due date extended from {statutory.isoformat()} to {due.isoformat()} for "
                         "the public interest test (s10(3))")
        due = due or statutory
        late_by = max(0, cal.working_days_between(due, responded, act))
    else:
        due = None
    return ResponseCheck(act, cited, required, frozenset(present), notes, due, responded, late_by)
