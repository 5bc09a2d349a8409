"""The standard clauses a letter carries, worded in `resources/clauses.toml`, filled per Act."""

from __future__ import annotations

import tomllib
from functools import lru_cache

from composer import paths
from composer.law import Law
from composer.model import AnswerFormat, Request


@lru_cache(maxsize=1)
def _wording() -> dict:
    with open(paths.RESOURCES / "clauses.toml", "rb") as handle:
        return tomllib.load(handle)


def cost_limit_clause(request: Request, law: Law) -> str | None:
    if not request.options.cost_limit_clause:
        return None
    if request.options.cost_limit_wording:
        return request.options.cost_limit_wording
    return _wording()["cost_limit"]["text"].format(
        act_title=law.title,
        cost_section=law.cost_section,
        cost_limit=law.cost_limit_text,
        advice_section=law.advice_section,
    )


def format_clause(request: Request, law: Law, numbers: dict[str, str]) -> str | None:
    """The s11 format preference; `numbers` maps part ids to their numbers in this letter."""
    fmt = request.options.answer_format
    if fmt is None:
        return None
    if request.options.format_wording:
        return request.options.format_wording
    words = _wording()["format"]
    listed = [numbers[pid] for pid in request.options.format_parts if pid in numbers]
    scope = "the information"
    if listed:
        joined = listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " and " + listed[-1]
        scope = f"the information for part{'s' if len(listed) > 1 else ''} {joined}"
    text = words["text"].format(
        format_section=law.format_section,
        act_title=law.title,
        scope=scope,
        format_name=words["names"][AnswerFormat(fmt).value],
    )
    if law.dataset_section and fmt in (AnswerFormat.CSV, AnswerFormat.SPREADSHEET):
        text += " " + words["dataset_text"].format(dataset_section=law.dataset_section)
    return text
