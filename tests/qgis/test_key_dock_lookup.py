"""The Processing algorithm "taxon lookup used by the key", run through processing.run."""

from __future__ import annotations

import json

import pytest
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingException, QgsProcessingUtils

from bivalves_hdf.processing.provider import BivalvesProvider


@pytest.fixture(scope="module")
def provider(qgis_processing):
    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("bivalves_hdf")
    if existing is not None:
        yield existing
        return
    provider = BivalvesProvider()
    registry.addProvider(provider)
    yield provider
    registry.removeProvider(provider)


def test_lookup_from_json_and_choices_gives_candidates_table_and_best_character(provider) -> None:
    import processing

    assert provider.algorithm("taxon_lookup") is not None
    context = QgsProcessingContext()
    states = {"habitat": "freshwater", "inner_surface": "nacreous", "hinge_teeth": "present"}
    result = processing.run("bivalves_hdf:taxon_lookup", {"STATES": json.dumps(states), "NACRE_PITS": [0],
                                                          "OUTPUT": "TEMPORARY_OUTPUT"}, context=context)
    names = {c["scientific_name"] for c in json.loads(result["CANDIDATES"])}
    assert names == {"Margaritifera margaritifera", "Pseudunio auricularius"}  # nacre_pits choice 0 = present
    assert result["COUNT"] == 2
    assert result["BEST_CHARACTER"]
    layer = result["OUTPUT"]  # processing.run hands back the temporary layer itself
    if isinstance(layer, str):
        layer = QgsProcessingUtils.mapLayerFromString(layer, context)
    assert sorted(f["cd_ref"] for f in layer.getFeatures()) == [64435, 199889]
    reached = {r["scientific_name"] for r in json.loads(result["KEY_RESULTS"])}
    assert reached == names


def test_lookup_with_nothing_known_lists_the_whole_matrix(provider) -> None:
    import processing

    result = processing.run("bivalves_hdf:taxon_lookup", {"OUTPUT": "TEMPORARY_OUTPUT"})
    assert result["COUNT"] > 40


@pytest.mark.parametrize("states", ['{"hinge": "absent"}', '{"hinge_teeth": "maybe"}', "not json", "[1]"])
def test_lookup_refuses_states_outside_the_vocabulary(provider, states) -> None:
    import processing

    with pytest.raises(QgsProcessingException):
        processing.run("bivalves_hdf:taxon_lookup", {"STATES": states, "OUTPUT": "TEMPORARY_OUTPUT"})
