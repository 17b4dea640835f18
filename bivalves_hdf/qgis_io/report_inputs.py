"""Perimeters and territories taken from QGIS features (layers, selections, drawn polygons)."""

from __future__ import annotations

from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsGeometry
from shapely import wkt as shapely_wkt

from bivalves_hdf.core.errors import BivalvesError
from bivalves_hdf.core.indicators import Territory
from bivalves_hdf.core.schema import CRS_EPSG

LAMBERT93 = f"EPSG:{CRS_EPSG}"


def to_lambert93(geometry: QgsGeometry, source_crs: QgsCoordinateReferenceSystem, transform_context) -> QgsGeometry:
    converted = QgsGeometry(geometry)
    converted.transform(QgsCoordinateTransform(source_crs, QgsCoordinateReferenceSystem(LAMBERT93), transform_context))
    return converted


def geometries_wkt(geometries, source_crs: QgsCoordinateReferenceSystem, transform_context) -> str:
    """Union of polygon geometries, in Lambert-93, as WKT."""
    converted = [to_lambert93(g, source_crs, transform_context) for g in geometries
                 if g is not None and not g.isEmpty()]
    if not converted:
        raise BivalvesError("the perimeter has no polygon")
    return QgsGeometry.unaryUnion(converted).asWkt()


def territories_from_features(features, source_crs, name_field: str, transform_context) -> list[Territory]:
    """Territories in Lambert-93 from QGIS features (name from `name_field`, else 'Territoire N')."""
    territories = []
    for number, feature in enumerate(features, 1):
        if feature.geometry().isEmpty():
            continue
        shape = shapely_wkt.loads(to_lambert93(feature.geometry(), source_crs, transform_context).asWkt())
        name = str(feature[name_field]) if name_field and feature[name_field] not in (None, "") else ""
        shape = shape if shape.is_valid else shape.buffer(0)
        territories.append(Territory(number, name or f"Territoire {number}", shape))
    if not territories:
        raise BivalvesError("the territories layer has no polygon")
    return territories
