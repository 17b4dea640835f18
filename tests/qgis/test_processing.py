"""The Processing algorithms of the layers helper, run through processing.run like a model would."""

from __future__ import annotations

from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsProcessingException

from bivalves_hdf.core import schema
from bivalves_hdf.processing.provider import BivalvesProvider
from bivalves_hdf.qgis_io.layers import LAYER_TITLES, load_layers

FORMATS = Path(__file__).resolve().parents[1] / "fixtures" / "formats"


@pytest.fixture(scope="module")
def provider(qgis_processing):
    registry = QgsApplication.processingRegistry()
    if registry.providerById("bivalves_hdf") is None:
        provider = BivalvesProvider()
        registry.addProvider(provider)
        yield provider
        registry.removeProvider(provider)
    else:
        yield registry.providerById("bivalves_hdf")


def test_algorithms_are_registered(provider):
    ids = {alg.id() for alg in provider.algorithms()}
    assert {"bivalves_hdf:import_files", "bivalves_hdf:refresh"} <= ids


def test_import_files_then_load_the_layers(provider, qgis_iface, qgis_new_project, tmp_path):
    import processing

    out = tmp_path / "bivalves.gpkg"
    files = [str(FORMATS / "geonature_synthese.csv"), str(FORMATS / "gbif_occurrence.csv")]
    result = processing.run("bivalves_hdf:import_files", {"INPUT": files, "OUTPUT": str(out)})
    assert result["OUTPUT"] == str(out) and out.is_file()
    assert result["READ"] == 9 and result["KEPT"] + result["MERGED"] + result["REJECTED"] == 9
    layers = {layer.name(): layer for layer in load_layers(qgis_iface, out)}
    occurrences = layers[LAYER_TITLES[schema.OCCURRENCES]]
    assert occurrences.featureCount() == result["KEPT"] > 0
    assert occurrences.renderer().type() == "categorizedSymbol"
    assert {f["classeStatut"] for f in occurrences.getFeatures()} <= set(schema.CLASSE_STATUT)
    again = processing.run("bivalves_hdf:import_files", {"INPUT": files, "OUTPUT": str(out)})
    assert again["READ"] == 0  # files already imported (same sha256) add nothing


def test_import_of_a_missing_file_fails_plainly(provider, tmp_path):
    import processing

    with pytest.raises(QgsProcessingException):
        processing.run(
            "bivalves_hdf:import_files", {"INPUT": [str(tmp_path / "none.csv")], "OUTPUT": str(tmp_path / "o.gpkg")}
        )
    assert not (tmp_path / "o.gpkg").exists()


def test_refresh_from_the_local_fake_services(provider, fake_api, tmp_path):
    import processing

    fake_api.populate(openobs=5, gbif=3)
    urls = ";".join(f"{name}={url}" for name, url in fake_api.urls.items())
    out = tmp_path / "refresh.gpkg"
    params = {"SOURCES": [0, 2], "AREA": "dept:80", "URLS": urls, "RATE": 20, "INCREMENTAL": False, "OUTPUT": str(out)}
    result = processing.run("bivalves_hdf:refresh", params)
    assert result["OUTPUT"] == str(out) and out.is_file()
    assert fake_api.count("/openobs/occurrences/search") > 0


@pytest.mark.parametrize(("name", "value"), [("AREA", "dept:99"), ("SINCE", "01/02/2020"), ("URLS", "openobs=ftp://x")])
def test_refresh_rejects_bad_parameters_before_any_request(provider, fake_api, tmp_path, name, value):
    import processing

    urls = f"openobs={fake_api.urls['openobs']}"
    params = {"SOURCES": [0], "AREA": "region", "URLS": urls, "OUTPUT": str(tmp_path / "r.gpkg")}
    params[name] = value
    with pytest.raises(QgsProcessingException):
        processing.run("bivalves_hdf:refresh", params)
    assert not fake_api.hits
