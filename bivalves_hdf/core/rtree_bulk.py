"""Bulk loading of an empty SQLite R-tree (the GeoPackage spatial index) by STR packing.

Inserting rows one at a time into an SQLite R-tree costs several microseconds each; packing the
tree with numpy (Sort-Tile-Recursive) and writing its three shadow tables (`_node`, `_parent`,
`_rowid`) directly is an order of magnitude faster. The node format is SQLite's own: a 2-byte
depth (root only) and 2-byte cell count, then cells of a 64-bit id and float32 (minx, maxx, miny,
maxy), big-endian, padded to the node size of the existing root. `rtreecheck()` verifies the result;
on any doubt the caller falls back to plain inserts.
"""

from __future__ import annotations

import math
import sqlite3

import numpy as np

_NODES_PER_BATCH = 20_000
_CELL = np.dtype([("id", ">i8"), ("minx", ">f4"), ("maxx", ">f4"), ("miny", ">f4"), ("maxy", ">f4")])


def round_down(values) -> np.ndarray:
    """float32 not above the values (SQLite stores R-tree minima rounded down to float32)."""
    if isinstance(values, np.ndarray) and values.dtype == np.float32:
        return values  # already float32: nothing to round
    values = np.asarray(values, dtype=np.float64)
    single = values.astype(np.float32)
    above = single.astype(np.float64) > values
    single[above] = np.nextafter(single[above], np.float32(-np.inf))
    return single


def round_up(values) -> np.ndarray:
    """float32 not below the values (R-tree maxima)."""
    if isinstance(values, np.ndarray) and values.dtype == np.float32:
        return values
    values = np.asarray(values, dtype=np.float64)
    single = values.astype(np.float32)
    below = single.astype(np.float64) < values
    single[below] = np.nextafter(single[below], np.float32(np.inf))
    return single


def _pack(minx, maxx, miny, maxy, per_node: int) -> tuple[np.ndarray, np.ndarray]:
    """STR ordering: (order of the entries, start offset of each node in that order)."""
    count = len(minx)
    slices = math.ceil(math.sqrt(math.ceil(count / per_node)))
    by_x = np.argsort((minx + maxx) / 2, kind="stable")
    parts, offsets, position = [], [], 0
    slice_size = slices * per_node
    for start in range(0, count, slice_size):
        members = by_x[start : start + slice_size]
        parts.append(members[np.argsort((miny[members] + maxy[members]) / 2, kind="stable")])
        offsets.extend(range(position, position + len(members), per_node))
        position += len(members)
    return np.concatenate(parts), np.asarray(offsets, dtype=np.int64)


def bulk_load(connection: sqlite3.Connection, rtree: str, ids, minx, maxx, miny, maxy) -> bool:
    """Fill the EMPTY R-tree `rtree` with the given boxes; False (tree left empty) when it cannot.

    Memory: the boxes as float32, the ids and one sort order; nodes are written in batches."""
    ids = np.asarray(ids, dtype=np.int64)
    if len(ids) == 0:
        return True
    size = connection.execute(f'SELECT length(data) FROM "{rtree}_node" WHERE nodeno = 1').fetchone()  # noqa: S608  # nosec B608
    if not size or size[0] is None:
        return False
    node_size = int(size[0])
    per_node = min(51, (node_size - 4) // _CELL.itemsize)
    boxes = (round_down(minx), round_up(maxx), round_down(miny), round_up(maxy))
    levels = []  # bottom-up: (ids, boxes, order, node start offsets)
    while True:
        order, offsets = _pack(*boxes, per_node)
        levels.append((ids, boxes, order, offsets))
        if len(offsets) == 1:
            break
        boxes = (
            np.minimum.reduceat(boxes[0][order], offsets),
            np.maximum.reduceat(boxes[1][order], offsets),
            np.minimum.reduceat(boxes[2][order], offsets),
            np.maximum.reduceat(boxes[3][order], offsets),
        )
        ids = np.arange(len(offsets), dtype=np.int64)  # provisional node numbers of this level
    first_number = {}  # the root is node 1, then level by level downwards
    next_number = 1
    for depth in range(len(levels) - 1, -1, -1):
        first_number[depth] = next_number
        next_number += len(levels[depth][3])
    connection.execute(f'DELETE FROM "{rtree}_node"')  # noqa: S608  # nosec B608
    for depth, (level_ids, level_boxes, order, offsets) in enumerate(levels):
        if depth > 0:  # children are referred to by their final node numbers
            level_ids = level_ids + first_number[depth - 1]
        bounds = np.append(offsets, len(order))
        for first in range(0, len(offsets), _NODES_PER_BATCH):
            last = min(first + _NODES_PER_BATCH, len(offsets))
            members = order[bounds[first] : bounds[last]]
            cells = np.zeros(len(members), dtype=_CELL)
            cells["id"] = level_ids[members]
            for name, values in zip(("minx", "maxx", "miny", "maxy"), level_boxes):
                cells[name] = values[members]
            nodes = []
            for position in range(first, last):
                number = first_number[depth] + position
                count = int(bounds[position + 1] - bounds[position])
                header = (len(levels) - 1 if number == 1 else 0).to_bytes(2, "big") + count.to_bytes(2, "big")
                blob = header + cells[bounds[position] - bounds[first] : bounds[position + 1] - bounds[first]].tobytes()
                nodes.append((number, blob + bytes(node_size - len(blob))))
            connection.executemany(f'INSERT INTO "{rtree}_node" (nodeno, data) VALUES (?, ?)', nodes)  # noqa: S608  # nosec B608
            numbers = np.repeat(np.arange(first, last) + first_number[depth], np.diff(bounds[first : last + 1]))
            table, key = (f"{rtree}_rowid", "rowid") if depth == 0 else (f"{rtree}_parent", "nodeno")
            value = "nodeno" if depth == 0 else "parentnode"
            _insert_pairs(connection, table, key, value, cells["id"].astype(np.int64), numbers.astype(np.int64))
    return True


def _insert_pairs(
    connection: sqlite3.Connection, table: str, key: str, value: str, keys: np.ndarray, values: np.ndarray
) -> None:
    """Rows (key, value) of a shadow table, in key order (B-tree appends). Pairs that pack into 63 bits
    travel as one JSON array expanded by SQLite (json_each) instead of one bound statement each."""
    order = np.argsort(keys, kind="stable")
    keys, values = keys[order], values[order]
    if len(keys) and keys[0] >= 0 and keys[-1] < 2**39 and values.min() >= 0 and values.max() < 2**24:
        packed = "[" + ",".join(map(str, ((keys << 24) | values).tolist())) + "]"
        try:
            connection.execute(
                f'INSERT INTO "{table}" ({key}, {value}) SELECT value >> 24, value & 16777215 FROM json_each(?)',  # noqa: S608  # nosec B608
                (packed,),
            )
            return
        except sqlite3.OperationalError:  # an SQLite built without JSON: one statement per row
            pass
    connection.executemany(
        f'INSERT INTO "{table}" ({key}, {value}) VALUES (?, ?)',  # noqa: S608  # nosec B608
        zip(keys.tolist(), values.tolist()),
    )


def extent(connection: sqlite3.Connection, rtree: str) -> tuple | None:
    """(minx, miny, maxx, maxy) of an R-tree from the cells of its root node, which bound their
    subtrees exactly (SQLite shrinks them on delete); (None,) * 4 when empty, None when unreadable."""
    row = connection.execute(f'SELECT data FROM "{rtree}_node" WHERE nodeno = 1').fetchone()  # noqa: S608  # nosec B608
    if not row or not isinstance(row[0], bytes) or len(row[0]) < 4:
        return None
    count = int.from_bytes(row[0][2:4], "big")
    if count == 0:
        return (None, None, None, None)
    if len(row[0]) < 4 + count * _CELL.itemsize:
        return None
    cells = np.frombuffer(row[0], dtype=_CELL, count=count, offset=4)
    return (
        float(cells["minx"].min()),
        float(cells["miny"].min()),
        float(cells["maxx"].max()),
        float(cells["maxy"].max()),
    )


def check(connection: sqlite3.Connection, rtree: str) -> bool:
    """SQLite's own integrity check of an R-tree ('ok')."""
    try:
        return connection.execute("SELECT rtreecheck(?)", (rtree,)).fetchone()[0] == "ok"
    except sqlite3.Error:
        return False


def clear(connection: sqlite3.Connection, rtree: str) -> None:
    """Empty an R-tree through its virtual table (its shadow tables are rebuilt by SQLite)."""
    connection.execute(f'DELETE FROM "{rtree}"')  # noqa: S608  # nosec B608
