"""SINP "Occurrences de taxons" CSV: DEE v1.2.1 (GINCO, `//` mask line) and v2 (GeoNature view).

The GeoNature view `v_synthese_sinp_dee` writes the taxon's cd_ref under `codeHabRef`: the
alias table maps it to `cdRef` for the v2 format only (in v1.2.1 it is a habitat code).
"""

from __future__ import annotations

from .base import Probe, RawTable, column_key
from .textfile import read_delimited, sniff_header

SOURCE = "sinp_dee"
FMT_V121 = "sinp_dee_v121"
FMT_V2 = "sinp_dee_v2"
MARKERS_V121 = {"identifiantpermanent", "jourdatedebut", "observateuridentite", "jddmetadonneedeeid"}
MARKERS_V2 = {"idsinpocctax", "deedatetransformation", "idsinpregroupement", "codehabref"}


def _fmt(probe: Probe) -> str | None:
    header = sniff_header(probe)
    if header is None:
        return None
    keys = {column_key(c) for c in header.columns}
    if len(keys & MARKERS_V121) >= 2 or (header.mask_line and "cdnom" in keys):
        return FMT_V121
    if len(keys & MARKERS_V2) >= 3:
        return FMT_V2
    return None


def sniff(probe: Probe) -> bool:
    return _fmt(probe) is not None


def read(probe: Probe) -> list[RawTable]:
    return [read_delimited(probe, sniff_header(probe), SOURCE, _fmt(probe))]
