"""Raw tables read from an export, the column alias table and the reader registry.

A reader turns one file (or API payload) into `RawTable`s whose columns carry canonical names
(see `data/aliases.yaml`), every value a str or NaN, plus three technical columns:
`_row` (1-based row number as the user sees it in the source: spreadsheet line for CSV, record
index for JSON), `_raw` (the original row as a JSON object string, or NaN when the table keeps
its `original` rows and serialises them on demand: `RawTable.raw_json`) and `_error` (NaN, or why
the row could not be parsed: the normaliser rejects it as 'unreadable_row', never drops it).

Geometry arrives in the canonical columns `wkt`, `geojson`, `longitude`/`latitude` (WGS84) or
`x`/`y` with `crs_epsg` (EPSG code as text; WKT/GeoJSON/x-y without it are guessed from their
magnitude: degrees are WGS84, metres Lambert-93).

Format modules expose `sniff(probe) -> bool` and `read(probe) -> list[RawTable]`; `read_file`
tries them in `FORMAT_MODULES` order.
"""

from __future__ import annotations

import importlib
import json
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml

from ... import paths
from ..errors import BivalvesError

SOURCES = ("openobs", "sinp_dee", "geonature", "gbif", "hubeau", "sinp_hdf")
ROW = "_row"
RAW = "_raw"
ERROR = "_error"
TECHNICAL_COLUMNS = (ROW, RAW, ERROR)
ALIASES_FILE = paths.DATA_DIR / "aliases.yaml"

# Format modules of this package, in detection order (most specific first).
FORMAT_MODULES = (
    "archive",
    "gbif_json",
    "hubeau_json",
    "openobs_json",
    "sinp_wfs",
    "geonature_geojson",
    "gbif_csv",
    "hubeau_csv",
    "geonature_csv",
    "sinp_dee_csv",
    "openobs_csv",
)


@dataclass
class RawTable:
    """Rows of one source file or payload, columns renamed to canonical names.

    `original` holds the rows with their source column names (same positions as `frame`); when it
    is given, `_raw` may be left empty and is serialised on demand by `raw_json` (only rejected
    rows need it, which keeps reading a million rows cheap).
    """

    frame: pd.DataFrame
    source: str
    origin: str
    fmt: str
    original: pd.DataFrame | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.source not in SOURCES:
            raise ValueError(f"unknown source {self.source!r}")
        for column in TECHNICAL_COLUMNS:
            if column not in self.frame.columns:
                raise ValueError(f"RawTable frame lacks the {column} column")
        if self.original is not None and len(self.original) != len(self.frame):
            raise ValueError("RawTable original rows do not match the frame")

    def __len__(self) -> int:
        return len(self.frame)

    def _source_rows(self, positions: Sequence[int]) -> pd.DataFrame:
        if self.original is not None:
            return self.original.iloc[list(positions)]
        return self.frame.iloc[list(positions)].drop(columns=list(TECHNICAL_COLUMNS))

    def raw_json(self, positions: Sequence[int]) -> pd.Series:
        """The original rows at these positions as JSON object strings (`_raw`, or serialised now)."""
        positions = list(positions)
        given = self.frame[RAW].iloc[positions].reset_index(drop=True)
        missing = given.isna().to_numpy()
        if missing.any():
            serialised = raw_json(self._source_rows([p for p, m in zip(positions, missing) if m]))
            given[missing] = serialised.to_numpy()
        return given

    def row_hashes(self, positions: Sequence[int]) -> pd.Series:
        """A stable 64-bit hash of each original row (the record id of rows that have none)."""
        rows = self._source_rows(positions).astype(object)
        return pd.util.hash_pandas_object(rows, index=False).reset_index(drop=True)


def fill_missing(series: pd.Series, other: Any) -> pd.Series:
    """`series.fillna(other)` (a scalar, or a Series aligned on the index) that keeps the dtype.

    On an object column pandas 1.5 silently downcasts the result (all numbers or all missing
    becomes float, all booleans bool) and pandas 2.2 warns that it will stop (FutureWarning);
    neither accepts an option to turn it off on both. Object columns are filled through numpy
    and stay object; other dtypes use fillna, which does not downcast them.
    """
    if series.dtype != object:
        return series.fillna(other)
    values = series.to_numpy(dtype=object, copy=True)
    missing = pd.isna(values)
    if missing.any():
        if isinstance(other, pd.Series):
            values[missing] = other.reindex(series.index).to_numpy(dtype=object)[missing]
        else:
            values[missing] = other
    return pd.Series(values, index=series.index, dtype=object, name=series.name)


def column_key(name: str) -> str:
    """Matching key of a column name: lower case, no accents, letters and digits only."""
    text = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^0-9a-z]", "", text.lower())


@dataclass(frozen=True)
class AliasTable:
    """Canonical column name for each source column name, with per-format overrides."""

    common: dict[str, list[str]]
    formats: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    def aliases(self, canonical: str, fmt: str = "") -> list[str]:
        """Aliases of a canonical name in priority order (format-specific ones first)."""
        specific = self.formats.get(fmt, {}).get(canonical, [])
        return [*specific, *self.common.get(canonical, [])]

    def canonical_names(self, fmt: str = "") -> list[str]:
        """Every canonical name, the format's own first."""
        return list(dict.fromkeys([*self.formats.get(fmt, {}), *self.common]))

    def sources_of(self, columns: Iterable[str], fmt: str = "") -> dict[str, list[str]]:
        """Canonical name -> the source columns holding it, best-ranked first.

        A source column serves one canonical name only (the first in table order).
        """
        by_key: dict[str, str] = {}
        for column in columns:
            by_key.setdefault(column_key(column), column)
        used: set[str] = set()
        found: dict[str, list[str]] = {}
        for canonical in self.canonical_names(fmt):
            for alias in self.aliases(canonical, fmt):
                column = by_key.get(column_key(alias))
                if column is not None and column not in used:
                    used.add(column)
                    found.setdefault(canonical, []).append(column)
        return found


@lru_cache(maxsize=4)
def load_aliases(path: Path | None = None) -> AliasTable:
    """The alias table of `data/aliases.yaml` (cached)."""
    path = path or ALIASES_FILE
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise BivalvesError(f"Cannot read the column alias table {path}: {exc}") from exc
    return AliasTable(common=data.get("columns", {}), formats=data.get("formats", {}) or {})


def _to_text(value: Any) -> Any:
    """A payload value as str (nested values as JSON), or NaN when empty."""
    if value is None:
        return math.nan
    if isinstance(value, float) and math.isnan(value):
        return math.nan
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, ensure_ascii=False)
    text = str(value)
    return text if text.strip() else math.nan


def geojson_crs_epsg(document: Mapping[str, Any], default: str | float) -> str | float:
    """The EPSG code named by a GeoJSON document's legacy `crs` member, else `default`."""
    name = str(((document.get("crs") or {}).get("properties") or {}).get("name", ""))
    match = re.search(r"EPSG:+(\d+)", name)
    return match.group(1) if match else default


def frame_from_records(records: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """A DataFrame of str/NaN values from JSON records (nested values kept as JSON text)."""
    rows = [{key: _to_text(value) for key, value in record.items()} for record in records]
    return pd.DataFrame(rows, dtype=object)


def raw_json(frame: pd.DataFrame) -> pd.Series:
    """Each row of `frame` as a JSON object string (vectorised through pandas' JSON writer)."""
    if len(frame.columns) == 0 or len(frame) == 0:
        return pd.Series("{}", index=frame.index, dtype=object)
    if not frame.columns.is_unique:
        frame = frame.set_axis([c if i == 0 else f"{c}.{i}" for c, i in _numbered(frame.columns)], axis=1)
    # JSON escapes "\n" inside values; other line breaks (U+0085, U+2028...) may stay raw.
    lines = frame.to_json(orient="records", lines=True, force_ascii=False).rstrip("\n").split("\n")
    return pd.Series(lines, index=frame.index, dtype=object)


def _numbered(columns: Iterable[str]) -> list[tuple[str, int]]:
    seen: dict[str, int] = {}
    out = []
    for column in columns:
        out.append((column, seen.get(column, 0)))
        seen[column] = seen.get(column, 0) + 1
    return out


def build_table(
    frame: pd.DataFrame,
    source: str,
    origin: str,
    fmt: str,
    rows: Iterable[int] | None = None,
    errors: pd.Series | None = None,
    extra: Mapping[str, Any] | None = None,
) -> RawTable:
    """A RawTable from a frame of original columns (str/NaN values).

    `rows` are the row numbers shown to users (default 1..n); `errors` marks unreadable rows.
    The original rows are kept beside the canonical frame (`_raw` is serialised on demand).
    When several columns are aliases of one canonical name, each row takes the best-ranked one
    that is not empty. `extra` adds canonical columns (a scalar or a Series aligned on `frame`)
    that the alias table cannot provide, e.g. a CRS or a composed record id. Unmapped columns
    stay in `_raw` only.
    """
    if not frame.index.equals(pd.RangeIndex(len(frame))):
        frame = frame.reset_index(drop=True)
    if not frame.columns.is_unique:
        frame = frame.set_axis([c if i == 0 else f"{c}.{i}" for c, i in _numbered(frame.columns)], axis=1)
    out: dict[str, Any] = {}  # one DataFrame built at the end: a single consolidated block
    for canonical, columns in load_aliases().sources_of(frame.columns, fmt).items():
        values = frame[columns[0]]
        for column in columns[1:]:  # a row missing the best alias takes the next one
            values = fill_missing(values, frame[column])
        out[canonical] = values
    for name, value in (extra or {}).items():
        out[name] = value.reset_index(drop=True) if isinstance(value, pd.Series) else value
    numbers = range(1, len(frame) + 1) if rows is None else rows
    out[ROW] = np.fromiter(numbers, dtype=np.int64, count=len(frame))
    out[RAW] = pd.Series(math.nan, index=frame.index, dtype=object)
    out[ERROR] = pd.Series(math.nan if errors is None else errors.to_numpy(), index=frame.index, dtype=object)
    table = pd.DataFrame(out, index=frame.index)
    return RawTable(frame=table, source=source, origin=origin, fmt=fmt, original=frame)


# --- detection ----------------------------------------------------------------------------


@dataclass
class Probe:
    """A file under detection: its path, the name shown to users and its first bytes."""

    path: Path
    name: str
    head: bytes
    _document: Any = None
    _parsed: bool = False

    @classmethod
    def open(cls, path: Path, name: str | None = None, size: int = 65536) -> Probe:
        try:
            with Path(path).open("rb") as handle:
                head = handle.read(size)
        except OSError as exc:
            raise BivalvesError(f"Cannot open {name or path}: {exc.strerror or exc}") from exc
        return cls(path=Path(path), name=name or str(path), head=head)

    @property
    def is_json(self) -> bool:
        text = self.head.lstrip(b"\xef\xbb\xbf \t\r\n")
        return text[:1] in (b"{", b"[")

    def json(self) -> Any:
        """The parsed JSON document (cached); BivalvesError if it is not valid JSON."""
        if not self._parsed:
            try:
                text = self.path.read_bytes().decode("utf-8-sig")
                self._document = json.loads(text)
            except (UnicodeDecodeError, ValueError) as exc:
                raise BivalvesError(f"{self.name}: not valid JSON ({exc})") from exc
            self._parsed = True
        return self._document


def _format_module(name: str) -> Any:
    try:
        return importlib.import_module(f"{__package__}.{name}")
    except ModuleNotFoundError as exc:
        if exc.name == f"{__package__}.{name}":
            return None  # optional module not written (yet)
        raise


def detect(probe: Probe) -> Any:
    """The format module that reads this file, or None."""
    for name in FORMAT_MODULES:
        module = _format_module(name)
        if module is not None and hasattr(module, "sniff") and module.sniff(probe):
            return module
    return None


def read_probe(probe: Probe) -> list[RawTable]:
    """Detect the format of one file and read it."""
    if not probe.head:
        raise BivalvesError(f"{probe.name}: the file is empty")
    module = detect(probe)
    if module is not None:
        return module.read(probe)
    raise BivalvesError(
        f"{probe.name}: format not recognised. Expected an OpenObs, SINP DEE, GeoNature, GBIF or "
        "Hub'Eau export (CSV, JSON, GeoJSON) or a zip archive of them."
    )


def read_file(path: str | Path) -> list[RawTable]:
    """Read an export file (format detected from its content; zip archives are opened)."""
    path = Path(path)
    if not path.is_file():
        raise BivalvesError(f"{path}: no such file")
    return read_probe(Probe.open(path))
