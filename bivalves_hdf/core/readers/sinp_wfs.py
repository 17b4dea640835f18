"""SINP Hauts-de-France diffusion WFS (geo2france GeoServer) GetFeature answers in GeoJSON.

`sinp_diffusion:fn_get_obs_detaillee` features (data-sources.md §9; request format verified,
output keys partly verified): `cd_ref`, `cd_nom`, `nom_complet`, `nom_vernaculaire`,
`date_obs`, `code_insee`, `code_dpt`, `code_maille`, `jdd_uuid`... The geometry is in the
`srsName` asked for (EPSG:2154), named by the collection's `crs` member.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from typing import Any

from ..errors import BivalvesError
from .base import Probe, RawTable, build_table, frame_from_records, geojson_crs_epsg

SOURCE = "sinp_hdf"
FMT = "sinp_wfs"
TYPE_NAMES = ("fn_get_obs_detaillee", "v_obs_detaillee")


def features_of(document: Any) -> list[dict] | None:
    """The features of a GeoServer WFS answer of the SINP HdF diffusion layers, else None."""
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        return None
    features = document.get("features")
    if not isinstance(features, list):
        return None
    first_id = str(features[0].get("id", "")) if features and isinstance(features[0], dict) else ""
    if first_id.split(".")[0] in TYPE_NAMES:
        return features
    if not features and ("numberMatched" in document or "totalFeatures" in document):
        return features
    return None


def crs_epsg(document: dict) -> str:
    """The EPSG code of a WFS answer: EPSG:2154 (the srsName asked for) unless it names another."""
    return str(geojson_crs_epsg(document, "2154"))


def table_from_features(features: Iterable[dict], origin: str, epsg: str = "2154", first_row: int = 1) -> RawTable:
    """A RawTable of WFS features: properties plus the geometry as GeoJSON text."""
    records = []
    for feature in features:
        properties = feature.get("properties") if isinstance(feature.get("properties"), dict) else {}
        geometry = feature.get("geometry")
        records.append({"id": feature.get("id"), **properties,
                        "geojson": json.dumps(geometry) if geometry else None})
    frame = frame_from_records(records)
    return build_table(frame, SOURCE, origin, FMT, rows=range(first_row, first_row + len(frame)),
                       extra={"crs_epsg": epsg if len(frame) else math.nan})


def sniff(probe: Probe) -> bool:
    return probe.is_json and features_of(probe.json()) is not None


def read(probe: Probe) -> list[RawTable]:
    document = probe.json()
    features = features_of(document)
    if features is None:
        raise BivalvesError(f"{probe.name}: not a SINP Hauts-de-France WFS answer")
    return [table_from_features(features, probe.name, crs_epsg(document))]
