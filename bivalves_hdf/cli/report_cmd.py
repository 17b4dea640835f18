"""`python -m bivalves_hdf report`: the extraction report (PDF + GeoPackage + CSV) for a perimeter."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from bivalves_hdf.core.errors import BivalvesError
from bivalves_hdf.core.report_content import SENSITIVE_PRECISIONS


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text}") from error


def register(subparsers) -> None:
    parser = subparsers.add_parser("report", help="extraction report for a perimeter (PDF, GeoPackage, CSV)",
                                   description="Extract the records of a perimeter as a PDF report, with the same "
                                               "records as a GeoPackage and a CSV beside it.")
    parser.add_argument("--data", required=True, type=Path, help="bivalves GeoPackage")
    parser.add_argument("--perimeter", required=True, type=Path, help="vector file with the perimeter polygon(s)")
    parser.add_argument("--buffer", type=float, default=0.0, metavar="METRES", help="buffer around the perimeter")
    parser.add_argument("--since", type=_day, help="first day of the period (YYYY-MM-DD)")
    parser.add_argument("--until", type=_day, help="last day of the period (YYYY-MM-DD)")
    parser.add_argument("--sensitive-precision", choices=SENSITIVE_PRECISIONS, default="maille",
                        help="finest precision for sensitive records (default: maille)")
    parser.add_argument("--out", required=True, type=Path, help="PDF file to write (.gpkg and .csv beside it)")
    parser.set_defaults(run=run)


def run(args) -> int:
    from bivalves_hdf.core.perimeter import perimeter_from_file
    from bivalves_hdf.core.report_content import ReportRequest

    if args.out.suffix.lower() != ".pdf":
        raise BivalvesError(f"--out must be a .pdf file: {args.out}")
    request = ReportRequest(data_path=args.data, perimeter=perimeter_from_file(args.perimeter), buffer_m=args.buffer,
                            since=args.since, until=args.until, sensitive_precision=args.sensitive_precision)
    from bivalves_hdf.qgis_io.headless import qgis_application

    with qgis_application():
        from bivalves_hdf.qgis_io.report_layout import build_report

        outputs = build_report(request, args.out)
    for path in (outputs.pdf, outputs.gpkg, outputs.csv):
        print(path)
    return 0
