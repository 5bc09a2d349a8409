"""Which force a letter writes to and which Act it cites, read from its text alone.

The engine asks this to pick the Act in play when a check has no force; the jurisdiction rules ask
it too. It needs nothing from the engine, so the engine can import it at the top (no import circle).
"""

from __future__ import annotations

import re

from composer.checker.patterns import remembered
from composer.force_names import force_by_id
from composer.force_names import named_forces as _named_forces
from composer.model import Act, Force

FOISA = re.compile(r"freedom\s+of\s+information\s+\(scotland\)\s+act(?:\s+2002)?|\bfoisa\b|\bfoi\(s\)a\b")
FOIA = re.compile(r"freedom\s+of\s+information\s+act(?:\s+2000)?|\bfoia\b")
_ADDRESSED = re.compile(
    r"\bdear\s+(?P<to>[^,\n]{2,80})"
    r"|\binformation\s+(?:held\s+)?(?:from|by)\s+(?P<from>[^,.\n:]{2,80})"
    r"|\brequest\s+to\s+(?P<req>[^,.\n:]{2,80})",
    re.IGNORECASE,
)

# The force-name detector (composer.force_names) is shared with the letters and the importer;
# its results are remembered here like every other search on a part's text.
named_forces = remembered(_named_forces)


def addressed_force(head: str) -> Force | None:
    """The force a letter itself writes to ("Dear West Midlands Police", "information from …"),
    read from `head`: its introduction, or its first part when it has none."""
    for match in _ADDRESSED.finditer(head):
        fragment = match.group("to") or match.group("from") or match.group("req") or ""
        named = named_forces(fragment)
        if named:
            return force_by_id(named[0][0])
    return None


@remembered
def cited_acts(text: str) -> frozenset[Act]:
    low = text.lower()
    acts: set[Act] = set()
    if "foi" not in low and "freedom" not in low:
        return frozenset()
    if FOISA.search(low):
        acts.add(Act.FOISA)
    stripped = FOISA.sub(" ", low)
    if FOIA.search(stripped):
        acts.add(Act.FOIA)
    return frozenset(acts)
