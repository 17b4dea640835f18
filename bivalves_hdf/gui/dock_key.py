"""The identification key dock: KeyWidget plus the buttons that need QGIS (records, INPN page)."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsExpression,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QDoubleSpinBox, QHBoxLayout, QLabel, QPushButton, QWidget

from bivalves_hdf.core.key.model import Outcome
from bivalves_hdf.gui.key_widget import KeyWidget
from bivalves_hdf.qgis_io.filters import BASE_FILTER_PROPERTY
from bivalves_hdf.qgis_io.i18n import tr, user_locale

OCCURRENCES_LAYER = "occurrences"
TAXON_FIELD = "cdRef"
INPN_URL = "https://inpn.mnhn.fr/espece/cd_nom/{cd_ref}"
METRIC_CRS = "EPSG:2154"  # Lambert-93: distances in metres over Hauts-de-France


def is_occurrences(layer) -> bool:
    """A vector layer with a cdRef field, named "occurrences" or made from the GeoPackage's occurrences table."""
    if not isinstance(layer, QgsVectorLayer) or layer.fields().indexOf(TAXON_FIELD) < 0:
        return False
    return OCCURRENCES_LAYER in (layer.name(), layer.metadata().identifier()) or \
        layer.source().endswith(f"layername={OCCURRENCES_LAYER}")


def occurrences_layer(project: QgsProject) -> QgsVectorLayer | None:
    """The project's occurrences layer (the one named "occurrences" first), if any."""
    layers = sorted(project.mapLayers().values(), key=lambda layer: layer.name() != OCCURRENCES_LAYER)
    return next((layer for layer in layers if is_occurrences(layer)), None)


def taxon_filter(taxa: tuple[int, ...]) -> str:
    """`"cdRef" IN (...)` for the cd_ref of a result (integers from the key data, never user text)."""
    return f"{QgsExpression.quotedColumnRef(TAXON_FIELD)} IN ({', '.join(str(int(cd)) for cd in taxa)})"


class KeyDock(QgsDockWidget):
    """Dock "Identification key"; `KeyDock(iface)`, added on the right by the plugin."""

    def __init__(self, iface, parent: QWidget | None = None) -> None:
        super().__init__(tr("Identification key"), parent)
        self.setObjectName("BivalvesHdfKeyDock")
        self.iface = iface
        self.outcome: Outcome | None = None
        self._original_subset: dict[str, str] = {}  # layer id -> subset string before our filter
        language = "fr" if user_locale() == "fr" else "en"
        self.key_widget = KeyWidget(language)
        self.key_widget.result_reached.connect(self._on_result)
        self.key_widget.question_shown.connect(self._on_question)
        self._build_actions()
        self.setWidget(self.key_widget)
        self.setMinimumWidth(340)

    def _build_actions(self) -> None:
        box = self.key_widget.result_actions_layout
        row = QHBoxLayout()
        self.show_button = QPushButton(tr("Show the records"))
        self.show_button.setObjectName("showRecordsButton")
        self.show_button.setToolTip(tr("Filter the occurrences layer to this taxon and zoom to it"))
        self.show_button.clicked.connect(self.show_records)
        self.clear_button = QPushButton(tr("Show all records"))
        self.clear_button.setObjectName("clearFilterButton")
        self.clear_button.clicked.connect(self.clear_filter)
        row.addWidget(self.show_button)
        row.addWidget(self.clear_button)
        box.addLayout(row)
        near = QHBoxLayout()
        self.nearby_button = QPushButton(tr("Nearby records"))
        self.nearby_button.setObjectName("nearbyButton")
        self.nearby_button.setToolTip(tr("Select the records of this taxon within the distance of the map centre"))
        self.nearby_button.clicked.connect(self.nearby_records)
        self.distance = QDoubleSpinBox()
        self.distance.setObjectName("nearbyDistance")
        self.distance.setRange(0.1, 100.0)
        self.distance.setDecimals(1)
        self.distance.setValue(5.0)
        self.distance.setSuffix(" km")
        self.inpn_button = QPushButton(tr("INPN page"))
        self.inpn_button.setObjectName("inpnButton")
        self.inpn_button.clicked.connect(self.open_inpn)
        near.addWidget(self.nearby_button)
        near.addWidget(self.distance)
        near.addWidget(self.inpn_button)
        box.addLayout(near)
        self.message = QLabel()
        self.message.setObjectName("recordsMessage")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        box.addWidget(self.message)

    # --- results --------------------------------------------------------------------------
    def _on_result(self, outcome: Outcome) -> None:
        self.outcome = outcome
        self._say("")
        self.inpn_button.setEnabled(not outcome.result.aggregate)
        self.inpn_button.setToolTip(INPN_URL.format(cd_ref=outcome.result.cd_ref) if not outcome.result.aggregate
                                    else tr("A group of species has no INPN page"))

    def _on_question(self, _couplet: str) -> None:
        self.outcome = None

    def _say(self, text: str) -> None:
        """A line under the buttons (hidden when empty)."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def inpn_url(self) -> str:
        return INPN_URL.format(cd_ref=self.outcome.result.cd_ref) if self.outcome and self.outcome.result.cd_ref else ""

    def open_inpn(self) -> None:
        if self.inpn_url():
            QDesktopServices.openUrl(QUrl(self.inpn_url()))

    def _layer_or_message(self) -> QgsVectorLayer | None:
        layer = occurrences_layer(QgsProject.instance())
        if layer is None:
            self._say(tr("The bivalve records layer is not in the project: load the layers first."))
        return layer

    def show_records(self) -> int:
        """Filter the occurrences layer to the result's taxa and zoom to them; the number of records."""
        layer = self._layer_or_message() if self.outcome else None
        if layer is None:
            return 0
        self._original_subset.setdefault(layer.id(), layer.subsetString())
        # keep the sensitive-records rule of the settings (the layer's base filter) under the taxon filter
        base = str(layer.customProperty(BASE_FILTER_PROPERTY, "") or "")
        taxa = taxon_filter(self.outcome.result.taxa)
        if not layer.setSubsetString(f"({base}) AND ({taxa})" if base else taxa):
            self._say(tr("The occurrences layer cannot be filtered."))
            return 0
        layer.updateExtents()
        count = layer.featureCount()
        if count:
            self._zoom_to(layer, layer.extent())
            self._say(tr("{n} record(s) of this taxon shown.").format(n=count))
        else:
            self._say(tr("No record of this taxon in the occurrences layer."))
        return count

    def clear_filter(self) -> None:
        """Give the occurrences layer back the filter it had before."""
        layer = occurrences_layer(QgsProject.instance())
        if layer is not None and layer.id() in self._original_subset:
            layer.setSubsetString(self._original_subset.pop(layer.id()))
            self._say(tr("All records shown."))

    def nearby_records(self) -> list[int]:
        """Select the records of the result's taxa within the chosen distance of the map centre."""
        layer = self._layer_or_message() if self.outcome else None
        if layer is None:
            return []
        canvas = self.iface.mapCanvas()
        project = QgsProject.instance()
        metric = QgsCoordinateReferenceSystem(METRIC_CRS)
        to_metric = QgsCoordinateTransform(layer.crs(), metric, project)
        centre = QgsCoordinateTransform(canvas.mapSettings().destinationCrs(), metric, project).transform(
            canvas.center())
        radius = self.distance.value() * 1000.0
        box = QgsRectangle(centre.x() - radius, centre.y() - radius, centre.x() + radius, centre.y() + radius)
        request = QgsFeatureRequest().setFilterExpression(taxon_filter(self.outcome.result.taxa))
        request.setFilterRect(QgsCoordinateTransform(metric, layer.crs(), project).transformBoundingBox(box))
        centre_geometry = QgsGeometry.fromPointXY(QgsPointXY(centre))
        ids = []
        for feature in layer.getFeatures(request):
            geometry = QgsGeometry(feature.geometry())
            if not geometry.isEmpty() and geometry.transform(to_metric) == 0 and \
                    geometry.distance(centre_geometry) <= radius:
                ids.append(feature.id())
        layer.selectByIds(ids)
        self._say(tr("{n} record(s) of this taxon within {km} km of the map centre (selected).").format(
            n=len(ids), km=f"{self.distance.value():g}"))
        return ids

    def _zoom_to(self, layer: QgsVectorLayer, extent: QgsRectangle) -> None:
        canvas = self.iface.mapCanvas()
        transform = QgsCoordinateTransform(layer.crs(), canvas.mapSettings().destinationCrs(), QgsProject.instance())
        target = transform.transformBoundingBox(extent)
        if target.width() == 0 and target.height() == 0:
            target = target.buffered(1000.0 if canvas.mapSettings().destinationCrs().isGeographic() is False else 0.01)
        else:
            target.scale(1.1)
        canvas.setExtent(target)
        canvas.refresh()
