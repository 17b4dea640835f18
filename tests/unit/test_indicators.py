"""Territory indicators equal an independent count made here with shapely on the fixture records."""

from __future__ import annotations

import csv
import json

import pytest
from fixtures_report import RECORDS
from osgeo import ogr
from shapely.geometry import Point, box, shape

from bivalves_hdf.core.errors import BivalvesError
from bivalves_hdf.core.indicators import (
    compute_indicators,
    read_territories,
    write_indicators_csv,
    write_indicators_gpkg,
)

TERRITORIES = {
    "Amiens centre": box(647000, 6974500, 651000, 6977500),
    "=Grand territoire": box(640000, 6970000, 675000, 6995000),
    "Territoire vide": box(700000, 7000000, 705000, 7004000),
}
PROTECTED = {64443}
RED_LIST = {64452: "EN", 64649: "EN", 64443: "LC"}


@pytest.fixture(scope="module")
def zones_file(tmp_path_factory):
    features = [{"type": "Feature", "properties": {"nom": name}, "geometry": poly.__geo_interface__}
                for name, poly in TERRITORIES.items()]
    path = tmp_path_factory.mktemp("zones") / "zones.geojson"
    crs = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::2154"}}
    path.write_text(json.dumps({"type": "FeatureCollection", "crs": crs, "features": features}), encoding="utf-8")
    return path


def _independent(polygon):
    inside = [r for r in RECORDS if polygon.contains(Point(r["x"], r["y"]))]
    present = [r for r in inside if not r["estAbsence"]]
    taxa = {r["cdRef"] for r in present}
    years = [r["annee"] for r in present]
    return {
        "records": len(present),
        "absences": len(inside) - len(present),
        "taxa": len(taxa),
        "protected": len(taxa & PROTECTED),
        "red_list": len({t for t in taxa if RED_LIST.get(t) in ("CR", "EN", "VU", "NT")}),
        "invasive": len({r["cdRef"] for r in present if r["envahissant"]}),
        "last_year": max(years) if years else None,
    }


def test_indicators_match_an_independent_count(report_gpkg, zones_file) -> None:
    results = compute_indicators(report_gpkg, read_territories(zones_file))
    assert [r.name for r in results] == list(TERRITORIES)
    for result in results:
        expected = _independent(TERRITORIES[result.name])
        got = {"records": result.records, "absences": result.absences, "taxa": len(result.taxa),
               "protected": len(result.protected_taxa), "red_list": len(result.red_list_taxa),
               "invasive": len(result.invasive_taxa), "last_year": result.last_year}
        assert got == expected, result.name
    amiens = results[0]
    assert amiens.protected_taxa == ("Unio crassus",)
    assert sum(amiens.records_by_decade.values()) == amiens.records
    assert amiens.records_by_decade == {1990: 1, 2010: 4, 2020: 1}


def test_grid_cell_share(report_gpkg, zones_file) -> None:
    results = {r.name: r for r in compute_indicators(report_gpkg, read_territories(zones_file))}
    cells_with_data = {(int(r["x"] // 10000), int(r["y"] // 10000)) for r in RECORDS if not r["estAbsence"]}
    for name, polygon in TERRITORIES.items():
        xmin, ymin, xmax, ymax = polygon.bounds
        cells = [(e, n) for e in range(int(xmin // 10000), int(xmax // 10000) + 1)
                 for n in range(int(ymin // 10000), int(ymax // 10000) + 1)
                 if polygon.intersection(box(e * 10000, n * 10000, (e + 1) * 10000, (n + 1) * 10000)).area > 0]
        assert results[name].cells == len(cells), name
        assert results[name].cells_with_data == len([c for c in cells if c in cells_with_data]), name
    assert results["Territoire vide"].cell_share == 0.0
    assert 0 < results["=Grand territoire"].cell_share < 1


def test_outputs(tmp_path, report_gpkg, zones_file) -> None:
    results = compute_indicators(report_gpkg, read_territories(zones_file))
    rows = list(csv.reader(write_indicators_csv(results, tmp_path / "i.csv").read_text(encoding="utf-8-sig")
                           .splitlines(), delimiter=";"))
    assert rows[0][0] == "Territoire" and len(rows) == 4
    assert rows[2][0] == "'=Grand territoire"  # formula neutralised
    assert "Observations 1990-1999" in rows[0]
    share = rows[0].index(next(h for h in rows[0] if h.startswith("Part des mailles")))
    assert all("." not in row[share] for row in rows[1:]) and any("," in row[share] for row in rows[1:])
    dataset = ogr.Open(str(write_indicators_gpkg(results, tmp_path / "i.gpkg")))
    layer = dataset.GetLayerByName("indicateurs")
    assert layer.GetFeatureCount() == 3
    first = layer.GetNextFeature()
    assert first.GetField("nbObservations") == results[0].records
    area = shape(json.loads(first.GetGeometryRef().ExportToJson())).area
    assert area == pytest.approx(TERRITORIES["Amiens centre"].area)


def test_no_polygon_is_a_plain_error(tmp_path) -> None:
    path = tmp_path / "pts.geojson"
    path.write_text('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},'
                    '"geometry":{"type":"Point","coordinates":[2.3,49.9]}}]}', encoding="utf-8")
    with pytest.raises(BivalvesError, match="no polygon"):
        read_territories(path)
