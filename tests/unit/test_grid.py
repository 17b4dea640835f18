"""INPN 10 km grid codes and Lambert-93 reprojection on known points."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyproj import Transformer

from bivalves_hdf.core.grid import (
    maille_10km,
    maille_codes,
    maille_polygon,
    normalise_maille,
    parse_maille,
    split_mailles,
)

# (x, y) Lambert-93 -> code: data-sources.md §8 (GeoNature ref_geo.cell_reference, Lille, Amiens).
KNOWN_CELLS = [
    (749648, 6956485, "10kmL93E074N695"),
    (704061, 7059137, "10kmL93E070N705"),
    (649360, 6977491, "10kmL93E064N697"),
    (750000, 6950000, "10kmL93E075N695"),  # a corner belongs to the cell to its upper right
    (749999.99, 6959999.99, "10kmL93E074N695"),
]
# WGS84 lon/lat -> Lambert-93 (data-sources.md §8 reference points).
KNOWN_POINTS = [((3.0573, 50.6292), (704061, 7059137)), ((2.2958, 49.8941), (649360, 6977491))]


@pytest.mark.parametrize(("x", "y", "code"), KNOWN_CELLS)
def test_known_cells(x, y, code):
    assert maille_10km(x, y) == code
    assert maille_codes(pd.Series([x]), pd.Series([y])).tolist() == [code]


@pytest.mark.parametrize(("lonlat", "expected"), KNOWN_POINTS)
def test_reprojection_of_known_points(lonlat, expected):
    x, y = Transformer.from_crs(4326, 2154, always_xy=True).transform(*lonlat)
    assert x == pytest.approx(expected[0], abs=1.0)
    assert y == pytest.approx(expected[1], abs=1.0)


def test_vectorised_codes_leave_missing_points_empty():
    codes = maille_codes(pd.Series([749648.0, math.nan, 704061.0]), pd.Series([6956485.0, 7.0e6, math.inf]))
    assert codes.iloc[0] == "10kmL93E074N695"
    assert codes.iloc[1:].isna().all()


def test_scalar_code_refuses_missing_coordinates():
    with pytest.raises(ValueError, match="finite"):
        maille_10km(math.nan, 6956485)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("10kmL93E074N695", (74, 695)), ("E041N653", (41, 653)), ("10kml93e070n705", (70, 705)), ("5kmL93E1N2", None),
     ("E12N34", None), ("", None)],
)  # fmt: skip
def test_parse_codes_with_or_without_prefix(text, expected):
    assert parse_maille(text) == expected


def test_split_joined_codes():
    assert split_mailles("E041N653, E041N652|10kmL93E042N652") == [
        "10kmL93E041N653",
        "10kmL93E041N652",
        "10kmL93E042N652",
    ]
    assert split_mailles("commune 80021") == []
    assert normalise_maille("E064N697") == "10kmL93E064N697"


def test_cell_polygon_holds_its_points():
    polygon = maille_polygon("E074N695")
    assert polygon.bounds == (740000.0, 6950000.0, 750000.0, 6960000.0)
    assert polygon.area == 1e8
    with pytest.raises(ValueError, match="10 km"):
        maille_polygon("not a cell")


@settings(max_examples=60, deadline=None)
@given(st.floats(0, 1_300_000), st.floats(6_000_000, 7_200_000))
def test_every_point_lies_in_its_cell(x, y):
    code = maille_10km(x, y)
    minx, miny, maxx, maxy = maille_polygon(code).bounds
    assert minx <= x < maxx and miny <= y < maxy
    assert maille_codes(pd.Series([x]), pd.Series([y])).iloc[0] == code
