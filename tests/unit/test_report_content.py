"""The content of an extraction report: selection, statuses, sensitivity, determinism, exports."""

from __future__ import annotations

import csv
from datetime import date, datetime, timezone

import pytest
from fixtures_report import HOSTILE_OBSERVER, make_report_gpkg
from osgeo import ogr
from shapely import wkt as shapely_wkt

from bivalves_hdf.core.errors import BivalvesError
from bivalves_hdf.core.grid import maille_10km
from bivalves_hdf.core.perimeter import perimeter_from_file, perimeter_from_wkt
from bivalves_hdf.core.report_content import ReportRequest, build_report_content, sha256_of
from bivalves_hdf.core.report_export import neutralise, write_csv, write_gpkg

WHEN = datetime(2026, 2, 3, 9, 30, tzinfo=timezone.utc)


def _content(gpkg, perimeter_file, **options):
    request = ReportRequest(data_path=gpkg, perimeter=perimeter_from_file(perimeter_file), extracted_at=WHEN, **options)
    return build_report_content(request)


def test_records_inside_the_perimeter_and_buffer_only(report_gpkg, report_perimeter) -> None:
    content = _content(report_gpkg, report_perimeter, buffer_m=500)
    ids = [r.identifier for r in content.records]
    assert sorted(ids) == ["OCC-R1", "OCC-R2", "OCC-R3", "OCC-R4", "OCC-R6", "OCC-R7", "OCC-R8", "OCC-R9"]
    assert "OCC-R5" not in ids
    assert [r.identifier for r in content.records if r.in_buffer_only] == ["OCC-R4"]
    without_buffer = _content(report_gpkg, report_perimeter)
    assert "OCC-R4" not in [r.identifier for r in without_buffer.records]
    # the commune-located record enters through its zone, its centroid being outside
    assert "OCC-R8" in [r.identifier for r in without_buffer.records]


def test_period_filter(report_gpkg, report_perimeter) -> None:
    content = _content(report_gpkg, report_perimeter, since=date(2000, 1, 1), until=date(2020, 12, 31))
    ids = {r.identifier for r in content.records}
    assert "OCC-R9" not in ids  # 1990
    assert "OCC-R2" not in ids  # 2021
    assert {"OCC-R1", "OCC-R3"} <= ids
    assert any("sans date" in limit for limit in content.limits)


def test_taxa_statuses_absences_dead_shells_and_texts(report_gpkg, report_perimeter) -> None:
    content = _content(report_gpkg, report_perimeter, buffer_m=500)
    names = [t.name for t in content.taxa]
    assert names[0] == "Unio crassus"  # protected taxa first
    crassus = content.taxa[0]
    assert crassus.protected and crassus.records == 2 and crassus.dead_shells == 1 and crassus.last_year == 2021
    assert any("protég" in s.lower() for s in crassus.statuses)
    expected = {"arrete-2007-art1", "arrete-2007-art2", "cenv-l411-1", "cenv-l415-3", "dir-habitats"}
    assert expected <= set(crassus.text_ids)
    assert "Pseudanodonta complanata" not in names
    assert content.absent_taxa == ("Pseudanodonta complanata",)
    states = {r.identifier: r.state for r in content.records}
    assert states["OCC-R2"] == "coquille vide" and states["OCC-R7"] == "absence" and states["OCC-R1"] == "présent"
    text_ids = [t.id for t in content.texts]
    assert "cenv-l411-1" in text_ids and "cenv-l216-6" in text_ids
    assert content.counts["dead_shells"] == 1 and content.counts["absences"] == 1
    by_name = {t.name: t for t in content.taxa}
    assert by_name["Sinanodonta woodiana"].statuses == (
        "Origine : exotique envahissante (hors liste de l'Union, règlement (UE) 1143/2014)",)
    assert not any("Origine" in s for s in by_name["Anodonta cygnea"].statuses + crassus.statuses)


def test_no_protected_taxon_no_protection_texts(tmp_path, report_perimeter) -> None:
    from fixtures_report import RECORDS

    gpkg = make_report_gpkg(tmp_path / "plain.gpkg", [r for r in RECORDS if r["idSINPOccTax"] == "OCC-R3"])
    content = _content(gpkg, report_perimeter)
    assert [t.name for t in content.taxa] == ["Anodonta cygnea"]
    assert "arrete-2007-art2" not in [t.id for t in content.texts]


@pytest.mark.parametrize(("setting", "expected"), [("precise", "precise"), ("commune", "maille"),
                                                   ("maille", "maille"), ("departement", "departement")])
def test_sensitive_records_are_degraded(report_gpkg, report_perimeter, setting, expected) -> None:
    content = _content(report_gpkg, report_perimeter, sensitive_precision=setting)
    sensitive = next(r for r in content.records if r.identifier == "OCC-R6")
    assert sensitive.shown_precision == expected
    if expected == "precise":
        assert not sensitive.degraded and sensitive.x == 648123.4
        return
    assert sensitive.degraded and sensitive.x is None and sensitive.y is None
    assert "648123" not in sensitive.point_wkt and "6976789" not in sensitive.point_wkt
    if expected == "maille":
        cell = shapely_wkt.loads(sensitive.zone_wkt)
        assert cell.bounds == (640000.0, 6970000.0, 650000.0, 6980000.0)
        assert maille_10km(648123.4, 6976789.1) in sensitive.location
    else:
        assert sensitive.point_wkt == "" and sensitive.location == "département 80"
    # a non-sensitive record keeps its coordinates whatever the setting
    assert next(r for r in content.records if r.identifier == "OCC-R1").x == 648500.0
    assert any("sensible" in limit for limit in content.limits)


def test_same_inputs_same_content(report_gpkg, report_perimeter) -> None:
    first = _content(report_gpkg, report_perimeter, buffer_m=500).to_dict()
    second = _content(report_gpkg, report_perimeter, buffer_m=500).to_dict()
    assert first == second
    assert first["extracted_at"] == "2026-02-03T09:30:00Z"
    assert first["data_sha256"] == sha256_of(report_gpkg) and len(first["data_sha256"]) == 64
    assert first["data_version"].startswith("dernier import 2026-01-15")


def test_perimeter_in_another_crs_is_converted() -> None:
    perimeter = perimeter_from_wkt("POLYGON((2.29 49.89,2.31 49.89,2.31 49.90,2.29 49.90,2.29 49.89))", 4326)
    xmin, ymin, xmax, ymax = perimeter.geometry.bounds
    assert 640000 < xmin < xmax < 660000 and 6960000 < ymin < ymax < 6990000


def test_bad_inputs_are_plain_errors(tmp_path, report_gpkg, report_perimeter) -> None:
    with pytest.raises(BivalvesError, match="not found"):
        _content(tmp_path / "missing.gpkg", report_perimeter)
    with pytest.raises(BivalvesError, match="precision"):
        _content(report_gpkg, report_perimeter, sensitive_precision="exact")
    (tmp_path / "points.geojson").write_text('{"type":"Point","coordinates":[2.3,49.9]}', encoding="utf-8")
    with pytest.raises(BivalvesError, match="no polygon"):
        perimeter_from_file(tmp_path / "points.geojson")


@pytest.mark.parametrize(("cell", "expected"), [("=1+1", "'=1+1"), ("+33 6", "'+33 6"), ("-2", "'-2"),
                                                ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
                                                ("Dupont", "Dupont"), ("", "")])
def test_neutralise(cell, expected) -> None:
    assert neutralise(cell) == expected


def test_csv_and_gpkg_exports(tmp_path, report_gpkg, report_perimeter) -> None:
    content = _content(report_gpkg, report_perimeter, buffer_m=500)
    csv_path = write_csv(content, tmp_path / "report.csv")
    raw = csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert len(rows) == 1 + len(content.records)
    hostile = next(row for row in rows if row[0] == "OCC-R3")
    assert hostile[7] == HOSTILE_OBSERVER  # starts with '<': kept as plain text
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    x_column = rows[0].index("X (Lambert-93)")
    assert next(row for row in rows if row[0] == "OCC-R1")[x_column] == "648500,0"  # decimal comma
    gpkg_path = write_gpkg(content, tmp_path / "report.gpkg")
    dataset = ogr.Open(str(gpkg_path))
    assert dataset.GetLayerByName("releves").GetFeatureCount() == len(content.records)
    assert dataset.GetLayerByName("releves_zones").GetFeatureCount() == sum(1 for r in content.records if r.zone_wkt)
    assert dataset.GetLayerByName("perimetre").GetFeatureCount() == 2


def test_formula_observer_is_neutralised_in_csv(tmp_path, report_perimeter) -> None:
    from fixtures_report import RECORDS

    record = dict(RECORDS[0], observateur='=HYPERLINK("http://x")', idSINPOccTax="OCC-F1")
    gpkg = make_report_gpkg(tmp_path / "formula.gpkg", [record])
    rows = list(csv.reader(write_csv(_content(gpkg, report_perimeter), tmp_path / "f.csv")
                           .read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert rows[1][7] == "'=HYPERLINK(\"http://x\")"


def test_perimeter_label_names_the_feature(report_perimeter) -> None:
    assert perimeter_from_file(report_perimeter).label == "Périmètre de test (perimetre.geojson)"
