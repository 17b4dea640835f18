"""Run every benchmarks/bench_*.py and rewrite docs/benchmarks.md with their output (`make benchmarks`).

Each benchmark runs in its own process with its default arguments and prints Markdown (a table,
or JSON which is fenced); this script adds the machine, the date and how to reproduce. Sections of
benchmarks not run this time are kept, and so are the hand-written `###` notes closing a section.

    .venv/bin/python benchmarks/run.py --report docs/benchmarks.md [--only import render ...]
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def machine() -> str:
    try:
        from osgeo import gdal

        gdal_version = gdal.__version__
    except ImportError:
        gdal_version = "?"
    load = ", ".join(f"{v:.1f}" for v in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return (
        f"{platform.platform()}, {os.cpu_count()} CPU, Python {platform.python_version()}, GDAL {gdal_version}; "
        f"load average before the run: {load}"
    )


def docstring(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    quote = text.find('"""')
    end = text.find('"""', quote + 3)
    return text[quote + 3 : end].strip() if quote >= 0 and end > quote else ""


def run_one(path: Path) -> tuple[str, float, int]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PROJ_DATA=os.environ.get("PROJ_DATA", "/usr/share/proj"))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    start = time.perf_counter()
    completed = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, env=env, check=False)
    output = completed.stdout.strip()
    if completed.returncode != 0:
        output += f"\n\n(exit status {completed.returncode})\n\n```\n{completed.stderr.strip()[-3000:]}\n```"
    return output, time.perf_counter() - start, completed.returncode


def section(path: Path, output: str, seconds: float, machine_line: str) -> str:
    doc = docstring(path)
    body = f"```json\n{output}\n```" if output.lstrip().startswith("{") else output
    return (f"## {path.stem}\n\n{doc}\n\nRun on {machine_line}.\n\n"
            f"Result ({seconds:.0f} s for the whole benchmark):\n\n{body}\n")


def old_sections(report: Path) -> dict[str, str]:
    """The `## bench_*` sections of the previous report, by benchmark name."""
    if not report.is_file():
        return {}
    parts = report.read_text(encoding="utf-8").split("\n## ")[1:]
    return {part.split("\n", 1)[0].strip(): "## " + part.rstrip("\n") + "\n" for part in parts}


def notes(old: str) -> str:
    """The hand-written `###` subsections closing an old section (kept across runs)."""
    start = old.find("\n### ")
    return old[start:] if start >= 0 else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument("--only", nargs="*", default=None, help="benchmark names without bench_ (default: all)")
    args = parser.parse_args(argv)
    benches = sorted(HERE.glob("bench_*.py"))
    if args.only:
        benches = [b for b in benches if b.stem[len("bench_") :] in args.only]
    header = [
        "# Benchmarks",
        "",
        "Written by `make benchmarks` (`benchmarks/run.py`), which runs every `benchmarks/bench_*.py` in turn; "
        "run one alone with `.venv/bin/python benchmarks/bench_<name>.py`.",
        "",
        "Each section says when and on what it was run.",
        "",
    ]
    sections = old_sections(args.report)
    failed = 0
    for bench in benches:
        print(f"running {bench.name}...", flush=True)
        machine_line = f"{datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}: {machine()}"
        output, seconds, code = run_one(bench)
        failed += code != 0
        sections[bench.stem] = section(bench, output, seconds, machine_line) + notes(sections.get(bench.stem, ""))
    args.report.parent.mkdir(parents=True, exist_ok=True)
    body = "\n".join(sections[name] for name in sorted(sections))
    args.report.write_text("\n".join(header) + "\n" + body, encoding="utf-8")
    print(f"wrote {args.report}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
