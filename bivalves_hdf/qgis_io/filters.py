"""Quick filters on the occurrences layer: taxon, period, validation level and status.

The filter is a provider subset string (SQL understood by both GeoPackage/SQLite and
PostgreSQL); every value goes through QgsExpression.quotedValue, every column name through
QgsExpression.quotedColumnRef.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional, Union

from qgis.core import QgsExpression, QgsVectorLayer


def _col(name: str) -> str:
    return QgsExpression.quotedColumnRef(name)


def _val(value) -> str:
    return QgsExpression.quotedValue(value)


_PRESENT = 'NOT COALESCE("estAbsence", FALSE)'
# Status filters (SQL valid in SQLite and PostgreSQL; constants only, no user value).
STATUS_CODES = {
    "protege": f'COALESCE("protege", FALSE) AND {_PRESENT}',
    "liste_rouge": f"\"listeRouge\" IN ('CR', 'EN', 'VU', 'NT') AND {_PRESENT}",
    "envahissant": f'(COALESCE("envahissant", FALSE) OR "origine" = \'invasive\') AND {_PRESENT}',
    "introduit": f"\"origine\" = 'introduced' AND {_PRESENT}",
    "indigene": f"\"origine\" = 'native' AND {_PRESENT}",
    "absence": 'COALESCE("estAbsence", FALSE)',
    "coquille_morte": 'COALESCE("estCoquilleMorte", FALSE)',
}


@dataclass(frozen=True)
class QuickFilter:
    """What the agent asked for; None means "any".

    taxon: a cd_ref (int) or a valid scientific name (str); since/until: dates or years;
    min_validation: keep records validated at least at this level (1 = certain only,
    2 = certain or probable, 3 = also doubtful); status: one of STATUS_CODES.
    """

    taxon: Optional[Union[int, str]] = None
    since: Optional[Union[dt.date, int]] = None
    until: Optional[Union[dt.date, int]] = None
    min_validation: Optional[int] = None
    status: Optional[str] = None

    def clauses(self) -> list[str]:
        clauses = []
        if isinstance(self.taxon, int):
            clauses.append(f"{_col('cdRef')} = {_val(self.taxon)}")
        elif self.taxon:
            clauses.append(f"{_col('nomValide')} = {_val(str(self.taxon))}")
        if self.since is not None:
            since = self.since if isinstance(self.since, dt.date) else dt.date(int(self.since), 1, 1)
            clauses.append(f"{_col('dateDebut')} >= {_val(since.isoformat())}")
        if self.until is not None:
            until = self.until if isinstance(self.until, dt.date) else dt.date(int(self.until), 12, 31)
            clauses.append(f"{_col('dateDebut')} <= {_val(until.isoformat())}")
        if self.min_validation is not None:
            level = int(self.min_validation)
            clauses.append(f"{_col('nivValidation')} BETWEEN 1 AND {_val(level)}")
        if self.status:
            clauses.append(STATUS_CODES[self.status])
        return clauses


# Location classes coarse enough to show a sensitive record, per setting; a blurred polygon
# ('floutee') is blurred by its producer to the precision of its sensitivity level (SINP: 1 commune,
# 2 10 km cell, 3 department), so it counts as that precision.
_COARSE_ENOUGH = {
    "commune": (("commune", "maille", "departement"), ("1", "2", "3")),
    "maille": (("maille", "departement"), ("2", "3")),
    "departement": (("departement",), ("3",)),
}
BASE_FILTER_PROPERTY = "bivalves_hdf/base_filter"


def sensitivity_clause(precision: str) -> str:
    """Hide sensitive records (sensiNiveau above 0) located more precisely than `precision` allows;
    'precise' shows everything (agents cleared to see the exact locations)."""
    if precision not in _COARSE_ENOUGH:
        return ""
    classes, blurred_levels = _COARSE_ENOUGH[precision]
    level, location = _col("sensiNiveau"), _col("classePrecision")
    coarse = f"{location} IN ({', '.join(_val(c) for c in classes)})"
    blurred = f"({location} = 'floutee' AND {level} IN ({', '.join(_val(v) for v in blurred_levels)}))"
    return f"{level} IS NULL OR {level} = '0' OR ({level} <> '4' AND ({coarse} OR {blurred}))"


def subset_string(quick: QuickFilter, base: str = "") -> str:
    return " AND ".join(f"({clause})" for clause in ([base] if base else []) + quick.clauses())


def set_base_filter(layer: QgsVectorLayer, clause: str) -> None:
    """A filter kept under every quick filter (the sensitivity rule of the settings)."""
    layer.setCustomProperty(BASE_FILTER_PROPERTY, clause)
    apply_filter(layer)


def apply_filter(layer: QgsVectorLayer, **criteria) -> str:
    """Filter the occurrences layer (no criterion: only the base filter); return the subset string."""
    subset = subset_string(QuickFilter(**criteria), str(layer.customProperty(BASE_FILTER_PROPERTY, "") or ""))
    if not layer.setSubsetString(subset):
        raise ValueError(f"the data source refused the filter {subset!r}")
    return subset
