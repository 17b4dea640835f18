"""The `core.http.Transport` over QGIS's network stack (QgsBlockingNetworkRequest).

Requests go through QgsNetworkAccessManager, so the user's proxy, SSL and authentication
settings apply; credentials, when a source needs them, come from the QGIS authentication
database through an authcfg id (never from plain settings). A per-request timeout and the
`CancelToken` both abort the request through a QgsFeedback. Called from worker threads (the
HttpClient runs every request in one): QgsBlockingNetworkRequest then runs its own event loop.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping

from qgis.core import QgsBlockingNetworkRequest, QgsFeedback
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtNetwork import QNetworkRequest

from bivalves_hdf.core.http import (
    CancelToken,
    Params,
    Response,
    TransportError,
    TransportTimeoutError,
    full_url,
)


class QgisTransport:
    """GET through QGIS (proxy, SSL, auth); `authcfg` is a QGIS authentication config id."""

    def __init__(self, authcfg: str = "") -> None:
        self.authcfg = authcfg

    def get(
        self, url: str, params: Params | None, headers: Mapping[str, str], timeout: float,
        cancel: CancelToken | None = None,
    ) -> Response:
        target = full_url(url, params)
        request = QNetworkRequest(QUrl(target))
        for name, value in headers.items():
            request.setRawHeader(name.encode("latin-1"), str(value).encode("latin-1"))
        blocking = QgsBlockingNetworkRequest()
        if self.authcfg:
            blocking.setAuthCfg(self.authcfg)
        feedback = QgsFeedback()
        timed_out = threading.Event()

        def expire() -> None:
            timed_out.set()
            feedback.cancel()

        timer = threading.Timer(timeout, expire)
        timer.daemon = True
        unregister = cancel.on_cancel(feedback.cancel) if cancel is not None else (lambda: None)
        timer.start()
        try:
            code = blocking.get(request, True, feedback)
        finally:
            timer.cancel()
            unregister()
        if timed_out.is_set() or code == QgsBlockingNetworkRequest.ErrorCode.TimeoutError:
            raise TransportTimeoutError(f"No answer from {target} within {timeout:g} s")
        if cancel is not None and cancel.cancelled:
            cancel.check()
        reply = blocking.reply()
        status = reply.attribute(QNetworkRequest.Attribute.HttpStatusCodeAttribute)
        if not status:
            raise TransportError(f"Connection to {target} failed: {blocking.errorMessage()}")
        if code != QgsBlockingNetworkRequest.ErrorCode.NoError and 200 <= int(status) < 300:
            raise TransportError(f"Connection to {target} broke: {blocking.errorMessage()}")
        response_headers = {
            bytes(name).decode("latin-1").lower(): bytes(reply.rawHeader(name)).decode("latin-1")
            for name in reply.rawHeaderList()
        }
        final_url = reply.request().url().toString() if reply.request() is not None else target
        return Response(int(status), response_headers, bytes(reply.content()), final_url or target)
