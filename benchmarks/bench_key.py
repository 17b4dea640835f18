"""Benchmark: opening the identification key dock and answering a question (real QGIS, offscreen).

Measures, in this process after QGIS has started:
- dock opening, cold: import of the dock module, first `KeyDock(iface)` + show, key data read from
  disk (target < 200 ms);
- dock opening, warm: again, with the key data cached;
- time per answer through the widget (choose a lead, rebuild the buttons or the species sheet),
  over every path of the key from the first question to a result (target < 20 ms, median and 95th
  percentile reported);
- the engine alone (`KeySession.choose`), for comparison.
Prints a Markdown table; exit status 1 when a target is missed.

    QT_QPA_PLATFORM=offscreen PROJ_DATA=/usr/share/proj .venv/bin/python benchmarks/bench_key.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

OPEN_TARGET_MS = 200.0
ANSWER_TARGET_MS = 20.0


def all_paths(key) -> list[list[int]]:
    """Every sequence of lead indexes from the entry to a result."""
    paths, pending = [], [(key.entry, [])]
    while pending:
        couplet, path = pending.pop()
        for index, lead in enumerate(key.couplets[couplet].leads):
            if lead.target.kind == "couplet":
                pending.append((str(lead.target.ref), [*path, index]))
            else:
                paths.append([*path, index])
    return paths


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="walks of every path (default 5)")
    args = parser.parse_args(argv)

    from qgis.testing import start_app

    with contextlib.redirect_stdout(io.StringIO()):  # start_app prints the QGIS settings
        app = start_app()
    start = time.perf_counter()
    from bivalves_hdf.gui.dock_key import KeyDock  # what the plugin imports on the first click

    dock = KeyDock(None)
    dock.resize(430, 690)
    dock.show()
    app.processEvents()
    cold_ms = (time.perf_counter() - start) * 1000
    dock.close()
    from bivalves_hdf.core.key.engine import KeySession

    warm = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        other = KeyDock(None)
        other.show()
        app.processEvents()
        warm.append((time.perf_counter() - start) * 1000)
        other.close()
        other.deleteLater()
    app.processEvents()

    dock.show()
    widget = dock.key_widget
    paths = all_paths(widget.key)
    answers, engine = [], []
    for _ in range(args.repeat):
        for path in paths:
            widget.restart()
            for index in path:
                start = time.perf_counter()
                widget.choose(index)
                app.processEvents()
                answers.append((time.perf_counter() - start) * 1000)
            session = KeySession(widget.key)
            for index in path:
                start = time.perf_counter()
                session.choose(index)
                engine.append((time.perf_counter() - start) * 1000)

    rows = [
        ("dock opening, cold (modules imported, data read)", cold_ms, OPEN_TARGET_MS),
        ("dock opening, warm (median)", statistics.median(warm), OPEN_TARGET_MS),
        ("answer through the widget, median", statistics.median(answers), ANSWER_TARGET_MS),
        ("answer through the widget, 95th percentile", percentile(answers, 0.95), ANSWER_TARGET_MS),
        ("answer through the widget, max", max(answers), None),
        ("engine alone (KeySession.choose), median", statistics.median(engine), None),
    ]
    print(f"Key: {len(widget.key.couplets)} couplets, {len(paths)} paths, {len(answers)} answers timed.\n")
    print("| measure | ms | target |")
    print("|---|---:|---|")
    missed = False
    for label, value, target in rows:
        verdict = "" if target is None else (f"< {target:g} ms: " + ("ok" if value < target else "MISSED"))
        missed |= target is not None and value >= target
        print(f"| {label} | {value:.3f} | {verdict} |")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
