"""The Qt desktop app. The only package that imports Qt, and only through `composer.ui.qt`."""
