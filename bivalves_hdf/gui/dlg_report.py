"""Menu "Extract for a procedure": choose a perimeter, a buffer, a period and the PDF to write.

The records are selected and the GeoPackage/CSV written in a QgsTask; the PDF (a print layout)
is then drawn on the main thread and opened.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
)
from qgis.gui import QgsDateEdit, QgsFileWidget, QgsMapCanvas, QgsMapLayerComboBox, QgsMapToolEmitPoint, QgsRubberBand
from qgis.PyQt.QtCore import Qt, QUrl, pyqtSignal
from qgis.PyQt.QtGui import QColor, QDesktopServices
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from bivalves_hdf.core.errors import BivalvesError
from bivalves_hdf.core.report_content import SENSITIVE_PRECISIONS, ReportContent, ReportRequest
from bivalves_hdf.gui.options_page import precision_labels
from bivalves_hdf.qgis_io import log
from bivalves_hdf.qgis_io.compat import FILTER_POLYGON_LAYER, GEOMETRY_POLYGON, LAYER_VECTOR
from bivalves_hdf.qgis_io.i18n import tr
from bivalves_hdf.qgis_io.report_inputs import geometries_wkt
from bivalves_hdf.qgis_io.settings import Settings
from bivalves_hdf.qgis_io.tasks import PythonThreadTask

_RUNNING: set = set()  # tasks outlive the dialog that started them


class PolygonTool(QgsMapToolEmitPoint):
    """Left click adds a vertex, right click closes the polygon (3 vertices at least)."""

    drawn = pyqtSignal(QgsGeometry)

    def __init__(self, canvas: QgsMapCanvas) -> None:
        super().__init__(canvas)
        self.points: list[QgsPointXY] = []
        self.band = QgsRubberBand(canvas, GEOMETRY_POLYGON)
        self.band.setColor(QColor(31, 78, 121, 80))
        self.band.setStrokeColor(QColor("#1f4e79"))
        self.band.setWidth(2)

    def canvasReleaseEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.button() == Qt.MouseButton.LeftButton:
            self.add_point(self.toMapCoordinates(event.pos()))
        elif event.button() == Qt.MouseButton.RightButton:
            self.finish()

    def add_point(self, point: QgsPointXY) -> None:
        self.points.append(QgsPointXY(point))
        self.band.setToGeometry(self.geometry(), None)

    def geometry(self) -> QgsGeometry:
        if len(self.points) < 3:
            return QgsGeometry.fromPolylineXY(self.points) if len(self.points) > 1 else QgsGeometry()
        return QgsGeometry.fromPolygonXY([[*self.points, self.points[0]]])

    def finish(self) -> None:
        if len(self.points) >= 3:
            self.drawn.emit(self.geometry())

    def clear(self) -> None:
        self.points = []
        self.band.reset(GEOMETRY_POLYGON)


class ReportTask(PythonThreadTask):
    """Worker: select the records, write the GeoPackage and the CSV; then the PDF on the main thread."""

    def __init__(self, request: ReportRequest, pdf_path: Path, iface=None, open_pdf: bool = True) -> None:
        super().__init__(tr("Bivalves: extraction report"))
        self.request, self.pdf_path, self.iface, self.open_pdf = request, Path(pdf_path), iface, open_pdf
        self.content: ReportContent | None = None

    def work(self) -> None:
        from bivalves_hdf.core.report_content import build_report_content
        from bivalves_hdf.core.report_export import write_csv, write_gpkg

        self.content = build_report_content(self.request)
        self.setProgress(60)
        write_gpkg(self.content, self.pdf_path.with_suffix(".gpkg"))
        write_csv(self.content, self.pdf_path.with_suffix(".csv"))

    def finished(self, ok: bool) -> None:
        _RUNNING.discard(self)
        if not ok or self.content is None:
            log.notify(self.iface, tr("The report could not be made."), log.Qgis.MessageLevel.Critical, self.error)
            return
        from bivalves_hdf.qgis_io.report_layout import write_pdf

        try:
            write_pdf(self.content, self.pdf_path, self.request.data_path)
        except BivalvesError as error:
            log.notify(self.iface, tr("The report could not be made."), log.Qgis.MessageLevel.Critical, str(error))
            return
        log.notify(self.iface, tr("Report written: {path}").format(path=str(self.pdf_path)))
        if self.open_pdf:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.pdf_path)))


class ReportDialog(QDialog):
    """Perimeter (drawn polygon, selected features of a layer, or a file), buffer, period, output."""

    DRAWN, LAYER, FILE = range(3)

    def __init__(self, iface, parent=None) -> None:
        super().__init__(parent)
        self.iface = iface
        self.settings = Settings.load()
        self.drawn_geometry: QgsGeometry | None = None
        self.setWindowTitle(tr("Extract for a procedure"))
        self.setMinimumWidth(560)
        form = QFormLayout()
        self.data_file = QgsFileWidget()
        self.data_file.setFilter("GeoPackage (*.gpkg)")
        self.data_file.setFilePath(self.settings.data_path)
        form.addRow(tr("Data (GeoPackage)"), self.data_file)
        self.mode = QComboBox()
        self.mode.addItems([tr("Polygon drawn below"), tr("Features of a layer"), tr("Vector file")])
        form.addRow(tr("Perimeter"), self.mode)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._drawing_page())
        self.pages.addWidget(self._layer_page())
        self.perimeter_file = QgsFileWidget()
        self.perimeter_file.setFilter(tr("Vector files (*.geojson *.json *.gpkg *.shp *.kml)"))
        self.pages.addWidget(self.perimeter_file)
        self.mode.currentIndexChanged.connect(self.pages.setCurrentIndex)
        self.buffer = QDoubleSpinBox()
        self.buffer.setRange(0, 50_000)
        self.buffer.setDecimals(0)
        self.buffer.setSingleStep(50)
        self.buffer.setSuffix(" m")
        self.since, self.until = QgsDateEdit(), QgsDateEdit()
        for edit in (self.since, self.until):
            edit.setAllowNull(True)
            edit.clear()
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("00/00/0000") + 50)  # date, clear and arrow
        period = QHBoxLayout()
        period.addWidget(QLabel(tr("from")))
        period.addWidget(self.since, 1)
        period.addWidget(QLabel(tr("to")))
        period.addWidget(self.until, 1)
        self.precision = QComboBox()
        allowed = SENSITIVE_PRECISIONS[SENSITIVE_PRECISIONS.index(self.settings.sensitive_precision):] \
            if self.settings.sensitive_precision in SENSITIVE_PRECISIONS else SENSITIVE_PRECISIONS[2:]
        for code in allowed:
            self.precision.addItem(precision_labels().get(code, code), code)
        self.output = QgsFileWidget()
        self.output.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        self.output.setFilter("PDF (*.pdf)")
        self.output.setFilePath(str(Path.home() / "extraction_bivalves.pdf"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Make the report"))
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        form.addRow(self.pages)  # one form, so the labels of every row line up
        form.addRow(tr("Buffer"), self.buffer)
        form.addRow(tr("Period"), period)
        form.addRow(tr("Precision of sensitive records"), self.precision)
        form.addRow(tr("PDF report"), self.output)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    # --- perimeter pages ---------------------------------------------------------------
    def _drawing_page(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        self.canvas = QgsMapCanvas(page)
        self.canvas.setMinimumHeight(260)
        self.canvas.setCanvasColor(QColor("#ffffff"))
        main = self.iface.mapCanvas() if self.iface is not None else None
        if main is not None:
            self.canvas.setDestinationCrs(main.mapSettings().destinationCrs())
            self.canvas.setLayers(main.layers())
            self.canvas.setExtent(main.extent())
        self.tool = PolygonTool(self.canvas)
        self.tool.drawn.connect(self._drawn)
        self.canvas.setMapTool(self.tool)
        clear = QPushButton(tr("Clear the polygon"))
        clear.clicked.connect(self._clear_drawing)
        self.drawing_state = QLabel(tr("Click to add vertices, right-click to close the polygon."))
        row = QHBoxLayout()
        row.addWidget(self.drawing_state, 1)
        row.addWidget(clear)
        box.addWidget(self.canvas)
        box.addLayout(row)
        return page

    def _layer_page(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        self.layer = QgsMapLayerComboBox()
        self.layer.setFilters(FILTER_POLYGON_LAYER)
        self.selected_only = QCheckBox(tr("Only the selected features"))
        self.selected_only.setChecked(True)
        box.addWidget(self.layer)
        box.addWidget(self.selected_only)
        return page

    def _drawn(self, geometry: QgsGeometry) -> None:
        self.drawn_geometry = QgsGeometry(geometry)
        self.drawing_state.setText(tr("Polygon closed. Clear it to draw another one."))

    def _clear_drawing(self) -> None:
        self.tool.clear()
        self.drawn_geometry = None
        self.drawing_state.setText(tr("Click to add vertices, right-click to close the polygon."))

    # --- request -------------------------------------------------------------------------
    def perimeter(self):
        """The chosen perimeter in Lambert-93 (raises BivalvesError with a message for the user)."""
        from bivalves_hdf.core.perimeter import perimeter_from_file, perimeter_from_wkt
        from bivalves_hdf.core.schema import CRS_EPSG

        context = QgsProject.instance().transformContext()
        mode = self.mode.currentIndex()
        if mode == self.DRAWN:
            if self.drawn_geometry is None:
                raise BivalvesError(tr("Draw a polygon first (right-click closes it)."))
            crs = self.canvas.mapSettings().destinationCrs()
            return perimeter_from_wkt(geometries_wkt([self.drawn_geometry], crs, context), CRS_EPSG,
                                      tr("polygon drawn on the map"))
        if mode == self.LAYER:
            layer = self.layer.currentLayer()
            if layer is None or layer.type() != LAYER_VECTOR:
                raise BivalvesError(tr("Choose a polygon layer."))
            features = list(layer.selectedFeatures() if self.selected_only.isChecked() else layer.getFeatures())
            if not features:
                raise BivalvesError(tr("The layer has no feature to use (none selected, or the layer is empty)."))
            wkt = geometries_wkt([f.geometry() for f in features], layer.crs(), context)
            label = tr("{layer} ({n} feature(s))").format(layer=layer.name(), n=len(features))
            return perimeter_from_wkt(wkt, CRS_EPSG, label)
        if not self.perimeter_file.filePath():
            raise BivalvesError(tr("Choose the perimeter file."))
        return perimeter_from_file(self.perimeter_file.filePath())

    def build_request(self) -> tuple[ReportRequest, Path]:
        data = Path(self.data_file.filePath())
        if not data.is_file():
            raise BivalvesError(tr("The data file does not exist: {path}").format(path=str(data)))
        out = Path(self.output.filePath() or "")
        if out.suffix.lower() != ".pdf":
            out = out.with_suffix(".pdf")
        dates = [None if edit.isNull() else edit.date().toPyDate() for edit in (self.since, self.until)]
        request = ReportRequest(data_path=data, perimeter=self.perimeter(), buffer_m=self.buffer.value(),
                                since=dates[0], until=dates[1], sensitive_precision=self.precision.currentData())
        return request, out

    def start(self) -> None:
        try:
            request, out = self.build_request()
        except BivalvesError as error:
            self.message.setText(str(error))
            return
        task = ReportTask(request, out, self.iface)
        _RUNNING.add(task)
        QgsApplication.taskManager().addTask(task)
        log.notify(self.iface, tr("The report is being made; it will open when ready."))
        self.accept()
