"""Readers: format detection, column aliases and the quirks of each real export shape."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from bivalves_hdf.core.errors import BivalvesError
from bivalves_hdf.core.readers.base import (
    ERROR,
    RAW,
    ROW,
    RawTable,
    build_table,
    column_key,
    frame_from_records,
    load_aliases,
    read_file,
)

# fixture -> (fmt, source, data rows)
EXPECTED = {
    "openobs_export_2023.csv": ("openobs_csv_2023", "openobs", 7),
    "openobs_export_2021.csv": ("openobs_csv_2021", "openobs", 6),
    "sinp_dee_v121.csv": ("sinp_dee_v121", "sinp_dee", 6),
    "geonature_sinp_dee_v2.csv": ("sinp_dee_v2", "sinp_dee", 4),
    "geonature_synthese.csv": ("geonature_csv", "geonature", 4),
    "geonature_synthese.geojson": ("geonature_geojson", "geonature", 2),
    "gbif_occurrence.csv": ("gbif_csv", "gbif", 5),
    "gbif_occurrence_search.json": ("gbif_json", "gbif", 3),
    "hubeau_taxons.json": ("hubeau_json", "hubeau", 3),
    "hubeau_taxons.geojson": ("hubeau_json", "hubeau", 2),
}


def _one(path: Path) -> RawTable:
    tables = read_file(path)
    assert len(tables) == 1
    return tables[0]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_fixture_is_detected_and_read_whole(formats_dir, name):
    table = _one(formats_dir / name)
    fmt, source, rows = EXPECTED[name]
    assert (table.fmt, table.source, len(table)) == (fmt, source, rows)
    assert table.origin.endswith(name)
    for column in (ROW, RAW, ERROR):
        assert column in table.frame.columns
    assert table.frame[ROW].is_unique
    # every value is text or missing, and the raw row is the original record as JSON
    for column in table.frame.columns.drop([ROW]):
        assert table.frame[column].map(lambda v: isinstance(v, str) or pd.isna(v)).all(), column
    raws = [json.loads(raw) for raw in table.raw_json(range(len(table)))]
    assert all(isinstance(raw, dict) and raw for raw in raws)
    assert len(set(table.row_hashes(range(len(table))))) == len(table)


def test_every_fixture_has_a_taxon_a_date_and_a_location_column(formats_dir):
    for name in EXPECTED:
        columns = set(_one(formats_dir / name).frame.columns)
        assert columns & {"cdNom", "cdRef", "nomCite", "nomValide"}, name
        assert columns & {"dateDebut", "year"}, name
        assert columns & {"wkt", "geojson", "longitude", "x", "codeMaille"}, name


def test_bom_is_not_part_of_the_first_column(formats_dir):
    assert (formats_dir / "openobs_export_2023.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    frame = _one(formats_dir / "openobs_export_2023.csv").frame
    assert frame["idSINPOccTax"].iloc[0] == "0f6b2d9e-5a43-4c1e-9b7a-2d1c3e4f5a01"
    assert frame["latitude"].iloc[0] == "49,8941"  # decimal comma kept as text for the normaliser


def test_cp1252_file_is_decoded(formats_dir):
    raw = (formats_dir / "openobs_export_2021.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    frame = _one(formats_dir / "openobs_export_2021.csv").frame
    assert frame["observateur"].iloc[0] == "Dupré (Hélène)"
    assert frame["dateDebut"].iloc[0] == "12/07/2016"
    assert frame["idSINPOccTax"].iloc[0] == "a3e1c2b4-1111-4c2d-8e9f-000000000001"  # "Id SINP OccTax"


def test_overlong_row_is_kept_and_marked(formats_dir):
    frame = _one(formats_dir / "openobs_export_2021.csv").frame
    bad = frame[frame[ERROR].notna()]
    assert len(bad) == 1
    assert bad[ROW].iloc[0] == 7  # spreadsheet line: header is line 1
    assert "16 fields" in bad[ERROR].iloc[0]
    table = _one(formats_dir / "openobs_export_2021.csv")
    assert "en trop" in table.raw_json([5]).iloc[0]


def test_sinp_dee_v121_mask_line_is_skipped(formats_dir):
    lines = (formats_dir / "sinp_dee_v121.csv").read_text(encoding="utf-8").splitlines()
    assert lines[1].startswith("//")
    frame = _one(formats_dir / "sinp_dee_v121.csv").frame
    assert frame[ROW].tolist() == [3, 4, 5, 6, 7, 8]
    assert frame["idSINPOccTax"].iloc[0] == "5D1C2B3A-0001-4000-8000-00000000A001"  # identifiantPermanent
    assert frame["dateDebut"].iloc[0] == "2016-07-12"  # jourDateDebut
    assert frame["wkt"].iloc[0] == "POINT(1.8303 50.3612)"
    # in v1.2.1 codeHabRef is a habitat reference, never the taxon
    assert frame["cdRef"].iloc[0] == "64443"


def test_geonature_dee_view_reads_cd_ref_under_code_hab_ref(formats_dir):
    frame = _one(formats_dir / "geonature_sinp_dee_v2.csv").frame
    assert frame["cdNom"].iloc[0] == "64656"
    assert frame["cdRef"].iloc[0] == "531162"
    assert frame["codeCommune"].iloc[1] == "59350|59017"
    assert frame["sourceRecordId"].iloc[0] == "1001"  # ID_synthese


def test_geonature_synthese_semicolon_csv(formats_dir):
    first_line = (formats_dir / "geonature_synthese.csv").read_text(encoding="utf-8").splitlines()[0]
    assert first_line.startswith("date_debut;")
    frame = _one(formats_dir / "geonature_synthese.csv").frame
    assert frame["nivValidation"].tolist()[:3] == ["Certain - très probable", "Probable", "Douteux"]
    assert frame["wkt"].iloc[2].startswith("POLYGON")
    assert frame["longitude"].iloc[2] == "1.8300"  # x_centroid_4326


def test_geonature_geojson_keeps_blurred_polygon(formats_dir):
    frame = _one(formats_dir / "geonature_synthese.geojson").frame
    kinds = [json.loads(text)["type"] for text in frame["geojson"]]
    assert kinds == ["Point", "Polygon"]


def test_gbif_json_aliases_are_coalesced_per_row(formats_dir):
    frame = _one(formats_dir / "gbif_occurrence_search.json").frame
    # record 1 has acceptedScientificName, records 2-3 only scientificName
    assert frame["nomValide"].tolist() == [
        "Unio crassus Philipsson, 1788",
        "Dreissena polymorpha (Pallas, 1771)",
        "Mytilus edulis Linnaeus, 1758",
    ]
    assert frame["sourceRecordId"].tolist() == ["4011000011", "4011000012", "4011000013"]
    table = _one(formats_dir / "gbif_occurrence_search.json")
    assert json.loads(table.raw_json([1]).iloc[0])["issues"] == '["COORDINATE_ROUNDED"]'


def test_gbif_tab_separated_download(formats_dir):
    frame = _one(formats_dir / "gbif_occurrence.csv").frame
    assert frame["classe"].tolist()[3] == "Gastropoda"
    assert frame["statutObservation"].iloc[1] == "ABSENT"
    assert frame["dateDebut"].iloc[2] == "2018-05-01/2018-05-03"


def test_hubeau_projection_and_record_id(formats_dir):
    frame = _one(formats_dir / "hubeau_taxons.json").frame
    assert frame["crs_epsg"].unique().tolist() == ["2154"]
    assert frame["x"].iloc[0] == "649720"
    assert frame["sourceRecordId"].tolist() == ["P0001:1047", "P0001:1043", "P0001:892"]
    assert "Bivalvia" in frame["taxonParents"].iloc[0]
    geo = _one(formats_dir / "hubeau_taxons.geojson").frame
    assert geo["longitude"].iloc[0] == "2.2958"


def test_zip_archive_with_nested_zip(formats_dir, tmp_path):
    inner = tmp_path / "inner.zip"
    with zipfile.ZipFile(inner, "w") as archive:
        archive.write(formats_dir / "gbif_occurrence.csv", "0001234-240101/occurrence.csv")
    outer = tmp_path / "export.zip"
    with zipfile.ZipFile(outer, "w") as archive:
        archive.write(formats_dir / "sinp_dee_v121.csv", "dee/sinp_dee_v121.csv")
        archive.write(formats_dir / "hubeau_taxons.json", "hubeau.json")
        archive.write(inner, "inner.zip")
        archive.writestr("rights.txt", "licence text")
        archive.writestr("notes.csv", "just one column\nno delimiter here\n")
        archive.writestr("../evil.csv", "x")
    tables = read_file(outer)
    assert sorted((t.fmt, len(t)) for t in tables) == [("gbif_csv", 5), ("hubeau_json", 3), ("sinp_dee_v121", 6)]
    assert any(t.origin.endswith("export.zip!dee/sinp_dee_v121.csv") for t in tables)
    assert not (tmp_path.parent / "evil.csv").exists()


def test_latin1_bytes_undefined_in_cp1252(tmp_path):
    path = tmp_path / "odd.csv"
    header = "idSINPOccTax;cdNom;nomScientifiqueRef;latitude;longitude;dateObservation\n"
    path.write_bytes(header.encode() + b"x1;64443;Unio\x81 crassus;50,1;2,3;01/02/2020\n")
    frame = _one(path).frame
    assert frame["nomValide"].iloc[0] == "Unio\x81 crassus"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.csv", b"", "empty"),
        ("binary.csv", bytes(range(256)) * 4, "format not recognised"),
        ("broken.json", b'{"results": [', "not valid JSON"),
        ("other.json", b'{"hello": "world"}', "format not recognised"),
        ("other.csv", b"a;b;c\n1;2;3\n", "format not recognised"),
        ("broken.zip", b"PK\x03\x04 truncated", "not a readable zip"),
    ],
)
def test_unreadable_files_raise_a_clear_error(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(BivalvesError, match=message) as error:
        read_file(path)
    assert name in str(error.value)


def test_missing_file_and_empty_zip(tmp_path):
    with pytest.raises(BivalvesError, match="no such file"):
        read_file(tmp_path / "absent.csv")
    empty = tmp_path / "empty.zip"
    with zipfile.ZipFile(empty, "w") as archive:
        archive.writestr("readme.txt", "nothing")
    with pytest.raises(BivalvesError, match="no export in a known format"):
        read_file(empty)


def test_bom_with_invalid_utf8_is_reported(tmp_path):
    path = tmp_path / "liar.csv"
    header = "idSINPOccTax;cdNom;nomScientifiqueRef;latitude;longitude;dateObservation\n"
    path.write_bytes(b"\xef\xbb\xbf" + header.encode() + b"x1;64443;Unio \xe9;50,1;2,3;01/02/2020\n")
    with pytest.raises(BivalvesError, match="not UTF-8"):
        read_file(path)


def test_header_only_file_gives_an_empty_table(tmp_path):
    path = tmp_path / "header.csv"
    path.write_text("idSINPOccTax;cdNom;nomScientifiqueRef;latitude;longitude;dateObservation\n", encoding="utf-8")
    assert len(_one(path)) == 0


def test_alias_matching_ignores_case_accents_and_separators():
    assert column_key("Date début") == column_key("date_debut") == column_key("dateDebut") == "datedebut"
    aliases = load_aliases()
    sources = aliases.sources_of(["DATE_DÉBUT", "Cd_Nom", "codeHabRef", "unknown"], "sinp_dee_v2")
    assert sources == {"dateDebut": ["DATE_DÉBUT"], "cdNom": ["Cd_Nom"], "cdRef": ["codeHabRef"]}
    assert "cdRef" not in aliases.sources_of(["codeHabRef"], "sinp_dee_v121")


def test_build_table_from_records_keeps_nested_values_as_json():
    frame = frame_from_records([{"cdNom": 64443, "issues": ["A", "B"], "empty": "", "flag": True, "none": None}])
    table = build_table(frame, "gbif", "api", "gbif_json", extra={"crs_epsg": "4326"})
    assert table.frame.loc[0, "cdNom"] == "64443"
    assert table.frame.loc[0, "crs_epsg"] == "4326"
    assert pd.isna(table.frame.loc[0, RAW])  # serialised on demand
    raw = json.loads(table.raw_json([0]).iloc[0])
    assert raw == {"cdNom": "64443", "issues": '["A", "B"]', "empty": None, "flag": "true", "none": None}


def test_raw_json_given_by_the_reader_is_kept():
    frame = pd.DataFrame({"cdNom": ["1", "2"], ROW: [1, 2], RAW: ['{"given": 1}', None], ERROR: [None, None]})
    table = RawTable(frame=frame, source="gbif", origin="x", fmt="y")
    assert table.raw_json([0, 1]).tolist() == ['{"given": 1}', '{"cdNom":"2"}']


def test_raw_table_checks_its_contract():
    with pytest.raises(ValueError, match="unknown source"):
        RawTable(frame=pd.DataFrame({ROW: [], RAW: [], ERROR: []}), source="oison", origin="x", fmt="y")
    with pytest.raises(ValueError, match="_raw"):
        RawTable(frame=pd.DataFrame({ROW: [], ERROR: []}), source="gbif", origin="x", fmt="y")


def test_hubeau_csv_variant(tmp_path):
    path = tmp_path / "taxons.csv"
    header = ["code_station_hydrobio", "libelle_station_hydrobio", "coordonnee_x", "coordonnee_y",
              "code_projection", "date_prelevement", "code_prelevement", "code_appel_taxon", "libelle_appel_taxon",
              "resultat_taxon"]  # fmt: skip
    row = ["01000475", "LA SOMME A AMIENS", "649720", "6978150", "26", "2022-06-01", "P0001", "1047",
           "Dreissena polymorpha", "25"]  # fmt: skip
    path.write_text(";".join(header) + "\n" + ";".join(row) + "\n", encoding="utf-8")
    table = _one(path)
    assert (table.fmt, table.source) == ("hubeau_csv", "hubeau")
    frame = table.frame
    assert (frame.loc[0, "x"], frame.loc[0, "crs_epsg"]) == ("649720", "2154")
    assert frame.loc[0, "nomCite"] == "Dreissena polymorpha"
    assert frame.loc[0, "sourceRecordId"] == "P0001:1047"
    assert frame.loc[0, "denombrementMin"] == "25"


def test_sinp_dee_view_as_geojson(formats_dir, tmp_path):
    frame = _one(formats_dir / "geonature_sinp_dee_v2.csv").original
    features = [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [2.251, 50.75]},
         "properties": {k: v for k, v in row.items() if isinstance(v, str)}}
        for row in frame.to_dict(orient="records")
    ]  # fmt: skip
    path = tmp_path / "dee.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    table = _one(path)
    assert (table.fmt, table.source, len(table)) == ("sinp_dee_v2", "sinp_dee", 4)
    assert table.frame["cdRef"].iloc[0] == "531162"
