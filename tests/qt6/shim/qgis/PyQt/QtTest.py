# ruff: noqa: N999 - the module names of qgis.PyQt
"""`qgis.PyQt.QtTest` re-exporting PyQt6.QtTest (test-only shim)."""

from PyQt6.QtTest import *  # noqa: F403
