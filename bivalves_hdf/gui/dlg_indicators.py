"""Menu "Indicators by territory": territories from a layer or a file, output folder.

The indicators, the layer and the CSV are computed in a QgsTask; the PDF summary (Qt rich text)
is written on the main thread, then the layer is added to the project and the PDF opened.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from qgis.gui import QgsFieldComboBox, QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
)

from bivalves_hdf.core.errors import BivalvesError
from bivalves_hdf.core.indicators import Territory, TerritoryIndicators
from bivalves_hdf.qgis_io import log
from bivalves_hdf.qgis_io.compat import FILTER_POLYGON_LAYER
from bivalves_hdf.qgis_io.i18n import tr
from bivalves_hdf.qgis_io.report_inputs import territories_from_features
from bivalves_hdf.qgis_io.settings import Settings
from bivalves_hdf.qgis_io.tasks import PythonThreadTask

_RUNNING: set = set()


class IndicatorsTask(PythonThreadTask):
    """Worker: indicators, GeoPackage layer and CSV; then the PDF summary on the main thread."""

    def __init__(self, data_path: Path, territories: list[Territory], out_dir: Path, iface=None,
                 open_outputs: bool = True) -> None:
        super().__init__(tr("Bivalves: indicators by territory"))
        self.data_path, self.territories, self.out_dir = Path(data_path), territories, Path(out_dir)
        self.iface, self.open_outputs = iface, open_outputs
        self.results: list[TerritoryIndicators] = []

    def work(self) -> None:
        from bivalves_hdf.core.indicators import compute_indicators, write_indicators_csv, write_indicators_gpkg

        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.results = compute_indicators(self.data_path, self.territories)
        write_indicators_gpkg(self.results, self.out_dir / "indicateurs.gpkg")
        write_indicators_csv(self.results, self.out_dir / "indicateurs.csv")

    def finished(self, ok: bool) -> None:
        _RUNNING.discard(self)
        if not ok:
            log.notify(self.iface, tr("The indicators could not be computed."), log.Qgis.MessageLevel.Critical,
                       self.error)
            return
        from bivalves_hdf.qgis_io.indicators_summary import summary_footer, write_summary_pdf

        pdf = write_summary_pdf(self.results, self.out_dir / "indicateurs.pdf", summary_footer(self.data_path))
        log.notify(self.iface, tr("Indicators written in {folder}").format(folder=str(self.out_dir)))
        if self.open_outputs:
            layer = QgsVectorLayer(f"{self.out_dir / 'indicateurs.gpkg'}|layername=indicateurs",
                                   tr("Bivalve indicators"), "ogr")
            if layer.isValid():
                QgsProject.instance().addMapLayer(layer)
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(pdf)))


class IndicatorsDialog(QDialog):
    """Territories (features of a polygon layer, or a vector file) and the output folder."""

    LAYER, FILE = range(2)

    def __init__(self, iface, parent=None) -> None:
        super().__init__(parent)
        self.iface = iface
        self.setWindowTitle(tr("Indicators by territory"))
        self.setMinimumWidth(520)
        form = QFormLayout()
        self.data_file = QgsFileWidget()
        self.data_file.setFilter("GeoPackage (*.gpkg)")
        self.data_file.setFilePath(Settings.load().data_path)
        form.addRow(tr("Data (GeoPackage)"), self.data_file)
        self.mode = QComboBox()
        self.mode.addItems([tr("Polygons of a layer"), tr("Vector file")])
        form.addRow(tr("Territories"), self.mode)
        self.layer = QgsMapLayerComboBox()
        self.layer.setFilters(FILTER_POLYGON_LAYER)
        self.name_field = QgsFieldComboBox()
        self.name_field.setAllowEmptyFieldName(True)
        self.name_field.setLayer(self.layer.currentLayer())
        self.layer.layerChanged.connect(self.name_field.setLayer)
        self.selected_only = QCheckBox(tr("Only the selected features"))
        self.zones_file = QgsFileWidget()
        self.zones_file.setFilter(tr("Vector files (*.geojson *.json *.gpkg *.shp *.kml)"))
        form.addRow(tr("Layer"), self.layer)
        form.addRow(tr("Name field"), self.name_field)
        form.addRow("", self.selected_only)
        form.addRow(tr("File"), self.zones_file)
        # one form, so every label lines up; the rows of the other mode are hidden
        self.mode_rows = {self.LAYER: (self.layer, self.name_field, self.selected_only), self.FILE: (self.zones_file,)}
        self.mode.currentIndexChanged.connect(lambda index: self._show_mode_rows(form, index))
        self.output = QgsFileWidget()
        self.output.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.output.setFilePath(str(Path.home() / "indicateurs_bivalves"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Compute"))
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)
        form.addRow(tr("Output folder"), self.output)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self._show_mode_rows(form, self.mode.currentIndex())  # once the widgets belong to the dialog
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _show_mode_rows(self, form: QFormLayout, mode: int) -> None:
        for row_mode, widgets in self.mode_rows.items():
            for widget in widgets:
                widget.setVisible(row_mode == mode)
                label = form.labelForField(widget)
                if label is not None:
                    label.setVisible(row_mode == mode)

    def territories(self) -> list[Territory]:
        """The chosen territories in Lambert-93 (raises BivalvesError with a message for the user)."""
        if self.mode.currentIndex() == self.FILE:
            from bivalves_hdf.core.indicators import read_territories

            if not self.zones_file.filePath():
                raise BivalvesError(tr("Choose the territories file."))
            return read_territories(self.zones_file.filePath())
        layer = self.layer.currentLayer()
        if layer is None:
            raise BivalvesError(tr("Choose a polygon layer."))
        features = list(layer.selectedFeatures() if self.selected_only.isChecked() else layer.getFeatures())
        if not features:
            raise BivalvesError(tr("The layer has no feature to use (none selected, or the layer is empty)."))
        return territories_from_features(features, layer.crs(), self.name_field.currentField(),
                                         QgsProject.instance().transformContext())

    def build_task(self, open_outputs: bool = True) -> IndicatorsTask:
        data = Path(self.data_file.filePath())
        if not data.is_file():
            raise BivalvesError(tr("The data file does not exist: {path}").format(path=str(data)))
        if not self.output.filePath():
            raise BivalvesError(tr("Choose the output folder."))
        return IndicatorsTask(data, self.territories(), Path(self.output.filePath()), self.iface, open_outputs)

    def start(self) -> None:
        try:
            task = self.build_task()
        except BivalvesError as error:
            self.message.setText(str(error))
            return
        _RUNNING.add(task)
        QgsApplication.taskManager().addTask(task)
        log.notify(self.iface, tr("The indicators are being computed."))
        self.accept()
