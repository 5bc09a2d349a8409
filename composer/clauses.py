"""The standard clauses a letter carries, worded in `resources/clauses.toml`, filled per Act."""

from __future__ import annotations

import re
from functools import lru_cache

from composer import paths
from composer.law import FORCE_FIELDS, LAWS, Law
from composer.model import FIELD_PATTERN, AnswerFormat, Request, joined

_ASKS_ORDER = re.compile(r"\border\b|\bnumbered\b|\bsequence\b|\bpriorit|\bin\s+turn\b", re.IGNORECASE)
_SENTENCE_START = re.compile(r"(?:^|[.?!]['\u2019\u201d)]?\s+|\n\s*)$")


def fill(text: str, values: dict[str, str]) -> str:
    """Fill `{fields}`; a force's field that opens a sentence opens with a capital ("The
    Metropolitan Police Service has …"). Text the user typed is never re-cased."""

    curly = "\u2019" in text  # the writer's own apostrophes: "West Midlands Police’s"

    def one(match: re.Match) -> str:
        name = match.group(1)
        value = values.get(name)
        if value is None:
            return match.group(0)
        if curly and name == "force_name_possessive":
            value = value[:-2] + "\u2019s"
        if name in FORCE_FIELDS and value[:1].islower() and _SENTENCE_START.search(text, 0, match.start()):
            return value[:1].upper() + value[1:]
        return value

    filled = FIELD_PATTERN.sub(one, text).strip()
    if text.lstrip().startswith("{") and filled[:1].islower():
        filled = filled[:1].upper() + filled[1:]
    return filled


def _limit_term(law: Law) -> str:
    return _wording()["cost_limit"]["limit_term"][law.act.value].format(
        cost_section=law.cost_section, act_title=law.title
    )


@lru_cache(maxsize=1)
def _wording() -> dict:
    import tomllib  # the wording is read on first use, not at start-up

    with open(paths.RESOURCES / "clauses.toml", "rb") as handle:
        return tomllib.load(handle)


def cost_limit_clause(request: Request, law: Law, values: dict[str, str] | None = None) -> str | None:
    """The cost-limit clause for a force under `law`. The requester's own wording is kept, its
    `{fields}` filled from `values`, and the limit, the duty to advise of `law` and the order are added
    where the wording does not state them."""
    if not request.options.cost_limit_clause:
        return None
    words = _wording()["cost_limit"]
    term = _limit_term(law)
    one_part = sum(1 for part in request.all_parts() if part.text.strip()) == 1
    if request.options.cost_limit_wording:
        text = fill(request.options.cost_limit_wording, values or {})
        facts = words["facts"]
        asks_order = _ASKS_ORDER.search(text) is not None
        figures = {f"£{other.cost_limit_pounds}" for other in LAWS.values()}
        if not any(figure in text.replace("£ ", "£") for figure in figures):
            text += " " + facts["limit"].format(limit_term=term, cost_limit=law.cost_limit_text)
        if law.advice_section not in text:
            key = "advice_cited" if re.search(r"\badvi[sc]e", text, re.IGNORECASE) else "advice"
            act = "that Act" if law.title in text else f"the {law.title}"  # named once is enough
            text += " " + facts[key].format(advice_section=law.advice_section, act=act)
        if not asks_order and not one_part:  # answering in the order chosen is what it is for
            text += " " + facts["order"]
        return text
    return words["one_part_text" if one_part else "text"].format(
        limit_term=term,
        act_title=law.title,
        cost_section=law.cost_section,
        cost_limit=law.cost_limit_text,
        advice_section=law.advice_section,
    )


def format_clause(request: Request, law: Law, numbers: dict[str, str],
                  values: dict[str, str] | None = None) -> str | None:
    """The s11 format preference; `numbers` maps part ids to their numbers in this letter."""
    fmt = request.options.answer_format
    if fmt is None:
        return None
    wanted = set(request.options.format_parts)
    listed = [number for pid, number in numbers.items() if pid in wanted]  # in the letter's order
    if request.options.format_wording:
        filled = dict(values or {})
        filled["format_parts"] = joined(listed) if listed else "all the parts"
        return fill(request.options.format_wording, filled)
    words = _wording()["format"]
    scope = "the information"
    if listed:
        scope = f"the information for part{'s' if len(listed) > 1 else ''} {joined(listed)}"
    text = words["text"].format(
        format_section=law.format_section,
        act_title=law.title,
        scope=scope,
        format_name=words["names"][AnswerFormat(fmt).value],
    )
    if law.dataset_section and fmt in (AnswerFormat.CSV, AnswerFormat.SPREADSHEET):
        text += " " + words["dataset_text"].format(dataset_section=law.dataset_section)
    return text
