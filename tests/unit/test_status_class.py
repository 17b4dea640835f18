"""classeStatut: one record, pandas and SQL give the same class; the normaliser writes it; the store
adds it to a GeoPackage written before it existed (real SQLite and GDAL)."""

from __future__ import annotations

import itertools
import json
import sqlite3

import numpy as np
import pandas as pd
import pytest
from osgeo import gdal, ogr

from bivalves_hdf.core import schema, status_class, store
from bivalves_hdf.core.normaliser import normalise
from bivalves_hdf.core.readers.base import read_file

gdal.UseExceptions()
FLAGS = (True, False, None)
COMBINATIONS = list(
    itertools.product(
        FLAGS, FLAGS, FLAGS, ("CR", "NT", "LC", "", None), FLAGS, ("introduced", "native", "invasive", None)
    )
)


def sql_classes(rows: list[tuple]) -> list[str]:
    """The SQL form evaluated by SQLite on the rows (booleans stored as 1/0/NULL, as in a GeoPackage)."""
    with sqlite3.connect(":memory:") as connection:
        columns = ", ".join(f'"{name}"' for name in status_class.FLAG_COLUMNS)
        connection.execute(f"CREATE TABLE t (pos INTEGER PRIMARY KEY, {columns})")
        connection.executemany(
            f"INSERT INTO t VALUES (?, {', '.join('?' for _ in status_class.FLAG_COLUMNS)})",  # noqa: S608
            [(i, *(int(v) if isinstance(v, bool) else v for v in row)) for i, row in enumerate(rows)],
        )
        query = f"SELECT {status_class.STATUS_CLASS_SQL} FROM t ORDER BY pos"  # noqa: S608
        return [value for (value,) in connection.execute(query)]


def test_the_three_forms_agree_on_every_combination():
    scalar = [status_class.status_class(*row) for row in COMBINATIONS]
    frame = pd.DataFrame(COMBINATIONS, columns=status_class.FLAG_COLUMNS, index=np.arange(len(COMBINATIONS)) * 3)
    vectorised = status_class.status_classes(frame)
    assert vectorised.tolist() == scalar
    assert vectorised.index.equals(frame.index)
    assert sql_classes(COMBINATIONS) == scalar
    assert set(scalar) == set(schema.CLASSE_STATUT)


def label(code: int) -> str:
    return schema.CLASSE_STATUT[code]


def test_most_constraining_status_first_and_dead_shells():
    assert label(status_class.status_class(True, True, True, "CR", True, "introduced")).startswith("Absence")
    assert label(status_class.status_class(False, False, True, "EN", True, "invasive")).startswith("Protégé (")
    assert label(status_class.status_class(False, True, False, "VU", True, "invasive")) == (
        "Liste rouge – coquille vide / trouvé mort"
    )
    assert label(status_class.status_class(False, False, False, "LC", True, "invasive")) == "Exotique envahissant"
    assert label(status_class.status_class(False, True, False, None, False, "introduced")).startswith("Introduit –")
    assert label(status_class.status_class(False, False, False, None, False, None)).startswith("Indigène ou")


def test_typed_columns_and_misaligned_series():
    """Booleans as bool, nullable boolean or 0/1 integers; Series aligned on labels, not positions."""
    index = pd.Index([10, 11, 12])
    columns = {
        "estAbsence": pd.Series([0, 0, 1], index=index),
        "estCoquilleMorte": pd.Series([True, pd.NA, True], index=index, dtype="boolean"),
        "protege": pd.Series([False, True, False], index=index),
        "listeRouge": pd.Series(["VU", np.nan, None], index=index[::-1]),  # labels in another order
        "envahissant": pd.Series([False, False, False], index=index),
        "origine": pd.Series(["native", "native", "native"], index=index),
    }
    classes = status_class.status_classes(columns)
    assert classes.tolist() == [11, 2, 0] and classes.dtype == "int64"


def test_codes_labels_and_legend_order():
    """2 × status rank (+ 1 for a dead shell), ascending = legend order; no dead absence."""
    assert list(schema.CLASSE_STATUT) == sorted(schema.CLASSE_STATUT) == [0, *range(2, 2 * len(schema.STATUS_RANKS))]
    for code, text in schema.CLASSE_STATUT.items():
        assert text and (("coquille vide" in text) == (code % 2 == status_class.DEAD))
    assert schema.VALUE_MAPS[status_class.COLUMN] is schema.CLASSE_STATUT
    assert {c.name: c.kind for c in schema.OCCURRENCE_COLUMNS}[status_class.COLUMN] == "int"


def test_the_normaliser_writes_the_class(formats_dir, stub_reference):
    tables = [t for name in ("openobs_export_2023.csv", "gbif_occurrence.csv") for t in read_file(formats_dir / name)]
    occurrences = normalise(tables, stub_reference).occurrences
    assert len(occurrences) > 0
    stored = occurrences[status_class.COLUMN]
    assert stored.notna().all()
    assert stored.tolist() == status_class.status_classes(occurrences).tolist()


def flagged_occurrences(count: int, start: int = 0) -> pd.DataFrame:
    numbers = np.arange(start, start + count)
    return pd.DataFrame(
        {
            "idSINPOccTax": [f"00000000-0000-4000-8000-{n:012d}" for n in numbers],
            "cdRef": 64443,
            "nomValide": "Unio crassus",
            "annee": 2020,
            "estAbsence": numbers % 7 == 0,
            "estCoquilleMorte": numbers % 3 == 0,
            "protege": numbers % 5 == 0,
            "listeRouge": np.where(numbers % 4 == 0, "EN", None),
            "envahissant": numbers % 6 == 1,
            "origine": np.where(numbers % 2 == 0, "introduced", "native"),
            "source": "openobs",
            "sourceRecordId": [f"rec-{n}" for n in numbers],
            "provenance": [json.dumps([{"source": "openobs", "id": f"rec-{n}"}]) for n in numbers],
            "x": 640000.0 + numbers * 10.0,
            "y": 6970000.0 + numbers * 5.0,
        }
    )


def stored_classes(path) -> tuple[list, list]:
    with sqlite3.connect(str(path)) as connection:
        names = ", ".join(f'"{name}"' for name in status_class.FLAG_COLUMNS)
        rows = connection.execute(
            f'SELECT "{status_class.COLUMN}", {names} FROM occurrences ORDER BY fid'  # noqa: S608
        ).fetchall()
    return [row[0] for row in rows], [status_class.status_class(*row[1:]) for row in rows]


def test_an_older_geopackage_gets_the_column_at_the_next_import(tmp_path):
    path = tmp_path / "old.gpkg"
    old = flagged_occurrences(40)
    old[status_class.COLUMN] = status_class.status_classes(old)
    with store.GeoPackageUpdate(path) as gpkg:
        gpkg.add_occurrences(old, None, gpkg.next_import_id())
        gpkg.commit()
    with sqlite3.connect(str(path)) as connection:  # as written before the column existed
        triggers = sorted(connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall())
        connection.execute(f'ALTER TABLE occurrences DROP COLUMN "{status_class.COLUMN}"')
        connection.execute("DELETE FROM gpkg_data_columns WHERE column_name = ?", (status_class.COLUMN,))
    assert triggers

    new = flagged_occurrences(10, start=100)
    new[status_class.COLUMN] = status_class.status_classes(new)
    with store.GeoPackageUpdate(path) as gpkg:
        gpkg.add_occurrences(new, None, gpkg.next_import_id())
        gpkg.commit()
    stored, expected = stored_classes(path)
    assert len(stored) == 50 and stored == expected
    with sqlite3.connect(str(path)) as connection:
        assert (
            sorted(connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall()) == triggers
        )
        title = connection.execute(
            "SELECT title FROM gpkg_data_columns WHERE table_name = 'occurrences' AND column_name = ?",
            (status_class.COLUMN,),
        ).fetchone()
        assert title == (schema.aliases(schema.OCCURRENCE_COLUMNS)[status_class.COLUMN],)
        assert not status_class.add_missing_column(connection)  # once only
    dataset = ogr.Open(str(path))  # kept: its layers die with it
    layer = dataset.GetLayerByName("occurrences")
    assert layer.GetLayerDefn().GetFieldIndex(status_class.COLUMN) >= 0
    assert layer.GetFeatureCount() == 50


@pytest.mark.parametrize("table", ["no_such_table", "gpkg_contents"])
def test_nothing_to_add_without_an_occurrence_table(tmp_path, table):
    with sqlite3.connect(str(tmp_path / "x.sqlite")) as connection:
        connection.execute("CREATE TABLE gpkg_contents (table_name TEXT)")
        assert not status_class.add_missing_column(connection, table)
