"""The `core.http.Transport` over QGIS's network stack (QgsBlockingNetworkRequest).

Requests go through QgsNetworkAccessManager, so the user's proxy, SSL and authentication
settings apply; credentials, when a source needs them, come from the QGIS authentication
database through an authcfg id (never from plain settings). Called from worker threads (the
HttpClient runs every request in one): QgsBlockingNetworkRequest then runs its own event loop
in that thread. A call from the main thread is moved to a Python-made thread.

The per-request timeout and the `CancelToken` are enforced by `_Watchdog`, a QTimer of the
calling thread that fires inside that event loop: it cancels the request's QgsFeedback (QGIS
then aborts the reply) and, if QGIS's loop still runs a second later, ends the loop itself. A
QgsFeedback cancelled from another thread is not enough: QGIS queues two aborts, and when the
cancel falls before the reply's own abort is connected, the reply is deleted without ever
finishing and `get()` never returns (seen once on QGIS 3.40: a 300 s hang of the timeout test).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping

from qgis.core import QgsBlockingNetworkRequest, QgsFeedback
from qgis.PyQt.QtCore import QEventLoop, QTimer, QUrl
from qgis.PyQt.QtNetwork import QNetworkRequest

from bivalves_hdf.core.http import (
    CancelToken,
    Params,
    Response,
    TransportError,
    TransportTimeoutError,
    full_url,
)
from bivalves_hdf.qgis_io.compat import call_in_python_thread

POLL_MS = 50  # how often the watchdog looks at the clock and the cancel token
FORCE_AFTER = 1.0  # seconds after the abort before the watchdog ends QGIS's loop itself


class _Watchdog:
    """Ends a QgsBlockingNetworkRequest at its deadline or on cancel, from inside its own event loop.

    The QTimer belongs to the calling thread, so it fires only while QgsBlockingNetworkRequest runs
    its loop there, after the request is sent: the feedback is cancelled in that thread, QGIS's
    abort slots run at once and in order. `reason` is "" (not fired), "timeout" or "cancelled".
    """

    def __init__(self, blocking: QgsBlockingNetworkRequest, feedback: QgsFeedback, timeout: float,
                 cancel: CancelToken | None) -> None:
        QEventLoop()  # a Python-made thread has no Qt event dispatcher until a loop is made; QTimer needs one
        self.blocking, self.feedback, self.cancel = blocking, feedback, cancel
        self.deadline = time.monotonic() + timeout
        self.force_at = 0.0
        self.reason = ""
        self.timer = QTimer()
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.monotonic()
        if not self.reason:
            if self.cancel is not None and self.cancel.cancelled:
                self.reason = "cancelled"
            elif now >= self.deadline:
                self.reason = "timeout"
            else:
                return
            self.force_at = now + FORCE_AFTER
            self.feedback.cancel()
        elif now >= self.force_at:  # QGIS did not end its loop after the abort: end it (the loop quits on finished)
            self.timer.stop()
            self.blocking.finished.emit()

    def stop(self) -> None:
        self.timer.stop()


class QgisTransport:
    """GET through QGIS (proxy, SSL, auth); `authcfg` is a QGIS authentication config id."""

    def __init__(self, authcfg: str = "") -> None:
        self.authcfg = authcfg

    def get(
        self, url: str, params: Params | None, headers: Mapping[str, str], timeout: float,
        cancel: CancelToken | None = None,
    ) -> Response:
        if threading.current_thread() is threading.main_thread():
            # from the main thread QGIS would download in a thread of its own, out of the watchdog's reach
            return call_in_python_thread(self.get, url, params, headers, timeout, cancel)
        target = full_url(url, params)
        request = QNetworkRequest(QUrl(target))
        for name, value in headers.items():
            request.setRawHeader(name.encode("latin-1"), str(value).encode("latin-1"))
        if cancel is not None:
            cancel.check()
        blocking = QgsBlockingNetworkRequest()
        if self.authcfg:
            blocking.setAuthCfg(self.authcfg)
        feedback = QgsFeedback()
        watchdog = _Watchdog(blocking, feedback, timeout, cancel)
        try:
            code = blocking.get(request, True, feedback)
        finally:
            watchdog.stop()
        if cancel is not None:
            cancel.check()
        if watchdog.reason == "timeout" or code == QgsBlockingNetworkRequest.ErrorCode.TimeoutError:
            raise TransportTimeoutError(f"No answer from {target} within {timeout:g} s")
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
