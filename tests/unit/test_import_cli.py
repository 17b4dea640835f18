"""`python -m bivalves_hdf import` and the demo's GeoPackage step (real subprocess and real files)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bivalves_hdf.cli.demo_cmd import demo_exports
from bivalves_hdf.cli.main import main
from bivalves_hdf.paths import DEMO_DIR

ROOT = Path(__file__).resolve().parents[2]


def test_import_prints_counts_per_file(tmp_path, capsys):
    out = tmp_path / "out.gpkg"
    files = [DEMO_DIR / "openobs_export_2021.csv", DEMO_DIR / "sinp_dee_v121.csv"]
    assert main(["import", *map(str, files), "--out", str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"{files[0]} [openobs]: read 41, kept ")
    assert "rejected 1" in lines[0]  # the gastropod
    assert lines[1].startswith(f"{files[1]} [sinp_dee]: read ")
    assert lines[2].startswith("total: read ") and str(out) in lines[2]
    assert main(["import", str(files[0]), "--out", str(out)]) == 0
    assert "already imported" in capsys.readouterr().out


def test_unusable_input_exits_non_zero_with_a_message(tmp_path):
    bad = tmp_path / "photo.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0 not an export")
    out = tmp_path / "out.gpkg"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    completed = subprocess.run(
        [sys.executable, "-m", "bivalves_hdf", "import", str(bad), "--out", str(out)],
        capture_output=True, text=True, env=env, check=False, timeout=120,
    )  # fmt: skip
    assert completed.returncode == 1
    assert completed.stderr.startswith("error: ") and "format not recognised" in completed.stderr
    assert not out.exists()


def test_out_must_be_a_geopackage(tmp_path, capsys):
    assert main(["import", str(DEMO_DIR / "sinp_dee_v121.csv"), "--out", str(tmp_path / "out.csv")]) == 1
    assert "--out must be a .gpkg file" in capsys.readouterr().err


def test_demo_exports_cover_every_format():
    from bivalves_hdf.core.readers.base import read_file

    formats = {table.fmt for path in demo_exports() for table in read_file(path)}
    assert {
        "openobs_csv_2023", "openobs_csv_2021", "openobs_json", "sinp_dee_v121", "sinp_dee_v2", "geonature_csv",
        "gbif_csv", "gbif_json", "hubeau_json",
    } <= formats  # fmt: skip
    assert any(fmt.startswith("geonature") and "geojson" in fmt for fmt in formats)
    assert all(path.name != "perimetre_demo.geojson" for path in demo_exports())
