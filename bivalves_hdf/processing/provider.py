"""The Processing provider: one algorithm per job a user can start from the menu."""

from __future__ import annotations

import importlib
import pkgutil

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from bivalves_hdf import processing as algorithms_package
from bivalves_hdf.__about__ import __version__
from bivalves_hdf.paths import icon_path

PROVIDER_ID = "bivalves_hdf"


def algorithm_classes() -> list[type]:
    """Every `ALGORITHM` class of the `processing/alg_*.py` modules."""
    classes = []
    for module in sorted(pkgutil.iter_modules(algorithms_package.__path__), key=lambda m: m.name):
        if module.name.startswith("alg_"):
            classes.append(importlib.import_module(f"{algorithms_package.__name__}.{module.name}").ALGORITHM)
    return classes


class BivalvesProvider(QgsProcessingProvider):
    """Provider "Bivalves Hauts-de-France"."""

    def id(self) -> str:  # noqa: A003 - QGIS API
        return PROVIDER_ID

    def name(self) -> str:
        return "Bivalves Hauts-de-France"

    def icon(self) -> QIcon:
        return QIcon(icon_path("bivalves_hdf.svg"))

    def versionInfo(self) -> str:  # noqa: N802 - QGIS API
        return __version__

    def loadAlgorithms(self) -> None:  # noqa: N802 - QGIS API
        for cls in algorithm_classes():
            self.addAlgorithm(cls())
