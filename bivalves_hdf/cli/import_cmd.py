"""`python -m bivalves_hdf import FILE... --out PATH.gpkg`: import exports into the GeoPackage."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from bivalves_hdf.core.errors import BivalvesError


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "import",
        help="import export files (OpenObs, SINP DEE, GeoNature, GBIF, Hub'Eau, zip) into a GeoPackage",
        description="Read export files, normalise them and merge them into the GeoPackage (created if "
        "missing, updated otherwise; a file already imported adds nothing). Prints per file the rows "
        "read, kept, merged into duplicates and rejected.",
    )
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="export file(s) or zip archive(s)")
    parser.add_argument("--out", required=True, type=Path, help="GeoPackage to create or update")
    parser.add_argument(
        "--chunk-rows", type=int, default=None, metavar="N", help="read delimited files N rows at a time"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=min(2, os.cpu_count() or 1),
        metavar="N",
        help="processes normalising the chunks of big files (default: %(default)s)",
    )
    parser.set_defaults(run=run)


def format_result(result) -> str:
    if result.skipped:
        return f"{result.requete}: {result.skipped}, nothing added"
    return (
        f"{result.requete} [{result.source}]: read {result.read}, kept {result.kept}, "
        f"merged {result.merged}, rejected {result.rejected}"
    )


def run(args) -> int:
    from bivalves_hdf.core.importer import import_files

    if args.out.suffix.lower() != ".gpkg":
        raise BivalvesError(f"--out must be a .gpkg file: {args.out}")
    if args.chunk_rows is not None and args.chunk_rows < 1:
        raise BivalvesError("--chunk-rows must be a positive number")
    if args.workers < 1:
        raise BivalvesError("--workers must be a positive number")
    summary = import_files(args.files, args.out, chunk_rows=args.chunk_rows, workers=args.workers)
    for result in summary.results:
        print(format_result(result))
    print(
        f"total: read {summary.read}, kept {summary.kept}, merged {summary.merged}, rejected {summary.rejected}; "
        f"{summary.gpkg} holds {summary.occurrences_total} occurrences"
    )
    if summary.read and summary.kept + summary.merged == 0:
        print("warning: no row was usable (see the rejects layer)", file=sys.stderr)
    return 0
