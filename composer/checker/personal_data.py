"""Personal data (FOIA s40; FOISA s38): information about identifiable living people is exempt
when disclosing it would be unfair, and a force may refuse even to confirm whether it holds
information about a named person (FOIA s40(5B)). Names of officers and staff, records about
individuals, and breakdowns fine enough to leave counts of five or fewer (IC v Miller, 2018)
are the usual grounds."""

from __future__ import annotations

import re

from composer.checker import glossary, knowledge
from composer.checker import patterns as p
from composer.checker.reading import (TITLED_NAME, Reading, blank_form, read_part, read_text, without_asides,
                                      writes_officially)
from composer.checker.patterns import AnyOf, Gate, sentence_start
from composer.checker.engine import Context, PartView, Rule, part_rule
from composer.checker.findings import SOURCE
from composer.checker.estimate import expected_cell
from composer.checker.sections import LAW
from composer.errors import FileProblem

_PEOPLE = (
    r"(?:officers?|staff|employees?|members?|individuals?|people|persons?|suspects?|victims?|offenders?|"
    r"complainants?|witnesses?|informants?|detectives?|constables?|inspectors?|sergeants?|personnel|"
    r"analysts?|users?|operators?|those|anyone|everyone|nominals?|children|youths?|claimants?)"
)
_PEOPLE_WORDS = (
    "officer", "officers", "staff", "employee", "employees", "member", "members", "individual", "individuals",
    "people", "person", "persons", "suspect", "suspects", "victim", "victims", "offender", "offenders",
    "complainant", "complainants", "witness", "witnesses", "informant", "informants", "detective", "detectives",
    "constable", "constables", "inspector", "inspectors", "sergeant", "sergeants", "personnel", "analyst",
    "analysts", "user", "users", "operator", "operators", "those", "anyone", "everyone", "nominal", "nominals",
    "children", "youth", "youths", "claimant", "claimants",
)
_NAMES = Gate(
    r"\b(?:full\s+)?names?\b(?:\s*(?:,|and|&)\s*(?:ranks?|roles?|job\s+titles?|designations?|positions?|"
    r"grades?|collar\s+numbers?|shoulder\s+numbers?|warrant\s+numbers?|addresses|dates?\s+of\s+birth))*"
    r"\s+(?:of|for)\s+(?:the\s+|any\s+|all\s+|each\s+|every\s+|those\s+)?(?:\w+\s+){0,2}" + _PEOPLE + r"\b"
    r"|\b(?:officer|staff|employee|individual|person|suspect|victim|offender)(?:'s|s'|s)?\s+names?\b"
    r"|\bnames?\s*(?:,|and|&)\s*(?:ranks?|designations?|roles?|job\s+titles?|collar|shoulder|warrant)"
    r"|\bidentit(?:y|ies)\s+of\s+(?:the\s+)?(?:\w+\s+){0,2}" + _PEOPLE + r"\b"
    r"|\bwho\s+(?:was|were|is|are)\s+the\s+(?:\w+\s+)?(?:officers?|individuals?|persons?|people)\b"
    r"|\bname\s+(?:the|any)\s+(?:\w+\s+)?(?:officers?|staff|individuals?|people)\b"
    r"|\b(?:please\s+)?name\s+(?:them|him|her|those\s+(?:people|persons|individuals|officers))\b"
    # "Name the registered sex offenders living on …": any people the part asks to be named.
    r"|\bname\s+(?:the|any|all)\s+(?:\w+\s+){0,2}" + _PEOPLE + r"\b"
    # The people first, their names asked after them ("Which officers were dismissed? I'd like their names"):
    # "their" is the people just said, whatever the verb between.
    r"|\b" + _PEOPLE + r"\b(?:(?!\b(?:systems|tools|products|suppliers|companies|firms|contractors|units|teams|"
    r"departments|stations|schemes|programmes|programs|operations|forces|organi[sz]ations|vehicles|dogs|"
    r"devices)\b)[^\n]){0,160}?\btheir\s+(?:full\s+)?names?\b"
    # Who is on a list of people ("Who is on your violence harm risk list?"): the list's members, by name.
    r"|\bwho\s+(?:is|are|was|were)\s+(?:currently\s+|now\s+|still\s+)?(?:named\s+|listed\s+|included\s+)?"
    r"(?:on|in)\s+(?:the|your|its|this|that|a)\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:lists?|matrix|matrices|database|register|watch\s*lists?|index)\b",
    (("name", "names", "identity", "identities", "who"),
     _PEOPLE_WORDS + ("rank", "ranks", "role", "roles", "job", "designation", "designations", "position",
                      "positions", "grade", "grades", "collar", "shoulder", "warrant", "them", "him", "her",
                      "list", "lists", "matrix", "matrices", "database", "register", "watchlist", "watchlists",
                      "watch", "index")),
)
# "Individual" before a thing ("each individual time period", "per individual force") says each of those
# things, not a person.
_INDIVIDUAL_THING = (r"(?!\s+(?:time\s+)?(?:periods?|years?|months?|weeks?|days?|quarters?|areas?|districts?|forces?|"
                     r"stations?|categor(?:y|ies)|types?|offences?|crimes?|items?|questions?|parts?|locations?|sites?|"
                     r"schools?|premises|vehicles?|systems?|budgets?|contracts?|units?|teams?)\b)")
_INDIVIDUAL_RECORDS = AnyOf(
    Gate(
        r"\bindividual[\s-]+level\b|\brecord[\s-]+level\b|\bcase[\s-]+level\b|\braw\s+data\b|\bunredacted\b"
        r"|\bfull\s+set\s+of\s+(?:\w+\s*/?\s*){0,4}?(?:results|data|cases|records|files)\b"
        r"|\bcase[\s-]+by[\s-]+case\b",
        ("level", "raw", "unredacted", "full", "case"),
    ),
    Gate(
        r"\b(?:details|list|lists|copies|copy)\s+of\s+(?:each|every|all|the)\s+(?:individual\s+)?"
        r"(?:cases?|individuals?|persons?|people|suspects?|victims?|offenders?|officers?|nominals?)\b"
        r"|\blist\s+of\s+(?:the\s+|all\s+)?(?:individuals|people|persons|names|suspects|offenders|nominals|those)\b"
        r"|\bfor\s+each\s+(?:person|individual" + _INDIVIDUAL_THING + r"|suspect|offender|victim|officer|nominal|child)\b"
        r"|\bper\s+(?:person|individual" + _INDIVIDUAL_THING + r")\b"
        r"|\b(?:details|circumstances|copies|copy|summary|summaries)\s+of\s+(?:the\s+|each\s+)?"
        r"(?:cases?|incidents?|complaints?|allegations?)\b"
        r"|\b(?:for\s+each|for\s+every|in\s+each)\s+(?:of\s+)?(?:those|them|these|case|individual" + _INDIVIDUAL_THING + r"|officer|complaint|"
        r"report|allegation|referral)\b",
        (("details", "list", "lists", "copies", "copy", "each", "every", "per", "circumstances", "summary",
          "summaries"),
         _PEOPLE_WORDS + ("case", "cases", "names", "child", "incident", "incidents", "complaint", "complaints",
                          "allegation", "allegations", "them", "these", "report", "referral")),
    ),
)
_TITLE_NAME = Gate(
    TITLED_NAME,
    ("mr", "mrs", "ms", "miss", "mx", "dr", "pc", "dc", "ds", "di", "dci", "dsu", "supt", "superintendent", "sgt", "sergeant",
     "inspector", "constable", "detective", "councillor", "cllr", "sir", "dame", "lord", "lady", "professor", "prof", "rev",
     "reverend", "commissioner", "commander", "acc", "dcc", "pcc"),
)
_NAMED_PERSON = Gate(
    r"\ba\s+named\s+(?:\w+\s+){0,3}(?:officer|person|individual|inspector|constable|sergeant|detective|"
    r"member\s+of\s+staff|employee|suspect|victim)"
    r"|\b(?:the|this|that)\s+(?:police\s+)?(?:officer|individual|person|man|woman|suspect|victim|employee|boy|girl)"
    r"\s+(?:involved|concerned|who\s+was|who\s+is|in\s+question|named|responsible|at\s+the\s+cent(?:re|er))"
    r"|\b(?:this|that|the\s+said)\s+(?:police\s+)?officer\b|\bthe\s+said\s+(?:individual|person)\b"
    # An officer by collar or warrant number ("PC 4321"): one person, as surely as by name.
    r"|\b(?:pc|dc|ps|ds|sgt|pcso|insp)\s*\d{2,6}\b|\b(?:collar|shoulder|warrant)\s+(?:number|no\.?)\s*:?\s*\d{2,6}\b"
    # Several people the requester names ("three named officers", "allegations by named individuals"): each of
    # them is as identifiable as one named person.
    r"|\b(?:two|three|four|five|six|several|\d+|the|these|those|by|of|about|against)\s+named\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:officers|individuals|persons|people|employees|members\s+of\s+staff|suspects|victims|complainants|sergeants|"
    r"constables|inspectors|detectives|pcsos|staff)\b",
    ("named", "officer", "individual", "person", "man", "woman", "suspect", "victim", "employee", "boy", "girl",
     "pc", "dc", "ps", "ds", "sgt", "pcso", "insp", "collar", "shoulder", "warrant"),
)
_SEVERAL_NAMED = re.compile(r"\bnamed\s+(?:[\w'’-]+\s+){0,2}?\w+s\b", re.IGNORECASE)
_ONE_NAME = re.compile(r"\bnames?\s+(?:and\s+\w+\s+)?of\s+(?:the|a|an|this|that)\s+(?!\w+s\b)")
_WAIVED = Gate(r"redact|remov|anonymi[sz]|withh[oe]ld|exclud|do\s+not\s+(?:need|want|require)|"
               r"not\s+(?:asking|requesting|seeking)|without\s+(?:any\s+)?names|no\s+names", None)
_SENTENCE = re.compile(r"[^.?!\n]*")

_DIMENSIONS = {
    "age": re.compile(r"\bages?\b|\bage\s+(?:group|band|range)s?\b|\bdates?\s+of\s+birth\b"),
    "ethnicity": re.compile(r"\brace\b|\bracial\b|\bethnic\w*\b"),
    "sex": re.compile(r"\bgender\b|\bsex\b"),
    "religion": re.compile(r"\breligio\w*|\bfaith\b"),
    "disability": re.compile(r"\bdisabilit\w*|\bdisabled\b"),
    "sexuality": re.compile(r"\bsexual\s+orientation\b|\bsexuality\b"),
    "nationality": re.compile(r"\bnationality\b|\bimmigration\s+status\b|\bcountry\s+of\s+birth\b"),
    "place": re.compile(r"\bpostcodes?\b|\bwards?\b|\bstreets?\b|\bbeats?\b|\bneighbourhoods?\b|\blsoas?\b|"
                        r"\bhome\s+address\w*\b|\bexact\s+locations?\b"),
    "occupation": re.compile(r"\boccupations?\b|\bjob\s+titles?\b|\branks?\b"),
}
_DIMENSIONS = {name: Gate(pattern, None) for name, pattern in _DIMENSIONS.items()}

_STAFF = Gate(r"\b(?:officers?|staff|employees?|pcsos?|personnel|workforce|special\s+constables?|"
              r"detectives?|constables?|sergeants?|inspectors?)\b", None)
_SENSITIVE_HR = Gate(
    r"\b(?:misconduct|disciplinary|discipline|grievances?|employment\s+tribunals?|tribunals?|"
    r"non[\s-]+disclosure\s+agreements?|ndas?|settlement\s+agreements?|compromise\s+agreements?|cot3|"
    r"confidentiality\s+agreements?|sickness\s+absence|vetting)\b"
    # Special category data of staff (UK GDPR Art 9: health, religion or belief, sexual orientation) and
    # why they left (dismissal, ill health): disclosable under FOI only with an Art 9 condition or
    # consent, which a force almost never has, so small counts of them are withheld.
    r"|\b(?:reasons?\s+(?:for|of)\s+(?:leaving|their\s+leaving|departure|resignation|exit)|ill[\s-]+health|"
    r"off\s+sick|(?:on\s+)?sick\s+leave|stress(?:[\s-]+related)?(?!\s+(?:the|that|this))|anxiety|depression|ptsd|"
    r"post[\s-]+traumatic|"
    r"mental\s+health(?!\s+(?:awareness|first\s+aid|training|courses?|act|triage))|religions?|religious\s+(?:belief|affiliation)|sexual\s+orientation|gender\s+identity|"
    r"disabilit(?:y|ies))\b"
    r"|\b(?:officers?|staff|employees?|pcsos?|personnel|constables?)\s+(?:who\s+(?:were|have\s+been|had\s+been|are)\s+)?"
    r"(?:arrested|convicted|charged|dismissed|sacked|suspended|under\s+investigation|investigated|disciplined)\b"
    # "officers in the dog unit were disciplined": where they work, then what befell them
    r"|\b(?:officers?|staff|employees?|pcsos?|personnel|constables?)\s+(?:in|at|from|of|within|based)\b"
    r"[^.?!\n]{1,50}?\b(?:were|was|have\s+been|has\s+been|had\s+been)\s+(?:dismissed|sacked|suspended|disciplined)\b"
    r"|\b(?:complaints?|allegations?)\s+(?:made\s+)?against\s+(?:\w+\s+){0,2}(?:officers?|staff|employees?|members)\b",
    ("misconduct", "disciplinary", "discipline", "grievance", "grievances", "employment", "tribunal", "tribunals", "non", "nda", "ndas", "settlement", "compromise", "cot3", "confidentiality", "sickness", "vetting", "officer", "officers", "staff", "employee", "employees", "pcso", "pcsos", "personnel", "constable", "constables", "complaint", "complaints", "allegation", "allegations",
     "reason", "reasons", "ill", "mental", "religion", "religions", "religious", "sexual", "gender", "disability",
     "disabilities", "off", "sick", "on", "stress", "anxiety", "depression", "ptsd", "post"),
)

_SOMEONE_I_KNOW = Gate(
    r"\b(?:my|his|her|the\s+(?:requester|complainant|applicant|appellant)(?:'s|’s))\s+(?:late\s+|ex[\s-]?)?(?:son|daughter|husband|wife|partner|boyfriend|girlfriend|mother|father|"
    r"mum|dad|brother|sister|child|grandson|granddaughter|neighbou?r|friend|colleague|landlord|tenant|employer)\b"
    r"|\bmy\s+(?:children|family|relative)'?s?\b|\b(?:a|one)\s+(?:third\s+party|family\s+member|relative)\b(?!\s+organi[sz]ations?)",
    ("my", "his", "her", "third", "family", "relative", "requester", "complainant", "applicant", "appellant"))
_OWN_DATA = Gate(
    r"\babout\s+me\b|\bheld\s+(?:on|about)\s+me\b|"
    r"\bmy\s+(?:own\s+)?(?:personal\s+|custody\s+|criminal\s+|police\s+|arrest\s+|pnc\s+)?(?:data|information|records?|file|details|case|complaint|arrest|"
    r"conviction|statements?|interview|report|crime\s+report|call)\b|\bsubject\s+access\b"
    # The right of access invoked by name (DPA 1998 s7, DPA 2018 s45, UK GDPR Art 15), or the requester's own
    # access request or a notice served on them (a notice of intended prosecution, a fixed penalty): the
    # records asked for are about the requester.
    r"|\bsection\s+(?:7|45)\s*(?:\(\s*1\s*\)\s*)?of\s+the\s+data\s+protection\s+act\b|\barticle\s+15\s+(?:of\s+)?(?:the\s+)?(?:uk\s+)?gdpr\b"
    r"|\bmy\s+(?:\w+\s+)?(?:sar|dsar)\b|\bmy\s+request\s*\(\s*(?:ref\w*\.?\s*)?(?:sar|dsar)\b"
    r"|\b(?:notice\s+of\s+intended\s+prosecution|fixed\s+penalty(?:\s+notice)?|penalty\s+(?:charge\s+)?notice|speeding\s+(?:ticket|fine))"
    r"s?\b[^.?!\n]{0,60}?\b(?:(?:i|we)\s+(?:was\s+|were\s+|have\s+been\s+|had\s+been\s+)?(?:received|issued|sent|given|served)|"
    r"(?:issued|sent|given|served)\s+(?:to\s+|on\s+)?(?:me|us|the\s+complainant|the\s+applicant|the\s+requester))\b"
    r"|^\s*re\s*:?\s*(?:notice\s+of\s+intended\s+prosecution|fixed\s+penalty\s+notice|penalty\s+charge\s+notice)\b"
    # A report the requester made holds their own details as the person reporting it (s40(1)).
    r"|\b(?:report|complaint|call|allegation|statement)s?\s+(?:that\s+|which\s+)?i\s+(?:have\s+|had\s+)?"
    r"(?:made|submitted|raised|lodged|gave|filed)\b|\bi\s+reported\s+(?:to\s+you|it|this|that|an?\b)"
    # What the police did to the requester: records of it are about them (and the officers).
    r"|\b(?:i|we)\s+(?:was|were|had\s+been|have\s+been)\s+(?:\w+ly\s+)?(?:arrested|stopped|searched|detained|"
    r"questioned|interviewed|cautioned|charged|handcuffed|restrained|tasered|assaulted|threatened)\b"
    r"|\b(?:reported|arrested|stopped|searched|detained|accused|complained\s+about|investigated)\s+(?:me|us)\b(?!-)"
    # What a force's system made of the requester: a score, a grade or a flag "given me", "assigned to me".
    r"|\b(?:given|gave|assigned|allocated|attached|applied)\s+(?:to\s+)?(?:me|us)\b(?!-)"
    # The requester in the third person, as a Commissioner's or tribunal's summary puts it.
    r"|\bthe\s+(?:requester|complainant|applicant|appellant)(?:'s|’s)\s+(?:own\s+)?(?:personal\s+)?(?:data|information|records?|file|"
    r"details|case|complaint|arrest|conviction|criminal\s+(?:trial|record|case)|trial|statements?|interview)\b"
    r"|\b(?:the\s+)?(?:requester|complainant|applicant|appellant)\s+(?:was|had\s+been|has\s+been)\s+(?:\w+ly\s+)?"
    r"(?:issued|arrested|stopped|searched|detained|questioned|interviewed|cautioned|charged|convicted|fined)\b",
    ("about", "held", "my", "subject", "report", "reports", "complaint", "complaints", "call", "calls",
     "allegation", "allegations", "statement", "statements", "reported", "i", "we", "me", "us", "section",
     "article", "notice", "fixed", "penalty", "speeding", "re", "requester", "complainant", "applicant", "appellant"),
)
# Subject access requests counted ("how many subject access requests were processed"): the force's own
# caseload, about no one.
_SARS_COUNTED = re.compile(r"\bsubject\s+access\s+requests?\b")


def _waived(item: PartView, start: int) -> bool:
    """The sentence around `start` says names may be redacted or are not wanted."""
    begin = max(item.low.rfind(".", 0, start), item.low.rfind("\n", 0, start)) + 1
    sentence = _SENTENCE.match(item.low, begin)
    return bool(sentence and _WAIVED.search(sentence.group(0)))


@part_rule("personal_data.names", "personal_data", "warning", law="personal", title="Names of people", intro=True)
def names(rule: Rule, ctx: Context, item: PartView):
    match = _NAMES.search(item.low)
    # "the names of the AFOs" reads as "the names of the authorised firearms officers"
    span = match.span() if match else glossary.spelt_search(_NAMES.pattern, item.text, lower=True)
    if span is None or _waived(item, span[0]):
        return
    one = None
    if not item.is_intro and _ONE_NAME.search(item.low):  # "the name of the officer who …"
        reading = read_part(ctx, item)
        one = reading.identifies or (reading.one_case[1] if reading.one_case is not None else None)
    if one is not None:
        return rule.at(
            ctx, item,
            f"{item.label} asks who one person is ('{item.text[span[0]:span[1]]}', '{one}'). Naming "
            "them, or even saying whether the force holds their name, tells the world about that person's part "
            f"in one matter, so forces neither confirm nor deny ({ctx.section('personal_ncnd')}).",
            suggestion="Ask about the role instead (the rank or job title that deals with such matters), "
            "or about the policy that applied; if it concerns you, make a subject access request.",
            span=span, ncnd=True, law=LAW["personal_ncnd"][ctx.act],
        )
    return rule.at(
        ctx, item,
        f"{item.label} asks who people are ('{item.text[span[0]:span[1]]}'). Names of "
        f"officers, staff and members of the public are personal data, usually withheld under "
        f"{ctx.section('personal')}; only senior officers in public-facing roles are normally named.",
        suggestion="Ask for job titles, roles or grades instead of names (for example 'the job "
        "title and grade of the officer responsible for …').",
        span=span,
    )


_CASE_WORDS = frozenset(("case", "cases", "incident", "incidents", "complaint", "complaints", "allegation",
                         "allegations", "crime", "crimes", "offence", "offences", "arrest", "arrests", "search",
                         "searches", "report", "reports", "referral", "referrals", "application", "applications",
                         "detention", "detentions", "death", "deaths", "injury", "injuries", "men", "women", "man",
                         "woman", "adults", "children", "child", "boys", "girls", "he", "she", "him", "her", "his"))


_THOSE_THINGS = re.compile(r"\bthose\s+(\w+s)\b")


def _those_thing(match: re.Match[str]) -> str:
    noun = match.group(1)
    return match.group(0) if noun in _PEOPLE_WORDS or noun in _CASE_WORDS else noun


def _about_people(ctx: Context, item: PartView, said: tuple[int, int] | None = None) -> bool:
    """Whether "for each of these" in `item` can be about people or their cases: the part, the part
    before it or its parent names people or cases ("How many dogs retired? For each, why?" does not).
    `said` is where "in each case" stands: there "case" only points back at what the part lists
    ("each company … and the dates in each case"), so it is not read as a case about someone."""
    texts = [item.low if said is None else item.low[:said[0]] + item.low[said[1]:]]
    before, parent = ctx.previous_sibling(item), ctx.parent_view(item)
    texts += [other.low for other in (before, parent) if other is not None]
    # "those" alone is people ("those arrested"); before a thing it only points at it ("those services").
    # A definition's words ("(by which I mean … which people are likely to offend)") are not what is asked.
    texts = [_THOSE_THINGS.sub(_those_thing, without_asides(text)) for text in texts]
    words = set().union(*(p.tokens_of(text) for text in texts))
    return not words.isdisjoint(_PEOPLE_WORDS) or not words.isdisjoint(_CASE_WORDS)


@part_rule("personal_data.individual-records", "personal_data", "warning", law="personal",
           title="Records about individuals", intro=True)
def individual_records(rule: Rule, ctx: Context, item: PartView):
    match = _INDIVIDUAL_RECORDS.search(item.low)
    if not match or _waived(item, match.start()) or blank_form(item.low):
        return  # a blank form or template holds no one's details
    if not item.is_intro:
        reading = read_part(ctx, item)
        said = item.low[match.start():match.end()]
        if said.startswith(("for each", "for every", "in each", "per ")) and (
                reading.action == "count" or (reading.record is not None and not reading.record.people)
                or not _about_people(ctx, item, match.span() if said.endswith(" case") else None)):
            return  # a count "for each of these", or records that are not about people (dogs, vehicles)
        if reading.action == "yes_no":
            return  # whether the force keeps such records ("Does it maintain a list of …?"): yes or no names no one
    return rule.at(
        ctx, item,
        f"{item.label} asks for records about individual people or cases "
        f"('{item.text[match.start():match.end()]}'). Case-by-case records identify the people in "
        f"them and are withheld under {ctx.section('personal')}; a force that does release "
        "something will aggregate it anyway.",
        suggestion="Ask for totals or counts (for example the number of cases by outcome and year) "
        "rather than the cases themselves.",
        span=match.span(),
    )


_SALUTED = re.compile(r"(?:^|\n)[ \t]*(?:dear|to|fao|attn|for\s+the\s+attention\s+of)\s*:?\s*$", re.IGNORECASE)
_SIGNED = re.compile(r"\b(?:yours\s+(?:sincerely|faithfully|truly)|kind\s+regards|best\s+wishes|regards|many\s+thanks|"
                     r"thank\s+you|signed)\b[^\n]{0,3}(?:\n[^\n]{0,40}){0,2}\n?[^\n]{0,3}$", re.IGNORECASE)
_GREETING = re.compile(r"\bdear\b|\bto\s+whom\b", re.IGNORECASE)


def letter_furniture(text: str, start: int) -> bool:
    """Whether the name or address at `start` is the letter's own: after "Dear", under "Yours sincerely",
    or in a letterhead above the salutation. Who writes or is written to is not what the request is about."""
    before = text[:start]
    if _SALUTED.search(before[-40:] if start > 40 else before) or _SIGNED.search(before[-80:]):
        return True
    greeting = _GREETING.search(text)
    return greeting is not None and start < greeting.start()


# A chief officer or commissioner named with the office, asked about what the office does: their diary,
# meetings, decisions, letters and what they said. The ICO's guidance on s40 expects people in senior public
# roles to have their role's information disclosed. Whether they were complained about, investigated or
# disciplined, their health and their pension stay theirs (personal_data.senior-ranks).
_SENIOR_OFFICE = re.compile(r"\b(?:(?:deputy\s+|assistant\s+)?chief\s+constable|(?:deputy\s+|assistant\s+)?commissioner|"
                            r"police\s+and\s+crime\s+commissioner|pcc|chief\s+officer|commander|acc|dcc)\b", re.IGNORECASE)
_ROLE_ASKED = re.compile(r"\b(?:diary|diaries|meetings?|met|speech(?:es)?|statements?|said|say|decisions?|decided|letters?|"
                         r"correspondence|e-?mails?|briefings?|visits?)\b", re.IGNORECASE)
# What the office pays them and they claim from it: official expenses, pay, and the gifts and hospitality
# they are offered in the role. Forces publish their chief officers' expenses and registers of gifts and
# hospitality, and their accounts name senior officers' pay; the ICO's guidance on requests for personal
# data about public authority employees expects a senior official's to be disclosed, a junior one's seldom.
_ROLE_MONEY = re.compile(r"\bexpenses\b|\bexpense\s+claims?\b|\bsalar(?:y|ies)\b|\b(?:was|were|is|are|been|be)\s+(?:\w+\s+){0,4}?paid\b|"
                         r"\bpaid\s+to\b|\b(?:his|her|their)\s+pay\b|\bpay\s+of\b|\bremuneration\b|"
                         r"\ballowances?\b|\bbonus\w*|\bgifts?\b|\bhospitality\b|\bbusiness\s+interests?\b",
                         re.IGNORECASE)
# Their own matters: what befell them, their health, their record, and what ends or follows their service.
_PERSONAL_MATTER = re.compile(r"\bcomplain\w*|\bdisciplin\w*|\bmisconduct\b|\binvestigat\w*|\bsuspen\w+|\bdismiss\w*|"
                              r"\bsick\w*|\babsen\w+|\bgrievances?\b|\bvetting\b|\barrest\w*|\ballegation\w*|"
                              r"\bconvict\w*|\bcaution\w*|\bhealth\b|\bpersonnel\s+file\b|\bpension\w*|\bseverance\b|"
                              r"\bsettlement\b|\bpay[\s-]?off\b|\bwitness\b|\bcompensation\b", re.IGNORECASE)
# Ranks below the chief officer team: their pay and expenses are seldom a senior role's.
_JUNIOR_RANK = re.compile(r"^(?:pc|dc|ds|di|dci|dsu|supt|sgt|sergeant|(?:detective\s+)?(?:chief\s+)?(?:superintendent|inspector)|"
                          r"(?:detective\s+)?(?:constable|sergeant))\b", re.IGNORECASE)


def _sentence_of(text: str, start: int, end: int) -> str:
    ends = [i for i in (text.find(".", end), text.find("?", end), text.find("\n", end)) if i != -1]
    return text[sentence_start(text, start):min(ends) if ends else len(text)]


def in_public_office(text: str, match: re.Match[str]) -> bool:
    """Whether the person `match` names in `text` is named with a senior public office and asked about
    what the office does or pays, not about a matter of their own."""
    near = text[max(0, match.start() - 40):match.start()] + " " + text[match.end():match.end() + 30]
    if not _SENIOR_OFFICE.search(near) and not _SENIOR_OFFICE.search(text[match.start():match.end()]):
        return False
    sentence = _sentence_of(text, match.start(), match.end())
    return bool(_ROLE_ASKED.search(sentence) or _ROLE_MONEY.search(sentence)) and not _PERSONAL_MATTER.search(sentence)


def role_money(text: str, start: int, end: int) -> str | None:
    """What the sentence naming the person at `start:end` asks of their official expenses or pay
    ("expenses"), when it asks nothing of their own matters; else None."""
    sentence = _sentence_of(text, start, end)
    money = _ROLE_MONEY.search(sentence)
    if money is None or _PERSONAL_MATTER.search(sentence):
        return None
    said = money.group(0).lower()
    if "gift" in said or "hospitality" in said:
        return "gifts and hospitality"
    if "interest" in said:
        return "business interests"
    return "expenses" if "expense" in said else "pay"


@part_rule("personal_data.named-person", "personal_data", "warning", law="personal_ncnd",
           title="About an identifiable person", intro=True)
def named_person(rule: Rule, ctx: Context, item: PartView):
    match = _TITLE_NAME.search(item.text, item.low) or _NAMED_PERSON.search(item.low)
    if not match or _waived(item, match.start()) or letter_furniture(item.text, match.start()):
        return
    if match.re is _TITLE_NAME.pattern and writes_officially(item.text, match):
        return  # the writer or addressee of official letters, not their subject
    if in_public_office(item.text, match):
        return  # a chief officer's diary, meetings, expenses and statements are the office's
    said = item.text[match.start():match.end()]
    money = role_money(item.text, match.start(), match.end())
    if money is not None:
        # Official expenses or pay: the force holds them only for those it pays, and a senior official's are
        # published, so whether it holds them is no secret. A junior officer's are withheld (s40(2)), not
        # neither confirmed nor denied; with no rank or office given, which it is decides.
        if _JUNIOR_RANK.match(said):
            return rule.at(
                ctx, item,
                f"{item.label} asks for the {money} of '{said}', an officer below the chief officer ranks. Forces "
                f"publish their chief officers' expenses and pay, but an officer at that rank can expect theirs to "
                f"stay private, so it is usually withheld ({ctx.section('personal')}).",
                suggestion="Ask for totals by rank (for example the force's spending on officers' expenses in a "
                "year), or for the chief officers' expenses, which forces publish.",
                span=match.span(), ncnd=False, law=LAW["personal"][ctx.act])
        return rule.at(
            ctx, item,
            f"{item.label} asks for the {money} of '{said}'. If they are one of the force's chief officers or "
            f"senior staff, forces publish these and will give them; a junior officer's or staff member's would be "
            f"withheld ({ctx.section('personal')}).",
            suggestion="Name the office they hold (for example 'the Chief Constable, …'), or look first at the "
            "force's published chief officer expenses and gifts and hospitality register.",
            span=match.span(), severity="info", ncnd=False, law=LAW["personal"][ctx.act])
    who = "people the request names" if _SEVERAL_NAMED.search(said) else "one identifiable person"
    return rule.at(
        ctx, item,
        f"{item.label} is about {who} ('{said}'). "
        f"Even saying whether information is held would tell the world something about them, so "
        f"forces usually neither confirm nor deny ({ctx.section('personal_ncnd')}).",
        suggestion="Ask about the policy or the totals instead (for example how many officers "
        "were suspended in a year), not about one person.",
        span=match.span(),
    )


@part_rule("personal_data.small-counts", "personal_data", "warning", law="personal",
           title="Breakdown fine enough to give small counts", intro=True)
def small_counts(rule: Rule, ctx: Context, item: PartView):
    low = item.low
    if not p.STATISTICS.search(low) or p.SMALL_COUNTS_HANDLED.search(low):
        return
    hits = {name: m for name, pattern in _DIMENSIONS.items() if (m := pattern.search(low))}
    demographic = [n for n in hits if n not in ("place", "occupation")]
    fine = len(hits) >= 3 or ("place" in hits and demographic)
    if not fine:
        return
    if not item.is_intro:  # a kind of record whose yearly volume is known: count the cells instead
        reading = read_part(ctx, item)
        if reading.record is not None and reading.record.people and reading.breakdowns and not reading.named_place:
            crossed, own = 1, 1  # with each characteristic asked on its own, only the finest of them counts
            for name in reading.breakdowns:
                dim = knowledge.DIMENSIONS[name]
                if reading.one_way and dim.kind == "people":
                    own = max(own, dim.categories)
                else:
                    crossed *= dim.categories
            crossed *= own
            span = reading.period.years if reading.period is not None and not reading.period.snapshot else 1.0
            if reading.record.yearly_for(ctx.officers) * max(span, 1.0) / crossed >= ctx.calibration.small_cell * 5:
                return  # tens of people a cell even crossed: not small counts
    first = min(hits.values(), key=lambda m: m.start())
    listed = ", ".join(item.text[m.start():m.end()] for m in sorted(hits.values(), key=lambda m: m.start()))
    return rule.at(
        ctx, item,
        f"{item.label} asks for figures broken down by {listed}. Crossing that many "
        "characteristics leaves many cells with one to five people, who can then be identified; "
        f"forces withhold such small counts under {ctx.section('personal')} (IC v Miller, 2018).",
        suggestion="Ask for each characteristic as a separate total (by age band, by ethnicity, by "
        "sex, not all crossed), over a whole year and the whole force area, and say that counts "
        "of five or fewer may be shown as '5 or fewer'.",
        span=first.span(),
    )


@part_rule("personal_data.staff-matters", "personal_data", "warning", law="personal",
           title="Counts about a few members of staff", intro=True,
           whole=True)  # the part before it in the outline
def staff_matters(rule: Rule, ctx: Context, item: PartView):
    low = item.low
    if not p.STATISTICS.search(low):
        return
    sensitive = _SENSITIVE_HR.search(low)
    if not sensitive or p.SMALL_COUNTS_HANDLED.search(low):
        return
    context = [low]  # "Of those, how many …": the staff are named in the part before
    if p.REFERS_BACK.search(low) and item.index > 0:
        context.append(ctx.items[item.index - 1].low)
    if not any(_STAFF.search(text) for text in context):
        return
    if not item.is_intro:
        reading = read_part(ctx, item)
        record = reading.record
        if record is not None and record.id not in _STAFF_RECORDS and not _COUNTS_STAFF.search(low):
            return  # the people counted are the public ("detentions recorded by officers, by religion")
        why = _not_routine(reading, context, sensitive.group(0))
        if why is None:
            return  # a force-wide yearly count of an outcome the national statistics count
    else:  # "… in 2023-24, by reason:" with the reasons listed below: read as a part is
        why = _not_routine(read_text(ctx.said(item.text)), context, sensitive.group(0))
        if why is None:
            return
        why = f"Counts about staff in the introduction. {why}"
    staff = next((m for m in (_STAFF.search(text) for text in context) if m is not None))
    reasoning = (f"About staff ('{staff.group(0)}') in a sensitive matter ('{sensitive.group(0)}').", why)
    suggestion = ("Ask for totals over several years together, without breakdowns by rank, "
                  "department or outcome, and accept that counts of five or fewer may be shown as '5 or fewer'.")
    if why.startswith(_NARROWED) and any(_CONDUCT_MATTER.search(text) for text in context):
        # Discipline among the few colleagues of one unit, place or person: even "none" tells them
        # whether a particular officer was disciplined, so the force will not say whether it holds it.
        return rule.at(
            ctx, item,
            f"{item.label} asks whether a few identifiable colleagues faced a conduct matter "
            f"('{item.text[sensitive.start():sensitive.end()]}'). Even 'none' or 'one' tells them about a "
            f"particular officer, so forces neither confirm nor deny holding it ({ctx.section('personal_ncnd')}).",
            suggestion=suggestion, span=sensitive.span(), reasoning=reasoning, ncnd=True,
            law=LAW["personal_ncnd"][ctx.act])
    return rule.at(
        ctx, item,
        f"{item.label} asks for figures about staff in a sensitive matter "
        f"('{item.text[sensitive.start():sensitive.end()]}'). Within one force these are often a "
        "handful of people a year, who colleagues could identify; forces withhold small counts "
        f"like these under {ctx.section('personal')}.",
        suggestion=suggestion, span=sensitive.span(), reasoning=reasoning,
    )


_STAFF_RECORDS = frozenset({"workforce", "complaints_misconduct"})
# Staff outcomes the national statistics count force by force each year, so that a force answers a
# yearly count of them for the whole force as a matter of course: complaints and their outcomes (IOPC,
# Police complaints statistics), misconduct meetings and hearings and their outcomes, dismissal among
# them (Home Office, Police misconduct statistics), and leavers by reason (Home Office, Police
# workforce statistics, leavers tables). What they do not count (settlement agreements, grievances,
# tribunals, vetting, health, belief) stays a handful of people a year, and so do any of them broken
# down by rank, unit or station, or counted over weeks (ICO guidance on section 40, small numbers).
_PUBLISHED_STAFF_OUTCOME = re.compile(
    r"\b(?:dismiss(?:ed|als?)|sacked|resign(?:ed|ations?)|retire(?:d|ments?)|leavers|left\s+the\s+(?:force|service)|"
    r"disciplined|found\s+guilty\s+of\s+(?:gross\s+)?misconduct|final\s+written\s+warnings?|written\s+warnings?|"
    r"(?:gross\s+)?misconduct|disciplinary\s+(?:hearings?|meetings?|proceedings|action|outcomes?|sanctions?)|"
    r"(?:misconduct\s+)?(?:hearings?|meetings?)|complaints?|allegations?)\b")
_UNIT = re.compile(r"\b(?:units?|teams?|departments?|squads?|stations?|divisions?|branch|sections?|wards?|control\s+rooms?|"
                   r"custody\s+suites?|contact\s+centres?|"
                   r"neighbourhoods?|districts?|command|the\s+\w+\s+(?:unit|team|department|squad))\b")


# A category of case at or below this share of the record's yearly volume (resources/holdings.toml
# subsets: sexual conduct, discriminatory behaviour) is a handful of colleagues a year.
SMALL_CATEGORY_SHARE = 0.05
# What the HR system holds as a field of every member of staff: the characteristics they declare for
# equality monitoring (disability, religion or belief, sexual orientation), which forces report on each
# year under the public sector equality duty's specific duties, and the recorded reason for a sickness
# absence. Counted across the whole workforce at a moment (a stock), these are tens or hundreds of
# people, not a handful: small numbers come from cutting them by unit, place, rank or weeks, which
# `_not_routine` finds first, or from a flow such as a year's recruits split by them. (A conduct
# matter, a grievance or a tribunal stays a few a year.)
# Why staff were off sick, which the HR system records with each absence: counted over whole years across the
# force, as many people as a stock of them. (Retiring on ill health is a leaving reason, a few a year.)
_ABSENCE_WORDS = r"\bsickness\s+absence|\boff\s+sick|\bsick\s+leave|\bstress|\banxiety|\bdepression|\bptsd|\bpost[\s-]+traumatic"
_WHOLE_WORKFORCE_FIELD = re.compile(r"\bdisabilit|\breligio|\bsexual\s+orientation|\bmental\s+health|\bill[\s-]+health|"
                                    + _ABSENCE_WORDS)
_WHOLE_WORKFORCE_ABSENCE = re.compile(_ABSENCE_WORDS)
_KINDS_LISTED = re.compile(r"(?<=\bby\s)(?:the\s+|its\s+|their\s+)?(?:reasons?|causes?|types?|kinds?|categor(?:y|ies))\s*"
                           r"(?:\([^()]*\)|:[^.?!\n]*)")
_NARROWED = ("Narrowed to one unit", "Narrowed to one place")  # how `_not_routine` says the staff are a few
_CONDUCT_MATTER = re.compile(r"\bmisconduct\b|\bdisciplin\w*|\bsuspen\w+|\bdismiss\w*|\bsacked\b|\binvestigat\w+|"
                             r"\b(?:complaints?|allegations?)\s+(?:made\s+)?against\b|\brestricted\s+duties\b")


def _not_routine(reading: Reading, context: list[str], matter: str = "") -> str | None:
    """Why a count about staff is not a force-wide yearly count of an outcome the national statistics
    count (above), in words for the finding's reasoning; None when it is one. `context`: the part's
    text, then the part it refers back to ("Of those, …" after "officers in the unit")."""
    low = context[0]
    period = reading.period
    unit = next((m for m in (_UNIT.search(text) for text in context) if m is not None), None)
    if unit is not None:
        return f"Narrowed to one unit, team or place ('{unit.group(0)}'): a handful of colleagues."
    if reading.named_place or reading.identifies:
        return "Narrowed to one place or person."
    # Only a split by who they are (rank, age, sex …) or by day cuts a few colleagues out of the whole force; the
    # matter itself ("mental health" absence) is what is counted, not a split of it.
    # The values of the matter's own field listed after it ("by reason (mental health, injury, other)") are kinds
    # of the matter counted, not who the people are.
    kinds = _KINDS_LISTED.sub(lambda m: " " * len(m.group(0)), low)
    fine = [b.replace("_", " ") for b in reading.breakdowns
            if identifying(b) and not (matter and knowledge.DIMENSIONS[b].pattern.search(matter))
            and knowledge.DIMENSIONS[b].pattern.search(kinds)
            and not (b == "health" and _WHOLE_WORKFORCE_ABSENCE.search(matter))]  # why they were off is the matter counted
    if fine:
        return f"Broken down by {', '.join(fine)}: the cells hold a person or two."
    if reading.free_text:
        return f"Narrowed by what only the case files say ('{reading.free_text}')."
    if reading.share is not None and reading.share <= SMALL_CATEGORY_SHARE:
        # A coded allegation category a force counts by query (sexual conduct, discriminatory behaviour)
        # is cheap to count and still a handful of colleagues a year.
        return "Narrowed to one small category of case: a handful of colleagues a year."
    if period is not None and not period.snapshot and period.years < 0.9:
        return f"Over {period.words()}, not whole years."
    if (reading.action == "count" and reading.record is not None and reading.record.id == "workforce"
            and period is not None and _WHOLE_WORKFORCE_FIELD.search(matter)
            and (period.snapshot or (period.years >= 0.9 and _WHOLE_WORKFORCE_ABSENCE.search(matter)))):
        # a declared characteristic or an absence reason across the whole force on a day, or the whole force's
        # sickness absence over whole years ("days lost to sickness absence in 2023-24, by reason"): many people,
        # however the reasons are listed (a year's flow, such as ill-health retirements, stays a few)
        return None
    unpublished = _SENSITIVE_HR.search(_PUBLISHED_STAFF_OUTCOME.sub(" ", low))
    if unpublished is not None:
        return (f"'{unpublished.group(0)}' is not among the staff outcomes the national statistics count "
                "(complaints, misconduct proceedings and their outcomes, leavers by reason).")
    if (reading.action != "count" or reading.record is None or reading.record.id not in _STAFF_RECORDS
            or period is None or period.snapshot):
        return "Not a yearly count of a published staff outcome across the force."
    return None


# "How many officers …" counts staff; "the number of times officers …" counts occasions, whatever the staff did.
_COUNTS_STAFF = re.compile(r"\b(?:how\s+many|number\s+of|numbers\s+of)\s+(?:of\s+)?(?:(?:your|the|its)\s+)?"
                           r"(?:(?!(?:did|do|does|were|was|have|has|had|times|occasions|instances|incidents|cases|uses|"
                           r"occurrences|events)\b)\w+\s+){0,2}(?:officers?|staff|employees?|pcsos?|"
                           r"personnel|constables?|detectives?)\b")


@part_rule("personal_data.own-data", "personal_data", "warning", law="own_data", title="Your own personal data", intro=True)
def own_data(rule: Rule, ctx: Context, item: PartView):
    match = _OWN_DATA.search(item.low)
    if not match:
        return
    if (match.group(0).startswith("subject") and p.STATISTICS.search(item.low) and "my" not in p.tokens_of(item.low)
            and _SARS_COUNTED.search(item.low)):
        return  # figures on the force's subject access caseload
    return rule.at(
        ctx, item,
        f"{item.label} asks for information about you ('{item.text[match.start():match.end()]}'). "
        f"FOI cannot release your own personal data ({ctx.section('own_data')}), and since an answer under "
        "FOI goes to the world the force will not even say whether it holds any: it will neither confirm "
        "nor deny, and treat this part, at best, as a subject access request.",
        suggestion="Make a subject access request under Article 15 of the UK GDPR (or the Data "
        "Protection Act 2018 for law-enforcement records) for information about yourself, and keep "
        "the FOI request to information about the force's policies and totals.",
        span=match.span(), ncnd=True,
    )


# -- identifiability, from the reading: population x place x period x crossed breakdowns --------

def identifying(dimension: str) -> bool:
    """Whether a breakdown can pick people out: who they are (age, sex, ethnicity, rank …), where, or the
    day or hour. A reason, a tactic, an outcome, an offence or a month says what happened, not to whom."""
    dim = knowledge.DIMENSIONS[dimension]
    return dim.kind in ("people", "place") or dimension in ("day", "time_of_day")


_THRESHOLD_FACTOR = {"staff_discipline": 3.0, "special": 1.5, "children": 1.5, "ordinary": 1.0}


@part_rule("personal_data.identifiable", "personal_data", "warning", law="personal",
           title="Figures or details that can identify people")
def identifiable(rule: Rule, ctx: Context, item: PartView):
    reading = read_part(ctx, item)
    record = reading.record
    if record is None or not record.people or reading.action not in ("count", "records"):
        return None
    sensitive = record.sensitivity != "ordinary"
    placed = any(b in ("place_fine", "day") for b in reading.breakdowns) or reading.named_place
    if reading.action == "records" and sensitive and (reading.narrative or placed):
        message = (f"{item.label} asks for details of individual {record.label}. Each record is about "
                   "people who can be recognised from the details (by colleagues, neighbours or the press), "
                   f"and forces withhold them under {ctx.section('personal')}, or release little beyond totals.")
        reasoning = (reading.describe(),)
        suggestion = "Ask for totals by year and outcome rather than the details of each case."
    else:
        if not reading.breakdowns and not reading.named_place and not reading.narrowed:
            return None
        if not reading.named_place and not any(identifying(b) for b in reading.breakdowns):
            return None  # force-wide counts of events by reason, tactic, outcome or month identify no one
        per_cell, cells = expected_cell(reading)
        threshold = ctx.calibration.small_cell * _THRESHOLD_FACTOR.get(record.sensitivity, 1.0)
        if cells < 2 and not reading.named_place and record.sensitivity != "staff_discipline":
            return None
        if per_cell >= threshold:
            return None
        shown = "fewer than one" if per_cell < 1 else f"about {per_cell:.0f}"
        message = (f"{item.label} asks for {record.label} split into about {cells:,} cells; a middling force "
                   f"would have {shown} {'person' if per_cell < 1.5 else 'people'} in a typical cell. Counts "
                   "that small can identify the people counted, and forces withhold them under "
                   f"{ctx.section('personal')} (the ICO and the Upper Tribunal in IC v Miller, 2018, accept "
                   "this for counts of five or fewer).")
        reasoning = (reading.describe(), f"Expected: {shown} per cell across {cells:,} cells"
                     + (" in one named place" if reading.named_place else "") + ".")
        coarse = [b for b in reading.breakdowns if knowledge.DIMENSIONS[b].kind in ("people", "place")]
        suggestion = ("Ask for each characteristic as a separate total, not crossed"
                      + (f" (drop the cross of {', '.join(c.replace('_', ' ') for c in coarse)})" if len(coarse) > 1 else "")
                      + ", by year rather than month, for the whole force area, and accept '5 or fewer' for small counts.")
        # Discipline among a handful of colleagues in one place or a few weeks: "none" or "one" says
        # whether a particular officer was suspended or investigated (s40(5B)).
        brief = reading.period is not None and not reading.period.snapshot and reading.period.years < 1
        if record.sensitivity == "staff_discipline" and per_cell < 1.5 and (reading.named_place or brief):
            message += (" With so few, even 'none' or 'one' tells colleagues whether a particular officer was "
                        f"disciplined, so forces may neither confirm nor deny ({ctx.section('personal_ncnd')}).")
            handled = p.SMALL_COUNTS_HANDLED.search(item.low) is not None
            return rule.at(ctx, item, message, suggestion=suggestion, severity="info" if handled else "warning",
                           reasoning=reasoning, ncnd=True, law=LAW["personal_ncnd"][ctx.act])
    handled = p.SMALL_COUNTS_HANDLED.search(item.low) is not None
    return rule.at(ctx, item, message, suggestion=suggestion, severity="info" if handled else "warning",
                   reasoning=reasoning)


_ROLE_OF_ONE = Gate(r"\bthe\s+(?:chief\s+constable|deputy\s+chief\s+constable|assistant\s+chief\s+constable|"
                          r"head\s+of\s+(?:the\s+)?\w+(?:\s+\w+)?|officer\s+in\s+charge|senior\s+investigating\s+officer|"
                          r"officer\s+who\s+(?:dealt|attended|arrested|stopped))\b", ("the",))

# A few public office-holders in one force area (its MPs, MSPs, MLAs, councillors): so few that a
# "yes" or a count about them is about each of them (ICO: information about a small group is personal
# data of its members), so forces neither confirm nor deny their status (holding a licence, arrests).
_FEW_OFFICE_HOLDERS = Gate(
    r"\b(?:any\s+(?:of\s+)?(?:the\s+)?(?:local\s+)?|(?:held|owned|issued|granted)\s+(?:to|by)\s+(?:any\s+)?(?:local\s+)?)"
    r"(?:mps|members\s+of\s+parliament|msps|mlas|mss|councillors|members\s+of\s+the\s+(?:senedd|scottish\s+parliament|assembly))\b",
    ("any", "held", "owned", "issued", "granted"),
)
# One person singled out without a name: the holder of a unique office in a named body (the leader of a
# council, the chief executive of a trust, the headteacher of a school), the driver, owner or keeper of one
# vehicle or animal, the occupant of one property, or the identifier an editor or requester blanked out
# ("[name]", "[VRM]"). What was done or decided about them is about them: even confirming that anything is
# held says whether they were reported, investigated or prosecuted (s40(5B); s30(3) for a crime allegation).
_LINKED_ONE = Gate(
    r"\bthe\s+(?:deputy\s+)?(?:leader|chief\s+executive|ceo|mayor|chair(?:man|woman|person)?|head\s*teacher|"
    r"head\s+of\s+school|principal|vice[\s-]chancellor|managing\s+director|president|town\s+clerk|governor|warden)"
    r"(?:\s+[^\s.?!]+){0,3}?\s+of\s+(?:the\s+)?(?!each\b|every\b|all\b|any\b)[\[<]?\w+"  # "the leader, then, of [body] …"
    r"|\bthe\s+(?:registered\s+)?(?:driver|owner|keeper|rider|occupant|occupier|tenant|passenger|handler)s?\s+of\s+"
    r"(?:the|this|that|my|our|his|her|their)\s+(?:[\w'’-]+\s+){0,2}?(?:vehicle|car|van|lorry|truck|bus|coach|taxi|"
    r"motorcycle|motorbike|bike|scooter|dog|horse|animal|property|house|flat|home|premises|shop|boat)\b"
    r"|[\[<](?:name|names|vrm|reg|registration(?:\s+(?:number|mark))?|number\s+plate|redacted|person|individual|"
    r"driver|suspect|offender)[\]>]",
    ("the", "name", "names", "vrm", "reg", "registration", "number", "redacted", "person", "individual", "driver",
     "suspect", "offender"),
)
# What was done or decided about such a person.
_DONE_ABOUT = re.compile(r"\baction\s+(?:was\s+|were\s+|has\s+been\s+|had\s+been\s+)?taken\b|\bprosecut\w*|\bdecisions?\b|"
                         r"\bdecid\w*|\boutcomes?\b|\bfined\b|\bwarned\b|\bpunish\w*|\bsanction\w*|"
                         r"\bno\s+further\s+action\b|\bcharged\b|\bcautioned\b|\binvestigat\w+|\ballegation\w*|"
                         r"\breported\b|\barrest\w*|\bconvict\w+|\bsummons\w*")
_STATUS = re.compile(r"\b(?:status|suspended|investigat\w+|complain\w+|allegation\w*|licen[cs]\w*|certificates?|"
                     r"arrest\w*|charged|convicted|cautioned|held\s+by|issued\s+to)\b")


# What a part can ask about one identifiable person beyond their conduct: their details, their
# career, what is held about them (s40(5B): even confirming it is held discloses something about them).
_ABOUT_ONE = re.compile(
    r"\bhow\s+long\b|\bsalar\w*|\bpay\b|\bages?\b|\bqualifi\w*|\bjoined\b|\blength\s+of\s+service\b|\bnames?\b|"
    r"\baddress\w*|\binsur\w+|\bowner\w*|\bkeeper\b|\brank\b|\bposted\b|\bemploy\w*|\bbeen\s+a\s+(?:police\s+)?officer\b|"
    r"\b(?:all|any)\s+(?:recorded\s+)?(?:information|records?|data|files?|documents?|intelligence)\b|\bpertaining\b|"
    r"\brecords?\s+(?:of|about|on|held)\b|\bhistory\b|\bcriminal\s+record\b|\bpreviously\s+known\b|"
    r"\b(?:recording|footage|statements?|notes?|logs?)\s+(?:of|about|from|made)\b|\bwhy\s+(?:was|were|did|has|had)\b|"
    r"\bjudg(?:e)?ments?\b|\binjunctions?\b|\bproceedings\b|\bcourt\b")


# A person named by their role in an act ("the officer who dealt with it") rather than by a name, a
# blank or "a specified person"; asked of every case, it is each case's officer, not one person.
_ROLE_NAMED = re.compile(r"(?i)(?:the|this|that|a|an)\s+[^\n]*\bwho\b")
_EVERY_CASE = re.compile(r"\b(?:for|in)\s+(?:each|every|all)\b|\beach\s+(?:case|incident|complaint|report|arrest|crime|"
                         r"allegation|referral|time|occasion|one)\b|\bhow\s+many\b|\bnumber\s+of\b")
_PLATE = re.compile(r"\bregistration\s+(?:numbers?|marks?)\b", re.IGNORECASE)
# Vehicles the force itself owns, leases or runs: their plates are the force's property, not anyone's data.
_FORCE_VEHICLES = re.compile(r"\bfleet\b|\b(?:police|force|marked|unmarked|liveried|pool|patrol|response)\s+(?:\w+\s+)?"
                             r"(?:vehicles?|cars?|vans?|motorcycles?|bikes?)\b|\b(?:vehicles?|cars?|vans?)\s+(?:\w+\s+)?"
                             r"(?:owned|leased|hired|operated|used)\s+by\s+(?:the\s+|your\s+)?(?:force|police|constabulary|service)\b|"
                             r"\b(?:your|the\s+force'?s?)\s+(?:own\s+)?(?:vehicles?|cars?|vans?)\b")
_FIELD_ASKED = re.compile(r"\b(?:collar|shoulder|warrant|registration)\s+(?:numbers?|marks?)\b|\bdates?\s+of\s+birth\b|"
                          r"\bhome\s+address", re.IGNORECASE)


@part_rule("personal_data.identifies-one", "personal_data", "warning", law="personal_ncnd",
           title="About one identifiable person's conduct or status", intro=True)
def identifies_one(rule: Rule, ctx: Context, item: PartView):
    reading = read_part(ctx, item) if not item.is_intro else read_text(ctx.said(item.text))
    who = reading.identifies
    if who is not None and letter_furniture(item.text, max(0, item.text.find(who))):
        who = None  # the person the letter is written to, or who signs it
    details = False
    if who is None:  # a public role held by one person, or a few office-holders: only their conduct
        match = _ROLE_OF_ONE.search(item.low) or _FEW_OFFICE_HOLDERS.search(item.low)
        parent = ctx.parent_view(item)
        asked = item.low if parent is None else f"{item.low}\n{parent.low}"
        if match is None:
            linked = _LINKED_ONE.search(item.low)
            if linked is None or _DONE_ABOUT.search(asked) is None or _EVERY_CASE.search(asked):
                return None
            match, details = linked, True  # one person by office, link or blank: what was done about them
        who = item.text[match.start():match.end()]
    else:
        parent = ctx.parent_view(item)
        asked = item.low if parent is None else f"{item.low}\n{parent.low}"
        if _ROLE_NAMED.match(who) and (_EVERY_CASE.search(asked) or _EVERY_CASE.search(ctx.intro_low)):
            return None  # "for each complaint, the rank of the officer who dealt with it": every case's officer
        # A person the part points at ("PC A", "[Redacted]", "the defendant in …"): anything asked about
        # them is about them; a field asked for ("registration numbers") needs more to say so.
        details = _FIELD_ASKED.search(who) is None or _ABOUT_ONE.search(asked) is not None
        if _PLATE.search(who) and _FORCE_VEHICLES.search(asked):
            return None  # the force's own fleet: a plate identifies a vehicle the force owns, not a person
        at = item.text.find(who)
        if at >= 0 and _TITLE_NAME.pattern.fullmatch(who) and role_money(item.text, at, at + len(who)) is not None:
            return None  # their official expenses or pay: personal_data.named-person says whose are published
    if not (details or reading.about_conduct or _STATUS.search(asked)):
        return None
    return rule.at(
        ctx, item,
        f"{item.label} asks about the conduct or status of someone who can be identified ('{who}'). "
        "Even saying whether anything is held would tell the world whether that person was complained "
        f"about, investigated or disciplined, so forces neither confirm nor deny ({ctx.section('personal_ncnd')}).",
        suggestion="Ask about totals across the force (how many officers were suspended in a year, by outcome), "
        "not about one person; if it concerns you, make a subject access request.",
        reasoning=(f"Identifies: '{who}'", "About allegations, investigation or discipline."),
    )


_CASE_DOCUMENTS = Gate(
    r"\b(?:investigation|investigating\s+officers?'?s?|misconduct|disciplinary|post[\s-]mortem|coroner'?s?|case|"
    r"incident|custody|crime)\s+(?:reports?|files?|records?|statements?|logs?)\b|\bwitness\s+statements?\b|"
    # the file the police keep on one matter, however it is called ("the police file on her death")
    r"\bpolice\s+files?\s+(?:on|about|into|for|of|from|concerning|regarding)\b|"
    r"\bbody[\s-]?worn(?:[\s-]+video)?\s+(?:video|camera|footage|recordings?)\b(?!\s+(?:cameras?|devices?|units?|equipment|"
    r"kit|systems?|polic\w+|usage|use))|\bbw[vc]\b(?!\s+(?:cameras?|devices?|units?|equipment|kit|systems?|polic\w+|usage|use))|"
    r"\b(?:in[\s-]?car|dash[\s-]?cam|cctv)\s+(?:video\s+)?(?:footage|images?|recordings?|video)\b|\b999\s+(?:calls?\s+)?"
    r"(?:recordings?|audio|tapes?)\b|\binterview\s+(?:recordings?|tapes?)\b|\b(?:recordings?|tapes?)\s+of\s+(?:the\s+)?"
    r"(?:\w+\s+)?interviews?\b|\b(?:footage|cctv|bwv|video)\s+(?:of|from|recorded|taken|filmed|captured)\b|"
    r"\bpocket\s?books?\b|\bnotebook\s+entries\b", None)


_ABOUT_THE_PRACTICE = re.compile(r"\b(?:polic(?:y|ies)|procedures?|guidance|guidelines|dpias?|impact\s+assessments?|"
                                 r"training|retention|codes?\s+of\s+practice|standard\s+operating)\b[^.?!\n]{0,40}$"
                                 # the force's dealings with a supplier: a contract, not a case's material
                                 r"|\b(?:contracts?|invoices?|tenders?|purchase\s+orders?|procurement|agreements?|"
                                 r"specifications?|business\s+cases?|suppliers?|compan(?:y|ies)|manufacturers?|vendors?)"
                                 r"\b[^.?!\n]{0,80}$")


@part_rule("personal_data.case-documents", "personal_data", "warning", law="personal",
           title="Documents from a case, about the people in it", intro=True)
def case_documents(rule: Rule, ctx: Context, item: PartView):
    """Reports, statements and footage from an investigation or incident are about the people in
    it; forces release them, if at all, heavily redacted (s40(2), often with s30 and s31)."""
    match = _CASE_DOCUMENTS.search(item.low)
    if not match or _waived(item, match.start()) or blank_form(item.low):
        return None
    if _ABOUT_THE_PRACTICE.search(item.low, 0, match.start()):
        return None  # the policy on body-worn video, not the footage of a case
    if not item.is_intro:
        reading = read_part(ctx, item)
        bounded = reading.one_case is not None or reading.identifies is not None  # a day, a place or a person
        if reading.action == "count" or (reading.action == "copy" and reading.open_scope and not bounded):
            return None  # a count of case files, or a broad search the cost rules cover
        if reading.action not in ("copy", "records"):
            return None  # named in passing ("crime reports" as a source of data)
    return rule.at(
        ctx, item,
        f"{item.label} asks for case material ('{item.text[match.start():match.end()]}'). Reports, "
        "statements and footage from an investigation or incident are about the people in it: "
        f"officers, witnesses, suspects and victims. Forces withhold most of it under {ctx.section('personal')}, "
        f"often with {ctx.section('investigation')}.",
        suggestion="Ask for the findings or recommendations in summary, the policy the case applied, or "
        "figures across many cases; for material about you, make a subject access request.",
        span=match.span(),
    )


@part_rule("personal_data.someone-known", "personal_data", "warning", law="personal_ncnd",
           title="About someone the requester knows", intro=True)
def someone_known(rule: Rule, ctx: Context, item: PartView):
    """A request about the requester's relative, neighbour or friend is about an identifiable
    person: FOI answers the world, so forces neither confirm nor deny holding it (s40(5B))."""
    match = _SOMEONE_I_KNOW.search(item.low)
    if not match:
        return None
    if not match.group(0).startswith("my") and (item.is_intro or read_part(ctx, item).action == "count"):
        return None  # "assaulted by a family member", "her husband" in figures: anyone's, not one person
    return rule.at(
        ctx, item,
        f"{item.label} is about someone you know ('{item.text[match.start():match.end()]}'). An answer under FOI "
        "is an answer to the world, so a force will neither confirm nor deny holding information about a "
        f"particular person ({ctx.section('personal_ncnd')}).",
        suggestion="Ask the person to make a subject access request for their own information, or ask "
        "the force with their written consent outside FOI; keep the FOI request to policy and totals.",
        span=match.span(),
    )


# -- few people: the senior ranks ---------------------------------------------------------------

def _load_ranks() -> dict:
    data = knowledge._read(knowledge.SENSITIVE_PATH).get("ranks", {})
    try:
        if not data.get("sources"):
            raise KeyError("no sources")
        return {"senior": float(data["chief_superintendent"]) + float(data["chief_officer"]),
                "chief_officer": float(data["chief_officer"]), "middling": float(data["officers_middling"])}
    except (KeyError, TypeError, ValueError) as exc:
        raise FileProblem(f"{knowledge.SENSITIVE_PATH}: [ranks] is malformed ({exc})") from exc


_RANKS = _load_ranks()
_RANK_BREAKDOWN = Gate(r"\b(?:by|into|per|each|every|across|and|of|with|their|the)\s+(?:\w+\s+)?ranks?\b|\branks?\s+(?:and|by|of\s+(?:the\s+)?officers?)\b|"
                             r"\branks?\b[^.?!\n]{0,30}\b(?:breakdown|broken)\b|\bbreak\w*\s+(?:\w+\s+){0,4}(?:into|by)\s+ranks?\b|\bin\s+each\s+of\s+the\s+following\s+ranks\b", ("rank", "ranks"))
_SENIOR = Gate(r"\b(?:chief|senior|command)\s+(?:officers?|team|ranks?)\b|\b(?:assistant|deputy)\s+chief\s+constables?\b|\bacpo\b|"
                     r"\bchief\s+superintendents?\b|\b(?:superintendents?|chief\s+inspectors?)\s+(?:and|or)\s+above\b",
               ("chief", "senior", "command", "acpo", "above"))
# What, crossed with rank or said of a few senior officers, is about each of them.
_ABOUT_STAFF = re.compile(r"\bethnic\w*|\brace\b|\bgender\b|\bsex\b(?!ual)|\bages?\b|\bdisabilit\w*|\breligio\w*|\bsexual\s+orientation\b|"
                          r"\btrans(?:gender)?\b|\bnon[\s-]?binary\b|\blgbt\w*|\bgay\b|\blesbian\b|\bbisexual\b|"
                          r"\bwarnings?\b|\bmisconduct\b|\bdisciplin\w*|\bdismiss\w*|\bsuspen\w*|\bconvict\w*|\bcautioned\b|"
                          r"\barrested\b|\breasons?\s+for\s+leaving\b|\bleft\s+the\s+(?:force|service)\b|\bsickness\b|\bgrievances?\b|"
                          r"\bcomplaints?\b|\bperformance\s+(?:related\s+)?(?:pay|payments?|bonus\w*)\b|\bbonus\w*|\bbenefits?\b|"
                          r"\ballowances?\b|\bcars?\b|\bvehicles?\b")  # not salaries or expenses: published for chief officers


def _staff_around(ctx: Context, item: PartView) -> bool:
    """Whether the part, its parent or the introduction it hangs from is about the force's own staff."""
    if _STAFF.search(item.low):
        return True
    if item.is_intro:
        return False
    record = read_part(ctx, item).record
    if record is not None and record.id in _STAFF_RECORDS:
        return True
    parent = ctx.parent_view(item)
    return (parent is not None and _STAFF.search(parent.low) is not None) or _STAFF.search(ctx.intro_low) is not None


# The chief officer team by office (chief constable, deputy, assistants): a handful of people the public can name.
_CHIEF_OFFICERS = re.compile(r"\b(?:(?:deputy|assistant)\s+)?chief\s+constables?\b|\bchief\s+officers?\b|\bchief\s+officer\s+team\b|"
                             r"\bcommand\s+team\b|(?-i:\b(?:D?CC|ACCs?)\b)", re.IGNORECASE)
# What is on someone's criminal or conduct record, or what befell them in one.
_CRIMINAL_OR_CONDUCT = re.compile(r"\bcriminal\s+(?:records?|convictions?|histor(?:y|ies))\b|\bconvict\w*|\bcautio\w*|\barrested\b|"
                                  r"\bfixed\s+penalt\w*|\bcommunity\s+resolutions?\b|\bmisconduct\b|\bdisciplin\w*|\bsuspen\w+|"
                                  r"\bcomplaints?\s+(?:made\s+)?against\b|\bunder\s+investigation\b")


@part_rule("personal_data.senior-ranks", "personal_data", "warning", law="personal",
           title="Figures about the few officers at senior ranks", intro=True)
def senior_ranks(rule: Rule, ctx: Context, item: PartView):
    """A rank breakdown crossed with anything personal, or anything personal about the chief officers:
    the senior cells hold one or two people each (s40(2))."""
    low = item.low
    senior = _SENIOR.search(low)
    ranked = _RANK_BREAKDOWN.search(low)
    if senior is None and ranked is None:
        return None
    about = _ABOUT_STAFF.search(low)
    if about is None or p.SMALL_COUNTS_HANDLED.search(low):
        return None
    if senior is None and not _staff_around(ctx, item):
        return None  # ranks of something else
    officers = ctx.officers or _RANKS["middling"]
    few = officers * (_RANKS["chief_officer"] if senior is not None and "chief" in senior.group(0) else _RANKS["senior"])
    said = item.text[(senior or ranked).start():(senior or ranked).end()]
    chiefs = _CHIEF_OFFICERS.search(item.text)  # the initials only in capitals
    record = _CRIMINAL_OR_CONDUCT.search(low)
    if chiefs is not None and record is not None:
        # Whether any of a handful of office-holders has a record: even "none" is about each of them.
        return rule.at(
            ctx, item,
            f"{item.label} asks whether any of the force's few chief officers ('{item.text[chiefs.start():chiefs.end()]}') "
            f"has a record of '{item.text[record.start():record.end()]}'. With so few, each named by office, even 'none' "
            f"or 'one' is about each of them, so forces neither confirm nor deny holding it ({ctx.section('personal_ncnd')}).",
            suggestion="Ask across the whole force over several years (how many officers received a caution or "
            "conviction), without singling out the senior ranks.",
            reasoning=(f"About {max(1, round(few))} officers at the senior ranks in a force of about {officers:,.0f}.",),
            ncnd=True, law=LAW["personal_ncnd"][ctx.act])
    return rule.at(
        ctx, item,
        f"{item.label} asks about '{item.text[about.start():about.end()]}' for officers by rank ('{said}'). A force has "
        f"only about {max(1, round(few))} officers at its most senior ranks, so a figure for them is about people "
        f"colleagues and the public can name; forces withhold it under {ctx.section('personal')}.",
        suggestion="Ask for the figures without a rank breakdown, or with the senior ranks together "
        "(for example 'constable, sergeant, inspector, chief inspector and above'), and accept that counts of "
        "five or fewer may be shown as '5 or fewer'.",
        reasoning=(f"About {max(1, round(few))} officers at the senior ranks in a force of about {officers:,.0f} "
                   "(Home Office workforce statistics, officers by rank).",),
    )


# -- record-level extracts: several facts about each person, one row each ---------------------------
# Each fact alone is harmless; together (when, where, how old, what sex, what for) they single a person
# out to anyone who knows them: the ICO's "motivated intruder" test. Forces refuse such a table of
# individual records, or give each fact as a separate total.
_PER_RECORD = Gate(r"\b(?:for|in)\s+(?:each|every)\b"
                   # "for each of the last five years": a total per year, not a row per record
                   r"(?!\s+(?:of\s+(?:the\s+)?(?:last|past|previous|following)\s+)?(?:[\w-]+\s+){0,3}?"
                   r"(?:years?|months?|quarters?|weeks?|days?|calendar|financial)\b)|\bregarding\s+(?:all|each|every)\b|\b(?:about|on)\s+(?:all|each|every)\s+"
                   r"(?:arrests?|incidents?|cases?|crimes?|offences?|people|persons?|individuals?|victims?|offenders?|suspects?|"
                   r"stops?|searches|detentions?|deaths?|records?)\b|\bspreadsheet\b|\beach\s+row\b|\brecord[\s-]+level\b|"
                   r"\bindividual[\s-]+level\b|\bwhere\s+the\s+(?:primary\s+)?location\s+is\b",
                   ("for", "in", "regarding", "about", "on", "spreadsheet", "row", "record", "individual", "where"))
_FACTS = {
    "when": re.compile(r"\bwhen\b|\bdates?\b|\btimes?\b|\bday(?:time)?\b|\bnight(?:[\s-]?time)?\b"),
    "age": re.compile(r"\bages?\b|\bhow\s+old\b|\bdates?\s+of\s+birth\b|\baged\b"),
    "sex": re.compile(r"\bgender\b|\bsex\b(?!ual)"),
    "ethnicity": re.compile(r"\bethnic\w*|\brace\b|\bnationality\b"),
    "where": re.compile(r"\bpostcodes?\b|\blocations?\b|\bstreets?\b|\baddress\w*|\bname\s+of\s+the\s+(?:school|premises|venue|"
                        r"shop|pub|hospital|home)\b|\bwhere\s+(?:it|they|each|the\s+\w+)\s+(?:was|were|happened|occurred|took)\b"),
    "what": re.compile(r"\boffen[cs]es?\b|\bcrimes?\b|\bnature\s+of\b|\btype\s+of\b|\breasons?\b|\barrested\s+for\b"),
    "outcome": re.compile(r"\boutcomes?\b|\bcharged\b|\bcautioned\b|\bsentences?\b|\bdisposals?\b|\bresults?\b"),
}
_FACT_WORDS = {"when": "date or time", "age": "age", "sex": "sex", "ethnicity": "ethnicity", "where": "place",
               "what": "offence or kind", "outcome": "outcome"}
_IDENTIFYING = frozenset({"age", "sex", "ethnicity", "where"})
_BRACKETED = re.compile(r"\((?:[^()]|\([^()]*\))*\)")
_LOCATING = frozenset({"when", "where"})


def _listed_facts(ctx: Context, item: PartView) -> tuple[str, ...]:
    """The text of `item` and the items listed under it: its sub-parts, or for the introduction (or a
    part ending in a colon) the short parts that follow it."""
    texts = [item.low]
    if item.is_intro:
        texts += [other.low for other in ctx.top_level() if len(other.low.split()) <= _ITEM_WORDS]
    else:
        texts += [low for sub in item.part.subparts if len((low := sub.text.lower()).split()) <= _ITEM_WORDS]
        if item.low.rstrip().endswith(":") and item.parent is None:
            after = [other for other in ctx.top_level() if other.index > item.index]
            for other in after:
                if len(other.low.split()) > _ITEM_WORDS:
                    break
                texts.append(other.low)
    return tuple(texts)


_ITEM_WORDS = 15  # a field named in a list ("The age and gender of the offender"), not a question of its own


@part_rule("personal_data.record-level", "personal_data", "warning", law="personal",
           title="Several facts about each person, one row each", intro=True,
           whole=True)  # the short parts listed after it
def record_level(rule: Rule, ctx: Context, item: PartView):
    cue = _PER_RECORD.search(item.low)
    if cue is None or p.SMALL_COUNTS_HANDLED.search(item.low):
        return None
    texts = _listed_facts(ctx, item)
    facts = _FACTS_FOUND.recall(texts, _facts_in, texts)
    if not facts:
        return None
    said = ", ".join(_FACT_WORDS[name] for name in facts)
    return rule.at(
        ctx, item,
        f"{item.label} asks for several facts about each record ({said}), one row each "
        f"('{item.text[cue.start():cue.end()]}'). Put together, when and where something happened with a "
        "person's age, sex or offence picks them out to anyone who knows them, so forces withhold a table "
        f"like this under {ctx.section('personal')} and give each fact only as a separate total.",
        suggestion="Ask for each fact as its own total (by age band, by outcome, by month), not a row for "
        "each person, and leave out the exact date, time and place.",
        span=cue.span(),
        reasoning=(f"Facts asked for each record: {said}.",
                   "ICO, Anonymisation: the motivated intruder test (several facts together identify a person): "
                   "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-sharing/anonymisation/"),
    )


_FACTS_FOUND = p.memo(4096)  # the texts a list reads -> the facts it asks for each record (() if not enough)


def _facts_in(texts: tuple[str, ...]) -> tuple[str, ...]:
    """The facts about each record `texts` ask for, when they are enough to pick out a person."""
    joined = _BRACKETED.sub(" ", "\n".join(texts))  # a definition or an example is not a field asked for
    facts = tuple(name for name, pattern in _FACTS.items() if pattern.search(joined))
    if len(facts) < 3 or _IDENTIFYING.isdisjoint(facts) or _LOCATING.isdisjoint(facts):
        return ()
    return facts if _about_people_text(joined) else ()


def _about_people_text(low: str) -> bool:
    words = p.tokens_of(low)
    return not words.isdisjoint(_PEOPLE_WORDS) or not words.isdisjoint(_CASE_WORDS) or "arrests" in words


# -- one past incident told in prose -------------------------------------------------------------

def _load_one_incident() -> tuple[re.Pattern[str], re.Pattern[str], tuple[str, ...]]:
    data = knowledge._read(knowledge.SENSITIVE_PATH).get("one_incident", {})
    try:
        if not data.get("sources"):
            raise KeyError("no sources")
        events = "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in sorted(data["events"], key=len, reverse=True))
        venues = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(data["venues"], key=len, reverse=True))
    except (KeyError, TypeError) as exc:
        raise FileProblem(f"{knowledge.SENSITIVE_PATH}: [one_incident] is malformed ({exc})") from exc
    # "the fatal collision", "the recent armed thefts", not "the fire service" or "the arrest figures"
    event = re.compile(r"\b(?P<det>the|this|that|an?)\s+(?:[\w'’-]+\s+){0,3}?(?:" + events + r")\b(?![\s-]+(?:services?|brigades?|"
                       r"and\s+rescue|safety|alarms?|stations?|officers?|arms|rates?|figures|data|statistics|penalty|"
                       r"certificates?|toll|units?|teams?|investigators?|policy|policies|procedures?|numbers?|"
                       r"records\s+for\s+(?:each|all)|exits?|doors?|risk))", re.IGNORECASE)
    venue = re.compile(r"\b(?:at|in|outside|near|on|inside|by|from|behind)\s+(?:the\s+)?(?:[A-Z][\w'’&.-]*\s+){1,3}"
                       r"(?i:" + venues + r")\b")
    return event, venue, tuple(data["sources"])


_INCIDENT_EVENT, _INCIDENT_VENUE, _INCIDENT_SOURCES = _load_one_incident()
_MONTHS = p.MONTH_WORD + r"\.?"
# One day: "on Saturday the 7th of March", "12 August 2021", "14/06/2017", "last night"; not the ends of a period.
_ONE_DAY = re.compile(
    r"(?<!between\s)(?<!from\s)(?<!since\s)(?<!after\s)(?<!before\s)"
    r"\b(?:(?:on\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|last\s+night|yesterday|this\s+morning)"
    r"(?:\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?(?:\s+of)?\s+" + _MONTHS + r")?"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTHS + r"(?:,?\s+(?:19|20)\d\d)?"
    r"|" + _MONTHS + r"\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d\d)?\b"
    r"|\d{1,2}/\d{1,2}/(?:19|20)?\d\d)\b(?!\s*(?:-|–|—|to\b|and\b|until\b|till\b))", re.IGNORECASE)
_WHOLE_PERIOD = re.compile(r"\b(?:each|every|per)\s+(?:day|week|month|year)\b|\bbetween\b|\bfrom\b[^.?!\n]{0,40}\bto\b|"
                           r"\bsince\b|\bduring\s+(?:the\s+)?(?:period|years?|months?)\b", re.IGNORECASE)
_COUNTING = re.compile(r"\bhow\s+many\b|\bnumbers?\s+of\b|\bstatistics\b|\bfigures\b|\btotals?\b", re.IGNORECASE)
_SENTENCES = re.compile(r"[^.?!\n]+(?:[.?!]+|$)")
_PUBLISHED = re.compile(r"\bpress\s+(?:releases?|statements?|notices?)\b|\bmedia\s+(?:releases?|statements?)\b|"
                        r"\b(?:witness\s+)?appeals?\s+(?:for|issued|published|made)\b|\bpublished\b")
_ANY_CASE = re.compile(r"\b(?:when|whenever|if|each\s+time|every\s+time|where)\b", re.IGNORECASE)
_STREET_OR_ADDRESS = frozenset({"address", "street", "institution"})


@p.remembered
def one_incident(text: str) -> tuple[str, str] | None:
    """(the event, what pins it down) when `text` tells of one past event at a specific place or on one day
    ("the robbery at the Spar store on Saturday 7 March"), outside a question that counts over a period."""
    for sentence in _SENTENCES.finditer(text):
        words = sentence.group(0)
        if _COUNTING.search(words):
            continue
        for event in _INCIDENT_EVENT.finditer(words):
            found = _pinned(event, words)
            if found is not None:
                return event.group(0), found
    return None


def _pinned(event: re.Match[str], words: str) -> str | None:
    """What pins `event` to one place or day in its sentence `words`; "an assault at the Crown Inn on
    3 May" needs more than "a robbery on Saturday", and "when an assault ... is reported" is any assault."""
    after = words[event.start():event.end() + 160]
    indefinite = event.group("det").lower() in ("a", "an")
    if indefinite and _ANY_CASE.search(words):
        return None
    anchor = _INCIDENT_VENUE.search(after) or _ONE_DAY.search(after)
    if anchor is None:
        case = read_text(after).one_case
        return case[1] if case is not None and case[0] in _STREET_OR_ADDRESS else None
    if anchor.re is _ONE_DAY and (_WHOLE_PERIOD.search(after) or (indefinite and not re.search(r"\d", anchor.group(0)))):
        return None  # "the arrests between 1 May and 3 June": a period, not a day
    return anchor.group(0).strip()


@part_rule("personal_data.one-incident", "personal_data", "warning", law="personal_ncnd",
           title="About one past incident", intro=True)
def about_one_incident(rule: Rule, ctx: Context, item: PartView):
    """A past event told in prose and pinned to a place or a day: asking what is held about it is asking
    about the people in it and whether it was investigated (s40(2), s40(5B), s30(3))."""
    found = one_incident(item.text)
    if found is None or letter_furniture(item.text, max(0, item.text.find(found[1]))):
        return None
    if not item.is_intro and read_part(ctx, item).action == "count":
        return None
    if _PUBLISHED.search(item.low):
        return None  # the press release or appeal about it: what the force has already made public
    if p.POLICY_REVIEW.search(item.low) and not _CASE_DOCUMENTS.search(item.low):
        return None  # whether the force reviewed its procedures after it: a policy question, about no one
    event, anchor = found
    at = item.text.find(event)
    return rule.at(
        ctx, item,
        f"{item.label} is about one past incident ('{event}', '{anchor}'). What a force holds about it is "
        "about the people involved (victims, suspects, witnesses, the officers who attended) and about whether it "
        f"was investigated: forces withhold it or neither confirm nor deny holding it ({ctx.section('personal_ncnd')}; "
        f"{ctx.section('investigation')}).",
        suggestion="Ask for what is published (a press release or appeal about it), or for figures of that kind of "
        "offence in the area over a year; if you were involved, make a subject access request.",
        span=(at, at + len(event)) if at >= 0 else None, ncnd=True,
        reasoning=(f"One event: '{event}'.", f"Pinned to a place or day: '{anchor}'.")
        + tuple(f"{SOURCE}{url}" for url in _INCIDENT_SOURCES),
    )


# -- everything that came of one person's complaint or report ------------------------------------

# "all records arising from the complaint he made", "information resulting from Mrs Khan's report": the
# records of one complaint are about the person who made it, the people it named and whether it was
# investigated (s40(5B), s30(3); FOISA s38(1)(a)/(b), s34 with s18). The requester's own complaint is
# `own-data`; complaints in general ("all complaints about noise") are figures or records, not one.
_ONE_COMPLAINT = re.compile(
    r"\b(?:records?|information|documents?|files?|papers|correspondence|material|notes|emails|everything|data)\s+"
    r"(?:(?:that\s+|which\s+)?(?:arose|arising|arisen|resulting|resulted|generated|created|produced|flowing|stemming|"
    r"held|gathered|made|kept)\s+)?(?:from|out\s+of|as\s+a\s+result\s+of|following|in\s+(?:connection|relation)\s+(?:with|to)|"
    r"relating\s+to|about|concerning|regarding|in\s+response\s+to|on)\s+"
    # whose: "his", "Mrs Khan's", "my neighbour's"; or "the/a" with who made it said after
    r"(?:(?P<owner>his|her|their|(?:(?:mr|mrs|ms|miss|dr)\.?\s+)?(?-i:[A-Z][a-z'’]+)(?:'s|’s)|(?:my|his|her|their)\s+\w+(?:'s|’s))|the|a)\s+"
    r"(?:\w+\s+){0,2}?(?:complaint|report|allegation|submission|referral|call|letter|statement|disclosure)(?!s)\b"
    r"(?:[^.?!\n]{0,60}?\b(?P<who>he|she|they|(?:(?:mr|mrs|ms|miss|dr)\.?\s+)?(?-i:[A-Z][a-z'’]+)|a\s+(?:member\s+of\s+the\s+public|"
    r"man|woman|resident|neighbou?r|journalist|councillor|colleague|relative)|my\s+\w+)\s+(?:had\s+|has\s+)?"
    r"(?:made|submitted|lodged|raised|sent|filed|gave|brought)\b)?", re.IGNORECASE)

_A_BODY = re.compile(r"\b(?:force|council|commissioner|constable|government|office|authority|department|service|police|"
                     r"panel|committee|iopc|ipcc|hmicfrs|ico|inspectorate|board|ministry|court|coroner|company|trust)(?:'s|’s)",
                     re.IGNORECASE)


@p.remembered
def _complaint_in(text: str) -> tuple[tuple[int, int], str] | None:
    """(span, words) of what came of one person's complaint or report in `text`."""
    for match in _ONE_COMPLAINT.finditer(text):
        owner, who = match.group("owner"), match.group("who")
        if not (owner or who):
            continue  # "records relating to a complaint" with no one who made it: a kind of record, not one case
        if not who and _A_BODY.search(owner):
            continue  # "the Chief Constable's report", "the Council's complaint": a public body's, not a person's
        return match.span(), match.group(0)
    return None


@part_rule("personal_data.one-complaint", "personal_data", "warning", law="personal_ncnd",
           title="Everything arising from one person's complaint", intro=True)
def one_complaint(rule: Rule, ctx: Context, item: PartView):
    found = _complaint_in(item.text)
    if found is None or _ABOUT_THE_PRACTICE.search(item.low, 0, found[0][0]):
        return None  # none, or the policy on records of a complaint
    span, said = found
    return rule.at(
        ctx, item,
        f"{item.label} asks for what came of one person's complaint or report ('{said.strip()}'). Those records are "
        "about the person who made it, the people it named and whether it was investigated, so forces neither "
        f"confirm nor deny holding them ({ctx.section('personal_ncnd')}; {ctx.section('investigation')}).",
        suggestion="If the complaint is yours, make a subject access request; if someone else's, they can ask for "
        "their own records or consent to yours. Under FOI, ask how such complaints are handled or how many there were.",
        span=span, ncnd=True,
    )


# -- correspondence: the names in it -------------------------------------------------------------

# Emails, letters and other correspondence name the people who wrote, received or are mentioned in them.
# Forces release correspondence with the names and contact details of junior staff and of members of the
# public taken out under s40(2) (FOISA s38(1)(b)): the ICO's guidance on requests for personal data about
# public authority employees draws the line at seniority and public-facing roles.
_CORRESPONDENCE = Gate(
    r"\b(?:copy|copies|all|any|the)\s+(?:of\s+)?(?:the\s+|any\s+|all\s+)?(?:e-?mail\s+|written\s+|internal\s+)?"
    r"(?:e-?mails?|correspondence|communications|letters|messages)\b"
    r"(?:[^.?!\n]{0,80}?\b(?:between|with|from|to|sent|received|relating|regarding|about|concerning|around|in\s+relation|on))?"
    r"|\b(?:copy|copies)\s+of\s+(?:the|an?|any)\s+(?:e-?mail|letter|memo)\b"
    # "every email" is "all emails": the determiner, not the number of the noun, says how many
    r"|\bevery\s+(?:single\s+)?(?:e-?mail|letter|message|memo)\b"
    r"(?:[^.?!\n]{0,80}?\b(?:between|with|from|to|sent|received|relating|regarding|about|concerning|around|in\s+relation|on))?",
    ("copy", "copies", "all", "any", "the", "every"),
)
# What marks it as something other than a copy of actual correspondence: a blank template or the force's
# policy on handling correspondence, or figures about it.
_CORRESPONDENCE_PRACTICE = re.compile(r"\b(?:templates?|standard\s+letters?|pro[\s-]?forma|polic(?:y|ies)\s+on|"
                                      r"retention|how\s+many|number\s+of)\b")


_FROM_A_CHIEF = re.compile(r"\b(?:from|by)\s+(?:the\s+)?(?:(?:deputy|assistant)\s+)?chief\s+constable\b|"
                           r"\b(?:the\s+)?(?:(?:deputy|assistant)\s+)?chief\s+constable\s+(?:sent|wrote|issued)\b")


@part_rule("personal_data.correspondence", "personal_data", "warning", law="personal",
           title="Correspondence names people", intro=True)
def correspondence(rule: Rule, ctx: Context, item: PartView):
    match = _CORRESPONDENCE.search(item.low)
    if match is None or _waived(item, match.start()) or blank_form(item.low):
        return None
    if _CORRESPONDENCE_PRACTICE.search(item.low) or _FROM_A_CHIEF.search(item.low):
        return None  # figures or templates; or a letter a chief officer wrote, whose name is public
    if not item.is_intro and read_part(ctx, item).action == "count":
        return None
    said = item.text[match.start():match.end()].strip()
    return rule.at(
        ctx, item,
        f"{item.label} asks for correspondence ('{_quoted_words(said)}'). Emails and letters name the staff and "
        "members of the public who wrote, received or are mentioned in them; forces release them with those names "
        f"and contact details taken out under {ctx.section('personal')}, leaving only senior officers' names.",
        suggestion="Say that you do not need the names or contact details of junior staff or members of the "
        "public, so the force can redact them and release the rest without a refusal.",
        span=match.span(),
        reasoning=("Correspondence names its writers, recipients and the people it mentions.",
                   f"{SOURCE}https://ico.org.uk/for-organisations/foi/freedom-of-information-and-environmental-"
                   "information-regulations/section-40-and-regulation-13-personal-information/"),
    )


def _quoted_words(said: str) -> str:
    return said if len(said) <= 60 else said[:57].rstrip() + "…"


# -- details of each member of staff in a conduct matter -----------------------------------------

# "For those officers dismissed, give the rank of each and the allegation": a row per colleague. Within one
# force few officers share a rank, a unit and an allegation in a year, so colleagues can tell who each row
# is, and staff discipline is what officers most reasonably expect to stay private (ICO: personal data of
# employees, disciplinary matters). Forces give totals and withhold the rows under s40(2).
_EACH_STAFF_CASE = Gate(
    r"\bfor\s+(?:each|every|those|these)\s+(?:of\s+(?:those|these|them)\s+)?(?:\w+\s+){0,2}?(?:officers?|staff|employees?|"
    r"members?\s+of\s+staff|pcsos?|individuals?|investigations?|cases?|allegations?|complaints?|hearings?)\b"
    r"|\branks?\s+(?:\([^)]*\)\s+)?of\s+(?:the|each|every)\s+(?:\w+\s+){0,2}?(?:officers?|staff|individuals?|employees?)\b",
    ("for", "rank", "ranks"),
)
_ABOUT_EACH_COLLEAGUE = re.compile(r"\branks?\b|\bgrades?\b|\bjob\s+titles?\b|\blength\s+of\s+(?:time|service)\b|"
                                   r"\bages?\b|\bgender\b|\bsex\b(?!ual)|\bethnic\w*|\bstations?\b|\bdepartments?\b|"
                                   r"\bunits?\b")


@part_rule("personal_data.staff-case-details", "personal_data", "warning", law="personal",
           title="Details of each colleague in a conduct matter", intro=True,
           whole=True)  # the parts before it name the staff and the matter
def staff_case_details(rule: Rule, ctx: Context, item: PartView):
    cue = _EACH_STAFF_CASE.search(item.low)
    if cue is None or p.SMALL_COUNTS_HANDLED.search(item.low):
        return None
    texts = _listed_facts(ctx, item)
    about = next((m for m in (_ABOUT_EACH_COLLEAGUE.search(t) for t in texts) if m is not None), None)
    if about is None:
        return None
    context = list(texts)
    for other in (ctx.previous_sibling(item), ctx.parent_view(item)):
        if other is not None:
            context.append(other.low)
    matter = next((m for m in (_CONDUCT_MATTER.search(t) for t in context) if m is not None), None)
    if matter is None or not any(_STAFF.search(t) for t in context):
        return None
    return rule.at(
        ctx, item,
        f"{item.label} asks for details of each member of staff in a conduct matter ('{item.text[cue.start():cue.end()]}', "
        f"'{about.group(0)}', '{matter.group(0)}'). Few colleagues share a rank, a unit and an allegation, so each "
        f"row points at someone colleagues know; forces give totals and withhold the rows under {ctx.section('personal')}.",
        suggestion="Ask for totals by outcome and year, without rank, unit or other details of each person, and "
        "accept that counts of five or fewer may be shown as '5 or fewer'.",
        span=cue.span(),
        reasoning=(f"Each person or case: '{item.text[cue.start():cue.end()]}'.", f"About them: '{about.group(0)}'.",
                   f"A conduct matter: '{matter.group(0)}'."),
    )


# -- children at one school ----------------------------------------------------------------------

# A school is a small population the pupils' families and classmates all know. What happened to or was done by
# children there, named school by school and with their age, sex or outcome, points at the pupils concerned; the
# ICO holds that children's personal data merits particular protection, so forces give force-wide totals and
# withhold the school-level figures under s40(2), often with s30 where an offence is involved.
_EACH_SCHOOL = Gate(r"\b(?:each|every|per|which|individual)\s+schools?\b|\bdetail\s+the\s+schools\b|"
                    r"\bnames?\s+of\s+(?:the\s+|each\s+)?schools?\b|\bby\s+schools?\b|\bschool\s+names?\b|"
                    r"\bbroken\s+down\s+by\s+school\b",
                    ("each", "every", "per", "which", "individual", "detail", "name", "names", "by", "school", "broken"))
_CHILDREN = re.compile(r"\bchildren\b|\bchild\b|\bpupils?\b|\bstudents?\b|\byoung\s+people\b|\bjuveniles?\b|\bminors?\b|"
                       r"\bunder[\s-]+(?:the\s+age\s+of\s+)?1[68]s?\b|\byouths?\b|\bteenagers?\b")
_ABOUT_THE_CHILD = re.compile(r"\bages?\b|\baged\b|\byear\s+groups?\b|\bgender\b|\bsex\b(?!ual)|\bethnic\w*|"
                              r"\boffenders?\b|\bsuspects?\b|\bvictims?\b|\barrested\b|\bcharged\b|\bcautioned\b|"
                              r"\bin\s+possession\b|\boutcomes?\b")


@part_rule("personal_data.children-by-school", "personal_data", "warning", law="personal",
           title="Children, school by school")
def children_by_school(rule: Rule, ctx: Context, item: PartView):
    cue = _EACH_SCHOOL.search(item.low)
    if cue is None or p.SMALL_COUNTS_HANDLED.search(item.low):
        return None
    request = "\n".join(other.low for other in ctx.items)  # the children and their details may be in other parts
    children = _CHILDREN.search(request)
    about = _ABOUT_THE_CHILD.search(request)
    if children is None or about is None:
        return None
    return rule.at(
        ctx, item,
        f"{item.label} asks for figures school by school ('{item.text[cue.start():cue.end()]}') about "
        f"{children.group(0)} ('{about.group(0)}'). A school is a small community: classmates and families can tell "
        f"which pupils a figure is about, and children's data merits particular protection, so forces give the total "
        f"for the force area and withhold the school-level figures under {ctx.section('personal')}.",
        suggestion="Ask for the total across the force area (or by district) per year, without naming schools or "
        "giving the children's ages, and accept that counts of five or fewer may be shown as '5 or fewer'.",
        span=cue.span(),
        reasoning=(f"School by school: '{item.text[cue.start():cue.end()]}'.",
                   f"About children: '{children.group(0)}', '{about.group(0)}'.",
                   f"{SOURCE}https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/childrens-information/"),
    )


# -- where people live: addresses asked for as the information itself --------------------------------
# An address or a full postcode points at a household (a full postcode covers about fifteen), and what
# the police did there (searched it, arrested someone from it, hold an offender there) is information
# about the people who live there: criminal offence data (UK GDPR Art 10, DPA 2018 s11(2)), which forces
# withhold under s40(2) with no need for counts to be small. The street (police.uk maps crimes to a
# street-level point) and the postcode district or sector are coarser and are not asked for here.
_ADDRESS_ASKED = Gate(
    r"\b(?:full\s+|home\s+|residential\s+|exact\s+|precise\s+|street\s+)?addresses\b"
    r"|\b(?:full\s+|home\s+|residential\s+|exact\s+|precise\s+|street\s+)?address\s+(?:of|for|where)\b"
    r"|\b(?:full\s+)?post[\s-]?codes?\b(?!\s+(?:districts?|areas?|sectors?))"
    r"|\b(?:every|each|all|any)\s+(?:\w+\s+)?address\b"
    r"|\b(?:house|door|flat)\s+numbers?\b|\bgrid\s+references?\b|\bexact\s+locations?\b",
    ("address", "addresses", "postcode", "postcodes", "post", "house", "door", "flat", "grid", "exact"),
)
# A coarse part of the postcode, or a breakdown by area, is not an address.
_COARSE_POSTCODE = re.compile(r"\b(?:first\s+(?:half|part)|outward|partial|district|sector|area)\s+(?:of\s+(?:the\s+)?)?"
                              r"(?:post[\s-]?codes?|codes?)\b|\bpost[\s-]?codes?\s+(?:districts?|areas?|sectors?)\b"
                              r"|\bby\s+(?:post[\s-]?codes?|addresses)\b")
# The force's own places and kit, and public places: a station or a camera site is not where someone lives.
_NOT_A_HOME = re.compile(r"\b(?:addresses|address|post[\s-]?codes?|locations?)\s+(?:of|for)\s+(?:the\s+|your\s+|all\s+|each\s+|every\s+|any\s+)?"
                         r"(?:\w+\s+){0,2}?(?:police\s+stations?|stations?|custody\s+suites?|offices?|headquarters|"
                         r"front\s+counters?|buildings?|depots?|cameras?|anpr|speed|schools?|hospitals?|"
                         r"businesses|shops?|pubs?|bars?|clubs?|licensed\s+premises|venues?|car\s+parks?|hotels?)\b"
                         r"|\b(?:email|e-mail|ip|web|postal)\s+address\w*|\baddress(?:es)?\s+(?:to|for)\s+(?:correspondence|reply|write)",
                         re.IGNORECASE)
# People the police acted on or hold records about, or their homes.
_PEOPLE_AT_HOME = re.compile(
    r"\b(?:arrest\w*|raid\w*|search\w*|warrants?|offenders?|suspects?|victims?|perpetrators?|nominals?|residents?|"
    r"households?|homes?|houses?|dwellings?|flats|propert(?:y|ies)|occupiers?|owners?|keepers?|holders?|"
    r"people|persons?|individuals?|everyone|anyone|those|who|missing|wanted|bailed|tagged|curfews?|"
    r"cuckoo\w*|visited|attended|called\s+out|complain\w*|reported)\b")


@part_rule("personal_data.addresses", "personal_data", "warning", law="personal", title="Where people live")
def addresses(rule: Rule, ctx: Context, item: PartView):
    low = item.low
    asked = _ADDRESS_ASKED.search(low)
    if asked is None or _WAIVED.search(low) or _COARSE_POSTCODE.search(low) or _NOT_A_HOME.search(low):
        return None
    if read_part(ctx, item).action == "count" and not _PER_RECORD.search(low):
        return None  # "how many warrants were executed at addresses": a count, where is not what is asked
    who = _PEOPLE_AT_HOME.search(low)
    if who is None:
        return None
    words = item.text[asked.start():asked.end()]
    return rule.at(
        ctx, item,
        f"{item.label} asks for where people live ('{words}') in records about them ('{who.group(0)}'). An address or "
        "a full postcode points at one household, and what the police did there is information about the people who "
        "live there (criminal offence data, where it is about suspected crime), so forces withhold it under "
        f"{ctx.section('personal')} however few or many records there are.",
        suggestion="Ask for counts by a larger area (the postcode district, such as the first half of the postcode, a "
        "ward or the policing district), or for the street-level points police.uk already maps.",
        span=asked.span(),
        reasoning=(f"Where people live: '{words}'.", f"About people the police acted on: '{who.group(0)}'.",
                   f"{SOURCE}https://ico.org.uk/for-organisations/foi/freedom-of-information-and-environmental-"
                   "information-regulations/section-40-and-regulation-13-personal-information/"),
    )
