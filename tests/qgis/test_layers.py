"""Loading the styled layers: group, renderers, forms, metadata, replacement, filters, settings."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3

import pytest
from fixtures_layers import write_sample_gpkg
from qgis.core import (
    Qgis,
    QgsCategorizedSymbolRenderer,
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeature,
    QgsGeometry,
    QgsProject,
    QgsRenderContext,
    QgsRuleBasedRenderer,
    QgsVectorLayer,
    QgsVectorLayerUtils,
)

from bivalves_hdf.core import schema, status_class
from bivalves_hdf.qgis_io import layers as layers_module
from bivalves_hdf.qgis_io import styles
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


def test_occurrences_status_renderer_categories_and_variants(loaded):
    layer = loaded[LAYER_TITLES[schema.OCCURRENCES]]
    renderer = layer.renderer()
    assert isinstance(renderer, QgsCategorizedSymbolRenderer)
    assert renderer.classAttribute() == status_class.COLUMN
    *categories, other = renderer.categories()
    assert [int(c.value()) for c in categories] == list(schema.CLASSE_STATUT)  # a string in QGIS 3.22
    assert other.value() == "" and other.label() == styles.UNKNOWN_LABEL  # "all other values"
    assert renderer.filter(layer.fields()) == ""  # so no `classeStatut IN (...)` test per row
    labels = [c.label() for c in categories]
    assert labels[0].startswith("Absence")
    assert labels[1] == "Protégé (arrêté du 23 avril 2007, art. 2)"
    assert labels[2] == "Protégé – coquille vide / trouvé mort"
    assert "Exotique envahissant" in labels and "Introduit" in labels
    assert labels[-2].startswith("Indigène") and labels[-1].startswith("Indigène – coquille vide")
    for category in categories:  # a dead shell: the status marker plus a white centre, nothing per point
        symbol = category.symbol()
        code = int(category.value())
        assert symbol.symbolLayerCount() == (2 if code % 2 == status_class.DEAD else 1)
        assert not symbol.hasDataDefinedProperties()
        assert symbol.symbolLayer(0).color() == styles.status_symbol(code).symbolLayer(0).color()
    assert renderer.usedAttributes(QgsRenderContext()) == {status_class.COLUMN}
    assert not renderer.usingSymbolLevels()
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
    assert isinstance(layer.renderer(), QgsCategorizedSymbolRenderer)
    assert len(layer.renderer().categories()) == len(schema.CLASSE_STATUT) + 1
    assert not layer.labelsEnabled()


def evaluate(layer: QgsVectorLayer, text: str) -> list:
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    expression = QgsExpression(text)
    assert expression.prepare(context), expression.parserErrorString()
    values = []
    for feature in layer.getFeatures():
        context.setFeature(feature)
        values.append(expression.evaluate(context))
    return values


def test_every_record_has_the_class_of_its_flags(loaded):
    """The stored class is the one the flags give; the QGIS expression form gives it too."""
    layer = loaded[LAYER_TITLES[schema.OCCURRENCES]]
    features = list(layer.getFeatures())
    stored = [f[status_class.COLUMN] for f in features]
    expected = [status_class.status_class(*(f[name] for name in status_class.FLAG_COLUMNS)) for f in features]
    assert stored == expected
    assert evaluate(layer, status_class.STATUS_CLASS_SQL) == stored
    assert set(stored) == set(schema.CLASSE_STATUT)  # the sample exercises every category


def test_a_point_added_in_qgis_gets_its_class_and_an_unknown_class_is_drawn(qgis_app):
    layer = template_layer(STYLE_FILES[0])
    assert layer.loadNamedStyle(str(style_path("occurrences")))[1]
    index = layer.fields().indexOf(status_class.COLUMN)
    default = layer.defaultValueDefinition(index)
    assert default.expression() == status_class.STATUS_CLASS_SQL and default.applyOnUpdate()
    values = {layer.fields().indexOf(name): value for name, value in (("protege", True), ("estCoquilleMorte", True))}
    feature = QgsVectorLayerUtils.createFeature(layer, QgsGeometry(), values)
    assert feature[status_class.COLUMN] == 3  # protected, dead shell
    renderer, context = layer.renderer(), QgsRenderContext()
    renderer.startRender(context, layer.fields())
    feature[status_class.COLUMN] = None  # e.g. a row appended by another tool
    assert renderer.symbolForFeature(feature, context).color().name() == styles.UNKNOWN_MARKER[0]
    renderer.stopRender(context)


def test_style_expressions_parse_on_qgis_3_22(qgis_app):
    """Every filter of every style file is a valid expression (QGIS 3.22 has no BETWEEN, for one)."""
    for style in STYLE_FILES:
        layer = template_layer(style)
        assert layer.loadNamedStyle(str(style_path(style.name)))[1], style.name
        renderer = layer.renderer()
        if isinstance(renderer, QgsRuleBasedRenderer):
            for rule in renderer.rootRule().descendants():
                if rule.filterExpression() and not rule.isElse():
                    expression = QgsExpression(rule.filterExpression())
                    assert not expression.hasParserError(), (style.name, rule.label(), expression.parserErrorString())


def test_age_variant_classes_every_year(qgis_app):
    layer = template_layer(STYLE_FILES[1])
    this_year = dt.date.today().year
    renderer = styles.rule_renderer(styles.age_rules())  # kept: it owns the rules
    rules = renderer.rootRule().children()
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    for year in (this_year, this_year - 9, this_year - 10, this_year - 24, this_year - 25, this_year - 49,
                 this_year - 50, None):  # fmt: skip
        feature = QgsFeature(layer.fields())
        feature["annee"] = year
        context.setFeature(feature)
        matches = [r.label() for r in rules if QgsExpression(r.filterExpression()).evaluate(context)]
        assert len(matches) == 1, (year, matches)


def test_a_geopackage_without_the_class_column_is_drawn_by_expression(qgis_iface, qgis_new_project, tmp_path):
    """A file written before classeStatut existed: same categories, the class computed per point."""
    path = write_sample_gpkg(tmp_path / "old.gpkg", 60)
    with contextlib.closing(sqlite3.connect(str(path))) as connection:
        for (trigger,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
            connection.execute(f'DROP TRIGGER "{trigger}"')  # GDAL's R-tree triggers need GDAL's functions
        connection.execute(f'ALTER TABLE occurrences DROP COLUMN "{status_class.COLUMN}"')
        connection.commit()
    layer = by_title(load_layers(qgis_iface, path))[LAYER_TITLES[schema.OCCURRENCES]]
    assert layer.fields().indexOf(status_class.COLUMN) < 0
    renderer = layer.renderer()
    assert isinstance(renderer, QgsCategorizedSymbolRenderer)
    assert renderer.classAttribute() == status_class.STATUS_CLASS_SQL
    values = evaluate(layer, renderer.classAttribute())
    assert set(values) <= set(schema.CLASSE_STATUT) and len(values) == 60


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
    assert occurrences.renderer().type() == "categorizedSymbol"
    assert "Sources" in occurrences.metadata().abstract()
