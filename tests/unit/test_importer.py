"""Importing exports into the GeoPackage: row conservation, updates, duplicates, chunks, cancel."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bivalves_hdf.core import importer, schema, store
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


def line_chunks(data: bytes, chunk_rows: int) -> list[tuple[bytes, int]]:
    """The former line-by-line splitter (the oracle): (records of each chunk, records before it)."""
    lines = data.splitlines(keepends=True)
    header = 2 if len(lines) > 1 and lines[1].lstrip().startswith(b"//") else 1
    chunks, done, position = [], 0, header
    while position < len(lines):
        taken, records, open_quote = [], 0, False
        while (records < chunk_rows or open_quote) and position < len(lines):
            line = lines[position]
            position += 1
            taken.append(line)
            if line.count(b'"') % 2:
                open_quote = not open_quote
            records += not open_quote
        chunks.append((b"".join(taken), done))
        done += records
    return chunks


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.sampled_from([b"a,b", b'"x\ny",1', b'"q""uote",2', b"", b'"open', b'close"', b"c;d"]), max_size=30),
    st.booleans(),
    st.booleans(),
    st.integers(1, 5),
    st.integers(1, 9),
)
def test_record_boundaries_found_with_numpy_match_the_line_reader(
    tmp_path_factory, rows, mask, last_newline, chunk_rows, block
):
    data = b"h1,h2\n" + (b"//;mask\n" if mask else b"") + b"\n".join(rows) + (b"\n" if last_newline and rows else b"")
    path = tmp_path_factory.mktemp("split") / "f.csv"
    path.write_bytes(data)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(importer, "_SCAN_BLOCK", block)  # record ends across block edges
        chunks = list(importer._text_chunks(path, chunk_rows))
    assert [(data[c.start : c.end], c.offset) for c in chunks] == line_chunks(data, chunk_rows)


def big_export(tmp_path: Path) -> Path:
    """The demo OpenObs export three times: the same records again (ids in upper case), then new ones."""
    text = OPENOBS_2023.read_text(encoding="utf-8-sig")
    header, *rows = text.splitlines(keepends=True)
    again = [row.upper() if row[:1].isalnum() else row for row in rows]
    new = [row.replace(row[:8], f"{n:08x}", 1) for n, row in enumerate(rows)]
    path = tmp_path / "big.csv"
    path.write_text(header + "".join(rows + again + new), encoding="utf-8")
    return path


def layers(path: Path) -> dict[str, list]:
    with sqlite3.connect(path) as connection:
        out = {}
        for table in (schema.OCCURRENCES, schema.ZONES, schema.GRID, schema.REJECTS):
            names = [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")') if row[1] != "fid"]
            selected = ", ".join(f'"{name}"' for name in names)
            out[table] = connection.execute(f'SELECT {selected} FROM "{table}" ORDER BY fid').fetchall()  # noqa: S608
        out["extent"] = connection.execute(
            "SELECT min_x, min_y, max_x, max_y FROM gpkg_contents ORDER BY table_name"
        ).fetchall()
        out["rtree"] = connection.execute(
            "SELECT COUNT(*), SUM(id), rtreecheck('rtree_occurrences_geom') FROM rtree_occurrences_geom"
        ).fetchone()
    return out


@pytest.mark.parametrize("existing", [False, True])
def test_worker_processes_write_the_same_geopackage(tmp_path, existing):
    """Chunks normalised and written by worker processes (PreparedBatch, INSERT ... SELECT) give the
    same layers as chunks stored one by one, into a new GeoPackage or one holding records."""
    export = big_export(tmp_path)
    outputs = []
    for workers in (1, 2):
        out = tmp_path / f"workers{workers}.gpkg"
        if existing:
            import_files([DEE_V2], out)
        summary = import_files([SYNTHESE, export], out, chunk_rows=23, workers=workers)
        assert summary.read == summary.kept + summary.merged + summary.rejected
        outputs.append(((summary.read, summary.kept, summary.merged, summary.rejected), layers(out)))
    assert outputs[0] == outputs[1]
    (read, kept, merged, rejected), tables = outputs[1]
    assert merged >= 70 and rejected > 0 and len(tables[schema.REJECTS]) == rejected  # the upper-case copies merge
    assert tables["rtree"][2] == "ok" and tables["rtree"][0] == len(tables[schema.OCCURRENCES])


def test_cancel_with_worker_processes_leaves_the_previous_file(tmp_path):
    out = tmp_path / "out.gpkg"
    import_files([DEE_V2], out)
    before = out.read_bytes()
    batches = []

    def progress(fraction: float, message: str) -> None:
        batches.append(message)

    with pytest.raises(store.ImportCancelledError):
        import_files([big_export(tmp_path)], out, chunk_rows=20, workers=2, progress=progress,
                     cancel=lambda: len(batches) > 3)  # fmt: skip
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.csv", "out.gpkg"]
