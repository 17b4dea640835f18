"""The STR bulk load of SQLite R-trees (the GeoPackage spatial index) against SQLite's own checks."""

from __future__ import annotations

import sqlite3

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bivalves_hdf.core import rtree_bulk


def empty_rtree() -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE VIRTUAL TABLE r USING rtree(id, minx, maxx, miny, maxy)")
    return connection


@pytest.mark.parametrize("count", [0, 1, 51, 52, 2602, 20000])
def test_bulk_loaded_tree_is_valid_and_complete(count):
    rng = np.random.default_rng(count)
    x = rng.uniform(600_000, 760_000, count)
    y = rng.uniform(6_900_000, 7_100_000, count)
    size = rng.uniform(0, 5_000, count) * (count % 2)
    connection = empty_rtree()
    ids = np.arange(1, count + 1) * 7
    assert rtree_bulk.bulk_load(connection, "r", ids, x, x + size, y, y + size)
    assert rtree_bulk.check(connection, "r")
    assert connection.execute("SELECT COUNT(*), COALESCE(SUM(id), 0) FROM r").fetchone() == (count, int(ids.sum()))
    window = "maxx >= 650000 AND minx <= 700000 AND maxy >= 6950000 AND miny <= 7000000"
    found = {row[0] for row in connection.execute(f"SELECT id FROM r WHERE {window}")}  # noqa: S608
    inside = set(ids[(x + size >= 650_000) & (x <= 700_000) & (y + size >= 6_950_000) & (y <= 7_000_000)].tolist())
    assert inside <= found and len(found - inside) <= 5  # float32 boxes are rounded outwards
    connection.execute("INSERT INTO r VALUES (1, 0, 1, 0, 1)")  # SQLite keeps maintaining it
    connection.execute("DELETE FROM r WHERE id = 7")
    assert rtree_bulk.check(connection, "r")


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.floats(-1e6, 1e7), st.floats(-1e6, 1e7)), max_size=300))
def test_every_point_is_found_at_its_place(points):
    connection = empty_rtree()
    xy = np.array(points, dtype="f8").reshape(-1, 2)
    ids = np.arange(1, len(xy) + 1)
    assert rtree_bulk.bulk_load(connection, "r", ids, xy[:, 0], xy[:, 0], xy[:, 1], xy[:, 1])
    assert rtree_bulk.check(connection, "r")
    for identifier, (x, y) in zip(ids.tolist(), xy.tolist()):
        rows = connection.execute(
            "SELECT id FROM r WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?", (x, x, y, y)
        ).fetchall()
        assert (identifier,) in rows
