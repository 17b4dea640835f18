"""The records of a report as a CSV (for spreadsheets) and a GeoPackage (for GIS), beside the PDF."""

from __future__ import annotations

import csv
from pathlib import Path

from osgeo import ogr

from bivalves_hdf.core.errors import BivalvesError
from bivalves_hdf.core.perimeter import lambert93
from bivalves_hdf.core.report_content import ReportContent, ReportRecord

ogr.UseExceptions()

# (attribute of ReportRecord, GeoPackage field name, CSV header)
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("identifier", "identifiant", "Identifiant"),
    ("taxon", "taxon", "Taxon"),
    ("french_name", "nomVernaculaire", "Nom vernaculaire"),
    ("name_cited", "nomCite", "Nom cité"),
    ("date", "date", "Date"),
    ("state", "etat", "État (présent, absence, coquille vide)"),
    ("count", "denombrement", "Dénombrement"),
    ("observer", "observateur", "Observateur(s)"),
    ("organisation", "organisme", "Organisme gestionnaire"),
    ("source", "source", "Source"),
    ("dataset", "idSINPJdd", "Jeu de données (idSINPJdd)"),
    ("public", "dSPublique", "Donnée publique ou privée"),
    ("validation", "validation", "Niveau de validation"),
    ("precision", "precision", "Précision"),
    ("sensitivity", "sensibilite", "Sensibilité"),
    ("location", "localisation", "Localisation"),
    ("x", "x_l93", "X (Lambert-93)"),
    ("y", "y_l93", "Y (Lambert-93)"),
    ("degraded", "precisionDegradee", "Précision dégradée (donnée sensible)"),
    ("in_buffer_only", "tamponSeulement", "Dans la zone tampon seulement"),
    ("protected", "protege", "Protégé"),
    ("red_list", "listeRouge", "Liste rouge France"),
    ("habitats_directive", "directiveHabitats", "Directive Habitats"),
    ("invasive", "envahissant", "Exotique envahissant"),
)
# A cell a spreadsheet would run as a formula (or treat as one after a control character).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """Prefix an apostrophe to a cell that a spreadsheet would read as a formula."""
    return "'" + cell if cell.startswith(FORMULA_PREFIXES) else cell


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def csv_cell(value) -> str:
    """A CSV cell for a French spreadsheet: decimal comma (floats come rounded as they should show),
    formulas neutralised."""
    if isinstance(value, float):
        return repr(value).replace(".", ",")
    return neutralise(_cell(value))


def write_csv(content: ReportContent, path: Path) -> Path:
    """UTF-8 with BOM, semicolon-separated with decimal commas (French spreadsheets), formulas neutralised."""
    path = Path(path)
    temporary = path.with_name(path.name + ".part")
    with temporary.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", quoting=csv.QUOTE_MINIMAL)
        writer.writerow([header for _, _, header in COLUMNS])
        for record in content.records:
            writer.writerow([csv_cell(getattr(record, name)) for name, _, _ in COLUMNS])
    temporary.replace(path)
    return path


def _create_layer(dataset, name: str, geometry_type: int, with_records: bool = True):
    layer = dataset.CreateLayer(name, lambert93(), geometry_type, options=["SPATIAL_INDEX=YES"])
    if with_records:
        for attribute, field_name, _ in COLUMNS:
            kind = ogr.OFTReal if attribute in ("x", "y") else ogr.OFTString
            layer.CreateField(ogr.FieldDefn(field_name, kind))
    return layer


def _add_record(layer, record: ReportRecord, wkt: str) -> None:
    feature = ogr.Feature(layer.GetLayerDefn())
    for attribute, field_name, _ in COLUMNS:
        value = getattr(record, attribute)
        if attribute in ("x", "y"):
            if value is not None:
                feature.SetField(field_name, float(value))
        else:
            feature.SetField(field_name, _cell(value))
    if wkt:
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
    layer.CreateFeature(feature)


def write_gpkg(content: ReportContent, path: Path) -> Path:
    """Layers 'releves' (points), 'releves_zones' (zones of imprecise or degraded records), 'perimetre'."""
    path = Path(path)
    temporary = path.with_name(path.stem + ".part.gpkg")
    if temporary.exists():
        temporary.unlink()
    driver = ogr.GetDriverByName("GPKG")
    try:
        dataset = driver.CreateDataSource(str(temporary))
        points = _create_layer(dataset, "releves", ogr.wkbPoint)
        zones = _create_layer(dataset, "releves_zones", ogr.wkbMultiPolygon)
        for record in content.records:
            _add_record(points, record, record.point_wkt)
            if record.zone_wkt:
                multi = ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkt(record.zone_wkt))
                _add_record(zones, record, multi.ExportToWkt())
        perimeter = _create_layer(dataset, "perimetre", ogr.wkbMultiPolygon, with_records=False)
        perimeter.CreateField(ogr.FieldDefn("type", ogr.OFTString))
        for kind, wkt in (("périmètre", content.perimeter_wkt), ("périmètre et tampon", content.area_wkt)):
            feature = ogr.Feature(perimeter.GetLayerDefn())
            feature.SetField("type", kind)
            feature.SetGeometry(ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkt(wkt)))
            perimeter.CreateFeature(feature)
        dataset = None  # close: flush to disk
    except RuntimeError as error:
        raise BivalvesError(f"cannot write {path}: {error}") from error
    temporary.replace(path)
    return path
