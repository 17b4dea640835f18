"""GeoJSON exports of GeoNature: the synthese (points or blurred polygons) and the SINP DEE view.

Each feature's geometry goes to the `geojson` column; a `crs` member naming EPSG:2154 sets
`crs_epsg` (GeoNature writes WGS84 `geojson_4326`, so it is usually absent).
"""

from __future__ import annotations

import json
import math
from typing import Any

from ..errors import BivalvesError
from .base import Probe, RawTable, build_table, column_key, frame_from_records, geojson_crs_epsg
from .geonature_csv import MARKERS as SYNTHESE_MARKERS
from .sinp_dee_csv import MARKERS_V2

SINP_DEE_SOURCE = "sinp_dee"
SYNTHESE_SOURCE = "geonature"


def _kind(document: Any) -> tuple[str, str] | None:
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        return None
    features = document.get("features")
    if not isinstance(features, list):
        return None
    keys: set[str] = set()
    for feature in features[:20]:
        if isinstance(feature, dict) and isinstance(feature.get("properties"), dict):
            keys |= {column_key(k) for k in feature["properties"]}
    if len(keys & MARKERS_V2) >= 3:
        return SINP_DEE_SOURCE, "sinp_dee_v2"
    if len(keys & SYNTHESE_MARKERS) >= 3:
        return SYNTHESE_SOURCE, "geonature_geojson"
    return None


def sniff(probe: Probe) -> bool:
    return probe.is_json and _kind(probe.json()) is not None


def read(probe: Probe) -> list[RawTable]:
    document = probe.json()
    kind = _kind(document)
    if kind is None:
        raise BivalvesError(f"{probe.name}: not a GeoNature GeoJSON export")
    source, fmt = kind
    records = []
    for feature in document["features"]:
        feature = feature if isinstance(feature, dict) else {}
        geometry = feature.get("geometry")
        properties = feature.get("properties") if isinstance(feature.get("properties"), dict) else {}
        records.append({**properties, "geojson": json.dumps(geometry) if geometry else None})
    frame = frame_from_records(records)
    return [build_table(frame, source, probe.name, fmt, extra={"crs_epsg": geojson_crs_epsg(document, math.nan)})]
