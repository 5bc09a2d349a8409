"""What every operation returns, and what it raises when it refuses."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, ParamSpec, TypeVar

from pydantic import ValidationError

from composer.errors import ComposerError

T = TypeVar("T")
P = ParamSpec("P")


class Refused(ComposerError):
    """An operation that would leave the request or campaign invalid; the message says why."""


@dataclass(frozen=True)
class Done(Generic[T]):
    """The new value, and what changed: one line for the undo menu or the command line, and the
    ids of the parts or forces it touched."""

    value: T
    what: str
    ids: tuple[str, ...] = ()


def operation(function: Callable[P, Done[T]]) -> Callable[P, Done[T]]:
    """Mark an operation: a value the model refuses becomes `Refused`, in one line."""

    @functools.wraps(function)
    def checked(*args: P.args, **kwargs: P.kwargs) -> Done[T]:
        try:
            return function(*args, **kwargs)
        except ValidationError as exc:
            error = exc.errors()[0]
            where = ".".join(str(x) for x in error["loc"]) or exc.title
            raise Refused(f"{where}: {error['msg']}") from None

    return checked
