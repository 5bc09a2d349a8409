"""The Qt desktop app. The only package that imports Qt, and only through `composer.ui.qt`.

The Qt-free modules the main window needs are imported here, before Qt. Once PySide6 is loaded,
its import hook reads the source of every module imported after it (to see whether the module
uses PySide6's `__feature__` switches); loading these first spares the start-up that work.
"""

from composer import forces, library, outline, profile  # noqa: F401
from composer.operations import request  # noqa: F401
from composer.ui import autosave, settings  # noqa: F401
