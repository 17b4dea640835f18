"""SINP Hauts-de-France diffusion WFS (geo2france GeoServer, data-sources.md §9).

Plain WFS 2.0.0 `GetFeature` on `sinp_diffusion:fn_get_obs_detaillee` in GeoJSON and
EPSG:2154, with the SQL-view parameters `VIEWPARAMS=GRP_IDS:21;DATE_DEB:…;DATE_FIN:…;DEPT_IDS:NN`
(group 21 = Bivalves; one department per request, as the regional viewer does), paged with
`COUNT`/`STARTINDEX` and counted through `numberMatched`. A box or polygon area adds a `BBOX`.
Whether the service answers anonymously, and the exact output keys, are unverified.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..http import HttpError, Request
from ..readers.sinp_wfs import crs_epsg, table_from_features
from .base import Progress, Query, RecordSpool, Source, SourceResult, iso

TYPE_NAME = "sinp_diffusion:fn_get_obs_detaillee"
GROUP_BIVALVES = "21"
PAGE_SIZE = 1000
FIRST_DAY = date(1900, 1, 1)
INCREMENTAL_LOOKBACK = timedelta(days=365)


class SinpHdfSource(Source):
    name = "sinp-hdf"
    raw_source = "sinp_hdf"
    default_url = "https://www.geo2france.fr/geoserver/sinp"

    def __init__(self, client, base_url=None, page_size: int = PAGE_SIZE) -> None:
        super().__init__(client, base_url)
        self.page_size = page_size

    @property
    def wfs_url(self) -> str:
        return f"{self.base_url}/wfs"

    def queries(self, query: Query) -> list[dict]:
        start = query.since or FIRST_DAY
        if query.modified_since:
            start = max(start, (query.modified_since - INCREMENTAL_LOOKBACK).date())
        end = query.until or date.today()
        view = [f"GRP_IDS:{GROUP_BIVALVES}", f"DATE_DEB:{iso(start)}", f"DATE_FIN:{iso(end)}"]
        base = {
            "SERVICE": "WFS", "VERSION": "2.0.0", "REQUEST": "GetFeature", "TYPENAMES": TYPE_NAME,
            "OUTPUTFORMAT": "application/json", "SRSNAME": "EPSG:2154",
        }
        if query.area.departments:
            return [{**base, "VIEWPARAMS": ";".join([*view, f"DEPT_IDS:{dept}"])} for dept in query.area.departments]
        xmin, ymin, xmax, ymax = query.area.bbox_l93
        bbox = f"{xmin:.0f},{ymin:.0f},{xmax:.0f},{ymax:.0f},EPSG:2154"
        return [{**base, "VIEWPARAMS": ";".join(view), "BBOX": bbox}]

    def _matched(self, params: dict) -> int | None:
        page = self.client.get_json(self.wfs_url, {**params, "COUNT": 1, "STARTINDEX": 0}, cache=False)
        return _number_matched(page.data, page.url)

    def count(self, query: Query) -> int:
        total = 0
        for params in self.queries(query):
            matched = self._matched(params)
            if matched is None:
                raise HttpError(f"{self.wfs_url}: the WFS does not report numberMatched")
            total += matched
        return total

    def fetch(self, query: Query, progress: Progress | None = None) -> SourceResult:
        result = SourceResult(origin=f"{self.wfs_url} {TYPE_NAME} ({query.describe()})",
                              spool=RecordSpool(_feature_key))
        try:
            epsg = self._fetch_queries(query, result, progress)
        except BaseException:
            result.close()
            raise
        result.to_table = lambda records, origin, first_row: table_from_features(records, origin, epsg, first_row)
        return result

    def _fetch_queries(self, query: Query, result: SourceResult, progress: Progress | None) -> str:
        fetched = 0
        epsg = "2154"
        for params in self.queries(query):
            matched = self._matched(params)
            got = 0
            if matched is not None:
                result.expected += matched
                requests = [Request(self.wfs_url, {**params, "COUNT": self.page_size, "STARTINDEX": start})
                            for start in range(0, matched, self.page_size)]
                pages = self.client.map_json(requests)
            else:
                pages = self._until_short(params)
            for page in pages:
                features = _features(page.data, page.url)
                epsg = crs_epsg(page.data)
                got += len(features)
                result.spool.add(features)
                if progress:
                    progress(fetched + got, result.expected)
            if matched is not None and got < matched:
                raise HttpError(f"SINP HdF WFS gave {got} features of {matched} announced; nothing was imported "
                                "from the SINP Hauts-de-France")
            fetched += got
        return epsg

    def _until_short(self, params: dict):
        start = 0
        while True:
            page = self.client.get_json(self.wfs_url, {**params, "COUNT": self.page_size, "STARTINDEX": start})
            yield page
            if len(_features(page.data, page.url)) < self.page_size:
                return
            start += self.page_size


def _number_matched(data, url: str) -> int | None:
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise HttpError(f"{url}: not a GeoJSON FeatureCollection")
    for key in ("numberMatched", "totalFeatures"):
        if isinstance(data.get(key), int):
            return data[key]
    return None


def _features(data, url: str) -> list[dict]:
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list):
        raise HttpError(f"{url}: no features in the WFS answer")
    return [f for f in features if isinstance(f, dict)]


def _feature_key(feature: dict) -> str:
    properties = feature.get("properties") or {}
    for key in ("id_sinp_occtax", "uuid", "id_synthese"):
        if properties.get(key):
            return f"{key}:{properties[key]}"
    return str(feature.get("id") or "")
