"""What every web source shares: the area and period asked for, and the source interface.

A source knows how to `count` the records of a `Query` (one cheap request, for the
count-before-download step) and how to `fetch` them as `RawTable`s, page by page, reporting
progress and stopping within a second of a cancel (through its `HttpClient`).
"""

from __future__ import annotations

import json
import logging
import re
import shutil
import tempfile
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pandas as pd
from pyproj import Transformer
from shapely import wkt as shapely_wkt
from shapely.geometry import box
from shapely.geometry.polygon import orient

from ..errors import BivalvesError
from ..http import HttpClient
from ..normaliser_geometry import transform_geometry
from ..readers.base import RawTable

LOG = logging.getLogger("bivalves_hdf.sources")

REGION_CODE = "32"
DEPARTMENTS = ("02", "59", "60", "62", "80")
# Approximate extents in Lambert-93 (data-sources.md §8 for the region; departments estimated
# from their contours, rounded outwards to 5 km: unverified, used only to narrow web queries).
REGION_BBOX_L93 = (580_000.0, 6_855_000.0, 795_000.0, 7_115_000.0)
DEPARTMENT_BBOX_L93 = {
    "02": (680_000.0, 6_855_000.0, 795_000.0, 6_995_000.0),
    "59": (630_000.0, 6_985_000.0, 790_000.0, 7_115_000.0),
    "60": (605_000.0, 6_880_000.0, 720_000.0, 6_965_000.0),
    "62": (585_000.0, 6_990_000.0, 720_000.0, 7_110_000.0),
    "80": (580_000.0, 6_935_000.0, 720_000.0, 7_025_000.0),
}

Progress = Callable[[int, int], None]  # (records fetched so far, records expected or 0)


@dataclass(frozen=True)
class Area:
    """Where to search: the region, one department, a Lambert-93 box or a polygon."""

    kind: str  # 'region', 'dept', 'bbox', 'polygon'
    label: str
    wkt_l93: str
    departments: tuple[str, ...] = ()

    @property
    def bbox_l93(self) -> tuple[float, float, float, float]:
        return tuple(shapely_wkt.loads(self.wkt_l93).bounds)  # type: ignore[return-value]

    @property
    def bbox_wgs84(self) -> tuple[float, float, float, float]:
        return tuple(round(v, 5) for v in _to_wgs84(shapely_wkt.loads(self.wkt_l93)).bounds)  # type: ignore[return-value]

    def wkt_wgs84(self, tolerance: float = 0.005) -> str:
        """The area in WGS84, simplified and counter-clockwise (GBIF, biocache `wkt`)."""
        geometry = _to_wgs84(shapely_wkt.loads(self.wkt_l93)).simplify(tolerance, preserve_topology=True)
        if geometry.geom_type == "Polygon":
            geometry = orient(geometry, sign=1.0)
        elif geometry.geom_type == "MultiPolygon":
            geometry = type(geometry)([orient(p, sign=1.0) for p in geometry.geoms])
        return shapely_wkt.dumps(geometry, rounding_precision=5)


def _to_wgs84(geometry: Any) -> Any:
    transformer = Transformer.from_crs(2154, 4326, always_xy=True)
    return transform_geometry(transformer, geometry)


def parse_area(text: str | None) -> Area:
    """`region`, `dept:NN` (or `NN`, `INSEEDNN`), `bbox:XMIN,YMIN,XMAX,YMAX` (Lambert-93) or a polygon file."""
    text = (text or "region").strip()
    lowered = text.lower()
    if lowered in ("region", "hdf", "inseer32", REGION_CODE):
        return Area("region", "Hauts-de-France", box(*REGION_BBOX_L93).wkt, DEPARTMENTS)
    if lowered.startswith(("dept:", "inseed")) or lowered.zfill(2) in DEPARTMENTS:
        code = re.sub(r"^(dept:|inseed)", "", lowered).strip().zfill(2)
        if code not in DEPARTMENT_BBOX_L93:
            raise BivalvesError(f"unknown department {code!r}: expected one of {', '.join(DEPARTMENTS)}")
        return Area("dept", f"département {code}", box(*DEPARTMENT_BBOX_L93[code]).wkt, (code,))
    if lowered.startswith("bbox:"):
        try:
            xmin, ymin, xmax, ymax = (float(v) for v in text[5:].split(","))
        except ValueError as exc:
            raise BivalvesError(f"bad bbox {text!r}: expected bbox:XMIN,YMIN,XMAX,YMAX in Lambert-93") from exc
        if not (xmin < xmax and ymin < ymax) or not (0 < xmin < 1_300_000 and 6_000_000 < ymin < 7_200_000):
            raise BivalvesError(f"bad bbox {text!r}: expected Lambert-93 metres with XMIN < XMAX and YMIN < YMAX")
        return Area("bbox", f"emprise {xmin:.0f},{ymin:.0f},{xmax:.0f},{ymax:.0f}", box(xmin, ymin, xmax, ymax).wkt)
    path = Path(text)
    if path.is_file():
        from ..perimeter import perimeter_from_file  # noqa: PLC0415 - GDAL only when needed

        perimeter = perimeter_from_file(path)
        return Area("polygon", perimeter.label, perimeter.wkt)
    raise BivalvesError(f"unknown area {text!r}: expected region, dept:NN, bbox:XMIN,YMIN,XMAX,YMAX or a polygon file")


@dataclass(frozen=True)
class Query:
    """What to fetch: the area, the observation period and the taxa (TAXREF cd_ref)."""

    area: Area
    since: date | None = None
    until: date | None = None
    cd_refs: tuple[int, ...] = ()
    names: tuple[str, ...] = ()  # scientific names of the taxa (client-side filters)
    sandre_codes: tuple[str, ...] = ()  # Hub'Eau taxon codes of the taxa, when known
    modified_since: datetime | None = None  # incremental mode: last refresh of the source

    def describe(self) -> str:
        period = f"{self.since or '…'} → {self.until or '…'}"
        extra = f", changed since {self.modified_since:%Y-%m-%d}" if self.modified_since else ""
        return f"{self.area.label}, {period}{extra}"


class RecordSpool:
    """The distinct records of one source, written to disk page by page and read back in chunks.

    Keeps only the de-duplication keys in memory (the first copy of a record wins), so memory
    stays flat however many pages a source sends; `chunks()` feeds the importer one chunk at a time.
    """

    def __init__(self, key: Callable[[dict], Any]) -> None:
        self.key = key
        self.directory = Path(tempfile.mkdtemp(prefix="bivalves-spool-"))
        # removed on close(), or when the spool is garbage-collected, or at exit
        self._remove = weakref.finalize(self, shutil.rmtree, str(self.directory), True)
        self.keys: set = set()
        self.count = 0
        self.duplicates = 0
        self._files: list[Path] = []

    def add(self, records: Iterable[dict]) -> None:
        """Spool the records not seen yet; count the others as duplicates."""
        new = []
        for record in records:
            value = self.key(record)
            if value in (None, ""):
                value = ("<no key>", self.count + len(new))
            if value in self.keys:
                self.duplicates += 1
                continue
            self.keys.add(value)
            new.append(record)
        if new:
            path = self.directory / f"{len(self._files):06d}.json"
            path.write_bytes(json.dumps(new, check_circular=False).encode("ascii"))
            self._files.append(path)
            self.count += len(new)

    def chunks(self, size: int = 5000) -> Iterator[list[dict]]:
        """The spooled records, about `size` at a time, in arrival order (the fetch is over: keys are freed)."""
        self.keys = set()
        chunk: list[dict] = []
        for path in self._files:
            chunk.extend(json.loads(path.read_bytes()))
            if len(chunk) >= size:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    def close(self) -> None:
        self._remove()


@dataclass
class SourceResult:
    """What one source produced: spooled records (read back as RawTables), stations, warnings."""

    origin: str = ""
    spool: RecordSpool | None = None
    to_table: Callable[[list[dict], str, int], RawTable] | None = None  # (records, origin, first row) -> table
    expected: int = 0
    warnings: list[str] = field(default_factory=list)
    stations: pd.DataFrame | None = None

    @property
    def fetched(self) -> int:
        return self.spool.count if self.spool else 0

    @property
    def duplicates(self) -> int:
        return self.spool.duplicates if self.spool else 0

    def tables(self, chunk_size: int = 5000) -> Iterator[RawTable]:
        """RawTables of the spooled records, one chunk at a time (`_row` numbers run on across chunks)."""
        if self.spool is None or self.to_table is None:
            return
        first_row = 1
        for records in self.spool.chunks(chunk_size):
            yield self.to_table(records, self.origin, first_row)
            first_row += len(records)

    def close(self) -> None:
        if self.spool is not None:
            self.spool.close()


class Source:
    """Base of the web sources: `count(query)` and `fetch(query, progress)`."""

    name = ""  # CLI / summary name
    raw_source = ""  # RawTable.source
    default_url = ""

    def __init__(self, client: HttpClient, base_url: str | None = None) -> None:
        self.client = client
        self.base_url = (base_url or self.default_url).rstrip("/")

    def count(self, query: Query) -> int:
        raise NotImplementedError

    def fetch(self, query: Query, progress: Progress | None = None) -> SourceResult:
        raise NotImplementedError


def batched(values: Sequence[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(values), size):
        yield list(values[start : start + size])


def iso(day: date | datetime | None) -> str | None:
    return day.strftime("%Y-%m-%d") if day else None
