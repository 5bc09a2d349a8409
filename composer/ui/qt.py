"""The one place the app imports Qt. Every other module in `composer.ui` imports from here.

Keeping Qt behind one module means the binding is named once, a test can check that no other
module reaches for it, and the core (`composer/` outside `ui/`) stays usable without Qt at all.

Names are looked up on first use (PEP 562 `__getattr__`): PySide6 builds each class's Python
type when it is first touched, so a window that needs 40 classes at start-up does not pay for
the 90 the whole app uses. `from composer.ui.qt import QWizard` works as usual, for any name
in QtCore, QtGui or QtWidgets.
"""

from __future__ import annotations

import sys

_LOADED_BEFORE = list(sys.modules)

from PySide6 import QtCore, QtGui, QtWidgets  # noqa: E402

_MODULES = (QtCore, QtGui, QtWidgets)


def alive(obj) -> bool:
    """Whether the Qt object behind `obj` still exists (a window closed and deleted does not)."""
    from shiboken6 import isValid

    return isValid(obj)


def _spare_the_feature_check(names: list[str]) -> None:
    """From its first import on, PySide6 reads the whole source of every module an import
    statement names, once, to see whether it switches on PySide6's `__feature__`s (about 5 ms
    over the app's start). A module loaded before PySide6 cannot have done that (there was no
    `__feature__` to import), so each is entered as PySide6 enters a module it is to ignore
    (-1). Should a later PySide6 keep that table elsewhere, this does nothing."""
    table = getattr(sys.modules.get("__feature__"), "pyside_feature_dict", None)
    if isinstance(table, dict):
        for name in names:
            table.setdefault(name, -1)


_spare_the_feature_check(_LOADED_BEFORE)


def __getattr__(name: str):
    for module in _MODULES:
        value = getattr(module, name, None)
        if value is not None:
            globals()[name] = value  # looked up once
            return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r} (not in QtCore, QtGui or QtWidgets)")


def __dir__() -> list[str]:
    return sorted({n for m in _MODULES for n in dir(m) if n.startswith("Q") or n in ("Signal", "Slot")})
