"""Importing exports into the GeoPackage: row conservation, updates, duplicates, chunks, cancel."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from pathlib import Path

import pytest

from bivalves_hdf.core import schema, store
from bivalves_hdf.core.errors import BivalvesError
from bivalves_hdf.core.importer import LogEntry, import_files, import_tables
from bivalves_hdf.core.readers.base import read_file
from bivalves_hdf.paths import DEMO_DIR

OPENOBS_2023 = DEMO_DIR / "openobs_export_2023.csv"
DEE_V2 = DEMO_DIR / "geonature_sinp_dee_v2.csv"
SYNTHESE = DEMO_DIR / "geonature_synthese.csv"


def count(path: Path, table: str) -> int:
    with sqlite3.connect(path) as connection:
        return connection.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]  # noqa: S608


def test_every_demo_file_conserves_rows(demo_gpkg):
    log = store.read_refresh_log(demo_gpkg)
    assert len(log) == len([p for p in DEMO_DIR.iterdir() if p.suffix in {".csv", ".json", ".geojson", ".zip"}]) - 1
    assert (log["nbLus"] == log["nbRetenus"] + log["nbFusionnes"] + log["nbRejetes"]).all()
    assert log["nbLus"].gt(0).all() and log["sha256"].str.len().eq(64).all()
    assert count(demo_gpkg, schema.OCCURRENCES) == log["nbRetenus"].sum()
    assert count(demo_gpkg, schema.REJECTS) == log["nbRejetes"].sum()
    assert log["nbFusionnes"].sum() > 0  # the demo holds cross-source duplicates
    rejects = store.read_rejects(demo_gpkg)
    assert {"unknown_taxon", "not_bivalve", "no_geometry", "swapped_coordinates", "bad_date"} <= set(rejects["motif"])
    assert rejects["donneeBrute"].str.startswith("{").all()
    occurrences = store.read_occurrences(demo_gpkg)
    assert occurrences["estAbsence"].any() and occurrences["estCoquilleMorte"].any() and occurrences["protege"].any()
    assert occurrences["x"].between(560_000, 800_000).all() and occurrences["y"].between(6_850_000, 7_130_000).all()


def test_importing_the_same_file_twice_adds_nothing(tmp_path):
    out = tmp_path / "out.gpkg"
    first = import_files([OPENOBS_2023], out)
    (result,) = first.results
    assert result.read == result.kept + result.merged + result.rejected and result.kept > 0
    again = import_files([OPENOBS_2023], out)
    assert again.results[0].skipped.startswith("already imported")
    assert again.kept == 0 and count(out, schema.OCCURRENCES) == result.kept
    # Another file with the same records (different bytes, so a different sha256): all merged.
    copy = tmp_path / "copy.csv"
    copy.write_bytes(OPENOBS_2023.read_bytes() + b"\n")
    third = import_files([copy], out)
    assert third.kept == 0 and third.merged == result.kept and third.rejected == result.rejected
    assert count(out, schema.OCCURRENCES) == result.kept
    assert count(out, schema.REFRESH_LOG) == 2


def test_existing_geopackage_is_updated_not_wiped(tmp_path):
    out = tmp_path / "out.gpkg"
    first = import_files([DEE_V2], out)
    second = import_files([SYNTHESE], out)
    assert second.merged >= 6  # the synthese export repeats records of the DEE export
    assert count(out, schema.OCCURRENCES) == first.kept + second.kept
    log = store.read_refresh_log(out)
    assert log["importId"].tolist() == [1, 2] and log["versionPlugin"].str.len().gt(0).all()


def test_chunked_reading_gives_the_same_result(tmp_path):
    whole = import_files([OPENOBS_2023], tmp_path / "whole.gpkg")
    chunked = import_files([OPENOBS_2023], tmp_path / "chunked.gpkg", chunk_rows=7)
    assert (chunked.read, chunked.kept, chunked.merged, chunked.rejected) == (
        whole.read,
        whole.kept,
        whole.merged,
        whole.rejected,
    )
    lines = sorted(store.read_rejects(tmp_path / "chunked.gpkg")["ligne"].tolist())
    assert lines == sorted(store.read_rejects(tmp_path / "whole.gpkg")["ligne"].tolist())


def test_import_tables_logs_each_entry(tmp_path):
    out = tmp_path / "out.gpkg"
    tables = read_file(DEE_V2) + read_file(OPENOBS_2023)
    entries = [LogEntry("sinp_dee", tables[0].origin), LogEntry("openobs", "query: cd_ref=64443")]
    summary = import_tables(tables, out, entries)
    assert [r.read for r in summary.results] == [len(tables[0]), len(tables[1])]
    log = store.read_refresh_log(out)
    assert log["requete"].tolist() == [tables[0].origin, "query: cd_ref=64443"]
    assert (log["nbLus"] == log["nbRetenus"] + log["nbFusionnes"] + log["nbRejetes"]).all()
    assert count(out, schema.TAXA) > 40 and count(out, schema.STATUSES) > 0


def test_cancel_event_leaves_nothing(tmp_path):
    out = tmp_path / "out.gpkg"
    event = threading.Event()
    messages = []

    def progress(fraction: float, message: str) -> None:
        messages.append((fraction, message))
        event.set()

    with pytest.raises(store.ImportCancelledError):
        import_files([OPENOBS_2023], out, cancel=event, progress=progress)
    assert messages and not out.exists() and list(tmp_path.iterdir()) == []


def test_cancel_on_update_keeps_the_old_file(tmp_path):
    out = tmp_path / "out.gpkg"
    import_files([DEE_V2], out)
    before = out.read_bytes()
    with pytest.raises(store.ImportCancelledError):
        import_files([OPENOBS_2023], out, cancel=lambda: True)
    assert out.read_bytes() == before


def test_unusable_input_is_a_clear_error(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("hello\nworld\n", encoding="utf-8")
    with pytest.raises(BivalvesError, match="format not recognised"):
        import_files([text], tmp_path / "out.gpkg")
    with pytest.raises(BivalvesError, match="no such file"):
        import_files([tmp_path / "missing.csv"], tmp_path / "out.gpkg")
    assert not (tmp_path / "out.gpkg").exists()


def test_zip_of_exports(tmp_path):
    shutil.copy(DEMO_DIR / "demo_exports.zip", tmp_path / "exports.zip")
    summary = import_files([tmp_path / "exports.zip"], tmp_path / "out.gpkg")
    (result,) = summary.results
    assert set(result.source.split(",")) == {"openobs", "gbif"}
    assert result.read == result.kept + result.merged + result.rejected > 20


def test_hubeau_stations_layer(demo_gpkg):
    stations = store.read_layer(demo_gpkg, schema.STATIONS, geometry="xy")
    assert len(stations) == 8 and stations["codeStation"].is_unique
    assert stations["nbPrelevements"].ge(1).all() and stations["derniereAnnee"].between(2008, 2024).all()
    assert stations["taxons"].str.len().gt(0).all()
    assert stations["x"].between(560_000, 800_000).all() and stations["y"].between(6_850_000, 7_130_000).all()


def test_chunks_keep_quoted_line_breaks_whole(tmp_path):
    header = OPENOBS_2023.read_text(encoding="utf-8-sig").splitlines()[0]
    rows = [
        '0f6b2d9e-5a43-4c1e-9b7a-2d1c3e4f5a01,64443,64443,"Unio crassus Philipsson, 1788","Mulette\népaisse",'
        '80021,80,32,,,,XY point,"49,8941","2,2958",2021-06-14,10',
        '0f6b2d9e-5a43-4c1e-9b7a-2d1c3e4f5a02,64629,64629,Dreissena polymorpha,Moule zébrée,'
        '80021,80,32,,,,XY point,"49,90","2,30",2021-06-15,10',
        '0f6b2d9e-5a43-4c1e-9b7a-2d1c3e4f5a03,999999,999999,Nemo,,80021,80,32,,,,XY point,"49,9","2,3",2021-06-16,',
    ]
    path = tmp_path / "multiline.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    summary = import_files([path], tmp_path / "chunked.gpkg", chunk_rows=1)
    assert (summary.read, summary.kept, summary.rejected) == (3, 2, 1)
    import_files([path], tmp_path / "whole.gpkg")
    line = store.read_rejects(tmp_path / "whole.gpkg")["ligne"].tolist()
    assert store.read_rejects(tmp_path / "chunked.gpkg")["ligne"].tolist() == line == [4]
