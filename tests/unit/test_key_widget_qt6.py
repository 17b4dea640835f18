"""The key widget under PyQt6 (Qt6, as in QGIS 4): a separate venv without QGIS, a `qgis.PyQt` shim.

The venv build/qt6-venv is made once from /usr/bin/python3 WITHOUT system site packages and
cached (stamp file = tests/qt6/requirements.txt content). The test skips only when the package
index cannot be reached.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VENV = ROOT / "build" / "qt6-venv"
REQUIREMENTS = ROOT / "tests" / "qt6" / "requirements.txt"
STAMP = VENV / ".requirements"
DRIVER = ROOT / "tests" / "qt6" / "drive_key_widget.py"
SHIM = ROOT / "tests" / "qt6" / "shim"
UNREACHABLE = ("Could not fetch URL", "Failed to establish a new connection", "Temporary failure in name resolution",
               "Network is unreachable", "ConnectTimeout", "Max retries exceeded")


def qt6_python() -> Path:
    """build/qt6-venv/bin/python with the pinned PyQt6, created on first use."""
    python = VENV / "bin" / "python"
    wanted = REQUIREMENTS.read_text(encoding="utf-8")
    if python.is_file() and STAMP.is_file() and STAMP.read_text(encoding="utf-8") == wanted:
        return python
    subprocess.run(["/usr/bin/python3", "-m", "venv", "--clear", str(VENV)], check=True, timeout=300)
    done = subprocess.run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", "-r",
                           str(REQUIREMENTS)], capture_output=True, text=True, timeout=900, check=False)
    if done.returncode != 0:
        if any(marker in done.stderr for marker in UNREACHABLE):
            pytest.skip(f"PyPI unreachable, PyQt6 run skipped: {done.stderr.strip().splitlines()[-1]}")
        pytest.fail(f"pip install of tests/qt6/requirements.txt failed:\n{done.stderr[-3000:]}")
    STAMP.write_text(wanted, encoding="utf-8")
    return python


@pytest.mark.slow
def test_key_widget_runs_under_pyqt6_through_a_whole_path(tmp_path) -> None:
    python = qt6_python()
    screenshot = ROOT / "build" / "screenshots" / "key_widget_qt6.png"
    screenshot.parent.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "QGIS"))}
    env.update(PYTHONPATH=f"{SHIM}{os.pathsep}{ROOT}", QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1",
               XDG_RUNTIME_DIR=str(tmp_path))
    done = subprocess.run([str(python), str(DRIVER), str(screenshot)], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["qt"].startswith("6.")
    assert report["bindings"] and all(name.startswith("PyQt6") for name in report["bindings"])
    assert report["questions"] == ["start", "f01", "f04", "f05", "f09", "f11", "f12", "result"]
    assert report["result"] == ["Unio crassus", 64443]
    assert report["notices"] == ["protected", "live_handling"] and report["banner_visible"] is True
    assert "ESPÈCE PROTÉGÉE" in report["sheet_text"] and "« spécimen »" in report["sheet_text"]
    assert report["saved"] is True and screenshot.stat().st_size > 10_000
    assert (report["after_back"], report["after_home"]) == ("f12", "start")
    assert report["multi_candidates"] == 2
