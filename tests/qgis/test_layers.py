"""Loading the styled layers: group, renderers, forms, metadata, replacement, filters, settings."""

from __future__ import annotations

import datetime as dt

import pytest
from qgis.core import (
    Qgis,
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsProject,
    QgsRuleBasedRenderer,
    QgsVectorLayer,
)

from bivalves_hdf.core import schema
from bivalves_hdf.qgis_io import layers as layers_module
from bivalves_hdf.qgis_io.filters import STATUS_CODES, apply_filter
from bivalves_hdf.qgis_io.i18n import tr
from bivalves_hdf.qgis_io.layers import GROUP_NAME, LAYER_TITLES, load_from_settings, load_layers, open_layer
from bivalves_hdf.qgis_io.settings import Settings
from bivalves_hdf.qgis_io.styles import STYLE_FILES, style_path, template_layer


def plugin_groups(project: QgsProject) -> list:
    return [g for g in project.layerTreeRoot().children() if g.name() == GROUP_NAME]


def count(layer: QgsVectorLayer) -> int:
    return sum(1 for _ in layer.getFeatures())


def by_title(layers: list[QgsVectorLayer]) -> dict[str, QgsVectorLayer]:
    return {layer.name(): layer for layer in layers}


@pytest.fixture()
def loaded(qgis_iface, qgis_new_project, sample_gpkg):
    return by_title(load_layers(qgis_iface, sample_gpkg))


def test_every_style_file_loads_on_a_schema_layer(qgis_app):
    for style in STYLE_FILES:
        layer = template_layer(style)
        message, ok = layer.loadNamedStyle(str(style_path(style.name)))
        assert ok, (style.name, message)
        aliases = [layer.attributeAlias(i) for i in range(layer.fields().count())]
        assert aliases == [column.alias_fr for column in style.columns]


def test_one_group_with_the_four_layers_and_counts(loaded, sample_gpkg):
    project = QgsProject.instance()
    groups = plugin_groups(project)
    assert len(groups) == 1
    names = [node.layer().name() for node in groups[0].findLayers()]
    assert names == [LAYER_TITLES[n] for n in layers_module.LAYER_ORDER]
    assert loaded[LAYER_TITLES[schema.OCCURRENCES]].featureCount() == 400
    assert loaded[LAYER_TITLES[schema.STATIONS]].featureCount() == 12
    assert loaded[LAYER_TITLES[schema.ZONES]].featureCount() == 6


def status_rules_of(layer: QgsVectorLayer) -> list:
    group, dead = layer.renderer().rootRule().children()
    return group.children(), dead


def test_occurrences_status_renderer_rules_and_variants(loaded):
    layer = loaded[LAYER_TITLES[schema.OCCURRENCES]]
    assert isinstance(layer.renderer(), QgsRuleBasedRenderer)
    rules, dead = status_rules_of(layer)
    labels = [rule.label() for rule in rules]
    assert len(labels) == 6
    assert labels[0].startswith("Absence")
    assert labels[1] == "Protégé (arrêté du 23 avril 2007, art. 2)"
    assert labels[3:5] == ["Exotique envahissant", "Introduit"]
    assert labels[5].startswith("Indigène") and rules[5].isElse()
    assert dead.label().startswith("Coquille vide")
    manager = layer.styleManager()
    assert len(manager.styles()) == 3
    assert manager.currentStyle() == tr("Regulatory status")
    manager.setCurrentStyle(tr("Record age"))
    assert [rule.label() for rule in layer.renderer().rootRule().children()][0] == "Moins de 10 ans"
    manager.setCurrentStyle(tr("Location precision"))
    labels = [rule.label() for rule in layer.renderer().rootRule().children()]
    assert labels[:3] == list(schema.CLASSE_PRECISION.values())[:3]
    assert (
        layer.fields().indexOf("nomValide") >= 0
        and layer.editorWidgetSetup(layer.fields().indexOf("origine")).type() == "ValueMap"
    )
    manager.setCurrentStyle(tr("Regulatory status"))
    assert isinstance(layer.renderer(), QgsRuleBasedRenderer) and len(status_rules_of(layer)[0]) == 6
    assert not layer.labelsEnabled()


def test_every_record_gets_exactly_one_status(loaded):
    """The explicit status filters never overlap; what none of them takes falls to the ELSE rule."""
    layer = loaded[LAYER_TITLES[schema.OCCURRENCES]]
    rules, dead = status_rules_of(layer)
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    expressions = [QgsExpression(rule.filterExpression()) for rule in rules[:-1]] + [
        QgsExpression(dead.filterExpression())
    ]
    for expression in expressions:
        assert expression.prepare(context), expression.parserErrorString()
    per_rule = [0] * len(expressions)
    for feature in layer.getFeatures():
        context.setFeature(feature)
        matches = [bool(expression.evaluate(context)) for expression in expressions]
        assert sum(matches[:-1]) <= 1, feature.attributes()
        if not any(matches[:-1]):  # ELSE: a native (or unknown origin) presence without status
            assert not feature["estAbsence"] and not feature["protege"] and not feature["envahissant"]
            assert feature["origine"] != "introduced" and feature["listeRouge"] not in ("CR", "EN", "VU", "NT")
        assert matches[-1] == bool(feature["estCoquilleMorte"] and not feature["estAbsence"])
        per_rule = [n + m for n, m in zip(per_rule, matches)]
    assert all(per_rule), per_rule  # the sample exercises every rule


def test_forms_aliases_and_map_tips(loaded):
    layer = loaded[LAYER_TITLES[schema.OCCURRENCES]]
    fields = layer.fields()
    for column in schema.OCCURRENCE_COLUMNS:
        assert layer.attributeAlias(fields.indexOf(column.name)) == column.alias_fr
    for name, codes in schema.VALUE_MAPS.items():
        setup = layer.editorWidgetSetup(fields.indexOf(name))
        assert setup.type() == "ValueMap", name
        mapping = {k: v for entry in setup.config()["map"] for k, v in entry.items()}
        assert set(mapping) == set(codes.values())
    assert layer.editorWidgetSetup(fields.indexOf("protege")).type() == "CheckBox"
    tip = layer.mapTipTemplate()
    for field in ("nomValide", "dateDebut", "observateur", "nivValidation", "source"):
        assert f'"{field}"' in tip
    feature = next(layer.getFeatures())
    assert feature["nomValide"]


def test_grid_is_a_choropleth_and_zones_are_hatched(loaded):
    grid = loaded[LAYER_TITLES[schema.GRID]]
    assert grid.renderer().type() == "graduatedSymbol"
    assert grid.renderer().classAttribute() == "nbTaxons"
    assert len(grid.renderer().ranges()) == 5
    zones = loaded[LAYER_TITLES[schema.ZONES]]
    first = zones.renderer().rootRule().children()[0].symbol()
    assert first.symbolLayer(0).layerType() == "LinePatternFill"


def test_metadata_lists_sources_licences_and_refresh_date(loaded):
    metadata = loaded[LAYER_TITLES[schema.OCCURRENCES]].metadata()
    assert "2024-11-03T08:00:00Z" in metadata.abstract()
    assert any("GBIF" in licence for licence in metadata.licenses())
    assert metadata.history() == ["Mise à jour des données : 2024-11-03T08:00:00Z"]


def test_loading_again_replaces_the_group(qgis_iface, qgis_new_project, sample_gpkg):
    load_layers(qgis_iface, sample_gpkg)
    first_ids = set(QgsProject.instance().mapLayers())
    load_layers(qgis_iface, sample_gpkg)
    project = QgsProject.instance()
    assert len(plugin_groups(project)) == 1
    assert len(project.mapLayers()) == 4
    assert not first_ids & set(project.mapLayers())


def test_load_from_settings_without_data_says_so(qgis_iface, qgis_new_project, tmp_path):
    settings = Settings.load()
    previous = settings.data_path
    settings.data_path = str(tmp_path / "missing.gpkg")
    settings.source_kind = "gpkg"
    settings.save()
    try:
        bar = qgis_iface.messageBar()
        bar.clear_messages()
        assert load_from_settings(qgis_iface) == []
        texts = bar.get_messages(Qgis.MessageLevel.Warning)
        assert any("Update the data" in text or "Mettre à jour" in text for text in texts), texts
        assert not plugin_groups(QgsProject.instance())
    finally:
        settings.data_path = previous
        settings.save()


def test_load_from_settings_with_data(qgis_iface, qgis_new_project, sample_gpkg):
    settings = Settings.load()
    previous = settings.data_path
    settings.data_path = str(sample_gpkg)
    settings.save()
    try:
        assert len(load_from_settings(qgis_iface)) == 4
        assert len(plugin_groups(QgsProject.instance())) == 1
    finally:
        settings.data_path = previous
        settings.save()


@pytest.mark.parametrize("status", sorted(STATUS_CODES))
def test_status_filters_match_the_attributes(loaded, status):
    layer = loaded[LAYER_TITLES[schema.OCCURRENCES]]
    expected = {
        "protege": lambda f: f["protege"] and not f["estAbsence"],
        "liste_rouge": lambda f: f["listeRouge"] in ("CR", "EN", "VU", "NT") and not f["estAbsence"],
        "envahissant": lambda f: (f["envahissant"] or f["origine"] == "invasive") and not f["estAbsence"],
        "introduit": lambda f: f["origine"] == "introduced" and not f["estAbsence"],
        "indigene": lambda f: f["origine"] == "native" and not f["estAbsence"],
        "absence": lambda f: bool(f["estAbsence"]),
        "coquille_morte": lambda f: bool(f["estCoquilleMorte"]),
    }[status]
    layer.setSubsetString("")
    wanted = sum(1 for f in layer.getFeatures() if expected(f))
    apply_filter(layer, status=status)
    assert 0 < count(layer) == wanted
    layer.setSubsetString("")


def test_taxon_period_validation_filter_and_quoting(loaded):
    layer = loaded[LAYER_TITLES[schema.OCCURRENCES]]
    subset = apply_filter(layer, taxon="Unio pictorum", since=2000, until=dt.date(2020, 12, 31), min_validation=2)
    features = list(layer.getFeatures())
    assert features
    for feature in features:
        assert feature["nomValide"] == "Unio pictorum"
        assert 2000 <= feature["dateDebut"].year() <= 2020
        assert feature["nivValidation"] in (1, 2)
    assert "'Unio pictorum'" in subset
    apply_filter(layer, taxon="x' OR 1=1 --")
    assert count(layer) == 0
    apply_filter(layer)
    assert layer.subsetString() == ""
    assert count(layer) == 400


def test_filter_dock_filters_the_loaded_layer(loaded):
    from bivalves_hdf.gui.filter_bar import FilterDock

    layer = loaded[LAYER_TITLES[schema.OCCURRENCES]]
    dock = FilterDock(None)
    assert dock.taxon.count() == 1 + len({f["nomValide"] for f in layer.getFeatures()})
    dock.taxon.setCurrentIndex(dock.taxon.findData("Unio crassus"))
    dock.status.setCurrentIndex(dock.status.findData("protege"))
    dock.since.setValue(1990)
    dock.apply_button.click()
    shown = list(layer.getFeatures())
    assert shown and all(f["nomValide"] == "Unio crassus" and f["annee"] >= 1990 for f in shown)
    assert str(len(shown)) in dock.result.text()
    dock.clear_button.click()
    assert layer.subsetString() == "" and count(layer) == 400


COARSE = {
    "commune": ({"commune", "maille", "departement"}, {"1", "2", "3"}),
    "maille": ({"maille", "departement"}, {"2", "3"}),
    "departement": ({"departement"}, {"3"}),
}


def visible(feature, precision: str) -> bool:
    """The sensitivity rule, written independently of the SQL."""
    level, location = feature["sensiNiveau"], feature["classePrecision"]
    if precision == "precise" or level in (None, "0"):
        return True
    classes, blurred = COARSE[precision]
    return level != "4" and (location in classes or (location == "floutee" and level in blurred))


@pytest.mark.parametrize("precision", ["precise", "commune", "maille", "departement"])
def test_sensitive_records_hidden_below_the_allowed_precision(qgis_iface, qgis_new_project, sample_gpkg, precision):
    layers = by_title(load_layers(qgis_iface, sample_gpkg, sensitive_precision=precision))
    layer = layers[LAYER_TITLES[schema.OCCURRENCES]]
    everything = open_layer(sample_gpkg, schema.OCCURRENCES)
    expected = sum(1 for f in everything.getFeatures() if visible(f, precision))
    assert count(layer) == expected
    if precision != "precise":
        assert expected < 400
        apply_filter(layer, status="protege")  # a quick filter keeps the sensitivity rule
        shown = list(layer.getFeatures())
        assert shown and all(visible(f, precision) for f in shown)


def test_load_action_on_the_demo_data(qgis_iface, qgis_new_project, demo_gpkg, tmp_path):
    """The menu action on the GeoPackage of `make demo`, with the default settings (sensitive: maille)."""
    import shutil

    from osgeo import ogr

    data = shutil.copy(demo_gpkg, tmp_path / "demo.gpkg")
    settings = Settings.load()
    previous = (settings.data_path, settings.sensitive_precision, settings.source_kind)
    settings.data_path, settings.sensitive_precision, settings.source_kind = str(data), "maille", "gpkg"
    settings.save()
    try:
        layers = by_title(load_from_settings(qgis_iface))
    finally:
        settings.data_path, settings.sensitive_precision, settings.source_kind = previous
        settings.save()
    dataset = ogr.Open(str(data))
    for name, title in LAYER_TITLES.items():
        expected = dataset.GetLayerByName(name).GetFeatureCount()
        if name == schema.OCCURRENCES:
            everything = open_layer(data, name)
            expected = sum(1 for f in everything.getFeatures() if visible(f, "maille"))
        assert count(layers[title]) == expected > 0, name
    occurrences = layers[LAYER_TITLES[schema.OCCURRENCES]]
    assert occurrences.renderer().type() == "RuleRenderer"
    assert "Sources" in occurrences.metadata().abstract()
