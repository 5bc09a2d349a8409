"""The Qt desktop app. The only package that imports Qt, and only through `composer.ui.qt`.

The Qt-free modules the main window needs are imported here, before Qt. Once PySide6 is loaded,
its import hook reads the source of every module named in an import after it (to see whether the
module uses PySide6's `__feature__` switches); `composer.ui.qt` spares the modules loaded before
it that work. (The autosave file's module is not among them: it loads after the first paint.)
"""

from composer import forces, library, outline, profile  # noqa: F401
from composer.operations import request  # noqa: F401
from composer.ui import settings  # noqa: F401
