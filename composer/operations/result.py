"""What every operation returns, and what it raises when it refuses."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from composer.errors import ComposerError

T = TypeVar("T")


class Refused(ComposerError):
    """An operation that would leave the request or campaign invalid; the message says why."""


@dataclass(frozen=True)
class Done(Generic[T]):
    """The new value, and what changed: one line for the undo menu or the command line, and the
    ids of the parts or forces it touched."""

    value: T
    what: str
    ids: tuple[str, ...] = ()
