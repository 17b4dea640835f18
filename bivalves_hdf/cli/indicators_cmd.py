"""`python -m bivalves_hdf indicators`: indicators for each polygon of a territories file."""

from __future__ import annotations

from pathlib import Path


def register(subparsers) -> None:
    parser = subparsers.add_parser("indicators", help="indicators by territory (GeoPackage, CSV, PDF summary)",
                                   description="For each polygon of the zones file: records, taxa, protected, "
                                               "red-listed and invasive taxa, last year, share of 10 km cells with "
                                               "data, sampling effort by decade.")
    parser.add_argument("--data", required=True, type=Path, help="bivalves GeoPackage")
    parser.add_argument("--zones", required=True, type=Path, help="vector file of territories (polygons)")
    parser.add_argument("--out", required=True, type=Path, help="output folder")
    parser.set_defaults(run=run)


def run(args) -> int:
    from bivalves_hdf.qgis_io.headless import qgis_application

    with qgis_application():
        from bivalves_hdf.qgis_io.indicators_summary import build_indicators

        outputs = build_indicators(args.data, args.zones, args.out)
    for path in (outputs.gpkg, outputs.csv, outputs.pdf):
        print(path)
    return 0
