"""The compliance checker: reads a draft request the way a police FOI officer would and reports,
part by part, what will get it delayed, narrowed or refused, with the section it rests on and,
where one exists, a better wording or a fix the GUI can apply.

    from composer.checker import check
    from composer.operations.request import apply_fix
    findings = check(request, force=force, requester=requester)
    request = apply_fix(request, fix=findings[0].fix).value

One module per category of rules; `engine` runs them. No Qt, no I/O beyond reading the
glossary and the force directory once.
"""

from composer.checker import (  # noqa: F401  (importing a rule module registers its rules)
    clarity,
    completeness,
    cost,
    evidence,  # after the rules: weighs what they found together, per ground
    exemption,
    format,
    jurisdiction,
    personal_data,
    tone,
    track,  # last: each warning's record on requests kept back from the rules' writers
    validity,
)
from composer.checker.engine import RULES, Context, Rule, check, signoff_name
from composer.checker.findings import CATEGORIES, SEVERITIES, Finding, Fix

__all__ = [
    "CATEGORIES",
    "RULES",
    "SEVERITIES",
    "Context",
    "Finding",
    "Fix",
    "Rule",
    "check",
    "signoff_name",
]
