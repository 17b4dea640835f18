"""One place for the Qt/QGIS names that differ between QGIS 3.22 and QGIS 4 (Qt6)."""

from __future__ import annotations

from qgis.PyQt.QtCore import Qt

RIGHT_DOCK_AREA = Qt.DockWidgetArea.RightDockWidgetArea
LEFT_DOCK_AREA = Qt.DockWidgetArea.LeftDockWidgetArea
