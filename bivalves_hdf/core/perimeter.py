"""A perimeter for an extraction: one (multi)polygon in Lambert-93, from a file or a WKT."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from osgeo import ogr, osr
from shapely import wkt as shapely_wkt
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from bivalves_hdf.core.errors import BivalvesError
from bivalves_hdf.core.schema import CRS_EPSG

ogr.UseExceptions()
osr.UseExceptions()
NAME_FIELDS = ("nom", "name", "libelle", "label")  # a field naming the perimeter, for the report


@dataclass(frozen=True)
class Perimeter:
    """The area of interest: WKT in EPSG:2154 and a label for the report (file name, layer...)."""

    wkt: str
    label: str

    @property
    def geometry(self) -> BaseGeometry:
        return shapely_wkt.loads(self.wkt)


def lambert93() -> osr.SpatialReference:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(CRS_EPSG)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def to_lambert93(geometry: ogr.Geometry, source: osr.SpatialReference | None) -> ogr.Geometry:
    if source is not None and not source.IsSame(lambert93()):
        source = source.Clone()
        source.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        geometry.Transform(osr.CoordinateTransformation(source, lambert93()))
    return geometry


def _polygonal(geometries: list[BaseGeometry], origin: str) -> BaseGeometry:
    polygons = [g for g in geometries if g is not None and not g.is_empty and g.geom_type.endswith("Polygon")]
    if not polygons:
        raise BivalvesError(f"no polygon in the perimeter {origin}")
    merged = unary_union([p if p.is_valid else p.buffer(0) for p in polygons])
    if merged.is_empty:
        raise BivalvesError(f"the perimeter {origin} is empty")
    return merged


def perimeter_from_file(path: str | Path) -> Perimeter:
    """Union of the polygons of every layer of a vector file (GeoJSON, GeoPackage, Shapefile...)."""
    path = Path(path)
    try:
        dataset = ogr.Open(str(path))
    except RuntimeError as error:
        raise BivalvesError(f"cannot read the perimeter file {path}: {error}") from error
    if dataset is None:
        raise BivalvesError(f"cannot read the perimeter file {path}")
    geometries, names = [], []
    for index in range(dataset.GetLayerCount()):
        layer = dataset.GetLayerByIndex(index)
        source = layer.GetSpatialRef()
        definition = layer.GetLayerDefn()
        fields = {definition.GetFieldDefn(i).GetName().lower(): i for i in range(definition.GetFieldCount())}
        name_field = next((fields[n] for n in NAME_FIELDS if n in fields), None)
        for feature in layer:
            geometry = feature.GetGeometryRef()
            if geometry is not None:
                geometries.append(shapely_wkt.loads(to_lambert93(geometry.Clone(), source).ExportToWkt()))
                if name_field is not None and feature.GetField(name_field):
                    names.append(str(feature.GetField(name_field)).strip())
    distinct = sorted(set(names))
    label = f"{distinct[0]} ({path.name})" if len(distinct) == 1 else path.name
    return Perimeter(_polygonal(geometries, str(path)).wkt, label)


def perimeter_from_wkt(wkt: str, epsg: int = CRS_EPSG, label: str = "") -> Perimeter:
    """A perimeter given as WKT in any EPSG coordinate system."""
    try:
        geometry = ogr.CreateGeometryFromWkt(wkt)
    except RuntimeError as error:
        raise BivalvesError(f"the perimeter is not valid WKT: {error}") from error
    source = osr.SpatialReference()
    source.ImportFromEPSG(int(epsg))
    converted = shapely_wkt.loads(to_lambert93(geometry, source).ExportToWkt())
    return Perimeter(_polygonal([converted], "given as WKT").wkt, label or "polygone saisi")
