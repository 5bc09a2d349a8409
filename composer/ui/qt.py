"""The one place the app imports Qt. Every other module in `composer.ui` imports from here.

Keeping Qt behind one module means the binding is named once, a test can check that no other
module reaches for it, and the core (`composer/` outside `ui/`) stays usable without Qt at all.

Names are looked up on first use (PEP 562 `__getattr__`): PySide6 builds each class's Python
type when it is first touched, so a window that needs 40 classes at start-up does not pay for
the 90 the whole app uses. `from composer.ui.qt import QWizard` works as usual.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

_MODULES = {"QtCore": QtCore, "QtGui": QtGui, "QtWidgets": QtWidgets}

NAMES = {
    "QtCore": (
        "QAbstractItemModel", "QAbstractTableModel", "QByteArray", "QEvent",
        "QItemSelectionModel", "QLockFile", "QMimeData", "QModelIndex", "QObject",
        "QPersistentModelIndex", "QSize", "QSortFilterProxyModel", "QStandardPaths", "Qt",
        "QThread", "QTimer", "QUrl", "Signal", "Slot",
    ),
    "QtGui": (
        "QAction", "QCloseEvent", "QColor", "QDesktopServices", "QFont", "QFontDatabase",
        "QGuiApplication", "QIcon", "QKeySequence", "QPalette", "QShowEvent", "QStandardItem",
        "QStandardItemModel", "QTextCharFormat", "QTextCursor", "QTextFormat", "QUndoCommand",
        "QUndoStack",
    ),
    "QtWidgets": (
        "QAbstractItemView", "QApplication", "QButtonGroup", "QCheckBox", "QComboBox",
        "QDialog", "QDialogButtonBox", "QDockWidget", "QFileDialog", "QFormLayout", "QFrame",
        "QGridLayout", "QGroupBox", "QHBoxLayout", "QHeaderView", "QInputDialog", "QLabel", "QLineEdit",
        "QListWidget", "QListWidgetItem", "QMainWindow", "QMenu", "QMessageBox",
        "QPlainTextEdit", "QProgressBar", "QPushButton", "QRadioButton", "QScrollArea",
        "QSizePolicy", "QSpinBox", "QSplitter", "QStatusBar", "QStyle", "QTableView", "QTabWidget",
        "QTextBrowser", "QTextEdit", "QToolBar", "QToolButton", "QTreeView", "QTreeWidget",
        "QTreeWidgetItem", "QVBoxLayout", "QWidget", "QWizard", "QWizardPage",
    ),
}
__all__ = [name for names in NAMES.values() for name in names]
_WHERE = {name: module for module, names in NAMES.items() for name in names}


def __getattr__(name: str):
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"composer.ui.qt does not export {name!r}; add it to NAMES")
    value = getattr(_MODULES[module], name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
