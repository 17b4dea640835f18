"""The plugin's page in QGIS's Settings › Options dialog."""

from __future__ import annotations

from qgis.gui import (
    QgsAuthConfigSelect,
    QgsFileWidget,
    QgsOptionsPageWidget,
    QgsOptionsWidgetFactory,
    QgsProviderConnectionComboBox,
)
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
)

from bivalves_hdf.core.report_content import SENSITIVE_PRECISIONS
from bivalves_hdf.paths import icon_path
from bivalves_hdf.qgis_io.i18n import tr
from bivalves_hdf.qgis_io.settings import AREAS, Settings

PAGE_KEY = "bivalves_hdf"


def source_labels() -> dict[str, str]:
    return {
        "openobs": tr("OpenObs (INPN)"),
        "sinp_hdf": tr("SINP Hauts-de-France"),
        "gbif": tr("GBIF"),
        "hubeau": tr("Hub'Eau hydrobiology"),
    }


def area_labels() -> dict[str, str]:
    return {
        "region": tr("Hauts-de-France region"),
        "dept:02": tr("Aisne (02)"),
        "dept:59": tr("Nord (59)"),
        "dept:60": tr("Oise (60)"),
        "dept:62": tr("Pas-de-Calais (62)"),
        "dept:80": tr("Somme (80)"),
    }


def precision_labels() -> dict[str, str]:
    return {
        "precise": tr("Precise location"),
        "commune": tr("Municipality"),
        "maille": tr("10 km grid cell"),
        "departement": tr("Department"),
    }


def fill_combo(combo: QComboBox, labels: dict[str, str], keys, current: str) -> None:
    for key in keys:
        combo.addItem(labels[key], key)
    combo.setCurrentIndex(max(combo.findData(current), 0))


class OptionsPage(QgsOptionsPageWidget):
    """Form over `Settings`; applied when the user presses OK."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName(PAGE_KEY)
        settings = Settings.load()
        layout = QVBoxLayout(self)

        data = QGroupBox(tr("Data"), self)
        form = QFormLayout(data)
        self.data_path = QgsFileWidget(data)
        self.data_path.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        self.data_path.setFilter("GeoPackage (*.gpkg)")
        self.data_path.setFilePath(settings.data_path)
        form.addRow(tr("GeoPackage of the data"), self.data_path)
        self.source_kind = QComboBox(data)
        self.source_kind.addItem(tr("The GeoPackage above"), "gpkg")
        self.source_kind.addItem(tr("The shared PostGIS database"), "postgis")
        self.source_kind.setCurrentIndex(max(self.source_kind.findData(settings.source_kind), 0))
        form.addRow(tr("Load the layers from"), self.source_kind)
        layout.addWidget(data)

        shared = QGroupBox(tr("Shared PostGIS database"), self)
        form = QFormLayout(shared)
        self.pg_connection = QgsProviderConnectionComboBox("postgres", shared)
        self.pg_connection.setAllowEmptyConnection(True)
        self.pg_connection.setConnection(settings.pg_connection)
        form.addRow(tr("QGIS connection"), self.pg_connection)
        self.pg_authcfg = QgsAuthConfigSelect(shared, "postgres")
        self.pg_authcfg.setConfigId(settings.pg_authcfg)
        form.addRow(tr("Authentication"), self.pg_authcfg)
        self.pg_schema = QLineEdit(settings.pg_schema, shared)
        form.addRow(tr("Schema"), self.pg_schema)
        layout.addWidget(shared)

        refresh = QGroupBox(tr("Updates"), self)
        form = QFormLayout(refresh)
        boxes = QHBoxLayout()
        self.sources = {}
        for key, label in source_labels().items():
            self.sources[key] = QCheckBox(label, refresh)
            self.sources[key].setChecked(key in settings.sources)
            boxes.addWidget(self.sources[key])
        form.addRow(tr("Default sources"), boxes)
        self.area = QComboBox(refresh)
        fill_combo(self.area, area_labels(), AREAS, settings.default_area)
        form.addRow(tr("Default area"), self.area)
        self.rate_limit = QDoubleSpinBox(refresh)
        self.rate_limit.setRange(0.1, 20.0)
        self.rate_limit.setSingleStep(0.5)
        self.rate_limit.setSuffix(tr(" requests/s"))
        self.rate_limit.setValue(settings.rate_limit)
        form.addRow(tr("Rate limit per service"), self.rate_limit)
        self.incremental = QCheckBox(tr("Only fetch what changed since the last update"), refresh)
        self.incremental.setChecked(settings.incremental)
        form.addRow(self.incremental)
        layout.addWidget(refresh)

        sensitive = QGroupBox(tr("Sensitive records"), self)
        form = QFormLayout(sensitive)
        self.sensitive_precision = QComboBox(sensitive)
        fill_combo(self.sensitive_precision, precision_labels(), SENSITIVE_PRECISIONS, settings.sensitive_precision)
        form.addRow(tr("Precision of sensitive records"), self.sensitive_precision)
        layout.addWidget(sensitive)
        layout.addStretch(1)

    def settings(self) -> Settings:
        """The settings as the form shows them."""
        settings = Settings.load()
        settings.data_path = self.data_path.filePath()
        settings.source_kind = self.source_kind.currentData()
        settings.pg_connection = self.pg_connection.currentConnection() or ""
        settings.pg_authcfg = self.pg_authcfg.configId()
        settings.pg_schema = self.pg_schema.text().strip() or Settings.pg_schema
        settings.sources = [key for key, box in self.sources.items() if box.isChecked()]
        settings.default_area = self.area.currentData()
        settings.rate_limit = self.rate_limit.value()
        settings.incremental = self.incremental.isChecked()
        settings.sensitive_precision = self.sensitive_precision.currentData()
        return settings.validated()

    def apply(self) -> None:
        self.settings().save()


class OptionsFactory(QgsOptionsWidgetFactory):
    """Registers the page under the plugin's name."""

    def __init__(self) -> None:
        super().__init__(tr("Bivalves Hauts-de-France"), QIcon(icon_path("bivalves_hdf.svg")))

    def createWidget(self, parent=None) -> OptionsPage:  # noqa: N802 - QGIS API
        return OptionsPage(parent)
