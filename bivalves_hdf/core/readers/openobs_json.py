"""OpenObs biocache-service occurrence search payloads (`occurrences` + `totalRecords`).

Fields (data-sources.md §1.4, partly verified): `uuid`, `latLong` ("lat,lon" string),
`decimalLatitude`/`decimalLongitude`, `eventDate`/`eventDateEnd` (epoch milliseconds),
`coordinateUncertaintyInMeters`, `taxonConceptID`, `scientificName`. Also reads a JSON list
of such records (pages saved by the refresh).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..errors import BivalvesError
from .base import Probe, RawTable, build_table, frame_from_records

SOURCE = "openobs"
FMT = "openobs_json"
MARKERS = ("uuid", "latLong", "taxonConceptID", "eventDate")


def _is_record(record: Any) -> bool:
    return isinstance(record, dict) and "uuid" in record and sum(key in record for key in MARKERS) >= 2


def records_of(document: Any) -> list[dict] | None:
    """The occurrence records of a search answer (or a list of records), else None."""
    if (isinstance(document, dict) and isinstance(document.get("occurrences"), list)
            and ("totalRecords" in document or "pageSize" in document)):
        return document["occurrences"]
    if isinstance(document, list) and document and _is_record(document[0]):
        return document
    return None


def table_from_records(records: Iterable[dict], origin: str, first_row: int = 1) -> RawTable:
    """A RawTable of OpenObs records (the refresh calls this on the pages it fetched)."""
    frame = frame_from_records(records)
    return build_table(frame, SOURCE, origin, FMT, rows=range(first_row, first_row + len(frame)))


def sniff(probe: Probe) -> bool:
    return probe.is_json and records_of(probe.json()) is not None


def read(probe: Probe) -> list[RawTable]:
    records = records_of(probe.json())
    if records is None:
        raise BivalvesError(f"{probe.name}: not an OpenObs occurrence search answer")
    return [table_from_records(records, probe.name)]
