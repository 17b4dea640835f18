"""GeoPackage geometry blobs (header + WKB), built and read in bulk with numpy.

A GeoPackage geometry is `GP`, version 0, a flags byte, the srs_id and an optional envelope,
followed by standard WKB. Points are built vectorised (29 bytes each, no envelope); polygons
carry their envelope, as GDAL writes them.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Sequence

import numpy as np
from shapely import wkb as shapely_wkb
from shapely import wkt as shapely_wkt
from shapely.geometry import MultiPolygon, Polygon

_POINT_DTYPE = np.dtype(
    [
        ("magic", "S2"),
        ("version", "u1"),
        ("flags", "u1"),
        ("srs_id", "<i4"),
        ("byte_order", "u1"),
        ("wkb_type", "<u4"),
        ("x", "<f8"),
        ("y", "<f8"),
    ]
)
POINT_BLOB_SIZE = _POINT_DTYPE.itemsize  # 29
_LITTLE_ENDIAN_NO_ENVELOPE = 0x01
_LITTLE_ENDIAN_XY_ENVELOPE = 0x03
_ENVELOPE_SIZES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}
_GRID_CODE = re.compile(r"E(\d{3,4})N(\d{3,4})")
GRID_CELL_SIZE = 10_000.0


def point_blobs(x: np.ndarray, y: np.ndarray, srs_id: int) -> list[bytes | None]:
    """GeoPackage blobs of points; None where x or y is not finite."""
    x = np.asarray(x, dtype="f8")
    y = np.asarray(y, dtype="f8")
    records = np.zeros(len(x), dtype=_POINT_DTYPE)
    records["magic"] = b"GP"
    records["flags"] = _LITTLE_ENDIAN_NO_ENVELOPE
    records["srs_id"] = srs_id
    records["byte_order"] = 1
    records["wkb_type"] = 1
    records["x"] = x
    records["y"] = y
    blobs: list[bytes | None] = records.view(f"V{POINT_BLOB_SIZE}").tolist()
    missing = np.flatnonzero(~(np.isfinite(x) & np.isfinite(y)))
    for index in missing.tolist():
        blobs[index] = None
    return blobs


def _wkb_offset(blob: bytes) -> int:
    flags = blob[3]
    return 8 + _ENVELOPE_SIZES.get((flags >> 1) & 0x07, 0)


def point_coordinates(blobs: Sequence[bytes | None]) -> tuple[np.ndarray, np.ndarray]:
    """x and y of GeoPackage point blobs (NaN for missing or empty geometries)."""
    count = len(blobs)
    if count and all(blob is not None and len(blob) == POINT_BLOB_SIZE and blob[3] == 1 for blob in blobs):
        records = np.frombuffer(b"".join(blobs), dtype=_POINT_DTYPE)  # type: ignore[arg-type]
        return records["x"].astype("f8"), records["y"].astype("f8")
    x = np.full(count, np.nan)
    y = np.full(count, np.nan)
    for index, blob in enumerate(blobs):
        if not blob or blob[3] & 0x10:
            continue
        offset = _wkb_offset(blob)
        endian = "<" if blob[offset] == 1 else ">"
        x[index], y[index] = struct.unpack_from(f"{endian}dd", blob, offset + 5)
    return x, y


def _envelope_blob(geometry, srs_id: int) -> bytes:
    minx, miny, maxx, maxy = geometry.bounds
    header = struct.pack("<2sBBi4d", b"GP", 0, _LITTLE_ENDIAN_XY_ENVELOPE, srs_id, minx, maxx, miny, maxy)
    return header + geometry.wkb


def multipolygon_blob(wkt: str, srs_id: int) -> bytes | None:
    """Blob of a (multi)polygon given as WKT; polygons are promoted to MultiPolygon."""
    if not isinstance(wkt, str) or not wkt.strip():
        return None
    geometry = shapely_wkt.loads(wkt)
    if geometry.is_empty:
        return None
    if isinstance(geometry, Polygon):
        geometry = MultiPolygon([geometry])
    elif not isinstance(geometry, MultiPolygon):
        geometry = MultiPolygon([part for part in getattr(geometry, "geoms", []) if isinstance(part, Polygon)])
        if geometry.is_empty:
            return None
    return _envelope_blob(geometry, srs_id)


def blob_to_wkt(blob: bytes | None) -> str | None:
    """WKT of any GeoPackage blob."""
    if not blob or blob[3] & 0x10:
        return None
    return shapely_wkb.loads(bytes(blob[_wkb_offset(blob) :])).wkt


def grid_cell_origin(code: str) -> tuple[float, float] | None:
    """Lower-left corner (Lambert-93) of an INPN 10 km cell code ('10kmL93E074N695' or 'E074N695')."""
    match = _GRID_CODE.search(code or "")
    if not match:
        return None
    return int(match.group(1)) * GRID_CELL_SIZE, int(match.group(2)) * GRID_CELL_SIZE


def grid_cell_blob(code: str, srs_id: int) -> bytes | None:
    """Polygon blob of an INPN 10 km cell."""
    origin = grid_cell_origin(code)
    if origin is None:
        return None
    x0, y0 = origin
    x1, y1 = x0 + GRID_CELL_SIZE, y0 + GRID_CELL_SIZE
    return _envelope_blob(Polygon([(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]), srs_id)


def blob_bounds(blobs: Sequence[bytes | None]) -> tuple[list[float], list[float], list[float], list[float]]:
    """(minx, maxx, miny, maxy) lists from blobs carrying an XY envelope (NaN otherwise)."""
    columns: tuple[list[float], list[float], list[float], list[float]] = ([], [], [], [])
    for blob in blobs:
        if blob and (blob[3] >> 1) & 0x07:
            envelope = struct.unpack_from("<4d" if blob[3] & 1 else ">4d", blob, 8)
        else:
            envelope = (np.nan,) * 4
        for column, value in zip(columns, envelope):
            column.append(value)
    return columns
