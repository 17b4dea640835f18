"""Quick filters dock: taxon, period, validation level and status on the loaded occurrences."""

from __future__ import annotations

from typing import Optional

from qgis.core import QgsProject, QgsVectorLayer
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

from bivalves_hdf.core import schema
from bivalves_hdf.qgis_io.filters import apply_filter
from bivalves_hdf.qgis_io.i18n import tr
from bivalves_hdf.qgis_io.layers import GROUP_NAME

ANY_YEAR = 1899  # the spin boxes' minimum, shown as "any"


def status_labels() -> dict[str, str]:
    return {
        "protege": tr("Protected (art. 2)"),
        "liste_rouge": tr("Red-listed (CR, EN, VU, NT)"),
        "envahissant": tr("Invasive"),
        "introduit": tr("Introduced"),
        "indigene": tr("Native"),
        "absence": tr("Absences"),
        "coquille_morte": tr("Empty shells / found dead"),
    }


def validation_labels() -> dict[int, str]:
    return {1: tr("Certain only"), 2: tr("Certain or probable"), 3: tr("Up to doubtful")}


def occurrences_layer(project: Optional[QgsProject] = None) -> Optional[QgsVectorLayer]:
    """The occurrences layer of the plugin's group, if loaded."""
    project = project or QgsProject.instance()
    group = project.layerTreeRoot().findGroup(GROUP_NAME)
    for node in group.findLayers() if group else []:
        layer = node.layer()
        if isinstance(layer, QgsVectorLayer) and layer.metadata().identifier() == schema.OCCURRENCES:
            return layer
    return None


class FilterDock(QgsDockWidget):
    """A small form a field agent fills in two clicks; Apply filters the map, Clear shows all."""

    def __init__(self, iface, parent=None) -> None:
        super().__init__(tr("Quick filters"), parent)
        self.iface = iface
        self.setObjectName("bivalves_hdf_filters")
        body = QWidget(self)
        form = QFormLayout(body)
        self.taxon = QComboBox(body)
        form.addRow(tr("Taxon"), self.taxon)
        self.since, self.until = QSpinBox(body), QSpinBox(body)
        period = QHBoxLayout()
        for box in (self.since, self.until):
            box.setRange(ANY_YEAR, 2100)
            box.setSpecialValueText(tr("any"))
            box.setValue(ANY_YEAR)
            period.addWidget(box)
        form.addRow(tr("Years from / to"), period)
        self.validation = QComboBox(body)
        self.validation.addItem(tr("Any validation"), None)
        for level, label in validation_labels().items():
            self.validation.addItem(label, level)
        form.addRow(tr("Validation"), self.validation)
        self.status = QComboBox(body)
        self.status.addItem(tr("Any status"), None)
        for code, label in status_labels().items():
            self.status.addItem(label, code)
        form.addRow(tr("Status"), self.status)
        buttons = QHBoxLayout()
        self.apply_button, self.clear_button = QPushButton(tr("Apply"), body), QPushButton(tr("Clear"), body)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.clear_button)
        form.addRow(buttons)
        self.result = QLabel(body)
        self.result.setWordWrap(True)
        form.addRow(self.result)
        self.setWidget(body)
        self.apply_button.clicked.connect(lambda _checked=False: self.apply())
        self.clear_button.clicked.connect(lambda _checked=False: self.clear())
        self.reload_taxa()

    def reload_taxa(self) -> None:
        """Fill the taxon list with the names present in the loaded layer."""
        self.taxon.clear()
        self.taxon.addItem(tr("All taxa"), None)
        layer = occurrences_layer()
        if layer is None:
            return
        index = layer.fields().indexOf("nomValide")
        for name in sorted(str(v) for v in layer.uniqueValues(index) if v):
            self.taxon.addItem(name, name)

    def criteria(self) -> dict:
        since, until = self.since.value(), self.until.value()
        return {
            "taxon": self.taxon.currentData(),
            "since": since if since != ANY_YEAR else None,
            "until": until if until != ANY_YEAR else None,
            "min_validation": self.validation.currentData(),
            "status": self.status.currentData(),
        }

    def apply(self, criteria: Optional[dict] = None) -> None:
        layer = occurrences_layer()
        if layer is None:
            self.result.setText(tr("Load the layers first."))
            return
        if layer.subsetString() == "" and self.taxon.count() <= 1:
            self.reload_taxa()
        apply_filter(layer, **(criteria if criteria is not None else self.criteria()))
        count = sum(1 for _ in layer.getFeatures())
        self.result.setText(tr("{n} records shown.").format(n=count))
        layer.triggerRepaint()

    def clear(self) -> None:
        for box in (self.since, self.until):
            box.setValue(ANY_YEAR)
        for combo in (self.taxon, self.validation, self.status):
            combo.setCurrentIndex(0)
        self.apply({})
