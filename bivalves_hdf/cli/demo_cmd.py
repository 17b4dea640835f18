"""`python -m bivalves_hdf demo --out DIR`: the headless demo on the synthetic exports of data/demo.

Builds DIR/bivalves_demo.gpkg from every demo export, then renders the map (PNG) and the sample
perimeter report (PDF) with QGIS when those parts are available, and prints where each output is.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from bivalves_hdf.core.errors import BivalvesError
from bivalves_hdf.paths import DEMO_DIR

DEMO_GPKG = "bivalves_demo.gpkg"
DEMO_PNG = "bivalves_demo.png"
EXPORT_SUFFIXES = {".csv", ".json", ".geojson", ".zip"}
NOT_EXPORTS = ("perimetre",)  # the report perimeter is not an export


def demo_exports(folder: Path = DEMO_DIR) -> list[Path]:
    """The demo export files, in name order."""
    files = sorted(
        path
        for path in folder.iterdir()
        if path.suffix.lower() in EXPORT_SUFFIXES and not path.name.startswith(NOT_EXPORTS)
    )
    if not files:
        raise BivalvesError(f"no demo export in {folder}")
    return files


def build_demo_gpkg(out_dir: Path, exports: list[Path] | None = None) -> Path:
    """A fresh DIR/bivalves_demo.gpkg from the demo exports (swapped in only when complete)."""
    from bivalves_hdf.cli.import_cmd import format_result
    from bivalves_hdf.core.importer import import_files

    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / DEMO_GPKG
    building = out_dir / f".{DEMO_GPKG}.building.gpkg"
    building.unlink(missing_ok=True)
    summary = import_files(exports or demo_exports(), building)
    for result in summary.results:
        print(f"  {format_result(result)}")
    building.replace(target)
    print(f"GeoPackage: {target} ({summary.occurrences_total} occurrences, {summary.rejected} rejected rows)")
    return target


def _optional(module: str):
    """A QGIS-facing module, or None with a note when it (or QGIS) is not available."""
    try:
        return importlib.import_module(module)
    except ImportError as error:
        print(f"note: skipped ({module} not available: {error})")
        return None


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="build the demo GeoPackage, map and report from the synthetic exports of data/demo",
        description="Import the synthetic demo exports into DIR/bivalves_demo.gpkg, render a PNG map of the "
        "styled layers and the sample perimeter report, and print where the outputs are.",
    )
    parser.add_argument("--out", required=True, type=Path, metavar="DIR", help="output folder")
    parser.set_defaults(run=run)


def run(args) -> int:
    out_dir = Path(args.out)
    gpkg = build_demo_gpkg(out_dir)
    headless = _optional("bivalves_hdf.qgis_io.headless")
    if headless is None:
        return 0
    with headless.qgis_application():
        render = _optional("bivalves_hdf.qgis_io.render")
        if render is not None:
            png = render.render_map_png(gpkg, out_dir / DEMO_PNG)
            print(f"Map: {png}")
        report = _optional("bivalves_hdf.qgis_io.report_layout")
        if report is not None and hasattr(report, "build_demo_report"):
            outputs = report.build_demo_report(gpkg, out_dir)
            print(f"Report: {outputs.pdf} (records also in {outputs.gpkg} and {outputs.csv})")
    return 0
