"""One judgement for `check --force` and `export`: what the checker says about a request as one
force will read it, and whether its letter may be written.

`judge()` is the only place either command asks the checker about a force, so the two can never
disagree: a letter that `check --force` calls an error is one `export` does not write (unless the
user says `--anyway`), and the export dialog shows the same findings before it writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from composer.law import field_values
from composer.model import Force, Request, Requester, joined, unfilled_fields


def judge(request: Request, force: Force | None, requester: Requester | None = None, *,
          for_many: bool = False) -> list:
    """The checker's findings on `request` for `force` (None: for no force in particular), and
    a field left unfilled in the title, which becomes each letter's subject and file name.
    `for_many`: one of many forces judged in turn (`check`'s `for_many`: the same findings, sooner)."""
    from composer.checker import Finding, check
    from composer.checker.sections import LAW

    findings = check(request, force=force, requester=requester, for_many=for_many)
    if force is not None:
        left = unfilled_fields(request.title, field_values(request, force))
        if left:
            findings.insert(0, Finding(
                rule="jurisdiction.unfilled-field", category="jurisdiction", severity="error",
                part_id=None, law=LAW["described"][force.act],
                message=f"The title has the field {{{left[0]}}}, which has no value yet, so the "
                "letter's subject and file name would carry the placeholder.",
                suggestion=f"Fill in '{left[0]}' in the request's fields, or write the title out.",
            ))
    return findings


@dataclass(frozen=True)
class ForceJudgement:
    """The findings for one force, with the part numbers its letter will print."""

    force: Force
    findings: tuple
    numbers: dict[str, str]

    @property
    def errors(self) -> list:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def writable(self) -> bool:
        return not self.errors

    def where(self, finding) -> str:
        if finding.part_id is None:
            return "the whole request"
        return f"part {self.numbers.get(finding.part_id, '?')}"

    def lines(self, severity: str = "error") -> list[str]:
        """`Police Scotland: part 2: <finding> Fix: <what to do>` for each finding of `severity`."""
        out = []
        for f in self.findings:
            if f.severity != severity:
                continue
            fix = f" Fix: {f.suggestion}" if f.suggestion else ""
            out.append(f"{self.force.name}: {self.where(f)}: {f.message}{fix}")
        return out


def shared_lines(judgements: Sequence[ForceJudgement], everyone: Sequence[str],
                 severity: str = "error") -> list[str]:
    """`lines()` for several forces, each finding said once with the forces it holds for:
    `all 45 letters: the whole request: …` when every letter (of the forces named in
    `everyone`) has it, `Kent Police and Police Scotland: part 2: …` when a few do."""
    groups: dict[tuple[str, str], list[str]] = {}
    for judgement in judgements:
        for f in judgement.findings:
            if f.severity == severity:
                fix = f" Fix: {f.suggestion}" if f.suggestion else ""
                groups.setdefault((judgement.where(f), f"{f.message}{fix}"), []).append(judgement.force.name)
    return [f"{_who(names, everyone)}: {where}: {text}" for (where, text), names in groups.items()]


def shared_messages(messages: Sequence[str], everyone: Sequence[str]) -> list[str]:
    """Messages of the form `Kent Police: …` (a letter's warnings), each said once with the
    forces it holds for; the force's own name later in the message becomes "each of them"."""
    groups: dict[str, list[str]] = {}
    for message in messages:
        name = next((n for n in everyone if message.startswith(f"{n}: ")), None)
        if name is None:
            groups.setdefault(message, [])
            continue
        groups.setdefault(message[len(name) + 2:].replace(name, "\0"), []).append(name)
    out = []
    for rest, names in groups.items():
        if not names:
            out.append(rest)
        elif len(names) == 1:
            out.append(f"{names[0]}: {rest.replace(chr(0), names[0])}")
        else:
            out.append(f"{_who(names, everyone)}: {rest.replace(chr(0), 'each of them')}")
    return out


def _who(names: list[str], everyone: Sequence[str]) -> str:
    total = len(everyone)
    if len(names) == total > 3:
        return f"all {total} letters"
    if len(names) <= 3:
        return joined(names)
    left_out = [n for n in everyone if n not in names]
    if len(left_out) <= 2:
        return f"all {total} letters but {' and '.join(left_out)}'s"
    return f"{', '.join(names[:2])} and {len(names) - 2} other forces"


def judge_forces(request: Request, forces: Sequence[Force], requester: Requester | None) -> list[ForceJudgement]:
    numbers = {n.part.id: n.number for n in request.numbered()}
    many = len(forces) > 1
    return [ForceJudgement(force, tuple(judge(request, force, requester, for_many=many)), numbers) for force in forces]
