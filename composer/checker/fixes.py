"""`apply_fix`: the one pure function that turns a finding's `Fix` into a changed Request.

The request passed in is never modified; a new one comes back. A fix made for an older version
of the request (the part it names has since been deleted) raises a ComposerError naming the
problem, so the GUI can say so instead of guessing.
"""

from __future__ import annotations

from pydantic import ValidationError

from composer.checker.findings import Fix
from composer.errors import ComposerError
from composer.model import FIELD_PATTERN, Options, Request

_SETTABLE = frozenset(Options.model_fields) - {"format_parts"}


def _part(request: Request, part_id: str | None):
    part = request.find(part_id) if part_id else None
    if part is None:
        raise ComposerError(f"the part this fix was for ({part_id}) is no longer in the request")
    return part


def apply_fix(request: Request, fix: Fix) -> Request:
    """A copy of `request` with `fix` applied."""
    if fix.kind == "reorder":
        from composer.ordering import OrderSuggestion, accept_order

        return accept_order(request, OrderSuggestion(order=list(fix.order), reasons={}, changed=True))

    updated = request.model_copy(deep=True)
    try:
        if fix.kind == "replace_text":
            if fix.new_text is None:
                raise ComposerError("this fix has no new text")
            if fix.part_id is None:
                updated.introduction = fix.new_text
            else:
                _part(updated, fix.part_id).text = fix.new_text
        elif fix.kind == "set_option":
            if fix.name not in _SETTABLE:
                raise ComposerError(f"there is no request option called {fix.name!r}")
            setattr(updated.options, fix.name, fix.value)
        elif fix.kind == "set_format":
            known = {p.id for p in updated.all_parts()}
            updated.options.answer_format = fix.value
            updated.options.format_parts = [pid for pid in fix.part_ids if pid in known]
        elif fix.kind == "remove_part":
            _part(updated, fix.part_id)
            updated.parts = [p for p in updated.parts if p.id != fix.part_id]
            for parent in updated.parts:
                parent.subparts = [s for s in parent.subparts if s.id != fix.part_id]
            updated.options.format_parts = [pid for pid in updated.options.format_parts if pid != fix.part_id]
        elif fix.kind == "add_module":
            updated.parts = updated.parts + _module_parts(fix.module_id, updated)
        else:
            raise ComposerError(f"unknown kind of fix {fix.kind!r}")
    except ValidationError as exc:
        raise ComposerError(f"the fix could not be applied: {exc.errors()[0]['msg']}") from exc
    return updated


def _module_parts(module_id: str | None, request: Request):
    """The parts of a bank module (its default questions with their follow-ups), fields filled
    in where the request has no value yet so that no placeholder is left unfilled."""
    if not module_id:
        raise ComposerError("this fix names no question-bank module")
    try:
        from composer import bank as bank_module
    except ImportError as exc:
        raise ComposerError("the question bank is not available") from exc
    bank = bank_module.load_bank()
    module = bank.module(module_id)  # ComposerError naming the known modules if unknown
    if module.answer_format is not None and not module.questions:
        request.options.answer_format = module.answer_format
        request.options.format_parts = [p.id for p in request.all_parts() if p.dataset]
        return []
    parts = bank.parts_for(module_id)
    used = {name for part in parts for name in FIELD_PATTERN.findall(part.text)}
    fields = dict(request.fields)
    if "system_name" in used:
        fields.setdefault("system_name", bank_module.NEUTRAL_SYSTEM_NAME)
    if used & {"period_start", "period_end"}:
        start, end = bank_module.default_period()
        fields.setdefault("period_start", start)
        fields.setdefault("period_end", end)
    request.fields = fields
    if module.answer_format is not None:
        request.options.answer_format = module.answer_format
    return parts
