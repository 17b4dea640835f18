"""`classeStatut`: the status class of an occurrence, stored so that the map does not compute it.

The default occurrences style is a categorized renderer on this column: one attribute lookup per
point. Rule filters evaluated per point (the former rule-based status style) made the first
render of a million points 2.5 to 2.9 times slower than a single symbol, and the rule-based
renderer keeps every feature in memory until the end of the render (docs/benchmarks.md).

The class is an integer: 2 × the rank of the regulatory status in `schema.STATUS_RANKS` (absence,
protected, red list, invasive, introduced, native: most constraining first), + 1 for a dead shell
or an animal found dead (never for an absence); French labels in `schema.CLASSE_STATUT`. An
integer costs less than a text code to read and categorize for each point. It is derived from the
flag columns only, in three forms that the tests keep equal: `status_class` (one record),
`status_classes` (pandas, used by the normaliser) and `STATUS_CLASS_SQL` (SQLite, to upgrade a
GeoPackage written before the column existed; also a valid QGIS expression, used by the style on
such a layer).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping

import numpy as np
import pandas as pd

from . import schema

COLUMN = "classeStatut"
FLAG_COLUMNS = ("estAbsence", "estCoquilleMorte", "protege", "listeRouge", "envahissant", "origine")
DEAD = 1
_RANK = {name: 2 * rank for rank, name in enumerate(schema.STATUS_RANKS)}
_THREATENED_SQL = ", ".join(f"'{code}'" for code in schema.RED_LIST_THREATENED)
STATUS_CLASS_SQL = (
    f'CASE WHEN "estAbsence" THEN {_RANK["absence"]} ELSE '
    f'CASE WHEN "protege" THEN {_RANK["protected"]} '
    f'WHEN "listeRouge" IN ({_THREATENED_SQL}) THEN {_RANK["red_list"]} '
    f'WHEN "envahissant" THEN {_RANK["invasive"]} '
    f"WHEN \"origine\" = 'introduced' THEN {_RANK['introduced']} "
    f"ELSE {_RANK['native']} END "
    f'+ CASE WHEN "estCoquilleMorte" THEN {DEAD} ELSE 0 END END'
)


def status_class(absence, dead, protected, red_list, invasive, origin) -> int:
    """The class of one record (flags may be None)."""
    if absence:
        return _RANK["absence"]
    if protected:
        code = _RANK["protected"]
    elif red_list in schema.RED_LIST_THREATENED:
        code = _RANK["red_list"]
    elif invasive:
        code = _RANK["invasive"]
    elif origin == "introduced":
        code = _RANK["introduced"]
    else:
        code = _RANK["native"]
    return code + DEAD if dead else code


def status_classes(columns: Mapping[str, pd.Series]) -> pd.Series:
    """The class of every row; `columns` (a DataFrame or a dict of Series aligned on the same row
    labels) holds FLAG_COLUMNS. Missing flags (None, NaN, NA) count as false."""
    index = columns["estAbsence"].index

    def among(name: str, values: tuple) -> np.ndarray:
        series = columns[name]
        if not series.index.equals(index):  # aligned on the row labels, like a DataFrame
            series = series.reindex(index)
        return series.isin(values).to_numpy(dtype=bool)

    absence = among("estAbsence", (True,))
    conditions = [
        absence,
        among("protege", (True,)),
        among("listeRouge", schema.RED_LIST_THREATENED),
        among("envahissant", (True,)),
        among("origine", ("introduced",)),
    ]
    ranks = [_RANK[name] for name in schema.STATUS_RANKS]
    codes = np.select(conditions, ranks[:-1], ranks[-1]) + (among("estCoquilleMorte", (True,)) & ~absence) * DEAD
    return pd.Series(codes.astype("int64"), index=index, name=COLUMN)


def add_missing_column(connection: sqlite3.Connection, table: str = schema.OCCURRENCES) -> bool:
    """Add and fill `classeStatut` in a GeoPackage written before the column existed (its layer
    triggers must be dropped: GDAL's R-tree triggers call SQL functions that only GDAL provides).
    Returns True when the column was added."""
    names = {row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')}
    if not names or COLUMN in names or not set(FLAG_COLUMNS) <= names:
        return False
    connection.execute(f'ALTER TABLE "{table}" ADD COLUMN "{COLUMN}" MEDIUMINT')  # GDAL's 32-bit integer
    connection.execute(f'UPDATE "{table}" SET "{COLUMN}" = {STATUS_CLASS_SQL}')  # noqa: S608  # nosec B608
    has_aliases = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'gpkg_data_columns'"
    ).fetchone()
    if has_aliases:
        alias = schema.aliases(schema.OCCURRENCE_COLUMNS)[COLUMN]
        connection.execute(
            "INSERT OR REPLACE INTO gpkg_data_columns (table_name, column_name, name, title, description) "
            "VALUES (?, ?, ?, ?, ?)",
            (table, COLUMN, COLUMN, alias, alias),
        )
    return True
