"""GBIF occurrence search (data-sources.md §6): `GET {base}/occurrence/search`.

At most 300 records per page and an offset cap of 100,000, and GBIF restricts offsets above
10,000: a query holding more than `max_per_query` records is split, first by year range, then
by halving the geometry, until each part is small enough. Records are de-duplicated on
`occurrenceID` (GBIF `key` when absent). The Bivalvia class key is resolved through
`species/match` (not hard-coded: unverified). `lastInterpreted` (incremental mode) is unverified.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from shapely import wkt as shapely_wkt
from shapely.geometry import box
from shapely.geometry.polygon import orient

from ..http import HttpError, Request
from ..readers.base import RawTable, build_table, frame_from_records
from .base import Progress, Query, RecordSpool, Source, SourceResult

PAGE_SIZE = 300
OFFSET_CAP = 100_000
MAX_PER_QUERY = 10_000
FIRST_YEAR = 1700
FMT = "gbif_json"


@dataclass(frozen=True)
class Part:
    """One sub-query: a year range and a WGS84 geometry (WKT)."""

    first_year: int | None
    last_year: int | None
    geometry: str
    count: int = 0


class GbifSource(Source):
    name = "gbif"
    raw_source = "gbif"
    default_url = "https://api.gbif.org/v1"

    def __init__(self, client, base_url=None, page_size: int = PAGE_SIZE, max_per_query: int = MAX_PER_QUERY,
                 max_depth: int = 6) -> None:
        super().__init__(client, base_url)
        self.page_size = min(page_size, PAGE_SIZE)
        self.max_per_query = max_per_query
        self.max_depth = max_depth
        self._taxon_key: int | None = None

    @property
    def search_url(self) -> str:
        return f"{self.base_url}/occurrence/search"

    def taxon_key(self) -> int:
        if self._taxon_key is None:
            page = self.client.get_json(f"{self.base_url}/species/match", {"name": "Bivalvia", "rank": "CLASS"})
            key = page.data.get("usageKey") if isinstance(page.data, dict) else None
            if not isinstance(key, int):
                raise HttpError(f"{page.url}: GBIF did not resolve the class Bivalvia")
            self._taxon_key = key
        return self._taxon_key

    def _params(self, query: Query, part: Part) -> dict:
        params: dict = {"taxonKey": self.taxon_key(), "country": "FR", "geometry": part.geometry}
        if query.since or query.until:
            params["eventDate"] = f"{query.since or '1000-01-01'},{query.until or '9999-12-31'}"
        if part.first_year is not None:
            params["year"] = f"{part.first_year},{part.last_year}"
        if query.modified_since:
            params["lastInterpreted"] = f"{query.modified_since:%Y-%m-%d},*"
        return params

    def _count(self, query: Query, part: Part) -> int:
        page = self.client.get_json(self.search_url, {**self._params(query, part), "limit": 0, "offset": 0},
                                    cache=False)
        count = page.data.get("count") if isinstance(page.data, dict) else None
        if not isinstance(count, int):
            raise HttpError(f"{page.url}: no count in the GBIF answer")
        return count

    def count(self, query: Query) -> int:
        return self._count(query, Part(None, None, query.area.wkt_wgs84()))

    def parts(self, query: Query, warnings: list[str]) -> list[Part]:
        """Sub-queries of at most `max_per_query` records each (years first, then geometry)."""
        whole = Part(None, None, query.area.wkt_wgs84())
        total = self._count(query, whole)
        if total <= self.max_per_query:
            return [Part(None, None, whole.geometry, total)]
        first = max(FIRST_YEAR, query.since.year if query.since else FIRST_YEAR)
        last = query.until.year if query.until else date.today().year
        parts = self._split(query, Part(first, last, whole.geometry), 0)
        covered = sum(p.count for p in parts)
        if covered < total:
            warnings.append(f"GBIF: {total - covered} records without a year in {first}-{last} cannot be paged "
                            "through the split query and were not fetched")
        return parts

    def _split(self, query: Query, part: Part, depth: int) -> list[Part]:
        count = self._count(query, part)
        if count == 0:
            return []
        if count <= self.max_per_query:
            return [Part(part.first_year, part.last_year, part.geometry, count)]
        if part.first_year is not None and part.first_year < part.last_year:
            middle = (part.first_year + part.last_year) // 2
            return (self._split(query, Part(part.first_year, middle, part.geometry), depth)
                    + self._split(query, Part(middle + 1, part.last_year, part.geometry), depth))
        if depth >= self.max_depth:
            raise HttpError(f"GBIF: {count} records in {part.first_year} even in a small area; narrow the query")
        return [piece for half in _halves(part.geometry)
                for piece in self._split(query, Part(part.first_year, part.last_year, half), depth + 1)]

    def fetch(self, query: Query, progress: Progress | None = None) -> SourceResult:
        result = SourceResult(origin=f"{self.search_url} ({query.describe()})", to_table=_table)
        parts = self.parts(query, result.warnings)
        result.expected = sum(p.count for p in parts)
        result.spool = RecordSpool(_occurrence_id)
        try:
            self._fetch_parts(query, parts, result, progress)
        except BaseException:
            result.close()
            raise
        return result

    def _fetch_parts(self, query: Query, parts: list[Part], result: SourceResult, progress: Progress | None) -> None:
        fetched = 0
        for part in parts:
            params = self._params(query, part)
            stop = min(part.count, OFFSET_CAP)
            requests = [Request(self.search_url, {**params, "limit": self.page_size, "offset": offset})
                        for offset in range(0, stop, self.page_size)]
            for page in self.client.map_json(requests):
                records = page.data.get("results") if isinstance(page.data, dict) else None
                if not isinstance(records, list):
                    raise HttpError(f"{page.url}: no results list in the GBIF answer")
                fetched += len(records)
                result.spool.add(r for r in records if isinstance(r, dict))
                if progress:
                    progress(fetched, result.expected)
        if fetched < result.expected:
            raise HttpError(f"GBIF gave {fetched} records of {result.expected} announced; "
                            "nothing was imported from GBIF")


def _table(records: list[dict], origin: str, first_row: int) -> RawTable:
    frame = frame_from_records(records)
    return build_table(frame, "gbif", origin, FMT, rows=range(first_row, first_row + len(frame)))


def _occurrence_id(record: dict) -> str:
    return str(record.get("occurrenceID") or record.get("key") or "")


def _halves(geometry_wkt: str) -> list[str]:
    geometry = shapely_wkt.loads(geometry_wkt)
    xmin, ymin, xmax, ymax = geometry.bounds
    if xmax - xmin >= ymax - ymin:
        middle = (xmin + xmax) / 2
        boxes = [box(xmin, ymin, middle, ymax), box(middle, ymin, xmax, ymax)]
    else:
        middle = (ymin + ymax) / 2
        boxes = [box(xmin, ymin, xmax, middle), box(xmin, middle, xmax, ymax)]
    halves = []
    for half in boxes:
        piece = geometry.intersection(half)
        if not piece.is_empty and piece.geom_type == "Polygon":
            halves.append(shapely_wkt.dumps(orient(piece, 1.0), rounding_precision=5))
        elif not piece.is_empty:
            halves.append(shapely_wkt.dumps(orient(piece.envelope, 1.0), rounding_precision=5))
    return halves
