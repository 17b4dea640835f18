"""Translation for the QGIS-facing code: English source strings, French .qm."""

from __future__ import annotations

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

from bivalves_hdf.paths import I18N_DIR

CONTEXT = "@default"  # the context pylupdate5 gives a bare tr() call


def tr(text: str) -> str:
    """Translate a source string (never build it with an f-string: pylupdate5 reads literals)."""
    return QCoreApplication.translate(CONTEXT, text)


def user_locale() -> str:
    """Two-letter language QGIS runs in."""
    override = QgsSettings().value("locale/overrideFlag", False, type=bool)
    name = QgsSettings().value("locale/userLocale", "", type=str) if override else ""
    return (name or QLocale().name() or "en")[0:2]


def install_translator() -> QTranslator | None:
    """Load i18n/bivalves_hdf_<lang>.qm into the application when it exists."""
    qm = I18N_DIR / f"bivalves_hdf_{user_locale()}.qm"
    if not qm.is_file():
        return None
    translator = QTranslator()
    if not translator.load(str(qm)):
        return None
    QCoreApplication.installTranslator(translator)
    return translator
