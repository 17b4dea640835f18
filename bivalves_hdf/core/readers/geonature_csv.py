"""GeoNature synthese export as CSV (`;`-separated, French labels in nomenclature columns)."""

from __future__ import annotations

from .base import Probe, RawTable, column_key
from .textfile import read_delimited, sniff_header

SOURCE = "geonature"
FMT = "geonature_csv"
# Column names of the synthese export that the SINP DEE view does not use.
MARKERS = {
    "observateurs", "geometriewkt4326", "xcentroid4326", "uuidpermsinp", "nomvalide", "jddnom", "niveauvalidation"
}


def sniff(probe: Probe) -> bool:
    header = sniff_header(probe)
    if header is None:
        return False
    keys = {column_key(c) for c in header.columns}
    return len(keys & MARKERS) >= 3


def read(probe: Probe) -> list[RawTable]:
    return [read_delimited(probe, sniff_header(probe), SOURCE, FMT)]
