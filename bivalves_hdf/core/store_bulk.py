"""Helpers of the GeoPackage writer for big imports: duplicate keys in memory, grid counts in pandas.

- `BatchKeys` / `KeyIndex`: the identifiers of the records stored during one update, as 64-bit
  hashes sorted in numpy runs, so that the duplicate search of the next chunk costs a few
  `searchsorted` calls instead of SQL joins and two attribute indexes maintained row by row.
  Hashes only point at candidates: the store compares the real values before merging.
- `grid_partial` / `grid_frame`: the 10 km cell counts (`schema.GRID_COLUMNS`) aggregated per
  batch, then combined, with the same rules as the SQL they replace.

The values given here are those written to SQLite (`store._sql_column`: str or None, int or None).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import schema

# SQLite's lower() only folds ASCII letters: stored identifiers are compared through the same rule.
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_RECORD_SEPARATOR = "\x1f"
GRID_KEYS = ["codeMaille", "cdRef", "protected"]


def query_ids(values: Sequence) -> list:
    """The key a new record is searched by: its idSINPOccTax stripped and in lower case (None if empty)."""
    return [(value.strip().lower() or None) if value else None for value in values]


def _hashes(values: Sequence) -> tuple[np.ndarray, np.ndarray]:
    """(uint64 hash, present mask) of text values (None: absent)."""
    array = np.asarray(values, dtype=object)
    present = np.fromiter((value is not None for value in array), dtype=bool, count=len(array))
    hashes = np.zeros(len(array), dtype=np.uint64)
    if present.any():
        hashes[present] = pd.util.hash_array(array[present], categorize=False)
    return hashes, present


@dataclass
class BatchKeys:
    """Hashed identifiers of a batch of records, one entry per row (mask: the row has that key).

    `query`: lower(strip(idSINPOccTax)), searched among the stored ids; `stored`: the id as SQLite's
    lower() sees it once stored; `record`: source and sourceRecordId (both needed).
    """

    query: tuple[np.ndarray, np.ndarray]
    stored: tuple[np.ndarray, np.ndarray]
    record: tuple[np.ndarray, np.ndarray]

    @classmethod
    def from_values(
        cls, ids: Sequence, sources: Sequence, record_ids: Sequence, query: Sequence | None = None
    ) -> BatchKeys:
        """Keys from the values as written (`query`: `query_ids(ids)` when already computed)."""
        records = [
            None if source is None or record is None else f"{source}{_RECORD_SEPARATOR}{record}"
            for source, record in zip(sources, record_ids)
        ]
        query = query_ids(ids) if query is None else query
        stored = []
        same = True  # an ASCII id without surrounding blanks is stored as it is searched
        for value, searched in zip(ids, query):
            if value is None:
                stored.append(None)
            elif value.isascii():
                lowered = searched if searched is not None and len(searched) == len(value) else value.lower()
                stored.append(lowered)
                same = same and lowered is searched
            else:
                stored.append(value.translate(_ASCII_LOWER))
                same = False
        query_hashes = _hashes(query)
        return cls(query_hashes, query_hashes if same else _hashes(stored), _hashes(records))

    def __len__(self) -> int:
        return len(self.query[0])

    def take(self, positions: np.ndarray) -> BatchKeys:
        return BatchKeys(
            *((hashes[positions], present[positions]) for hashes, present in (self.query, self.stored, self.record))
        )


class _SortedRuns:
    """uint64 hash -> fid, as sorted runs merged when they reach the size of the previous one (a few
    runs of geometric sizes: each key is copied about log2(runs) times, lookups search each run)."""

    def __init__(self) -> None:
        self._runs: list[tuple[np.ndarray, np.ndarray]] = []

    def add(self, hashes: np.ndarray, fids: np.ndarray) -> None:
        if len(hashes) == 0:
            return
        order = np.argsort(hashes, kind="stable")
        fids = np.asarray(fids, dtype=np.int64)
        if fids.max() < 2**31:  # 12 bytes per key rather than 16
            fids = fids.astype(np.int32)
        self._runs.append((hashes[order], fids[order]))
        while len(self._runs) > 1 and len(self._runs[-2][0]) <= len(self._runs[-1][0]):
            (low_hashes, low_fids), (high_hashes, high_fids) = self._runs[-2], self._runs.pop()
            places = np.searchsorted(low_hashes, high_hashes, side="right") + np.arange(len(high_hashes))
            taken = np.zeros(len(low_hashes) + len(high_hashes), dtype=bool)
            taken[places] = True
            hashes = np.empty(len(taken), dtype=np.uint64)
            fids = np.empty(len(taken), dtype=np.result_type(low_fids, high_fids))
            hashes[places], fids[places] = high_hashes, high_fids
            hashes[~taken], fids[~taken] = low_hashes, low_fids
            self._runs[-1] = (hashes, fids)

    def find(self, hashes: np.ndarray) -> np.ndarray:
        """fid stored under each hash (-1 when none)."""
        order = np.argsort(hashes)  # sorted queries: searchsorted walks each run once
        wanted = hashes[order]
        found = np.full(len(hashes), -1, dtype=np.int64)
        for run_hashes, run_fids in self._runs:  # fids as int32 or int64
            where = np.minimum(np.searchsorted(run_hashes, wanted), len(run_hashes) - 1)
            hit = (run_hashes[where] == wanted) & (found < 0)
            found[hit] = run_fids[where[hit]]
        result = np.empty_like(found)
        result[order] = found
        return result

    @property
    def nbytes(self) -> int:
        return sum(h.nbytes + f.nbytes for h, f in self._runs)


class KeyIndex:
    """The identifiers of the records stored during one update (hashes -> fid)."""

    def __init__(self) -> None:
        self._ids = _SortedRuns()
        self._records = _SortedRuns()

    def add(self, keys: BatchKeys, fids: np.ndarray) -> None:
        fids = np.asarray(fids, dtype=np.int64)
        for runs, (hashes, present) in ((self._ids, keys.stored), (self._records, keys.record)):
            runs.add(hashes[present], fids[present])

    def candidates(self, keys: BatchKeys) -> tuple[np.ndarray, np.ndarray]:
        """(fid of a stored record with the same id hash, same source + record id hash), -1 when none."""
        by_id = self._ids.find(keys.query[0])
        by_id[~keys.query[1]] = -1
        by_record = self._records.find(keys.record[0])
        by_record[~keys.record[1]] = -1
        return by_id, by_record

    @property
    def nbytes(self) -> int:
        return self._ids.nbytes + self._records.nbytes


# --- the 10 km grid ---------------------------------------------------------------------------
def grid_partial(
    cells: Sequence, cd_refs: Sequence, protected: Sequence, absent: Sequence, years: Sequence
) -> pd.DataFrame:
    """Counts of one batch per (cell, cdRef, protected): the rows with a cell code that are not absences
    (`COALESCE(estAbsence, 0) = 0`); `protected` is `protege = 1`."""
    return grid_partial_rows(cells, cd_refs, protected, absent, years)[0]


def grid_partial_rows(
    cells: Sequence, cd_refs: Sequence, protected: Sequence, absent: Sequence, years: Sequence
) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    """`grid_partial`, with the group of each row (-1: not counted) and its year, for `grid_regroup`.
    Each column is factorised once, the groups are numbered with numpy."""

    def codes(values: Sequence, test=None) -> tuple[np.ndarray, np.ndarray]:
        found, distinct = pd.factorize(np.asarray(values, dtype=object))  # None: -1
        if test is None:
            return found, np.asarray(distinct, dtype=object)
        return found, np.array([test(value) for value in distinct] + [test(None)], dtype=bool)

    cell, cell_values = codes(cells)
    _, cell_empty = codes(cells, lambda value: value is None or value == "")
    absent_code, counted_absent = codes(absent, lambda value: value is None or value == 0)
    keep = ~cell_empty[cell] & counted_absent[absent_code]
    all_years = pd.to_numeric(pd.Series(np.asarray(years, dtype=object)), errors="coerce").to_numpy(dtype=float)
    rows = np.full(len(keep), -1, dtype=np.int64)
    if not keep.any():
        return pd.DataFrame(columns=[*GRID_KEYS, "n", "annee"]), rows, all_years
    taxon, taxon_values = codes(cd_refs)
    flag_code, flag_true = codes(protected, lambda value: value == 1)
    key = ((cell[keep] * (len(taxon_values) + 1) + taxon[keep] + 1) * 2 + flag_true[flag_code[keep]]).astype(np.int64)
    groups, inverse = np.unique(key, return_inverse=True)
    rows[keep] = inverse
    taxon_of = np.append(taxon_values, np.array([_NO_TAXON], dtype=object))  # code -1: no cdRef
    pair = groups // 2
    partial = pd.DataFrame(
        {
            "codeMaille": cell_values[pair // (len(taxon_values) + 1)],
            "cdRef": taxon_of[pair % (len(taxon_values) + 1) - 1],
            "protected": (groups % 2).astype(bool),
            "n": np.bincount(inverse, minlength=len(groups)),
            "annee": _latest(all_years[keep], inverse, len(groups)),
        }
    )
    return partial, rows, all_years


def _latest(years: np.ndarray, groups: np.ndarray, count: int) -> np.ndarray:
    """Latest year of each group (NaN when none)."""
    return pd.Series(years).groupby(groups).max().reindex(range(count)).to_numpy(dtype=float)


def grid_regroup(partial: pd.DataFrame, rows: np.ndarray, years: np.ndarray, keep: np.ndarray) -> pd.DataFrame:
    """The partial of `grid_partial_rows` restricted to some rows (`keep`: their positions)."""
    groups = rows[keep]
    counted = groups >= 0
    groups = groups[counted]
    count = np.bincount(groups, minlength=len(partial))
    regrouped = partial.assign(n=count, annee=_latest(years[keep][counted], groups, len(partial)))
    return regrouped[count > 0].reset_index(drop=True)


class _NoTaxon:
    """Stands for a NULL cdRef in the grid groups (counted as a row, never as a taxon)."""

    def __repr__(self) -> str:
        return "<no taxon>"

    def __reduce__(self) -> str:
        return "_NO_TAXON"  # one instance, also after pickling


_NO_TAXON = _NoTaxon()


def grid_counts(rows: Sequence[tuple]) -> pd.DataFrame:
    """A partial from SQL rows (codeMaille, cdRef, protege = 1, COUNT(*), MAX(annee)) of stored records."""
    columns = list(zip(*rows)) or [(), (), (), (), ()]
    return pd.DataFrame(
        {
            "codeMaille": pd.Series(columns[0], dtype=object),
            "cdRef": pd.Series([_NO_TAXON if value is None else value for value in columns[1]], dtype=object),
            "protected": pd.Series([value == 1 for value in columns[2]], dtype=bool),
            "n": pd.Series(columns[3], dtype="int64"),
            "annee": pd.to_numeric(pd.Series(columns[4], dtype=object), errors="coerce"),
        }
    )


def _cell_order(code: object) -> tuple:
    """SQLite's order of GROUP BY values: numbers first, then text (byte order = code point order)."""
    if isinstance(code, (int, float)):
        return (0, code, "")
    return (1, 0, str(code))


def grid_frame(parts: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """schema.GRID_COLUMNS from batch partials: nbTaxons = distinct cdRef, nbTaxonsProteges = distinct
    protected cdRef, nbObservations = rows, derniereAnnee = latest year; sorted by cell code."""
    names = [column.name for column in schema.GRID_COLUMNS]
    parts = [part for part in parts if not part.empty]
    if not parts:
        return pd.DataFrame(columns=names)
    rows = pd.concat(parts, ignore_index=True)
    grouped = rows.groupby(GRID_KEYS, sort=False)
    totals = pd.DataFrame({"n": grouped["n"].sum(), "annee": grouped["annee"].max()}).reset_index()
    taxon = totals["cdRef"].map(lambda value: value is not _NO_TAXON)
    by_cell = totals.groupby("codeMaille", sort=False)
    pairs = totals[taxon].drop_duplicates(["codeMaille", "cdRef"])
    protected_pairs = totals[taxon & totals["protected"]].drop_duplicates(["codeMaille", "cdRef"])
    grid = pd.DataFrame(
        {
            "nbTaxons": pairs.groupby("codeMaille", sort=False).size(),
            "nbTaxonsProteges": protected_pairs.groupby("codeMaille", sort=False).size(),
            "nbObservations": by_cell["n"].sum(),
            "derniereAnnee": by_cell["annee"].max(),
        }
    )
    grid[["nbTaxons", "nbTaxonsProteges"]] = grid[["nbTaxons", "nbTaxonsProteges"]].fillna(0)
    grid = grid.reindex(sorted(grid.index, key=_cell_order))
    grid.index.name = "codeMaille"
    return grid.reset_index().reindex(columns=names)
