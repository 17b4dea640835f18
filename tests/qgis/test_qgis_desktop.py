"""QGIS desktop itself (the qgis binary under Xvfb) starts with the plugin enabled, in French."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from fixtures_package import FRENCH_MENU

ROOT = Path(__file__).resolve().parents[2]
PROBE = Path(__file__).with_name("desktop_probe.py")
SCREENSHOTS = ROOT / "build" / "screenshots"


@pytest.mark.desktop
@pytest.mark.skipif(not shutil.which("xvfb-run") or not shutil.which("qgis"), reason="needs qgis and xvfb-run")
def test_desktop_starts_with_plugin_menu_in_french(installed_plugins_dir: Path, tmp_path: Path) -> None:
    profiles = installed_plugins_dir.parents[3]
    ini = profiles / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    ini.write_text("[PythonPlugins]\nbivalves_hdf=true\n\n[locale]\noverrideFlag=true\nuserLocale=fr\n"
                   "globalLocale=fr_FR\n\n[qgis]\nshowTips=false\ncheckVersion=false\n", encoding="utf-8")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    png, report = SCREENSHOTS / "qgis_desktop.png", tmp_path / "probe.json"
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(BIVALVES_PROBE_JSON=str(report), BIVALVES_PROBE_PNG=str(png), PYTHONPATH="")
    subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", "qgis", "--nologo", "--noversioncheck",  # noqa: S603,S607
                    "--profiles-path", str(profiles), "--code", str(PROBE)],
                   env=env, cwd=tmp_path, capture_output=True, timeout=240, check=False)
    assert report.is_file(), "QGIS did not run the probe"
    found = json.loads(report.read_text(encoding="utf-8"))
    assert found["active"]
    assert list(found["menus"].values()) == [FRENCH_MENU]
    assert png.stat().st_size > 10_000
