"""Load and first render of N occurrences with the full rule-based status style, against the
same points copied by ogr2ogr into another GeoPackage and drawn with a single symbol (same extent,
same 1600x1200 image, same run, runs interleaved, median of --repeat). Target: ratio at most 1.2.

`--references` also times two other renderers on the styled file: a rule-based renderer with one
rule and no filter (the cost of the rule-based machinery alone) and a categorized renderer on a
stored column (one lookup per feature). The status style evaluates one filter per rule for every
point (six short-circuited tests: absence, protected, red list, invasive, introduced, dead shell;
natives fall to the ELSE rule), which is what costs more than the single symbol.

    .venv/bin/python benchmarks/bench_render.py [--n 1000000] [--repeat 3] [--references] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PROJ_DATA", "/usr/share/proj")

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsMarkerSymbol,
    QgsRendererCategory,
    QgsRuleBasedRenderer,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize  # noqa: E402
from qgis.PyQt.QtGui import QColor  # noqa: E402

TARGET = 1.2
SIZE = QSize(1600, 1200)


_CSVT = {"str": "String", "int": "Integer", "float": "Real", "bool": "Integer(Boolean)", "date": "Date"}


def synthetic_frame(n: int, seed: int = 7):
    """`n` synthetic occurrences with every schema column (vectorised: 1M rows in seconds)."""
    import numpy as np
    import pandas as pd
    from fixtures_layers import RIVERS, SAMPLE_TAXA

    from bivalves_hdf.core import schema

    rng = np.random.default_rng(seed)
    weights = np.array([t[6] for t in SAMPLE_TAXA], dtype=float)
    taxon = rng.choice(len(SAMPLE_TAXA), n, p=weights / weights.sum())
    river = np.array(RIVERS, dtype=object)[rng.integers(0, len(RIVERS), n)]
    t = rng.random(n)
    x0, y0 = np.array([r[0][0] for r in river]), np.array([r[0][1] for r in river])
    dx, dy = np.array([r[1][0] for r in river]) - x0, np.array([r[1][1] for r in river]) - y0
    length = np.hypot(dx, dy)
    offset = np.array([r[2] for r in river]) * np.sin(t * 9.0) + rng.normal(0, 600, n)
    year = rng.integers(1975, 2025, n)
    absence = rng.random(n) < 0.05
    pick = lambda column: np.array([SAMPLE_TAXA[i][column] for i in range(len(SAMPLE_TAXA))], dtype=object)[taxon]  # noqa: E731
    frame = pd.DataFrame({c.name: "" for c in schema.OCCURRENCE_COLUMNS}, index=range(n))
    frame["x"] = x0 + t * dx - dy / length * offset
    frame["y"] = y0 + t * dy + dx / length * offset
    frame["idSINPOccTax"] = [f"00000000-0000-4000-8000-{i:012d}" for i in range(n)]
    frame["cdNom"] = frame["cdRef"] = 900001 + taxon
    frame["nomCite"] = frame["nomValide"] = pick(0)
    frame["nomVernaculaire"] = pick(1)
    frame["annee"] = year
    frame["dateDebut"] = [f"{y}-06-15" for y in year]
    frame["dateFin"] = frame["dateDebut"]
    frame["estAbsence"] = absence.astype(int)
    frame["estCoquilleMorte"] = ((~absence) & (rng.random(n) < 0.12)).astype(int)
    frame["statutObservation"] = np.where(absence, "No", "Pr")
    frame["classePrecision"] = rng.choice(list(schema.CLASSE_PRECISION), n)
    frame["nivValidation"] = rng.choice([0, 1, 2, 3], n)
    frame["observateur"] = rng.choice(["Dupont J.", "Martin C.", "Lefebvre A."], n)
    frame["source"] = rng.choice(["openobs", "sinp_hdf", "gbif"], n)
    frame["protege"] = pick(2).astype(int)
    frame["listeRouge"] = pick(3)
    frame["envahissant"] = pick(4).astype(int)
    frame["origine"] = pick(5)
    for column in schema.OCCURRENCE_COLUMNS:
        if column.kind in ("int", "float", "bool") and (frame[column.name] == "").all():
            frame[column.name] = 0
    return frame


def build_data(folder: Path, n: int) -> tuple[Path, Path]:
    """The styled GeoPackage (schema columns) and its ogr2ogr copy for the single symbol."""
    from bivalves_hdf.core import schema

    csv = folder / "occurrences.csv"
    frame = synthetic_frame(n)
    frame.to_csv(csv, index=False)
    kinds = [_CSVT[c.kind] for c in schema.OCCURRENCE_COLUMNS] + ["Real", "Real"]
    csv.with_suffix(".csvt").write_text(",".join(f'"{k}"' for k in kinds), encoding="utf-8")
    styled, plain = folder / "styled.gpkg", folder / "plain.gpkg"
    subprocess.run(
        [
            "ogr2ogr",
            "-f",
            "GPKG",
            str(styled),
            str(csv),
            "-nln",
            "occurrences",
            "-a_srs",
            "EPSG:2154",
            "-oo",
            "X_POSSIBLE_NAMES=x",
            "-oo",
            "Y_POSSIBLE_NAMES=y",
            "-lco",
            "GEOMETRY_NAME=geom",
            "-lco",
            "FID=fid",
        ],
        check=True,
    )
    subprocess.run(["ogr2ogr", "-f", "GPKG", str(plain), str(styled), "occurrences"], check=True)
    return styled, plain


def single_symbol(layer: QgsVectorLayer) -> None:
    symbol = QgsMarkerSymbol.createSimple({"name": "circle", "color": "#2e86c1", "size": "2.4"})
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))


def status_style(layer: QgsVectorLayer) -> None:
    from bivalves_hdf.qgis_io.layers import apply_style

    apply_style(layer, "occurrences")


def one_rule(layer: QgsVectorLayer) -> None:
    """Reference: the cheapest rule-based renderer (one rule, no filter)."""
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(QgsRuleBasedRenderer.Rule(QgsMarkerSymbol.createSimple({"color": "#2e86c1", "size": "2.4"})))
    layer.setRenderer(QgsRuleBasedRenderer(root))


def categorized_field(layer: QgsVectorLayer) -> None:
    """Reference: a categorized renderer on a stored column (here `origine`, 3 classes)."""
    categories = [
        QgsRendererCategory(value, QgsMarkerSymbol.createSimple({"color": colour, "size": "2.4"}), value)
        for value, colour in (("native", "#2e86c1"), ("introduced", "#b9770e"), ("invasive", "#7d3c98"))
    ]
    layer.setRenderer(QgsCategorizedSymbolRenderer("origine", categories))


def load_and_render(path: Path, style, extent=None) -> tuple[float, object]:
    """Seconds from opening the layer to the end of its first render."""
    start = time.perf_counter()
    layer = QgsVectorLayer(f"{path}|layername=occurrences", "occurrences", "ogr")
    style(layer)
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setOutputSize(SIZE)
    settings.setBackgroundColor(QColor("#ffffff"))
    settings.setExtent(extent or layer.extent())
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    return time.perf_counter() - start, settings.extent()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--keep", type=Path, help="build the data in this folder and keep it (reused if present)")
    parser.add_argument("--references", action="store_true", help="also time a one-rule and a categorized renderer")
    args = parser.parse_args()
    app = QgsApplication([], False)
    app.initQgis()
    with tempfile.TemporaryDirectory(prefix="bench_render_") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        if args.keep and (folder / "plain.gpkg").is_file():
            styled_path, plain_path = folder / "styled.gpkg", folder / "plain.gpkg"
        else:
            styled_path, plain_path = build_data(folder, args.n)
        build_seconds = time.perf_counter() - t0
        _, extent = load_and_render(plain_path, single_symbol)  # warm-up: file cache, fonts, symbols
        load_and_render(styled_path, status_style, extent)
        runs = [("single_symbol", plain_path, single_symbol), ("status_style", styled_path, status_style)]
        if args.references:
            runs += [("one_rule", styled_path, one_rule), ("categorized_field", styled_path, categorized_field)]
        times: dict[str, list[float]] = {name: [] for name, _, _ in runs}
        for _ in range(args.repeat):  # interleaved, so that any drift of the machine is shared
            for name, path, style in runs:
                times[name].append(load_and_render(path, style, extent)[0])
    medians = {name: statistics.median(values) for name, values in times.items()}
    result = {
        "n": args.n,
        "image": f"{SIZE.width()}x{SIZE.height()}",
        "build_seconds": round(build_seconds, 1),
        "seconds": {name: round(value, 3) for name, value in medians.items()},
        "ratio": round(medians["status_style"] / medians["single_symbol"], 3),
        "reference_ratios": {
            name: round(value / medians["single_symbol"], 3)
            for name, value in medians.items()
            if name not in ("single_symbol", "status_style")
        },
        "target": TARGET,
    }
    result["ok"] = result["ratio"] <= TARGET
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")
    app.exitQgis()
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
