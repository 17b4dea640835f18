"""GBIF occurrence "simple" download: tab-separated CSV with Darwin Core column names."""

from __future__ import annotations

from .base import Probe, RawTable, column_key
from .textfile import read_delimited, sniff_header

SOURCE = "gbif"
FMT = "gbif_csv"


def sniff(probe: Probe) -> bool:
    header = sniff_header(probe)
    if header is None:
        return False
    keys = {column_key(c) for c in header.columns}
    return "gbifid" in keys and ("decimallatitude" in keys or "scientificname" in keys)


def read(probe: Probe) -> list[RawTable]:
    return [read_delimited(probe, sniff_header(probe), SOURCE, FMT)]
