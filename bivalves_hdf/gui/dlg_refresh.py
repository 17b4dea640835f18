"""The "Update the data" dialog: sources, area, period, files to import; jobs run as QgsTasks."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Optional

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import QDate
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from bivalves_hdf.core import schema
from bivalves_hdf.gui.options_page import area_labels, source_labels
from bivalves_hdf.qgis_io import log
from bivalves_hdf.qgis_io.compat import GEOMETRY_POLYGON
from bivalves_hdf.qgis_io.i18n import tr
from bivalves_hdf.qgis_io.import_task import ImportTask
from bivalves_hdf.qgis_io.layers import GROUP_NAME, load_from_settings
from bivalves_hdf.qgis_io.settings import AREAS, Settings

EXTENT, SELECTION, FILE = "extent", "selection", "file"


@dataclass
class RefreshRequest:
    """What the dialog asks for, independent of the widgets."""

    out: Path
    sources: list[str] = field(default_factory=list)
    area: str = "region"  # as core.sources.base.parse_area reads it
    since: Optional[date] = None
    until: Optional[date] = None
    incremental: bool = True
    files: list[Path] = field(default_factory=list)


def extent_area(iface) -> str:
    """The map canvas extent as `bbox:` in Lambert-93."""
    canvas = iface.mapCanvas()
    target = QgsCoordinateReferenceSystem(f"EPSG:{schema.CRS_EPSG}")
    transform = QgsCoordinateTransform(canvas.mapSettings().destinationCrs(), target, QgsProject.instance())
    box = transform.transformBoundingBox(canvas.extent())
    return f"bbox:{box.xMinimum():.0f},{box.yMinimum():.0f},{box.xMaximum():.0f},{box.yMaximum():.0f}"


def selection_area(layer: QgsVectorLayer) -> str:
    """The selected polygons of `layer` written to a temporary GeoPackage (Lambert-93)."""
    if layer is None or layer.geometryType() != GEOMETRY_POLYGON or not layer.selectedFeatureCount():
        raise ValueError(tr("Select one or more polygons in the active layer first."))
    path = Path(tempfile.mkdtemp(prefix="bivalves_area_")) / "area.gpkg"
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.onlySelectedFeatures = True
    options.ct = QgsCoordinateTransform(
        layer.crs(), QgsCoordinateReferenceSystem(f"EPSG:{schema.CRS_EPSG}"), QgsProject.instance()
    )
    error = QgsVectorFileWriter.writeAsVectorFormatV3(
        layer, str(path), QgsProject.instance().transformContext(), options
    )
    if error[0] != QgsVectorFileWriter.WriterError.NoError:
        raise ValueError(error[1])
    return str(path)


class RefreshDialog(QDialog):
    """Choose what to fetch or import, then start the jobs in the background."""

    def __init__(self, iface, parent=None) -> None:
        super().__init__(parent)
        self.iface = iface
        self.settings = Settings.load()
        self.setWindowTitle(tr("Update the data"))
        self.setObjectName("bivalves_hdf_refresh_dialog")
        layout = QVBoxLayout(self)

        sources = QGroupBox(tr("Web sources"), self)
        row = QHBoxLayout(sources)
        self.source_boxes = {}
        for key, label in source_labels().items():
            box = QCheckBox(label, sources)
            box.setChecked(key in self.settings.sources)
            row.addWidget(box)
            self.source_boxes[key] = box
        layout.addWidget(sources)

        where = QGroupBox(tr("Area and period"), self)
        form = QFormLayout(where)
        self.area = QComboBox(where)
        labels = area_labels()
        for key in AREAS:
            self.area.addItem(labels[key], key)
        self.area.addItem(tr("Current map extent"), EXTENT)
        self.area.addItem(tr("Selected polygons of the active layer"), SELECTION)
        self.area.addItem(tr("Polygon file…"), FILE)
        self.area.setCurrentIndex(max(self.area.findData(self.settings.default_area), 0))
        form.addRow(tr("Area"), self.area)
        self.area_file = QgsFileWidget(where)
        self.area_file.setFilter(tr("Polygons (*.gpkg *.shp *.geojson *.json *.kml)"))
        self.area_file.setEnabled(False)
        self.area.currentIndexChanged.connect(lambda _i: self.area_file.setEnabled(self.area.currentData() == FILE))
        form.addRow(tr("Polygon file"), self.area_file)
        self.limit_period = QCheckBox(tr("Limit the period"), where)
        self.since = QDateEdit(QDate(2000, 1, 1), where)
        self.until = QDateEdit(QDate.currentDate(), where)
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setEnabled(False)
            self.limit_period.toggled.connect(edit.setEnabled)
        period = QHBoxLayout()
        period.addWidget(self.limit_period)
        period.addWidget(QLabel(tr("from"), where))
        period.addWidget(self.since)
        period.addWidget(QLabel(tr("to"), where))
        period.addWidget(self.until)
        form.addRow(tr("Period"), period)
        self.incremental = QCheckBox(tr("Only fetch what changed since the last update"), where)
        self.incremental.setChecked(self.settings.incremental)
        form.addRow(self.incremental)
        layout.addWidget(where)

        files = QGroupBox(tr("Export files to import (OpenObs, SINP, GeoNature, GBIF, Hub'Eau)"), self)
        form = QFormLayout(files)
        self.files = QgsFileWidget(files)
        self.files.setStorageMode(QgsFileWidget.StorageMode.GetMultipleFiles)
        self.files.setFilter(tr("Exports (*.csv *.txt *.zip *.json *.geojson);;All files (*)"))
        form.addRow(tr("Files"), self.files)
        layout.addWidget(files)

        self.status = QLabel(tr("The data are written to: {path}").format(path=self.settings.data_path), self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.estimate_button = QPushButton(tr("Estimate the counts"), self)
        self.start_button = QPushButton(tr("Start"), self)
        self.start_button.setDefault(True)
        buttons.addButton(self.estimate_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        self.start_button.clicked.connect(self.start)
        self.estimate_button.clicked.connect(self.estimate)
        layout.addWidget(buttons)

    # --- reading the form ------------------------------------------------------------------
    def area_text(self) -> str:
        choice = self.area.currentData()
        if choice == EXTENT:
            return extent_area(self.iface)
        if choice == SELECTION:
            return selection_area(self.iface.activeLayer())
        if choice == FILE:
            path = self.area_file.filePath()
            if not path or not Path(path).is_file():
                raise ValueError(tr("Choose the polygon file of the area."))
            return path
        return choice

    def request(self) -> RefreshRequest:
        """The form as a RefreshRequest (raises ValueError with a plain message when incomplete)."""
        files = [Path(p) for p in QgsFileWidget.splitFilePaths(self.files.filePath())]
        missing = [str(p) for p in files if not p.is_file()]
        if missing:
            raise ValueError(tr("File not found: {path}").format(path=missing[0]))
        sources = [key for key, box in self.source_boxes.items() if box.isChecked()]
        if not sources and not files:
            raise ValueError(tr("Tick a source or choose files to import."))
        period = self.limit_period.isChecked()
        since = self.since.date().toPyDate() if period else None
        until = self.until.date().toPyDate() if period else None
        if since and until and since > until:
            raise ValueError(tr("The start of the period is after its end."))
        return RefreshRequest(
            Path(self.settings.data_path),
            sources,
            self.area_text() if sources else "region",
            since,
            until,
            self.incremental.isChecked(),
            files,
        )

    # --- actions ---------------------------------------------------------------------------
    def _request_or_warn(self) -> Optional[RefreshRequest]:
        try:
            return self.request()
        except ValueError as error:
            self.status.setText(str(error))
            log.notify(self.iface, str(error), Qgis.MessageLevel.Warning)
            return None

    def estimate(self) -> None:
        """Count what each source would send, in the background."""
        request = self._request_or_warn()
        if request is None or not request.sources:
            return
        from bivalves_hdf.qgis_io.tasks import EstimateTask

        self.status.setText(tr("Counting the records of each source…"))
        keep(EstimateTask(refresh_options(request, self.settings), self.iface, self.show_estimate))

    def show_estimate(self, counts: dict) -> None:
        lines = [f"{name} : {value}" for name, value in counts.items()]
        self.status.setText(tr("Records per source: {counts}").format(counts=", ".join(lines)))

    def start(self) -> None:
        request = self._request_or_warn()
        if request is None:
            return
        launch(self.iface, request, self.settings)
        self.accept()


# Python QgsTask objects must outlive the dialog that created them.
RUNNING_TASKS: list = []


def keep(task) -> None:
    """Hand `task` to the task manager and keep its Python object alive until it ends."""
    RUNNING_TASKS.append(task)

    def forget(*_args, finished=task) -> None:
        if finished in RUNNING_TASKS:
            RUNNING_TASKS.remove(finished)

    task.taskCompleted.connect(forget)
    task.taskTerminated.connect(forget)
    QgsApplication.taskManager().addTask(task)


def refresh_options(request: RefreshRequest, settings: Settings):
    from bivalves_hdf.core.http import HttpPolicy
    from bivalves_hdf.core.refresh import RefreshOptions

    return RefreshOptions(
        out=request.out,
        sources=tuple(request.sources),
        area=request.area,
        since=request.since,
        until=request.until,
        incremental=request.incremental,
        policy=HttpPolicy(rate=settings.rate_limit),
    )


def reload_layers_if_shown(iface) -> None:
    """After an update, replace the plugin's group when it is in the project (new data at once)."""
    if QgsProject.instance().layerTreeRoot().findGroup(GROUP_NAME) is not None:
        load_from_settings(iface)


def launch(iface, request: RefreshRequest, settings: Settings) -> list:
    """Start the import of the files, then the refresh of the web sources (one after the other:
    both rewrite the GeoPackage); the loaded layers are reloaded at the end. Returns the tasks
    started now."""
    request.out.parent.mkdir(parents=True, exist_ok=True)

    def reload(*_args) -> None:
        reload_layers_if_shown(iface)

    def start_refresh(*_args) -> None:
        from bivalves_hdf.qgis_io.tasks import RefreshTask

        keep(RefreshTask(refresh_options(request, settings), iface, done=reload))

    started = []
    if request.files:
        started.append(ImportTask(request.files, request.out, iface, done=start_refresh if request.sources else reload))
        keep(started[-1])
    elif request.sources:
        start_refresh()
        started.append(RUNNING_TASKS[-1])
    log.notify(iface, tr("Update started in the background: see the progress bar."), Qgis.MessageLevel.Info)
    return started
