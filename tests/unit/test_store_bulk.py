"""Helpers of the big-import path: in-memory duplicate keys, grid counts in pandas, R-tree extents.

The SQL they replace is the oracle: SQLite computes the same grid counts and finds the same duplicates.
"""

from __future__ import annotations

import json
import sqlite3

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bivalves_hdf.core import rtree_bulk, schema, store, store_bulk

GRID_SQL = (
    'SELECT "codeMaille", COUNT(DISTINCT "cdRef"), COUNT(DISTINCT CASE WHEN "protege" = 1 THEN "cdRef" END), '
    'COUNT(*), MAX("annee") FROM t WHERE "codeMaille" IS NOT NULL AND "codeMaille" <> \'\' '
    'AND COALESCE("estAbsence", 0) = 0 GROUP BY "codeMaille"'
)
row_values = st.tuples(
    st.sampled_from([None, "", "10kmL93E064N697", "10kmL93E070N705", "E061N709"]),
    st.sampled_from([None, 64443, 64455, 163433]),
    st.sampled_from([None, 0, 1]),
    st.sampled_from([None, 0, 1]),
    st.sampled_from([None, 1990, 2005, 2024]),
)


def sql_grid(rows: list[tuple]) -> list[tuple]:
    connection = sqlite3.connect(":memory:")
    connection.execute('CREATE TABLE t ("codeMaille", "cdRef", "protege", "estAbsence", "annee")')
    connection.executemany("INSERT INTO t VALUES (?, ?, ?, ?, ?)", rows)
    return connection.execute(GRID_SQL).fetchall()


def frame_rows(grid: pd.DataFrame) -> list[tuple]:
    return [
        (cell, int(taxa), int(protected), int(count), None if pd.isna(year) else int(year))
        for cell, taxa, protected, count, year in grid.itertuples(index=False, name=None)
    ]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(row_values, max_size=40), min_size=1, max_size=4))
def test_grid_counts_in_pandas_equal_the_sql(batches):
    parts = [
        store_bulk.grid_partial(*zip(*batch)) if batch else store_bulk.grid_partial([], [], [], [], [])
        for batch in batches
    ]
    everything = [row for batch in batches for row in batch]
    assert frame_rows(store_bulk.grid_frame(parts)) == sql_grid(everything)
    # The records already stored are counted by SQL (grid_counts), the new ones in pandas.
    stored = sql_counts(batches[0])
    combined = store_bulk.grid_frame([store_bulk.grid_counts(stored), *parts[1:]])
    assert frame_rows(combined) == sql_grid(everything)


def sql_counts(rows: list[tuple]) -> list[tuple]:
    connection = sqlite3.connect(":memory:")
    connection.execute('CREATE TABLE t ("codeMaille", "cdRef", "protege", "estAbsence", "annee")')
    connection.executemany("INSERT INTO t VALUES (?, ?, ?, ?, ?)", rows)
    return connection.execute(
        'SELECT "codeMaille", "cdRef", "protege" = 1, COUNT(*), MAX("annee") FROM t WHERE "codeMaille" IS NOT NULL '
        'AND "codeMaille" <> \'\' AND COALESCE("estAbsence", 0) = 0 GROUP BY 1, 2, 3'
    ).fetchall()


@settings(max_examples=40, deadline=None)
@given(st.lists(row_values, min_size=1, max_size=60), st.data())
def test_grid_regroup_is_the_partial_of_the_kept_rows(rows, data):
    partial, groups, years = store_bulk.grid_partial_rows(*zip(*rows))
    kept = sorted(data.draw(st.sets(st.integers(0, len(rows) - 1))))
    regrouped = store_bulk.grid_regroup(partial, groups, years, np.asarray(kept, dtype=np.int64))
    expected = sql_grid([rows[position] for position in kept])
    assert frame_rows(store_bulk.grid_frame([regrouped])) == expected


def test_sorted_runs_find_every_stored_hash():
    rng = np.random.default_rng(7)
    runs = store_bulk._SortedRuns()
    stored: dict[int, int] = {}
    for number in range(12):
        hashes = rng.integers(0, 2**64 - 1, 500, dtype=np.uint64)
        fids = np.arange(number * 500, (number + 1) * 500) + (2**31 if number == 5 else 1)  # int32 and int64 runs
        runs.add(hashes, fids)
        stored.update(zip(hashes.tolist(), fids.tolist()))
    assert len(runs._runs) < 12  # runs are merged as they grow
    for hashes, _ in runs._runs:
        assert (hashes[1:] >= hashes[:-1]).all()
    queries = np.concatenate(
        [np.array(list(stored), dtype=np.uint64)[::3], rng.integers(0, 2**64 - 1, 50, dtype=np.uint64)]
    )
    assert runs.find(queries).tolist() == [stored.get(value, -1) for value in queries.tolist()]


def test_batch_keys_follow_the_sql_rules():
    ids = [" ABC-1 ", "abc-2", None, "   ", "ÉTÉ-3"]
    keys = store_bulk.BatchKeys.from_values(
        ids, ["openobs", None, "gbif", "gbif", "gbif"], ["r1", "r2", None, "r4", "r5"]
    )
    assert store_bulk.query_ids(ids) == ["abc-1", "abc-2", None, None, "été-3"]
    assert keys.query[1].tolist() == [True, True, False, False, True]
    assert keys.stored[1].tolist() == [True, True, False, True, True]  # blank ids are stored, never searched
    assert keys.record[1].tolist() == [True, False, False, True, True]
    # SQLite's lower() folds ASCII only: the stored key of a non-ASCII id differs from its search key.
    assert keys.stored[0][4] != keys.query[0][4] and keys.stored[0][1] == keys.query[0][1]


def occurrences(ids: list[str], records: list[str], source: str = "openobs") -> pd.DataFrame:
    count = len(ids)
    return pd.DataFrame(
        {
            "idSINPOccTax": ids,
            "source": source,
            "sourceRecordId": records,
            "cdRef": 64443,
            "codeMaille": "10kmL93E064N697",
            "annee": 2020,
            "provenance": [json.dumps([{"source": source, "id": record}]) for record in records],
            "x": 640000.0 + np.arange(count),
            "y": 6970000.0 + np.arange(count),
        }
    )


def test_duplicates_are_found_in_memory_even_when_hashes_collide(tmp_path, monkeypatch):
    """Every hash equal: each candidate is checked on the stored values, the real match found by SQL."""

    def same_hash(values):
        return np.zeros(len(values), dtype=np.uint64), np.array([v is not None for v in values], dtype=bool)

    monkeypatch.setattr(store_bulk, "_hashes", same_hash)
    path = tmp_path / "out.gpkg"
    with store.GeoPackageUpdate(path) as gpkg:
        assert gpkg.add_occurrences(occurrences(["ID-1", "id-2", "id-3"], ["a", "b", "c"]), None, 1) == (3, 0)
        second = occurrences([" id-3 ", "id-4", "ID-2", "id-5"], ["x", "y", "z", "a"])
        assert gpkg.add_occurrences(second, None, 2) == (1, 3)  # id-3, id-2 by id; id-5 by source + record
        gpkg.commit()
    frame = store.read_occurrences(path)
    assert frame["idSINPOccTax"].tolist() == ["ID-1", "id-2", "id-3", "id-4"]
    provenance = dict(zip(frame["idSINPOccTax"], frame["provenance"].map(json.loads)))
    assert [item["id"] for item in provenance["id-3"]] == ["c", "x"]
    assert [item["id"] for item in provenance["ID-1"]] == ["a"]  # id-5 matched the record 'a', not ID-1's id
    assert [item["id"] for item in provenance["id-2"]] == ["b", "z"]


def test_in_memory_and_sql_duplicate_search_agree(tmp_path):
    """The same batches into an empty GeoPackage (in-memory search) and into one holding a record (SQL)."""
    batches = [
        occurrences(["A-1", "a-2", None, "a-4"], ["r1", "r2", "r3", "r4"]),
        occurrences(["a-1", "A-2 ", "a-9", None, "a-5"], ["q1", "q2", "r3", "r3", "r5"]),
        occurrences([None, "a-4", "A-5"], ["r2", "zz", "r5"], source="gbif"),
    ]
    results = {}
    for name, seed in (("memory", None), ("sql", occurrences(["seed"], ["seed"]))):
        path = tmp_path / f"{name}.gpkg"
        if seed is not None:
            with store.GeoPackageUpdate(path) as gpkg:
                gpkg.add_occurrences(seed, None, 1)
                gpkg.commit()
        with store.GeoPackageUpdate(path) as gpkg:
            assert (gpkg._keys is None) == (seed is not None)
            counts = [gpkg.add_occurrences(batch, None, 2) for batch in batches]
            gpkg.commit()
        frame = store.read_occurrences(path)
        frame = frame[frame["idSINPOccTax"] != "seed"]
        results[name] = (counts, frame[["idSINPOccTax", "source", "sourceRecordId", "provenance"]].values.tolist())
    assert results["memory"] == results["sql"]
    assert results["memory"][0] == [(4, 0), (1, 4), (1, 2)]


def test_rtree_extent_is_the_sql_extent_after_inserts_and_deletes():
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE VIRTUAL TABLE r USING rtree(id, minx, maxx, miny, maxy)")
    assert rtree_bulk.extent(connection, "r") == (None, None, None, None)
    rng = np.random.default_rng(3)
    x, y = rng.uniform(600_000, 700_000, 3000), rng.uniform(6_900_000, 7_000_000, 3000)
    assert rtree_bulk.bulk_load(connection, "r", np.arange(1, 3001), x, x + 5, y, y + 5)
    connection.execute("INSERT INTO r VALUES (5000, 1, 2, 3, 4)")
    sql = "SELECT MIN(minx), MIN(miny), MAX(maxx), MAX(maxy) FROM r"
    assert rtree_bulk.extent(connection, "r") == connection.execute(sql).fetchone()
    connection.execute("DELETE FROM r WHERE id = 5000")
    connection.execute("DELETE FROM r WHERE id IN (SELECT id FROM r ORDER BY maxx DESC LIMIT 10)")
    assert rtree_bulk.extent(connection, "r") == connection.execute(sql).fetchone()


@pytest.mark.parametrize("first_id", [1, 2**40])  # ids beyond 2**39 take the plain inserts
def test_bulk_load_shadow_tables_whatever_the_ids(first_id):
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE VIRTUAL TABLE r USING rtree(id, minx, maxx, miny, maxy)")
    rng = np.random.default_rng(4)
    ids = first_id + rng.permutation(5000)
    x, y = rng.uniform(0, 1000, 5000), rng.uniform(0, 1000, 5000)
    assert rtree_bulk.bulk_load(connection, "r", ids, x, x, y, y)
    assert rtree_bulk.check(connection, "r")
    assert connection.execute("SELECT COUNT(*), SUM(id - ?) FROM r", (first_id,)).fetchone() == (
        5000,
        int((ids - first_id).sum()),
    )


def test_sql_values_of_text_and_dates():
    text = pd.Series(["a", "", None, np.nan, pd.NA, 7], dtype=object)
    assert store._sql_column(text, "str") == ["a", None, None, None, None, 7]
    dates = pd.Series(["2020-01-02T10:00", "2020-01-02", "", None], dtype=object)
    assert store._sql_column(dates, "date") == ["2020-01-02", "2020-01-02", "", None]
    assert store._sql_column(pd.Series([pd.Timestamp("2021-03-04"), None]), "date") == ["2021-03-04", None]
    assert store._sql_column(pd.Series([1.0, 2.5], dtype=float), "str") == ["1.0", "2.5"]
    assert [column.name for column in schema.GRID_COLUMNS] == store_bulk.grid_frame([]).columns.tolist()
