"""Default QML styles for the GeoPackage's `layer_styles` table (the table QGIS itself writes).

`data/styles/<layer>.qml` becomes the layer's default style; `data/styles/<layer>_<variant>.qml`
is stored as an extra named style. The French field aliases of `schema` are put into every
style, because QGIS 3.22 reads field aliases from the style, not from `gpkg_data_columns`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import quoteattr

from bivalves_hdf.core import schema

STYLE_OWNER = "bivalves_hdf"
_MINIMAL_QML = (
    "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
    '<qgis version="3.22.16" styleCategories="Fields">\n{aliases}</qgis>\n'
)


@dataclass(frozen=True)
class StyleRow:
    """One row of layer_styles."""

    table: str
    geometry_column: str
    name: str
    qml: str
    default: bool
    description: str


def aliases_xml(columns: tuple[schema.Column, ...], first_index: int = 1) -> str:
    """The QML `<aliases>` element (index 0 is the fid)."""
    lines = [
        f'    <alias field={quoteattr(column.name)} index="{first_index + i}" name={quoteattr(column.alias_fr)}/>'
        for i, column in enumerate(columns)
    ]
    return "  <aliases>\n" + "\n".join(lines) + "\n  </aliases>\n"


def with_aliases(qml: str, columns: tuple[schema.Column, ...]) -> str:
    """The QML with the schema's aliases, unless it already defines aliases."""
    if "<aliases" in qml:
        return qml
    return qml.replace("</qgis>", aliases_xml(columns) + "</qgis>", 1)


def style_rows(styles_dir: Path, layers: dict[str, tuple[tuple[schema.Column, ...], str]]) -> list[StyleRow]:
    """Rows for every layer: `layers` maps a layer name to (columns, geometry column or '')."""
    rows: list[StyleRow] = []
    for layer, (columns, geometry_column) in layers.items():
        default_file = styles_dir / f"{layer}.qml"
        if default_file.is_file():
            qml = default_file.read_text(encoding="utf-8")
        else:
            qml = _MINIMAL_QML.format(aliases="")
        rows.append(
            StyleRow(layer, geometry_column, layer, with_aliases(qml, columns), True, "Style par défaut (bivalves_hdf)")
        )
        for variant in sorted(styles_dir.glob(f"{layer}_*.qml")):
            if variant.stem in layers:  # e.g. occurrences_zones.qml belongs to its own layer
                continue
            qml = with_aliases(variant.read_text(encoding="utf-8"), columns)
            rows.append(StyleRow(layer, geometry_column, variant.stem, qml, False, "Variante (bivalves_hdf)"))
    return rows
