"""The QGIS network transport against the loopback server: faults, cancel, QGIS proxy, authcfg."""

from __future__ import annotations

import base64
import http.client
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest
from fixtures_http import Fault, status
from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsNetworkAccessManager, QgsSettings

from bivalves_hdf.core.http import (
    CancelledError,
    CancelToken,
    HttpClient,
    HttpError,
    HttpPolicy,
    TransportTimeoutError,
)
from bivalves_hdf.core.refresh import RefreshOptions, run_refresh
from bivalves_hdf.core.store import read_occurrences
from bivalves_hdf.qgis_io import transport
from bivalves_hdf.qgis_io.transport import QgisTransport

PATH = "/openobs/occurrences/search"
POLICY = HttpPolicy(rate=1000.0, concurrency=4, retries=3, backoff=0.01, max_backoff=0.05, timeout=1.0)


class ForwardingProxy:
    """A small HTTP proxy on loopback that forwards absolute-URI GETs and counts them."""

    def __init__(self) -> None:
        self.forwarded: list[str] = []
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                target = urlsplit(self.path)
                proxy.forwarded.append(self.path)
                connection = http.client.HTTPConnection(target.hostname, target.port, timeout=10)
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("proxy-connection", "host")}
                connection.request("GET", target.path + (f"?{target.query}" if target.query else ""), headers=headers)
                answer = connection.getresponse()
                body = answer.read()
                self.send_response(answer.status)
                for name, value in answer.getheaders():
                    if name.lower() not in ("transfer-encoding", "connection", "content-length"):
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                connection.close()

            def log_message(self, *args) -> None:
                return None

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def qgis_proxy(qgis_app):
    proxy = ForwardingProxy()
    settings = QgsSettings()
    keys = {"proxy/proxyEnabled": True, "proxy/proxyType": "HttpProxy", "proxy/proxyHost": "127.0.0.1",
            "proxy/proxyPort": str(proxy.port), "proxy/proxyExcludedUrls": "", "proxy/noProxyUrls": ""}
    saved = {key: settings.value(key) for key in keys}
    for key, value in keys.items():
        settings.setValue(key, value)
    QgsNetworkAccessManager.instance().setupDefaultProxyAndCache()
    yield proxy
    for key, value in saved.items():
        if value is None:
            settings.remove(key)
        else:
            settings.setValue(key, value)
    QgsNetworkAccessManager.instance().setupDefaultProxyAndCache()
    proxy.stop()


def qgis_client(cancel: CancelToken | None = None, authcfg: str = "", **changes) -> HttpClient:
    policy = HttpPolicy(**{**POLICY.__dict__, **changes})
    return HttpClient(QgisTransport(authcfg), policy, cancel)


@pytest.mark.parametrize("fault", [status(500), status(502), status(503), status(429, "1"),
                                   Fault("timeout", delay=2.0), Fault("reset"), Fault("truncate"),
                                   Fault("html200")],
                         ids=["500", "502", "503", "429", "timeout", "reset", "truncated", "html200"])
def test_qgis_transport_recovers_from_each_fault(qgis_app, fake_api, fault) -> None:
    fake_api.populate(openobs=12)
    fake_api.fail(PATH, fault)
    page = qgis_client().get_json(fake_api.base_url + PATH, {"startIndex": 0, "pageSize": 12})
    assert [r["uuid"] for r in page.data["occurrences"]] == [r["uuid"] for r in fake_api.openobs]
    assert fake_api.count(PATH) == 2


def test_qgis_transport_fails_cleanly_and_passes_client_errors(qgis_app, fake_api) -> None:
    fake_api.fail(PATH, *[Fault("html200")] * 5)
    with pytest.raises(HttpError, match="HTML"):
        qgis_client().get_json(fake_api.base_url + PATH)
    with pytest.raises(HttpError, match="HTTP 404"):
        qgis_client().get_json(fake_api.base_url + "/nowhere")


def test_qgis_transport_cancel_within_a_second(qgis_app, fake_api) -> None:
    fake_api.fail(PATH, Fault("timeout", delay=5.0))
    token = CancelToken()
    threading.Timer(0.3, token.cancel).start()
    started = time.monotonic()
    with pytest.raises(CancelledError):
        qgis_client(token, timeout=30.0).get_json(fake_api.base_url + PATH)
    assert time.monotonic() - started < 1.3


def test_qgis_transport_timeout_from_the_main_thread(qgis_app, fake_api) -> None:
    fake_api.fail(PATH, Fault("timeout", delay=5.0))
    started = time.monotonic()
    with pytest.raises(TransportTimeoutError):
        QgisTransport().get(fake_api.base_url + PATH, None, {}, 0.5)
    assert time.monotonic() - started < 1.5


def test_qgis_transport_timeout_holds_even_if_qgis_never_returns(qgis_app, monkeypatch) -> None:
    """The caller's clock, not QGIS, ends the wait (QGIS can lose an abort and never return)."""
    monkeypatch.setattr(transport, "_blocking_get", lambda *args: time.sleep(10))
    started = time.monotonic()
    with pytest.raises(TransportTimeoutError):
        QgisTransport().get("http://127.0.0.1:9/never", None, {}, 0.5)
    assert time.monotonic() - started < 0.9


def test_a_request_given_up_on_ends_by_itself(qgis_app, fake_api, monkeypatch) -> None:
    """Qt's transfer timeout ends the abandoned request in its own thread: no thread is left waiting."""
    threads = []
    original = transport._blocking_get

    def recorded(*args):
        threads.append(threading.current_thread())
        return original(*args)

    monkeypatch.setattr(transport, "_blocking_get", recorded)
    fake_api.fail(PATH, Fault("timeout", delay=5.0))
    with pytest.raises(TransportTimeoutError):
        QgisTransport().get(fake_api.base_url + PATH, None, {}, 0.5)
    threads[0].join(2.0)
    assert not threads[0].is_alive()


def test_requests_go_through_the_proxy_set_in_qgis(qgis_app, fake_api, qgis_proxy) -> None:
    fake_api.populate(openobs=5)
    page = qgis_client().get_json(fake_api.base_url + PATH, {"pageSize": 5})
    assert len(page.data["occurrences"]) == 5
    assert len(qgis_proxy.forwarded) == 1 and qgis_proxy.forwarded[0].startswith(fake_api.base_url + PATH)


def test_refresh_of_all_sources_through_qgis_and_its_proxy(qgis_app, fake_api, qgis_proxy, tmp_path) -> None:
    fake_api.populate(openobs=20, gbif=15, hubeau=12, sinp=8)
    fake_api.fail(PATH, status(503))
    out = tmp_path / "q.gpkg"
    summary = run_refresh(RefreshOptions(out=out, urls=fake_api.urls, policy=POLICY), transport=QgisTransport())
    assert summary.ok, summary.lines()
    assert len(read_occurrences(out)) == 55
    assert len(qgis_proxy.forwarded) == len(fake_api.hits)


def test_credentials_come_from_the_qgis_authentication_database(qgis_app, fake_api) -> None:
    manager = QgsApplication.authManager()
    # the test profile's auth DB (.qgis-settings); any test using authcfgs must use this master password
    assert manager.masterPasswordIsSet() or manager.setMasterPassword("test-master-password", True)
    config = QgsAuthMethodConfig("Basic")
    config.setName("bivalves test")
    config.setConfig("username", "agent")
    config.setConfig("password", "s3cret")
    assert manager.storeAuthenticationConfig(config)[0]
    fake_api.populate(openobs=1)
    try:
        qgis_client(authcfg=config.id()).get_json(fake_api.base_url + PATH)
    finally:
        manager.removeAuthenticationConfig(config.id())
    expected = "Basic " + base64.b64encode(b"agent:s3cret").decode("ascii")
    assert fake_api.headers[-1].get("authorization") == expected


def _run_task(task, seconds: float = 30.0) -> None:
    from qgis.core import QgsTask
    from qgis.PyQt.QtCore import QCoreApplication

    QgsApplication.taskManager().addTask(task)
    deadline = time.monotonic() + seconds
    while task.status() not in (QgsTask.TaskStatus.Complete, QgsTask.TaskStatus.Terminated):
        QCoreApplication.processEvents()
        assert time.monotonic() < deadline, "task did not end"
        time.sleep(0.01)
    for _ in range(20):  # let finished() run
        QCoreApplication.processEvents()


def test_refresh_task_reports_counts_and_estimate_task_counts(qgis_app, qgis_iface, fake_api, tmp_path) -> None:
    from bivalves_hdf.qgis_io.tasks import EstimateTask, RefreshTask

    fake_api.populate(openobs=10, gbif=6, hubeau=4, sinp=2)
    options = RefreshOptions(out=tmp_path / "t.gpkg", urls=fake_api.urls, policy=POLICY)
    counted = []
    estimate = EstimateTask(options, qgis_iface, counted.append)
    _run_task(estimate)
    assert counted == [{"openobs": 10, "sinp-hdf": 2, "gbif": 6, "hubeau": 4}]
    done = []
    task = RefreshTask(options, qgis_iface, done=done.append)
    _run_task(task)
    assert done and done[0].ok and done[0].written
    assert len(read_occurrences(options.out)) == 22


def test_refresh_task_cancel_leaves_the_geopackage_untouched(qgis_app, qgis_iface, fake_api, tmp_path) -> None:
    from bivalves_hdf.qgis_io.tasks import RefreshTask

    fake_api.populate(sinp=3)
    out = tmp_path / "t.gpkg"
    assert run_refresh(RefreshOptions(out=out, sources="sinp-hdf", urls=fake_api.urls, policy=POLICY)).ok
    before = out.read_bytes()
    fake_api.populate(openobs=2000)
    fake_api.latency = 0.3
    done = []
    task = RefreshTask(RefreshOptions(out=out, sources="openobs", urls=fake_api.urls, policy=POLICY), qgis_iface,
                       done=done.append)
    threading.Timer(0.8, task.cancel).start()
    started = time.monotonic()
    _run_task(task)
    assert time.monotonic() - started < 0.8 + 1.5
    assert done == [None] or done[0].cancelled
    assert out.read_bytes() == before
