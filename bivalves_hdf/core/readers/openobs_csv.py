"""OpenObs portal CSV exports: the 2023 camelCase column set and the older 2021 one."""

from __future__ import annotations

from .base import Probe, RawTable, column_key
from .textfile import read_delimited, sniff_header

SOURCE = "openobs"
FMT_2023 = "openobs_csv_2023"
FMT_2021 = "openobs_csv_2021"
MARKERS_2023 = {"codeinseecommune", "nomscientifiqueref", "precisionlocalisation", "codemaille10km"}
MARKERS_2021 = {"niveauprecisionlocalisation", "libellejeudonnees"}
TAXON_KEYS = {"cdnom", "cdref"}


def _fmt(probe: Probe) -> str | None:
    header = sniff_header(probe)
    if header is None:
        return None
    keys = {column_key(c) for c in header.columns}
    if keys & MARKERS_2023 and keys & TAXON_KEYS:
        return FMT_2023
    if keys & MARKERS_2021 and keys & TAXON_KEYS:
        return FMT_2021
    return None


def sniff(probe: Probe) -> bool:
    return _fmt(probe) is not None


def read(probe: Probe) -> list[RawTable]:
    header = sniff_header(probe)
    return [read_delimited(probe, header, SOURCE, _fmt(probe))]
