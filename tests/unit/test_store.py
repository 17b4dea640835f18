"""The GeoPackage writer: layers, blobs, spatial indexes, merges, aliases, styles (real GDAL and SQLite)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from osgeo import gdal, ogr

from bivalves_hdf.core import gpkg_geometry, schema, store
from bivalves_hdf.core.errors import BivalvesError

gdal.UseExceptions()


def occurrences(count: int, start: int = 0, **columns) -> pd.DataFrame:
    """Synthetic occurrences along the Somme (Lambert-93)."""
    numbers = np.arange(start, start + count)
    frame = pd.DataFrame(
        {
            "idSINPOccTax": [f"00000000-0000-4000-8000-{n:012d}" for n in numbers],
            "cdNom": 64443,
            "cdRef": np.where(numbers % 2 == 0, 64443, 64455),
            "nomValide": np.where(numbers % 2 == 0, "Unio crassus", "Anodonta anatina"),
            "dateDebut": "2020-06-01",
            "annee": 2000 + numbers % 20,
            "estAbsence": False,
            "protege": numbers % 2 == 0,
            "source": "openobs",
            "sourceRecordId": [f"rec-{n}" for n in numbers],
            "codeMaille": "10kmL93E064N697",
            "provenance": [json.dumps([{"source": "openobs", "id": f"rec-{n}"}]) for n in numbers],
            "x": 640000.0 + numbers * 10.0,
            "y": 6970000.0 + numbers * 5.0,
        }
    )
    for name, value in columns.items():
        frame[name] = value
    return frame


def write(path: Path, frame: pd.DataFrame, zones: pd.DataFrame | None = None) -> tuple[int, int]:
    with store.GeoPackageUpdate(path) as gpkg:
        result = gpkg.add_occurrences(frame, zones, gpkg.next_import_id())
        gpkg.commit()
    return result


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def temp_files(path: Path) -> list[Path]:
    return [p for p in path.parent.iterdir() if p.name.startswith(f".{path.name}")]


def test_point_blobs_read_by_gdal_and_back():
    x = np.array([649360.0, 704061.5, np.nan])
    y = np.array([6977491.0, 7059137.25, 1.0])
    blobs = gpkg_geometry.point_blobs(x, y, 2154)
    assert blobs[2] is None
    geometry = ogr.CreateGeometryFromWkb(blobs[1][8:])
    assert (geometry.GetX(), geometry.GetY()) == (704061.5, 7059137.25)
    back_x, back_y = gpkg_geometry.point_coordinates(blobs[:2])
    assert back_x.tolist() == [649360.0, 704061.5] and back_y.tolist() == [6977491.0, 7059137.25]


def test_grid_cell_blob_is_the_inpn_square():
    blob = gpkg_geometry.grid_cell_blob("10kmL93E074N695", 2154)
    assert gpkg_geometry.blob_to_wkt(blob).startswith("POLYGON ((740000 6950000, 750000 6950000")
    assert gpkg_geometry.blob_bounds([blob]) == ([740000.0], [750000.0], [6950000.0], [6960000.0])


def test_layers_types_crs_and_counts(tmp_path):
    path = tmp_path / "out.gpkg"
    zones = pd.DataFrame(
        {
            "zoneId": ["z1"],
            "typeZone": ["maille"],
            "wkt": ["POLYGON((640000 6970000, 650000 6970000, 650000 6980000, 640000 6980000, 640000 6970000))"],
        }
    )
    frame = occurrences(50)
    frame.loc[0, "zoneId"] = "z1"
    assert write(path, frame, zones) == (50, 0)
    dataset = gdal.OpenEx(str(path), gdal.OF_VECTOR)
    expected = {
        schema.OCCURRENCES: ogr.wkbPoint,
        schema.ZONES: ogr.wkbMultiPolygon,
        schema.GRID: ogr.wkbPolygon,
        schema.STATIONS: ogr.wkbPoint,
        schema.TAXA: ogr.wkbNone,
        schema.REJECTS: ogr.wkbNone,
        schema.REFRESH_LOG: ogr.wkbNone,
    }
    for name, geometry_type in expected.items():
        layer = dataset.GetLayerByName(name)
        assert layer is not None, name
        assert layer.GetGeomType() == geometry_type, name
        if geometry_type != ogr.wkbNone:
            assert layer.GetSpatialRef().GetAuthorityCode(None) == "2154"
    occurrences_layer = dataset.GetLayerByName(schema.OCCURRENCES)
    assert occurrences_layer.GetFeatureCount() == 50
    feature = occurrences_layer.GetNextFeature()
    assert feature.GetGeometryRef().GetX() == 640000.0
    assert feature.GetField("protege") == 1 and feature.GetField("cdRef") == 64443
    assert dataset.GetLayerByName(schema.ZONES).GetFeatureCount() == 1


def test_spatial_indexes_are_complete_and_maintained(tmp_path):
    path = tmp_path / "out.gpkg"
    write(path, occurrences(200))
    write(path, occurrences(100, start=1000))
    with sqlite3.connect(path) as connection:
        extent = connection.execute("SELECT min_x, max_y FROM gpkg_contents WHERE table_name = 'occurrences'")
        min_x, max_y = extent.fetchone()
    assert min_x == pytest.approx(640000, abs=1) and max_y == pytest.approx(6970000 + 1099 * 5, abs=1)
    dataset = gdal.OpenEx(str(path), gdal.OF_VECTOR | gdal.OF_UPDATE)
    for name in (schema.OCCURRENCES, schema.ZONES, schema.GRID, schema.STATIONS):
        result = dataset.ExecuteSQL(f"SELECT HasSpatialIndex('{name}', 'geom')")
        assert result.GetNextFeature().GetField(0) == 1, name
        dataset.ReleaseResultSet(result)
    layer = dataset.GetLayerByName(schema.OCCURRENCES)
    layer.SetSpatialFilterRect(640000 - 1, 6970000 - 1, 640000 + 995, 6970000 + 1000)  # the first 100 points
    assert layer.GetFeatureCount() == 100
    # GDAL's triggers are back: a feature added by GDAL (or QGIS) goes into the R-tree and the count.
    layer.SetSpatialFilter(None)
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(ogr.CreateGeometryFromWkt("POINT (600000 7000000)"))
    layer.CreateFeature(feature)
    dataset = None
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT COUNT(*) FROM rtree_occurrences_geom").fetchone()[0] == 301
        for name in ("occurrences", "maille_10km"):
            assert connection.execute("SELECT rtreecheck(?)", (f"rtree_{name}_geom",)).fetchone()[0] == "ok"
        count = connection.execute("SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = 'occurrences'")
        assert count.fetchone()[0] == 301


def test_same_identifier_is_merged_with_provenance(tmp_path):
    path = tmp_path / "out.gpkg"
    write(path, occurrences(10))
    again = occurrences(4, start=8)  # 8, 9 known; 10, 11 new
    again["source"] = "gbif"
    again["sourceRecordId"] = ["g8", "g9", "g10", "g11"]
    again["provenance"] = [json.dumps([{"source": "gbif", "id": f"g{n}"}]) for n in range(8, 12)]
    again["idSINPOccTax"] = again["idSINPOccTax"].str.upper()  # identifiers compare case-insensitively
    assert write(path, again) == (2, 2)
    frame = store.read_occurrences(path)
    assert len(frame) == 12
    merged = json.loads(frame.loc[frame["sourceRecordId"] == "rec-9", "provenance"].iloc[0])
    assert merged == [{"source": "openobs", "id": "rec-9"}, {"source": "gbif", "id": "g9"}]
    assert write(path, again) == (0, 4)  # nothing new the second time


def test_grid_layer_counts(tmp_path):
    path = tmp_path / "out.gpkg"
    frame = occurrences(6)
    frame.loc[5, "estAbsence"] = True  # absences do not count
    frame.loc[5, "annee"] = 2030
    frame.loc[4, "codeMaille"] = "10kmL93E070N705"
    write(path, frame)
    grid = store.read_grid(path).set_index("codeMaille")
    counts = ["nbTaxons", "nbTaxonsProteges", "nbObservations", "derniereAnnee"]
    assert grid.loc["10kmL93E064N697", counts].tolist() == [2, 1, 4, 2003]
    assert grid.loc["10kmL93E070N705", "nbObservations"] == 1
    assert grid.loc["10kmL93E070N705", "wkt"].startswith("POLYGON ((700000 7050000")


def test_aliases_and_default_styles(tmp_path):
    styles = tmp_path / "styles"
    styles.mkdir()
    (styles / "occurrences.qml").write_text("<!DOCTYPE qgis>\n<qgis version=\"3.22\">\n</qgis>\n", encoding="utf-8")
    (styles / "occurrences_age.qml").write_text("<qgis version=\"3.22\"></qgis>", encoding="utf-8")
    path = tmp_path / "out.gpkg"
    with store.GeoPackageUpdate(path, styles_dir=styles) as gpkg:
        gpkg.add_occurrences(occurrences(3), None, gpkg.next_import_id())
        gpkg.commit()
    with sqlite3.connect(path) as connection:
        title = connection.execute(
            "SELECT title FROM gpkg_data_columns WHERE table_name = 'occurrences' AND column_name = 'cdNom'"
        ).fetchone()[0]
        rows = connection.execute(
            "SELECT f_table_name, f_geometry_column, styleName, useAsDefault, styleQML FROM layer_styles "
            "WHERE f_table_name IN ('occurrences', 'taxa') ORDER BY f_table_name, styleName"
        ).fetchall()
    assert title == "Code TAXREF du nom cité (cd_nom)"
    assert [row[:4] for row in rows] == [
        ("occurrences", "geom", "occurrences", 1),
        ("occurrences", "geom", "occurrences_age", 0),
        ("taxa", "", "taxa", 1),
    ]
    assert '<alias field="cdNom" index="2" name="Code TAXREF du nom cité (cd_nom)"/>' in rows[0][4]


def test_failure_mid_write_leaves_previous_file_identical(tmp_path, monkeypatch):
    path = tmp_path / "out.gpkg"
    write(path, occurrences(20))
    before = sha256(path)

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(store, "_update_extents", broken)
    with pytest.raises(RuntimeError, match="disk on fire"):
        write(path, occurrences(20, start=100))
    assert sha256(path) == before
    assert temp_files(path) == []
    assert len(store.read_occurrences(path)) == 20


def test_keyboard_interrupt_and_cancel_leave_previous_file(tmp_path, monkeypatch):
    path = tmp_path / "out.gpkg"
    write(path, occurrences(5))
    before = sha256(path)
    with monkeypatch.context() as patch:
        patch.setattr(gpkg_geometry, "point_blobs", lambda *a: (_ for _ in ()).throw(KeyboardInterrupt()))
        with pytest.raises(KeyboardInterrupt):
            write(path, occurrences(5, start=50))
    assert sha256(path) == before and temp_files(path) == []
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(store.ImportCancelledError), store.GeoPackageUpdate(path, cancel=cancel) as gpkg:
        gpkg.add_occurrences(occurrences(5, start=50), None, gpkg.next_import_id())
        gpkg.commit()
    assert sha256(path) == before and temp_files(path) == []


def test_not_a_geopackage_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.gpkg"
    path.write_text("not a database", encoding="utf-8")
    with pytest.raises(BivalvesError, match="not a GeoPackage"):
        write(path, occurrences(1))
    assert path.read_text(encoding="utf-8") == "not a database"


def test_stale_temp_of_a_dead_process_is_removed(tmp_path):
    path = tmp_path / "out.gpkg"
    write(path, occurrences(2))
    stale = tmp_path / f".out.gpkg{store.TEMP_MARKER}999999999-abcd.gpkg"  # no such process
    stale.write_bytes(b"partial")
    live = tmp_path / f".out.gpkg{store.TEMP_MARKER}{__import__('os').getpid()}-abcd.gpkg"
    live.write_bytes(b"in progress")
    assert store.stale_temp_files(path) == [stale]
    write(path, occurrences(2, start=10))
    assert not stale.exists() and live.exists()
