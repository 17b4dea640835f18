"""Each web source against the loopback server: paging, splitting, de-duplication, counts."""

from __future__ import annotations

import json
import threading
import time
from datetime import date

import pytest
from fixtures_http import TAXA, status

from bivalves_hdf.core.http import CancelledError, CancelToken, HttpClient, HttpError, HttpPolicy, RequestsTransport
from bivalves_hdf.core.readers.base import read_file
from bivalves_hdf.core.reference import load_reference
from bivalves_hdf.core.refresh import RefreshOptions, build_query
from bivalves_hdf.core.sources.base import parse_area
from bivalves_hdf.core.sources.gbif import GbifSource
from bivalves_hdf.core.sources.hubeau import HubeauSource
from bivalves_hdf.core.sources.openobs import OpenObsSource
from bivalves_hdf.core.sources.sinp_hdf import SinpHdfSource
from bivalves_hdf.core.sources.taxref import TaxrefSource, status_fields, taxon_fields

POLICY = HttpPolicy(rate=1000.0, concurrency=4, retries=3, backoff=0.01, max_backoff=0.05, timeout=2.0)


def http(cancel: CancelToken | None = None) -> HttpClient:
    return HttpClient(RequestsTransport(), POLICY, cancel)


def query(tmp_path, area: str = "region", **options):
    return build_query(RefreshOptions(out=tmp_path / "x.gpkg", area=area, **options), load_reference())


def test_query_taxa_come_from_the_reference(tmp_path) -> None:
    q = query(tmp_path)
    assert {cd_ref for cd_ref, _, _ in TAXA} <= set(q.cd_refs)
    assert {code for _, _, code in TAXA} <= set(q.sandre_codes)
    assert "3044" in q.sandre_codes  # Margaritifera auricularia, a synonym with its own SANDRE code
    assert "Unio crassus" in q.names


def test_openobs_pages_again_when_a_page_changed_and_dedupes_on_uuid(fake_api, tmp_path) -> None:
    fake_api.populate(openobs=700)
    fake_api.openobs_shifted_once = {300}
    fake_api.fail("/openobs/occurrences/search", status(502))
    source = OpenObsSource(http(), fake_api.urls["openobs"], page_size=300)
    seen = []
    result = source.fetch(query(tmp_path), lambda done, total: seen.append((done, total)))
    frame = next(result.tables()).frame
    assert sorted(frame["uuid"]) == sorted(r["uuid"] for r in fake_api.openobs)
    assert result.fetched == result.expected == 700
    assert result.duplicates > 0
    assert any("paging again" in w for w in result.warnings)
    assert seen[-1] == (700, 700)
    assert next(result.tables()).source == "openobs"


def test_openobs_fails_cleanly_when_the_count_never_matches(fake_api, tmp_path) -> None:
    fake_api.populate(openobs=20)
    fake_api.openobs[7]["uuid"] = fake_api.openobs[6]["uuid"]  # 19 distinct of 20 announced, every time
    source = OpenObsSource(http(), fake_api.urls["openobs"], page_size=10, passes=2)
    with pytest.raises(HttpError, match="19 distinct records of 20"):
        source.fetch(query(tmp_path))


def test_openobs_count_is_one_request_per_taxon_batch(fake_api, tmp_path) -> None:
    fake_api.populate(openobs=42)
    source = OpenObsSource(http(), fake_api.urls["openobs"])
    assert source.count(query(tmp_path)) == 42
    assert fake_api.count("/openobs/occurrences/search") == len(source.queries(query(tmp_path))) <= 4
    _, params = fake_api.hits[-1]
    assert params["pageSize"] == ["0"]
    assert params["q"][0].startswith("taxonConceptID:(")
    assert params["wkt"][0].startswith("POLYGON")


def test_gbif_splits_large_queries_by_year_and_dedupes_on_occurrence_id(fake_api, tmp_path) -> None:
    fake_api.populate(gbif=60)
    fake_api.gbif[11]["occurrenceID"] = fake_api.gbif[10]["occurrenceID"]
    source = GbifSource(http(), fake_api.urls["gbif"], page_size=7, max_per_query=10)
    result = source.fetch(query(tmp_path, since=date(1990, 1, 1), until=date(2024, 12, 31)))
    years = {p["year"][0] for path, p in fake_api.hits if path == "/gbif/occurrence/search" and "year" in p}
    assert len(years) > 6
    assert result.expected == 60 and result.fetched == 59 and result.duplicates == 1
    frame = next(result.tables()).frame
    assert set(frame["occurrenceID"]) == {r["occurrenceID"] for r in fake_api.gbif}
    searches = [p for path, p in fake_api.hits if path == "/gbif/occurrence/search"]
    assert all(int(p["limit"][0]) <= 300 for p in searches)
    assert all(p["country"] == ["FR"] and p["taxonKey"] == ["137"] for p in searches)


def test_gbif_without_split_is_one_count_plus_pages(fake_api, tmp_path) -> None:
    fake_api.populate(gbif=25)
    source = GbifSource(http(), fake_api.urls["gbif"], page_size=10)
    assert source.count(query(tmp_path)) == 25
    assert source.fetch(query(tmp_path)).fetched == 25


def test_gbif_splits_by_geometry_when_one_year_is_too_large(fake_api, tmp_path) -> None:
    fake_api.populate(gbif=40)
    for record in fake_api.gbif:
        record["year"] = 2020
    source = GbifSource(http(), fake_api.urls["gbif"], page_size=300, max_per_query=25)
    result = source.fetch(query(tmp_path, area="dept:80"))
    geometries = {p["geometry"][0] for path, p in fake_api.hits if path == "/gbif/occurrence/search"}
    assert len(geometries) >= 3
    assert result.fetched == 40
    with pytest.raises(HttpError, match="narrow the query"):
        GbifSource(http(), fake_api.urls["gbif"], max_per_query=12, max_depth=1).fetch(query(tmp_path, area="dept:80"))


def test_hubeau_without_sandre_codes_keeps_bivalves_by_name(fake_api, tmp_path) -> None:
    from dataclasses import replace

    fake_api.populate(hubeau=6)
    gammarus = {**fake_api.hubeau[0], "code_appel_taxon": "892", "libelle_appel_taxon": "Gammarus",
                "code_lot": "99", "codes_taxons_parents": ["887"], "libelles_taxons_parents": ["Gammaridae"]}
    fake_api.hubeau.append(gammarus)
    result = HubeauSource(http(), fake_api.urls["hubeau"]).fetch(replace(query(tmp_path, area="dept:80"),
                                                                         sandre_codes=()))
    names = set(next(result.tables()).frame["nomCite"])
    assert result.fetched == 6 and "Gammarus" not in names
    assert any("SANDRE" in w for w in result.warnings)
    assert all("code_appel_taxon" not in p for path, p in fake_api.hits if path == "/hubeau/taxons")


def test_hubeau_follows_206_next_and_splits_beyond_the_depth_limit(fake_api, tmp_path) -> None:
    fake_api.populate(hubeau=45)
    source = HubeauSource(http(), fake_api.urls["hubeau"], page_size=4, depth_limit=20)
    result = source.fetch(query(tmp_path, area="dept:80"))
    assert result.fetched == 45 and result.expected == 45
    pages = [p for path, p in fake_api.hits if path == "/hubeau/taxons" and p.get("size") != ["1"]]
    assert any(p.get("page") == ["2"] for p in pages)  # followed `next`
    assert all(p["code_departement"] == ["80"] and p["code_support"] == ["13"] for p in pages)
    stations = result.stations
    assert len(stations) == 7
    assert stations["nbPrelevements"].sum() >= 7
    assert set(stations["taxons"].iloc[0].split(", ")) <= {name for _, name, _ in TAXA}
    table = next(result.tables())
    assert table.source == "hubeau" and table.frame["crs_epsg"].eq("2154").all()


def test_hubeau_stops_on_206_without_next(fake_api, tmp_path, monkeypatch) -> None:
    fake_api.populate(hubeau=5)
    original = fake_api.routes["/hubeau/taxons"]

    def broken(q):
        code, body, headers = original(q)
        return 206, {**body, "next": None}, headers  # BRGM/hubeau#72

    fake_api.routes["/hubeau/taxons"] = broken
    result = HubeauSource(http(), fake_api.urls["hubeau"], page_size=10).fetch(query(tmp_path, area="dept:80"))
    assert result.fetched == 5


def test_sinp_hdf_one_query_per_department_paged(fake_api, tmp_path) -> None:
    fake_api.populate(sinp=30)
    source = SinpHdfSource(http(), fake_api.urls["sinp-hdf"], page_size=4)
    assert source.count(query(tmp_path)) == 30
    result = source.fetch(query(tmp_path, since=date(2001, 1, 1)))
    assert result.fetched == 30
    table = next(result.tables())
    assert table.source == "sinp_hdf" and table.frame["crs_epsg"].eq("2154").all()
    views = {p["VIEWPARAMS"][0] for path, p in fake_api.hits if path == "/sinp/wfs"}
    assert any("DEPT_IDS:59" in v and "GRP_IDS:21" in v and "DATE_DEB:2001-01-01" in v for v in views)
    bbox_query = source.queries(query(tmp_path, area="bbox:640000,6960000,660000,6990000"))
    assert bbox_query[0]["BBOX"] == "640000,6960000,660000,6990000,EPSG:2154"


def test_sinp_hdf_pages_until_a_short_page_when_the_count_is_unknown(fake_api, tmp_path) -> None:
    fake_api.populate(sinp=9)
    original = fake_api.routes["/sinp/wfs"]

    def without_count(q):
        code, body, headers = original(q)
        return code, {k: v for k, v in body.items() if k not in ("numberMatched", "totalFeatures")}, headers

    fake_api.routes["/sinp/wfs"] = without_count
    result = SinpHdfSource(http(), fake_api.urls["sinp-hdf"], page_size=2).fetch(query(tmp_path, area="dept:80"))
    assert result.fetched == len(fake_api.sinp["80"]) == 4
    with pytest.raises(HttpError, match="numberMatched"):
        SinpHdfSource(http(), fake_api.urls["sinp-hdf"]).count(query(tmp_path, area="dept:80"))


def test_cancel_mid_source_stops_within_a_second(fake_api, tmp_path) -> None:
    fake_api.populate(openobs=3000)
    fake_api.latency = 0.2
    token = CancelToken()
    source = OpenObsSource(http(token), fake_api.urls["openobs"], page_size=100)
    threading.Timer(0.5, token.cancel).start()
    started = time.monotonic()
    with pytest.raises(CancelledError):
        source.fetch(query(tmp_path))
    assert time.monotonic() - started < 1.5


def test_areas() -> None:
    region = parse_area("region")
    assert region.departments == ("02", "59", "60", "62", "80")
    xmin, ymin, xmax, ymax = region.bbox_wgs84
    assert 1.2 < xmin < 1.5 and 4.1 < xmax < 4.5 and 48.7 < ymin < 48.9 and 51.0 < ymax < 51.2
    assert parse_area("dept:2").departments == ("02",)
    assert parse_area("59").departments == parse_area("INSEED59").departments == ("59",)
    assert parse_area("INSEER32").kind == "region"
    assert parse_area("bbox:640000,6960000,660000,6990000").bbox_l93 == (640000, 6960000, 660000, 6990000)
    assert parse_area("region").wkt_wgs84().startswith("POLYGON ((")
    for bad in ("dept:75", "bbox:1,2,3", "bbox:660000,6960000,640000,6990000", "nowhere.geojson"):
        with pytest.raises(Exception, match="unknown|bad"):
            parse_area(bad)


def test_polygon_file_area(tmp_path) -> None:
    path = tmp_path / "zone.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {},
                    "geometry": {"type": "Polygon", "coordinates": [[[2.2, 49.8], [2.4, 49.8], [2.4, 49.95],
                                                                     [2.2, 49.95], [2.2, 49.8]]]}}]}))
    area = parse_area(str(path))
    assert area.kind == "polygon" and not area.departments
    xmin, ymin, xmax, ymax = area.bbox_wgs84
    assert abs(xmin - 2.2) < 0.01 and abs(ymax - 49.95) < 0.01


def test_taxref_taxa_children_and_status_lines(fake_api) -> None:
    from fixtures_http import template

    taxon = template("taxref_taxa_search.json")["_embedded"]["taxa"][0]
    fake_api.taxref_taxa = {64440: taxon}
    fake_api.taxref_children = {64440: template("taxref_children.json")["_embedded"]["taxa"]}
    fake_api.taxref_status = template("taxref_status_lines.json")["_embedded"]["status"]
    source = TaxrefSource(http(), fake_api.urls["taxref"])
    taxa = source.taxa([64440, 99999])
    assert [taxon_fields(t)["scientific_name"] for t in taxa] == ["Unio pictorum"]
    fields = taxon_fields(taxa[0])
    assert fields["habitat"] == ("freshwater",) and fields["origin"] == "native" and fields["rank"] == "species"
    assert [taxon_fields(c)["rank"] for c in source.children(64440)] == ["subspecies"]
    fake_api.routes["/taxref/taxa/1/children"] = lambda q: (404, b"", {})
    assert source.children(1) == []
    lines = source.status_lines([64443], locations=("INSEER32", "INSEER22"))
    statuses = [status_fields(line) for line in lines]
    assert {(s["type_code"], s["value"], s["area"]) for s in statuses} == {("PN", "NM2", "ETATFRA"),
                                                                           ("LRR", "EN", "INSEER22")}
    assert all("<" not in s["source"] and "&amp;" not in s["source"] for s in statuses)
    _, params = [h for h in fake_api.hits if h[0] == "/taxref/status/search/lines"][0]
    assert params["size"] == ["10000"] and params["taxrefId"] == ["64443"]


def test_api_payloads_saved_to_files_are_read_back(fake_api, tmp_path) -> None:
    from fixtures_http import template

    openobs = tmp_path / "openobs.json"
    openobs.write_text(json.dumps(template("openobs_search.json")))
    wfs = tmp_path / "wfs.json"
    wfs.write_text(json.dumps(template("sinp_hdf_getfeature.json")))
    (table,) = read_file(openobs)
    assert table.fmt == "openobs_json" and list(table.frame["uuid"])[0].startswith("5f0e6c8e")
    (table,) = read_file(wfs)
    assert table.fmt == "sinp_wfs" and table.frame["crs_epsg"].iloc[0] == "2154"
    assert table.frame["cdRef"].iloc[0] == "64440"
