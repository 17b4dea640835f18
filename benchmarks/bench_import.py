"""Benchmark: `python -m bivalves_hdf import` end to end against `ogr2ogr` on the same CSV.

Generates synthetic OpenObs 2023-shaped CSVs (10k, 100k, 1M rows; 10M with --huge for the chunked
path), then times in the same run, each in a child process:
- `ogr2ogr -f GPKG out.gpkg in.csv -oo X_POSSIBLE_NAMES=longitude -oo Y_POSSIBLE_NAMES=latitude
  -s_srs EPSG:4326 -t_srs EPSG:2154` (the reference: a plain conversion with reprojection; `-a_srs`
  cannot be used with `-t_srs` on a CSV without a CRS, ogr2ogr then refuses to reproject);
- `python -m bivalves_hdf import in.csv --out out.gpkg` (read, normalise, deduplicate, write the
  GeoPackage with every layer, spatial and attribute indexes, styles; files above 64 MB are read in
  chunks of 100,000 rows, read, normalised and written to scratch SQLite files by 2 worker
  processes while the main process copies them into the GeoPackage).
Peak memory is the peak of the summed resident memory of the child and its own children
(sampled from /proc every 0.1 s); CPU is the user + system time of the child and its children,
and "load before" the 1-minute load average when the row started: on a shared machine the wall
times depend on the other jobs, the CPU times much less. Prints a Markdown table.

    python benchmarks/bench_import.py --sizes 10000 100000 1000000 [--huge] [--workdir DIR]
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
TAXA_FILE = ROOT / "data" / "taxa.csv"
COLUMNS_2023 = (
    "idSINPOccTax",
    "cdNom",
    "cdRef",
    "nomScientifiqueRef",
    "nomVernaculaire",
    "dateObservation",
    "codeInseeCommune",
    "codeInseeDepartement",
    "codeInseeRegion",
    "codeMaille10Km",
    "precisionLocalisation",
    "latitude",
    "longitude",
    "observateur",
    "statutObservation",
)
DEPARTMENTS = np.array(["02", "59", "60", "62", "80"])


def _species() -> pd.DataFrame:
    taxa = pd.read_csv(TAXA_FILE, dtype=str)
    species = taxa[(taxa["rank"] == "species") & (taxa["cd_nom"].astype(int) > 0)]
    return species[["cd_nom", "cd_ref", "scientific_name", "french_name"]].fillna("").reset_index(drop=True)


def make_openobs_csv(path: Path, rows: int, seed: int = 0, chunk: int = 500_000) -> Path:
    """A synthetic OpenObs 2023 export of `rows` rows over Hauts-de-France (written in chunks)."""
    species = _species()
    rng = np.random.default_rng(seed)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS_2023)
        for start in range(0, rows, chunk):
            size = min(chunk, rows - start)
            pick = rng.integers(0, len(species), size)
            taxa = species.iloc[pick]
            lon = rng.uniform(1.6, 4.1, size).round(6)
            lat = rng.uniform(49.1, 50.9, size).round(6)
            days = rng.integers(0, 365 * 40, size)
            dates = (np.datetime64("1985-01-01") + days.astype("timedelta64[D]")).astype(str)
            ids = [f"{seed:08x}-0000-4000-8000-{start + i:012x}" for i in range(size)]
            frame = pd.DataFrame(
                {
                    "idSINPOccTax": ids,
                    "cdNom": taxa["cd_nom"].to_numpy(),
                    "cdRef": taxa["cd_ref"].to_numpy(),
                    "nomScientifiqueRef": taxa["scientific_name"].to_numpy(),
                    "nomVernaculaire": taxa["french_name"].to_numpy(),
                    "dateObservation": dates,
                    "codeInseeCommune": rng.integers(1000, 99000, size).astype(str),
                    "codeInseeDepartement": DEPARTMENTS[rng.integers(0, 5, size)],
                    "codeInseeRegion": "32",
                    "codeMaille10Km": "",
                    "precisionLocalisation": "XY point",
                    "latitude": lat,
                    "longitude": lon,
                    "observateur": "Synthetic observer",
                    "statutObservation": "Présent",
                }
            )
            frame.to_csv(handle, header=False, index=False)
    return path


@dataclass
class Run:
    seconds: float
    peak_mb: float
    returncode: int
    cpu_seconds: float = 0.0  # user + system time of the child and the children it waited for


def _tree_rss_kb(root: int) -> int:
    """Summed VmRSS (kB) of `root` and its descendants, from /proc."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        ppid = re.search(r"^PPid:\s+(\d+)", status, re.MULTILINE)
        vmrss = re.search(r"^VmRSS:\s+(\d+)", status, re.MULTILINE)
        parents[int(entry.name)] = int(ppid.group(1)) if ppid else 0
        rss[int(entry.name)] = int(vmrss.group(1)) if vmrss else 0
    tree = {root}
    changed = True
    while changed:
        changed = False
        for pid, ppid in parents.items():
            if ppid in tree and pid not in tree:
                tree.add(pid)
                changed = True
    return sum(rss.get(pid, 0) for pid in tree)


def timed(command: list[str], env: dict[str, str] | None = None) -> Run:
    """Wall time, CPU time and peak summed resident memory (MB) of a child process and its children."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    peak = [0]

    def sample() -> None:
        while child.poll() is None:
            peak[0] = max(peak[0], _tree_rss_kb(child.pid))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = child.communicate()
    seconds = time.perf_counter() - start
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if child.returncode != 0:
        sys.stderr.write(stdout.decode(errors="replace")[-2000:] + stderr.decode(errors="replace")[-4000:])
    return Run(seconds, peak[0] / 1024, child.returncode, cpu)


def ogr2ogr_command(csv_path: Path, gpkg: Path) -> list[str]:
    return [
        "ogr2ogr", "-f", "GPKG", str(gpkg), str(csv_path),
        "-oo", "X_POSSIBLE_NAMES=longitude", "-oo", "Y_POSSIBLE_NAMES=latitude",
        "-s_srs", "EPSG:4326", "-t_srs", "EPSG:2154", "-nln", "occurrences",
    ]  # fmt: skip


def import_command(csv_path: Path, gpkg: Path, chunk_rows: int | None) -> list[str]:
    command = [sys.executable, "-m", "bivalves_hdf", "import", str(csv_path), "--out", str(gpkg)]
    if chunk_rows:
        command += ["--chunk-rows", str(chunk_rows)]
    return command


def bench(sizes: list[int], workdir: Path, chunk_rows: int | None) -> list[dict]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PROJ_DATA=os.environ.get("PROJ_DATA", "/usr/share/proj"))
    results = []
    for rows in sizes:
        csv_path = make_openobs_csv(workdir / f"openobs_{rows}.csv", rows)
        load = os.getloadavg()[0]
        reference = timed(ogr2ogr_command(csv_path, workdir / f"ogr_{rows}.gpkg"), env)
        ours = timed(import_command(csv_path, workdir / f"import_{rows}.gpkg", chunk_rows), env)
        results.append(
            {
                "rows": rows,
                "csv_mb": csv_path.stat().st_size / 1e6,
                "ogr2ogr_s": reference.seconds,
                "ogr2ogr_mb": reference.peak_mb,
                "import_s": ours.seconds,
                "import_mb": ours.peak_mb,
                "ratio": ours.seconds / reference.seconds,
                "ogr2ogr_cpu": reference.cpu_seconds,
                "import_cpu": ours.cpu_seconds,
                "load": load,
                "ok": reference.returncode == 0 and ours.returncode == 0,
                "chunked": bool(chunk_rows) or csv_path.stat().st_size > 64 * 1024 * 1024,
            }
        )
        for path in workdir.glob(f"*_{rows}.*"):
            path.unlink()
        print(results[-1], file=sys.stderr, flush=True)
    return results


def markdown(results: list[dict]) -> str:
    lines = [
        "| rows | CSV (MB) | ogr2ogr (s) | import (s) | ratio import/ogr2ogr | ogr2ogr CPU (s) | import CPU (s) "
        "| ogr2ogr peak (MB) | import peak (MB) | import path | load before |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r['rows']:,} | {r['csv_mb']:.0f} | {r['ogr2ogr_s']:.1f} | {r['import_s']:.1f} | {r['ratio']:.2f} "
            f"| {r['ogr2ogr_cpu']:.1f} | {r['import_cpu']:.1f} "
            f"| {r['ogr2ogr_mb']:.0f} | {r['import_mb']:.0f} | {'chunked' if r['chunked'] else 'in memory'}"
            f"{'' if r['ok'] else ' (FAILED)'} | {r['load']:.1f} |"
        )
    return "\n".join(lines)


def phases(rows: int, workdir: Path) -> str:
    """Where the time goes, in this process, for `rows` rows taken through the chunked path: the steps
    a worker process runs on each chunk, then those of the main process."""
    sys.path.insert(0, str(ROOT))
    from bivalves_hdf.core import importer, store
    from bivalves_hdf.core.importer import SourceResult, _Importer
    from bivalves_hdf.core.normaliser import normalise
    from bivalves_hdf.core.reference import load_reference

    csv_path = make_openobs_csv(workdir / "phases.csv", rows, seed=1)
    reference = load_reference()
    names = (
        "read a chunk (readers; worker)",
        "normalise (normaliser; worker)",
        "write the batch to a scratch SQLite file (store.prepare_batch; worker)",
        "copy into the GeoPackage: rows, duplicate search, R-tree entries, grid counts (store; main)",
        "finish: grid, R-tree packing and check, styles, indexes, extents, swap (store; main)",
    )
    times = dict.fromkeys(names, 0.0)
    header, _ = importer._text_header(csv_path)
    result = SourceResult("openobs", str(csv_path))
    with store.GeoPackageUpdate(workdir / "phases.gpkg") as gpkg:
        adder = _Importer(gpkg, reference)
        for chunk in importer._text_chunks(csv_path, importer.CHUNK_ROWS):
            start = time.perf_counter()
            tables = importer._read_text_chunk(csv_path, header, chunk, workdir)
            read = sum(len(table) for table in tables)
            middle = time.perf_counter()
            batch = normalise(tables, reference)
            end = time.perf_counter()
            prepared = store.prepare_batch(batch.occurrences, batch.zones, batch.rejects, workdir / "batch.sqlite")
            last = time.perf_counter()
            adder.add_batch(read, prepared, result)
            prepared.path.unlink()
            for name, seconds in zip(names, (middle - start, end - middle, last - end, time.perf_counter() - last)):
                times[name] += seconds
        start = time.perf_counter()
        gpkg.commit()
        times[names[-1]] = time.perf_counter() - start
    total = sum(times.values())
    lines = [f"Time per step for {rows:,} rows in chunks of {importer.CHUNK_ROWS:,}, all in one process "
             "(same CSV shape; in the import the worker steps run in 2 processes beside the main one):", "",
             "| step | s | share |", "|---|---:|---:|"]  # fmt: skip
    lines += [f"| {name} | {seconds:.1f} | {seconds / total:.0%} |" for name, seconds in times.items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--huge", action="store_true", help="also 10M rows (chunked path; slow)")
    parser.add_argument("--chunk-rows", type=int, default=None, help="force the chunked path")
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--phase-rows", type=int, default=300_000, help="rows for the per-step breakdown (0: none)")
    args = parser.parse_args(argv)
    sizes = [*args.sizes, *([10_000_000] if args.huge else [])]
    with tempfile.TemporaryDirectory(prefix="bivalves-bench-", dir=args.workdir) as workdir:
        table = markdown(bench(sizes, Path(workdir), args.chunk_rows))
        if args.phase_rows:
            table += "\n\n" + phases(args.phase_rows, Path(workdir))
    print(table)
    return table


if __name__ == "__main__":
    main()
