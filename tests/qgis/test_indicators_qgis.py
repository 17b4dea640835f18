"""Indicators by territory: the PDF summary (one page per territory), the CLI, the layer."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from osgeo import ogr
from shapely.geometry import box

ROOT = Path(__file__).resolve().parents[2]
TERRITORIES = {"Amiens <b>centre</b>": box(647000, 6974500, 651000, 6977500),
               "Grand territoire": box(640000, 6970000, 675000, 6995000),
               "Vide": box(700000, 7000000, 705000, 7004000)}


def pdf_text(path: Path) -> str:
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, timeout=60)
    return unicodedata.normalize("NFKC", done.stdout.decode("utf-8"))


def pdf_pages(path: Path) -> int:
    done = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True, timeout=60)
    return int(next(line.split()[-1] for line in done.stdout.splitlines() if line.startswith("Pages:")))


@pytest.fixture(scope="module")
def zones_file(tmp_path_factory) -> Path:
    features = [{"type": "Feature", "properties": {"nom": name}, "geometry": poly.__geo_interface__}
                for name, poly in TERRITORIES.items()]
    path = tmp_path_factory.mktemp("zones") / "territoires.geojson"
    crs = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::2154"}}
    path.write_text(json.dumps({"type": "FeatureCollection", "crs": crs, "features": features}), encoding="utf-8")
    return path


def test_one_page_per_territory_with_limits(qgis_app, tmp_path, report_gpkg, zones_file) -> None:
    from bivalves_hdf.qgis_io.indicators_summary import build_indicators

    outputs = build_indicators(report_gpkg, zones_file, tmp_path)
    assert pdf_pages(outputs.pdf) == 3
    text = pdf_text(outputs.pdf)
    assert "<b>centre</b>" in text  # the user's name is shown as text, not markup
    assert text.count("Limites des données") == 3
    assert "Unio crassus" in text and "Sinanodonta woodiana" in text
    amiens = outputs.results[0]
    assert f"{amiens.cells_with_data} / {amiens.cells}" in text
    dataset = ogr.Open(str(outputs.gpkg))  # keep the dataset alive while its layer is read
    layer = dataset.GetLayerByName("indicateurs")
    assert [f.GetField("territoire") for f in layer] == list(TERRITORIES)


def test_cli(tmp_path, report_gpkg, zones_file) -> None:
    done = subprocess.run([sys.executable, "-m", "bivalves_hdf", "indicators", "--data", str(report_gpkg), "--zones",
                           str(zones_file), "--out", str(tmp_path / "out")], cwd=ROOT, capture_output=True, text=True,
                          timeout=180, check=False, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert done.returncode == 0, done.stderr
    for name in ("indicateurs.gpkg", "indicateurs.csv", "indicateurs.pdf"):
        assert (tmp_path / "out" / name).is_file(), name


def test_processing_algorithm(qgis_app, tmp_path, report_gpkg) -> None:
    from qgis.core import (
        QgsFeature,
        QgsGeometry,
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsProject,
        QgsVectorLayer,
    )

    from bivalves_hdf.processing.alg_indicators import IndicatorsAlgorithm

    layer = QgsVectorLayer("Polygon?crs=EPSG:2154&field=libelle:string", "territoires", "memory")
    features = []
    for name, polygon in TERRITORIES.items():
        feature = QgsFeature(layer.fields())
        feature.setAttributes([name])
        feature.setGeometry(QgsGeometry.fromWkt(polygon.wkt))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    QgsProject.instance().addMapLayer(layer)
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    algorithm = IndicatorsAlgorithm()
    algorithm.initAlgorithm()
    results, ok = algorithm.run({"DATA": str(report_gpkg), "ZONES": layer.id(), "NAME_FIELD": "libelle",
                                 "OUTPUT": str(tmp_path / "out")}, context, QgsProcessingFeedback())
    QgsProject.instance().removeMapLayer(layer.id())
    assert ok, results
    assert pdf_pages(Path(results["OUTPUT_PDF"])) == 3
    text = " ".join(pdf_text(Path(results["OUTPUT_PDF"])).split())
    assert "Indicateurs bivalves — Grand territoire" in text  # name from the field


def test_dialog_task(qgis_iface, tmp_path, report_gpkg, zones_file) -> None:
    from bivalves_hdf.gui.dlg_indicators import IndicatorsDialog

    dialog = IndicatorsDialog(qgis_iface, None)
    dialog.data_file.setFilePath(str(report_gpkg))
    dialog.mode.setCurrentIndex(IndicatorsDialog.FILE)
    dialog.zones_file.setFilePath(str(zones_file))
    dialog.output.setFilePath(str(tmp_path / "ind"))
    task = dialog.build_task(open_outputs=False)
    assert task.run()
    task.finished(True)
    assert pdf_pages(tmp_path / "ind" / "indicateurs.pdf") == 3
    dialog.zones_file.setFilePath("")
    dialog.start()
    assert "territories file" in dialog.message.text()


def test_dialog_shows_the_rows_of_the_chosen_mode(qgis_iface) -> None:
    from bivalves_hdf.gui.dlg_indicators import IndicatorsDialog

    dialog = IndicatorsDialog(qgis_iface, None)
    dialog.show()
    try:
        assert dialog.layer.isVisible() and not dialog.zones_file.isVisible()
        dialog.mode.setCurrentIndex(dialog.FILE)
        assert dialog.zones_file.isVisible() and not dialog.layer.isVisible() and not dialog.selected_only.isVisible()
        rows = (dialog.layer, dialog.name_field, dialog.selected_only, dialog.zones_file)
        assert all(widget.window() is dialog for widget in rows)  # no row shown as a window of its own
    finally:
        dialog.close()
