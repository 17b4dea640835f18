"""Hub'Eau hydrobiologie `taxons.csv` (the CSV variant of the taxons endpoint)."""

from __future__ import annotations

from .base import Probe, RawTable, column_key
from .hubeau_json import SOURCE, extra_columns
from .textfile import read_delimited, sniff_header

FMT = "hubeau_csv"


def sniff(probe: Probe) -> bool:
    header = sniff_header(probe)
    if header is None:
        return False
    keys = {column_key(c) for c in header.columns}
    return {"codestationhydrobio", "libelleappeltaxon"} <= keys


def read(probe: Probe) -> list[RawTable]:
    return [read_delimited(probe, sniff_header(probe), SOURCE, FMT, add_columns=extra_columns)]
