"""`python -m bivalves_hdf refresh --out PATH.gpkg`: fetch the web sources into the GeoPackage."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from bivalves_hdf.core.errors import BivalvesError

URL_OPTIONS = {"openobs": "--openobs-url", "sinp-hdf": "--sinp-hdf-url", "gbif": "--gbif-url",
               "hubeau": "--hubeau-url", "taxref": "--taxref-url"}


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise BivalvesError(f"bad date {text!r}: expected YYYY-MM-DD") from exc


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "refresh",
        help="fetch bivalve records from OpenObs, SINP Hauts-de-France, GBIF and Hub'Eau into a GeoPackage",
        description="Fetch the bivalve records of the area and period from the web services and merge them "
        "into the GeoPackage (atomically: a failed or cancelled refresh leaves it as it was). Exit status 0 "
        "only when every requested source completed.",
    )
    parser.add_argument("--out", required=True, type=Path, help="GeoPackage to create or update")
    parser.add_argument("--sources", default="openobs,sinp-hdf,gbif,hubeau",
                        help="comma-separated list among openobs, sinp-hdf, gbif, hubeau (default: all)")
    parser.add_argument("--area", default="region",
                        help="region, dept:NN, bbox:XMIN,YMIN,XMAX,YMAX (Lambert-93) or a polygon file")
    parser.add_argument("--since", type=str, default=None, help="first observation date (YYYY-MM-DD)")
    parser.add_argument("--until", type=str, default=None, help="last observation date (YYYY-MM-DD)")
    parser.add_argument("--incremental", action="store_true",
                        help="fetch only what changed since the last refresh of each source (refresh_log)")
    parser.add_argument("--count-only", action="store_true", help="print the record count of each source and stop")
    for name, option in URL_OPTIONS.items():
        parser.add_argument(option, dest=f"url_{name.replace('-', '_')}", default=None, metavar="URL",
                            help=f"base URL of {name} (e.g. a test server)")
    tuning = parser.add_argument_group("politeness and retries")
    tuning.add_argument("--rate", type=float, default=3.0, help="requests per second per host (default 3)")
    tuning.add_argument("--concurrency", type=int, default=4, help="requests in flight (default 4)")
    tuning.add_argument("--retries", type=int, default=5, help="retries per request (default 5)")
    tuning.add_argument("--backoff", type=float, default=1.0, help="first retry delay in seconds (default 1)")
    tuning.add_argument("--timeout", type=float, default=30.0, help="per-request timeout in seconds (default 30)")
    tuning.add_argument("--cache-dir", type=Path, default=None,
                        help="where raw pages are kept until the refresh completes (default: beside --out)")
    parser.set_defaults(run=run)


def options_from_args(args):
    from bivalves_hdf.core.http import HttpPolicy
    from bivalves_hdf.core.refresh import RefreshOptions

    if args.out.suffix.lower() != ".gpkg":
        raise BivalvesError(f"--out must be a .gpkg file: {args.out}")
    if args.rate <= 0 or args.concurrency < 1 or args.retries < 0 or args.timeout <= 0 or args.backoff < 0:
        raise BivalvesError("--rate, --concurrency and --timeout must be positive; "
                            "--retries and --backoff must not be negative")
    urls = {name: getattr(args, f"url_{name.replace('-', '_')}") for name in URL_OPTIONS}
    policy = HttpPolicy(rate=args.rate, concurrency=args.concurrency, retries=args.retries, backoff=args.backoff,
                        max_backoff=max(args.backoff, 60.0), timeout=args.timeout)
    return RefreshOptions(
        out=args.out, sources=args.sources, area=args.area,
        since=_day(args.since) if args.since else None, until=_day(args.until) if args.until else None,
        incremental=args.incremental, urls={k: v for k, v in urls.items() if v}, policy=policy,
        cache_dir=args.cache_dir,
    )


def run(args) -> int:
    from bivalves_hdf.core.refresh import estimate_counts, run_refresh

    options = options_from_args(args)
    if args.count_only:
        for name, count in estimate_counts(options).items():
            print(f"{name}: {count if isinstance(count, int) else 'unknown (' + count + ')'}")
        return 0
    summary = run_refresh(options, progress=_printer() if getattr(args, "verbose", False) else None)
    for line in summary.lines():
        print(line)
    if not summary.ok:
        failed = ", ".join(f"{r.name} ({r.error})" for r in summary.failed) or "cancelled"
        print(f"error: refresh incomplete: {failed}", file=sys.stderr)
        return 1
    return 0


def _printer():
    def progress(fraction: float, message: str) -> None:
        print(f"[{fraction:4.0%}] {message}", file=sys.stderr)

    return progress
