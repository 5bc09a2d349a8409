"""What the checker reports: a `Finding`, and the `Fix` the GUI can apply to act on it.

Both are frozen dataclasses (cheap to build on every keystroke, safe to share between threads).
A `Fix` is data, never a callable: `composer.operations.request.apply_fix` turns it into a new
Request.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, get_args

Severity = Literal["error", "warning", "info"]
Category = Literal[
    "validity",
    "cost",
    "personal_data",
    "exemption",
    "clarity",
    "format",
    "jurisdiction",
    "tone",
    "completeness",
]

CATEGORIES: tuple[str, ...] = get_args(Category)
SEVERITIES: tuple[str, ...] = get_args(Severity)
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}

FixKind = Literal["replace_text", "set_option", "set_format", "add_module", "reorder", "remove_part"]


@dataclass(frozen=True, slots=True)
class Fix:
    """A change the user can accept with one click.

    - ``replace_text``: ``part_id`` gets ``new_text`` (``part_id`` None: the introduction).
    - ``set_option``: ``Options.<name> = value``.
    - ``set_format``: answer format ``value`` (e.g. "csv") for the parts in ``part_ids``
      (empty: the whole request).
    - ``add_module``: append the bank module ``module_id``'s questions as new parts.
    - ``reorder``: top-level parts in ``order``, with priorities 1..N (as `accept_order`).
    - ``remove_part``: drop ``part_id`` (an empty part).
    """

    kind: FixKind
    label: str
    part_id: str | None = None
    new_text: str | None = None
    name: str | None = None
    value: Any = None
    part_ids: tuple[str, ...] = ()
    module_id: str | None = None
    order: tuple[str, ...] = ()


SOURCE = "Source: "  # a line of a finding's reasoning that cites the guidance or decision it rests on


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing an FOI officer would pick up in a draft, with the law it rests on."""

    rule: str
    category: Category
    severity: Severity
    part_id: str | None
    message: str
    law: str
    suggestion: str | None = None
    span: tuple[int, int] | None = None
    fix: Fix | None = None
    ncnd: bool = False  # the force would neither confirm nor deny holding it
    reasoning: tuple[str, ...] = ()  # how the checker got there: the reading, estimates, counts
    also: tuple[str, ...] = ()  # other rules whose evidence was combined into this finding

    def why(self) -> tuple[str, ...]:
        """How the checker got there (the reading, the estimate, the counts), without the sources."""
        return tuple(line for line in self.reasoning if not line.startswith(SOURCE))

    def sources(self) -> tuple[str, ...]:
        """The guidance and decisions the finding rests on (addresses of web pages)."""
        return tuple(line[len(SOURCE):] for line in self.reasoning if line.startswith(SOURCE))

    def as_dict(self, part_number: str | None) -> dict[str, Any]:
        """The JSON shape the `check --json` command prints."""
        return {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "part": part_number,
            "message": self.message,
            "law": self.law,
            "suggestion": self.suggestion,
            "ncnd": self.ncnd,
            "reasoning": list(self.reasoning),
            "also": list(self.also),
        }


def same_kind(findings: list[Finding], finding: Finding) -> list[Finding]:
    """The findings in `findings` of the same rule as `finding` (leading or folded in) whose fixes
    can all be accepted together: one per part, each changing only its own part (or an option)."""
    if finding.fix is None:
        return []
    rules = {finding.rule}
    kind = finding.fix.kind
    if kind not in ("replace_text", "set_option", "remove_part"):
        return [finding]
    chosen: list[Finding] = []
    parts: set[str | None] = set()
    for other in findings:
        if other.fix is None or other.fix.kind != kind or not (rules & {other.rule, *other.also}):
            continue
        target = other.fix.part_id if kind != "set_option" else other.fix.name
        if target in parts:
            continue
        parts.add(target)
        chosen.append(other)
    return chosen
