"""The app's remembered state: window layout, recent files, last choices. No Qt here.

One pydantic model saved as `settings.json` in the data folder, atomically, with a
`schema_version`. Window geometry is kept as a plain (base64) string so the model stays Qt-free.
A settings file that cannot be read is set aside and the defaults are used: a broken settings
file never stops the app from opening.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from composer import paths, storage

SETTINGS_VERSION = 1
RECENT_LIMIT = 8


class Settings(BaseModel):
    model_config = ConfigDict(validate_assignment=True, extra="ignore")

    schema_version: int = SETTINGS_VERSION
    window_geometry: str = Field(default="", description="QMainWindow.saveGeometry(), base64")
    splitters: dict[str, str] = Field(default_factory=dict, description="QSplitter.saveState(), base64")
    recent_files: list[str] = Field(default_factory=list, description="most recent first")
    preview_force: str | None = Field(default=None, description="force id the preview shows")
    forces: list[str] = Field(default_factory=list, description="force ids last chosen")
    export_folder: str | None = None
    export_format: str | None = None
    export_template: str | None = None

    def with_recent(self, path: Path) -> Settings:
        """A copy with `path` at the top of the recent files, duplicates and extras dropped."""
        entry = str(Path(path).resolve())
        recent = [entry] + [p for p in self.recent_files if p != entry]
        return self.model_copy(update={"recent_files": recent[:RECENT_LIMIT]})

    def without_recent(self, path: str) -> Settings:
        return self.model_copy(update={"recent_files": [p for p in self.recent_files if p != path]})


def settings_path() -> Path:
    return paths.data_dir() / "settings.json"


def load_settings() -> tuple[Settings, str | None]:
    """The saved settings (defaults if none) and a message if a broken file was set aside."""
    return storage.load_or_set_aside(settings_path(), Settings, what="settings file",
                                     current_version=SETTINGS_VERSION,
                                     instead="the default settings are used")


def save_settings(settings: Settings) -> Path:
    """Write the settings under their lock (another window may be writing its own)."""
    path = settings_path()
    with storage.locked(path):
        storage.write_model(path, settings)
    return path


def save_changes(started: Settings, current: Settings) -> Settings:
    """Write what changed between `started` (as this window read them) and `current` over the
    settings as they are on disk now, under their lock: another window's changes since are kept
    (its recent files too, after this window's). Returns the settings written."""
    changed = {name: getattr(current, name) for name in Settings.model_fields
               if getattr(current, name) != getattr(started, name)}

    def merge(on_disk: Settings) -> Settings:
        merged = on_disk.model_copy(update=changed)
        if "recent_files" in changed:
            recent = list(dict.fromkeys([*current.recent_files, *on_disk.recent_files]))
            merged = merged.model_copy(update={"recent_files": recent[:RECENT_LIMIT]})
        return merged

    return update_settings(merge)


def update_settings(change: Callable[[Settings], Settings]) -> Settings:
    """Change the saved settings as a read-modify-write under their lock."""
    return storage.update_model(settings_path(), Settings, change, what="settings file",
                                current_version=SETTINGS_VERSION)[0]
