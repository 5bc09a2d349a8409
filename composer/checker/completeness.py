"""Completeness: for a request about an algorithmic or risk-scoring system, the questions a
campaigner most often regrets leaving out: what data the system uses, its data protection and
equality impact assessments (UK GDPR Art 35; Equality Act 2010 s149), how it was tested for
bias, and who it was used on. Each missing one is offered as a module from the question bank."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from composer.checker import patterns as p
from composer.checker.engine import Context, Rule, request_rule
from composer.checker.findings import Fix
from composer.checker.patterns import Gate
from composer.law import GB_DUTY, NI_DUTY, duty_of

_ALGORITHMIC = Gate(
    r"\bpredict\w*|\balgorithm\w*|\bartificial\s+intelligence\b|\bmachine[\s-]+learning\b|"
    r"\brisk[\s-]+(?:scor\w*|model\w*|matri\w*|assessment\s+tools?)\b|\bfacial\s+recognition\b|"
    r"\bautomated\s+decision|\bdata\s+analytics\b|\bprofiling\b|\bscoring\b|\bharm\s+(?:index|score)\w*",
    ("predict*", "algorithm*", "artificial", "machine", "risk", "facial", "automated", "analytics", "profiling",
     "scoring", "harm"),
)
_AI = Gate(r"\bAI\b", ("ai",))


def _named_duties() -> str:
    """The equality duties as a request names them: "s149", "section 75", "public sector equality duty"."""
    named = []
    for duty in (GB_DUTY, NI_DUTY):
        number = duty.section.removeprefix("section ")
        words = r"\s+".join(duty.name.removeprefix("the ").split())
        named += [rf"\bs\.?\s?{number}\b", rf"section\s+{number}\b", words]
    return "|".join(named)


@dataclass(frozen=True)
class _Topic:
    modules: tuple[str, ...]  # bank modules that ask it, the best first
    rule_id: str
    label: str
    why: str
    pattern: Gate


_TOPICS = (
    _Topic(("data_categories", "workings"), "completeness.workings", "what data the system uses",
           "without it you cannot tell whether the inputs (arrest records, intelligence, "
           "postcodes) carry bias into the output",
           Gate(r"\bwhat\s+(?:data|information)\b|\bdata\s+(?:inputs?|sources?|fields?|used|categories)\b|"
                      r"\binputs?\b|\bvariables\b|\bfactors\b|\btraining\s+data\b|"
                      r"\b(?:types?|categor(?:y|ies)|kinds?|sources?)\s+of\s+(?:data|information)\b|"
                      r"\bhow\s+(?:the\s+)?(?:system|tool|model|it)\s+works?\b", None)),
    _Topic(("assessments",), "completeness.assessments", "its impact assessments (DPIA, EIA)",
           "a force must carry out a data protection impact assessment before high-risk "
           "processing (UK GDPR Art 35), and an equality impact assessment is how it shows it "
           "considered {duty.name}",
           Gate(r"\bdpias?\b|data\s+protection\s+impact|\beias?\b|equality\s+impact|privacy\s+impact|"
                      r"\bpias?\b|impact\s+assessments?", None)),
    _Topic(("bias_testing",), "completeness.bias-testing", "how it was tested for bias",
           "{duty.name} ({duty.cited}) requires the force to have considered the system's effect on "
           "{duty.protects}",
           Gate(r"\bbias\w*|\bpsed\b|disproportional\w*|discriminat\w*|" + _named_duties(), None)),
    _Topic(("usage_data", "individuals"), "completeness.usage-data", "who it was used on (age, ethnicity, sex)",
           "figures on the people a system flagged are the only way to see whom it affects",
           p.DEMOGRAPHICS),
)


@lru_cache(maxsize=1)
def _bank_modules() -> frozenset[str]:
    try:
        from composer.bank import load_bank

        bank = load_bank()
    except Exception:  # no bank, or a broken one: offer advice without a one-click fix
        return frozenset()
    return frozenset(m.id for m in getattr(bank, "modules", []))


def _about_algorithmic_system(ctx: Context) -> bool:
    return ctx.anywhere(_ALGORITHMIC) or ctx.anywhere(_AI, case_sensitive=True)


def _covered(ctx: Context, topic: _Topic) -> bool:
    prefixes = tuple(m + "." for m in topic.modules)
    if any((item.part.source or "").startswith(prefixes) for item in ctx.items):
        return True
    return ctx.anywhere(topic.pattern)


def _make(topic: _Topic):
    equality = topic.modules[0] in ("assessments", "bias_testing")

    @request_rule(topic.rule_id, "completeness", "info", law="equality" if equality else "advice",
                  title=f"Missing: {topic.label}")
    def rule_func(rule: Rule, ctx: Context):
        if not ctx.items or not _about_algorithmic_system(ctx) or _covered(ctx, topic):
            return
        available = _bank_modules()
        module = next((m for m in topic.modules if m in available), None)
        fix = None
        if module is not None:
            fix = Fix("add_module", f"Add questions on {topic.label}", module_id=module)
        yield rule.at(
            ctx, None,
            f"The request is about an algorithmic system but does not ask {topic.label}; "
            f"{topic.why.format(duty=duty_of(ctx.force))}.",
            suggestion=f"Add the question bank's '{module or topic.modules[0]}' questions.",
            fix=fix,  # its law, from the rule's topic, cites the duty that binds the force (law.cite)
        )

    return rule_func


for _topic in _TOPICS:
    _make(_topic)
