"""The core stays free of QGIS and Qt; every headless job is reachable from the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

IMPORT_ALL_CORE = """
import importlib, json, pkgutil, sys
import bivalves_hdf.core as core
names = [m.name for m in pkgutil.walk_packages(core.__path__, core.__name__ + ".")]
for name in names:
    importlib.import_module(name)
bad = sorted(m for m in sys.modules if m.split(".")[0] in ("qgis", "PyQt5", "PyQt6", "sip"))
print(json.dumps({"modules": names, "qt_or_qgis": bad}))
"""


def run_python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,  # noqa: S603
                          timeout=120, check=False, env=dict(os.environ, PYTHONPATH=str(ROOT)))


def test_core_imports_neither_qgis_nor_qt() -> None:
    done = run_python(IMPORT_ALL_CORE)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert "bivalves_hdf.core.schema" in report["modules"]
    assert report["qt_or_qgis"] == []


def test_cli_help_lists_the_jobs() -> None:
    done = subprocess.run([sys.executable, "-m", "bivalves_hdf", "--help"], cwd=ROOT, capture_output=True,  # noqa: S603
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert "usage: python -m bivalves_hdf" in done.stdout


def test_cli_without_command_prints_help_and_fails() -> None:
    done = subprocess.run([sys.executable, "-m", "bivalves_hdf"], cwd=ROOT, capture_output=True,  # noqa: S603
                          text=True, timeout=120, check=False)
    assert done.returncode == 2
    assert "COMMAND" in done.stdout
