# ruff: noqa: N999 - the module names of qgis.PyQt
"""`qgis.PyQt.QtGui` re-exporting PyQt6.QtGui (test-only shim)."""

from PyQt6.QtGui import *  # noqa: F403
