"""Load and first render of N occurrences with the default status style, against the same points
copied by ogr2ogr into another GeoPackage and drawn with a single symbol (same extent, same
1600x1200 image, same run, runs interleaved, median of --repeat). Target: ratio at most 1.2.

The default status style (data/styles/occurrences.qml, loaded by `layers.apply_style` with its two
variants in the style manager, as the plugin does) is a categorized renderer on `classeStatut`,
the status class the normaliser stores (core.status_class; the synthetic data get it from the
same function). Reference renderers on the styled file, timed in the same loop: `rule_based_flags`,
the former rule-based status style (six status filters on the flag columns and a dead-shell
overlay rule, evaluated for every point), and `one_rule`, a rule-based renderer with one rule and no
filter (the cost of the rule-based machinery alone: it queues every feature until the end).
`--no-references` skips them. The target is on wall-clock time; the CPU time of the process (all
threads) is also given, as it depends less on other jobs sharing the machine. Peak memory: the peak
resident size of a child process that starts QGIS and does one load and render with that style
(QGIS itself included).

    .venv/bin/python benchmarks/bench_render.py [--n 1000000] [--repeat 5] [--no-references] [--keep DIR]
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
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsMarkerSymbol,
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

    from bivalves_hdf.core import schema, status_class

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
    frame[status_class.COLUMN] = status_class.status_classes(frame)  # what the normaliser stores
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


def rule_based_flags(layer: QgsVectorLayer) -> None:
    """Reference: the former status style, a rule-based renderer testing the flag columns for every
    point (six status rules, the last one ELSE, in a group; a dead-shell overlay rule)."""
    from bivalves_hdf.qgis_io.styles import DEAD_CENTRE, STATUS_MARKERS, marker

    present = 'NOT "estAbsence"'
    threatened = "\"listeRouge\" IN ('CR', 'EN', 'VU', 'NT')"
    not_threatened = f'("listeRouge" IS NULL OR NOT {threatened})'
    filters = {
        "absence": '"estAbsence"',
        "protected": f'"protege" AND {present}',
        "red_list": f'{threatened} AND NOT "protege" AND {present}',
        "invasive": f'"envahissant" AND NOT "protege" AND {present} AND {not_threatened}',
        "introduced": f'"origine" = \'introduced\' AND NOT "envahissant" AND NOT "protege" AND {present}'
        f" AND {not_threatened}",
        "native": "ELSE",
    }
    root = QgsRuleBasedRenderer.Rule(None)
    group = QgsRuleBasedRenderer.Rule(None, 0, 0, "", "status")
    for code, expression in filters.items():
        group.appendChild(QgsRuleBasedRenderer.Rule(marker(*STATUS_MARKERS[code]), 0, 0, expression, code))
    root.appendChild(group)
    root.appendChild(QgsRuleBasedRenderer.Rule(marker(*DEAD_CENTRE), 0, 0, f'"estCoquilleMorte" AND {present}', "dead"))
    layer.setRenderer(QgsRuleBasedRenderer(root))


def one_rule(layer: QgsVectorLayer) -> None:
    """Reference: the cheapest rule-based renderer (one rule, no filter)."""
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(QgsRuleBasedRenderer.Rule(QgsMarkerSymbol.createSimple({"color": "#2e86c1", "size": "2.4"})))
    layer.setRenderer(QgsRuleBasedRenderer(root))


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


STYLES = {
    "single_symbol": single_symbol,
    "status_style": status_style,
    "rule_based_flags": rule_based_flags,
    "one_rule": one_rule,
}


def has_status_class(path: Path) -> bool:
    """Whether kept data were built with the integer classeStatut column (else they are rebuilt)."""
    from osgeo import ogr

    from bivalves_hdf.core import status_class

    dataset = ogr.Open(str(path))
    layer = dataset.GetLayerByName("occurrences") if dataset else None
    if layer is None:
        return False
    definition = layer.GetLayerDefn()
    index = definition.GetFieldIndex(status_class.COLUMN)
    return index >= 0 and definition.GetFieldDefn(index).GetType() in (ogr.OFTInteger, ogr.OFTInteger64)


def peak_memory_mb(name: str, path: Path, extent) -> int:
    """Peak resident memory (MB) of a child process doing one load and render with style `name`."""
    bounds = (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum())
    command = [sys.executable, str(Path(__file__).resolve()), "--child", name, str(path), *map(repr, bounds)]
    completed = subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603  # nosec B603
    return round(int(completed.stdout.split()[-1]) / 1024)


def child(name: str, path: str, bounds: list[str]) -> int:
    from qgis.core import QgsRectangle

    app = QgsApplication([], False)
    app.initQgis()
    load_and_render(Path(path), STYLES[name], QgsRectangle(*map(float, bounds)))
    # VmHWM (kB), the peak of this process image (getrusage's ru_maxrss survives exec: the parent's)
    status = Path("/proc/self/status").read_text(encoding="utf-8")
    print(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")))
    app.exitQgis()
    return 0


def load_average() -> str:
    return ", ".join(f"{value:.1f}" for value in os.getloadavg())


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        return child(sys.argv[2], sys.argv[3], sys.argv[4:8])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--keep", type=Path, help="build the data in this folder and keep it (reused if present)")
    parser.add_argument("--no-references", action="store_true", help="time only the two renderers of the target")
    args = parser.parse_args()
    load_before = load_average()
    app = QgsApplication([], False)
    app.initQgis()
    with tempfile.TemporaryDirectory(prefix="bench_render_") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        styled_path, plain_path = folder / "styled.gpkg", folder / "plain.gpkg"
        if not (args.keep and plain_path.is_file() and has_status_class(styled_path)):
            styled_path, plain_path = build_data(folder, args.n)
        build_seconds = time.perf_counter() - t0
        _, extent = load_and_render(plain_path, single_symbol)  # warm-up: file cache, fonts, symbols
        load_and_render(styled_path, status_style, extent)
        runs = [("single_symbol", plain_path), ("status_style", styled_path)]
        if not args.no_references:
            runs += [("rule_based_flags", styled_path), ("one_rule", styled_path)]
        times: dict[str, list[float]] = {name: [] for name, _ in runs}
        cpu: dict[str, list[float]] = {name: [] for name, _ in runs}
        for _ in range(args.repeat):  # interleaved, so that any drift of the machine is shared
            for name, path in runs:
                start = time.process_time()  # CPU of every thread of this process
                times[name].append(load_and_render(path, STYLES[name], extent)[0])
                cpu[name].append(time.process_time() - start)
        memory = {name: peak_memory_mb(name, path, extent) for name, path in runs}
    medians = {name: statistics.median(values) for name, values in times.items()}
    result = {
        "n": args.n,
        "image": f"{SIZE.width()}x{SIZE.height()}",
        "build_seconds": round(build_seconds, 1),
        "seconds": {name: round(value, 3) for name, value in medians.items()},
        "all_seconds": {name: " ".join(f"{value:.2f}" for value in values) for name, values in times.items()},
        "ratio": round(medians["status_style"] / medians["single_symbol"], 3),
        "reference_ratios": {
            name: round(value / medians["single_symbol"], 3)
            for name, value in medians.items()
            if name not in ("single_symbol", "status_style")
        },
        "cpu_seconds": {name: round(statistics.median(values), 3) for name, values in cpu.items()},
        "cpu_ratio": round(statistics.median(cpu["status_style"]) / statistics.median(cpu["single_symbol"]), 3),
        "peak_memory_mb": memory,
        "load_average": {"before": load_before, "after": load_average()},
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
