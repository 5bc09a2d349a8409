"""The app carries its own icon, read from the package's data."""

from __future__ import annotations

from composer.ui.app import application


def test_the_window_icon_is_the_apps_own(qapp):
    icon = application().windowIcon()
    assert not icon.isNull()
    assert icon.pixmap(64, 64).width() == 64
