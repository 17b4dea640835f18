"""A real HTTP server on 127.0.0.1 emulating the web sources, with programmable faults.

`fake_api` (fixture) starts a `FakeApi`: a ThreadingHTTPServer serving OpenObs biocache search,
GBIF species/match + occurrence/search, Hub'Eau hydrobio taxons (206/`next` paging), the SINP
Hauts-de-France WFS and the TAXREF API, from synthetic records built on the templates of
`tests/fixtures/api/` (real shapes, synthetic values). Faults are queued per path and consumed
one per request: HTTP 500/502/503, 429 with Retry-After, a stall longer than the client's
timeout, a connection reset mid-body, a truncated body, an HTML error page served with 200.
"""

from __future__ import annotations

import copy
import json
import re
import socket
import struct
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from shapely import wkt as shapely_wkt
from shapely.geometry import Point

API_FIXTURES = Path(__file__).resolve().parent / "fixtures" / "api"
# Taxa of data/taxa.csv used by the synthetic records: (cd_ref, name, SANDRE code).
TAXA = ((64440, "Unio pictorum", "3051"), (64455, "Anodonta anatina", "9791"), (64443, "Unio crassus", "3049"))


def template(name: str) -> dict:
    return json.loads((API_FIXTURES / name).read_text(encoding="utf-8"))


@dataclass
class Fault:
    """One injected fault: 'status', 'timeout', 'reset', 'truncate' or 'html200'."""

    kind: str
    status: int = 500
    retry_after: str = ""
    delay: float = 0.0


def status(code: int, retry_after: str = "") -> Fault:
    return Fault("status", code, retry_after)


class FakeApi:
    """The emulated services; `base_url + '/openobs'` etc. are the base URLs to configure."""

    def __init__(self) -> None:
        self.latency = 0.0
        self.faults: dict[str, deque[Fault]] = defaultdict(deque)
        self.hits: list[tuple[str, dict]] = []
        self.headers: list[dict[str, str]] = []  # request headers, parallel to `hits`
        self.lock = threading.Lock()
        self.openobs: list[dict] = []
        self._selected: dict = {}
        self._encoded: dict = {}
        self.openobs_shifted_once: set[int] = set()  # startIndex values whose first answer is shifted by one
        self.gbif: list[dict] = []
        self.hubeau: list[dict] = []
        self.sinp: dict[str, list[dict]] = {}  # department -> features
        self.taxref_taxa: dict[int, dict] = {}
        self.taxref_children: dict[int, list[dict]] = {}
        self.taxref_status: list[dict] = []
        self.routes: dict[str, Callable[[dict], tuple[int, dict, dict]]] = {
            "/openobs/occurrences/search": self._openobs,
            "/gbif/species/match": lambda q: (200, template("gbif_species_match.json"), {}),
            "/gbif/occurrence/search": self._gbif,
            "/hubeau/taxons": self._hubeau,
            "/sinp/wfs": self._sinp,
            "/taxref/taxa/search": self._taxref_search,
            "/taxref/status/search/lines": self._taxref_status,
        }
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.server.daemon_threads = True
        self.server.api = self  # type: ignore[attr-defined]
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    # --- set-up helpers --------------------------------------------------------------------

    @property
    def urls(self) -> dict[str, str]:
        return {"openobs": f"{self.base_url}/openobs", "gbif": f"{self.base_url}/gbif",
                "hubeau": f"{self.base_url}/hubeau", "sinp-hdf": f"{self.base_url}/sinp",
                "taxref": f"{self.base_url}/taxref"}

    def fail(self, path: str, *faults: Fault) -> None:
        """Queue faults for the next requests to `path` (one per request, in order)."""
        with self.lock:
            self.faults[path].extend(faults)

    def count(self, path: str) -> int:
        with self.lock:
            return sum(1 for hit, _ in self.hits if hit == path)

    def populate(self, openobs: int = 0, gbif: int = 0, hubeau: int = 0, sinp: int = 0) -> None:
        self.openobs = [openobs_record(i) for i in range(openobs)]
        self.gbif = [gbif_record(i) for i in range(gbif)]
        self.hubeau = [hubeau_record(i) for i in range(hubeau)]
        self.sinp = defaultdict(list)
        for i in range(sinp):
            feature = sinp_feature(i)
            self.sinp[feature["properties"]["code_dpt"]].append(feature)

    # --- emulated endpoints --------------------------------------------------------------------

    def _openobs(self, q: dict) -> tuple[int, dict, dict]:
        start, size = int(_one(q, "startIndex", "0")), int(_one(q, "pageSize", "10"))
        wanted = frozenset(re.findall(r"\d+", _one(q, "q", "")))
        key = (id(self.openobs), len(self.openobs), wanted)
        records = self._selected.get(key)
        if records is None:  # memoised: the benchmark asks for the same selection 100 times
            records = [r for r in self.openobs if r["taxonConceptID"] in wanted] if wanted else self.openobs
            self._selected = {key: records}
        page = records[start : start + size]
        with self.lock:
            shift = start in self.openobs_shifted_once and start > 0
            self.openobs_shifted_once.discard(start)
        if shift:  # a page that changes between two calls: first answer repeats the previous record
            page = records[start - 1 : start - 1 + size]
        body = {"pageSize": size, "startIndex": start, "totalRecords": len(records), "sort": "score", "dir": "asc",
                "status": "OK", "occurrences": page}
        if shift:
            return 200, body, {}
        cache_key = (key, start, size)
        if cache_key not in self._encoded:  # the benchmark's server must not be the bottleneck
            self._encoded[cache_key] = json.dumps(body).encode("utf-8")
        return 200, self._encoded[cache_key], {}

    def _gbif(self, q: dict) -> tuple[int, dict, dict]:
        records = self.gbif
        if "geometry" in q:
            area = shapely_wkt.loads(_one(q, "geometry", ""))
            records = [r for r in records if area.covers(Point(r["decimalLongitude"], r["decimalLatitude"]))]
        if "year" in q:
            first, last = (int(v) for v in _one(q, "year", "").split(","))
            records = [r for r in records if first <= r["year"] <= last]
        offset, limit = int(_one(q, "offset", "0")), int(_one(q, "limit", "20"))
        if offset + limit > 100_000:
            return 400, {"message": "offset + limit > 100000"}, {}
        page = records[offset : offset + limit]
        body = {"offset": offset, "limit": limit, "endOfRecords": offset + limit >= len(records),
                "count": len(records), "results": page, "facets": []}
        return 200, body, {}

    def _hubeau(self, q: dict) -> tuple[int, dict, dict]:
        records = self.hubeau
        codes = set(_one(q, "code_appel_taxon", "").split(",")) - {""}
        if codes:
            records = [r for r in records if r["code_appel_taxon"] in codes]
        first, last = _one(q, "date_debut_prelevement", "0000"), _one(q, "date_fin_prelevement", "9999")
        records = [r for r in records if first <= r["date_prelevement"][:10] <= last]
        page, size = int(_one(q, "page", "1")), int(_one(q, "size", "1000"))
        chunk = records[(page - 1) * size : page * size]
        more = page * size < len(records)
        flat = {k: v[0] for k, v in q.items()}

        def link(number: int) -> str:
            return f"{self.base_url}/hubeau/taxons?{urlencode({**flat, 'page': number})}"

        body = {"count": len(records), "first": link(1), "last": link(max(1, -(-len(records) // size))),
                "prev": link(page - 1) if page > 1 else None, "next": link(page + 1) if more else None,
                "api_version": "1.4.0", "data": chunk}
        return (206 if more else 200), body, {}

    def _sinp(self, q: dict) -> tuple[int, dict, dict]:
        view = dict(item.split(":", 1) for item in _one(q, "VIEWPARAMS", "").split(";") if ":" in item)
        if view.get("GRP_IDS") != "21":
            return 400, {"error": "GRP_IDS"}, {}
        features = (self.sinp.get(view["DEPT_IDS"], []) if "DEPT_IDS" in view
                    else [f for fs in self.sinp.values() for f in fs])
        start, count = int(_one(q, "STARTINDEX", "0")), int(_one(q, "COUNT", "1000000"))
        page = features[start : start + count]
        body = {"type": "FeatureCollection", "features": page, "totalFeatures": len(features),
                "numberMatched": len(features), "numberReturned": len(page), "timeStamp": "2026-11-22T05:00:00.000Z",
                "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::2154"}}}
        return 200, body, {}

    def _taxref_search(self, q: dict) -> tuple[int, dict, dict]:
        ids = [int(v) for v in q.get("taxrefIds", [])]
        found = [self.taxref_taxa[i] for i in ids if i in self.taxref_taxa]
        return 200, _hal("taxa", found), {}

    def _taxref_children(self, cd_nom: int) -> tuple[int, dict, dict]:
        return 200, {"_embedded": {"taxa": self.taxref_children.get(cd_nom, [])}, "_links": {}}, {}

    def _taxref_status(self, q: dict) -> tuple[int, dict, dict]:
        ids = {int(v) for v in q.get("taxrefId", [])}
        location = _one(q, "locationId", "")
        lines = [line for line in self.taxref_status
                 if line["taxon"]["referenceId"] in ids and line.get("requestedLocationId") == location]
        return 200, _hal("status", lines), {}

    # --- serving ------------------------------------------------------------------------------

    def serve(self, handler: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(handler.path)
        query = parse_qs(parts.query, keep_blank_values=True)
        with self.lock:
            self.hits.append((parts.path, query))
            self.headers.append({k.lower(): v for k, v in handler.headers.items()})
            fault = self.faults[parts.path].popleft() if self.faults[parts.path] else None
        if self.latency:
            time.sleep(self.latency)
        route = self.routes.get(parts.path)
        if route is None and parts.path.startswith("/taxref/taxa/") and parts.path.endswith("/children"):
            route = lambda q: self._taxref_children(int(parts.path.split("/")[3]))  # noqa: E731
        if route is None:
            _send(handler, 404, b"", "text/plain")
            return
        code, document, headers = route(query)
        body = document if isinstance(document, bytes) else json.dumps(document).encode("utf-8")
        if fault is None:
            _send(handler, code, body, "application/json", headers)
        elif fault.kind == "status":
            extra = {"Retry-After": fault.retry_after} if fault.retry_after else {}
            _send(handler, fault.status, b'{"error": "injected"}', "application/json", extra)
        elif fault.kind == "timeout":
            time.sleep(fault.delay)
            _send(handler, code, body, "application/json", headers)
        elif fault.kind == "html200":
            _send(handler, 200, b"<html><body><h1>Erreur 500</h1><p>Service indisponible</p></body></html>",
                  "text/html; charset=utf-8")
        elif fault.kind == "truncate":
            _send(handler, code, body[: len(body) // 2], "application/json", headers)
        elif fault.kind == "reset":
            _reset_mid_body(handler, code, body)

    def start(self) -> FakeApi:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        try:
            self.server.api.serve(self)  # type: ignore[attr-defined]
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def log_message(self, *args) -> None:
        return None


def _send(handler: BaseHTTPRequestHandler, code: int, body: bytes, ctype: str, headers: dict | None = None) -> None:
    handler.send_response(code)
    handler.send_header("Content-Type", ctype)
    handler.send_header("Content-Length", str(len(body)))
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.end_headers()
    handler.wfile.write(body)
    handler.wfile.flush()


def _reset_mid_body(handler: BaseHTTPRequestHandler, code: int, body: bytes) -> None:
    """Announce the whole body, send half of it, then reset the TCP connection (RST)."""
    handler.send_response(code)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body[: len(body) // 2])
    handler.wfile.flush()
    handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    handler.close_connection = True
    handler.connection.close()


def _one(q: dict, key: str, default: str) -> str:
    values = q.get(key)
    return values[0] if values else default


def _hal(key: str, items: list) -> dict:
    return {"_embedded": {key: items}, "_links": {},
            "page": {"size": 10000, "totalElements": len(items), "totalPages": 1, "number": 1}}


# --- synthetic records in the real shapes ---------------------------------------------------


def openobs_record(i: int) -> dict:
    cd_ref, name, _ = TAXA[i % len(TAXA)]
    record = copy.deepcopy(template("openobs_search.json")["occurrences"][0])
    lat, lon = 49.80 + (i % 97) * 0.004, 2.10 + (i % 89) * 0.01
    record.update(uuid=f"00000000-0000-4000-8000-{i:012d}", occurrenceID=f"00000000-0000-4000-8000-{i:012d}",
                  taxonConceptID=str(cd_ref), scientificName=name, decimalLatitude=round(lat, 5),
                  decimalLongitude=round(lon, 5), latLong=f"{lat:.5f},{lon:.5f}",
                  eventDate=1_262_304_000_000 + i * 86_400_000, year=2010 + (i // 365) % 15)
    return record


def gbif_record(i: int) -> dict:
    cd_ref, name, _ = TAXA[i % len(TAXA)]
    record = copy.deepcopy(template("gbif_occurrence_search.json")["results"][0])
    year = 1990 + i % 35
    record.update(key=4_000_000_000 + i, occurrenceID=f"00000000-0000-4000-9000-{i:012d}", taxonID=str(cd_ref),
                  scientificName=name, acceptedScientificName=name, verbatimScientificName=name,
                  decimalLatitude=round(49.8 + (i % 90) * 0.005, 5), decimalLongitude=round(2.2 + (i % 80) * 0.01, 5),
                  year=year, eventDate=f"{year}-07-{1 + i % 28:02d}T00:00:00")
    return record


def hubeau_record(i: int) -> dict:
    _, name, code = TAXA[i % len(TAXA)]
    record = copy.deepcopy(template("hubeau_taxons_206.json")["data"][0])
    station = 1000 + i % 7
    record.update(code_station_hydrobio=f"0100{station:04d}", code_prelevement=str(9_100_000 + i // 2),
                  code_lot=str(i), code_appel_taxon=code, libelle_appel_taxon=name,
                  coordonnee_x=640_000.0 + station * 10, coordonnee_y=6_975_000.0 + station * 10,
                  date_prelevement=f"{2005 + i % 18}-09-{1 + i % 28:02d}T00:00:00Z")
    return record


def sinp_feature(i: int) -> dict:
    cd_ref, name, _ = TAXA[i % len(TAXA)]
    feature = copy.deepcopy(template("sinp_hdf_getfeature.json")["features"][0])
    feature["id"] = f"fn_get_obs_detaillee.{i + 1}"
    feature["geometry"]["coordinates"] = [650_000.0 + i * 37 % 40_000, 6_975_000.0 + i * 53 % 30_000]
    feature["properties"].update(id_synthese=9_000_000 + i, id_sinp_occtax=f"00000000-0000-4000-a000-{i:012d}",
                                 cd_nom=cd_ref, cd_ref=cd_ref, nom_complet=name, code_dpt="80" if i % 2 else "60",
                                 date_obs=f"{2000 + i % 25}-05-{1 + i % 28:02d}")
    return feature


@pytest.fixture
def fake_api():
    api = FakeApi().start()
    yield api
    api.stop()
