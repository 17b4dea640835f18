"""INPN 10 km grid (Lambert-93): cell codes such as `10kmL93E074N695` and cell polygons.

The code names the lower-left corner in units of 10 km: E = floor(X / 10000), N = floor(Y / 10000),
X and Y in EPSG:2154. Exports write it with the prefix (GeoNature, BDC) or without (`E074N695`,
SINP DEE `codeMaille`); several cells may be joined by `|` or `,`.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd
from shapely.geometry import Polygon, box

CELL_SIZE = 10_000
PREFIX = "10kmL93"
_CODE = re.compile(r"^\s*(?:10kmL93)?\s*E(\d{3,4})\s*N(\d{3,4})\s*$", re.IGNORECASE)


def maille_10km(x: float, y: float) -> str:
    """Code of the 10 km cell holding the Lambert-93 point (x, y)."""
    if not (math.isfinite(x) and math.isfinite(y)):
        raise ValueError("coordinates must be finite numbers")
    return f"{PREFIX}E{math.floor(x / CELL_SIZE):03d}N{math.floor(y / CELL_SIZE):03d}"


def maille_codes(x: pd.Series, y: pd.Series) -> pd.Series:
    """Vectorised `maille_10km`: cell codes of Lambert-93 points (NaN where a coordinate is missing)."""
    x = pd.to_numeric(pd.Series(x), errors="coerce")
    y = pd.to_numeric(pd.Series(y, index=x.index), errors="coerce")
    valid = np.isfinite(x.to_numpy(dtype=float)) & np.isfinite(y.to_numpy(dtype=float))
    codes = pd.Series(np.nan, index=x.index, dtype=object)
    if valid.any():
        east = np.floor(x[valid].to_numpy(dtype=float) / CELL_SIZE).astype(np.int64)
        north = np.floor(y[valid].to_numpy(dtype=float) / CELL_SIZE).astype(np.int64)
        cells, distinct = pd.factorize(east * 100_000 + north)  # few distinct cells: format those only
        names = np.array([f"{PREFIX}E{c // 100_000:03d}N{c % 100_000:03d}" for c in distinct], dtype=object)
        codes[valid] = names[cells]
    return codes


def parse_maille(code: str) -> tuple[int, int] | None:
    """(E, N) indices of a cell code with or without the `10kmL93` prefix; None if not a 10 km code."""
    match = _CODE.match(str(code))
    if not match:
        return None
    return int(match.group(1)), int(match.group(2))


def normalise_maille(code: str) -> str | None:
    """The prefixed form `10kmL93E074N695` of a cell code, or None."""
    parsed = parse_maille(code)
    return None if parsed is None else f"{PREFIX}E{parsed[0]:03d}N{parsed[1]:03d}"


def split_mailles(text: str) -> list[str]:
    """The valid 10 km codes of a field that may join several with `|` or `,`."""
    codes = (normalise_maille(part) for part in re.split(r"[|,;]", str(text)))
    return [code for code in codes if code]


def maille_polygon(code: str) -> Polygon:
    """The square of a cell, in Lambert-93; ValueError if the code is not a 10 km code."""
    parsed = parse_maille(code)
    if parsed is None:
        raise ValueError(f"not an INPN 10 km grid code: {code!r}")
    east, north = parsed
    return box(east * CELL_SIZE, north * CELL_SIZE, (east + 1) * CELL_SIZE, (north + 1) * CELL_SIZE)
