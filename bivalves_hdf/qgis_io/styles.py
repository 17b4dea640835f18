"""The QML styles of the GeoPackage layers, built once with PyQGIS and saved in data/styles/.

The files in data/styles/ are the source of truth (the store copies them into the GeoPackage's
`layer_styles` table, `layers.py` applies them). Regenerate them with
`/usr/bin/python3 -m bivalves_hdf.qgis_io.styles` after changing this module (tests check the
rules and forms of the committed files).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsDefaultValue,
    QgsEditorWidgetSetup,
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsLinePatternFillSymbolLayer,
    QgsMarkerSymbol,
    QgsRendererCategory,
    QgsRendererRange,
    QgsRuleBasedRenderer,
    QgsSingleSymbolRenderer,
    QgsSymbol,
    QgsVectorLayer,
)
from qgis.PyQt.QtXml import QDomDocument

from bivalves_hdf.core import schema, status_class
from bivalves_hdf.paths import STYLES_DIR

_URI_TYPES = {"str": "string", "int": "integer", "float": "double", "bool": "boolean", "date": "date"}


@dataclass(frozen=True)
class Rule:
    """One rule of a rule-based renderer: legend label, filter and symbol."""

    label: str
    filter: str  # noqa: A003 - the QGIS name
    symbol: QgsSymbol


@dataclass(frozen=True)
class StyleFile:
    """A style file of data/styles/: its file name, the layer it styles and how to build it."""

    name: str
    layer: str
    geometry: str  # 'Point', 'Polygon' or 'None'
    columns: tuple[schema.Column, ...]


# --- symbols ------------------------------------------------------------------------------
def marker(color: str, size: float, shape: str = "circle", stroke: str = "#ffffff", width: float = 0.3):
    return QgsMarkerSymbol.createSimple(
        {
            "name": shape,
            "color": color,
            "size": str(size),
            "outline_color": stroke,
            "outline_width": str(width),
        }
    )


def hatch(color: str, angle: float, fill: str = "0,0,0,0") -> QgsFillSymbol:
    """A transparent polygon hatched at `angle` degrees with a solid outline of the same colour."""
    symbol = QgsFillSymbol.createSimple({"color": fill, "outline_color": color, "outline_width": "0.4"})
    pattern = QgsLinePatternFillSymbolLayer.create(
        {"angle": str(angle), "distance": "2", "color": color, "line_width": "0.25", "outline_width": "0"}
    )
    pattern.subSymbol().setColor(_qcolor(color))
    pattern.subSymbol().setWidth(0.25)
    symbol.insertSymbolLayer(0, pattern)
    return symbol


def _qcolor(text: str):
    from qgis.PyQt.QtGui import QColor

    return QColor(text)


def rule_renderer(rules: list[Rule]) -> QgsRuleBasedRenderer:
    root = QgsRuleBasedRenderer.Rule(None)
    for rule in rules:
        root.appendChild(QgsRuleBasedRenderer.Rule(rule.symbol, 0, 0, rule.filter, rule.label))
    return QgsRuleBasedRenderer(root)


# --- occurrences -------------------------------------------------------------------------
# The default style is a categorized renderer on `classeStatut`, an integer the normaliser derives
# from the flags (core.status_class): one attribute lookup per point. Rule filters evaluated per
# point made the first render of a million points 2.5 to 2.9 times slower than a single symbol
# (docs/benchmarks.md, bench_render), so the style does not compute the status.
# Status (schema.STATUS_RANKS) -> marker (fill, size, shape, outline colour, outline width).
STATUS_MARKERS = {
    "absence": ("#6b6b6b", 2.6, "cross2", "#6b6b6b", 0.5),
    "protected": ("#c0392b", 3.4, "circle", "#ffffff", 0.4),
    "red_list": ("#e67e22", 3.0, "circle", "#ffffff", 0.4),
    "invasive": ("#7d3c98", 3.0, "triangle", "#ffffff", 0.3),
    "introduced": ("#b9770e", 2.8, "diamond", "#ffffff", 0.3),
    "native": ("#2e86c1", 2.4, "circle", "#ffffff", 0.3),
}
DEAD_CENTRE = ("#ffffff", 1.3, "circle", "#333333", 0.15)  # white centre over the status marker
UNKNOWN_MARKER = ("#bdbdbd", 2.2, "circle", "#7f7f7f", 0.2)
UNKNOWN_LABEL = "Statut non calculé (ajout hors plugin)"


def status_symbol(code: int) -> QgsMarkerSymbol:
    """The marker of a `classeStatut` value: the status marker, with a white centre for a dead shell
    (a second layer of the same symbol: still one symbol per point, no overlay rule)."""
    symbol = marker(*STATUS_MARKERS[schema.STATUS_RANKS[code // 2]])
    if code % 2 == status_class.DEAD:
        centre = marker(*DEAD_CENTRE)  # kept alive while its layer is cloned
        symbol.appendSymbolLayer(centre.symbolLayer(0).clone())
    return symbol


def status_renderer() -> QgsCategorizedSymbolRenderer:
    """One category per `classeStatut` value, in the legend order of schema.CLASSE_STATUT, then the
    "all other values" category (value ""): a record written by another tool without a class is
    still drawn, and with it QGIS adds no `classeStatut IN (...)` filter to the feature request
    (one more test per row for SQLite)."""
    categories = [QgsRendererCategory(code, status_symbol(code), label) for code, label in schema.CLASSE_STATUT.items()]
    categories.append(QgsRendererCategory("", marker(*UNKNOWN_MARKER), UNKNOWN_LABEL))
    return QgsCategorizedSymbolRenderer(status_class.COLUMN, categories)


def age_rules() -> list[Rule]:
    """Age of the record from `annee`, relative to the current year (no BETWEEN: QGIS 3.26+ only)."""
    year = "year(now())"
    return [
        Rule("Moins de 10 ans", f'"annee" >= {year} - 9', marker("#1a9641", 2.8)),
        Rule("10 à 24 ans", f'"annee" >= {year} - 24 AND "annee" <= {year} - 10', marker("#a6d96a", 2.6)),
        Rule("25 à 49 ans", f'"annee" >= {year} - 49 AND "annee" <= {year} - 25', marker("#fdae61", 2.4)),
        Rule("50 ans et plus", f'"annee" <= {year} - 50', marker("#d7191c", 2.4)),
        Rule("Année inconnue", '"annee" IS NULL', marker("#bdbdbd", 2.2, "circle", "#7f7f7f", 0.2)),
    ]


def precision_rules() -> list[Rule]:
    """Location precision class; zone classes are drawn as hollow markers (centroids of a zone)."""
    colours = ["#1a9641", "#a6d96a", "#fdae61", "#f46d43", "#d7191c", "#7b3294"]
    rules = []
    for (code, label), colour in zip(schema.CLASSE_PRECISION.items(), colours):
        hollow = code in schema.ZONE_PRECISION_CLASSES
        symbol = marker("#ffffff" if hollow else colour, 2.8, "circle", colour, 0.6 if hollow else 0.3)
        rules.append(Rule(label, f"\"classePrecision\" = '{code}'", symbol))
    rules.append(Rule("Non renseignée", "ELSE", marker("#bdbdbd", 2.2, "circle", "#7f7f7f", 0.2)))
    return rules


# --- other layers ---------------------------------------------------------------------------
def zone_rules() -> list[Rule]:
    return [
        Rule("Commune", "\"typeZone\" = 'commune'", hatch("#8d6e63", 45)),
        Rule("Maille 10 km", "\"typeZone\" = 'maille'", hatch("#5d6d7e", -45)),
        Rule("Polygone flouté", "\"typeZone\" = 'floutee'", hatch("#7d3c98", 0)),
        Rule("Département", "\"typeZone\" = 'departement'", hatch("#95a5a6", 90)),
        Rule("Autre zone", "ELSE", hatch("#7f8c8d", 45)),
    ]


GRID_CLASSES = ((1, 1, "#ffffd4"), (2, 3, "#fed98e"), (4, 6, "#fe9929"), (7, 10, "#d95f0e"), (11, 999, "#993404"))


def grid_renderer() -> QgsGraduatedSymbolRenderer:
    """Choropleth of the number of taxa per 10 km cell."""
    ranges = []
    for low, high, colour in GRID_CLASSES:
        symbol = QgsFillSymbol.createSimple(
            {"color": colour, "outline_color": "#ffffff", "outline_width": "0.2", "style": "solid"}
        )
        symbol.setOpacity(0.75)
        if low == high:
            label = "1 taxon"
        elif high >= 999:
            label = f"{low} taxons et plus"
        else:
            label = f"{low} à {high} taxons"
        ranges.append(QgsRendererRange(low - 0.5, high + 0.5, symbol, label))
    return QgsGraduatedSymbolRenderer("nbTaxons", ranges)


# --- map tips ------------------------------------------------------------------------------
OCCURRENCE_MAP_TIP = """<div style="font-family: sans-serif; font-size: 9pt">
<b><i>[% "nomValide" %]</i></b>[% CASE WHEN "nomVernaculaire" IS NOT NULL THEN ' – ' || "nomVernaculaire" END %]<br/>
Date : [% coalesce(format_date("dateDebut", 'dd/MM/yyyy'), 'inconnue') %]<br/>
Observateur : [% coalesce("observateur", 'non renseigné') %]<br/>
Validation : [% coalesce(represent_value("nivValidation"), 'non renseignée') %]<br/>
Source : [% "source" %][% CASE WHEN "estAbsence" THEN '<br/><b>Absence</b>' END %]\
[% CASE WHEN "estCoquilleMorte" THEN '<br/>Coquille vide / trouvé mort' END %]
</div>"""
ZONE_MAP_TIP = """<div style="font-family: sans-serif; font-size: 9pt">
<b><i>[% "nomValide" %]</i></b><br/>Zone : [% "typeZone" %] [% "zoneId" %]<br/>
Date : [% format_date("dateDebut", 'dd/MM/yyyy') %]<br/>Source : [% "source" %]</div>"""
GRID_MAP_TIP = """<div style="font-family: sans-serif; font-size: 9pt">
<b>[% "codeMaille" %]</b><br/>[% "nbTaxons" %] taxon(s), dont [% "nbTaxonsProteges" %] protégé(s)<br/>
[% "nbObservations" %] observation(s), dernière en [% "derniereAnnee" %]</div>"""
STATION_MAP_TIP = """<div style="font-family: sans-serif; font-size: 9pt">
<b>[% "libelleStation" %]</b> ([% "codeStation" %])<br/>[% "coursEau" %] – [% "libelleCommune" %]<br/>
Bivalves : [% "taxons" %]<br/>Dernière année : [% "derniereAnnee" %]</div>"""


# --- the files -----------------------------------------------------------------------------------
STYLE_FILES = (
    StyleFile("occurrences", schema.OCCURRENCES, "Point", schema.OCCURRENCE_COLUMNS),
    StyleFile("occurrences_age", schema.OCCURRENCES, "Point", schema.OCCURRENCE_COLUMNS),
    StyleFile("occurrences_precision", schema.OCCURRENCES, "Point", schema.OCCURRENCE_COLUMNS),
    StyleFile("occurrences_zones", schema.ZONES, "Polygon", schema.ZONE_COLUMNS),
    StyleFile("maille_10km", schema.GRID, "Polygon", schema.GRID_COLUMNS),
    StyleFile("stations_hubeau", schema.STATIONS, "Point", schema.STATION_COLUMNS),
    StyleFile("rejects", schema.REJECTS, "None", schema.REJECT_COLUMNS),
)
OCCURRENCE_VARIANTS = ("occurrences_age", "occurrences_precision")


def style_path(name: str) -> Path:
    return STYLES_DIR / f"{name}.qml"


def template_layer(style: StyleFile) -> QgsVectorLayer:
    """An empty memory layer with the schema's columns, to build a style on."""
    fields = "&".join(f"field={c.name}:{_URI_TYPES[c.kind]}" for c in style.columns)
    crs = "" if style.geometry == "None" else f"crs=EPSG:{schema.CRS_EPSG}&"
    return QgsVectorLayer(f"{style.geometry}?{crs}{fields}", style.layer, "memory")


def configure_fields(layer: QgsVectorLayer, columns: tuple[schema.Column, ...]) -> None:
    """French aliases; value maps with the French label of every code; check boxes for flags."""
    value_maps = dict(schema.VALUE_MAPS)
    value_maps["motif"] = schema.REJECT_REASONS
    for column in columns:
        index = layer.fields().indexOf(column.name)
        layer.setFieldAlias(index, column.alias_fr)
        if column.name in value_maps:
            entries = [{label: code} for code, label in value_maps[column.name].items()]
            layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup("ValueMap", {"map": entries}))
        elif column.kind == "bool":
            setup = {"CheckedState": "", "UncheckedState": "", "TextDisplayMethod": 1}
            layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup("CheckBox", setup))
        elif column.kind == "date":
            setup = {"display_format": "dd/MM/yyyy", "field_format": "yyyy-MM-dd", "calendar_popup": True}
            layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup("DateTime", setup))
        if column.name == status_class.COLUMN:  # a point added or edited in QGIS gets its class too
            layer.setDefaultValueDefinition(index, QgsDefaultValue(status_class.STATUS_CLASS_SQL, True))


def build_layer(style: StyleFile) -> QgsVectorLayer:
    """The template layer carrying the whole style of `style`."""
    layer = template_layer(style)
    configure_fields(layer, style.columns)
    renderers = {
        "occurrences": status_renderer,
        "occurrences_age": lambda: rule_renderer(age_rules()),
        "occurrences_precision": lambda: rule_renderer(precision_rules()),
        "occurrences_zones": lambda: rule_renderer(zone_rules()),
        "maille_10km": grid_renderer,
        "stations_hubeau": lambda: QgsSingleSymbolRenderer(marker("#117a8b", 3.0, "square", "#ffffff", 0.4)),
    }
    if style.name in renderers:
        layer.setRenderer(renderers[style.name]())
        layer.setLabelsEnabled(False)
    tips = {
        schema.OCCURRENCES: (OCCURRENCE_MAP_TIP, '"nomValide"'),
        schema.ZONES: (ZONE_MAP_TIP, '"nomValide"'),
        schema.GRID: (GRID_MAP_TIP, '"codeMaille"'),
        schema.STATIONS: (STATION_MAP_TIP, '"libelleStation"'),
        schema.REJECTS: ("", '"source" || \' \' || "ligne" || \' : \' || represent_value("motif")'),
    }
    tip, display = tips[style.layer]
    layer.setMapTipTemplate(tip)
    layer.setDisplayExpression(display)
    return layer


def qml_text(style: StyleFile) -> str:
    layer = build_layer(style)
    document = QDomDocument("qgis")
    message = layer.exportNamedStyle(document)
    if message:
        raise RuntimeError(f"cannot export the style {style.name}: {message}")
    return document.toString(2)


def write_styles(directory: Path = STYLES_DIR) -> list[Path]:
    """Write every QML file of STYLE_FILES into `directory`."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for style in STYLE_FILES:
        path = directory / f"{style.name}.qml"
        path.write_text(qml_text(style), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":  # pragma: no cover - maintenance command
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    for written_path in write_styles(Path(sys.argv[1]) if len(sys.argv) > 1 else STYLES_DIR):
        print(written_path)
