"""The operations that change a request: every edit the editor makes, the checker's fixes, the
accepted cost-limit order and the question bank's additions.

Each takes the request and keyword-only arguments and returns a `Done` with a new request; the
one passed in is never modified, so an undo stack can keep the before and after of every step.
A refused edit raises `Refused` before anything changes. A checker fix is applied by the same
operation the editor uses for that change (`apply_fix`), so removing a part either way gives the
same request.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from composer.errors import ComposerError
from composer.model import (
    FIELD_PATTERN,
    AnswerFormat,
    Condition,
    Options,
    Part,
    Request,
)
from composer.operations.result import Done, Refused, operation

if TYPE_CHECKING:  # a Fix is only read here; importing the checker would load every rule
    from composer.checker.findings import Fix


def _copy(request: Request) -> Request:
    return request.model_copy(deep=True)


def _part(request: Request, part_id: str | None) -> Part:
    part = request.find(part_id) if part_id else None
    if part is None:
        raise Refused(f"there is no part with id {part_id!r}")
    return part


def parent_of(request: Request, part_id: str) -> Part | None:
    """The top-level part holding `part_id`, or None for a top-level part."""
    for top in request.parts:
        if any(sub.id == part_id for sub in top.subparts):
            return top
    return None


def siblings(request: Request, part_id: str) -> list[Part]:
    parent = parent_of(request, part_id)
    return parent.subparts if parent is not None else request.parts


def _done(request: Request, what: str, *ids: str) -> Done[Request]:
    return Done(request, what, tuple(i for i in ids if i))


# -- the request as a whole ------------------------------------------------------------------


@operation
def set_title(request: Request, *, title: str) -> Done[Request]:
    new = _copy(request)
    new.title = title
    return _done(new, "Edit title")


@operation
def set_forces(request: Request, *, force_ids: Iterable[str]) -> Done[Request]:
    new = _copy(request)
    try:
        new.forces = list(force_ids)  # validated: ids, no repeats
    except ValueError as exc:
        raise Refused(f"cannot send it to those forces: {exc}") from None
    return _done(new, "Choose forces", *new.forces)


@operation
def set_introduction(request: Request, *, text: str) -> Done[Request]:
    new = _copy(request)
    new.introduction = text if text.strip() else None
    return _done(new, "Edit introduction")


@operation
def set_field(request: Request, *, name: str, value: str) -> Done[Request]:
    """A `{name}` placeholder's value; blank removes it."""
    new = _copy(request)
    fields = dict(new.fields)
    if value.strip():
        fields[name] = value
    else:
        fields.pop(name, None)
    new.fields = fields
    return _done(new, f"Edit {name.replace('_', ' ')}")


@operation
def set_period(request: Request, *, start: date, end: date) -> Done[Request]:
    """The reporting period, one field of the request (`{period_start}` to `{period_end}`) that
    every part asking for figures reads. Where a part still spells out the period it had, the
    dates are turned into the fields, so no part is left asking about the old one."""
    from composer.bank import format_day

    if start > end:
        raise Refused(f"the period starts ({format_day(start)}) after it ends ({format_day(end)})")
    new = _copy(request)
    old = {name: new.fields.get(name, "").strip() for name in ("period_start", "period_end")}
    for part in new.all_parts():
        text = part.text
        for name, written in old.items():
            if written and written in text:
                text = text.replace(written, f"{{{name}}}")
        if text != part.text:
            part.text = text
    new.fields = {**new.fields, "period_start": format_day(start), "period_end": format_day(end)}
    return _done(new, "Reporting period")


@operation
def fill_bank_fields(request: Request) -> Done[Request]:
    """Give the bank's `{fields}` the values `bank.build_request` would, where the request has
    none: a neutral system name and the default period."""
    from composer.bank import NEUTRAL_SYSTEM_NAME, default_period

    used = {name for p in request.all_parts() for name in FIELD_PATTERN.findall(p.text)}
    missing: dict[str, str] = {}
    if "system_name" in used:
        missing["system_name"] = NEUTRAL_SYSTEM_NAME
    if used & {"period_start", "period_end"}:
        missing["period_start"], missing["period_end"] = default_period()
    missing = {k: v for k, v in missing.items() if k not in request.fields}
    if not missing:
        return _done(request, "Fill in the bank's fields")
    new = _copy(request)
    new.fields = {**new.fields, **missing}
    return _done(new, "Fill in the bank's fields")


@operation
def set_answer_format(request: Request, *, fmt: AnswerFormat | None) -> Done[Request]:
    new = _copy(request)
    new.options.answer_format = fmt
    return _done(new, "Format preference")


@operation
def set_format(request: Request, *, fmt: AnswerFormat | str | None,
               part_ids: Iterable[str] = ()) -> Done[Request]:
    """The answer format, and the parts it is asked for (none named: the whole request); ids no
    longer in the request are dropped."""
    new = _copy(request)
    known = {p.id for p in new.all_parts()}
    try:
        new.options.answer_format = fmt
    except ValidationError as exc:
        raise Refused(f"the format could not be set: {exc.errors()[0]['msg']}") from None
    new.options.format_parts = [pid for pid in part_ids if pid in known]
    return _done(new, "Format preference", *new.options.format_parts)


@operation
def set_format_part(request: Request, *, part_id: str, wanted: bool) -> Done[Request]:
    """Whether the format preference names this part (none named: it covers the whole request)."""
    _part(request, part_id)
    new = _copy(request)
    ids = [pid for pid in new.options.format_parts if pid != part_id]
    if wanted:
        ids.append(part_id)
    new.options.format_parts = [p.id for p in new.all_parts() if p.id in ids]
    return _done(new, "Format preference", part_id)


_SETTABLE = frozenset(Options.model_fields) - {"format_parts", "answer_format"}


@operation
def set_option(request: Request, *, name: str, value: Any) -> Done[Request]:
    """One of the request's options (the cost-limit clause, the requester's own wordings)."""
    if name not in _SETTABLE:
        raise Refused(f"there is no request option called {name!r}")
    new = _copy(request)
    try:
        setattr(new.options, name, value)
    except ValidationError as exc:
        raise Refused(f"{name} could not be set: {exc.errors()[0]['msg']}") from None
    return _done(new, f"Set {name.replace('_', ' ')}")


@operation
def set_cost_limit_clause(request: Request, *, wanted: bool) -> Done[Request]:
    return set_option(request, name="cost_limit_clause", value=wanted)


# -- one part ---------------------------------------------------------------------------------


@operation
def set_text(request: Request, *, part_id: str, text: str) -> Done[Request]:
    """Typing: runs on every keystroke, so only the part typed into (and the part holding it)
    is copied; the other parts are shared with `request`, which no operation ever changes."""
    _part(request, part_id)
    parts = []
    for top in request.parts:
        if top.id == part_id:
            top = top.model_copy(update={"text": text})
        elif any(sub.id == part_id for sub in top.subparts):
            subs = [s.model_copy(update={"text": text}) if s.id == part_id else s for s in top.subparts]
            top = top.model_copy(update={"subparts": subs})
        parts.append(top)
    return _done(request.model_copy(update={"parts": parts}), "Typing", part_id)


@operation
def set_condition(request: Request, *, part_id: str, condition: Condition | None) -> Done[Request]:
    new = _copy(request)
    try:
        _part(new, part_id).condition = condition
    except ValidationError as exc:
        raise Refused(f"cannot ask it that way: {exc.errors()[0]['msg']}") from None
    return _done(new, "Change when asked", part_id)


@operation
def set_priority(request: Request, *, part_id: str, priority: int | None) -> Done[Request]:
    new = _copy(request)
    part = _part(new, part_id)
    if parent_of(new, part_id) is not None and priority is not None:
        raise Refused("only a numbered part can have a priority; its sub-parts go with it")
    try:
        part.priority = priority
    except ValidationError as exc:
        raise Refused(f"cannot set that priority: {exc.errors()[0]['msg']}") from None
    return _done(new, "Set priority", part_id)


@operation
def set_dataset(request: Request, *, part_id: str, dataset: bool) -> Done[Request]:
    new = _copy(request)
    _part(new, part_id).dataset = dataset
    return _done(new, "Mark as dataset", part_id)


# -- structure --------------------------------------------------------------------------------


def _taken(request: Request, new_id: str) -> None:
    if request.find(new_id) is not None:
        raise Refused(f"the outline already has a part with id {new_id!r}")


@operation
def add_part(request: Request, *, new_id: str, after: str | None = None, text: str = "") -> Done[Request]:
    """A new top-level part after `after`'s numbered part (or at the end)."""
    _taken(request, new_id)
    new = _copy(request)
    row = len(new.parts)
    if after is not None:
        anchor = parent_of(new, after) or _part(new, after)
        row = new.parts.index(anchor) + 1
    parts = list(new.parts)
    parts.insert(row, Part(id=new_id, text=text))
    new.parts = parts
    return _done(new, "Add part", new_id)


@operation
def add_followup(request: Request, *, parent_id: str, new_id: str, text: str = "",
                 condition: Condition = "if_yes") -> Done[Request]:
    """An "if yes" sub-part under a numbered part (after the selected sub-part, if one is)."""
    _taken(request, new_id)
    new = _copy(request)
    selected = _part(new, parent_id)
    parent = parent_of(new, parent_id)
    if parent is None:
        parent, row = selected, len(selected.subparts)
    else:
        row = parent.subparts.index(selected) + 1
    subs = list(parent.subparts)
    subs.insert(row, Part(id=new_id, text=text, condition=condition))
    parent.subparts = subs
    return _done(new, "Add follow-up", new_id)


@operation
def insert_parts(request: Request, *, parts: Iterable[Part], under: str | None = None,
                 after: str | None = None) -> Done[Request]:
    """Add parts: as sub-parts of `under`, or top-level after `after` (or at the end)."""
    new = _copy(request)
    incoming = [p.model_copy(deep=True) for p in parts]
    taken = {p.id for p in new.all_parts()}
    for part in incoming:
        for item in [part, *part.subparts]:
            if item.id in taken:
                raise Refused(f"the outline already has a part with id {item.id!r}")
            taken.add(item.id)
    ids = [item.id for part in incoming for item in [part, *part.subparts]]
    if under is not None:
        parent = parent_of(new, under) or _part(new, under)
        flat: list[Part] = []
        for part in incoming:
            flat.append(part.model_copy(update={"subparts": []}))
            flat.extend(part.subparts)
        parent.subparts = [*parent.subparts, *flat]
        return _done(new, "Add parts", *ids)
    row = len(new.parts)
    if after is not None:
        anchor = parent_of(new, after) or _part(new, after)
        row = new.parts.index(anchor) + 1
    new.parts = [*new.parts[:row], *incoming, *new.parts[row:]]
    return _done(new, "Add parts", *ids)


@operation
def add_from_bank(request: Request, *, parts: Iterable[Part], under: str | None = None,
                  after: str | None = None) -> Done[Request]:
    """Questions from the bank, placed as `insert_parts` does, with the bank's fields filled in
    where the request has no value yet, and the title `new` would give an untitled request."""
    from composer.bank import default_title

    placed = insert_parts(request, parts=parts, under=under, after=after)
    new = fill_bank_fields(placed.value).value
    if new.title.strip() in ("", Request.model_fields["title"].default):
        new = _copy(new)
        new.title = default_title(new.fields.get("system_name"))
    return Done(new, "Add from the question bank", placed.ids)


@operation
def add_module(request: Request, *, module_id: str | None) -> Done[Request]:
    """A bank module's default questions (with their follow-ups) as new numbered parts, its
    format if it has one, and the fields its questions use."""
    if not module_id:
        raise Refused("this names no question-bank module")
    try:
        from composer import bank as bank_module
    except ImportError as exc:
        raise Refused("the question bank is not available") from exc
    bank = bank_module.load_bank()
    try:
        module = bank.module(module_id)
    except ComposerError as exc:
        raise Refused(str(exc)) from None
    if module.answer_format is not None and not module.questions:
        return set_format(request, fmt=module.answer_format,
                          part_ids=[p.id for p in request.all_parts() if p.dataset])
    placed = add_from_bank(request, parts=bank.parts_for(module_id))
    new = placed.value
    if module.answer_format is not None:
        new = set_answer_format(new, fmt=module.answer_format).value
    return Done(new, f"Add {module_id}", placed.ids)


@operation
def remove_part(request: Request, *, part_id: str | None) -> Done[Request]:
    """Remove a part (with its sub-parts); the format preference forgets every id removed."""
    removed_part = _part(request, part_id)
    removed = {removed_part.id} | {s.id for s in removed_part.subparts}
    new = _copy(request)
    parent = parent_of(new, removed_part.id)
    if parent is None:
        new.parts = [p for p in new.parts if p.id != part_id]
    else:
        parent.subparts = [p for p in parent.subparts if p.id != part_id]
    if any(pid in removed for pid in new.options.format_parts):
        new.options.format_parts = [pid for pid in new.options.format_parts if pid not in removed]
    return _done(new, "Delete part", *sorted(removed))


@operation
def move_part(request: Request, *, part_id: str, parent_id: str | None, row: int) -> Done[Request]:
    """Move a part to position `row` among the top-level parts (`parent_id` None) or among the
    sub-parts of `parent_id`. `row` counts positions before the move, as a drop target does;
    a row out of range means the end."""
    new = _copy(request)
    part = _part(new, part_id)
    if parent_id == part_id:
        raise Refused("a part cannot go inside itself")
    target = None if parent_id is None else _part(new, parent_id)
    if target is not None:
        if parent_of(new, target.id) is not None:
            raise Refused("sub-parts cannot have sub-parts of their own (only 1, 1a, 1b …)")
        if part.subparts:
            raise Refused("a part with sub-parts cannot become a sub-part; move its sub-parts out first")
    source_parent = parent_of(new, part_id)
    source = source_parent.subparts if source_parent is not None else new.parts
    destination = target.subparts if target is not None else new.parts
    same = source is destination
    row = len(destination) if row < 0 or row > len(destination) else row
    if same and source.index(part) < row:
        row -= 1
    _assign(new, source_parent, [p for p in source if p.id != part_id])
    placed = list(target.subparts if target is not None else new.parts)
    placed.insert(row, part)
    if target is not None and part.priority is not None:
        part.priority = None  # sub-parts go with their parent, so a rank would mean nothing
    _assign(new, target, placed)
    return _done(new, "Move part", part_id)


def _assign(request: Request, parent: Part | None, parts: list[Part]) -> None:
    if parent is None:
        request.parts = parts
    else:
        parent.subparts = parts


def _row(request: Request, part_id: str) -> tuple[list[Part], int]:
    _part(request, part_id)
    group = siblings(request, part_id)
    return group, [p.id for p in group].index(part_id)


@operation
def move_up(request: Request, *, part_id: str) -> Done[Request]:
    _, row = _row(request, part_id)
    if row == 0:
        raise Refused("the part is already first")
    parent = parent_of(request, part_id)
    moved = move_part(request, part_id=part_id, parent_id=parent and parent.id, row=row - 1)
    return _done(moved.value, "Move part up", part_id)


@operation
def move_down(request: Request, *, part_id: str) -> Done[Request]:
    group, row = _row(request, part_id)
    if row == len(group) - 1:
        raise Refused("the part is already last")
    parent = parent_of(request, part_id)
    moved = move_part(request, part_id=part_id, parent_id=parent and parent.id, row=row + 2)
    return _done(moved.value, "Move part down", part_id)


@operation
def indent(request: Request, *, part_id: str) -> Done[Request]:
    """Make a numbered part (and its own sub-parts, in order) sub-parts of the part before it."""
    _part(request, part_id)
    if parent_of(request, part_id) is not None:
        raise Refused("the part is already a sub-part (only one level: 1, 1a, 1b …)")
    row = [p.id for p in request.parts].index(part_id)
    if row == 0:
        raise Refused("the first part has no part before it to go under")
    new = _copy(request)
    part = new.parts[row]
    host = new.parts[row - 1]
    flat = [part.model_copy(update={"subparts": [], "priority": None}), *part.subparts]
    host.subparts = [*host.subparts, *flat]
    new.parts = [p for p in new.parts if p.id != part_id]
    return _done(new, "Make sub-part", part_id)


@operation
def outdent(request: Request, *, part_id: str) -> Done[Request]:
    """Make a sub-part a numbered part right after its parent; the sub-parts after it go with it,
    so the letter reads in the same order as before."""
    _part(request, part_id)
    parent = parent_of(request, part_id)
    if parent is None:
        raise Refused("the part is already a numbered part")
    new = _copy(request)
    host = _part(new, parent.id)
    row = [p.id for p in host.subparts].index(part_id)
    part, following = host.subparts[row], host.subparts[row + 1 :]
    host.subparts = host.subparts[:row]
    promoted = part.model_copy(update={"subparts": following})
    at = new.parts.index(host) + 1
    new.parts = [*new.parts[:at], promoted, *new.parts[at:]]
    return _done(new, "Make numbered part", part_id)


@operation
def accept_order(request: Request, *, order: Sequence[str],
                 subparts: Mapping[str, Sequence[str]] | None = None) -> Done[Request]:
    """The top-level parts in `order` (from `ordering.suggest_order` or `costplan.suggest`),
    ranked 1..N, and each part's sub-parts in the order `subparts` gives (parent id -> sub-part
    ids; a sub-part moves only within its parent). One step: the order for the cost limit.

    Parts the order does not name (added since it was suggested) keep their place after the
    others; ids it names that no longer exist are ignored.
    """
    new = _copy(request)
    by_id = {part.id: part for part in new.parts}
    ordered = [by_id[pid] for pid in dict.fromkeys(order) if pid in by_id]
    seen = {part.id for part in ordered}
    ordered += [part for part in new.ordered_parts() if part.id not in seen]
    for rank, part in enumerate(ordered, start=1):
        part.priority = rank
        wanted = (subparts or {}).get(part.id)
        if wanted and part.subparts:
            subs = {sub.id: sub for sub in part.subparts}
            first = [subs[sid] for sid in dict.fromkeys(wanted) if sid in subs]
            part.subparts = first + [sub for sub in part.subparts if sub.id not in wanted]
    new.parts = ordered
    return _done(new, "Order for the cost limit", *(p.id for p in ordered))


# -- the checker's fixes ----------------------------------------------------------------------


@operation
def apply_fix(request: Request, *, fix: Fix) -> Done[Request]:
    """A checker finding's `Fix`, applied by the operation the editor uses for the same change.
    A fix made for an older version of the request (its part has since gone) is refused."""
    if fix.kind == "replace_text":
        if fix.new_text is None:
            raise Refused("this fix has no new text")
        if fix.part_id is None:
            done = set_introduction(request, text=fix.new_text)
        else:
            if request.find(fix.part_id) is None:
                raise Refused(f"the part this fix was for ({fix.part_id}) is no longer in the request")
            done = set_text(request, part_id=fix.part_id, text=fix.new_text)
    elif fix.kind == "set_option":
        if fix.name == "answer_format":
            done = set_answer_format(request, fmt=fix.value)
        else:
            done = set_option(request, name=fix.name or "", value=fix.value)
    elif fix.kind == "set_format":
        done = set_format(request, fmt=fix.value, part_ids=fix.part_ids)
    elif fix.kind == "remove_part":
        if fix.part_id is None or request.find(fix.part_id) is None:
            raise Refused(f"the part this fix was for ({fix.part_id}) is no longer in the request")
        done = remove_part(request, part_id=fix.part_id)
    elif fix.kind == "add_module":
        done = add_module(request, module_id=fix.module_id)
    elif fix.kind == "reorder":
        done = accept_order(request, order=fix.order)
    else:
        raise Refused(f"unknown kind of fix {fix.kind!r}")
    return Done(done.value, f"Fix: {fix.label}", done.ids)


@operation
def apply_fixes(request: Request, *, fixes: Sequence[Fix]) -> Done[Request]:
    """Several checker fixes as one change ("Fix all of this kind"), each applied in turn. A fix
    whose part has gone since the check is skipped; when none can be applied, refused."""
    if not fixes:
        raise Refused("there are no fixes to apply")
    applied: list[str] = []
    ids: list[str] = []
    for fix in fixes:
        try:
            done = apply_fix(request, fix=fix)
        except Refused:
            continue
        request = done.value
        applied.append(fix.label)
        ids += [i for i in done.ids if i not in ids]
    if not applied:
        raise Refused("none of these fixes applies to the request as it is now")
    what = f"Fix: {applied[0]}" if len(applied) == 1 else f"Fix all ({len(applied)}): {applied[0]}"
    return Done(request, what, tuple(ids))
