"""Benchmark: fetching 30,000 records in 300-record pages from a loopback server with latency.

The synthetic OpenObs biocache server of the tests (tests/fixtures_http.py) runs in a child
process (so its JSON encoding does not share the GIL with the client) and sleeps `latency`
seconds per request. The OpenObs source fetches every page through `HttpClient` (rate limit,
bounded concurrency, retries) and de-duplicates on uuid. Reported against the ideal
max(pages x latency / concurrency, pages / rate limit), at the default policy (3 requests/s,
concurrency 4) and with the rate limit raised. Memory: tracemalloc peak of the fetch (pages are
spooled to disk, only the de-duplication keys stay in memory) and of reading the records back as
5,000-row RawTables for the importer, from 10 to 300 pages: flat means it does not grow with them.

    python benchmarks/bench_refresh.py [--records 30000] [--latency 0.05] [--raised-rate 200] [--skip-default]
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from bivalves_hdf.core.http import HttpClient, HttpPolicy, RequestsTransport  # noqa: E402
from bivalves_hdf.core.sources.base import Query, parse_area  # noqa: E402
from bivalves_hdf.core.sources.openobs import OpenObsSource  # noqa: E402

PAGE_SIZE = 300


def _serve(records: int, latency: float, port_queue, stop_event) -> None:
    from fixtures_http import TAXA, FakeApi

    api = FakeApi()
    api.populate(openobs=records)
    api.latency = latency
    api.start()
    port_queue.put((api.base_url, [cd_ref for cd_ref, _, _ in TAXA]))
    stop_event.wait()
    api.stop()


class Server:
    """The fake API in a child process."""

    def __init__(self, records: int, latency: float) -> None:
        context = multiprocessing.get_context("spawn")
        self.stop_event = context.Event()
        queue = context.Queue()
        self.process = context.Process(target=_serve, args=(records, latency, queue, self.stop_event), daemon=True)
        self.process.start()
        self.base_url, self.cd_refs = queue.get(timeout=60)

    def close(self) -> None:
        self.stop_event.set()
        self.process.join(10)


def fetch(server: Server, policy: HttpPolicy) -> tuple[float, int, int]:
    client = HttpClient(RequestsTransport(), policy)
    source = OpenObsSource(client, server.base_url + "/openobs", page_size=PAGE_SIZE)
    query = Query(parse_area("region"), cd_refs=tuple(server.cd_refs))
    started = time.perf_counter()
    result = source.fetch(query)
    elapsed = time.perf_counter() - started
    result.close()
    return elapsed, result.fetched, client.requests_sent


def memory(server: Server, policy: HttpPolicy) -> tuple[int, int, int]:
    """(peak traced bytes of the fetch, peak of reading the tables back one chunk at a time, requests)."""
    tracemalloc.start()
    client = HttpClient(RequestsTransport(), policy)
    source = OpenObsSource(client, server.base_url + "/openobs", page_size=PAGE_SIZE)
    result = source.fetch(Query(parse_area("region"), cd_refs=tuple(server.cd_refs)))
    fetch_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.reset_peak()
    rows = sum(len(table) for table in result.tables())
    tables_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    result.close()
    if rows != result.fetched:
        raise SystemExit(f"read back {rows} rows of {result.fetched} fetched")
    return fetch_peak, tables_peak, client.requests_sent


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=30_000)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--raised-rate", type=float, default=200.0)
    parser.add_argument("--skip-default", action="store_true", help="skip the run at 3 requests/s (about 35 s)")
    args = parser.parse_args(argv)

    pages = -(-args.records // PAGE_SIZE)
    default = HttpPolicy()
    runs = [("raised rate limit", HttpPolicy(rate=args.raised_rate))]
    if not args.skip_default:
        runs.insert(0, ("default policy", default))
    lines = [
        f"Fetch of {args.records:,} records in {pages} pages of {PAGE_SIZE} (OpenObs source, loopback server "
        f"in a child process, {args.latency * 1000:.0f} ms latency per request; Python {sys.version.split()[0]}).",
        "",
        "| run | rate limit (req/s) | concurrency | requests | time (s) | ideal (s) | ratio |",
        "|---|---|---|---|---|---|---|",
    ]
    server = Server(args.records, args.latency)
    try:
        for label, policy in runs:
            elapsed, fetched, requests = fetch(server, policy)
            if fetched != args.records:
                raise SystemExit(f"{label}: fetched {fetched} of {args.records} records")
            ideal = max(pages * args.latency / policy.concurrency, pages / policy.rate)
            lines.append(f"| {label} | {policy.rate:g} | {policy.concurrency} | {requests} | {elapsed:.2f} | "
                         f"{ideal:.2f} | {elapsed / ideal:.2f} |")
    finally:
        server.close()
    lines += ["", "Peak memory (tracemalloc) of the fetch (pages spooled to disk, only the uuids kept) and of "
              "reading the records back as RawTables of 5,000 rows for the importer, raised rate limit:", "",
              "| pages | records | fetch peak (MB) | read-back peak (MB) |", "|---|---|---|---|"]
    for records in (args.records // 10, args.records // 3, args.records, args.records * 3):
        server = Server(records, 0.0)
        try:
            fetch_peak, tables_peak, requests = memory(server, HttpPolicy(rate=args.raised_rate))
        finally:
            server.close()
        lines.append(f"| {requests} | {records:,} | {fetch_peak / 1e6:.1f} | {tables_peak / 1e6:.1f} |")
    report = "\n".join(lines)
    print(report)
    return report


if __name__ == "__main__":
    main()
