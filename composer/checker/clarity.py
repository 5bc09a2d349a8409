"""Clarity (FOIA s1(3); FOISA s1(3)): if a force cannot tell what is wanted it asks for
clarification, and the 20 working days start again when the answer arrives. FOI also reaches
only recorded information (FOIA s84), so a question asking for an opinion or an explanation may
be answered "not held". The rules flag undefined terms from the glossary, acronyms never spelled
out, questions about opinions and reasons, and parts that ask several things at once."""

from __future__ import annotations

import re

from composer.checker import glossary, knowledge, patterns
from composer.checker.patterns import Gate, remembered
from composer.checker.engine import Context, PartView, Rule, part_rule, request_rule
from composer.checker.findings import Fix
from composer.checker.reading import named_place, one_item_asked, read_part
from composer.force_names import force_acronyms


def _term_findings(rule: Rule, ctx: Context, level: str):
    defined = ctx.defined_terms
    uses = [(item, found) for item in ctx.items if (found := glossary.first_uses(item.text))]  # parts with a term
    intro_uses = glossary.first_uses(ctx.intro) if ctx.intro else {}
    for term in glossary.TERMS:
        if term.level != level or term.id in defined:
            continue
        first: tuple[PartView, re.Match[str]] | None = None
        later: dict[str, None] = {}  # the other parts' numbers, in order (a dict: a term in every part stays linear)
        for item, found in uses:
            match = found.get(term.id)
            if match is None:
                continue
            if first is None:
                first = (item, match)
            else:
                later.setdefault(item.number)
        if first is None and term.id not in intro_uses:
            continue
        others = list(later)
        also = f" (also in part{'s' if len(others) > 1 else ''} {', '.join(others[:6])}" \
               f"{' …' if len(others) > 6 else ''})" if others else ""
        where = f"Part {first[0].number}" if first else "The introduction"
        label = term.label  # or the very word, where the term's pattern names it ("employees", "posts")
        if first is not None and "word" in first[1].re.groupindex and first[1].group("word"):
            label = first[1].group("word")
        message = (
            f"{where} uses '{label}'{also} without saying what it means: {term.why}. A force "
            f"may ask you to clarify under {ctx.section('clarify')}, and the {ctx.law.working_days} working days "
            "start again only when you reply."
        )
        suggestion = f"Define it once, for example: \"By '{label}' I mean {term.definition}.\""
        fix = None
        if first is not None and level == "warning":
            item, match = first
            new_text = f"{item.text[:match.end()]} (by which I mean {term.definition}){item.text[match.end():]}"
            fix = Fix("replace_text", f"Define '{label}' here", part_id=item.id, new_text=new_text)
        yield rule.at(
            ctx, first[0] if first else None, message, suggestion=suggestion,
            span=first[1].span() if first else None, fix=fix,
        )


@request_rule("clarity.undefined-term", "clarity", "warning", law="clarify", title="Term forces ask about")
def undefined_term(rule: Rule, ctx: Context):
    return _term_findings(rule, ctx, "warning")


@request_rule("clarity.vague-term", "clarity", "info", law="clarify", title="Word that could mean several things")
def vague_term(rule: Rule, ctx: Context):
    return _term_findings(rule, ctx, "info")


# Starts with a capital rather than a word boundary, so the search can skip to capitals;
# a match inside a longer word is dropped in `acronym` below.
_ACRONYM = Gate(r"([A-Z][A-Z&]{1,5})(s?)\b", None)
_SPELT = "(?:\\({0}s?\\)|\\b{0}s?\\s*\\(|\\b{0}\\s+(?:stands\\s+for|means|is\\s+short\\s+for))"


def _known_acronyms() -> frozenset[str]:
    return glossary.KNOWN_ACRONYMS | force_acronyms()


_UPPER = re.compile(r"[A-Z]")
_LOWER = re.compile(r"[a-z]")


@remembered
def _case_counts(text: str) -> tuple[int, int]:
    return len(_UPPER.findall(text)), len(_LOWER.findall(text))


def _spelt_out(word: str, whole: str) -> bool:
    """Whether `whole` spells `word` out somewhere: "(DPIA)", "DPIA (", "DPIA stands for".

    Every such match starts at the word or at the bracket just before it, so the pattern is tried
    only there: searched over the whole request, a word never spelt out cost a pass over all of it
    (about 4 ms on a 54,000-character request, for each of its 30-odd acronyms on every check)."""
    pattern = re.compile(_SPELT.format(re.escape(word)))
    at = whole.find(word)
    while at != -1:
        if pattern.match(whole, at) or (at and pattern.match(whole, at - 1)):
            return True
        at = whole.find(word, at + 1)
    return False


@request_rule("clarity.acronym", "clarity", "info", law="clarify", title="Acronym not spelled out")
def acronym(rule: Rule, ctx: Context):
    known = _known_acronyms()
    candidates = []
    seen: set[str] = set()
    for item in ctx.items:
        text = item.text
        for match in _ACRONYM.finditer(text):
            if match.start() and text[match.start() - 1].isalnum():
                continue
            word = match.group(1)
            if word not in seen and word not in known and word not in glossary.NOT_ACRONYMS:
                seen.add(word)
                candidates.append((item, match, word))
    if not candidates:
        return
    upper = sum(_case_counts(text)[0] for text, _ in ctx.texts())
    lower = sum(_case_counts(text)[1] for text, _ in ctx.texts())
    if upper > lower:
        return  # written in capitals throughout: nothing stands out as an acronym
    whole = ctx.whole
    for item, match, word in candidates:
        if _spelt_out(word, whole):
            continue
        yield rule.at(
            ctx, item,
            f"{item.label} uses '{word}' without spelling it out. The officer handling "
            "the request may not know it, or may know a different meaning, and ask you to "
            f"clarify ({ctx.section('clarify')}).",
            suggestion=f"Write it out in full the first time, with '({word})' after it.",
            span=match.span(1),
        )


# Asks what the force thinks, not what it holds: no record answers "do you think it is fair".
_VIEW = Gate(
    r"\b(?:do|does)\s+(?:you|the\s+force|your\s+force|the\s+\w+\s+police|\w+\s+police|the\s+chief\s+constable)\s+"
    r"(?:think|believe|feel|agree)\b|\bin\s+your\s+(?:opinion|view)\b|\byour\s+(?:opinion|views?|thoughts)\s+"
    r"(?:on|about|of|regarding)\b|\b(?:is|are|was|were)\s+(?:it|this|that|they|these)\s+(?:fair|ethical|right|"
    r"appropriate|justified|proportionate|acceptable)\b",
    ("think", "believe", "feel", "agree", "opinion", "view", "views", "thoughts", "fair", "ethical", "right",
     "appropriate", "justified", "proportionate", "acceptable"),
)
_OPINION = Gate(
    r"\bwhy\s+(?:did|do|does|has|have|is|are|was|were|would|will|should|can't|cannot|didn't|doesn't|hasn't|"
    r"haven't|isn't|aren't|wasn't|weren't|won't)\b"
    r"|\b(?:do|does)\s+(?:you|the\s+force|your\s+force|the\s+\w+\s+police|\w+\s+police|the\s+chief\s+constable)\s+"
    r"(?:think|believe|feel|consider|agree|accept|intend|plan|accept)\b"
    r"|\bin\s+your\s+(?:opinion|view)\b|\byour\s+(?:opinion|views?|thoughts)\s+(?:on|about|of|regarding)\b"
    r"|\b(?:can|could|would|will)\s+you\s+(?:please\s+)?(?:explain|justify|comment|tell\s+me\s+why)\b"
    r"|\bexplain\s+(?:why|how)\b|\bjustify\b|\bjustification\s+for\b"
    r"|\b(?:is|are|was|were)\s+(?:it|this|that|they|these)\s+(?:fair|lawful|legal|ethical|right|appropriate|"
    r"justified|proportionate|acceptable)\b"
    r"|\bhow\s+(?:does|do|will)\s+(?:the|your)\s+(?:force|police|service|constabulary)\s+"
    r"(?:ensure|justify|decide|explain|respond|feel)\b",
    ("why", "think", "believe", "feel", "consider", "agree", "accept", "intend", "plan", "opinion", "view", "views", "thoughts", "explain", "justify", "justification", "comment", "fair", "lawful", "legal", "ethical", "right", "appropriate", "justified", "proportionate", "acceptable", "ensure", "decide", "respond"),
)


_ASKS_FOR_RECORDS = Gate(
    r"\brecorded\s+information\b|\bany\s+records?\b|\b(?:copy|copies)\s+of\b|\bdocuments?\s+(?:that|which)\s+"
    r"(?:show|describe|explain|set)|\bhold\s+any\b",
    ("recorded", "record", "records", "copy", "copies", "document", "documents", "hold"),
)


@part_rule("clarity.not-recorded", "clarity", "warning", law="recorded", title="Asks for an opinion or explanation", intro=True)
def not_recorded(rule: Rule, ctx: Context, item: PartView):
    match = _OPINION.search(item.low)
    if not match or _ASKS_FOR_RECORDS.search(item.low):
        return  # none, or the part already asks for the records that would show it
    said = item.text[match.start():match.end()]
    # A view is not held anywhere; a reason or a process often is (a business case, a decision
    # log), and forces answer from those (ICO, Interpreting and clarifying requests).
    severity = "warning" if _VIEW.search(item.low) else "info"
    fix = None
    if not item.is_intro:
        new_text = ("Please provide the recorded information (such as the reports, minutes, business "
                    f"cases or decision logs) that answers this question: {item.text.strip()}")
        fix = Fix("replace_text", "Ask for recorded information instead", part_id=item.id, new_text=new_text)
    return rule.at(
        ctx, item,
        f"{item.label} asks for an explanation or an opinion ('{said}'). FOI gives access "
        "only to information the force already holds in recorded form; it does not have to "
        "explain, justify or give a view, and may answer 'not held'.",
        suggestion="Ask for the records that would show it: \"Please provide any recorded "
        "information (such as reports, minutes, policies or decision logs) that sets out …\".",
        span=match.span(),
        fix=fix,
        severity=severity,
    )


_SENTENCES = re.compile(r"[^.?!\n]+[.?!]?")
_ASKING = re.compile(
    r"^\s*(?:\(?[a-z0-9]{1,3}[.)]\s*)?(?:please\s+(?:provide|disclose|send|supply|give|list|confirm|state|tell|"
    r"explain|describe|detail|outline|indicate|advise|include)|could\s+you|can\s+you|would\s+you|i\s+would\s+like|"
    r"i\s+request|provide|disclose|list|state)\b"
)
_CONDITIONAL = re.compile(r"^\s*(?:if|where|in\s+the\s+event|should|for\s+questions?|for\s+parts?)\b")


@remembered
def _asks(low: str) -> tuple[int, int]:
    """(questions asked with a question mark, all asks including "please provide …")."""
    questions = count = 0
    for match in _SENTENCES.finditer(low):
        sentence = match.group(0)
        if not sentence.strip() or _CONDITIONAL.match(sentence):
            continue
        if sentence.rstrip().endswith("?"):
            questions += 1
            count += 1
        elif _ASKING.match(sentence):
            count += 1
    return questions, count


@part_rule("clarity.compound", "clarity", "info", law="clarify", title="Several questions in one part")
def compound(rule: Rule, ctx: Context, item: PartView):
    questions, asks = _asks(item.low)
    if questions < 2 and asks < 3:
        return  # one question, perhaps with a sentence saying what the answer should contain
    return rule.at(
        ctx, item,
        f"{item.label} asks {asks} things at once. A force may answer the part as a whole, "
        "miss one of them, or treat the part as one request when counting the cost limit.",
        suggestion="Give each question its own sub-part (a, b, c …) so that each gets its own "
        "answer and can be refused or answered on its own.",
    )


# -- readings a force would have to ask about ------------------------------------------------

_KINDS_OF_PEOPLE = (r"(?:police\s+)?(?:officers?|constables?|staff|employees?|child(?:ren)?|"
           r"juveniles?|young\s+people|women|men|girls?|boys?|drivers?|riders?|motorists?|cyclists?|pedestrians?|"
           r"residents?|pupils?|students?|detainees?|prisoners?|protesters?|applicants?|complainants?|witnesses|"
           r"witness|patients?|workers?)")
_PEOPLE = r"(?:" + _KINDS_OF_PEOPLE + r"|people|persons?|individuals?|members\s+of\s+the\s+public)"
# Whose characteristic a part means, said in so many words: "the sex of the officer", "the
# officer's age", or a record about one kind of person ("assaults on police officers").
_SAYS_WHOSE = Gate(
    r"\b(?:ages?|sex|gender|ethnicit(?:y|ies)|race|religion|nationalit(?:y|ies)|disabilit(?:y|ies))\s+of\s+"
    r"(?:the\s+|each\s+|those\s+|these\s+|all\s+|every\s+)?(?:\w+\s+)?" + _KINDS_OF_PEOPLE + r"\b"
    r"|\b" + _KINDS_OF_PEOPLE + r"(?:'s|’s|s'|s’)\s+(?:ages?|sex|gender|ethnicit|race|religion|nationalit|disabilit)"
    r"|\b(?:assaults?|attacks?|offences?|crimes?|violence|injur(?:y|ies))\s+(?:on|against|to)\s+(?:\w+\s+)?"
    + _PEOPLE + r"\b"
    r"|\b(?:people|persons|individuals|those)\s+(?:who\s+were\s+|who\s+have\s+been\s+)?(?:arrested|charged|"
    r"proceeded\s+against|stopped|searched|detained|convicted|cautioned|prosecuted|summonsed)\b",
    None,
)


# A characteristic naming a kind of crime (a hate crime strand, or an aggravation), not a breakdown.
_STRAND = re.compile(r"\b(?:disabilit\w*|rac\w*|religio\w*|sex\w*|gender|transgender|trans|ethnic\w*|faith|"
                     r"homophobic|transphobic|age)[\s-]+(?:hate|related|motivated|aggravated)\b")


@part_rule("clarity.whose", "clarity", "warning", law="clarify", title="Whose age, sex or ethnicity?")
def whose(rule: Rule, ctx: Context, item: PartView):
    """A breakdown by a personal characteristic of records that name several people (a crime has a
    victim and a suspect), without saying whose: the force must ask which."""
    reading = read_part(ctx, item)
    record = reading.record
    if record is None or not record.roles or reading.action not in ("count", "records"):
        return None
    personal = [b for b in reading.breakdowns if knowledge.DIMENSIONS[b].kind == "people" and b != "rank"]
    if personal:  # "disability hate crime", "race-related": the kind of crime, not a breakdown by person
        parent = ctx.parent_view(item)
        plain = [_STRAND.sub(" ", text) for text in (item.low, parent.low if parent is not None else "")]
        personal = [b for b in personal if any(knowledge.DIMENSIONS[b].pattern.search(t) for t in plain)]
    if not personal:
        return None
    context = [item.low] + ([ctx.parent_view(item).low] if ctx.parent_view(item) is not None else []) + [ctx.intro_low]
    context += [ctx.said_low(sub.text) for sub in item.part.subparts]
    if any(role in text for role in record.roles for text in context):
        return None
    if any(_SAYS_WHOSE.search(text) for text in context):
        return None  # "the sex of the officer", "assaults on police officers": whose is said
    listed = ", ".join(b.replace("_", " ") for b in personal)
    return rule.at(
        ctx, item,
        f"{item.label} asks for {record.label} by {listed}, but each record names several people "
        f"({', '.join(record.roles[:3])} …) and the part does not say whose {listed} you mean. A force "
        f"will ask you to clarify ({ctx.section('clarify')}), and the {ctx.law.working_days} working days start again "
        "when you reply.",
        suggestion=f"Say whose: for example 'the {record.roles[0]}'s {personal[0].replace('_', ' ')}'"
        + (", as the person defined it themselves (self-defined ethnicity)" if "ethnicity" in personal else "") + ".",
    )


_FOREIGN_AREAS = Gate(r"\b(?:by|per|each|every|for\s+each)\s+(?:\w+\s+)?(?:borough|constituenc(?:y|ies)|parish|"
                            r"council\s+ward|postcode\s+district|local\s+authority|county|counties)\b|\bboroughs\b|"
                            r"\bconstituencies\b|\bparishes\b", None)


@part_rule("clarity.areas", "clarity", "info", law="clarify", title="Areas the force does not count by")
def areas(rule: Rule, ctx: Context, item: PartView):
    """Forces count by their own areas (districts, local policing areas, wards in some); a
    breakdown by another body's areas means a question back, or a mapping the force must make."""
    match = _FOREIGN_AREAS.search(item.low)
    if not match:
        return None
    said = item.text[match.start():match.end()]
    london = ctx.force is not None and ("London" in ctx.force.name or "Metropolitan" in ctx.force.name)
    if london and "borough" in said.lower():
        return None  # the Met's areas are the London boroughs
    return rule.at(
        ctx, item,
        f"{item.label} asks for figures '{said}'. Police forces record places by their own areas "
        "(districts, local policing areas, neighbourhoods), which rarely match a council's or "
        f"Parliament's; the force may ask which of its areas will do ({ctx.section('clarify')}).",
        suggestion="Ask for the force's own local policing areas, or say that they may stand in for "
        "the areas you name.", span=match.span(), severity="warning" if ctx.force is not None else "info",
    )


# Any sign that a letter asks for something: a question, a request verb, or a noun naming
# information, a document or a figure. A letter with none of these reads as a concern or a complaint.
_ANY_ASK = Gate(
    r"\?|\b(?:please|provide|disclose|supply|send|request(?:ing|ed)?|would\s+like|wish\s+to|want\s+to\s+know|"
    r"can\s+i\s+have|copy|copies|details?|information|data|records?|figures?|numbers?|statistics|count|costs?|"
    r"amount|reports?|documents?|minutes|correspondence|emails?|list|how\s+(?:many|much|often|long)|whether)\b",
    None,  # "?" is no word, so every text is searched (the rule runs only when no part reads as asking)
)


# A description of recorded information standing as its own sentence or line is a request: section 8(1)(c)
# needs only a description of the information wanted, with no asking verb ("The date on which the force
# bought …", "All footage recorded at …", "The architect's drawings for …"). The same noun heading a grievance
# ("the date on my ticket was wrong and nobody listened") describes nothing wanted.
_DESCRIPTION = re.compile(
    r"(?:^|[.?!:;\n]\s*)(?:\(?(?:\d{1,2}|[a-z])[.)]\s+|[-•*]\s+)?(?:(?:all|any|every|the|a|an|your|its|the\s+force's|"
    r"copies\s+of|a\s+copy\s+of)\s+)*(?:[\w'’-]+\s+){0,3}?(?:dates?|times?|footage|videos?|recordings?|recorded\s+\w+|"
    r"tapes?|audio|plans|drawings?|papers|files?|logs?|photographs?|photos|images|notes|notebooks?|contracts?|invoices?|"
    r"manuals?|schedules?|timetables?|rotas?|specifications?|budgets?|accounts|registers?|inventor(?:y|ies)|names?|"
    r"totals?|breakdowns?|spend|guidance|polic(?:y|ies)|procedures?|transcripts?|agendas?|presentations?|"
    r"assessments?|audits?|material)\b")
_GRIEVANCE = re.compile(r"\b(?:was|were|is|are|has\s+been|have\s+been)\s+(?:\w+\s+)?(?:wrong|incorrect|rude|unfair|"
                        r"unacceptable|late|lost|missing|ignored|not|never|poor|disgraceful|appalling|false|inaccurate)\b|"
                        r"\bnobody\b|\bno\s+one\b|\b(?:i|we)\s+(?:am|was|were|want|feel|think|believe|complain\w*)\b|"
                        r"\bunhappy\b|\bupset\b|\bdisgust\w*")
_SENTENCE_END = re.compile(r"[.?!\n]")


def _describes(low: str) -> bool:
    """Whether lower-cased `low` has a sentence or line that is a standalone description of information."""
    for match in _DESCRIPTION.finditer(low):
        end = _SENTENCE_END.search(low, match.end())
        sentence = low[match.start():end.start() if end else len(low)]
        if not _GRIEVANCE.search(sentence):
            return True
    return False


@request_rule("clarity.no-ask", "clarity", "warning", law="clarify", title="Does not say what information is wanted")
def no_ask(rule: Rule, ctx: Context):
    """A letter that describes a concern but asks for nothing a force holds in recorded form."""
    items = [i for i in ctx.items if i.text.strip()]
    if not items:
        return None
    readings = [read_part(ctx, i) for i in items]
    if any(r.action != "other" for r in readings) or any(
            r.record is not None and r.action != "other" for r in readings):
        return None
    if ctx.anywhere(_ANY_ASK):
        return None  # "the cost of …", "a copy of every report …": it asks, in words the reading missed
    if any(_describes(low) for _, low in ctx.texts()):
        return None  # "The date on which …", "All footage recorded …": a description is a request (s8(1)(c))
    return rule.at(
        ctx, None,
        "Nothing in the request asks for a document, a figure or a fact: it reads as a concern or a "
        "complaint. A force will ask what recorded information you want "
        f"({ctx.section('clarify')}), or treat it as a complaint rather than a request.",
        suggestion="End with the questions you want answered, each as its own part: 'Please provide "
        "the number of …', 'Please provide a copy of …'.",
    )


# "All information held about …": the words name a subject, not a kind of record.
_ON_A_SUBJECT = Gate(
    r"\b(?:(?:all|any)\s+(?:(?:recorded|relevant|available|other|the)\s+)?(?:information|info|data|material|"
    r"documentation)|everything|anything)\s+(?:(?:that\s+)?(?:you\s+|the\s+force\s+|your\s+force\s+)?"
    r"(?:hold|holds|held|have|has|kept|keep|keeps)\s+)?"
    r"(?:by\s+[\w\s-]{1,40}?\s+)?(?:about|regarding|relating\s+to|related\s+to|in\s+relation\s+to|concerning|on|"
    r"in\s+respect\s+of|pertaining\s+to|with\s+regard\s+to|surrounding)\b",
    (("all", "any", "everything", "anything"), ("information", "info", "data", "material", "documentation",
                                                "everything", "anything")),
)
# A kind of document named: the search has an edge even when the words around it are wide.
_NAMED_KIND = Gate(
    r"\b(?:polic(?:y|ies)|procedures?|guidance|minutes|agendas?|reports?|assessments?|reviews?|business\s+cases?|"
    r"contracts?|invoices?|emails?|e-mails?|letters?|briefings?|plans?|profiles?|logs?|statements?|audits?|"
    r"evaluations?|strateg(?:y|ies)|memos?|presentations?|specifications?|tenders?|slides|manuals?|user\s+guides?|"
    r"training\s+materials?)\b"
    r"|\b(?:correspondence|communications?|messages?)\s+(?:[\w'’]+\s+){0,4}?(?:between|from|sent|received|exchanged)\b",
    None,
)


@part_rule("clarity.broad", "clarity", "warning", law="clarify", title="So broad the force must ask or refuse")
def broad(rule: Rule, ctx: Context, item: PartView):
    """'All information about …' with no period or no kind of record: a force either asks what
    is wanted (s1(3)) or estimates the search and refuses on cost (s12). Say both."""
    reading = read_part(ctx, item)
    if not reading.open_scope:
        return None
    if one_item_asked(ctx, item):
        return None  # everything about one identified item is its file, found from what names it (principle B)
    if reading.system is not None and reading.record is not None and reading.record.id == "documents":
        return None  # the training slides or procedures for one named system: a bounded set in its library
    about = _ON_A_SUBJECT.search(item.low)
    unnamed = reading.record is None or (reading.record.generic and not _NAMED_KIND.search(item.low))
    if about is None and not unnamed and reading.period is not None:
        return None
    if about is not None:
        # "All information held about X": figures, the case files themselves, policies and emails all
        # fit, and the force must ask which it is to search for (ICO, Interpreting and clarifying
        # requests; Scottish Ministers' section 60 Code, part 2 section 5).
        said = item.text[about.start():about.end()]
        message = (f"{item.label} asks for '{said} …' a subject: figures, the case files themselves, policies "
                   "and correspondence all fit, so the force cannot tell which to search for. It will ask you "
                   f"which ({ctx.section('clarify')}, with its duty to advise you under {ctx.section('advice')}), "
                   f"restarting the clock, or count every file and refuse on cost ({ctx.section('cost')}).")
    else:
        missing = " and ".join(w for w, gone in (("which records", unnamed),
                                                  ("which dates", reading.period is None)) if gone)
        message = (f"{item.label} asks for everything on a subject without saying {missing}. A force will "
                   f"either ask you to narrow it ({ctx.section('clarify')}), which restarts the clock, or "
                   f"estimate the search and refuse it on cost ({ctx.section('cost')}).")
    return rule.at(
        ctx, item, message,
        suggestion="Say what form the information takes: figures (how many, broken down how), a named "
        "document (a policy, the minutes of a named board), or emails between named roles, and the dates "
        "they fall between.",
        span=about.span() if about is not None else None,
    )


# What a force answers as it stands today, so that no period is needed: a policy, a procedure or a
# contract in force ("details of your retention policy"). A count of events still needs one.
_STANDING = Gate(
    r"\b(?:polic(?:y|ies)|procedures?|guidance|guidelines|protocols?|contracts?|agreements?|strategy|"
    r"standard\s+operating|terms\s+of\s+reference|manuals?|codes?\s+of\s+practice|retention\s+(?:schedule|period))\b",
    ("policy", "policies", "procedure", "procedures", "guidance", "guidelines", "protocol", "protocols", "contract",
     "contracts", "agreement", "agreements", "strategy", "standard", "terms", "manual", "manuals", "code", "codes",
     "retention"),
)
_COUNTS_EVENTS = Gate(r"\bhow\s+(?:many|often)\b|\bnumbers?\s+of\b|\bfigures\b|\bstatistics\b|\btotals?\b",
                      ("how", "number", "numbers", "figures", "statistics", "total", "totals"))
# Things caught, detected, issued or seized: enforcement events, counted over some years whatever system
# holds them. (Wider verbs, "reported" or "recorded", also describe records a part asks about as they stand.)
_EVENTS_DONE = Gate(r"\b(?:caught|detected|issued|seized|fined)\b", ("caught", "detected", "issued", "seized", "fined"))
_EVERY = Gate(r"\b(?:each|every|all)\b", ("each", "every", "all"))
# One bounded thing the question is about: a named operation, or "this investigation", "the protest"
# (its own dates bound every figure asked about it).
_BOUNDED = Gate(
    r"\b(?:this|that|the\s+same|the\s+said)\s+(?:investigation|inquiry|enquiry|operation|protest|event|incident|"
    r"match|fixture|demonstration|march|festival|case|deployment)\b|\bas\s+part\s+of\s+the\s+"
    r"(?:investigation|operation|inquiry|enquiry)\b",
    ("this", "that", "same", "said", "part"),
)
_NAMED_OPERATION = Gate(r"\b[Oo]peration\s+[A-Z][a-z]{2,}", ("operation",))


def _bounded(ctx: Context, item: PartView) -> bool:
    """The part asks about one named operation or one bounded event, here or in its parent or the
    introduction."""
    views = [item, ctx.parent_view(item), ctx.intro_view]
    for view in views:
        if view is not None and (_BOUNDED.search(view.low) or _NAMED_OPERATION.search(view.text, view.low)):
            return True
    return False


@part_rule("clarity.no-period", "clarity", "warning", law="clarify", title="Figures with no period anywhere",
           whole=True)  # whether any part names a period
def no_period(rule: Rule, ctx: Context, item: PartView):
    """Figures asked with no period in the part or anywhere in the request: a force asks which
    years (s1(3)) as often as it refuses on cost; say both. A policy or a contract in force, and
    figures about one named operation or event, carry their own dates and need none."""
    reading = read_part(ctx, item)
    if reading.action not in ("count", "records") or reading.period is not None:
        return None
    if ctx.period_anywhere_for(item):
        return None
    # A period needs no known kind of record: a count of things caught, detected or issued is a count of
    # enforcement events, and events happen over some years.
    if reading.record is None and not (_COUNTS_EVENTS.search(item.low) and _EVENTS_DONE.search(item.low)):
        return None
    if (_STANDING.search(item.low) and not _COUNTS_EVENTS.search(item.low) and not _EVERY.search(item.low)) \
            or _bounded(ctx, item) or one_item_asked(ctx, item):
        return None
    what = reading.record.label if reading.record is not None else "events"
    return rule.at(
        ctx, item,
        f"{item.label} asks for figures on {what} but neither it nor the rest of the request "
        f"gives a period. A force may ask which years you mean ({ctx.section('clarify')}) or count every "
        f"year it holds and refuse on cost ({ctx.section('cost')}).",
        suggestion="Give the period once for the whole request, for example 'for each of the last five "
        "full calendar years' or 'from 1 April 2020 to 31 March 2025'.",
    )


_UNIDENTIFIED = Gate(
    r"\b(?:the|this|that)\s+(?:\w+\s+){0,3}(?:report|document|article|video|footage|incident|case|event|story|"
    r"statement|post|tweet|survey|study|review)\s+(?:(?:that\s+was|which\s+was|as)\s+)?(?:mentioned|referred\s+to|"
    r"reported|shown|published|covered|described|featured)\s+(?:in|on|by)\s+(?:the\s+|a\s+|various\s+)?"
    r"(?:media|press|news|newspapers?|papers|bbc|television|tv|radio|social\s+media|online|article|outlets?)",
    ("the", "this", "that"),
)


@part_rule("clarity.unidentified", "clarity", "warning", law="clarify", title="Points at something the force must identify",
           intro=True)
def unidentified(rule: Rule, ctx: Context, item: PartView):
    """A request that points at a news story without identifying it makes the force ask which
    (s1(3)): it cannot search for 'the report in the media'."""
    match = _UNIDENTIFIED.search(item.low)
    if not match:
        return None
    return rule.at(
        ctx, item,
        f"{item.label} refers to something the force has to identify first "
        f"('{item.text[match.start():match.end()]}'). Unless the letter says exactly which (a date, a "
        f"title, a reference number, a link), the force will ask ({ctx.section('clarify')}).",
        suggestion="Identify it: the date and title of the article or report, a link, or the force's "
        "reference number for the earlier request.",
        span=match.span(),
    )


# A place given only as the writer's own: "my area", "near me", "our estate". The force does not know where the
# writer lives (the letter's address is for replies) nor which boundary they mean, so it asks (s1(3)).
_OWN_PLACE = Gate(
    r"\b(?:my|our)\s+(?:local\s+|own\s+|immediate\s+)?(?:area|neighbou?rhood|town|village|street|road|estate|ward|"
    r"district|locality|community|part\s+of\s+(?:the\s+)?(?:town|city|county))\b"
    r"|\b(?:near|around|close\s+to)\s+(?:me|my\s+(?:home|house|flat|address))\b|\bwhere\s+(?:i|we)\s+live\b",
    ("my", "our", "near", "around", "close", "where"),
)
# A named town or street, a postcode, or the force area as a whole: the place is then given.
_NAMED_AFTER = re.compile(r"\s*[(,]?\s*(?:(?:of|in|around|called)\s+)?[A-Z][a-z]{2,}")
_PLACE_GIVEN = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b|\b[A-Z]{1,2}\d{1,2}[A-Z]?\b(?=\s+(?:area|district|postcode))")


@part_rule("clarity.own-place", "clarity", "warning", law="clarify", title="A place given only as yours", intro=True)
def own_place(rule: Rule, ctx: Context, item: PartView):
    match = _OWN_PLACE.search(item.low)
    if match is None:
        return None
    if not item.is_intro and read_part(ctx, item).action not in ("count", "records"):
        return None  # "what is the force doing in our community": asked of the force's work, not of a place's figures
    whole = "\n".join(other.text for other in ctx.items)
    if _PLACE_GIVEN.search(whole) or named_place(whole) or _NAMED_AFTER.match(item.text, match.end()):
        return None  # the letter names the place: the force can read "my area" by it
    said = item.text[match.start():match.end()]
    return rule.at(
        ctx, item,
        f"{item.label} gives the place only as yours ('{said}'). The force does not know where that is, or which "
        f"boundary you mean, so it will ask before it searches ({ctx.section('clarify')}).",
        suggestion="Name the place: the town or street, the postcode district (such as the first half of your "
        "postcode), or the force's own local policing area or ward.",
        span=match.span(),
    )


# Words that leave the edge of a request to the force's judgement: "related documents", "any other
# relevant information", "similar incidents in the area". The ICO's guidance on interpreting and
# clarifying requests: a request open to more than one objective reading is unclear, and the
# authority asks (s1(3)) rather than guess; "related" and "relevant" are the commonest such words.
_UNCLEAR_SCOPE = Gate(
    r"\b(?:other\s+)?(?:related|relevant|associated|connected|similar|linked)\s+(?:\w+\s+)?"
    r"(?:incidents?|matters?|documents?|documentation|information|material|records?|issues?|cases?|"
    r"correspondence|papers?|data|events?|occurrences?|reports?)\b"
    r"|\b(?:in|around|near)\s+the\s+(?:surrounding\s+|local\s+|same\s+|wider\s+)?(?:area|vicinity|locality)\b",
    ("related", "relevant", "associated", "connected", "similar", "linked", "area", "vicinity", "locality"),
)


# Words before "related" that leave the relation open ("other related documents", "and related
# papers"); any other word names it ("drug-related incidents", "domestic abuse related crimes").
_OPEN_BEFORE = frozenset({"other", "any", "all", "and", "or", "the", "such", "of", "including", "plus", "with",
                          "also", "its", "their", "your", "some", "every", "each", "any", "these", "those", "similar",
                          "to", "on", "about", "for", "in"})
_WORD_BEFORE = re.compile(r"([a-z]+)[\s-]*$")


def _relation_named(low: str, start: int) -> bool:
    """Whether the word just before a 'related …' at `start` says related to what."""
    if low[start:start + 6] == "other " or not low[start:].startswith(("related", "linked", "connected", "associated")):
        return False
    before = _WORD_BEFORE.search(low, max(0, start - 30), start)
    return before is not None and before.group(1) not in _OPEN_BEFORE


@part_rule("clarity.unclear-scope", "clarity", "warning", law="clarify", title="Leaves its scope to the force's judgement",
           intro=True)
def unclear_scope(rule: Rule, ctx: Context, item: PartView):
    """'Related', 'relevant', 'similar', 'in the area': the force cannot tell where the request
    ends without deciding what you meant, so it asks (s1(3)), and the clock restarts."""
    match = next((m for m in _UNCLEAR_SCOPE.finditer(item.low) if not _relation_named(item.low, m.start())), None)
    if not match:
        return None
    said = item.text[match.start():match.end()]
    return rule.at(
        ctx, item,
        f"'{said}' leaves the force to decide what counts: related or relevant to what, similar in what way, "
        f"which area. A force asks what you mean ({ctx.section('clarify')}) before it searches, and the "
        "time limit starts again from your answer.",
        suggestion="Say exactly what is included: the kinds of document or incident, and for a place the "
        "street, ward or radius you mean.",
        span=match.span(),
    )


_INCIDENTS_OF = Gate(
    r"\b(?:incidents?|cases?|instances?|occurrences?|reports?|crimes?|offences?|calls?)\s+"
    r"(?:of|(?:[\w/-]+\s+){0,9}?(?:directly\s+)?(?:involving|relating\s+to|related\s+to|linked\s+to|in\s+relation\s+to|"
    r"regarding|concerning|about))\s+"
    r"(?!(?:the|these|those|this|that|each|any|all|a|an|your|its|their|them|my|our|his|her)\b)"
    r"([a-z][a-z'\-]+)",
    ("incident", "incidents", "case", "cases", "instance", "instances", "occurrence", "occurrences", "report",
     "reports", "crime", "crimes", "offence", "offences", "call", "calls"),
)


_ANY_CRIME = frozenset({"crime", "crimes", "criminality", "offending", "offences", "offence", "incidents"})
# People an incident happened to or was done by: the category is what the rest of the phrase says
# happened to them, and a recognised kind there (a dog bite, an assault, a theft) is counted by it.
_WHO = frozenset({"members", "member", "people", "persons", "person", "individuals", "individual", "someone",
                  "anyone", "men", "women", "man", "woman", "youths", "residents", "pupils", "students", "drivers",
                  "cyclists", "pedestrians", "motorists", "victims", "suspects", "officers", "staff", "customers"})
_PHRASE_WORD = re.compile(r"[a-z][a-z'\-]+")
_PHRASE_END = re.compile(r"[.?!;:\n]|\b(?:and\s+how|how\s+many|broken\s+down|between|since|during|from|in\s+(?:19|20)\d\d)\b")


def _is_category(word: str) -> bool:
    return word in _ANY_CRIME or word in knowledge.CATEGORY_WORDS or word.rstrip("s") in knowledge.CATEGORY_WORDS


def _rest_of_phrase(low: str, start: int) -> str:
    """The words after `start` up to the end of the phrase (ten words at most)."""
    end = _PHRASE_END.search(low, start)
    rest = " ".join(low[start:end.start() if end else len(low)].split()[:10])
    return _OF_THE_PUBLIC.sub("", rest)  # "members of the public": who, not public order


_OF_THE_PUBLIC = re.compile(r"^\s*of\s+(?:the\s+)?public\b")


@part_rule("clarity.category", "clarity", "warning", law="clarify", title="Counted by a category forces do not use",
           whole=True)  # the terms defined anywhere
def category(rule: Rule, ctx: Context, item: PartView):
    """'How many incidents of X': forces count by the Home Office offence groups, their own flags
    and the national incident categories; an X that is none of these needs a definition first."""
    reading = read_part(ctx, item)
    if reading.action != "count":
        return None
    match = _INCIDENTS_OF.search(item.low)
    if not match:
        return None
    word = match.group(1)
    if _is_category(word):
        return None
    if word in _WHO and any(_is_category(w) for w in _PHRASE_WORD.findall(_rest_of_phrase(item.low, match.end()))):
        return None  # "incidents of members of the public bitten by police dogs": who, then the category
    if word in ctx.defined_terms or re.search(r"\b(?:by\s+which\s+i\s+mean|defined\s+as|i\.e\.|meaning)\b", item.low):
        return None
    phrase = item.text[match.start():match.end()]
    return rule.at(
        ctx, item,
        f"{item.label} asks for '{phrase}…'. Forces count crimes and incidents by set categories (the Home "
        f"Office offence groups, flags such as domestic abuse or hate, incident types); '{word}' is not one, "
        f"so the force must decide what to count and may ask you first ({ctx.section('clarify')}), or search "
        "the text of every record.",
        suggestion="Say what should count, in the force's terms if you can (an offence, a flag, an incident "
        "type), or ask what categories the force records that come closest.",
        span=match.span(),
    )


# -- a group of the force's own units that the request describes rather than names ----------
# The ICO's "Interpreting and clarifying requests": where a request uses a term other than the
# authority's own and it bears more than one objective reading, the authority asks (s1(3)) rather
# than guess, and offers advice (s16); the Scottish Ministers' section 60 Code (part 2, section 5)
# says the same. A force's structure is its own: "specialist units (e.g. …)", "teams such as …" or
# "departments that deal with …" leave it to decide which of its units are in, and figures asked
# for each member of the group cannot be given until it has. A breakdown by all of its units
# ("by department") or a closed list ("the following units: …") needs no such choice.
_ORG = r"(?:units?|departments?|depts?|teams?|squads?|divisions?|branch(?:es)?|commands?|sections?|desks?|hubs?)"
_LABELLED = (r"(?:specialist|speciali[sz]ed|front[\s-]?line|operational|dedicated|investigat(?:ive|ion|ing)|"
             r"back[\s-]office|support)\s+(?:\w+\s+)?" + _ORG + r"\b"
             # people counted by an informal label: which roles are "frontline" is the force's call
             r"|(?:front[\s-]?line|operational)\s+(?:police\s+)?(?:officers|staff|roles|posts)\b")
_BY_FUNCTION = (_ORG + r"\s+(?:(?:that|which|who)\s+(?:\w+\s+)?(?:deals?|handles?|works?|covers?|investigates?|"
                r"speciali[sz]es?|focus(?:es)?|tackles?|responds?|looks?\s+after|manages?|are\s+responsible|"
                r"is\s+responsible|are\s+involved|is\s+involved)|dealing\s+with|responsible\s+for|handling|"
                r"speciali[sz]ing\s+in|focus(?:ed|ing)\s+on|involved\s+in|working\s+on|tasked\s+with)\b")
_BY_EXAMPLE = (_ORG + r"(?:\s+(?:within|in|of|across|at)\s+(?:your|the)\s+(?:\w+\s+)?(?:force|organi[sz]ation|"
               r"constabulary|service))?\s*[(,:–-]?\s*(?:e\.\s?g\b|eg\b|for\s+example|for\s+instance|such\s+as|"
               r"including)")
_GROUP = Gate(r"\b(?:" + _LABELLED + r"|" + _BY_FUNCTION + r"|" + _BY_EXAMPLE + r")",
              ("officers", "staff", "roles", "posts", "unit", "units", "department", "departments", "dept", "depts", "team", "teams", "squad", "squads",
               "division", "divisions", "branch", "branches", "command", "commands", "section", "sections", "desk",
               "desks", "hub", "hubs"))
# A bare "teams such as …" after "each", "per" or "by" is a breakdown by all the force's teams, with
# examples; "the following specialist units: …" closes the group itself.
_WHOLE = re.compile(r"\b(?:each|every|per|by|all)\s+(?:\w+\s+)?$")
_CLOSED_BEFORE = re.compile(r"\bthe\s+following\s+(?:\w+\s+)?$")
_CLOSED_AFTER = re.compile(r"\s*(?:\([^)]*\)\s*)?:")
_EACH_MEMBER = Gate(
    r"\b(?:each|every|per)\s+(?:such\s+|individual\s+|separate\s+)?(?:[a-z-]+\s+)?" + _ORG + r"\b"
    r"|\b(?:broken\s+down|split|itemi[sz]ed)\s+by\s+(?:each\s+)?(?:[a-z-]+\s+)?" + _ORG + r"\b"
    r"|\b(?:for|in)\s+each\s+(?:one\b|of\s+(?:these|those|them|the\s+above)\b)",
    ("each", "every", "per", "by"),
)
_FIGURES = Gate(r"\bhow\s+(?:many|much)\b|\bnumbers?\s+of\b|\b(?:figures?|totals?|budgets?|spend|spent|costs?|"
               r"amounts?|strength|headcount|list)\b",
               ("how", "number", "numbers", "figure", "figures", "total", "totals", "budget", "budgets", "spend",
                "spent", "cost", "costs", "amount", "amounts", "strength", "headcount", "list"))
_LABELLED_RE = re.compile(_LABELLED)
_FUNCTION_RE = re.compile(_BY_FUNCTION)


def _open_group(low: str) -> re.Match[str] | None:
    """The first group of the force's units that the text describes without naming its members."""
    for match in _GROUP.finditer(low):
        before = low[max(0, match.start() - 30):match.start()]
        if _CLOSED_BEFORE.search(before):
            continue
        described = _LABELLED_RE.match(low, match.start()) or _FUNCTION_RE.match(low, match.start())
        if described:
            if _CLOSED_AFTER.match(low, described.end()):
                continue  # "specialist units: A, B and C" names them
        elif _WHOLE.search(before):
            continue  # "for each team, such as …": every team, with examples
        return match
    return None


@request_rule("clarity.own-category", "clarity", "warning", law="clarify", title="A group of the force's units given by example")
def own_category(rule: Rule, ctx: Context):
    """Figures for each of "specialist units (e.g. …)", "teams such as …", "departments that deal
    with …": the force must first decide which of its units belong to the group."""
    views = ([ctx.intro_view] if ctx.intro else []) + list(ctx.items)
    found = next(((view, m) for view in views if (m := _open_group(view.low)) is not None), None)
    if found is None or not any(_EACH_MEMBER.search(item.low) and (
            _FIGURES.search(item.low) or read_part(ctx, item).action in ("count", "records"))
            for item in ctx.items):
        return None  # no figures asked for each member of the group
    view, match = found
    said = view.text[match.start():match.end()].strip(" (,:–-")
    return rule.at(
        ctx, None if view.is_intro else view,
        f"{view.label} describes a group of the force's own units or roles ('{said}…') by example or by a "
        "label, and asks for figures for each of them. Which belong is the force's call, not yours: it will "
        f"ask you which it should count ({ctx.section('clarify')}), often sending its structure chart, and "
        f"the {ctx.law.working_days} working days start again when you reply.",
        suggestion="Name every unit or role you want figures for, or first ask the force for its organisational "
        "structure (a list of its units, departments and teams) and then ask about the ones you choose.",
        span=match.span(),
    )


# -- which kind of year ----------------------------------------------------------------------
# Money and people are kept by the financial year: police budgets, spending and the accounts run
# from 1 April to 31 March (CIPFA's police objective analysis; each force's statement of accounts),
# and the Home Office's Police workforce statistics count officers and staff as at 31 March. "For
# the last five years" or "each year" about spending or staff can be read as calendar or financial
# years; a force answers in its own, and says so, so alone this is a note. A request that uses both
# kinds of year and leaves one part unsaid gives two readings a force may ask about (ICO,
# Interpreting and clarifying requests: more than one objective reading).
_KEPT_BY_FINANCIAL_YEAR = Gate(
    r"\b(?:spen[dt]|spending|expenditure|costs?|budgets?|overtime|salar(?:y|ies)|payments?|paid|income|"
    r"revenue|funding|grants?|invoices?|compensation|headcount|establishment|full[\s-]time\s+equivalents?|fte|"
    r"workforce|recruit(?:s|ed|ment)?|leavers|joiners|sickness\s+absence|vacanc(?:y|ies))\b|£",
    None,  # "£" is no word: searched whenever the rule gets this far
)
_YEARS_UNSAID = Gate(
    r"\b(?:last|past|previous|preceding)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:full\s+|complete\s+|"
    r"whole\s+)?years?\b|\b(?:each|every|per)\s+(?:of\s+the\s+(?:last|past)\s+\w+\s+)?years?\b|\byear[\s-]+(?:by|on)[\s-]+year\b"
    r"|\bannually\b|\bbroken\s+down\s+by\s+year\b",  # not "annual spend": one year's figure, the force's year
    ("year", "years", "annually"),
)
_FINANCIAL = Gate(r"\b(?:financial|fiscal)\s+years?\b|\b(?:19|20)\d\d\s*/\s*\d{2}(?:\d{2})?\b|\bapril\s+(?:to|-|–)\s+march\b"
                  r"|\b(?:1st?\s+)?april\s+(?:19|20)\d\d\s+(?:to|-|–)\s+(?:31st?\s+)?march\b|\byear\s+ending\s+(?:31\s+)?march\b",
                  None)  # "2019/20" holds no word: searched once per text, then remembered
_CALENDAR = Gate(r"\bcalendar\s+years?\b|\bjanuary\s+(?:to|-|–)\s+december\b|\bjan(?:uary)?\s+(?:19|20)\d\d\s+(?:to|-|–)\s+"
                 r"dec(?:ember)?\s+(?:19|20)\d\d\b|\b(?:1st?\s+)?january\s+(?:19|20)\d\d\s+(?:to|-|–)\s+(?:31st?\s+)?december\b",
                 ("calendar", "january", "jan"))


@part_rule("clarity.year-basis", "clarity", "info", law="clarify", title="Calendar or financial years?",
           whole=True)  # what every part says of years
def year_basis(rule: Rule, ctx: Context, item: PartView):
    """Figures on money or staff 'for the last N years' or 'each year', where the force keeps them by
    financial year: a note; a warning when the request also uses both kinds of year elsewhere."""
    low = item.low
    unsaid = _YEARS_UNSAID.search(low)
    if unsaid is None and _CONSECUTIVE.search(low) is None:
        return None
    if _FINANCIAL.search(low) or _CALENDAR.search(low):
        return None
    parent = ctx.parent_view(item)
    if parent is not None and (_FINANCIAL.search(parent.low) or _CALENDAR.search(parent.low) or _MONTHS.search(parent.low)):
        return None  # the parent says which kind of year
    if unsaid is None:
        return _two_years(rule, ctx, item)
    if not _KEPT_BY_FINANCIAL_YEAR.search(low) and not (parent and _KEPT_BY_FINANCIAL_YEAR.search(parent.low)):
        return None
    texts = [t for t, _ in ctx.texts()]
    lows = [ctx.said_low(t) for t in texts]
    financial = any(_FINANCIAL.search(t) for t in lows)
    calendar = any(_CALENDAR.search(t) for t in lows)
    if financial and not calendar:
        return None  # the request counts in financial years elsewhere: this part reads the same way
    both = financial and calendar
    said = item.text[unsaid.start():unsaid.end()]
    message = (f"{item.label} asks for figures on money or staff '{said}' without saying which kind of year. "
               "Forces keep budgets, spending and workforce figures by financial year (1 April to 31 March) ")
    if both:
        message += ("and this request uses both calendar and financial years elsewhere, so the force cannot tell "
                    f"which this part means and may ask you ({ctx.section('clarify')}), restarting the clock.")
    elif calendar:
        message += ("while this request counts other figures in calendar years; the force will usually answer "
                    "this part in its own years, so the figures will not line up unless you say which you want.")
    else:
        message += "and will usually answer in those; if you need calendar years, say so."
    return rule.at(
        ctx, item, message,
        suggestion="Name the years, for example 'for each financial year from 2019/20 to 2023/24' or 'for each "
        "calendar year from 2019 to 2023'.",
        span=unsaid.span(), severity="warning" if both else "info",
    )


# -- something the letter points at but never says --------------------------------------------
# A request must describe the information wanted (FOIA s8(1)(c); FOISA s8(1)(c)), and the officer
# who handles it reads the letter alone: "the incident I reported", "the system you mentioned" or
# "as discussed on the phone" name nothing the officer can search for unless the letter says what
# it was (ICO, Interpreting and clarifying requests; Scottish Ministers' section 60 Code, part 2
# section 5). A thing the letter has already described ("a drone unit … the unit mentioned above")
# or a source it names (an article, a report by title) is identified.
_POINTED = Gate(
    r"\b(?:the|this|that|these|those)\s+((?:[a-z-]+\s+){0,2}?([a-z]{3,}))\s+(?:(?:that|which|who)\s+)?(?:(?:i|we|you)\s+"
    r"(?:have\s+|had\s+)?(?:previously\s+|already\s+)?(?:mentioned|discussed|reported|raised|spoke\s+(?:about|of)|talked\s+about|"
    r"referred\s+to|described|told\s+you\s+about)|(?:previously\s+|already\s+|earlier\s+)?(?:mentioned|referred\s+to|discussed)"
    r")\b(?!\s+(?:a|an|the|that|this|these|those|to\s+(?:me|us|you)\s+(?:that|a|an|the))\b)"  # "… mentioned a plan": a verb
    r"|(?:\bthe\s+said|\b(?:aforementioned|afore-mentioned|above-mentioned|aforesaid))\s+(()([a-z]{3,}))\b",
    ("mentioned", "discussed", "reported", "raised", "spoke", "talked", "referred", "described", "told", "aforementioned", "afore-mentioned", "above-mentioned", "aforesaid", "said"),
)
# Pointing inside the letter, or at a source it names.
_INSIDE = re.compile(r"\s*(?:above|below|earlier\s+in\s+(?:this|my)\s+(?:letter|request|email)|in\s+(?:part|question|"
                     r"q|point|paragraph|section|item)\s*\d|in\s+(?:the\s+)?(?:following|attached|enclosed|linked)|"
                     r"(?:in|on|by|at)\s+(?!(?:our|my|the)\s+(?:recent\s+|earlier\s+|previous\s+)?(?:conversation|"
                     r"telephone|phone|call|discussion|meeting|chat)\b)\S)")
_CONVERSATION = Gate(
    r"\bas\s+(?:previously\s+|already\s+)?(?:discussed|agreed)\b|\b(?:following|further\s+to|as\s+per|after)\s+(?:our|my)\s+"
    r"(?:recent\s+|earlier\s+)?(?:conversation|telephone\s+(?:call|conversation)|phone\s+call|call|discussion|chat|meeting)\b",
    ("discussed", "agreed", "conversation", "telephone", "phone", "call", "discussion", "chat", "meeting"),
)
_SENTENCE_END = re.compile(r"[.?!\n]")
_IDENTIFIED_BY = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\bdated\b|(?<![\d/])(?!(?:19|20)\d\d\b)\d{3,}|\b(?:ref(?:erence)?|crime\s+number|incident\s+number|log\s+number)\b|"
                            r"\b" + patterns.MONTH_NAME + r"\b")
_NOT_THINGS = frozenset({"above", "below", "following", "same", "time", "period", "years", "year", "data", "information",
                         "figures", "questions", "question", "request", "requests", "reasons", "way", "ways", "act"})


def _pointer(view: PartView, before: str) -> re.Match[str] | None:
    """The first thing `view` points at that nothing in the letter before it describes."""
    for match in _POINTED.finditer(view.low):
        head = match.group(2) or match.group(5)
        if not head or head in _NOT_THINGS or _INSIDE.match(view.low, match.end()):
            continue
        sentence = _SENTENCE_END.split(view.low[match.start():], maxsplit=1)[0]
        if _IDENTIFIED_BY.search(sentence):
            continue  # "the crime I reported to you on 3 May 2021 (reference 1234)"
        start = match.start(2) if match.group(2) else match.start(5)
        if view.text[start:start + 1].isupper():
            continue  # a name ("the Taser Review mentioned"): identified by the name itself
        stem = head[:-1] if head.endswith("s") and len(head) > 4 else head
        earlier = before + view.low[:match.start()]
        if re.search(r"\b" + re.escape(stem) + r"\w*", earlier):
            continue  # already described: "a speed camera … the camera mentioned"
        return match
    return None


@request_rule("clarity.outside-referent", "clarity", "warning", law="clarify",
              title="Points at something the letter never describes")
def outside_referent(rule: Rule, ctx: Context):
    views = ([ctx.intro_view] if ctx.intro else []) + list(ctx.items)
    for number, view in enumerate(views):
        if not _POINTED.could_match(view.low) or _POINTED.search(view.low) is None:
            continue
        match = _pointer(view, "\n".join(v.low for v in views[:number]))
        if match is not None:
            said = view.text[match.start():match.end()]
            return rule.at(
                ctx, None if view.is_intro else view,
                f"{view.label} refers to '{said}', but the letter never says what it is. The officer who "
                "handles the request has only the letter, so the force will ask which you mean "
                f"({ctx.section('clarify')}), and the {ctx.law.working_days} working days start again when "
                "you reply.",
                suggestion="Describe it in the letter itself: what it is, when and where it happened, and any "
                "reference number you were given.",
                span=match.span(),
            )
    if ctx.anywhere(_CONVERSATION):
        return rule.at(
            ctx, None,
            "The request relies on an earlier conversation ('as discussed', 'following our call'). The officer "
            "who answers may not be the one you spoke to and reads the letter alone: anything agreed then must "
            "be in the letter.",
            suggestion="Write out what was discussed that bears on the request: what you want, the dates, and any "
            "narrowing you agreed.",
            severity="info",
        )
    return None


# "2021-2022" is one financial year or two calendar years; a force answers one way and says which.
_CONSECUTIVE = Gate(r"(?<![\d/£$])(?:19|20)(\d\d)\s*[-–]\s*(?:19|20)(\d\d)(?![\d/])", None)
_MONTHS = re.compile(r"\b" + patterns.MONTH_WORD + r"\b")


def _two_years(rule: Rule, ctx: Context, item: PartView):
    match = next((m for m in _CONSECUTIVE.finditer(item.low) if int(m.group(2)) == int(m.group(1)) + 1), None)
    if match is None or _MONTHS.search(item.low):
        return None  # months say where the years start
    said = item.text[match.start():match.end()]
    return rule.at(
        ctx, item,
        f"{item.label} gives the period as '{said}', which reads either as one financial year (April to March) "
        "or as two calendar years. The force will pick one and say so, or ask which you meant.",
        suggestion=f"Write 'the financial year {match.group(0)[:4]}/{match.group(2)}' or 'the calendar years "
        f"{match.group(0)[:4]} and {match.group(0)[:2]}{match.group(2)}'.",
        span=match.span(), severity="info",
    )
