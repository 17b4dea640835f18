"""Fixtures for the installable zip built by `make package`."""

from __future__ import annotations

import configparser
import os
import subprocess
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# The plugin menu, in order, as an agent sees it in English and in French.
ENGLISH_MENU = ["Update the data", "Load the layers", "Quick filters", "Identification key", "Extract for a procedure",
                "Indicators by territory", "Publish to the shared database", "Settings", "Help"]
FRENCH_MENU = ["Mettre à jour les données", "Charger les couches", "Filtres rapides", "Clé de détermination",
               "Extraction pour procédure", "Indicateurs par territoire", "Publier dans la base partagée",
               "Paramètres", "Aide"]


def doc_images_dir() -> Path:
    """Where the screenshot tests write: docs/img/ with BIVALVES_DOC_IMAGES=1 (`make doc-images`),
    else build/screenshots/doc-img/, so that a test run leaves the repository as it was."""
    folder = ROOT / "docs" / "img" if os.environ.get("BIVALVES_DOC_IMAGES") == "1" else \
        ROOT / "build" / "screenshots" / "doc-img"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def plugin_version() -> str:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    return parser["general"]["version"]


@pytest.fixture(scope="session")
def plugin_zip() -> Path:
    """dist/bivalves_hdf-<version>.zip, built by `make package` (run now if missing)."""
    path = ROOT / "dist" / f"bivalves_hdf-{plugin_version()}.zip"
    if not path.is_file():
        subprocess.run(["make", "-s", "package"], cwd=ROOT, check=True)  # noqa: S603,S607
    return path


@pytest.fixture(scope="session")
def installed_plugins_dir(plugin_zip: Path, tmp_path_factory) -> Path:
    """A fresh QGIS profile's python/plugins folder holding the unzipped plugin."""
    profile = tmp_path_factory.mktemp("profiles") / "profiles" / "default"
    plugins = profile / "python" / "plugins"
    plugins.mkdir(parents=True)
    with zipfile.ZipFile(plugin_zip) as archive:
        archive.extractall(plugins)
    return plugins
