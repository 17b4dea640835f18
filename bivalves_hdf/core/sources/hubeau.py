"""Hub'Eau hydrobiologie `taxons` (data-sources.md §5): bivalves in macro-invertebrate samples.

`GET {base}/taxons?code_support=13&…&size=N` answers HTTP 206 while more pages exist, with the
absolute URL of the next page in `next` (200 and `next: null` on the last page; a 206 with a
null `next` also ends paging, BRGM/hubeau#72). A query may not reach past 20,000 records, so a
larger one is split by halving its sampling-date range. Taxa are asked for by SANDRE code when
the reference knows them; otherwise (codes unverified, §5.2) every macro-invertebrate record is
paged and bivalves are kept client-side by name or by `Bivalvia` among the parent taxa.
The bivalve records also give the stations layer (schema.STATIONS).
"""

from __future__ import annotations

import math
from datetime import date, timedelta

import pandas as pd

from .. import schema
from ..http import HttpError
from ..readers.base import RawTable, build_table, frame_from_records
from ..readers.hubeau_json import extra_columns
from .base import Progress, Query, RecordSpool, Source, SourceResult, batched, iso

DEPTH_LIMIT = 20_000
PAGE_SIZE = 1000
CODES_PER_QUERY = 100
SUPPORT_MACROINVERTEBRATES = "13"
FIRST_DAY = date(1970, 1, 1)
INCREMENTAL_LOOKBACK = timedelta(days=365)  # no modification date: re-read the last year of samples
FMT = "hubeau_json"


class HubeauSource(Source):
    name = "hubeau"
    raw_source = "hubeau"
    default_url = "https://hubeau.eaufrance.fr/api/v1/hydrobio"

    def __init__(self, client, base_url=None, page_size: int = PAGE_SIZE, depth_limit: int = DEPTH_LIMIT) -> None:
        super().__init__(client, base_url)
        self.page_size = page_size
        self.depth_limit = depth_limit

    @property
    def taxons_url(self) -> str:
        return f"{self.base_url}/taxons"

    def _base_params(self, query: Query) -> list[dict]:
        params: dict = {"code_support": SUPPORT_MACROINVERTEBRATES, "format": "json"}
        if query.area.departments:
            params["code_departement"] = ",".join(query.area.departments)
        else:
            params["bbox"] = ",".join(str(v) for v in query.area.bbox_wgs84)
        codes = sorted(set(query.sandre_codes))
        if not codes:
            return [params]
        return [{**params, "code_appel_taxon": ",".join(batch)} for batch in batched(codes, CODES_PER_QUERY)]

    @staticmethod
    def _period(query: Query) -> tuple[date, date]:
        start = query.since or FIRST_DAY
        if query.modified_since:
            start = max(start, (query.modified_since - INCREMENTAL_LOOKBACK).date())
        return start, query.until or date.today()

    def _count(self, params: dict, start: date, end: date) -> int:
        page = self.client.get_json(self.taxons_url, {**params, **_dates(start, end), "size": 1},
                                    accept=(200, 206), cache=False)
        count = page.data.get("count") if isinstance(page.data, dict) else None
        if not isinstance(count, int):
            raise HttpError(f"{page.url}: no count in the Hub'Eau answer")
        return count

    def count(self, query: Query) -> int:
        start, end = self._period(query)
        return sum(self._count(params, start, end) for params in self._base_params(query))

    def _ranges(self, params: dict, start: date, end: date) -> list[tuple[date, date, int]]:
        """Date ranges holding at most `depth_limit` records each."""
        count = self._count(params, start, end)
        if count == 0:
            return []
        if count <= self.depth_limit:
            return [(start, end, count)]
        if start >= end:
            raise HttpError(f"Hub'Eau: {count} records on {start}: beyond the API depth limit")
        middle = start + (end - start) // 2
        return self._ranges(params, start, middle) + self._ranges(params, middle + timedelta(days=1), end)

    def fetch(self, query: Query, progress: Progress | None = None) -> SourceResult:
        result = SourceResult(origin=f"{self.taxons_url} ({query.describe()})", to_table=_table)
        start, end = self._period(query)
        plan = [(params, r) for params in self._base_params(query) for r in self._ranges(params, start, end)]
        result.expected = sum(r[2] for _, r in plan)
        result.spool = RecordSpool(_record_key)
        stations = StationsBuilder()
        try:
            self._fetch_plan(plan, _bivalve_filter(query), result, stations, progress)
        except BaseException:
            result.close()
            raise
        if not query.sandre_codes:
            result.warnings.append("Hub'Eau: no SANDRE taxon codes in the reference; bivalves were selected by name")
        result.stations = stations.frame()
        return result

    def _fetch_plan(self, plan, keep, result: SourceResult, stations: StationsBuilder,
                    progress: Progress | None) -> None:
        fetched = 0
        for params, (first, last, count) in plan:
            got = 0
            url, page_params = self.taxons_url, {**params, **_dates(first, last), "size": self.page_size}
            for _ in range(math.ceil(count / self.page_size) + 2):
                page = self.client.get_json(url, page_params, accept=(200, 206))
                records = page.data.get("data") if isinstance(page.data, dict) else None
                if not isinstance(records, list):
                    raise HttpError(f"{page.url}: no data list in the Hub'Eau answer")
                got += len(records)
                kept = [r for r in records if isinstance(r, dict) and keep(r)]
                result.spool.add(kept)
                stations.add(kept)
                if progress:
                    progress(fetched + got, result.expected)
                url, page_params = page.data.get("next"), None
                if page.status != 206 or not url:
                    break
            if got < count:
                raise HttpError(f"Hub'Eau gave {got} records of {count} announced for {first}…{last}; "
                                "nothing was imported from Hub'Eau")
            fetched += got


def _table(records: list[dict], origin: str, first_row: int) -> RawTable:
    frame = frame_from_records(records)
    return build_table(frame, "hubeau", origin, FMT, rows=range(first_row, first_row + len(frame)),
                       extra=extra_columns(frame))


def _dates(start: date, end: date) -> dict:
    return {"date_debut_prelevement": iso(start), "date_fin_prelevement": iso(end)}


def _record_key(record: dict) -> tuple:
    return tuple(str(record.get(k) or "") for k in ("code_prelevement", "code_appel_taxon", "code_lot",
                                                    "code_type_resultat"))


def _bivalve_filter(query: Query):
    codes = {str(c) for c in query.sandre_codes}
    names = {n.strip().lower() for n in query.names if n.strip()}
    genera = {n.split()[0] for n in names}

    def keep(record: dict) -> bool:
        if codes:
            return str(record.get("code_appel_taxon") or "") in codes
        parents = record.get("libelles_taxons_parents") or []
        if isinstance(parents, list) and any(str(p).strip().lower() == "bivalvia" for p in parents):
            return True
        label = str(record.get("libelle_appel_taxon") or "").strip().lower()
        return label in names or (label.split(" ")[0] in genera if label else False)

    return keep


class StationsBuilder:
    """Stations holding bivalves, accumulated page by page (schema.STATION_COLUMNS + x, y)."""

    def __init__(self) -> None:
        self.rows: dict[str, dict] = {}

    def add(self, records: list[dict]) -> None:
        for record in records:
            self._add(record)

    def _add(self, record: dict) -> None:
        code = str(record.get("code_station_hydrobio") or "")
        if not code or str(record.get("code_projection") or "26") != "26":
            return
        row = self.rows.setdefault(code, {
            "codeStation": code, "libelleStation": record.get("libelle_station_hydrobio"),
            "codeCommune": record.get("code_commune"), "libelleCommune": record.get("libelle_commune"),
            "coursEau": record.get("libelle_cours_eau"), "x": record.get("coordonnee_x"),
            "y": record.get("coordonnee_y"), "_samples": set(), "_years": set(), "_taxa": set(),
        })
        row["_samples"].add(record.get("code_prelevement"))
        year = str(record.get("date_prelevement") or "")[:4]
        if year.isdigit():
            row["_years"].add(int(year))
        if record.get("libelle_appel_taxon"):
            row["_taxa"].add(str(record["libelle_appel_taxon"]))

    def frame(self) -> pd.DataFrame:
        out = []
        for row in self.rows.values():
            plain = {k: v for k, v in row.items() if not k.startswith("_")}
            years = row["_years"]
            out.append({**plain, "nbPrelevements": len(row["_samples"]),
                        "derniereAnnee": max(years) if years else None, "taxons": ", ".join(sorted(row["_taxa"]))})
        columns = [*schema.column_names(schema.STATION_COLUMNS), "x", "y"]
        return pd.DataFrame(out, columns=columns)
