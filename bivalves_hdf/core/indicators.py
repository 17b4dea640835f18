"""Indicators by territory (communes, EPCI, SCoT/PLUi perimeters, project footprints), without QGIS.

A record counts for a territory when its point (exact, or centroid of its commune / cell / blurred
zone) lies in the territory's polygon. Absences are not counted as records; they are reported apart.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass, field
from pathlib import Path

from osgeo import ogr
from shapely import wkt as shapely_wkt
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry
from shapely.prepared import prep

from bivalves_hdf.core import schema
from bivalves_hdf.core.errors import BivalvesError
from bivalves_hdf.core.grid import CELL_SIZE, maille_10km, maille_polygon
from bivalves_hdf.core.perimeter import lambert93, to_lambert93
from bivalves_hdf.core.report_content import (
    as_bool,
    as_int,
    as_text,
    layer_rows,
    load_reference_or_none,
    open_data,
    taxon_flags,
)
from bivalves_hdf.core.report_export import csv_cell

ogr.UseExceptions()

RED_LIST = ("CR", "EN", "VU", "NT")  # same classes as the layer style "Liste rouge nationale"
NAME_FIELDS = ("nom", "name", "libelle", "nom_com", "nom_epci", "nom_scot", "lib", "label")
LIMITS = (
    "Une absence d'observation ne signifie pas l'absence de l'espèce : de nombreux cours d'eau n'ont jamais "
    "été prospectés pour les bivalves.",
    "Une observation localisée à une commune, une maille ou un polygone flouté est comptée au territoire qui "
    "contient le centre de sa zone.",
    "La part de mailles avec données mesure l'effort de prospection, pas la répartition des espèces.",
    "Statuts : arrêté du 23 avril 2007, liste rouge nationale, règlement (UE) 1143/2014 — vérifier la version en "
    "vigueur des textes sur Légifrance avant toute citation.",
)


@dataclass(frozen=True)
class Territory:
    """One input polygon (Lambert-93) with its name."""

    index: int
    name: str
    geometry: BaseGeometry


@dataclass(frozen=True)
class TerritoryIndicators:
    """What is known about bivalves in one territory."""

    index: int
    name: str
    area_km2: float
    records: int
    absences: int
    taxa: tuple[str, ...]
    protected_taxa: tuple[str, ...]
    red_list_taxa: tuple[str, ...]
    invasive_taxa: tuple[str, ...]
    last_year: int | None
    cells: int
    cells_with_data: int
    records_by_decade: dict = field(default_factory=dict)  # {1990: n, ...}; undated under None
    wkt: str = ""

    @property
    def cell_share(self) -> float:
        return self.cells_with_data / self.cells if self.cells else 0.0


@dataclass(frozen=True)
class _Point:
    x: float
    y: float
    key: object
    name: str
    year: int | None
    absence: bool


def read_territories(path: str | Path) -> list[Territory]:
    """Polygons of the first layer of a vector file, converted to Lambert-93, named by a name-like field."""
    path = Path(path)
    try:
        dataset = ogr.Open(str(path))
    except RuntimeError as error:
        raise BivalvesError(f"cannot read the territories file {path}: {error}") from error
    if dataset is None or dataset.GetLayerCount() == 0:
        raise BivalvesError(f"cannot read the territories file {path}")
    layer = dataset.GetLayerByIndex(0)
    definition = layer.GetLayerDefn()
    names = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    name_field = next((n for wanted in NAME_FIELDS for n in names if n.lower() == wanted), None)
    source = layer.GetSpatialRef()
    territories = []
    for number, feature in enumerate(layer, 1):
        geometry = feature.GetGeometryRef()
        if geometry is None:
            continue
        shape = shapely_wkt.loads(to_lambert93(geometry.Clone(), source).ExportToWkt())
        if not shape.geom_type.endswith("Polygon") or shape.is_empty:
            continue
        label = as_text(feature.GetField(name_field)) if name_field else ""
        shape = shape if shape.is_valid else shape.buffer(0)
        territories.append(Territory(number, label or f"Territoire {number}", shape))
    if not territories:
        raise BivalvesError(f"no polygon in the territories file {path}")
    return territories


def _points(data_path: Path) -> tuple[list[_Point], dict]:
    dataset = open_data(data_path)
    reference = load_reference_or_none()
    points, flags = [], {}
    for values, geometry in layer_rows(dataset, schema.OCCURRENCES):
        if geometry is None or geometry.is_empty:
            continue
        cd_ref = as_int(values.get("cdRef"))
        name = as_text(values.get("nomValide")) or as_text(values.get("nomCite"))
        key = cd_ref if cd_ref is not None else name
        if key not in flags:
            flags[key] = (name, taxon_flags(reference, cd_ref, values))
        absence = as_bool(values.get("estAbsence")) or as_text(values.get("statutObservation")) == "No"
        year = as_int(values.get("annee")) or as_int(as_text(values.get("dateDebut"))[:4] or None)
        points.append(_Point(geometry.x, geometry.y, key, name, year, absence))
    return points, flags


def _cells(geometry: BaseGeometry) -> list[str]:
    """Codes of the 10 km cells sharing some area with the territory."""
    xmin, ymin, xmax, ymax = geometry.bounds
    prepared = prep(geometry)
    codes = []
    for east in range(math.floor(xmin / CELL_SIZE), math.floor(xmax / CELL_SIZE) + 1):
        for north in range(math.floor(ymin / CELL_SIZE), math.floor(ymax / CELL_SIZE) + 1):
            code = maille_10km(east * CELL_SIZE, north * CELL_SIZE)
            cell = maille_polygon(code)
            if prepared.intersects(cell) and geometry.intersection(cell).area > 0:
                codes.append(code)
    return codes


def compute_indicators(data_path: str | Path, territories: list[Territory]) -> list[TerritoryIndicators]:
    """Indicators for each territory, in input order."""
    points, flags = _points(Path(data_path))
    cells_with_data = {maille_10km(p.x, p.y) for p in points if not p.absence}
    results = []
    for territory in territories:
        prepared = prep(territory.geometry)
        xmin, ymin, xmax, ymax = territory.geometry.bounds
        inside = [p for p in points if xmin <= p.x <= xmax and ymin <= p.y <= ymax
                  and prepared.intersects(Point(p.x, p.y))]
        present = [p for p in inside if not p.absence]
        keys = sorted({p.key for p in present}, key=lambda k: flags[k][0].lower())
        decades: dict = {}
        for p in present:
            decade = (p.year // 10) * 10 if p.year else None
            decades[decade] = decades.get(decade, 0) + 1
        cells = _cells(territory.geometry)
        years = [p.year for p in present if p.year]
        results.append(TerritoryIndicators(
            index=territory.index,
            name=territory.name,
            area_km2=round(territory.geometry.area / 1e6, 2),
            records=len(present),
            absences=len(inside) - len(present),
            taxa=tuple(flags[k][0] for k in keys),
            protected_taxa=tuple(flags[k][0] for k in keys if flags[k][1].protected),
            red_list_taxa=tuple(f"{flags[k][0]} ({flags[k][1].red_list})" for k in keys
                                if flags[k][1].red_list in RED_LIST),
            invasive_taxa=tuple(flags[k][0] for k in keys if flags[k][1].invasive),
            last_year=max(years) if years else None,
            cells=len(cells),
            cells_with_data=sum(1 for code in cells if code in cells_with_data),
            records_by_decade=dict(sorted(decades.items(), key=lambda item: (item[0] is None, item[0] or 0))),
            wkt=territory.geometry.wkt,
        ))
    return results


def decades_of(results: list[TerritoryIndicators]) -> list[int]:
    return sorted({d for r in results for d in r.records_by_decade if d is not None})


def _row(result: TerritoryIndicators, decades: list[int]) -> dict:
    row = {
        "territoire": result.name,
        "surfaceKm2": result.area_km2,
        "nbObservations": result.records,
        "nbAbsences": result.absences,
        "nbTaxons": len(result.taxa),
        "nbTaxonsProteges": len(result.protected_taxa),
        "nbTaxonsListeRouge": len(result.red_list_taxa),
        "nbTaxonsEnvahissants": len(result.invasive_taxa),
        "derniereAnnee": result.last_year,
        "nbMailles": result.cells,
        "nbMaillesAvecDonnees": result.cells_with_data,
        "partMaillesAvecDonnees": round(result.cell_share, 3),
        "taxons": " | ".join(result.taxa),
        "taxonsProteges": " | ".join(result.protected_taxa),
        "taxonsListeRouge": " | ".join(result.red_list_taxa),
        "taxonsEnvahissants": " | ".join(result.invasive_taxa),
        "obsSansDate": result.records_by_decade.get(None, 0),
    }
    for decade in decades:
        row[f"obs{decade}s"] = result.records_by_decade.get(decade, 0)
    return row


HEADERS_FR = {
    "territoire": "Territoire", "surfaceKm2": "Surface (km²)", "nbObservations": "Observations (présences)",
    "nbAbsences": "Absences", "nbTaxons": "Taxons", "nbTaxonsProteges": "Taxons protégés",
    "nbTaxonsListeRouge": "Taxons liste rouge (CR, EN, VU, NT)",
    "nbTaxonsEnvahissants": "Taxons exotiques envahissants",
    "derniereAnnee": "Dernière année", "nbMailles": "Mailles 10 km", "nbMaillesAvecDonnees": "Mailles avec données",
    "partMaillesAvecDonnees": "Part des mailles avec données", "taxons": "Liste des taxons",
    "taxonsProteges": "Taxons protégés (liste)", "taxonsListeRouge": "Taxons liste rouge (liste)",
    "taxonsEnvahissants": "Taxons envahissants (liste)", "obsSansDate": "Observations sans date",
}


def _header(key: str) -> str:
    if key in HEADERS_FR:
        return HEADERS_FR[key]
    decade = int(key[3:7])  # obs1990s
    return f"Observations {decade}-{decade + 9}"


def write_indicators_csv(results: list[TerritoryIndicators], path: Path) -> Path:
    """UTF-8 with BOM, semicolons, decimal commas, French headers, formulas neutralised."""
    decades = decades_of(results)
    rows = [_row(r, decades) for r in results]
    keys = list(rows[0]) if rows else list(HEADERS_FR)
    path = Path(path)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow([_header(k) for k in keys])
        for row in rows:
            writer.writerow([csv_cell(row[k]) for k in keys])
    return path


def write_indicators_gpkg(results: list[TerritoryIndicators], path: Path, layer_name: str = "indicateurs") -> Path:
    """One polygon per territory with the indicators as attributes (EPSG:2154)."""
    decades = decades_of(results)
    path = Path(path)
    if path.exists():
        path.unlink()
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = dataset.CreateLayer(layer_name, lambert93(), ogr.wkbMultiPolygon)
    sample = _row(results[0], decades) if results else {}
    for key, value in sample.items():
        kind = ogr.OFTReal if isinstance(value, float) else ogr.OFTInteger if isinstance(value, int) else ogr.OFTString
        if key == "derniereAnnee":
            kind = ogr.OFTInteger
        layer.CreateField(ogr.FieldDefn(key, kind))
    for result in results:
        feature = ogr.Feature(layer.GetLayerDefn())
        for key, value in _row(result, decades).items():
            if value is not None:
                feature.SetField(key, value)
        feature.SetGeometry(ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkt(result.wkt)))
        layer.CreateFeature(feature)
    dataset = None
    return path

