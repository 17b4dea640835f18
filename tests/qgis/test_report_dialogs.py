"""The report dialog: perimeter from selected features or a drawn polygon, errors, sensitivity choices."""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import Path

import pytest

POLYGONS = {"zone 0": "POLYGON((648000 6975000,650000 6975000,650000 6977000,648000 6977000,648000 6975000))",
            "loin": "POLYGON((669000 6989000,671000 6989000,671000 6991000,669000 6991000,669000 6989000))"}


def pdf_text(path: Path) -> str:
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, timeout=60)
    return unicodedata.normalize("NFKC", done.stdout.decode("utf-8"))


@pytest.fixture()
def polygon_layer(qgis_app):
    from qgis.core import QgsFeature, QgsGeometry, QgsProject, QgsVectorLayer

    layer = QgsVectorLayer("Polygon?crs=EPSG:2154&field=nom:string", "perimetres", "memory")
    features = []
    for name, wkt in POLYGONS.items():
        feature = QgsFeature(layer.fields())
        feature.setAttributes([name])
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    QgsProject.instance().addMapLayer(layer)
    yield layer
    QgsProject.instance().removeMapLayer(layer.id())


@pytest.fixture()
def settings_precision(qgis_app):
    from qgis.core import QgsSettings

    store = QgsSettings()
    previous = store.value("bivalves_hdf/sensitive_precision", None)
    store.setValue("bivalves_hdf/sensitive_precision", "maille")
    yield
    if previous is None:
        store.remove("bivalves_hdf/sensitive_precision")
    else:
        store.setValue("bivalves_hdf/sensitive_precision", previous)


def _dialog(qgis_iface, gpkg, tmp_path):
    from bivalves_hdf.gui.dlg_report import ReportDialog

    dialog = ReportDialog(qgis_iface, None)
    dialog.data_file.setFilePath(str(gpkg))
    dialog.output.setFilePath(str(tmp_path / "rapport"))
    return dialog


def test_selected_features_make_the_perimeter(qgis_iface, tmp_path, report_gpkg, polygon_layer,
                                              settings_precision) -> None:
    from bivalves_hdf.gui.dlg_report import ReportDialog, ReportTask

    dialog = _dialog(qgis_iface, report_gpkg, tmp_path)
    dialog.mode.setCurrentIndex(ReportDialog.LAYER)
    dialog.layer.setLayer(polygon_layer)
    polygon_layer.selectByIds([f.id() for f in polygon_layer.getFeatures() if f["nom"] == "zone 0"])
    request, out = dialog.build_request()
    assert out.suffix == ".pdf"
    assert request.perimeter.geometry.bounds == (648000.0, 6975000.0, 650000.0, 6977000.0)
    task = ReportTask(request, out, None, open_pdf=False)
    assert task.run()
    task.finished(True)
    text = pdf_text(out)
    assert "OCC-R1" in text and "OCC-R5" not in text
    assert out.with_suffix(".csv").is_file() and out.with_suffix(".gpkg").is_file()


def test_no_selection_is_a_message(qgis_iface, tmp_path, report_gpkg, polygon_layer, settings_precision) -> None:
    from bivalves_hdf.gui.dlg_report import ReportDialog

    dialog = _dialog(qgis_iface, report_gpkg, tmp_path)
    dialog.mode.setCurrentIndex(ReportDialog.LAYER)
    dialog.layer.setLayer(polygon_layer)
    polygon_layer.removeSelection()
    dialog.start()
    assert "selected" in dialog.message.text()
    dialog.mode.setCurrentIndex(ReportDialog.DRAWN)
    dialog.start()
    assert "Draw a polygon" in dialog.message.text()


def test_drawn_polygon(qgis_iface, tmp_path, report_gpkg, settings_precision) -> None:
    from qgis.core import QgsCoordinateReferenceSystem, QgsPointXY

    from bivalves_hdf.gui.dlg_report import ReportDialog

    dialog = _dialog(qgis_iface, report_gpkg, tmp_path)
    dialog.mode.setCurrentIndex(ReportDialog.DRAWN)
    dialog.canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    for x, y in ((648000, 6975000), (650000, 6975000), (650000, 6977000)):
        dialog.tool.add_point(QgsPointXY(x, y))
    dialog.tool.finish()
    request, _ = dialog.build_request()
    assert request.perimeter.geometry.area == pytest.approx(2000 * 2000 / 2)


def test_sensitive_precision_never_finer_than_the_setting(qgis_iface, tmp_path, report_gpkg,
                                                          settings_precision) -> None:
    dialog = _dialog(qgis_iface, report_gpkg, tmp_path)
    choices = [dialog.precision.itemData(i) for i in range(dialog.precision.count())]
    assert choices == ["maille", "departement"]
