"""The plugin's page in QGIS's Settings › Options dialog."""

from __future__ import annotations

from qgis.gui import QgsFileWidget, QgsOptionsPageWidget, QgsOptionsWidgetFactory
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QFormLayout

from bivalves_hdf.paths import icon_path
from bivalves_hdf.qgis_io.i18n import tr
from bivalves_hdf.qgis_io.settings import Settings

PAGE_KEY = "bivalves_hdf"


class OptionsPage(QgsOptionsPageWidget):
    """Form over `Settings`; applied when the user presses OK."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName(PAGE_KEY)
        settings = Settings.load()
        layout = QFormLayout(self)
        self.data_path = QgsFileWidget(self)
        self.data_path.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        self.data_path.setFilter("GeoPackage (*.gpkg)")
        self.data_path.setFilePath(settings.data_path)
        layout.addRow(tr("GeoPackage of the data"), self.data_path)

    def apply(self) -> None:
        settings = Settings.load()
        settings.data_path = self.data_path.filePath()
        settings.save()


class OptionsFactory(QgsOptionsWidgetFactory):
    """Registers the page under the plugin's name."""

    def __init__(self) -> None:
        super().__init__(tr("Bivalves Hauts-de-France"), QIcon(icon_path("bivalves_hdf.svg")))

    def createWidget(self, parent=None) -> OptionsPage:  # noqa: N802 - QGIS API
        return OptionsPage(parent)
