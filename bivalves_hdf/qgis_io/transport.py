"""The `core.http.Transport` over QGIS's network stack (QgsNetworkAccessManager.blockingGet).

Requests go through QgsNetworkAccessManager, so the user's proxy, SSL and authentication
settings apply; credentials, when a source needs them, come from the QGIS authentication
database through an authcfg id (never from plain settings).

The timeout and the `CancelToken` are enforced here, by the clock of the calling thread, not by
QGIS: each request runs in a Python-made thread of its own (`blockingGet` runs its event loop
there) and the caller waits for it at most `timeout` seconds, looking at the cancel token every
50 ms; a request given up on ends by itself in the background (Qt's transfer timeout, set to the
same `timeout`, aborts it inside its own thread). The request thread creates no Python-owned
QObject that QGIS connects to, and no QgsFeedback or QgsBlockingNetworkRequest made in Python,
on purpose:

- a QgsFeedback cancelled from another thread queues two aborts in QGIS, and when the cancel
  falls before the second is connected, QGIS deletes the reply without it ever finishing and
  `get()` never returns (the 300 s hang of the timeout test on QGIS 3.40; reproduced on 3.22 too);
- objects made in Python are sip subclasses whose connectNotify/disconnectNotify take the GIL:
  QGIS disconnects them under a Qt mutex inside the request, while another Python thread holding
  the GIL can wait for that mutex (a deadlock seen on QGIS 3.40 in a stress run).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping
from typing import Any

from qgis.core import QgsNetworkAccessManager
from qgis.PyQt.QtCore import QEventLoop, QUrl
from qgis.PyQt.QtNetwork import QNetworkReply, QNetworkRequest

from bivalves_hdf.core.http import (
    CancelToken,
    Params,
    Response,
    TransportError,
    TransportTimeoutError,
    full_url,
)

POLL = 0.05  # seconds between two looks at the cancel token while waiting


def _blocking_get(target: str, headers: Mapping[str, str], timeout: float, authcfg: str) -> Any:
    """One GET with QGIS's network stack, in the calling (Python-made) thread: a QgsNetworkReplyContent."""
    # A thread made by Python has no Qt event dispatcher until an event loop is made there; without
    # one the timers QGIS and Qt start for the request (network timeout) silently never run.
    QEventLoop()
    request = QNetworkRequest(QUrl(target))
    for name, value in headers.items():
        request.setRawHeader(name.encode("latin-1"), str(value).encode("latin-1"))
    request.setTransferTimeout(max(1, int(timeout * 1000)))  # Qt aborts a silent transfer in this thread
    return QgsNetworkAccessManager.blockingGet(request, authcfg, True, None)


class QgisTransport:
    """GET through QGIS (proxy, SSL, auth); `authcfg` is a QGIS authentication config id."""

    def __init__(self, authcfg: str = "") -> None:
        self.authcfg = authcfg

    def get(
        self, url: str, params: Params | None, headers: Mapping[str, str], timeout: float,
        cancel: CancelToken | None = None,
    ) -> Response:
        target = full_url(url, params)
        if cancel is not None:
            cancel.check()
        outcome: dict[str, Any] = {}
        done = threading.Event()

        def fetch() -> None:
            try:
                outcome["reply"] = _blocking_get(target, dict(headers), timeout, self.authcfg)
            except BaseException as error:  # noqa: BLE001 - re-raised in the waiting thread
                outcome["error"] = error
            finally:
                done.set()

        threading.Thread(target=fetch, name="bivalves_hdf-http", daemon=True).start()
        deadline = time.monotonic() + timeout
        while not done.wait(max(0.0, min(POLL, deadline - time.monotonic()))):
            if cancel is not None:
                cancel.check()  # the request thread ends by itself (transfer timeout or answer)
            if time.monotonic() >= deadline:
                raise TransportTimeoutError(f"No answer from {target} within {timeout:g} s")
        if "error" in outcome:
            raise outcome["error"]
        if cancel is not None:
            cancel.check()
        return _response(outcome["reply"], target, timeout)


def _response(reply: Any, target: str, timeout: float) -> Response:
    """A QgsNetworkReplyContent as a `Response`; TransportError when no usable answer came."""
    error = reply.error()
    if error == QNetworkReply.NetworkError.OperationCanceledError:  # Qt's transfer timeout
        raise TransportTimeoutError(f"No answer from {target} within {timeout:g} s")
    status = reply.attribute(QNetworkRequest.Attribute.HttpStatusCodeAttribute)
    if not status:
        raise TransportError(f"Connection to {target} failed: {reply.errorString()}")
    if error != QNetworkReply.NetworkError.NoError and 200 <= int(status) < 300:
        raise TransportError(f"Connection to {target} broke: {reply.errorString()}")
    response_headers = {
        bytes(name).decode("latin-1").lower(): bytes(reply.rawHeader(name)).decode("latin-1")
        for name in reply.rawHeaderList()
    }
    final_url = reply.request().url().toString() or target
    return Response(int(status), response_headers, bytes(reply.content()), final_url)
