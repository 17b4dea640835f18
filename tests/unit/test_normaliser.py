"""Normaliser: every row accounted for, SINP codes, geometry, zones, flags and duplicates."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from fixtures_readers import make_stub_reference
from pyproj import Transformer
from shapely import wkt as shapely_wkt

from bivalves_hdf.core import schema
from bivalves_hdf.core.normaliser import NormalisedBatch, deduplicate, normalise
from bivalves_hdf.core.readers.base import build_table, frame_from_records, read_file

FIXTURES = [
    "openobs_export_2023.csv",
    "openobs_export_2021.csv",
    "sinp_dee_v121.csv",
    "geonature_sinp_dee_v2.csv",
    "geonature_synthese.csv",
    "geonature_synthese.geojson",
    "gbif_occurrence.csv",
    "gbif_occurrence_search.json",
    "hubeau_taxons.json",
    "hubeau_taxons.geojson",
]
TO_L93 = Transformer.from_crs(4326, 2154, always_xy=True)


def _batch(formats_dir, reference, *names) -> NormalisedBatch:
    tables = [table for name in names for table in read_file(formats_dir / name)]
    return normalise(tables, reference)


def _reject(batch: NormalisedBatch, file_name: str, line: int) -> pd.Series:
    rows = batch.rejects[batch.rejects["fichier"].str.endswith(file_name) & (batch.rejects["ligne"] == line)]
    assert len(rows) == 1, (file_name, line)
    return rows.iloc[0]


def _occurrence(batch: NormalisedBatch, **where) -> pd.Series:
    rows = batch.occurrences
    for column, value in where.items():
        rows = rows[rows[column] == value]
    assert len(rows) == 1, where
    return rows.iloc[0]


def _table(records: list[dict], source: str = "openobs", fmt: str = "test") -> list:
    return [build_table(frame_from_records(records), source, "synthetic", fmt)]


@pytest.mark.parametrize("name", FIXTURES)
def test_row_conservation_on_every_fixture(formats_dir, stub_reference, name):
    batch = _batch(formats_dir, stub_reference, name)
    (counts,) = batch.counts
    assert counts.read == counts.kept + counts.merged + counts.rejected
    assert counts.read == len(read_file(formats_dir / name)[0])
    assert counts.kept == len(batch.occurrences)
    assert counts.rejected == len(batch.rejects)
    assert list(batch.occurrences.columns) == [*schema.column_names(schema.OCCURRENCE_COLUMNS), "x", "y"]
    assert list(batch.rejects.columns) == schema.column_names(schema.REJECT_COLUMNS)
    assert list(batch.zones.columns) == [*schema.column_names(schema.ZONE_COLUMNS), "wkt"]
    assert set(batch.rejects["motif"]) <= set(schema.REJECT_REASONS)
    assert batch.occurrences[["x", "y", "cdRef", "codeMaille", "source", "sourceRecordId"]].notna().all().all()


def test_row_conservation_across_all_fixtures(formats_dir, stub_reference):
    batch = _batch(formats_dir, stub_reference, *FIXTURES)
    read = sum(c.read for c in batch.counts)
    assert read == sum(c.kept + c.merged + c.rejected for c in batch.counts)
    assert sum(c.kept for c in batch.counts) == len(batch.occurrences)
    assert sum(c.rejected for c in batch.counts) == len(batch.rejects)
    assert sum(c.merged for c in batch.counts) > 0
    key = batch.occurrences["idSINPOccTax"].str.lower()
    assert not key[key.notna()].duplicated().any()


def test_reject_reasons_of_the_fixtures(formats_dir, stub_reference):
    batch = _batch(formats_dir, stub_reference, *FIXTURES)
    expected = {
        ("openobs_export_2023.csv", 5): "swapped_coordinates",
        ("openobs_export_2023.csv", 6): "outside_france",
        ("openobs_export_2023.csv", 7): "unknown_taxon",
        ("openobs_export_2021.csv", 4): "not_bivalve",
        ("openobs_export_2021.csv", 5): "bad_date",
        ("openobs_export_2021.csv", 6): "bad_date",
        ("openobs_export_2021.csv", 7): "unreadable_row",
        ("sinp_dee_v121.csv", 7): "bad_date",
        ("sinp_dee_v121.csv", 8): "no_geometry",
        ("gbif_occurrence.csv", 5): "not_bivalve",
        ("gbif_occurrence.csv", 6): "no_geometry",
        ("hubeau_taxons.json", 3): "not_bivalve",
    }
    for (name, line), reason in expected.items():
        row = _reject(batch, name, line)
        assert row["motif"] == reason, (name, line)
        assert json.loads(row["donneeBrute"])
    assert len(batch.rejects) == len(expected)
    assert _reject(batch, "openobs_export_2021.csv", 6)["detail"] == "date in the future"
    assert _reject(batch, "sinp_dee_v121.csv", 7)["detail"] == "dateFin before dateDebut"


def test_geonature_labels_become_sinp_codes(formats_dir, stub_reference):
    batch = _batch(formats_dir, stub_reference, "geonature_synthese.csv", "geonature_sinp_dee_v2.csv")
    assert _occurrence(batch, sourceRecordId="5001")["nivValidation"] == 1
    assert _occurrence(batch, sourceRecordId="5002")["nivValidation"] == 2
    assert _occurrence(batch, sourceRecordId="5003")["nivValidation"] == 3
    assert _occurrence(batch, sourceRecordId="5004")["nivValidation"] == 0
    dead = _occurrence(batch, sourceRecordId="1002")
    assert (dead["occEtatBiologique"], dead["estCoquilleMorte"], dead["statutObservation"]) == ("3", True, "Pr")
    assert dead["codeCommune"] == "59350|59017"
    assert dead["codeDepartement"] == "59"
    absent = _occurrence(batch, sourceRecordId="1003")
    assert (absent["statutObservation"], absent["estAbsence"]) == ("No", True)
    first = _occurrence(batch, sourceRecordId="1001")
    assert (first["cdNom"], first["cdRef"], first["nomValide"]) == (64656, 531162, "Euglesa casertana")
    assert (first["dSPublique"], first["natureObjetGeo"], first["objetDenombrement"]) == ("Pu", "St", "IND")
    assert first["sensiNiveau"] == "0"
    assert _occurrence(batch, sourceRecordId="1004")["sensiNiveau"] == "2"
    assert _occurrence(batch, sourceRecordId="5004")["nomValide"] == "Euglesa casertana"  # old name only


def test_status_flags_and_taxon_columns(formats_dir, stub_reference):
    batch = _batch(formats_dir, stub_reference, "sinp_dee_v121.csv")
    crassus = _occurrence(batch, sourceRecordId="T82_1_1")
    assert bool(crassus["protege"]) is True
    assert (crassus["listeRouge"], crassus["directiveHabitats"], crassus["milieu"]) == ("EN", "II|IV", "freshwater")
    assert crassus["nomVernaculaire"] == "Mulette épaisse"
    assert (crassus["denombrementMin"], crassus["denombrementMax"], crassus["precisionGeometrie"]) == (3, 5, 5)
    batch = _batch(formats_dir, stub_reference, "geonature_synthese.csv")
    corbicula = _occurrence(batch, sourceRecordId="5002")
    assert bool(corbicula["envahissant"]) is True and corbicula["origine"] == "invasive"
    assert bool(corbicula["protege"]) is False


def test_points_are_reprojected_to_lambert93(formats_dir, stub_reference):
    batch = _batch(formats_dir, stub_reference, "openobs_export_2023.csv")
    point = _occurrence(batch, idSINPOccTax="0f6b2d9e-5a43-4c1e-9b7a-2d1c3e4f5a01")
    x, y = TO_L93.transform(2.2958, 49.8941)
    assert (point["x"], point["y"]) == pytest.approx((x, y), abs=0.01)
    assert point["codeMaille"] == "10kmL93E064N697"
    assert point["classePrecision"] == "precise"
    assert (point["dateDebut"], point["annee"]) == ("2021-06-14", 2021)
    assert str(batch.occurrences["annee"].dtype) == "Int64"


def test_lambert93_input_is_kept_as_is(formats_dir, stub_reference):
    tables = _table([{"cdNom": "64443", "x": "749648", "y": "6956485", "crs_epsg": "2154", "dateDebut": "2020-01-02"}])
    occurrence = normalise(tables, stub_reference).occurrences.iloc[0]
    assert (occurrence["x"], occurrence["y"]) == (749648, 6956485)
    assert occurrence["codeMaille"] == "10kmL93E074N695"


def test_centroid_records_are_flagged_and_zoned(formats_dir, stub_reference):
    batch = _batch(formats_dir, stub_reference, "openobs_export_2023.csv", "sinp_dee_v121.csv")
    commune = _occurrence(batch, idSINPOccTax="0f6b2d9e-5a43-4c1e-9b7a-2d1c3e4f5a03")
    assert commune["classePrecision"] == "commune" and pd.isna(commune["zoneId"])  # no polygon in the data
    cell = _occurrence(batch, idSINPOccTax="0f6b2d9e-5a43-4c1e-9b7a-2d1c3e4f5a02")
    assert cell["classePrecision"] == "maille"
    zone = batch.zones.set_index("zoneId").loc[cell["zoneId"]]
    assert zone["typeZone"] == "maille"
    # both cells named by the export (E070N705 | E069N705)
    assert shapely_wkt.loads(zone["wkt"]).bounds == (690000, 7050000, 710000, 7060000)
    grid_only = _occurrence(batch, sourceRecordId="T82_1_2")  # codeMaille E064N697 and no geometry
    assert grid_only["classePrecision"] == "maille"
    assert (grid_only["x"], grid_only["y"]) == (645000, 6975000)
    assert batch.zones.set_index("zoneId").loc[grid_only["zoneId"], "typeZone"] == "maille"


def test_blurred_polygons_go_to_the_zones_layer(formats_dir, stub_reference):
    batch = _batch(formats_dir, stub_reference, "geonature_synthese.geojson", "geonature_sinp_dee_v2.csv")
    blurred = _occurrence(batch, sourceRecordId="5003")
    assert blurred["classePrecision"] == "commune"
    zone = batch.zones.set_index("zoneId").loc[blurred["zoneId"]]
    polygon = shapely_wkt.loads(zone["wkt"])
    assert polygon.geom_type == "Polygon" and polygon.contains(shapely_wkt.loads(f"POINT({blurred.x} {blurred.y})"))
    assert 600_000 < polygon.bounds[0] < 620_000  # Lambert-93 metres, not degrees
    assert zone["typeZone"] == "commune" and zone["cdRef"] == 64443
    cell = _occurrence(batch, sourceRecordId="1004")
    assert cell["classePrecision"] == "maille"
    assert batch.zones.set_index("zoneId").loc[cell["zoneId"], "typeZone"] == "maille"


def test_duplicates_across_sources_are_merged_with_provenance(formats_dir, stub_reference):
    batch = _batch(formats_dir, stub_reference, "openobs_export_2023.csv", "geonature_sinp_dee_v2.csv")
    merged = _occurrence(batch, sourceRecordId="1001")
    assert merged["source"] == "sinp_dee"  # SINP DEE ranks before OpenObs
    provenance = json.loads(merged["provenance"])
    assert [item["source"] for item in provenance] == ["sinp_dee", "openobs"]
    assert provenance[1]["id"] == "7C1F2A3B-0D4E-4F5A-8B6C-9D0E1F2A3B4C"
    counts = {c.source: c for c in batch.counts}
    assert counts["openobs"].merged == 1 and counts["sinp_dee"].merged == 0


def test_gbif_occurrence_id_matches_the_sinp_uuid(formats_dir, stub_reference):
    batch = _batch(formats_dir, stub_reference, "gbif_occurrence.csv", "geonature_synthese.csv")
    kept = _occurrence(batch, idSINPOccTax="3f2e1d0c-9b8a-4765-a432-10fedcba9871")
    assert [item["source"] for item in json.loads(kept["provenance"])] == ["geonature", "gbif"]
    absent = _occurrence(batch, sourceRecordId="4011000002")
    assert absent["estAbsence"] and (absent["dateDebut"], absent["dateFin"]) == ("2019-06-01", "2019-06-30")
    ranged = _occurrence(batch, sourceRecordId="4011000003")
    assert (ranged["dateDebut"], ranged["dateFin"]) == ("2018-05-01", "2018-05-03")


def test_deduplicate_is_idempotent_and_merges_provenance(formats_dir, stub_reference):
    batch = _batch(formats_dir, stub_reference, "sinp_dee_v121.csv")
    twice = pd.concat([batch.occurrences, batch.occurrences.assign(provenance='[{"source":"gbif","id":"x"}]')])
    kept, merged = deduplicate(twice.reset_index(drop=True))
    assert merged == len(batch.occurrences) and len(kept) == len(batch.occurrences)
    assert all(len(json.loads(p)) == 2 for p in kept["provenance"])
    again, merged_again = deduplicate(kept)
    assert merged_again == 0 and again.equals(kept)


def test_reimporting_the_same_file_gives_the_same_keys(formats_dir, stub_reference):
    first = _batch(formats_dir, stub_reference, "hubeau_taxons.json")
    second = _batch(formats_dir, stub_reference, "hubeau_taxons.json")
    assert first.occurrences["sourceRecordId"].tolist() == second.occurrences["sourceRecordId"].tolist()
    records = [{"nomCite": "Unio crassus", "latitude": "50.1", "longitude": "2.3"}] * 2
    keyless = normalise(_table(records), stub_reference)
    assert keyless.occurrences["sourceRecordId"].str.startswith("raw:").all()
    assert keyless.counts[0].merged == 1  # identical raw rows are one record


@pytest.mark.parametrize(
    ("label", "code"),
    [("Certain - très probable", 1), ("CERTAIN", 1), ("Probable", 2), ("PROBABLE", 2), ("Douteux", 3),
     ("DOUTEUX", 3), ("Invalide", 4), ("INVALIDE", 4), ("Non réalisable", 5), ("NON_REALISABLE", 5),
     ("Inconnu", 6), ("En attente de validation", 0), ("NON_EVALUE", 0), ("4", 4), (None, 6), ("???", 6)],
)  # fmt: skip
def test_validation_levels_from_every_source(stub_reference, label, code):
    record = {"cdNom": "64443", "latitude": "50.1", "longitude": "2.3", "nivValidation": label}
    assert normalise(_table([record]), stub_reference).occurrences["nivValidation"].tolist() == [code]


@pytest.mark.parametrize(
    ("statut", "etat", "expected"),
    [("Présent", "Observé vivant", ("Pr", "2", False, False)), ("PRESENT", None, ("Pr", "1", False, False)),
     ("ABSENT", None, ("No", "1", True, False)), ("No", "3", ("No", "3", True, True)),
     ("Ne Sait Pas", "Trouvé mort", ("NSP", "3", False, True)), (None, "NSP", ("Pr", "0", False, False))],
)  # fmt: skip
def test_observation_status_and_biological_state(stub_reference, statut, etat, expected):
    record = {"cdNom": "64443", "latitude": "50.1", "longitude": "2.3", "statutObservation": statut,
              "occEtatBiologique": etat}  # fmt: skip
    row = normalise(_table([record]), stub_reference).occurrences.iloc[0]
    assert (row["statutObservation"], row["occEtatBiologique"], row["estAbsence"], row["estCoquilleMorte"]) == expected


def test_epoch_milliseconds_and_lat_long_strings(stub_reference):
    records = [{"uuid": "u1", "taxonConceptID": "64443", "latLong": "50.1,2.3", "eventDate": 1588284000000,
                "eventDateEnd": 1588370400000}]  # fmt: skip
    row = normalise(_table(records), stub_reference).occurrences.iloc[0]
    assert (row["dateDebut"], row["dateFin"]) == ("2020-05-01", "2020-05-02")  # local dates (Europe/Paris)
    assert row["sourceRecordId"] == "u1"
    assert row["y"] == pytest.approx(TO_L93.transform(2.3, 50.1)[1])


@pytest.mark.parametrize(
    ("start", "reason"),
    [("1700-05-01", "bad_date"), ("32/13/2020", "bad_date"), ("yesterday", "bad_date"), ("2099-01-01", "bad_date")],
)
def test_impossible_dates(stub_reference, start, reason):
    record = {"cdNom": "64443", "latitude": "50.1", "longitude": "2.3", "dateDebut": start}
    batch = normalise(_table([record]), stub_reference)
    assert batch.rejects["motif"].tolist() == [reason]


def test_missing_date_is_kept(stub_reference):
    record = {"cdNom": "64443", "latitude": "50.1", "longitude": "2.3"}
    row = normalise(_table([record]), stub_reference).occurrences.iloc[0]
    assert pd.isna(row["dateDebut"]) and pd.isna(row["annee"])


def test_empty_input(stub_reference):
    batch = normalise([], stub_reference)
    assert batch.occurrences.empty and batch.rejects.empty and batch.zones.empty and batch.counts == []
    empty = normalise(_table([]), stub_reference)
    assert empty.counts[0].read == 0


def test_real_reference_resolves_the_fixtures(formats_dir):
    reference_module = pytest.importorskip("bivalves_hdf.core.reference")
    batch = _batch(formats_dir, reference_module.load_reference(), *FIXTURES)
    counts = batch.counts
    assert sum(c.read for c in counts) == sum(c.kept + c.merged + c.rejected for c in counts)
    with_stub = _batch(formats_dir, make_stub_reference(), *FIXTURES)
    assert sorted(batch.rejects["motif"]) == sorted(with_stub.rejects["motif"])
    resolved = batch.occurrences.set_index("sourceRecordId")
    assert resolved.loc["1001", "cdRef"] == 531162  # Pisidium casertanum -> Euglesa casertana
    assert bool(resolved.loc["T82_1_1", "protege"]) is True  # Unio crassus
    assert np.issubdtype(type(resolved.loc["P0001:1043", "cdRef"]), np.integer)  # Hub'Eau genus via SANDRE


@pytest.mark.parametrize(
    ("text", "expected"),
    [("86400000", None), ("172800000", "1970-01-03"), ("-631152000000", "1950-01-01"), ("1588284000000", "2020-05-01"),
     ("2020-05-01T23:30:00Z", "2020-05-01"), ("1/5/2020", "2020-05-01"), ("2019", "2019-01-01")],
)  # fmt: skip
def test_date_forms(stub_reference, text, expected):
    record = {"cdNom": "64443", "latitude": "50.1", "longitude": "2.3", "dateDebut": text}
    batch = normalise(_table([record]), stub_reference)
    if expected is None:
        assert batch.rejects["motif"].tolist() == ["bad_date"]
    else:
        assert batch.occurrences["dateDebut"].tolist() == [expected]
