"""Mapping the labels, enums and codes of each source onto the SINP code lists (data-sources §3.2).

Labels are compared through `column_key` (case, accents, spaces and punctuation ignored), once per
distinct value, so that a million rows cost a handful of dictionary look-ups.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from .readers.base import column_key

STATUT_OBSERVATION = {
    "pr": "Pr", "present": "Pr", "presente": "Pr", "presence": "Pr",
    "no": "No", "nonobserve": "No", "absent": "No", "absente": "No", "absence": "No",
    "nsp": "NSP", "nesaitpas": "NSP", "inconnu": "NSP", "unknown": "NSP",
}  # fmt: skip
ETAT_BIOLOGIQUE = {
    "0": "0", "nsp": "0", "inconnu": "0", "nesaitpas": "0",
    "1": "1", "nonrenseigne": "1",
    "2": "2", "observevivant": "2", "vivant": "2",
    "3": "3", "trouvemort": "3", "mort": "3", "coquillevide": "3",
}  # fmt: skip
# SINP STATUT_VALID codes; OpenObs API enums; GBIF identificationVerificationStatus labels.
NIVEAU_VALIDATION = {
    "0": 0, "enattentedevalidation": 0, "enattente": 0, "nonevalue": 0, "unverified": 0,
    "1": 1, "certaintresprobable": 1, "certain": 1, "verified": 1,
    "2": 2, "probable": 2,
    "3": 3, "douteux": 3,
    "4": 4, "invalide": 4,
    "5": 5, "nonrealisable": 5,
    "6": 6, "inconnu": 6,
}  # fmt: skip
DS_PUBLIQUE = {
    "pu": "Pu", "publique": "Pu", "ac": "Pu", "re": "Pu", "oldac": "Pu", "oldre": "Pu",
    "publiqueacquise": "Pu", "publiqueregie": "Pu",
    "pr": "Pr", "privee": "Pr", "nsp": "NSP", "nesaitpas": "NSP",
}  # fmt: skip
NATURE_OBJET_GEO = {"st": "St", "stationnel": "St", "in": "In", "inventoriel": "In", "nsp": "NSP", "nesaitpas": "NSP"}
OBJET_DENOMBREMENT = {
    "ind": "IND", "individu": "IND", "individus": "IND", "cpl": "CPL", "couple": "CPL",
    "col": "COL", "colonie": "COL", "nid": "NID", "pon": "PON", "ponte": "PON",
    "ham": "HAM", "hampeflorale": "HAM", "tige": "TIGE", "touf": "TOUF", "touffe": "TOUF",
    "surf": "SURF", "surface": "SURF", "nsp": "NSP", "nesaitpas": "NSP",
}  # fmt: skip
TRUE_WORDS = {"oui", "true", "1", "yes", "o", "vrai"}
MISSING_VALIDATION = 6  # "Inconnu" when the source says nothing


def per_value(series: pd.Series, function: Callable[[pd.Series], pd.Series]) -> pd.Series:
    """Apply a column function to the distinct non-missing values only, then spread the results.

    Exports repeat the same few codes, names and dates over millions of rows: string work on
    the distinct values is what keeps the normaliser fast. Missing cells give missing results.
    """
    codes, uniques = pd.factorize(series)
    results = function(pd.Series(uniques, dtype=object))
    taken = pd.api.extensions.take(results.to_numpy(), codes, allow_fill=True)
    return pd.Series(taken, index=series.index)


def map_values(series: pd.Series, mapper: Callable[[str], Any], missing: Any = np.nan) -> pd.Series:
    """Apply `mapper` to each distinct non-empty text value; `missing` for empty cells."""
    mapped = per_value(series, lambda values: pd.Series([mapper(str(v)) for v in values], dtype=object))
    return mapped.where(series.notna(), missing)


def by_label(table: Mapping[str, Any], unknown: Any = np.nan) -> Callable[[str], Any]:
    """A mapper looking a label up in `table` (keys in `column_key` form)."""

    def mapper(value: str) -> Any:
        return table.get(column_key(value), unknown)

    return mapper


def sensitivity(value: str) -> Any:
    """SINP sensiNiveau code ('0'..'4') from a code or a GeoNature label."""
    key = column_key(value)
    if key in {"0", "1", "2", "3", "4"}:
        return key
    for word, code in (("nonsensible", "0"), ("aucune", "4"), ("departement", "3"), ("maille", "2"), ("commune", "1")):
        if word in key:
            return code
    return np.nan


def precision_hint(value: str) -> Any:
    """Precision class named by a localisation label ('XY centroïde commune'...) or a SINP
    diffusionNiveauPrecision code/label; NaN when the label names no zone."""
    key = column_key(value)
    for word, klass in (("commune", "commune"), ("maille", "maille"), ("departement", "departement")):
        if word in key:
            return klass
    if "lignepolygone" in key or "centroide" in key:
        return "approchee"
    return {"1": "commune", "2": "maille", "3": "departement"}.get(key, np.nan)


def is_true(value: str) -> bool:
    return column_key(value) in TRUE_WORDS
