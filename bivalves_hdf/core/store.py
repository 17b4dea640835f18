"""The bivalves GeoPackage: creation, atomic update and reading back.

Layers and columns come from `schema`. Writing is atomic: `GeoPackageUpdate` copies the current
file (or creates an empty one) beside it under a temporary name, adds to the copy, and only
`commit()` swaps it in with `os.replace`; any exception, KeyboardInterrupt or cancel before that
removes the copy and leaves the previous file untouched. Layers are created with OGR; rows are
bulk-inserted with sqlite3 (points as GeoPackage blobs built with numpy), or copied by SQLite from
batches that worker processes wrote to scratch files (`prepare_batch`, `add_prepared`); the
R-trees of empty layers are packed at the end (`rtree_bulk`). When the update starts from an empty
GeoPackage, duplicates are searched in memory (`store_bulk.KeyIndex`) rather than through SQL
indexes; the grid counts are kept in pandas as rows are stored (`store_bulk.grid_partial`).

SQL text here interpolates schema identifiers only (layer, column, index names), never a
user value: those lines are marked `noqa: S608` / `nosec B608`.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import secrets
import shutil
import sqlite3
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pandas as pd
from osgeo import gdal, ogr, osr

from bivalves_hdf.core import gpkg_geometry, rtree_bulk, schema, status_class
from bivalves_hdf.core.errors import BivalvesError
from bivalves_hdf.core.store_bulk import (
    BatchKeys,
    KeyIndex,
    grid_counts,
    grid_frame,
    grid_partial,
    grid_partial_rows,
    grid_regroup,
)
from bivalves_hdf.core.store_bulk import query_ids as store_bulk_query_ids
from bivalves_hdf.core.store_styles import STYLE_OWNER, style_rows
from bivalves_hdf.paths import STYLES_DIR

LOGGER = logging.getLogger("bivalves_hdf.store")
GEOMETRY_COLUMN = "geom"
TEMP_MARKER = ".bivalves-tmp-"
INSERT_BATCH = 100_000
BULK_CHECK_MAX = 2_000_000  # bulk-loaded R-trees up to this size are verified with rtreecheck()
LAYER_STYLES = "layer_styles"


class ImportCancelledError(BivalvesError):
    """The user cancelled: nothing was written."""


@dataclass(frozen=True)
class LayerSpec:
    """A GeoPackage layer: name, columns and OGR geometry type (wkbNone for plain tables)."""

    name: str
    columns: tuple[schema.Column, ...]
    geometry: int

    @property
    def spatial(self) -> bool:
        return self.geometry != ogr.wkbNone


LAYERS: dict[str, LayerSpec] = {
    spec.name: spec
    for spec in (
        LayerSpec(schema.OCCURRENCES, schema.OCCURRENCE_COLUMNS, ogr.wkbPoint),
        LayerSpec(schema.ZONES, schema.ZONE_COLUMNS, ogr.wkbMultiPolygon),
        LayerSpec(schema.GRID, schema.GRID_COLUMNS, ogr.wkbPolygon),
        LayerSpec(schema.STATIONS, schema.STATION_COLUMNS, ogr.wkbPoint),
        LayerSpec(schema.TAXA, schema.TAXON_COLUMNS, ogr.wkbNone),
        LayerSpec(schema.STATUSES, schema.STATUS_COLUMNS, ogr.wkbNone),
        LayerSpec(schema.REJECTS, schema.REJECT_COLUMNS, ogr.wkbNone),
        LayerSpec(schema.REFRESH_LOG, schema.REFRESH_LOG_COLUMNS, ogr.wkbNone),
    )
}
# OGR field type and subtype of each schema column kind (test fixtures write GeoPackages with them too).
OGR_TYPES = {
    "str": (ogr.OFTString, ogr.OFSTNone),
    "int": (ogr.OFTInteger, ogr.OFSTNone),
    "float": (ogr.OFTReal, ogr.OFSTNone),
    "bool": (ogr.OFTInteger, ogr.OFSTBoolean),
    "date": (ogr.OFTDate, ogr.OFSTNone),
}
# Attribute indexes: fixed names and columns (no user value reaches this SQL). The two on the
# occurrences serve the duplicate search of the next import, which builds them when it needs them.
_MATCH_INDEXES = (
    f'CREATE INDEX IF NOT EXISTS idx_occ_idsinp ON "{schema.OCCURRENCES}"(lower("idSINPOccTax"))',
    f'CREATE INDEX IF NOT EXISTS idx_occ_source_id ON "{schema.OCCURRENCES}"("source", "sourceRecordId")',
)
_SMALL_INDEXES = (
    f'CREATE INDEX IF NOT EXISTS idx_zones_zoneid ON "{schema.ZONES}"("zoneId")',
    f'CREATE INDEX IF NOT EXISTS idx_log_sha256 ON "{schema.REFRESH_LOG}"("sha256")',
)
_INDEX_NAMES = ("idx_occ_idsinp", "idx_occ_source_id", "idx_zones_zoneid", "idx_log_sha256")
_SCHEMA_EXTENSION = "http://www.geopackage.org/spec/#extension_schema"

Cancel = Callable[[], bool]
Bounds = tuple  # (minx, maxx, miny, maxy) sequences, NaN where a row has no geometry


def now_iso() -> str:
    """Current UTC time, ISO 8601 to the second ('2026-01-31T12:00:00Z")."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _quoted(names: Iterable[str]) -> str:
    return ", ".join(f'"{name}"' for name in names)


# --- creating an empty GeoPackage ------------------------------------------------------------
def create_empty(path: Path) -> None:
    """Create a GeoPackage holding every schema layer (empty), aliases and attribute indexes."""
    gdal.UseExceptions()
    driver = ogr.GetDriverByName("GPKG")
    dataset = driver.CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(schema.CRS_EPSG)
    for spec in LAYERS.values():
        options = ["FID=fid"]
        if spec.spatial:
            options += [f"GEOMETRY_NAME={GEOMETRY_COLUMN}", "SPATIAL_INDEX=YES"]
        layer = dataset.CreateLayer(spec.name, srs if spec.spatial else None, spec.geometry, options)
        for column in spec.columns:
            field_type, sub_type = OGR_TYPES[column.kind]
            definition = ogr.FieldDefn(column.name, field_type)
            definition.SetSubType(sub_type)
            layer.CreateField(definition)
    _create_layer_styles_table(dataset)
    dataset = None  # closes the file
    with contextlib.closing(sqlite3.connect(str(path))) as connection:
        _write_data_columns(connection)
        connection.commit()


def _create_layer_styles_table(dataset) -> None:
    """The layer_styles table, with the columns QGIS creates."""
    layer = dataset.CreateLayer(LAYER_STYLES, None, ogr.wkbNone, ["FID=id"])
    for name in ("f_table_catalog", "f_table_schema", "f_table_name", "f_geometry_column"):
        field = ogr.FieldDefn(name, ogr.OFTString)
        field.SetWidth(256)
        layer.CreateField(field)
    field = ogr.FieldDefn("styleName", ogr.OFTString)
    field.SetWidth(30)
    layer.CreateField(field)
    for name in ("styleQML", "styleSLD"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    field = ogr.FieldDefn("useAsDefault", ogr.OFTInteger)
    field.SetSubType(ogr.OFSTBoolean)
    layer.CreateField(field)
    layer.CreateField(ogr.FieldDefn("description", ogr.OFTString))
    for name in ("owner", "ui"):
        field = ogr.FieldDefn(name, ogr.OFTString)
        field.SetWidth(30)
        layer.CreateField(field)
    layer.CreateField(ogr.FieldDefn("update_time", ogr.OFTDateTime))


def _write_data_columns(connection: sqlite3.Connection) -> None:
    """French aliases in gpkg_data_columns (GeoPackage schema extension): title = alias."""
    connection.executescript(
        """
        CREATE TABLE IF NOT EXISTS gpkg_extensions (table_name TEXT, column_name TEXT,
            extension_name TEXT NOT NULL, definition TEXT NOT NULL, scope TEXT NOT NULL,
            CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
        CREATE TABLE IF NOT EXISTS gpkg_data_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,
            name TEXT, title TEXT, description TEXT, mime_type TEXT, constraint_name TEXT,
            CONSTRAINT pk_gdc PRIMARY KEY (table_name, column_name),
            CONSTRAINT gdc_tn UNIQUE (table_name, name));
        CREATE TABLE IF NOT EXISTS gpkg_data_column_constraints (constraint_name TEXT NOT NULL,
            constraint_type TEXT NOT NULL, value TEXT, min NUMERIC, min_is_inclusive BOOLEAN, max NUMERIC,
            max_is_inclusive BOOLEAN, description TEXT,
            CONSTRAINT gdcc_ntv UNIQUE (constraint_name, constraint_type, value));
        """
    )
    for table in ("gpkg_data_columns", "gpkg_data_column_constraints"):
        exists = connection.execute(
            "SELECT 1 FROM gpkg_extensions WHERE table_name = ? AND extension_name = 'gpkg_schema'", (table,)
        ).fetchone()
        if not exists:
            connection.execute(
                "INSERT INTO gpkg_extensions VALUES (?, NULL, 'gpkg_schema', ?, 'read-write')",
                (table, _SCHEMA_EXTENSION),
            )
    rows = [
        (spec.name, column.name, column.name, column.alias_fr, column.alias_fr)
        for spec in LAYERS.values()
        for column in spec.columns
    ]
    connection.executemany(
        "INSERT OR REPLACE INTO gpkg_data_columns (table_name, column_name, name, title, description) "
        "VALUES (?, ?, ?, ?, ?)",
        rows,
    )


# --- converting pandas columns to SQLite values ------------------------------------------------
_TRUE = {True: 1, False: 0, "1": 1, "0": 0, "True": 1, "False": 0, "true": 1, "false": 0}  # 1/0 equal True/False


def _sql_column(series: pd.Series, kind: str) -> list:
    """One column as a list of Python values for sqlite3 (None for missing)."""
    if kind in ("int", "float"):
        numbers = pd.to_numeric(series, errors="coerce")
        missing = numbers.isna().to_numpy()
        if kind == "int":
            values = numbers.fillna(0).round().astype("int64").astype(object).to_numpy()
        else:
            values = numbers.fillna(0.0).astype("float64").astype(object).to_numpy()
        values[missing] = None
        return values.tolist()
    if kind == "bool":
        mapped = series.map(_TRUE)
        return mapped.astype(object).where(mapped.notna(), None).tolist()
    if kind == "date":
        if pd.api.types.is_datetime64_any_dtype(series):
            text = series.dt.strftime("%Y-%m-%d")
        else:
            codes, distinct = pd.factorize(series)  # dates repeat: each distinct text is cut once
            if all(isinstance(value, str) for value in distinct):
                written = np.array([*(value[:10] for value in distinct), None], dtype=object)
                return written[codes].tolist()
            text = series.astype(object).where(series.notna(), None).map(lambda v: None if v is None else str(v)[:10])
        return text.astype(object).where(text.notna(), None).tolist()
    if series.dtype == object:
        values = series.to_numpy()
        return np.where(~pd.isna(values) & (series != "").to_numpy(), values, None).tolist()
    present = series.notna()
    series = series.astype(str)
    return series.astype(object).where(present & (series != ""), None).tolist()


_KIND = {column.name: column.kind for column in schema.OCCURRENCE_COLUMNS}
_KEY_COLUMNS = ("idSINPOccTax", "source", "sourceRecordId")
GRID_INPUTS = ("codeMaille", "cdRef", "protege", "estAbsence", "annee")  # store_bulk.grid_partial's arguments


def _typed_values(frame: pd.DataFrame, name: str) -> list:
    """An occurrence column as written to SQLite (all None when the frame lacks it)."""
    return _sql_column(frame[name], _KIND[name]) if name in frame.columns else [None] * len(frame)


def _text_values(frame: pd.DataFrame, name: str) -> list:
    return _sql_column(frame[name], "str") if name in frame.columns else [None] * len(frame)


def _insert_sql(table: str, names: list[str]) -> str:
    placeholders = ", ".join("?" for _ in names)
    return f'INSERT INTO "{table}" ({_quoted(names)}) VALUES ({placeholders})'  # noqa: S608  # nosec B608


# --- provenance merge ----------------------------------------------------------------------------
def _provenance_items(text) -> list:
    if text is None or (isinstance(text, float) and np.isnan(text)) or text == "":
        return []
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        return [text]
    return value if isinstance(value, list) else [value]


def merge_provenance(existing, new) -> str:
    """JSON list holding the provenance items of both, each once, existing ones first."""
    items = _provenance_items(existing)
    seen = {json.dumps(item, sort_keys=True, ensure_ascii=False) for item in items}
    for item in _provenance_items(new):
        key = json.dumps(item, sort_keys=True, ensure_ascii=False)
        if key not in seen:
            seen.add(key)
            items.append(item)
    return json.dumps(items, ensure_ascii=False)


# --- batches prepared by worker processes ---------------------------------------------------------
PREPARED_OCCURRENCES = "occ"  # one row per record: pos, d, the columns with many distinct values
PREPARED_VALUES = "occ_d"  # one row per combination (d) of the columns with few distinct values
PREPARED_REJECTS = "rej"
PREPARED_QUERY_ID = "kid"  # lower(strip(idSINPOccTax)) where it differs from the id ('' for none)
_DICTIONARY_MAX = 4096  # combinations of few-valued columns kept in PREPARED_VALUES per batch
_SAMPLE = 2000


@dataclass
class PreparedBatch:
    """A normalised batch that a worker process wrote to its own SQLite file (`prepare_batch`).

    The process holding the GeoPackage copies its rows with INSERT ... SELECT (`add_prepared`)
    instead of converting and binding every value in Python; what it needs besides the rows
    travels here: coordinates for the R-tree, hashed identifiers for the duplicate search, the
    columns of the grid counts, the zones. Rows keep their order in `pos`.
    """

    path: Path
    occurrences: int
    rejects: int
    x: np.ndarray
    y: np.ndarray
    keys: BatchKeys
    grid: tuple[pd.DataFrame, np.ndarray, np.ndarray]  # store_bulk.grid_partial_rows of the rows
    zones: pd.DataFrame | None = None
    zone_ids: list | None = None  # zoneId of each row (str, None when it has none)


def _few_values(series: pd.Series, kind: str) -> tuple[np.ndarray, np.ndarray] | None:
    """(code per row, value written for each code: the last one, code -1, is NULL) of a column with
    few distinct values, each converted once; None for the others. Only where one conversion per
    distinct value is the same as one per row: text that is all str, integers, booleans."""
    if kind == "float" or len(series) == 0 or len(pd.unique(series.iloc[:_SAMPLE])) > _SAMPLE // 8:
        return None
    codes, uniques = pd.factorize(series)
    if len(uniques) > _DICTIONARY_MAX:
        return None
    if kind in ("str", "date") and not all(isinstance(value, str) for value in uniques):
        return None  # factorize treats 1, 1.0 and True alike: keep such columns row by row
    written = np.empty(len(uniques) + 1, dtype=object)
    written[:-1] = _sql_column(pd.Series(uniques), kind)
    written[-1] = None
    return codes, written


def _write_prepared_occurrences(connection: sqlite3.Connection, frame: pd.DataFrame, extra: dict[str, list]) -> dict:
    """PREPARED_OCCURRENCES and PREPARED_VALUES from the frame's schema columns (converted as
    `_insert` converts them) and `extra` per-row columns; returns name -> written values per row.

    Columns with few distinct values are stored once per combination (few combinations: the taxon's
    names and statuses, the source's constant fields) and referred to by a code `d`, so that the
    worker binds a dozen values per row instead of forty."""
    size = len(frame)
    wanted = [column for column in schema.OCCURRENCE_COLUMNS if column.name != "importId" and column.name in frame]
    few = {column.name: _few_values(frame[column.name], column.kind) for column in wanted}
    combined = np.zeros(size, dtype=np.int64)
    grouped: dict[str, np.ndarray] = {}
    for name, (codes, written) in sorted(((n, f) for n, f in few.items() if f is not None), key=lambda i: len(i[1][1])):
        trial, uniques = pd.factorize(combined * len(written) + codes % len(written))
        if len(uniques) <= _DICTIONARY_MAX:
            combined = trial.astype(np.int64)
            grouped[name] = written[codes]
    per_row: dict[str, object] = dict(extra)
    for column in wanted:
        if column.name not in grouped:
            found = few[column.name]
            per_row[column.name] = (
                found[1][found[0]] if found is not None else _sql_column(frame[column.name], column.kind)
            )
    row_names = list(per_row)
    value_names = list(grouped)
    definitions = ", ".join(f'"{name}"' for name in row_names)
    connection.execute(f'CREATE TABLE "{PREPARED_OCCURRENCES}" (pos INTEGER PRIMARY KEY, d INTEGER, {definitions})')
    value_columns = "".join(f', "{name}"' for name in value_names)
    connection.execute(f'CREATE TABLE "{PREPARED_VALUES}" (d INTEGER PRIMARY KEY{value_columns})')
    if size:
        _, first = np.unique(combined, return_index=True)
        connection.executemany(
            _insert_sql(PREPARED_VALUES, ["d", *value_names]),
            zip(range(len(first)), *(grouped[name][first].tolist() for name in value_names)),
        )
    names, values = ["pos", "d"], [range(size), combined.tolist()]
    for name, column in per_row.items():
        if any(value is not None for value in column):  # empty columns stay NULL
            names.append(name)
            values.append(column.tolist() if isinstance(column, np.ndarray) else column)
    connection.executemany(_insert_sql(PREPARED_OCCURRENCES, names), zip(*values))
    return {**grouped, **per_row}


def _by_position(frame: pd.DataFrame | None) -> pd.DataFrame:
    """The frame indexed 0..n-1 (copied only when it is not already)."""
    if frame is None:
        return pd.DataFrame()
    return frame if frame.index.equals(pd.RangeIndex(len(frame))) else frame.reset_index(drop=True)


def prepare_batch(
    occurrences: pd.DataFrame, zones: pd.DataFrame | None, rejects: pd.DataFrame | None, path: Path
) -> PreparedBatch:
    """Write a normalised batch (occurrences with x, y in Lambert-93, zones, rejects) to a new SQLite
    file at `path` for `GeoPackageUpdate.add_prepared` (in a worker process)."""
    occurrences, rejects = (_by_position(frame) for frame in (occurrences, rejects))
    size = len(occurrences)
    x = pd.to_numeric(occurrences["x"], errors="coerce").to_numpy("f8") if "x" in occurrences else np.full(size, np.nan)
    y = pd.to_numeric(occurrences["y"], errors="coerce").to_numpy("f8") if "y" in occurrences else np.full(size, np.nan)
    ids = np.asarray(_text_values(occurrences, "idSINPOccTax"), dtype=object)
    query = np.asarray(store_bulk_query_ids(ids), dtype=object)
    differs = np.fromiter((q != i for q, i in zip(query, ids)), dtype=bool, count=size)
    kid = np.full(size, None, dtype=object)
    kid[differs] = [value or "" for value in query[differs]]  # '' : the id is blank, searched as none
    extra = {GEOMETRY_COLUMN: gpkg_geometry.point_blobs(x, y, schema.CRS_EPSG), PREPARED_QUERY_ID: kid}
    with contextlib.closing(sqlite3.connect(str(path))) as connection:
        connection.execute("PRAGMA journal_mode = OFF")  # a scratch file, deleted after use
        connection.execute("PRAGMA synchronous = OFF")
        written = _write_prepared_occurrences(connection, occurrences, extra)
        wanted = [column for column in schema.REJECT_COLUMNS if column.name != "importId"]
        definitions = ", ".join(f'"{column.name}"' for column in wanted)
        connection.execute(f'CREATE TABLE "{PREPARED_REJECTS}" (pos INTEGER PRIMARY KEY, {definitions})')
        names, values = ["pos"], [range(len(rejects))]
        for column in wanted:
            if column.name in rejects:
                names.append(column.name)
                values.append(_sql_column(rejects[column.name], column.kind))
        connection.executemany(_insert_sql(PREPARED_REJECTS, names), zip(*values))
        connection.commit()

    def column(name: str) -> np.ndarray:
        values = written.get(name)
        return np.full(size, None, dtype=object) if values is None else np.asarray(values, dtype=object)

    zone_ids = None
    if zones is not None and not zones.empty and "zoneId" in occurrences:
        zone_ids = [None if pd.isna(value) else str(value) for value in occurrences["zoneId"].tolist()]
    return PreparedBatch(
        path=Path(path),
        occurrences=size,
        rejects=len(rejects),
        x=x,
        y=y,
        keys=BatchKeys.from_values(ids, column("source"), column("sourceRecordId"), query=query),
        grid=grid_partial_rows(*(column(name) for name in GRID_INPUTS)),
        zones=zones if zone_ids is not None else None,
        zone_ids=zone_ids,
    )


def _prepared_columns(connection: sqlite3.Connection) -> dict[str, str]:
    """Column name -> its qualified name in `_PREPARED_FROM`, for every column a prepared batch holds."""
    held: dict[str, str] = {}
    for alias, table in (("k", PREPARED_VALUES), ("o", PREPARED_OCCURRENCES)):
        for row in connection.execute(f'PRAGMA prepared.table_info("{table}")'):
            held[row[1]] = f'{alias}."{row[1]}"'
    return held


_PREPARED_FROM = f'prepared."{PREPARED_OCCURRENCES}" o JOIN prepared."{PREPARED_VALUES}" k ON k.d = o.d'


def _prepared_query_id(held: dict[str, str]) -> str:
    """SQL of the key a prepared row's idSINPOccTax is searched by (see store_bulk.query_ids)."""
    identifier = held.get("idSINPOccTax", "NULL")
    if PREPARED_QUERY_ID not in held:
        return identifier
    kid = held[PREPARED_QUERY_ID]
    return f"CASE WHEN {kid} IS NULL THEN {identifier} WHEN {kid} = '' THEN NULL ELSE {kid} END"


# --- temp files ------------------------------------------------------------------------------------
def _pid_alive(pid: int) -> bool:
    if os.name != "posix":
        return True  # never signal processes on Windows; stale files there go by age
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def stale_temp_files(target: Path) -> list[Path]:
    """Temporary copies of `target` left by a killed run (their process is gone, or older than a day)."""
    stale = []
    for candidate in target.parent.glob(f".{target.name}{TEMP_MARKER}*"):
        try:
            pid = int(candidate.name[len(f".{target.name}{TEMP_MARKER}") :].split(".")[0].split("-")[0])
        except ValueError:
            continue
        old = (datetime.now().timestamp() - candidate.stat().st_mtime) > 86_400
        if not _pid_alive(pid) or (os.name != "posix" and old):
            stale.append(candidate)
    return stale


def remove_stale_temp_files(target: Path) -> int:
    """Remove what killed runs left beside `target`; returns how many files were removed."""
    removed = 0
    for path in stale_temp_files(target):
        with contextlib.suppress(OSError):
            path.unlink()
            removed += 1
    return removed


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_directory(directory: Path) -> None:
    if os.name != "posix":
        return
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _check_geopackage(path: Path) -> None:
    """Raise BivalvesError unless `path` is a bivalves GeoPackage."""
    try:
        with contextlib.closing(sqlite3.connect(_read_only_uri(path), uri=True)) as connection:
            tables = {row[0] for row in connection.execute("SELECT table_name FROM gpkg_contents")}
    except sqlite3.DatabaseError as error:
        raise BivalvesError(f"{path} is not a GeoPackage ({error})") from error
    if schema.OCCURRENCES not in tables:
        raise BivalvesError(f"{path} is a GeoPackage but not a bivalves one (no '{schema.OCCURRENCES}' layer)")


def _snapshot(source: Path, destination: Path) -> None:
    """A consistent copy of a SQLite file, including what QGIS may still hold in its WAL file."""
    reader = sqlite3.connect(_read_only_uri(source), uri=True)
    try:
        with contextlib.closing(sqlite3.connect(str(destination))) as writer:
            reader.backup(writer)
    finally:
        reader.close()


def _read_only_uri(path: Path) -> str:
    return Path(path).resolve().as_uri() + "?mode=ro"


# --- the atomic update -----------------------------------------------------------------------------
class GeoPackageUpdate:
    """Context manager for one atomic update of `target`.

    >>> with GeoPackageUpdate(path) as gpkg:
    ...     import_id = gpkg.next_import_id()
    ...     gpkg.add_occurrences(occurrences, zones, import_id)
    ...     gpkg.commit()
    Leaving the block without `commit()` (exception, cancel) discards everything.
    """

    def __init__(self, target: Path | str, cancel: Cancel | None = None, styles_dir: Path | None = None):
        self.target = Path(target)
        self.cancel = cancel or (lambda: False)
        self.styles_dir = Path(styles_dir) if styles_dir else STYLES_DIR
        self.temp: Path | None = None
        self.connection: sqlite3.Connection | None = None
        self.committed = False
        self._import_id = 0
        self._triggers: list[str] = []
        self._rtrees: dict[str, str] = {}
        self._bulk: dict[str, list[tuple]] = {}  # layer -> R-tree entries waiting for the bulk load
        self._initial_fid = 0  # occurrences up to this fid were there before this update
        self._keys: KeyIndex | None = None  # identifiers stored by this update, when it started empty
        self._grid_parts: list[pd.DataFrame] = []  # grid counts of the occurrences added by this update
        self._occurrence_count: int | None = None  # counted once, then kept up to date (no COUNT(*) scans)

    # -- lifecycle
    def __enter__(self) -> GeoPackageUpdate:
        directory = self.target.parent
        if not directory.is_dir():
            raise BivalvesError(f"folder {directory} does not exist")
        remove_stale_temp_files(self.target)
        if self.target.exists():
            _check_geopackage(self.target)
        self.temp = directory / f".{self.target.name}{TEMP_MARKER}{os.getpid()}-{secrets.token_hex(4)}.gpkg"
        try:
            if self.target.exists():
                os.close(os.open(self.temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
                _snapshot(self.target, self.temp)
                shutil.copymode(self.target, self.temp)
            else:
                create_empty(self.temp)
            self.connection = sqlite3.connect(str(self.temp))
            self.connection.execute("PRAGMA journal_mode = OFF")  # the copy is discarded on failure
            self.connection.execute("PRAGMA synchronous = OFF")
            self.connection.execute("PRAGMA temp_store = MEMORY")
            self.connection.execute("PRAGMA cache_size = -200000")
            self._triggers = _drop_layer_triggers(self.connection)
            status_class.add_missing_column(self.connection)  # a file written before classeStatut
            self._rtrees = _rtree_tables(self.connection)
            self._bulk = {
                table: []
                for table, rtree in self._rtrees.items()
                if not self.connection.execute(f'SELECT EXISTS (SELECT 1 FROM "{rtree}")').fetchone()[0]  # noqa: S608  # nosec B608
            }
            self._occurrence_count = self.count(schema.OCCURRENCES)
            if self._occurrence_count == 0:  # bulk load first, index once at the end
                for name in _INDEX_NAMES:
                    self.connection.execute(f"DROP INDEX IF EXISTS {name}")
                self._keys = KeyIndex()  # duplicates are searched in memory, not through SQL indexes
            self._initial_fid = self._max_fid(schema.OCCURRENCES)
            row = self.connection.execute(f'SELECT MAX("importId") FROM "{schema.REFRESH_LOG}"').fetchone()  # noqa: S608  # nosec B608
            self._import_id = int(row[0] or 0)
        except BaseException:
            self._discard()
            raise
        return self

    def __exit__(self, exc_type, exc, traceback) -> None:
        if not self.committed:
            self._discard()

    def _discard(self) -> None:
        if self.connection is not None:
            with contextlib.suppress(sqlite3.Error):
                self.connection.close()
            self.connection = None
        if self.temp is not None:
            for path in (self.temp, *self.temp.parent.glob(self.temp.name + "-*")):
                with contextlib.suppress(OSError):
                    path.unlink()
            self.temp = None

    def check_cancel(self) -> None:
        if self.cancel():
            raise ImportCancelledError("import cancelled: the GeoPackage was left as it was")

    @property
    def db(self) -> sqlite3.Connection:
        if self.connection is None:
            raise RuntimeError("GeoPackageUpdate used outside its `with` block")
        return self.connection

    # -- queries on the current content
    def imported_sha256(self) -> dict[str, str]:
        """sha256 of the files already imported -> time of their import."""
        rows = self.db.execute(
            f'SELECT "sha256", MIN("horodatage") FROM "{schema.REFRESH_LOG}" '  # noqa: S608  # nosec B608
            'WHERE "sha256" IS NOT NULL AND "sha256" <> \'\' GROUP BY "sha256"'
        )
        return dict(rows)

    def next_import_id(self) -> int:
        self._import_id += 1
        return self._import_id

    def count(self, layer: str) -> int:
        if layer not in LAYERS:
            raise ValueError(f"unknown layer {layer}")
        if layer == schema.OCCURRENCES and self._occurrence_count is not None:
            return self._occurrence_count
        return int(self.db.execute(f'SELECT COUNT(*) FROM "{layer}"').fetchone()[0])  # noqa: S608  # nosec B608

    def _ensure_indexes(self, statements: tuple[str, ...] = _MATCH_INDEXES + _SMALL_INDEXES) -> None:
        for statement in statements:
            self.db.execute(statement)

    # -- writing
    def _insert(
        self,
        table: str,
        columns: tuple[schema.Column, ...],
        frame: pd.DataFrame,
        geometry: list | None = None,
        bounds: Bounds | None = None,
    ) -> np.ndarray:
        """Insert the rows of `frame` (and their geometry blobs, and R-tree entries from `bounds`);
        returns their fids in row order. Columns empty in a whole batch are left out of its INSERT
        (they default to NULL)."""
        rtree = self._rtrees.get(table) if bounds is not None else None
        size = len(frame)
        fids = []
        for start in range(0, size, INSERT_BATCH):
            self.check_cancel()
            stop = min(start + INSERT_BATCH, size)
            part = frame.iloc[start:stop]
            names, values = [], []
            for column in columns:
                if column.name in part.columns:
                    converted = _sql_column(part[column.name], column.kind)
                    if any(value is not None for value in converted):
                        names.append(column.name)
                        values.append(converted)
            if geometry is not None:
                names.append(GEOMETRY_COLUMN)
                values.append(geometry[start:stop])
            if not names:  # rows without any value
                names, values = ["fid"], [[None] * (stop - start)]
            sql = _insert_sql(table, names)
            last_fid = self._max_fid(table)
            written = self.db.executemany(sql, zip(*values)).rowcount
            fids.append(self._new_fids(table, last_fid, written, stop - start))
            if rtree is not None:
                self._index(table, rtree, fids[-1], bounds, start, stop)
        return np.concatenate(fids) if fids else np.zeros(0, dtype=np.int64)

    def _max_fid(self, table: str) -> int:
        return int(self.db.execute(f'SELECT COALESCE(MAX(fid), 0) FROM "{table}"').fetchone()[0])  # noqa: S608  # nosec B608

    def _new_fids(self, table: str, last_fid: int, rows: int, count: int) -> np.ndarray:
        """fids of the `rows` rows just inserted after `last_fid` (`count` expected), in insertion order:
        they follow each other (read back only when they do not)."""
        if rows != count:
            raise RuntimeError(f"{table}: {rows} rows written instead of {count}")
        if not rows:
            return np.zeros(0, dtype=np.int64)
        low = self.db.execute(f'SELECT MIN(fid) FROM "{table}" WHERE fid > ?', (last_fid,)).fetchone()[0]  # noqa: S608  # nosec B608
        high = self._max_fid(table)  # a lone MIN() or MAX() is an index lookup, both together a scan
        if high - low + 1 == rows:  # as many distinct fids as the range holds: that whole range
            return np.arange(low, high + 1, dtype=np.int64)
        query = f'SELECT fid FROM "{table}" WHERE fid > ? ORDER BY fid'  # noqa: S608  # nosec B608
        return np.fromiter((row[0] for row in self.db.execute(query, (last_fid,))), dtype=np.int64, count=rows)

    def _index(self, table: str, rtree: str, fids: list[int], bounds: Bounds, start: int, stop: int) -> None:
        """R-tree entries for rows start..stop (fids in insertion order): kept for the bulk load at
        commit when the index was empty, else inserted now."""
        minx, maxx, miny, maxy = (np.asarray(values[start:stop], dtype="f8") for values in bounds)
        keep = np.isfinite(minx) & np.isfinite(miny) & np.isfinite(maxx) & np.isfinite(maxy)
        entries = (np.asarray(fids, dtype="i8")[keep], minx[keep], maxx[keep], miny[keep], maxy[keep])
        if table in self._bulk:  # 24 bytes per row until the commit
            fid, low_x, high_x, low_y, high_y = entries
            rounded = rtree_bulk.round_down(low_x), rtree_bulk.round_up(high_x)
            self._bulk[table].append((fid, *rounded, rtree_bulk.round_down(low_y), rtree_bulk.round_up(high_y)))
        else:
            _insert_rtree(self.db, rtree, entries)

    def _load_rtrees(self) -> None:
        """Bulk-load the R-trees that were empty, checked by SQLite; plain inserts if the check fails."""
        for table, parts in self._bulk.items():
            if not parts:
                continue
            rtree = self._rtrees[table]
            entries = []
            for column in range(5):  # one column at a time: the parts go as the whole is built
                entries.append(np.concatenate([part[column] for part in parts]))
                parts[:] = [(*part[:column], None, *part[column + 1 :]) for part in parts]
            parts.clear()
            checked = len(entries[0]) <= BULK_CHECK_MAX  # SQLite's check costs about 1.5 s per million
            if not rtree_bulk.bulk_load(self.db, rtree, *entries) or (checked and not rtree_bulk.check(self.db, rtree)):
                LOGGER.warning("bulk load of %s failed its check: inserting row by row", rtree)
                rtree_bulk.clear(self.db, rtree)
                _insert_rtree(self.db, rtree, entries)
        self._bulk = {}

    def _matches(self, occurrences: pd.DataFrame, keys: BatchKeys | None = None) -> dict[int, int]:
        """Row position in `occurrences` -> fid of an existing record with the same identifier."""
        if not self.db.execute(f'SELECT EXISTS (SELECT 1 FROM "{schema.OCCURRENCES}")').fetchone()[0]:  # noqa: S608  # nosec B608
            return {}
        if self._keys is not None and keys is not None:  # every stored record came from this update

            def texts(positions: list[int]) -> dict[int, tuple]:
                ids, sources, records = (_text_values(occurrences.iloc[positions], name) for name in _KEY_COLUMNS)
                return dict(zip(positions, zip(store_bulk_query_ids(ids), sources, records)))

            return self._matches_in_memory(keys, texts)
        self._ensure_indexes()
        size = len(occurrences)

        def text(name: str) -> list:
            if name not in occurrences.columns:
                return [None] * size
            return _sql_column(occurrences[name], "str")

        ids = [value.strip().lower() or None if value else None for value in text("idSINPOccTax")]
        self.db.execute(
            "CREATE TEMP TABLE IF NOT EXISTS batch_keys (pos INTEGER PRIMARY KEY, id TEXT, src TEXT, rid TEXT)"
        )
        self.db.execute("DELETE FROM batch_keys")
        self.db.executemany(
            "INSERT INTO batch_keys VALUES (?, ?, ?, ?)",
            zip(range(size), ids, text("source"), text("sourceRecordId")),
        )
        return self._batch_key_matches()

    def _batch_key_matches(self) -> dict[int, int]:
        """Position -> fid of a stored record matching a row of temp.batch_keys (SQL, with the indexes)."""
        rows = self.db.execute(
            f'SELECT b.pos, o.fid FROM batch_keys b JOIN "{schema.OCCURRENCES}" o '  # noqa: S608  # nosec B608
            'ON lower(o."idSINPOccTax") = b.id WHERE b.id IS NOT NULL '
            f'UNION ALL SELECT b.pos, o.fid FROM batch_keys b JOIN "{schema.OCCURRENCES}" o '
            'ON o."source" = b.src AND o."sourceRecordId" = b.rid WHERE b.rid IS NOT NULL'
        ).fetchall()
        self.db.execute("DELETE FROM batch_keys")
        matches: dict[int, int] = {}
        for position, fid in rows:
            matches.setdefault(position, fid)
        return matches

    def _matches_in_memory(self, keys: BatchKeys, texts: Callable[[list[int]], dict[int, tuple]]) -> dict[int, int]:
        """Duplicate search among the records stored by this update: hash candidates from the KeyIndex,
        confirmed on the stored values with the SQL rules (`lower(idSINPOccTax)` equal to the stripped,
        lower-case id; else same source and sourceRecordId). `texts(positions)` gives those values
        of the batch rows: position -> (query id, source, record id)."""
        by_id, by_record = self._keys.candidates(keys)
        positions = np.flatnonzero((by_id >= 0) | (by_record >= 0)).tolist()
        if not positions:
            return {}
        wanted = texts(positions)
        fids = sorted({int(fid) for fid in np.concatenate([by_id[positions], by_record[positions]]) if fid >= 0})
        stored: dict[int, tuple] = {}
        for start in range(0, len(fids), 500):
            chunk = fids[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            query = (
                f'SELECT fid, lower("idSINPOccTax"), "source", "sourceRecordId" FROM "{schema.OCCURRENCES}" '  # noqa: S608  # nosec B608
                f"WHERE fid IN ({marks})"
            )
            stored.update((row[0], row[1:]) for row in self.db.execute(query, chunk))
        matches: dict[int, int] = {}
        for position in positions:
            query_id, source, record = wanted[position]
            fid = int(by_id[position])
            if fid >= 0:
                if stored.get(fid, (None,))[0] == query_id:
                    matches[position] = fid
                    continue
                exact = self._exact_match('lower("idSINPOccTax") = ?', (query_id,))  # a hash collision
                if exact is not None:
                    matches[position] = exact
                    continue
            fid = int(by_record[position])
            if fid >= 0:
                if stored.get(fid, (None, None, None))[1:] == (source, record):
                    matches[position] = fid
                    continue
                exact = self._exact_match('"source" = ? AND "sourceRecordId" = ?', (source, record))
                if exact is not None:
                    matches[position] = exact
        return matches

    def _exact_match(self, condition: str, values: tuple) -> int | None:
        """fid of the first stored record meeting `condition` (a fixed SQL text with ? marks)."""
        row = self.db.execute(
            f'SELECT fid FROM "{schema.OCCURRENCES}" WHERE {condition} ORDER BY fid LIMIT 1',  # noqa: S608  # nosec B608
            values,
        ).fetchone()
        return None if row is None else int(row[0])

    def _stored(self, keys: BatchKeys | None, fids: np.ndarray, grid: pd.DataFrame) -> None:
        """Remember what this update stored: identifiers (in-memory duplicate search), grid counts."""
        if self._keys is not None and keys is not None:
            self._keys.add(keys, fids)
        self._grid_parts.append(grid)

    def add_occurrences(self, occurrences: pd.DataFrame, zones: pd.DataFrame | None, import_id: int) -> tuple[int, int]:
        """Add records (schema columns + x, y in Lambert-93); a record whose idSINPOccTax, or source
        and sourceRecordId, is already stored is merged into it (provenance). Returns (added, merged)."""
        self.check_cancel()
        if occurrences is None or occurrences.empty:
            return 0, 0
        occurrences = occurrences.reset_index(drop=True)
        keys = None
        if self._keys is not None:
            keys = BatchKeys.from_values(*(_text_values(occurrences, name) for name in _KEY_COLUMNS))
        matches = self._matches(occurrences, keys)
        if matches:
            provenance = occurrences["provenance"] if "provenance" in occurrences.columns else None
            self._merge_provenance({p: None if provenance is None else provenance.iat[p] for p in matches}, matches)
            occurrences = occurrences.drop(index=list(matches)).reset_index(drop=True)
            if keys is not None:
                keys = keys.take(np.setdiff1d(np.arange(len(keys)), list(matches)))
        occurrences = occurrences.assign(importId=import_id)
        x = pd.to_numeric(occurrences["x"], errors="coerce").to_numpy("f8")
        y = pd.to_numeric(occurrences["y"], errors="coerce").to_numpy("f8")
        blobs = gpkg_geometry.point_blobs(x, y, schema.CRS_EPSG)
        fids = self._insert(schema.OCCURRENCES, schema.OCCURRENCE_COLUMNS, occurrences, blobs, (x, x, y, y))
        self._occurrence_count += len(fids)
        self._stored(keys, fids, grid_partial(*(_typed_values(occurrences, name) for name in GRID_INPUTS)))
        if zones is not None and not zones.empty and "zoneId" in occurrences.columns:
            self._add_zones(zones, set(occurrences["zoneId"].dropna().astype(str)))
        return len(occurrences), len(matches)

    def _merge_provenance(self, extras: Mapping[int, object], matches: dict[int, int]) -> None:
        """Add the provenance items of matched batch rows (position -> their provenance) to the stored records."""
        fids = sorted(set(matches.values()))
        current: dict[int, str] = {}
        for start in range(0, len(fids), 500):
            chunk = fids[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            query = f'SELECT fid, "provenance" FROM "{schema.OCCURRENCES}" WHERE fid IN ({marks})'  # noqa: S608  # nosec B608
            current.update(self.db.execute(query, chunk).fetchall())
        for position, fid in matches.items():
            current[fid] = merge_provenance(current.get(fid), extras.get(position))
        self.db.executemany(
            f'UPDATE "{schema.OCCURRENCES}" SET "provenance" = ? WHERE fid = ?',  # noqa: S608  # nosec B608
            [(value, fid) for fid, value in current.items()],
        )

    def _add_zones(self, zones: pd.DataFrame, wanted: set[str]) -> None:
        zones = zones[zones["zoneId"].astype(str).isin(wanted)].drop_duplicates("zoneId")
        if zones.empty:
            return
        existing = {
            row[0]
            for row in self.db.execute(f'SELECT "zoneId" FROM "{schema.ZONES}"')  # noqa: S608  # nosec B608
        }
        zones = zones[~zones["zoneId"].astype(str).isin(existing)]
        blobs = [gpkg_geometry.multipolygon_blob(wkt, schema.CRS_EPSG) for wkt in zones.get("wkt", [])]
        self._insert(schema.ZONES, schema.ZONE_COLUMNS, zones, blobs, gpkg_geometry.blob_bounds(blobs))

    def add_prepared(self, batch: PreparedBatch, import_id: int) -> tuple[int, int, int]:
        """Add a batch written by `prepare_batch` (same rules as add_occurrences and add_rejects): its
        rows are copied by SQLite itself (INSERT ... SELECT). Returns (added, merged, rejected)."""
        self.check_cancel()
        self.db.commit()  # SQLite attaches a database outside a transaction only
        self.db.execute("ATTACH DATABASE ? AS prepared", (str(batch.path),))
        self.db.execute("PRAGMA prepared.journal_mode = OFF")  # matched rows are deleted from the scratch copy
        self.db.execute("PRAGMA prepared.synchronous = OFF")
        added, merged = self._add_prepared_occurrences(batch, import_id)
        if batch.rejects:
            held = {row[1] for row in self.db.execute(f'PRAGMA prepared.table_info("{PREPARED_REJECTS}")')}
            names = _quoted(c.name for c in schema.REJECT_COLUMNS if c.name != "importId" and c.name in held)
            self.db.execute(
                f'INSERT INTO "{schema.REJECTS}" ({names}, "importId") '  # noqa: S608  # nosec B608
                f'SELECT {names}, ? FROM prepared."{PREPARED_REJECTS}" ORDER BY pos',
                (import_id,),
            )
        self.db.commit()
        self.db.execute("DETACH DATABASE prepared")
        return added, merged, batch.rejects

    def _add_prepared_occurrences(self, batch: PreparedBatch, import_id: int) -> tuple[int, int]:
        if not batch.occurrences:
            return 0, 0
        held = _prepared_columns(self.db)
        matches = self._prepared_matches(batch, held)
        kept = np.arange(batch.occurrences)
        if matches:
            positions = sorted(matches)
            extras: dict[int, object] = {}
            provenance = held.get("provenance", "NULL")
            for start in range(0, len(positions), 500):
                chunk = positions[start : start + 500]
                marks = ", ".join("?" for _ in chunk)
                query = f"SELECT o.pos, {provenance} FROM {_PREPARED_FROM} WHERE o.pos IN ({marks})"  # noqa: S608  # nosec B608
                extras.update(self.db.execute(query, chunk).fetchall())
                self.db.execute(f'DELETE FROM prepared."{PREPARED_OCCURRENCES}" WHERE pos IN ({marks})', chunk)  # noqa: S608  # nosec B608
            self._merge_provenance(extras, matches)
            kept = np.setdiff1d(kept, positions)
        self.check_cancel()
        names = [c.name for c in schema.OCCURRENCE_COLUMNS if c.name != "importId" and c.name in held]
        names.append(GEOMETRY_COLUMN)
        last_fid = self._max_fid(schema.OCCURRENCES)
        written = self.db.execute(
            f'INSERT INTO "{schema.OCCURRENCES}" ({_quoted(names)}, "importId") '  # noqa: S608  # nosec B608
            f"SELECT {', '.join(held[name] for name in names)}, ? FROM {_PREPARED_FROM} ORDER BY o.pos",
            (import_id,),
        ).rowcount
        fids = self._new_fids(schema.OCCURRENCES, last_fid, written, len(kept))
        self._occurrence_count += len(fids)
        rtree = self._rtrees.get(schema.OCCURRENCES)
        if rtree is not None:
            x, y = batch.x[kept], batch.y[kept]
            self._index(schema.OCCURRENCES, rtree, fids, (x, x, y, y), 0, len(kept))
        keys = batch.keys.take(kept) if self._keys is not None else None
        self._stored(keys, fids, grid_regroup(*batch.grid, kept) if matches else batch.grid[0])
        if batch.zones is not None and not batch.zones.empty and batch.zone_ids is not None:
            zone_ids = np.asarray(batch.zone_ids, dtype=object)[kept]
            self._add_zones(batch.zones, {value for value in zone_ids.tolist() if value is not None})
        return len(kept), len(matches)

    def _prepared_matches(self, batch: PreparedBatch, held: dict[str, str]) -> dict[int, int]:
        """Batch position -> fid of a stored record with the same identifier (rules of `_matches`)."""
        if not self.db.execute(f'SELECT EXISTS (SELECT 1 FROM "{schema.OCCURRENCES}")').fetchone()[0]:  # noqa: S608  # nosec B608
            return {}
        keys = f"{_prepared_query_id(held)}, {held.get('source', 'NULL')}, {held.get('sourceRecordId', 'NULL')}"
        if self._keys is not None:

            def texts(positions: list[int]) -> dict[int, tuple]:
                found: dict[int, tuple] = {}
                for start in range(0, len(positions), 500):
                    chunk = positions[start : start + 500]
                    marks = ", ".join("?" for _ in chunk)
                    query = f"SELECT o.pos, {keys} FROM {_PREPARED_FROM} WHERE o.pos IN ({marks})"  # noqa: S608  # nosec B608
                    found.update((row[0], row[1:]) for row in self.db.execute(query, chunk))
                return found

            return self._matches_in_memory(batch.keys, texts)
        self._ensure_indexes()
        self.db.execute(
            "CREATE TEMP TABLE IF NOT EXISTS batch_keys (pos INTEGER PRIMARY KEY, id TEXT, src TEXT, rid TEXT)"
        )
        self.db.execute("DELETE FROM batch_keys")
        self.db.execute(f"INSERT INTO batch_keys SELECT o.pos, {keys} FROM {_PREPARED_FROM}")  # noqa: S608  # nosec B608
        return self._batch_key_matches()

    def add_rejects(self, rejects: pd.DataFrame | None, import_id: int) -> int:
        if rejects is None or rejects.empty:
            return 0
        self._insert(schema.REJECTS, schema.REJECT_COLUMNS, rejects.assign(importId=import_id))
        return len(rejects)

    def add_log(self, entry: Mapping[str, object]) -> None:
        """One refresh_log row (keys: schema.REFRESH_LOG_COLUMNS names)."""
        self._insert(schema.REFRESH_LOG, schema.REFRESH_LOG_COLUMNS, pd.DataFrame([dict(entry)]))

    def set_stations(self, stations: pd.DataFrame | None) -> None:
        """Add or replace Hub'Eau stations (schema.STATION_COLUMNS + x, y), keyed by codeStation."""
        if stations is None or stations.empty:
            return
        stations = stations.drop_duplicates("codeStation", keep="last")
        codes = [(code,) for code in _sql_column(stations["codeStation"], "str")]
        rtree = self._rtrees.get(schema.STATIONS)
        if rtree:
            self.db.executemany(
                f'DELETE FROM "{rtree}" WHERE id IN '  # noqa: S608  # nosec B608
                f'(SELECT fid FROM "{schema.STATIONS}" WHERE "codeStation" = ?)',
                codes,
            )
        self.db.executemany(f'DELETE FROM "{schema.STATIONS}" WHERE "codeStation" = ?', codes)  # noqa: S608  # nosec B608
        x = pd.to_numeric(stations["x"], errors="coerce").to_numpy("f8")
        y = pd.to_numeric(stations["y"], errors="coerce").to_numpy("f8")
        blobs = gpkg_geometry.point_blobs(x, y, schema.CRS_EPSG)
        self._insert(schema.STATIONS, schema.STATION_COLUMNS, stations, blobs, (x, x, y, y))

    def set_reference(self, taxa: pd.DataFrame, statuses: pd.DataFrame) -> None:
        """Replace the taxa and statuses tables (frames with TAXON_COLUMNS / STATUS_COLUMNS)."""
        for table, columns, frame in (
            (schema.TAXA, schema.TAXON_COLUMNS, taxa),
            (schema.STATUSES, schema.STATUS_COLUMNS, statuses),
        ):
            self.db.execute(f'DELETE FROM "{table}"')  # noqa: S608  # nosec B608
            self._insert(table, columns, frame)

    # -- finishing
    def _rebuild_grid(self) -> None:
        """The 10 km cells: counts of the records that were there (SQL) and of those this update added
        (kept in pandas as they were stored), for records with a cell code that are not absences."""
        self.db.execute(f'DELETE FROM "{schema.GRID}"')  # noqa: S608  # nosec B608
        if schema.GRID in self._rtrees:
            rtree_bulk.clear(self.db, self._rtrees[schema.GRID])
            self._bulk[schema.GRID] = []
        parts = list(self._grid_parts)
        if self._initial_fid:
            query = (
                'SELECT "codeMaille", "cdRef", "protege" = 1, COUNT(*), MAX("annee") '  # noqa: S608  # nosec B608
                f'FROM "{schema.OCCURRENCES}" '
                'WHERE fid <= ? AND "codeMaille" IS NOT NULL AND "codeMaille" <> \'\' '
                'AND COALESCE("estAbsence", 0) = 0 '
                "GROUP BY 1, 2, 3"
            )
            parts.append(grid_counts(self.db.execute(query, (self._initial_fid,)).fetchall()))
        frame = grid_frame(parts)
        blobs = [gpkg_geometry.grid_cell_blob(code, schema.CRS_EPSG) for code in frame["codeMaille"]]
        self._insert(schema.GRID, schema.GRID_COLUMNS, frame, blobs, gpkg_geometry.blob_bounds(blobs))

    def _write_styles(self) -> None:
        layers = {name: (spec.columns, GEOMETRY_COLUMN if spec.spatial else "") for name, spec in LAYERS.items()}
        rows = style_rows(self.styles_dir, layers)
        self.db.execute(f'DELETE FROM "{LAYER_STYLES}" WHERE "owner" = ?', (STYLE_OWNER,))  # noqa: S608  # nosec B608
        # A user's own default style wins: ours is default only where no other default exists.
        user_defaults = {
            row[0]
            for row in self.db.execute(
                f'SELECT "f_table_name" FROM "{LAYER_STYLES}" WHERE "useAsDefault" = 1'  # noqa: S608  # nosec B608
            )
        }
        self.db.executemany(
            f'INSERT INTO "{LAYER_STYLES}" ("f_table_catalog", "f_table_schema", "f_table_name", '  # noqa: S608  # nosec B608
            '"f_geometry_column", "styleName", "styleQML", "styleSLD", "useAsDefault", "description", '
            "\"owner\", \"ui\", \"update_time\") VALUES ('', '', ?, ?, ?, ?, '', ?, ?, ?, '', ?)",
            [
                (
                    row.table,
                    row.geometry_column,
                    row.name,
                    row.qml,
                    int(row.default and row.table not in user_defaults),
                    row.description,
                    STYLE_OWNER,
                    now_iso().replace("Z", ".000Z"),  # GeoPackage DATETIME
                )
                for row in rows
            ],
        )

    def commit(self) -> Path:
        """Finish the copy (grid, styles, spatial indexes, extents) and swap it in atomically."""
        self.check_cancel()
        self._rebuild_grid()
        self._write_styles()
        _write_data_columns(self.db)
        self._keys = None  # no more duplicate search: its memory goes before the R-tree packing
        self._load_rtrees()
        self._ensure_indexes(_SMALL_INDEXES)
        for name in LAYERS:
            self.db.execute(
                "UPDATE gpkg_ogr_contents SET feature_count = ? WHERE table_name = ?", (self.count(name), name)
            )
        for statement in self._triggers:
            self.db.execute(statement)
        self.db.commit()
        self.db.close()
        self.connection = None
        self.check_cancel()
        _create_spatial_indexes(self.temp, [spec.name for spec in _spatial_layers() if spec.name not in self._rtrees])
        _update_extents(self.temp)
        _fsync_file(self.temp)
        self.check_cancel()
        try:
            self.temp.replace(self.target)
        except PermissionError as error:
            raise BivalvesError(
                f"cannot replace {self.target}: it is locked (close its layers in QGIS and retry)"
            ) from error
        self.committed = True
        self.temp = None
        _fsync_directory(self.target.parent)
        return self.target


def _spatial_layers() -> list[LayerSpec]:
    return [spec for spec in LAYERS.values() if spec.spatial]


def _insert_rtree(connection: sqlite3.Connection, rtree: str, entries: tuple) -> None:
    fids, minx, maxx, miny, maxy = entries
    connection.executemany(
        f'INSERT INTO "{rtree}" VALUES (?, ?, ?, ?, ?)',  # noqa: S608  # nosec B608
        zip(fids.tolist(), minx.tolist(), maxx.tolist(), miny.tolist(), maxy.tolist()),
    )


def _drop_layer_triggers(connection: sqlite3.Connection) -> list[str]:
    """Drop the triggers of the layers (R-tree and feature count: they need GDAL's SQL functions or
    cost a statement per row); returns their SQL so that `commit` recreates them as GDAL wrote them."""
    marks = ", ".join("?" for _ in LAYERS)
    query = f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ({marks})"  # noqa: S608  # nosec B608
    rows = connection.execute(query, list(LAYERS)).fetchall()
    for name, _sql in rows:
        connection.execute(f'DROP TRIGGER "{name}"')
    return [sql for _name, sql in rows]


def _rtree_tables(connection: sqlite3.Connection) -> dict[str, str]:
    """Layer -> its R-tree table, for the spatial layers that have one."""
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    rtrees = {}
    for spec in _spatial_layers():
        name = f"rtree_{spec.name}_{GEOMETRY_COLUMN}"
        if name in tables:
            rtrees[spec.name] = name
    return rtrees


def _create_spatial_indexes(path: Path, layers: list[str]) -> None:
    """R-tree index (with its triggers) built by GDAL, for layers that lack one."""
    if not layers:
        return
    gdal.UseExceptions()
    dataset = gdal.OpenEx(str(path), gdal.OF_VECTOR | gdal.OF_UPDATE)
    try:
        for name in layers:
            dataset.ReleaseResultSet(dataset.ExecuteSQL(f"SELECT CreateSpatialIndex('{name}', '{GEOMETRY_COLUMN}')"))
    finally:
        dataset = None


def _update_extents(path: Path) -> None:
    """gpkg_contents extents from the R-trees (QGIS reads the layer extent there)."""
    with contextlib.closing(sqlite3.connect(str(path))) as connection:
        for spec in _spatial_layers():
            rtree = f"rtree_{spec.name}_{GEOMETRY_COLUMN}"
            bounds = (
                rtree_bulk.extent(connection, rtree)
                or connection.execute(
                    f'SELECT MIN(minx), MIN(miny), MAX(maxx), MAX(maxy) FROM "{rtree}"'  # noqa: S608  # nosec B608
                ).fetchone()
            )
            connection.execute(
                "UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ?, last_change = ? "
                "WHERE table_name = ?",
                (*bounds, now_iso().replace("Z", ".000Z"), spec.name),
            )
        connection.commit()


# --- reading back ------------------------------------------------------------------------------------
def _typed(frame: pd.DataFrame, columns: tuple[schema.Column, ...]) -> pd.DataFrame:
    for column in columns:
        if column.name not in frame.columns:
            continue
        if column.kind == "int":
            frame[column.name] = pd.to_numeric(frame[column.name], errors="coerce").astype("Int64")
        elif column.kind == "float":
            frame[column.name] = pd.to_numeric(frame[column.name], errors="coerce").astype("float64")
        elif column.kind == "bool":
            frame[column.name] = frame[column.name].map({1: True, 0: False}).astype("boolean")
    return frame


def read_layer(path: Path | str, layer: str, geometry: str = "none") -> pd.DataFrame:
    """A layer as a DataFrame with its schema columns (+ fid). geometry: 'none', 'xy' or 'wkt'."""
    if layer not in LAYERS:
        raise ValueError(f"unknown layer {layer}")
    spec = LAYERS[layer]
    path = Path(path)
    if not path.is_file():
        raise BivalvesError(f"{path} does not exist")
    _check_geopackage(path)
    names = ["fid"] + [column.name for column in spec.columns]
    if spec.spatial and geometry != "none":
        names.append(GEOMETRY_COLUMN)
    with contextlib.closing(sqlite3.connect(_read_only_uri(path), uri=True)) as connection:
        available = {row[1] for row in connection.execute(f'PRAGMA table_info("{layer}")')}
        selected = [name for name in names if name in available]
        query = f'SELECT {_quoted(selected)} FROM "{layer}" ORDER BY fid'  # noqa: S608  # nosec B608
        frame = pd.read_sql_query(query, connection)
    frame = _typed(frame, spec.columns)
    if GEOMETRY_COLUMN in frame.columns:
        blobs = frame.pop(GEOMETRY_COLUMN).tolist()
        if geometry == "xy":
            frame["x"], frame["y"] = gpkg_geometry.point_coordinates(blobs)
        else:
            frame["wkt"] = [gpkg_geometry.blob_to_wkt(blob) for blob in blobs]
    return frame


def read_occurrences(path: Path | str) -> pd.DataFrame:
    """The occurrences: schema.OCCURRENCE_COLUMNS + fid, x, y (Lambert-93)."""
    return read_layer(path, schema.OCCURRENCES, geometry="xy")


def read_zones(path: Path | str) -> pd.DataFrame:
    """The location zones: schema.ZONE_COLUMNS + fid, wkt (Lambert-93)."""
    return read_layer(path, schema.ZONES, geometry="wkt")


def read_rejects(path: Path | str) -> pd.DataFrame:
    return read_layer(path, schema.REJECTS)


def read_refresh_log(path: Path | str) -> pd.DataFrame:
    return read_layer(path, schema.REFRESH_LOG)


def read_grid(path: Path | str) -> pd.DataFrame:
    """The 10 km cells: schema.GRID_COLUMNS + fid, wkt."""
    return read_layer(path, schema.GRID, geometry="wkt")
