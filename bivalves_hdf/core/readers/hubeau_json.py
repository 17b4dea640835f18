"""Hub'Eau hydrobiologie `taxons` payloads: JSON envelope (`data`) or GeoJSON (`features`).

Records are sampling results at river stations (no SINP id, no cd_nom: SANDRE codes only).
`coordonnee_x/y` are in the SANDRE projection `code_projection` ("26" = Lambert-93).
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from ..errors import BivalvesError
from .base import Probe, RawTable, build_table, frame_from_records

SOURCE = "hubeau"
FMT = "hubeau_json"
SANDRE_PROJECTIONS = {"26": "2154"}  # SANDRE code_projection -> EPSG
MARKERS = ("code_station_hydrobio", "libelle_appel_taxon", "code_appel_taxon")


def _is_hubeau_record(record: Any) -> bool:
    return isinstance(record, dict) and sum(key in record for key in MARKERS) >= 2


def _records(document: Any) -> list[dict] | None:
    if not isinstance(document, dict):
        return None
    if isinstance(document.get("data"), list) and ("api_version" in document or "first" in document):
        return document["data"]
    features = document.get("features")
    if document.get("type") == "FeatureCollection" and isinstance(features, list) and features:
        first = features[0].get("properties") if isinstance(features[0], dict) else None
        if _is_hubeau_record(first):
            return [_feature_record(feature) for feature in features]
    return None


def _feature_record(feature: dict) -> dict:
    """Properties of a GeoJSON feature; its point fills longitude/latitude when they are absent."""
    record = dict(feature.get("properties") or {})
    geometry = feature.get("geometry") or {}
    if record.get("longitude") is None and geometry.get("type") == "Point":
        record["longitude"], record["latitude"] = geometry["coordinates"][:2]
    return record


def sniff(probe: Probe) -> bool:
    return probe.is_json and _records(probe.json()) is not None


def extra_columns(frame: pd.DataFrame) -> dict[str, pd.Series]:
    """CRS of coordonnee_x/y and a record id (sample, taxon code, lot) for Hub'Eau rows."""
    empty = pd.Series(math.nan, index=frame.index, dtype=object)
    projection = frame.get("code_projection", empty).astype(str).str.strip()
    names = ("code_prelevement", "code_appel_taxon", "code_lot")
    parts = [frame[name].fillna("").astype(str) for name in names if name in frame]
    record_id = pd.Series("", index=frame.index, dtype=object)
    for part in parts:
        record_id = record_id.str.cat(part, sep=":")
    record_id = record_id.str.strip(":").str.replace(r":{2,}", ":", regex=True)
    return {
        "crs_epsg": projection.map(SANDRE_PROJECTIONS),
        "sourceRecordId": record_id.where(record_id != "", math.nan),
    }


def read(probe: Probe) -> list[RawTable]:
    records = _records(probe.json())
    if records is None:
        raise BivalvesError(f"{probe.name}: not a Hub'Eau hydrobio taxons payload")
    frame = frame_from_records(records)
    return [build_table(frame, SOURCE, probe.name, FMT, extra=extra_columns(frame))]
