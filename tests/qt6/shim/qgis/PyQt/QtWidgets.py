# ruff: noqa: N999 - the module names of qgis.PyQt
"""`qgis.PyQt.QtWidgets` re-exporting PyQt6.QtWidgets (test-only shim).

QGIS aliases QAction, QActionGroup and QShortcut into QtWidgets on Qt6; so does this shim.
"""

from PyQt6.QtGui import QAction, QActionGroup, QShortcut  # noqa: F401
from PyQt6.QtWidgets import *  # noqa: F403
