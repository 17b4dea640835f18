"""A QGIS application for the command line (offscreen): print layouts and rendering need one."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from qgis.core import QgsApplication


@contextmanager
def qgis_application() -> Iterator[QgsApplication]:
    """Reuse the running QgsApplication (QGIS, tests) or start an offscreen one for the block."""
    running = QgsApplication.instance()
    if running is not None:
        yield running
        return
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    QgsApplication.setPrefixPath(os.environ.get("QGIS_PREFIX_PATH", "/usr"), True)
    app = QgsApplication([], False)
    app.initQgis()
    try:
        yield app
    finally:
        app.exitQgis()
