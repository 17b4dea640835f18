"""GBIF occurrence search API response (`results`), or a plain JSON list of GBIF records."""

from __future__ import annotations

from typing import Any

from ..errors import BivalvesError
from .base import Probe, RawTable, build_table, frame_from_records

SOURCE = "gbif"
FMT = "gbif_json"


def _records(document: Any) -> list[dict] | None:
    envelope = isinstance(document, dict) and isinstance(document.get("results"), list)
    if envelope and ("endOfRecords" in document or "offset" in document):
        return document["results"]
    if isinstance(document, list) and document and isinstance(document[0], dict):
        first = document[0]
        if "gbifID" in first or ("key" in first and "datasetKey" in first):
            return document
    return None


def sniff(probe: Probe) -> bool:
    return probe.is_json and _records(probe.json()) is not None


def read(probe: Probe) -> list[RawTable]:
    records = _records(probe.json())
    if records is None:
        raise BivalvesError(f"{probe.name}: not a GBIF occurrence search response")
    return [build_table(frame_from_records(records), SOURCE, probe.name, FMT)]
