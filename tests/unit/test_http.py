"""HttpClient against a real loopback server injecting faults: recover fully or fail cleanly."""

from __future__ import annotations

import threading
import time
from email.utils import formatdate

import pytest
from fixtures_http import Fault, status

from bivalves_hdf.core.http import (
    BadPayloadError,
    CancelledError,
    CancelToken,
    HttpClient,
    HttpError,
    HttpPolicy,
    HttpStatusError,
    PageCache,
    Request,
    RequestsTransport,
    Response,
    decode_json,
    parse_retry_after,
)

PATH = "/openobs/occurrences/search"


def fast(**changes) -> HttpPolicy:
    values = {"rate": 1000.0, "concurrency": 4, "retries": 3, "backoff": 0.01, "max_backoff": 0.05, "timeout": 2.0}
    values.update(changes)
    return HttpPolicy(**values)


def client(policy: HttpPolicy | None = None, **kwargs) -> HttpClient:
    return HttpClient(RequestsTransport(), policy or fast(), **kwargs)


def search(api, start: int = 0, size: int = 10):
    return client().get_json(api.base_url + PATH, {"startIndex": start, "pageSize": size})


@pytest.mark.parametrize("fault", [status(500), status(502), status(503), Fault("timeout", delay=1.0),
                                   Fault("reset"), Fault("truncate"), Fault("html200")],
                         ids=["500", "502", "503", "timeout", "reset", "truncated", "html200"])
def test_each_fault_recovers_with_every_record(fake_api, fault) -> None:
    fake_api.populate(openobs=25)
    fake_api.fail(PATH, fault, fault)
    page = client(fast(timeout=0.4)).get_json(fake_api.base_url + PATH, {"startIndex": 0, "pageSize": 25})
    assert [r["uuid"] for r in page.data["occurrences"]] == [r["uuid"] for r in fake_api.openobs]
    assert fake_api.count(PATH) == 3


@pytest.mark.parametrize("fault", [status(503), Fault("truncate"), Fault("html200"), Fault("reset")],
                         ids=["503", "truncated", "html200", "reset"])
def test_a_persistent_fault_fails_cleanly_after_the_retries(fake_api, fault) -> None:
    fake_api.populate(openobs=5)
    fake_api.fail(PATH, *[fault] * 10)
    with pytest.raises(HttpError, match="gave up after 4 attempts"):
        search(fake_api)
    assert fake_api.count(PATH) == 4


def test_an_html_page_served_with_200_is_never_data() -> None:
    page = Response(200, {"content-type": "text/html"}, b"<html><body>Erreur</body></html>", "http://x")
    with pytest.raises(BadPayloadError, match="HTML"):
        decode_json(page)
    with pytest.raises(BadPayloadError, match="Truncated"):
        decode_json(Response(200, {"content-length": "40"}, b'{"a": 1}', "http://x"))
    with pytest.raises(BadPayloadError, match="valid JSON"):
        decode_json(Response(200, {}, b'{"a": [1, 2', "http://x"))
    assert decode_json(Response(200, {"content-length": "8"}, b'{"a": 1}', "http://x")) == {"a": 1}
    gzipped = {"content-length": "5", "content-encoding": "gzip"}  # the length of the compressed body
    assert decode_json(Response(200, gzipped, b'{"a": 1}', "http://x")) == {"a": 1}


def test_a_client_error_is_not_retried(fake_api) -> None:
    with pytest.raises(HttpStatusError) as caught:
        client().get_json(fake_api.base_url + "/nowhere")
    assert caught.value.status == 404
    assert fake_api.count("/nowhere") == 1


def test_429_waits_for_retry_after(fake_api) -> None:
    fake_api.populate(openobs=3)
    fake_api.fail(PATH, status(429, "1"))
    started = time.monotonic()
    page = search(fake_api)
    assert time.monotonic() - started >= 0.95
    assert len(page.data["occurrences"]) == 3


def test_retry_after_as_an_http_date() -> None:
    assert 8 <= parse_retry_after(formatdate(time.time() + 10, usegmt=True)) <= 10.5
    assert parse_retry_after("7") == 7
    assert parse_retry_after("") == 0
    assert parse_retry_after("soon") == 0


def test_cancel_interrupts_a_retry_after_wait_within_a_second(fake_api) -> None:
    fake_api.fail(PATH, status(503, "60"))
    token = CancelToken()
    threading.Timer(0.3, token.cancel).start()
    started = time.monotonic()
    with pytest.raises(CancelledError):
        client(cancel=token).get_json(fake_api.base_url + PATH)
    assert time.monotonic() - started < 1.3


def test_cancel_interrupts_a_stalled_request_within_a_second(fake_api) -> None:
    fake_api.fail(PATH, Fault("timeout", delay=5.0))
    token = CancelToken()
    threading.Timer(0.3, token.cancel).start()
    started = time.monotonic()
    with pytest.raises(CancelledError):
        client(fast(timeout=30.0), cancel=token).get_json(fake_api.base_url + PATH)
    assert time.monotonic() - started < 1.3


def test_rate_limit_spaces_requests_per_host(fake_api) -> None:
    fake_api.populate(openobs=1)
    http = client(fast(rate=10.0))
    started = time.monotonic()
    pages = list(http.map_json([Request(fake_api.base_url + PATH, {"startIndex": i}) for i in range(11)]))
    assert len(pages) == 11
    assert time.monotonic() - started >= 0.95


def test_concurrency_is_bounded_and_order_kept(fake_api) -> None:
    fake_api.populate(openobs=8)
    fake_api.latency = 0.2
    http = client(fast(concurrency=2))
    started = time.monotonic()
    pages = list(http.map_json([Request(fake_api.base_url + PATH, {"startIndex": i, "pageSize": 1}) for i in range(4)]))
    elapsed = time.monotonic() - started
    assert [p.data["occurrences"][0]["uuid"] for p in pages] == [r["uuid"] for r in fake_api.openobs[:4]]
    assert 0.38 <= elapsed < 0.75  # two rounds of two: neither serial (0.8 s) nor all at once (0.2 s)


def test_disk_cache_resumes_without_asking_again(fake_api, tmp_path) -> None:
    fake_api.populate(openobs=10)
    requests = [Request(fake_api.base_url + PATH, {"startIndex": i, "pageSize": 2}) for i in (0, 2, 4)]
    first = [p.data for p in client(cache=PageCache(tmp_path)).map_json(requests)]
    hits = fake_api.count(PATH)
    again = list(client(cache=PageCache(tmp_path)).map_json(requests))
    assert [p.data for p in again] == first
    assert all(p.from_cache for p in again)
    assert fake_api.count(PATH) == hits
    PageCache(tmp_path).clear()
    list(client(cache=PageCache(tmp_path)).map_json(requests))
    assert fake_api.count(PATH) == hits + 3


def test_old_page_folders_are_pruned(tmp_path) -> None:
    import os

    old, fresh = tmp_path / "old", tmp_path / "fresh"
    PageCache(old).store("k", 200, {"a": 1})
    PageCache(fresh).store("k", 200, {"a": 2})
    past = time.time() - 3 * 24 * 3600
    for path in [old, *old.rglob("*")]:
        os.utime(path, (past, past))
    PageCache.prune(tmp_path)
    assert not old.exists() and PageCache(fresh).load("k") == (200, {"a": 2})
    assert PageCache(tmp_path / "gone").load("k") is None
