"""The GeoPackage opens in a real QGIS with its default styles (layer_styles) and French aliases."""

from __future__ import annotations

import re
import shutil
import sqlite3

from qgis.core import QgsVectorLayer

from bivalves_hdf.core import schema
from bivalves_hdf.paths import STYLES_DIR


def layer(path, name: str) -> QgsVectorLayer:
    loaded = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
    assert loaded.isValid(), name
    return loaded


def test_layers_open_styled_with_aliases(qgis_app, demo_gpkg):
    occurrences = layer(demo_gpkg, schema.OCCURRENCES)
    assert occurrences.featureCount() > 300
    assert occurrences.crs().authid() == "EPSG:2154"
    # The default style stored in layer_styles was applied: the categorized renderer of data/styles.
    assert occurrences.renderer().type() == "categorizedSymbol"
    labels = [category.label() for category in occurrences.renderer().categories()]
    qml = (STYLES_DIR / "occurrences.qml").read_text(encoding="utf-8")
    assert labels == re.findall(r'<category [^>]*label="([^"]*)"', qml)
    assert labels[:-1] == list(schema.CLASSE_STATUT.values())  # then "all other values"
    # The importer stored a class for every record, one of the categories.
    assert {f["classeStatut"] for f in occurrences.getFeatures()} <= set(schema.CLASSE_STATUT)
    index = occurrences.fields().indexOf("cdNom")
    assert occurrences.attributeDisplayName(index) == "Code TAXREF du nom cité (cd_nom)"
    for name, columns in ((schema.GRID, schema.GRID_COLUMNS), (schema.TAXA, schema.TAXON_COLUMNS),
                          (schema.REFRESH_LOG, schema.REFRESH_LOG_COLUMNS)):  # fmt: skip
        loaded = layer(demo_gpkg, name)
        first = columns[0]
        assert loaded.attributeDisplayName(loaded.fields().indexOf(first.name)) == first.alias_fr, name
    grid = layer(demo_gpkg, schema.GRID)
    assert grid.renderer().type() == "graduatedSymbol"


def test_without_layer_styles_qgis_shows_raw_names(qgis_app, demo_gpkg, tmp_path):
    """Control: the aliases and renderer above do come from the stored styles."""
    copy = tmp_path / "bare.gpkg"
    shutil.copy(demo_gpkg, copy)
    with sqlite3.connect(copy) as connection:
        connection.execute("DELETE FROM layer_styles")
    occurrences = layer(copy, schema.OCCURRENCES)
    assert occurrences.renderer().type() == "singleSymbol"
    assert occurrences.attributeDisplayName(occurrences.fields().indexOf("cdNom")) == "cdNom"
