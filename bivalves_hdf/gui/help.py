"""The Aide menu: the French user guide, the procedure note and the field sheets, as HTML."""

from __future__ import annotations

from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QDesktopServices

from bivalves_hdf.paths import DOCS_DIR


def help_index() -> str:
    """Path of the help entry page (docs/index.html, built by `make docs`, else the Markdown)."""
    for name in ("index.html", "index.md"):
        if (DOCS_DIR / name).is_file():
            return str(DOCS_DIR / name)
    return str(DOCS_DIR)


def open_help() -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(help_index()))
