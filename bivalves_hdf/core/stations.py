"""Hub'Eau hydrobiology stations where bivalves were listed, from the raw Hub'Eau tables.

One row per station (schema.STATION_COLUMNS + x, y in Lambert-93): how many sampling dates listed
a bivalve, the last year, and which bivalve taxa.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from pyproj import Transformer

from bivalves_hdf.core import schema
from bivalves_hdf.core.normaliser_geometry import project
from bivalves_hdf.core.readers.base import RAW, RawTable

if TYPE_CHECKING:
    from bivalves_hdf.core.reference import Reference

STATION_NAMES = [*schema.column_names(schema.STATION_COLUMNS), "x", "y"]


def _column(frame: pd.DataFrame, name: str) -> pd.Series:
    return frame[name] if name in frame.columns else pd.Series(np.nan, index=frame.index, dtype=object)


def _taxon_name(reference: Reference, code: object, name: object) -> str | None:
    taxon = None
    if isinstance(code, str) and code.strip():
        taxon = reference.by_sandre(code.strip())
    if taxon is None and isinstance(name, str):
        taxon = reference.by_name(name)
    return taxon.scientific_name if taxon is not None else None


def _coordinates(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Lambert-93 x, y: coordonnee_x/y when given in metres, else longitude/latitude reprojected."""
    x = pd.to_numeric(_column(frame, "x"), errors="coerce").to_numpy("f8")
    y = pd.to_numeric(_column(frame, "y"), errors="coerce").to_numpy("f8")
    lon = pd.to_numeric(_column(frame, "longitude"), errors="coerce").to_numpy("f8")
    lat = pd.to_numeric(_column(frame, "latitude"), errors="coerce").to_numpy("f8")
    use_degrees = ~(np.abs(x) > 1000) & np.isfinite(lon) & np.isfinite(lat)
    if use_degrees.any():
        transformer = Transformer.from_crs("EPSG:4326", f"EPSG:{schema.CRS_EPSG}", always_xy=True)
        x[use_degrees], y[use_degrees] = project(transformer, lon[use_degrees], lat[use_degrees])
    return x, y


def _river(raw: object) -> str | None:
    try:
        value = json.loads(raw).get("libelle_cours_eau") if isinstance(raw, str) else None
    except (ValueError, AttributeError):
        return None
    return value if isinstance(value, str) else None


def stations_from_tables(tables: Sequence[RawTable], reference: Reference) -> pd.DataFrame:
    """The stations of the Hub'Eau tables whose rows list a bivalve (empty frame if none)."""
    frames = [t.frame for t in tables if t.source == "hubeau" and "stationId" in t.frame.columns]
    if not frames:
        return pd.DataFrame(columns=STATION_NAMES)
    frame = pd.concat(frames, ignore_index=True)
    names = {
        key: _taxon_name(reference, key[0], key[1])
        for key in zip(_column(frame, "codeAppelTaxon"), _column(frame, "nomCite"))
    }
    frame = frame.assign(
        _taxon=[names[key] for key in zip(_column(frame, "codeAppelTaxon"), _column(frame, "nomCite"))],
        _date=_column(frame, "dateDebut").astype(str).str[:10],
    )
    frame = frame[frame["_taxon"].notna() & frame["stationId"].notna()]
    if frame.empty:
        return pd.DataFrame(columns=STATION_NAMES)
    frame["x"], frame["y"] = _coordinates(frame)
    frame["_year"] = pd.to_numeric(frame["_date"].str[:4], errors="coerce")
    groups = frame.groupby("stationId", sort=True)
    first = groups.first()
    stations = pd.DataFrame(
        {
            "codeStation": first.index,
            "libelleStation": _column(first, "stationName").to_numpy(),
            "codeCommune": _column(first, "codeCommune").to_numpy(),
            "libelleCommune": _column(first, "nomCommune").to_numpy(),
            "coursEau": [_river(raw) for raw in _column(first, RAW)],
            "nbPrelevements": groups["_date"].nunique().to_numpy(),
            "derniereAnnee": groups["_year"].max().to_numpy(),
            "taxons": groups["_taxon"].agg(lambda s: "|".join(sorted(set(s)))).to_numpy(),
            "x": groups["x"].first().to_numpy(),
            "y": groups["y"].first().to_numpy(),
        }
    )
    return stations.reset_index(drop=True)
