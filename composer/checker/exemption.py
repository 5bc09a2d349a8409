"""Exemptions that lead to "neither confirm nor deny" (FOIA s1(1)(a) with s23(5), s24(2), s30(3),
s31(3); FOISA s18): when even saying whether information is held would reveal something about
covert methods, the security bodies, a specific operation or investigation, a force refuses
to confirm or deny. The rules look for wording that narrows a question that far."""

from __future__ import annotations

import re

from composer.checker import patterns as p
from composer.checker.patterns import Gate
from composer.checker.engine import Context, PartView, Rule, part_rule

_COVERT = Gate(
    r"\bcovert\w*|\bundercover\b|\binformants?\b|\bchis\b|\bcovert\s+human\s+intelligence\b|\bripa\b|"
    r"\bregulation\s+of\s+investigatory\s+powers\b|\binvestigatory\s+powers\b|\bdirected\s+surveillance\b|"
    r"\bintrusive\s+surveillance\b|\bintercept(?:s|ed|ion|ions)?\b|\bimsi\b|\bstingray\b|"
    r"\bcell[\s-]+site\s+simulators?\b|\bequipment\s+interference\b|\bhacking\b|"
    r"\bsurveillance\s+(?:work|operations?|tactics?|techniques?|capabilit\w*|activit\w*|purposes?|flights?)\b|"
    r"\bfor\s+(?:the\s+purposes?\s+of\s+)?surveillance\b|"
    r"\b(?:tactics|techniques|methods)\s+(?:used|employed|deployed)\s+(?:to|for|in|against)\b",
    ("covert*", "undercover", "informant", "informants", "chis", "ripa", "regulation", "investigatory", "directed", "intrusive", "intercept*", "imsi", "stingray", "cell", "equipment", "hacking", "surveillance", "tactics", "techniques", "methods"),
)
_SECURITY = Gate(
    r"\bmi5\b|\bmi6\b|\bgchq\b|\bsecurity\s+service\b|\bsecret\s+intelligence\s+service\b|"
    r"\bsecurity\s+and\s+intelligence\s+(?:services|agencies)\b|\bintelligence\s+agencies\b|"
    r"\bcounter[\s-]+terror\w*|\bnational\s+security\b|\bspecial\s+branch\b|\bnctphq\b",
    ("mi5", "mi6", "gchq", "security", "intelligence", "counter", "special", "nctphq"),
)
_OPERATION_NAME = Gate(r"\b[Oo]peration\s+[A-Z][a-z]{2,}\b", ("operation",))
_DEPLOYMENT = Gate(
    r"\b(?:dates?|times?|locations?|places?|sites?|where\s+and\s+when|when\s+and\s+where)\b[^.?\n]{0,60}?"
    r"\b(?:deploy\w*|stationed|positioned|sited|installed|flown)\b"
    r"|\bdeployment\s+(?:locations?|dates?|times?|schedules?|plans?|sites?)\b"
    r"|\bwhere\s+(?:are|were|is|was)\s+(?:the\s+)?(?:\w+\s+){0,3}(?:cameras?|vans?|units?|devices?|drones?|"
    r"officers?)\s+(?:deployed|located|positioned|sited|stationed|used)\b"
    r"|\blocations?\s+of\s+(?:all\s+|the\s+|each\s+|your\s+)?(?:anpr|cameras?|covert|surveillance|firearms?|"
    r"armed|vans?|devices?|drones?)\b",
    (("date", "dates", "time", "times", "location", "locations", "place", "places", "site", "sites", "where", "when",
      "deployment"),
     ("deploy*", "stationed", "positioned", "sited", "installed", "flown", "located", "used", "anpr", "camera*",
      "covert*", "surveillance", "firearm*", "armed", "van", "vans", "device", "devices", "drone", "drones",
      "locations", "dates", "times", "schedule", "schedules", "plan", "plans", "sites")),
)
_INVESTIGATION = Gate(
    r"\b(?:the|this|that)\s+(?:incident|investigation|case|inquiry|enquiry|allegation|arrest|complaint|operation)\s+"
    r"(?:at|in|on|into|of|involving|concerning|regarding|about|relating|against)\b"
    r"|\bin\s+relation\s+to\s+this\s+(?:case|incident|matter)\b|\bthis\s+(?:case|incident|matter|investigation)\b"
    r"|\bthe\s+(?:\w+\s+){0,2}(?:vehicle|car|van|officers?|unit|dog|helicopter)\s+involved\b"
    r"|\bon\s+that\s+(?:day|date|night|occasion)\b",
    ("incident", "investigation", "case", "inquiry", "enquiry", "allegation", "arrest", "complaint", "operation",
     "matter", "involved", "that"),
)
_UNDER_CAUTION = Gate(r"\binterview(?:ed|s)?\s+(?:\(\w\)\s+)?under\s+caution\b", ("caution",))


@part_rule("exemption.covert", "exemption", "warning", law="covert", title="Covert methods", intro=True)
def covert(rule: Rule, ctx: Context, item: PartView):
    match = _COVERT.search(item.low)
    if not match:
        return
    return rule.at(
        ctx, item,
        f"{item.label} touches on covert methods ('{item.text[match.start():match.end()]}'). "
        "Forces neither confirm nor deny whether they use or hold information about covert "
        f"tactics ({ctx.section('law_enforcement')}, and {ctx.section('security')} where the "
        "security bodies may be involved), because confirming it would help people avoid them.",
        suggestion="Ask about the published side instead: the policy or code of practice, the "
        "number of authorisations (the Investigatory Powers Commissioner publishes totals), or "
        "spending, rather than whether a tactic is used or where.",
        span=match.span(),
    )


@part_rule("exemption.security-bodies", "exemption", "warning", law="security", title="National security", intro=True)
def security_bodies(rule: Rule, ctx: Context, item: PartView):
    match = _SECURITY.search(item.low)
    if not match:
        return
    return rule.at(
        ctx, item,
        f"{item.label} concerns national security ('{item.text[match.start():match.end()]}'). "
        "Information supplied by or about the security bodies is absolutely exempt, and forces "
        f"neither confirm nor deny holding it ({ctx.section('security')}).",
        suggestion="Keep the question to the force's own policy, spending or totals, and leave "
        "out any link to the security and intelligence agencies.",
        span=match.span(),
    )


@part_rule("exemption.specific-operation", "exemption", "warning", law="operation",
           title="A specific operation, place or date of deployment", intro=True)
def specific_operation(rule: Rule, ctx: Context, item: PartView):
    match = _OPERATION_NAME.search(item.text, item.low) or _DEPLOYMENT.search(item.low)
    if not match:
        return
    return rule.at(
        ctx, item,
        f"{item.label} asks about a specific operation or where and when resources are used "
        f"('{item.text[match.start():match.end()]}'). Forces withhold, or neither confirm nor deny, "
        f"details that show where and when they deploy, under {ctx.section('law_enforcement')}.",
        suggestion="Ask for totals over a period and the whole force area (for example the number "
        "of deployments per year) instead of places, dates or a named operation.",
        span=match.span(),
    )


@part_rule("exemption.specific-investigation", "exemption", "warning", law="investigation",
           title="A specific investigation or incident", intro=True)
def specific_investigation(rule: Rule, ctx: Context, item: PartView):
    match = _INVESTIGATION.search(item.low)
    if not match:
        caution = _UNDER_CAUTION.search(item.low)
        if caution and not (ctx.has_period(item.low) or ctx.has_period(ctx.intro_low)):
            match = caution  # interviews counted with no period: about one investigation
    if not match:
        return
    return rule.at(
        ctx, item,
        f"{item.label} is about one investigation or incident "
        f"('{item.text[match.start():match.end()]}'). Forces usually neither confirm nor deny "
        f"holding information about a particular investigation ({ctx.section('investigation')}) or "
        f"the people in it ({ctx.section('personal_ncnd')}).",
        suggestion="Ask about the force's handling of such cases in general (policies, totals per "
        "year) rather than one case; if it concerns you, ask for your own information by a "
        "subject access request.",
        span=match.span(),
    )


_ONGOING = Gate(
    r"\b(?:currently|presently|now|still)\s+(?:being\s+)?(?:under\s+investigation|investigated|suspended|"
    r"subject\s+to\s+(?:an?\s+)?(?:investigation|proceedings|misconduct|disciplinary))"
    r"|\bongoing\s+(?:investigations?|misconduct|disciplinary|proceedings|cases?)\b"
    r"|\bsubject\s+to\s+(?:disciplinary|misconduct|criminal)\s+(?:proceedings|investigations?|action)\b"
    r"|\bunder\s+investigation\b",
    ("currently", "presently", "now", "still", "ongoing", "subject", "under"),
)


@part_rule("exemption.ongoing-investigation", "exemption", "warning", law="investigation",
           title="People currently under investigation", intro=True)
def ongoing_investigation(rule: Rule, ctx: Context, item: PartView):
    match = _ONGOING.search(item.low)
    if not match:
        return None
    return rule.at(
        ctx, item,
        f"{item.label} asks about investigations or proceedings against people "
        f"('{item.text[match.start():match.end()]}'). Forces often neither confirm nor deny "
        f"holding this ({ctx.section('investigation')}), because even a count of people now under "
        "investigation in a small unit can warn them or identify them, and the personal-data "
        f"exemption adds to it ({ctx.section('personal_ncnd')}).",
        suggestion="Ask for concluded cases over a past period (for example investigations closed "
        "in each of the last three years, by outcome), not for cases still open or for a small unit.",
        span=match.span(),
    )
