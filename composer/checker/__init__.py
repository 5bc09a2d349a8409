"""The compliance checker: reads a draft request the way a police FOI officer would and reports,
part by part, what will get it delayed, narrowed or refused, with the section it rests on and,
where one exists, a better wording or a fix the GUI can apply.

    from composer.checker import check, apply_fix
    findings = check(request, force=force, requester=requester)
    request = apply_fix(request, findings[0].fix)

One module per category of rules; `engine` runs them. No Qt, no I/O beyond reading the
glossary and the force directory once.
"""

from composer.checker import (  # noqa: F401  (importing a rule module registers its rules)
    clarity,
    completeness,
    cost,
    exemption,
    format,
    jurisdiction,
    personal_data,
    tone,
    validity,
)
from composer.checker.engine import RULES, Context, Rule, check, signoff_name
from composer.checker.findings import CATEGORIES, SEVERITIES, Finding, Fix
from composer.checker.fixes import apply_fix

__all__ = [
    "CATEGORIES",
    "RULES",
    "SEVERITIES",
    "Context",
    "Finding",
    "Fix",
    "Rule",
    "apply_fix",
    "check",
    "signoff_name",
]
