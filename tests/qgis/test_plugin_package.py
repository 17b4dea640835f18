"""The packaged zip is what QGIS installs: check its layout and load it like QGIS does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from fixtures_package import ENGLISH_MENU, FRENCH_MENU

LOADER = Path(__file__).with_name("plugin_loader.py")


def run_loader(plugins_dir: Path, locale: str, tmp_path: Path) -> dict:
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / f"config-{locale}"), PYTHONPATH="")
    done = subprocess.run([sys.executable, str(LOADER), str(plugins_dir), locale],  # noqa: S603
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_zip_has_one_top_folder_with_what_qgis_needs(plugin_zip: Path) -> None:
    names = zipfile.ZipFile(plugin_zip).namelist()
    assert {name.split("/")[0] for name in names} == {"bivalves_hdf"}
    for required in ("__init__.py", "metadata.txt", "LICENSE", "i18n/bivalves_hdf_fr.qm",
                     "data/icons/bivalves_hdf.svg", "plugin_main.py", "core/schema.py"):
        assert f"bivalves_hdf/{required}" in names, required
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc") or "/data/demo/" in n]
    assert not [n for n in names if n.endswith("_rc.py")], "no compiled resources (Qt6)"


@pytest.mark.parametrize(("locale", "labels"), [("en", ENGLISH_MENU), ("fr", FRENCH_MENU)])
def test_zip_loads_and_unloads_twice(installed_plugins_dir: Path, tmp_path: Path, locale: str, labels: list) -> None:
    report = run_loader(installed_plugins_dir, locale, tmp_path)
    assert report["problems"] == []
    assert len(report["rounds"]) == 2
    for state in report["rounds"]:
        loaded, after = state["loaded"], state["after_unload"]
        assert loaded["loaded"] and loaded["started"]
        assert loaded["module_file"].startswith(str(installed_plugins_dir)), "the zip's copy was loaded"
        assert loaded["menus"] == {"Bivalves Hauts-de-France": labels}
        assert loaded["toolbar_actions"] == 5
        assert loaded["options_pages"] == 1
        assert loaded["provider"] == "Bivalves Hauts-de-France"
        assert after == {"unloaded": True, "menus": {}, "toolbar_actions": 0, "options_pages": 0, "provider": False}
