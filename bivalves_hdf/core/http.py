"""HTTP for the web sources: a transport interface, polite rate limits, retries, cancel, page cache.

A `Transport` performs one GET and returns a `Response` (or raises `TransportTimeoutError` /
`TransportError`); `RequestsTransport` is the command-line one, `qgis_io.transport` the QGIS one
(the user's proxy, SSL and authentication settings). `HttpClient` wraps any transport with:
a per-host rate limit (default 3 requests/s), bounded concurrency, retries with exponential
backoff and jitter on 429, 5xx, timeouts, connection resets and undecodable bodies (honouring
Retry-After), strict JSON decoding (an HTML page served with 200 or a truncated body is an
error, never data), a `CancelToken` that stops any wait within a fraction of a second, and a
disk cache of decoded pages so that a re-run after a failure resumes where it stopped.
"""

from __future__ import annotations

import contextlib
import email.utils
import hashlib
import itertools
import json
import logging
import random
import shutil
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlencode, urlsplit

from ..__about__ import USER_AGENT
from .errors import BivalvesError

LOG = logging.getLogger("bivalves_hdf.http")

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
Params = Mapping[str, Any]


# --- errors -------------------------------------------------------------------------------


class HttpError(BivalvesError):
    """A request that could not give usable data (after retries when they apply)."""


class TransportError(HttpError):
    """Connection refused or reset, DNS failure, broken body: worth retrying."""


class TransportTimeoutError(TransportError):
    """No answer (or no complete body) within the timeout."""


class HttpStatusError(HttpError):
    """An HTTP status the caller does not accept."""

    def __init__(self, status: int, url: str, detail: str = "") -> None:
        self.status = status
        self.url = url
        super().__init__(f"HTTP {status} from {url}{': ' + detail if detail else ''}")


class BadPayloadError(HttpError):
    """A body that is not the expected JSON (truncated, or an HTML error page)."""


class CancelledError(BivalvesError):
    """The user cancelled the job."""

    def __init__(self, message: str = "CancelledError by the user") -> None:
        super().__init__(message)


# --- transport ------------------------------------------------------------------------------


@dataclass
class Response:
    """One HTTP answer: status, headers (lower-case names), raw body and final URL."""

    status: int
    headers: dict[str, str]
    body: bytes
    url: str

    def header(self, name: str, default: str = "") -> str:
        return self.headers.get(name.lower(), default)


class Transport(Protocol):
    """Performs one GET; raises TransportTimeoutError/TransportError, never retries by itself."""

    def get(
        self, url: str, params: Params | None, headers: Mapping[str, str], timeout: float,
        cancel: CancelToken | None = None,
    ) -> Response: ...


def full_url(url: str, params: Params | None) -> str:
    """The URL with its query string (lists repeat the parameter), for logs and cache keys."""
    if not params:
        return url
    query = urlencode([(k, v) for k, v in _param_items(params)])
    return f"{url}{'&' if '?' in url else '?'}{query}"


def _param_items(params: Params) -> list[tuple[str, str]]:
    items = []
    for key, value in params.items():
        if value is None:
            continue
        values = value if isinstance(value, (list, tuple)) else [value]
        items.extend((key, str(v)) for v in values)
    return items


class RequestsTransport:
    """The command-line transport (requests), always with a timeout; one connection pool shared by threads."""

    def __init__(self, verify: bool | str = True, pool_size: int = 16) -> None:
        import requests  # noqa: PLC0415 - only the CLI path needs it

        self._requests = requests
        self.session = requests.Session()
        adapter = requests.adapters.HTTPAdapter(pool_connections=pool_size, pool_maxsize=pool_size)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self.verify = verify

    def get(
        self, url: str, params: Params | None, headers: Mapping[str, str], timeout: float,
        cancel: CancelToken | None = None,
    ) -> Response:
        exc_mod = self._requests.exceptions
        try:
            reply = self.session.get(
                url, params=_param_items(params or {}), headers=dict(headers), timeout=timeout, verify=self.verify
            )
            body = reply.content  # reads the whole body: a reset mid-body raises here
        except (exc_mod.Timeout, TimeoutError) as exc:
            raise TransportTimeoutError(f"No answer from {url} within {timeout:g} s") from exc
        except (exc_mod.ConnectionError, exc_mod.ChunkedEncodingError, exc_mod.ContentDecodingError, OSError) as exc:
            raise TransportError(f"Connection to {url} failed: {exc}") from exc
        return Response(reply.status_code, {k.lower(): v for k, v in reply.headers.items()}, body, reply.url)


# --- cancel ------------------------------------------------------------------------------


class CancelToken:
    """Set once by the user; every wait of the HTTP layer polls it."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._callbacks: list[Callable[[], None]] = []
        self._lock = threading.Lock()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def cancel(self) -> None:
        with self._lock:
            self._event.set()
            callbacks = list(self._callbacks)
        for callback in callbacks:
            callback()

    def on_cancel(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Call `callback` when cancelled (at once if already); returns an unregister function."""
        with self._lock:
            if not self._event.is_set():
                self._callbacks.append(callback)
                return lambda: self._remove(callback)
        callback()
        return lambda: None

    def _remove(self, callback: Callable[[], None]) -> None:
        with self._lock, contextlib.suppress(ValueError):
            self._callbacks.remove(callback)

    def check(self) -> None:
        if self._event.is_set():
            raise CancelledError()

    def sleep(self, seconds: float) -> None:
        """Sleep, waking at once (with CancelledError) if the token is set."""
        if seconds > 0 and self._event.wait(seconds):
            raise CancelledError()
        self.check()



# --- rate limit ------------------------------------------------------------------------------


class RateLimiter:
    """At most `rate` requests per second per host (evenly spaced, thread-safe)."""

    def __init__(self, rate: float) -> None:
        self.interval = 1.0 / rate if rate and rate > 0 else 0.0
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def acquire(self, host: str, cancel: CancelToken) -> None:
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._next.get(host, now))
            self._next[host] = slot + self.interval
        cancel.sleep(slot - time.monotonic())

    def penalise(self, host: str, seconds: float) -> None:
        """Hold every request to `host` for `seconds` (a 429 or 503 with Retry-After)."""
        with self._lock:
            self._next[host] = max(self._next.get(host, 0.0), time.monotonic() + seconds)


# --- page cache ---------------------------------------------------------------------------


class PageCache:
    """Decoded JSON pages on disk, keyed by URL and parameters."""

    def __init__(self, directory: Path, max_age: float = 24 * 3600) -> None:
        self.directory = Path(directory)
        self.max_age = max_age

    def _path(self, key: str) -> Path:
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
        return self.directory / digest[:2] / f"{digest}.json"

    def load(self, key: str) -> tuple[int, Any] | None:
        path = self._path(key)
        try:
            if time.time() - path.stat().st_mtime > self.max_age:
                return None
            entry = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return int(entry["status"]), entry["data"]

    def store(self, key: str, status: int, data: Any) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{threading.get_ident()}.tmp")
        tmp.write_text(json.dumps({"key": key, "status": status, "data": data}), encoding="utf-8")
        tmp.replace(path)

    def clear(self) -> None:
        """Forget every page (after a complete refresh, so the next one fetches fresh data)."""
        shutil.rmtree(self.directory, ignore_errors=True)

    @staticmethod
    def prune(root: Path, max_age: float = 24 * 3600) -> None:
        """Remove the page folders under `root` not touched for `max_age` seconds (abandoned runs)."""
        if not Path(root).is_dir():
            return
        for folder in Path(root).iterdir():
            with contextlib.suppress(OSError):
                newest = max(p.stat().st_mtime for p in [folder, *folder.rglob("*")])
                if folder.is_dir() and time.time() - newest > max_age:
                    shutil.rmtree(folder, ignore_errors=True)


# --- client -----------------------------------------------------------------------------------


@dataclass
class HttpPolicy:
    """Tunables of `HttpClient` (tests and benchmarks shorten them)."""

    rate: float = 3.0  # requests per second per host
    concurrency: int = 4  # requests in flight per client
    retries: int = 5  # extra attempts after the first
    backoff: float = 1.0  # first retry delay (s), doubled each time, with jitter
    max_backoff: float = 60.0
    max_retry_after: float = 300.0
    timeout: float = 30.0  # per request (s)
    user_agent: str = USER_AGENT


@dataclass
class JsonPage:
    """A decoded JSON answer with its status and URL."""

    status: int
    data: Any
    url: str
    from_cache: bool = False


@dataclass
class Request:
    """One GET to perform."""

    url: str
    params: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    accept: tuple[int, ...] = (200,)
    cache: bool = True


class HttpClient:
    """Polite, retrying, cancellable JSON over any `Transport`."""

    def __init__(
        self,
        transport: Transport | None = None,
        policy: HttpPolicy | None = None,
        cancel: CancelToken | None = None,
        cache: PageCache | None = None,
    ) -> None:
        self.transport = transport if transport is not None else RequestsTransport()
        self.policy = policy or HttpPolicy()
        self.cancel = cancel or CancelToken()
        self.cache = cache
        self.limiter = RateLimiter(self.policy.rate)
        self._slots = threading.BoundedSemaphore(max(1, self.policy.concurrency))
        self.requests_sent = 0
        self._count_lock = threading.Lock()

    # public API ----------------------------------------------------------------------------

    def get_json(
        self, url: str, params: Params | None = None, headers: Mapping[str, str] | None = None,
        accept: Iterable[int] = (200,), cache: bool = True,
    ) -> JsonPage:
        """GET and decode JSON (retrying); returns within a second of a cancel."""
        request = Request(url, dict(params or {}), dict(headers or {}), tuple(accept), cache)
        return _Job(lambda: self._fetch(request)).wait(self.cancel)

    def map_json(self, requests: Iterable[Request]) -> Iterator[JsonPage]:
        """Fetch many pages concurrently (at most `concurrency` in flight), yielded in order."""
        pending = iter(requests)
        width = max(1, self.policy.concurrency)
        window: deque[_Job] = deque(_Job(lambda r=r: self._fetch(r)) for r in itertools.islice(pending, width))
        while window:
            page = window.popleft().wait(self.cancel)
            following = next(pending, None)
            if following is not None:  # keep `concurrency` requests in flight while the caller works
                window.append(_Job(lambda r=following: self._fetch(r)))
            yield page

    # internals ---------------------------------------------------------------------------

    def _fetch(self, request: Request) -> JsonPage:
        key = full_url(request.url, request.params)
        if request.cache and self.cache is not None:
            hit = self.cache.load(key)
            if hit is not None:
                return JsonPage(hit[0], hit[1], key, from_cache=True)
        page = self._retrying(request, key)
        if self.cache is not None:
            self.cache.store(key, page.status, page.data)
        return page

    def _retrying(self, request: Request, key: str) -> JsonPage:
        policy = self.policy
        host = urlsplit(request.url).netloc
        attempt = 0
        while True:
            self.cancel.check()
            retry_after = 0.0
            try:
                response = self._send(request, host)
                if response.status in request.accept:
                    return JsonPage(response.status, decode_json(response), response.url or key)
                if response.status not in RETRY_STATUSES:
                    raise HttpStatusError(response.status, key, _snippet(response.body))
                retry_after = parse_retry_after(response.header("retry-after"))
                error: HttpError = HttpStatusError(response.status, key)
            except (TransportError, BadPayloadError) as exc:
                error = exc
            if attempt >= policy.retries:
                raise HttpError(f"{error} (gave up after {attempt + 1} attempts)") from error
            delay = min(policy.max_backoff, policy.backoff * (2**attempt))
            # jitter, not security
            delay = delay * (0.5 + random.random() / 2)  # noqa: S311  # nosec B311
            if retry_after:
                delay = max(delay, min(retry_after, policy.max_retry_after))
                self.limiter.penalise(host, delay)
            LOG.info("retrying %s in %.2f s: %s", key, delay, error)
            attempt += 1
            self.cancel.sleep(delay)

    def _send(self, request: Request, host: str) -> Response:
        headers = {"User-Agent": self.policy.user_agent, "Accept": "application/json", **request.headers}
        with self._slots:
            self.limiter.acquire(host, self.cancel)
            with self._count_lock:
                self.requests_sent += 1
            return self.transport.get(request.url, request.params, headers, self.policy.timeout, self.cancel)


class _Job:
    """A callable run in a daemon thread, awaited while polling a cancel token."""

    def __init__(self, func: Callable[[], Any]) -> None:
        self._done = threading.Event()
        self._result: Any = None
        self._error: BaseException | None = None
        threading.Thread(target=self._run, args=(func,), daemon=True).start()

    def _run(self, func: Callable[[], Any]) -> None:
        try:
            self._result = func()
        except BaseException as exc:  # noqa: BLE001 - re-raised in the waiting thread
            self._error = exc
        finally:
            self._done.set()

    def wait(self, cancel: CancelToken) -> Any:
        while not self._done.wait(0.05):
            cancel.check()
        if self._error is not None:
            raise self._error
        return self._result


def decode_json(response: Response) -> Any:
    """The JSON body; BadPayloadError when empty, truncated, HTML or otherwise not JSON."""
    body = response.body
    if not body.strip():
        raise BadPayloadError(f"Empty answer from {response.url}")
    ctype = response.header("content-type").lower()
    if "html" in ctype or body.lstrip()[:1] == b"<":
        raise BadPayloadError(f"{response.url} answered with an HTML page instead of JSON: {_snippet(body)}")
    expected = response.header("content-length")
    encoded = response.header("content-encoding").lower() not in ("", "identity")  # length is of the compressed body
    if expected.isdigit() and not encoded and int(expected) != len(body):
        raise BadPayloadError(f"Truncated answer from {response.url} ({len(body)} of {expected} bytes)")
    try:
        return json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise BadPayloadError(f"{response.url} did not answer valid JSON ({exc})") from exc


def parse_retry_after(value: str) -> float:
    """Seconds to wait from a Retry-After header (delta seconds or HTTP date); 0 if absent."""
    value = (value or "").strip()
    if not value:
        return 0.0
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return 0.0
    return max(0.0, when.timestamp() - time.time())


def _snippet(body: bytes, size: int = 160) -> str:
    text = body[:size].decode("utf-8", "replace")
    return " ".join(text.split())
