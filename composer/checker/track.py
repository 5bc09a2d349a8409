"""Each warning's track record: how often warnings of its kind came true on real requests that no
one writing the rules had read.

`bench/corpus_eval.py --holdout FILE ... --write-track` checks cases kept back for measuring, and
counts, per rule, the requests it warned on and how many of those the force met on that ground
with its first answer (`resources/track.json`: rule ids and counts, never a word of a case). A
warning whose rule warned on at least `MIN_WARNED` of them says so in its reasoning, so the person
reading it can weigh it: a warning borne out 9 times in 38 is a risk to consider, not a verdict.
A message says what the force will likely do only where the evidence agrees (`chance`), so the
warning never claims more than the record beneath it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from composer import paths
from composer.checker.engine import ANNOTATORS
from composer.checker.findings import Finding
from composer.errors import FileProblem

TRACK_PATH = paths.RESOURCES / "track.json"
MIN_WARNED = 5  # fewer than this says too little to be worth a line


@dataclass(frozen=True, slots=True)
class Record:
    warned: int
    right: int

    def words(self) -> str:
        return (f"Track record: on real requests the rules were not written from, the force's first answer bore "
                f"out a warning like this {self.right} {'time' if self.right == 1 else 'times'} in {self.warned}.")


def shown(rule: str, table: dict[str, Record] | None = None) -> Record | None:
    """The record a warning of `rule` carries in its reasoning (`annotate`), if any."""
    record = (records() if table is None else table).get(rule)
    return record if record is not None and record.warned >= MIN_WARNED else None


def likely(rule: str, *, p: float | None = None, table: dict[str, Record] | None = None) -> bool:
    """Whether a message may call what a warning of `rule` foresees more likely than not: not when
    the record it carries was borne out fewer than half the times, nor when the estimate `p` it
    rests on (a share of requests like it) is below one half."""
    if p is not None and p < 0.5:
        return False
    record = shown(rule, table)
    return record is None or 2 * record.right >= record.warned


def chance(rule: str, who: str, does: str, *, p: float | None = None,
           table: dict[str, Record] | None = None) -> str:
    """The one wording of how likely it is that `who` `does` what a warning of `rule` foresees
    ("A force", "refuse it under section 12"): "more likely than not" where `likely`, else "may",
    with the reason when it is the record that says so."""
    if likely(rule, p=p, table=table):
        return f"{who} is more likely than not to {does}"
    if shown(rule, table) is not None and (p is None or p >= 0.5):
        return (f"{who} may {does} (on real requests, fewer than half of the warnings like this were borne out: "
                "a risk to weigh, not a verdict)")
    return f"{who} may {does}"


def read(path=TRACK_PATH) -> dict[str, Record]:
    """The records in `path`; none when nothing has been measured."""
    try:
        data = json.loads(path.read_text("utf-8"))
        records = {str(rule): Record(int(entry["warned"]), int(entry["right"])) for rule, entry in data["rules"].items()}
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise FileProblem(f"{path}: the checker's track records cannot be read ({exc}); restore the file from "
                          "the project or rewrite it with bench/corpus_eval.py --holdout FILE --write-track") from exc
    if any(r.warned < 0 or not 0 <= r.right <= r.warned for r in records.values()):
        raise FileProblem(f"{path}: a track record counts more right than warned; rewrite it with "
                          "bench/corpus_eval.py --holdout FILE --write-track")
    return records


def as_json(records: dict[str, Record], **about: object) -> dict:
    return {**about, "rules": {rule: {"warned": r.warned, "right": r.right} for rule, r in sorted(records.items())}}


_LOADED: list[dict[str, Record]] = []


def records() -> dict[str, Record]:
    """The records the app ships, read once."""
    if not _LOADED:
        _LOADED.append(read())
    return _LOADED[0]


def annotate(found: list[Finding], table: dict[str, Record] | None = None) -> list[Finding]:
    """`found` with a line of track record in the reasoning of each warning or error that has one."""
    table = records() if table is None else table
    if not table:
        return found
    out = []
    for finding in found:
        record = shown(finding.rule, table)
        if finding.severity != "info" and record is not None:
            finding = replace(finding, reasoning=finding.reasoning + (record.words(),))
        out.append(finding)
    return out


ANNOTATORS.append(annotate)
