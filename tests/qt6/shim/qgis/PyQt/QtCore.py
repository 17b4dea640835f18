# ruff: noqa: N999 - the module names of qgis.PyQt
"""`qgis.PyQt.QtCore` re-exporting PyQt6.QtCore (test-only shim)."""

from PyQt6.QtCore import *  # noqa: F403
