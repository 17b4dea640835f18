"""`qgis_process run bivalves_hdf:import_files` with the packaged plugin in a fresh profile."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from osgeo import ogr

FORMATS = Path(__file__).resolve().parents[1] / "fixtures" / "formats"
QGIS_PROCESS = shutil.which("qgis_process.bin") or shutil.which("qgis_process")

pytestmark = [pytest.mark.slow, pytest.mark.skipif(QGIS_PROCESS is None, reason="qgis_process not installed")]


def test_qgis_process_runs_the_import(installed_plugins_dir: Path, tmp_path: Path):
    profiles_root = installed_plugins_dir.parents[3]
    ini = installed_plugins_dir.parents[1] / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    ini.write_text("[PythonPlugins]\nbivalves_hdf=true\n", encoding="utf-8")
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(profiles_root), QT_QPA_PLATFORM="offscreen")
    out = tmp_path / "out.gpkg"
    command = [
        QGIS_PROCESS,
        "run",
        "bivalves_hdf:import_files",
        "--",
        f"INPUT={FORMATS / 'geonature_synthese.csv'}",
        f"OUTPUT={out}",
    ]
    completed = subprocess.run(command, capture_output=True, text=True, env=env, timeout=240, check=False)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "READ:\t4" in completed.stdout
    dataset = ogr.Open(str(out))  # keep the dataset: its layers die with it
    assert dataset.GetLayerByName("occurrences").GetFeatureCount() == 4
