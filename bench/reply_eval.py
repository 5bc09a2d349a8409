"""How well the product reads real replies it was not written from.

Reads JSON-lines cases given as arguments, or with none every `*.jsonl` in ../shared/replies/
(or $FOI_COMPOSER_SHARED/replies/). Each case is one force's first reply to one request:

    id, force_id, campaign (a slug shared by every copy of one request sent to many forces),
    request_text, outcome (the force's first reply: s12_cost | clarification | s40_personal |
    ncnd | not_held | disclosed | partial_other | s21_s22_elsewhere | s14_vexatious),
    sections_cited (["12", "40(2)"]), parts ([{part: "1c", outcome, sections}], where the
    reply shows what was done with each; a part's outcome is `answered` or one of the refusal
    labels above), reply_file (the path of the reply's text; a relative path is read from
    beside the cases' file).

Each case is read as the product reads it: the request imported from its text and fitted to
every force, as `foi-composer import` does (`composer.operations.fitting.import_text`), then the
reply read with `composer.replies.read_reply` for the force it came from, under the force's
Act; a part the reply does not speak to is given what coverage gives it
(`composer.coverage.reading_cell`). Reply texts are other people's words: they are read from
where they are kept at run time, and only counts and labels are printed (`--verbose` adds each
case's id, never its words).

What is scored, each with a 90% Wilson score interval:

- reply kind right. The outcome label says what the force did first; the kinds that count as
  right for it are:

      disclosed          answered
      not_held           not held
      clarification      clarification asked
      partial_other      partly answered
      s12_cost           refused (partly answered too when the case's parts say some were answered:
      s14_vexatious      refused              the labelling rules call s12 with goodwill data s12)
      s40_personal       partly answered or refused (withholding names or small numbers from an
      ncnd               partly answered or refused  answer, or the whole of it)
      s21_s22_elsewhere  partly answered or refused (pointing to where it is published)

  An acknowledgement, an extension notice or no kind at all is never right for a first reply.
- first-reply label right: the reading turned back into the outcome label, strictly (answered
  -> disclosed; not held -> not_held; clarification -> clarification; refused or partly
  answered -> the ground the sections and words name: s12 -> s12_cost, s14 -> s14_vexatious,
  neither confirm nor deny -> ncnd, published or to be (FOIA s21/s22, FOISA s25/s27) alone ->
  s21_s22_elsewhere, personal data (FOIA s40, FOISA s38) with no other exemption but those ->
  s40_personal, any other exemption -> partial_other),
  with a confused-with table.
- sections found against sections cited, by section number (s40(2) and s40(5) are both 40;
  FOISA numbers as FOISA; a cited number that is no ground of refusal under the Act, such as
  the s17 notice, is left out): recall over the cited ones, precision over the found ones.
- per part, for cases whose parts are known and numbered as the imported request numbers them
  (a part the import numbers otherwise, "3" read as "2b", is counted apart): the outcome right (the reader's part turned into a
  label as above), the confused-with table, and how many parts the reader could not place (the
  reply's own words about the part were not found, so the part took the whole reply's kind).

Tuning and reporting. A change to the reader that is tuned on these cases must be scored on
campaigns it was not tuned on. The campaigns are split in two by a fixed hash of the slug
(`half()`: the first byte of its SHA-256, even -> "tune", odd -> "report"); work on the reader
looks only at the tune half, and the report half is scored before and after, each once.
`--half tune|report` scores one half; without it both are printed, each on its own.

`--pasted pdf|email|forwarded` reads each reply as it would come if pasted from a PDF (wrapped,
hyphenated, with page numbers, markings and a running head), as an email that quotes the
request below it, or forwarded whole ('>' before every line); as the words are the same, the
figures should be the same as for the plain text.

    python bench/reply_eval.py [FILE ...] [--half tune|report] [--pasted plain|pdf|email|forwarded]
                               [--verbose] [--json]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(PROJECT / "bench"))

from corpus_eval import read_cases as read_lines  # noqa: E402  (beside this file)
from corpus_eval import wilson  # noqa: E402

LABELS = ("disclosed", "not_held", "clarification", "s12_cost", "s14_vexatious", "ncnd", "s40_personal",
          "s21_s22_elsewhere", "partial_other")
PART_LABELS = ("answered", *LABELS[1:])


def half(campaign: str) -> str:
    """'tune' or 'report': a fixed split of the campaigns by a hash of the slug."""
    return "tune" if hashlib.sha256(campaign.encode("utf-8")).digest()[0] % 2 == 0 else "report"


def shared_replies_dir() -> Path:
    shared = Path(os.environ.get("FOI_COMPOSER_SHARED", PROJECT.parent / "shared"))
    return shared / "replies"


def read_cases(path: Path) -> list[dict]:
    """The cases in a JSON-lines file, each knowing the folder its reply files are read from."""
    return [dict(case, _dir=str(path.parent)) for case in read_lines(path)]


# -- what counts as right ---------------------------------------------------------------------------
def kinds_for(case: dict) -> set[str]:
    """The reply kinds (ReplyKind values) that are right for the case's outcome label."""
    outcome = case.get("outcome", "")
    some_answered = any(p.get("outcome") == "answered" for p in case.get("parts") or [])
    return {
        "disclosed": {"answered"},
        "not_held": {"not-held"},
        "clarification": {"clarification-asked"},
        "partial_other": {"partly-answered"},
        "s12_cost": {"refused", "partly-answered"} if some_answered else {"refused"},
        "s14_vexatious": {"refused"},
        "s40_personal": {"partly-answered", "refused"},
        "ncnd": {"partly-answered", "refused"},
        "s21_s22_elsewhere": {"partly-answered", "refused"},
    }.get(outcome, set())


def _foia_number(section: str, act) -> str:
    """The FOIA section a cited one stands for: FOISA s38 -> 40, s25 -> 21; FOIA as it is."""
    from composer.model import Act
    from composer.responses import provision, split_cite

    number = split_cite(section)[0]
    if act is Act.FOISA:
        found = provision(act, section)
        return found.equivalent or number if found else number
    return number


def ground_of(sections, ncnd: bool, act) -> str:
    """The outcome label a refusal's sections and words name."""
    numbers = [_foia_number(s, act) for s in sections]
    for number, label in (("12", "s12_cost"), ("14", "s14_vexatious")):
        if number in numbers:
            return label
    if ncnd:
        return "ncnd"
    exemptions = set(numbers) - {"12", "14"}
    if exemptions and exemptions <= {"21", "22"}:
        return "s21_s22_elsewhere"
    if "40" in exemptions and exemptions <= {"40", "21", "22"}:
        return "s40_personal"  # withholding personal data alone (the labels' rule: with other
    return "partial_other"      # exemptions beside it, the withholding is partial_other)


def label_of(reading, act) -> str:
    """The first-reply outcome label the reading amounts to ('(none)' for no kind, or one that is
    not a first answer: an acknowledgement, an extension notice)."""
    from composer.replies import Outcome, ReplyKind

    kind = reading.kind
    simple = {ReplyKind.ANSWERED: "disclosed", ReplyKind.NOT_HELD: "not_held",
              ReplyKind.CLARIFICATION: "clarification"}
    if kind in simple:
        return simple[kind]
    if kind in (ReplyKind.REFUSED, ReplyKind.PARTLY):
        ncnd = reading.ncnd or any(p.outcome is Outcome.NCND for p in reading.parts.values())
        return ground_of(reading.sections, ncnd, act)
    return "(none)" if kind is None else f"({kind.value})"


def part_label(cell, act) -> str:
    """A coverage cell as a part's outcome label."""
    from composer.coverage import State

    simple = {State.ANSWERED: "answered", State.NOT_HELD: "not_held", State.CLARIFY: "clarification"}
    if cell is None:
        return "(none)"
    if cell.state in simple:
        return simple[cell.state]
    if cell.state is State.REFUSED:
        return ground_of(cell.sections, cell.ncnd, act)
    return f"({cell.state.value})"


def cited_numbers(sections, act) -> set[str]:
    """The section numbers among `sections` that are grounds of refusal under the Act (FOIA s17,
    the refusal notice, or FOISA s17, the notice that nothing is held, are not)."""
    from composer.responses import PROVISIONS, normalise_section, split_cite

    out = set()
    for section in sections or ():
        try:
            number = split_cite(normalise_section(str(section)))[0]
        except ValueError:
            continue
        if number in PROVISIONS[act]:
            out.add(number)
    return out


# -- reading a case -------------------------------------------------------------------------------------
@dataclass
class Scored:
    case: dict
    kind: str
    kind_right: bool
    label: str
    found: set[str]
    cited: set[str]
    parts: list[tuple[str, str, bool]] = field(default_factory=list)  # (expected, got, placed)
    unnumbered: int = 0  # parts the imported request numbers otherwise (not scored)
    imported: bool = True  # the request text imported (else the reply is read without it)
    error: str = ""


# -- replies as they are pasted ------------------------------------------------------------------------
def as_pdf(text: str, head: str = "Freedom of Information reply") -> str:
    """The reply as text taken from a PDF: lines wrapped at 72 characters, a long word at a
    line's end broken with a hyphen, and at every 40 lines a page's foot and the next one's head
    (its number, a protective marking, a running head)."""
    import textwrap

    lines: list[str] = []
    for line in text.splitlines():
        wrapped = textwrap.wrap(line, 72, break_long_words=False, break_on_hyphens=False) or [""]
        for i in range(len(wrapped) - 1):
            nxt = wrapped[i + 1].split(" ", 1)
            if len(nxt[0]) >= 8 and nxt[0].isalpha():  # hyphenate its first long word
                cut = len(nxt[0]) // 2
                wrapped[i] += " " + nxt[0][:cut] + "-"
                wrapped[i + 1] = nxt[0][cut:] + (" " + nxt[1] if len(nxt) > 1 else "")
        lines += wrapped
    pages = [lines[i: i + 40] for i in range(0, len(lines), 40)] or [[]]
    out: list[str] = []
    for number, page in enumerate(pages, start=1):
        out += ["OFFICIAL", head, *page, f"Page {number} of {len(pages)}", "OFFICIAL"]
    return "\n".join(out)


def as_email_reply(text: str, request_text: str) -> str:
    """The reply as an email answering the request, which it quotes below with '>' marks."""
    quoted = "\n".join(f"> {line}" for line in request_text.splitlines())
    return f"{text}\n\n-----Original Message-----\nFrom: [requester]\nSent: 1 March 2024 09:00\n" \
           f"Subject: Freedom of Information request\n\n{quoted}\n"


def as_forwarded(text: str) -> str:
    """The reply forwarded or quoted whole: every line begins with '>'."""
    return "\n".join(f"> {line}" if line.strip() else ">" for line in text.splitlines())


PASTED = {"plain": lambda text, case: text,
          "pdf": lambda text, case: as_pdf(text),
          "email": lambda text, case: as_email_reply(text, case.get("request_text") or ""),
          "forwarded": lambda text, case: as_forwarded(text)}


def score_case(case: dict, pasted: str = "plain") -> Scored:
    from composer.coverage import reading_cell
    from composer.errors import ComposerError
    from composer.forces import load_directory
    from composer.operations.fitting import import_text
    from composer.outline import letter_body
    from composer.replies import read_reply, reply_text

    directory = load_directory()
    try:
        force = directory.get(case["force_id"])
    except (ComposerError, KeyError):
        force = None
    from composer.model import Act

    act = force.act if force is not None else (Act.FOISA if case.get("jurisdiction") == "FOISA" else Act.FOIA)
    cited = cited_numbers(case.get("sections_cited"), act)
    path = Path(case.get("reply_file") or "")
    if not path.is_absolute():
        path = Path(case["_dir"]) / path
    try:
        text = reply_text(path)
    except ComposerError as exc:
        return Scored(case, "(unread)", False, "(unread)", set(), cited, error=str(exc))
    try:
        request, _, _ = import_text(case.get("request_text") or "")
    except ComposerError:
        request = None  # the app would not import it either: the reply is read on its own
    reading = read_reply(PASTED[pasted](text, case), request, act, force=force)
    kind = reading.kind.value if reading.kind else "(none)"
    scored = Scored(case, kind, kind in kinds_for(case), label_of(reading, act),
                    cited_numbers(reading.sections, act), cited, imported=request is not None)
    numbers = {p.number for p in letter_body(request).parts} if request is not None else None
    for part in case.get("parts") or []:
        label = str(part.get("part", "")).strip().lower()
        if numbers is not None and label not in numbers:
            scored.unnumbered += 1  # the request was read into other parts than the case's
            continue
        placed = label in reading.parts or label.rstrip("abcdefghijklmnopqrstuvwxyz") in reading.parts
        got = part_label(reading_cell(reading, label), act)
        scored.parts.append((part.get("outcome", ""), got, placed))
    return scored


# -- the report -------------------------------------------------------------------------------------------
def share(k: int, n: int) -> str:
    if n == 0:
        return "   -  (none)"
    low, high = wilson(k, n)
    return f"{k:3d}/{n:<3d} {k / n:5.0%}  (90% {low:.0%}-{high:.0%})"


def confusion(pairs: list[tuple[str, str]], labels: tuple[str, ...]) -> list[str]:
    """Rows: the true label; columns: what the reader said, by count, most first."""
    rows = defaultdict(Counter)
    for truth, got in pairs:
        rows[truth][got] += 1
    out = []
    for truth in [*labels, *sorted(set(rows) - set(labels))]:
        if truth not in rows:
            continue
        said = ", ".join(f"{got} {n}" for got, n in rows[truth].most_common())
        right = rows[truth][truth]
        out.append(f"    {truth:<18} {right}/{sum(rows[truth].values())} right; read as: {said}")
    return out


def summary(rows: list[Scored]) -> dict:
    read = [r for r in rows if not r.error]
    cited = sum(len(r.cited) for r in read)
    found = sum(len(r.found) for r in read)
    hits = sum(len(r.cited & r.found) for r in read)
    parts = [p for r in read for p in r.parts]
    return {
        "cases": len(rows), "unread": len(rows) - len(read),
        "campaigns": len({r.case.get("campaign", "") for r in rows}),
        "not_imported": sum(not r.imported for r in rows if not r.error),
        "kind_right": (sum(r.kind_right for r in read), len(read)),
        "label_right": (sum(r.label == r.case.get("outcome") for r in read), len(read)),
        "section_recall": (hits, cited), "section_precision": (hits, found),
        "part_right": (sum(e == g for e, g, _ in parts), len(parts)),
        "part_placed": (sum(placed for *_, placed in parts), len(parts)),
        "part_right_placed": (sum(e == g for e, g, placed in parts if placed), sum(p[2] for p in parts)),
        "cases_with_parts": sum(bool(r.parts) for r in read),
        "parts_unnumbered": sum(r.unnumbered for r in read),
    }


def report(rows: list[Scored], title: str, verbose: bool) -> dict:
    figures = summary(rows)
    print(f"\n{title}: {figures['cases']} replies from {figures['campaigns']} campaigns"
          + (f" ({figures['unread']} reply files could not be read)" if figures["unread"] else "")
          + (f"; {figures['not_imported']} requests did not import, so their replies were read without "
             "them" if figures["not_imported"] else ""))
    if not rows:
        return figures
    read = [r for r in rows if not r.error]
    print(f"  reply kind right          {share(*figures['kind_right'])}")
    print(f"  first-reply label right   {share(*figures['label_right'])}")
    print("  label confused with (true label: what the reading amounts to)")
    for line in confusion([(r.case.get("outcome", "?"), r.label) for r in read], LABELS):
        print(line)
    print(f"  sections found: recall    {share(*figures['section_recall'])}")
    print(f"  sections found: precision {share(*figures['section_precision'])}")
    print(f"  parts ({figures['cases_with_parts']} replies whose parts are known"
          + (f"; {figures['parts_unnumbered']} more parts left out: the request as imported numbers them "
             "otherwise" if figures["parts_unnumbered"] else "") + ")")
    print(f"    outcome right           {share(*figures['part_right'])}")
    print(f"    placed by the reader    {share(*figures['part_placed'])}")
    print(f"    right where placed      {share(*figures['part_right_placed'])}")
    pairs = [(e, g) for r in read for e, g, _ in r.parts]
    if pairs:
        print("    part outcome confused with")
        for line in confusion(pairs, PART_LABELS):
            print("  " + line)
    kinds = Counter((r.case.get("outcome", "?"), r.kind) for r in read if not r.kind_right)
    if kinds:
        print("  kinds read wrong (label -> kind: count)")
        for (label, kind), n in kinds.most_common():
            print(f"    {label} -> {kind}: {n}")
    if verbose:
        for r in rows:
            wrong = [f"{e}->{g}" for e, g, _ in r.parts if e != g]
            print(f"    {r.case.get('id')}: {r.case.get('outcome')} read {r.kind}/{r.label}; sections cited "
                  f"{sorted(r.cited)} found {sorted(r.found)}"
                  + (f"; parts wrong {', '.join(wrong)}" if wrong else "") + (f"; {r.error}" if r.error else ""))
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--half", choices=("tune", "report"))
    parser.add_argument("--verbose", action="store_true", help="each case's id and reading (no reply text)")
    parser.add_argument("--json", action="store_true", help="the figures as JSON at the end")
    parser.add_argument("--pasted", choices=tuple(PASTED), default="plain",
                        help="read each reply as if pasted from a PDF, as an email quoting the request, "
                             "or forwarded whole (robustness: the figures should not move)")
    args = parser.parse_args(argv)
    files = list(args.files)
    if not files:
        folder = shared_replies_dir()
        files = sorted(folder.glob("*.jsonl")) if folder.is_dir() else []
        if not files:
            print(f"no reply cases in {folder}: they are real replies gathered from WhatDoTheyKnow and forces' "
                  "disclosure logs, one JSON object a line with each reply's text in a file beside them "
                  "(see this script's docstring); give such files as arguments, or put them there "
                  "(or set FOI_COMPOSER_SHARED)")
            return 0
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        raise SystemExit(f"no such file: {', '.join(missing)}; give JSON-lines files of reply cases")
    cases = [case for path in files for case in read_cases(path)]
    bad = [c.get("id", "?") for c in cases if not c.get("reply_file")]
    cases = [c for c in cases if c.get("reply_file")]
    if bad:
        print(f"{len(bad)} cases have no reply file and are left out")
    rows = [score_case(case, args.pasted) for case in cases]
    if args.pasted != "plain":
        print(f"each reply read as pasted: {args.pasted}")
    halves = [args.half] if args.half else ["tune", "report"]
    out = {}
    for which in halves:
        chosen = [r for r in rows if half(r.case.get("campaign", "")) == which]
        out[which] = report(chosen, f"The {which} half", args.verbose)
    if not args.half:
        out["all"] = report(rows, "Both halves together", False)
    if args.json:
        print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
