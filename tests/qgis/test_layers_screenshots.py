"""Screenshots of the user guide (docs/img/), taken under offscreen/Xvfb from the real widgets.

Each test checks what it shows, then saves the picture; `docs/guide-utilisateur.md` embeds them.
With i18n/bivalves_hdf_fr.qm present (make translations) the widgets are in French.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures_package import doc_images_dir
from qgis.core import QgsApplication, QgsLayerTreeModel, QgsProject
from qgis.gui import QgsLayerTreeMapCanvasBridge, QgsLayerTreeView, QgsMapCanvas
from qgis.PyQt.QtCore import QDate, QSize, QTranslator
from qgis.PyQt.QtGui import QImage
from qgis.PyQt.QtWidgets import QSplitter

from bivalves_hdf.gui.dlg_refresh import RefreshDialog
from bivalves_hdf.gui.filter_bar import FilterDock
from bivalves_hdf.gui.options_page import OptionsPage
from bivalves_hdf.paths import I18N_DIR
from bivalves_hdf.qgis_io.layers import load_layers
from bivalves_hdf.qgis_io.render import render_map_png
from bivalves_hdf.qgis_io.settings import Settings

IMG = doc_images_dir()
TYPICAL_PATH = "/home/agent/.local/share/QGIS/QGIS3/profiles/default/bivalves_hdf/bivalves_hdf.gpkg"


@pytest.fixture(scope="module", autouse=True)
def french(qgis_app):
    """The plugin's French translation, when compiled."""
    translator = QTranslator()
    qm = I18N_DIR / "bivalves_hdf_fr.qm"
    loaded = qm.is_file() and translator.load(str(qm))
    if loaded:
        QgsApplication.installTranslator(translator)
    IMG.mkdir(parents=True, exist_ok=True)
    yield
    if loaded:
        QgsApplication.removeTranslator(translator)


@pytest.fixture()
def typical_settings(qgis_app):
    """Show a typical data path (not the test machine's) so that the pictures do not change."""
    settings = Settings.load()
    previous = settings.data_path
    settings.data_path = TYPICAL_PATH
    settings.save()
    yield
    settings.data_path = previous
    settings.save()


def save(widget, name: str, size: QSize) -> Path:
    widget.resize(size)
    widget.show()
    QgsApplication.processEvents()
    path = IMG / name
    assert widget.grab().save(str(path), "PNG")
    widget.hide()
    image = QImage(str(path))
    assert image.width() >= size.width() * 0.9 and not image.isNull()
    return path


def test_screenshot_refresh_dialog(qgis_iface, typical_settings):
    dialog = RefreshDialog(qgis_iface)
    dialog.until.setDate(QDate(2026, 1, 1))
    assert TYPICAL_PATH in dialog.status.text()
    assert len(dialog.source_boxes) == 4
    save(dialog, "dialogue-mise-a-jour.png", QSize(760, 520))


def test_screenshot_options_page(typical_settings):
    page = OptionsPage()
    assert page.objectName() == "bivalves_hdf"
    save(page, "page-parametres.png", QSize(760, 640))


def test_screenshot_layers_panel_and_map(qgis_iface, qgis_new_project, sample_gpkg):
    layers = load_layers(qgis_iface, sample_gpkg)
    splitter = QSplitter()
    view = QgsLayerTreeView(splitter)
    model = QgsLayerTreeModel(QgsProject.instance().layerTreeRoot(), splitter)
    model.setFlag(QgsLayerTreeModel.Flag.AllowNodeChangeVisibility)
    view.setModel(model)
    view.expandAll()
    canvas = QgsMapCanvas(splitter)
    bridge = QgsLayerTreeMapCanvasBridge(QgsProject.instance().layerTreeRoot(), canvas)
    canvas.setDestinationCrs(layers[0].crs())
    canvas.setExtent(layers[0].extent().buffered(5000))
    splitter.setSizes([330, 770])
    splitter.resize(QSize(1100, 640))
    splitter.show()
    canvas.refresh()
    canvas.waitWhileRendering()
    QgsApplication.processEvents()
    assert len(canvas.layers()) == 4 and bridge is not None
    save(splitter, "couches-chargees.png", QSize(1100, 640))


def test_screenshot_filter_dock(qgis_iface, qgis_new_project, sample_gpkg):
    load_layers(qgis_iface, sample_gpkg)
    dock = FilterDock(qgis_iface)
    dock.status.setCurrentIndex(dock.status.findData("protege"))
    dock.apply()
    assert dock.result.text()
    save(dock, "filtres-rapides.png", QSize(380, 300))


def test_screenshot_map(qgis_app, sample_gpkg):
    path = render_map_png(sample_gpkg, IMG / "carte-demo.png", 1200, 900)
    assert QImage(str(path)).size() == QSize(1200, 900)
