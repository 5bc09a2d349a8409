"""Every change the app can make to a request, as a pure function: request in, new request out.

No Qt and no mutation of the request passed in: each function works on a deep copy, so the
undo stack can keep the before and after of every step. `QtDocument.edit()` is the one caller
in the app; the functions are tested on their own.
"""

from __future__ import annotations

from collections.abc import Iterable

from composer.errors import ComposerError
from composer.model import AnswerFormat, Condition, Part, Request


class EditRefused(ComposerError):
    """An edit that would make the outline invalid; the message says why."""


def _copy(request: Request) -> Request:
    return request.model_copy(deep=True)


def _part(request: Request, part_id: str) -> Part:
    part = request.find(part_id)
    if part is None:
        raise EditRefused(f"there is no part with id {part_id!r}")
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


# -- the request as a whole ------------------------------------------------------------------


def set_title(request: Request, title: str) -> Request:
    new = _copy(request)
    new.title = title
    return new


def set_forces(request: Request, force_ids: Iterable[str]) -> Request:
    new = _copy(request)
    try:
        new.forces = list(force_ids)  # validated: ids, no repeats
    except ValueError as exc:
        raise EditRefused(f"cannot send it to those forces: {exc}") from None
    return new


def set_introduction(request: Request, text: str) -> Request:
    new = _copy(request)
    new.introduction = text if text.strip() else None
    return new


def set_field(request: Request, name: str, value: str) -> Request:
    new = _copy(request)
    fields = dict(new.fields)
    if value.strip():
        fields[name] = value
    else:
        fields.pop(name, None)
    new.fields = fields
    return new


def set_answer_format(request: Request, fmt: AnswerFormat | None) -> Request:
    new = _copy(request)
    new.options.answer_format = fmt
    return new


def set_format_part(request: Request, part_id: str, wanted: bool) -> Request:
    """Whether the format preference names this part (none named: it covers the whole request)."""
    new = _copy(request)
    ids = [pid for pid in new.options.format_parts if pid != part_id]
    if wanted:
        ids.append(part_id)
    new.options.format_parts = [p.id for p in new.all_parts() if p.id in ids]
    return new


def set_cost_limit_clause(request: Request, wanted: bool) -> Request:
    new = _copy(request)
    new.options.cost_limit_clause = wanted
    return new


# -- one part ---------------------------------------------------------------------------------


def set_text(request: Request, part_id: str, text: str) -> Request:
    """Typing: runs on every keystroke, so only the part typed into (and the part holding it)
    is copied; the other parts are shared with `request`, which no edit ever changes."""
    _part(request, part_id)
    parts = []
    for top in request.parts:
        if top.id == part_id:
            top = top.model_copy(update={"text": text})
        elif any(sub.id == part_id for sub in top.subparts):
            subs = [s.model_copy(update={"text": text}) if s.id == part_id else s for s in top.subparts]
            top = top.model_copy(update={"subparts": subs})
        parts.append(top)
    return request.model_copy(update={"parts": parts})


def set_condition(request: Request, part_id: str, condition: Condition | None) -> Request:
    new = _copy(request)
    _part(new, part_id).condition = condition
    return new


def set_priority(request: Request, part_id: str, priority: int | None) -> Request:
    new = _copy(request)
    part = _part(new, part_id)
    if parent_of(new, part_id) is not None and priority is not None:
        raise EditRefused("only a numbered part can have a priority; its sub-parts go with it")
    part.priority = priority
    return new


def set_dataset(request: Request, part_id: str, dataset: bool) -> Request:
    new = _copy(request)
    _part(new, part_id).dataset = dataset
    return new


# -- structure --------------------------------------------------------------------------------


def add_part(request: Request, new_id: str, *, after: str | None = None, text: str = "") -> Request:
    """A new top-level part after `after`'s numbered part (or at the end)."""
    new = _copy(request)
    row = len(new.parts)
    if after is not None:
        anchor = parent_of(new, after) or _part(new, after)
        row = new.parts.index(anchor) + 1
    parts = list(new.parts)
    parts.insert(row, Part(id=new_id, text=text))
    new.parts = parts
    return new


def add_followup(
    request: Request, parent_id: str, new_id: str, *, text: str = "", condition: Condition = "if_yes"
) -> Request:
    """An "if yes" sub-part under a numbered part (after the selected sub-part, if one is)."""
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
    return new


def insert_parts(
    request: Request, parts: Iterable[Part], *, under: str | None = None, after: str | None = None
) -> Request:
    """Add parts (from the question bank): as sub-parts of `under`, or top-level after `after`."""
    new = _copy(request)
    incoming = [p.model_copy(deep=True) for p in parts]
    taken = {p.id for p in new.all_parts()}
    for part in incoming:
        for item in [part, *part.subparts]:
            if item.id in taken:
                raise EditRefused(f"the outline already has a part with id {item.id!r}")
            taken.add(item.id)
    if under is not None:
        parent = parent_of(new, under) or _part(new, under)
        flat: list[Part] = []
        for part in incoming:
            flat.append(part.model_copy(update={"subparts": []}))
            flat.extend(part.subparts)
        parent.subparts = [*parent.subparts, *flat]
        return new
    row = len(new.parts)
    if after is not None:
        anchor = parent_of(new, after) or _part(new, after)
        row = new.parts.index(anchor) + 1
    new.parts = [*new.parts[:row], *incoming, *new.parts[row:]]
    return new


def remove_part(request: Request, part_id: str) -> Request:
    new = _copy(request)
    _part(new, part_id)
    parent = parent_of(new, part_id)
    if parent is None:
        new.parts = [p for p in new.parts if p.id != part_id]
    else:
        parent.subparts = [p for p in parent.subparts if p.id != part_id]
    removed = {part_id} | {s.id for s in (request.find(part_id) or Part()).subparts}
    if any(pid in removed for pid in new.options.format_parts):
        new.options.format_parts = [pid for pid in new.options.format_parts if pid not in removed]
    return new


def move_part(request: Request, part_id: str, *, parent_id: str | None, row: int) -> Request:
    """Move a part to position `row` among the top-level parts (`parent_id` None) or among the
    sub-parts of `parent_id`. `row` counts positions before the move, as a drop target does;
    a row out of range means the end."""
    new = _copy(request)
    part = _part(new, part_id)
    if parent_id == part_id:
        raise EditRefused("a part cannot go inside itself")
    target = None if parent_id is None else _part(new, parent_id)
    if target is not None:
        if parent_of(new, target.id) is not None:
            raise EditRefused("sub-parts cannot have sub-parts of their own (only 1, 1a, 1b …)")
        if part.subparts:
            raise EditRefused(
                "a part with sub-parts cannot become a sub-part; move its sub-parts out first"
            )
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
    return new


def _assign(request: Request, parent: Part | None, parts: list[Part]) -> None:
    if parent is None:
        request.parts = parts
    else:
        parent.subparts = parts


def move_up(request: Request, part_id: str) -> Request:
    row = [p.id for p in siblings(request, part_id)].index(part_id)
    if row == 0:
        raise EditRefused("the part is already first")
    parent = parent_of(request, part_id)
    return move_part(request, part_id, parent_id=parent and parent.id, row=row - 1)


def move_down(request: Request, part_id: str) -> Request:
    group = siblings(request, part_id)
    row = [p.id for p in group].index(part_id)
    if row == len(group) - 1:
        raise EditRefused("the part is already last")
    parent = parent_of(request, part_id)
    return move_part(request, part_id, parent_id=parent and parent.id, row=row + 2)


def indent(request: Request, part_id: str) -> Request:
    """Make a numbered part (and its own sub-parts, in order) sub-parts of the part before it."""
    if parent_of(request, part_id) is not None:
        raise EditRefused("the part is already a sub-part (only one level: 1, 1a, 1b …)")
    row = [p.id for p in request.parts].index(part_id)
    if row == 0:
        raise EditRefused("the first part has no part before it to go under")
    new = _copy(request)
    part = new.parts[row]
    host = new.parts[row - 1]
    flat = [part.model_copy(update={"subparts": [], "priority": None}), *part.subparts]
    host.subparts = [*host.subparts, *flat]
    new.parts = [p for p in new.parts if p.id != part_id]
    return new


def outdent(request: Request, part_id: str) -> Request:
    """Make a sub-part a numbered part right after its parent; the sub-parts after it go with it,
    so the letter reads in the same order as before."""
    parent = parent_of(request, part_id)
    if parent is None:
        raise EditRefused("the part is already a numbered part")
    new = _copy(request)
    host = _part(new, parent.id)
    row = [p.id for p in host.subparts].index(part_id)
    part, following = host.subparts[row], host.subparts[row + 1 :]
    host.subparts = host.subparts[:row]
    promoted = part.model_copy(update={"subparts": following})
    at = new.parts.index(host) + 1
    new.parts = [*new.parts[:at], promoted, *new.parts[at:]]
    return new
