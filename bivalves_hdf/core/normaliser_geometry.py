"""Locating each row: a point in Lambert-93 (EPSG:2154), a zone polygon when the record is
located by an area, or the reason it has no usable location.

Points are parsed and reprojected column-wise (regular expressions, vectorised pyproj);
only non-point geometries (blurred polygons, multi-cells) go through shapely one by one.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
import shapely
from pyproj import Transformer
from pyproj.exceptions import CRSError
from shapely import wkt as shapely_wkt
from shapely.errors import ShapelyError
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from .grid import maille_polygon, split_mailles
from .schema import CRS_EPSG

WGS84 = 4326
# Metropolitan France with Corsica and its coastal waters (Channel, North Sea, Atlantic, Mediterranean).
FRANCE_LON = (-5.8, 9.9)
FRANCE_LAT = (41.0, 51.6)
_NUM = r"([-+]?\d+(?:[.,]\d+)?(?:[eE][-+]?\d+)?)"
_WKT_POINT = rf"^\s*POINT\s*Z?M?\s*\(\s*{_NUM}\s+{_NUM}"
_WKT_START = re.compile(r"^\s*(?:MULTI)?(?:POINT|LINESTRING|POLYGON)|^\s*GEOMETRYCOLLECTION", re.I)
_GEOJSON_POINT = rf'^\s*\{{[^{{}}]*"type"\s*:\s*"Point"[^{{}}]*"coordinates"\s*:\s*\[\s*{_NUM}\s*,\s*{_NUM}'


@dataclass
class Location:
    """Per row: Lambert-93 and WGS84 point, zone polygon (L93 WKT) and the location problem."""

    x: pd.Series
    y: pd.Series
    lon: pd.Series
    lat: pd.Series
    zone_wkt: pd.Series  # polygon/area the record is located by (NaN for plain points)
    zone_area: pd.Series  # m²
    from_code: pd.Series  # bool: located only through codeMaille
    problem: pd.Series  # NaN, 'no_geometry', 'outside_france', 'swapped_coordinates'

    def take(self, index: pd.Index) -> Location:
        """The same location restricted to some rows."""
        return Location(**{name: getattr(self, name)[index] for name in self.__dataclass_fields__})


def text_column(frame: pd.DataFrame, name: str) -> pd.Series:
    """A column as object str/NaN (all NaN when the column is absent)."""
    if name not in frame.columns:
        return pd.Series(np.nan, index=frame.index, dtype=object)
    return frame[name].astype(object)


def numbers(series: pd.Series) -> pd.Series:
    """Floats from text, accepting a decimal comma and surrounding spaces."""
    if not series.notna().any():
        return pd.Series(np.nan, index=series.index)
    values = pd.to_numeric(series, errors="coerce").astype(float)
    retry = values.isna() & series.notna()
    if retry.any():
        text = series[retry].astype(str).str.strip().str.replace(",", ".", regex=False)
        values[retry] = pd.to_numeric(text, errors="coerce").astype(float)
    return values


@lru_cache(maxsize=32)
def _transformer(source: int, target: int) -> Transformer:
    return Transformer.from_crs(source, target, always_xy=True)


def project(transformer: Transformer, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`transformer.transform` of coordinate arrays, returned as arrays.

    pyproj 3.7 first tries its single-point path, which takes a one-element array as a scalar
    (NumPy >= 1.25 warns "Conversion of an array with ndim > 0 to a scalar"): one point is passed
    as plain floats.
    """
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if x.size == 1:
        single_x, single_y = transformer.transform(float(x.reshape(-1)[0]), float(y.reshape(-1)[0]))
        return np.full(x.shape, single_x), np.full(y.shape, single_y)
    out_x, out_y = transformer.transform(x, y)
    return np.asarray(out_x, dtype=float), np.asarray(out_y, dtype=float)


def transform_geometry(transformer: Transformer, geometry: BaseGeometry) -> BaseGeometry:
    """`geometry` reprojected by a pyproj transformer (always_xy), all its coordinates in one call.

    shapely >= 2.0 (Debian 13, sid) has the vectorised `shapely.transform`; `shapely.ops.transform`
    is deprecated there since 2.2. shapely 1.8 (Debian 12) has only `shapely.ops.transform`.
    The result is 2D (the data have no elevation).
    """
    if hasattr(shapely, "transform"):
        return shapely.transform(geometry, lambda xy: np.column_stack(project(transformer, xy[:, 0], xy[:, 1])))
    from shapely.ops import transform  # noqa: PLC0415 - shapely 1.8 only

    return transform(transformer.transform, geometry)


def _parse_shape(text: str, kind: str) -> BaseGeometry | None:
    if kind == "wkt" and not (text.isascii() and _WKT_START.match(text)):
        return None  # not WKT: spare GEOS (and its error log) the attempt
    try:
        geometry = shapely_wkt.loads(text) if kind == "wkt" else shape(json.loads(text))
    except (ShapelyError, ValueError, TypeError, KeyError, AttributeError, IndexError):
        return None
    return None if geometry.is_empty else geometry


def _guess_crs(x: pd.Series, y: pd.Series) -> pd.Series:
    degrees = (x.abs() <= 180) & (y.abs() <= 90)
    return pd.Series(np.where(degrees, WGS84, CRS_EPSG), index=x.index, dtype=float)


def _in_france(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore"):
        return (
            np.isfinite(lon) & np.isfinite(lat)
            & (lon >= FRANCE_LON[0]) & (lon <= FRANCE_LON[1])
            & (lat >= FRANCE_LAT[0]) & (lat <= FRANCE_LAT[1])
        )  # fmt: skip


def _to_wgs84(x: np.ndarray, y: np.ndarray, crs: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """lon, lat of each point and a mask of the rows whose CRS is unknown to PROJ."""
    lon = np.full(len(x), np.nan)
    lat = np.full(len(x), np.nan)
    bad_crs = np.zeros(len(x), dtype=bool)
    for code in pd.unique(crs[np.isfinite(crs)]):
        rows = crs == code
        if int(code) == WGS84:
            lon[rows], lat[rows] = x[rows], y[rows]
            continue
        try:
            lon[rows], lat[rows] = project(_transformer(int(code), WGS84), x[rows], y[rows])
        except CRSError:
            bad_crs |= rows
    return lon, lat, bad_crs


class _Candidates:
    """The first coordinates found for each row, in priority order, with their CRS."""

    def __init__(self, index: pd.Index):
        self.x = pd.Series(np.nan, index=index)
        self.y = pd.Series(np.nan, index=index)
        self.crs = pd.Series(np.nan, index=index)

    def offer(self, x: pd.Series, y: pd.Series, crs: pd.Series) -> None:
        """Coordinates for some rows (a Series indexed by row label), kept where none were found yet."""
        take = x.notna() & y.notna() & self.x[x.index].isna()
        if take.any():
            rows = x.index[take.to_numpy()]
            self.x[rows], self.y[rows], self.crs[rows] = x[rows], y[rows], crs[rows]


def _geometry_column(frame: pd.DataFrame, name: str, pattern: str, explicit: pd.Series, found: _Candidates,
                     shapes: dict[int, tuple[BaseGeometry, float]]) -> None:  # fmt: skip
    column = text_column(frame, name).dropna()
    if column.empty:
        return
    points = column.str.extract(pattern, flags=re.IGNORECASE)
    x, y = numbers(points[0]), numbers(points[1])
    found.offer(x, y, explicit[column.index].fillna(_guess_crs(x, y)))
    for label in column.index[points[0].isna().to_numpy()]:
        geometry = _parse_shape(column[label], name)
        if geometry is None or label in shapes:
            continue
        crs = explicit[label]
        if math.isnan(crs):
            lon, lat = geometry.representative_point().coords[0][:2]
            crs = WGS84 if abs(lon) <= 180 and abs(lat) <= 90 else CRS_EPSG
        if geometry.geom_type == "Point":
            found.offer(pd.Series([geometry.x], [label]), pd.Series([geometry.y], [label]), pd.Series([crs], [label]))
        else:
            shapes[label] = (geometry, crs)


def _shape_to_l93(geometry: BaseGeometry, crs: float) -> BaseGeometry | None:
    if int(crs) == CRS_EPSG:
        return geometry
    try:
        return transform_geometry(_transformer(int(crs), CRS_EPSG), geometry)
    except CRSError:
        return None


def locate(frame: pd.DataFrame) -> Location:
    """Locate every row of a canonical frame (see readers.base for the geometry columns)."""
    index = frame.index
    explicit = numbers(text_column(frame, "crs_epsg"))
    found = _Candidates(index)
    shapes: dict[int, tuple[BaseGeometry, float]] = {}
    _geometry_column(frame, "wkt", _WKT_POINT, explicit, found, shapes)
    _geometry_column(frame, "geojson", _GEOJSON_POINT, explicit, found, shapes)
    lon, lat = numbers(text_column(frame, "longitude")), numbers(text_column(frame, "latitude"))
    found.offer(lon, lat, pd.Series(float(WGS84), index=index))
    lat_long = text_column(frame, "latLong").dropna().str.extract(rf"^\s*{_NUM}\s*[,;]\s*{_NUM}\s*$")
    found.offer(numbers(lat_long[1]), numbers(lat_long[0]), pd.Series(float(WGS84), index=lat_long.index))
    x, y = numbers(text_column(frame, "x")), numbers(text_column(frame, "y"))
    found.offer(x, y, explicit.fillna(_guess_crs(x, y)))

    zone_wkt = pd.Series(np.nan, index=index, dtype=object)
    zone_area = pd.Series(np.nan, index=index)
    from_code = pd.Series(False, index=index)
    centroid_x = pd.Series(np.nan, index=index)
    centroid_y = pd.Series(np.nan, index=index)
    for label, (geometry, crs) in shapes.items():
        projected = _shape_to_l93(geometry, crs)
        if projected is None or projected.is_empty:
            continue
        zone_wkt[label], zone_area[label] = projected.wkt, projected.area
        centroid_x[label], centroid_y[label] = projected.centroid.x, projected.centroid.y
    codes = text_column(frame, "codeMaille")
    grid_only = codes[codes.notna() & found.x.isna() & zone_wkt.isna()]
    for text, rows in grid_only.groupby(grid_only, sort=False).groups.items():
        cells = [maille_polygon(code) for code in split_mailles(text)]
        if cells:
            area = unary_union(cells)
            zone_wkt[rows], zone_area[rows], from_code[rows] = area.wkt, area.area, True
            centroid_x[rows], centroid_y[rows] = area.centroid.x, area.centroid.y
    found.offer(centroid_x, centroid_y, pd.Series(float(CRS_EPSG), index=index))

    cx, cy, crs = (s.to_numpy(dtype=float) for s in (found.x, found.y, found.crs))
    lon_out, lat_out, bad_crs = _to_wgs84(cx, cy, crs)
    inside = _in_france(lon_out, lat_out)
    swapped = np.zeros(len(cx), dtype=bool)
    outside = ~inside & np.isfinite(cx) & np.isfinite(cy)
    if outside.any():
        swapped_lon, swapped_lat, _ = _to_wgs84(cy[outside], cx[outside], crs[outside])
        swapped[outside] = _in_france(swapped_lon, swapped_lat)
    x93, y93 = np.full(len(cx), np.nan), np.full(len(cx), np.nan)
    is_l93 = crs == CRS_EPSG
    x93[is_l93], y93[is_l93] = cx[is_l93], cy[is_l93]
    other = inside & ~is_l93
    if other.any():
        x93[other], y93[other] = project(_transformer(WGS84, CRS_EPSG), lon_out[other], lat_out[other])
    problem = np.where(
        ~np.isfinite(cx) | ~np.isfinite(cy) | bad_crs,
        "no_geometry",
        np.where(inside, "", np.where(swapped, "swapped_coordinates", "outside_france")),
    )
    problem_series = pd.Series(problem, index=index, dtype=object)
    problem_series[problem == ""] = np.nan  # not replace(): pandas 2.2 warns about its downcasting
    ok = problem_series.isna()
    return Location(
        x=pd.Series(x93, index=index).where(ok),
        y=pd.Series(y93, index=index).where(ok),
        lon=pd.Series(lon_out, index=index).where(ok),
        lat=pd.Series(lat_out, index=index).where(ok),
        zone_wkt=zone_wkt.where(ok),
        zone_area=zone_area.where(ok),
        from_code=from_code & ok,
        problem=problem_series,
    )
