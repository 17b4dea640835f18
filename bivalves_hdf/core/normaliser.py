"""From raw tables to SINP-shaped occurrences, zones and rejects (column-wise pandas).

Every input row ends in exactly one place: an occurrence, a merge into a duplicate (same
idSINPOccTax, or same source and record id), or `rejects` with a reason of
`schema.REJECT_REASONS` and the raw row. Taxa resolve through the Reference (cd_ref, cd_nom,
cited then valid name); codes are mapped per distinct value, geometry is handled column-wise
(`normaliser_geometry`), dates too (`normaliser_dates`).
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from json.encoder import encode_basestring
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from shapely.ops import unary_union

from . import schema, status_class
from .grid import maille_codes, maille_polygon, split_mailles
from .normaliser_codes import (
    DS_PUBLIQUE,
    ETAT_BIOLOGIQUE,
    MISSING_VALIDATION,
    NATURE_OBJET_GEO,
    NIVEAU_VALIDATION,
    OBJET_DENOMBREMENT,
    STATUT_OBSERVATION,
    by_label,
    is_true,
    map_values,
    per_value,
    precision_hint,
    sensitivity,
)
from .normaliser_dates import parse_dates
from .normaliser_geometry import Location, locate, numbers, text_column
from .readers.base import ERROR, RAW, ROW, RawTable, column_key, fill_missing

if TYPE_CHECKING:
    from .reference import Reference, Taxon

LOGGER = logging.getLogger("bivalves_hdf.normaliser")
OCCURRENCE_NAMES = [*schema.column_names(schema.OCCURRENCE_COLUMNS), "x", "y"]
ZONE_NAMES = [*schema.column_names(schema.ZONE_COLUMNS), "wkt"]
REJECT_NAMES = schema.column_names(schema.REJECT_COLUMNS)
# When the same record comes from several sources, the first listed is kept.
SOURCE_PRIORITY = ("sinp_dee", "sinp_hdf", "geonature", "openobs", "gbif", "hubeau")
EARLIEST_YEAR = 1750
UUID_PATTERN = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
DEAD_SHELL_PATTERN = r"coquilles?\s+vides?|valves?\s+(?:vides?|isol[ée]es?)|empty\s+shells?|dead\s+shells?"
INSEE_DEPARTMENT = r"^(?:\d{2}|2[AB]|97\d)$"


@dataclass
class TableCounts:
    """What became of the rows of one RawTable."""

    source: str
    origin: str
    fmt: str
    read: int = 0
    kept: int = 0
    merged: int = 0
    rejected: int = 0


@dataclass
class NormalisedBatch:
    """Occurrences (schema columns + x, y in Lambert-93), zones (schema columns + wkt), rejects."""

    occurrences: pd.DataFrame
    zones: pd.DataFrame
    rejects: pd.DataFrame
    counts: list[TableCounts] = field(default_factory=list)


# --- taxa ------------------------------------------------------------------------------------
def _whole_numbers(series: pd.Series) -> pd.Series:
    values = numbers(series)
    whole = np.isfinite(values) & (values.abs() <= 2**53) & (values == values.round())
    return values.where(whole)


def _integer_text(series: pd.Series) -> pd.Series:
    """Whole numbers written as text (floats; NaN for anything else or beyond 2**53).

    Codes and counts repeat: each distinct text is converted once.
    """
    return per_value(series, _whole_numbers).astype(float)


def _resolve_taxa(frame: pd.DataFrame, reference: Reference) -> tuple[pd.Series, dict[int, Taxon]]:
    """cd_ref of each row's Reference taxon (NaN when unresolved) and those taxa by cd_ref.

    Tried in turn: cdRef, cdNom, SANDRE code (Hub'Eau), cited name, valid name; each distinct
    value is looked up once.
    """
    resolved = pd.Series(np.nan, index=frame.index)
    found: dict[int, Taxon] = {}
    lookups = [
        ("cdRef", lambda v: reference.taxon(int(v)) or reference.by_cd_nom(int(v)), True),
        ("cdNom", lambda v: reference.by_cd_nom(int(v)), True),
    ]
    if hasattr(reference, "by_sandre"):  # Hub'Eau rows carry SANDRE codes, not TAXREF
        lookups.append(("codeAppelTaxon", lambda v: reference.by_sandre(int(v)), True))
    lookups += [("nomCite", reference.by_name, False), ("nomValide", reference.by_name, False)]
    for column, lookup, numeric in lookups:
        pending = resolved.isna()
        if column not in frame.columns or not pending.any():
            continue
        values = frame.loc[pending, column]
        values = (_integer_text(values) if numeric else values).dropna()
        table: dict[Any, int] = {}
        for value in pd.unique(values):
            taxon = lookup(value)
            if taxon is not None:
                found[taxon.cd_ref] = taxon
                table[value] = taxon.cd_ref
        resolved[values.index] = values.map(table)
    return resolved, found


def _bivalve_words(values: pd.Series) -> pd.Series:
    """Per distinct class or parent-list text: does it name another group than Bivalvia?"""
    keys = values.map(column_key)
    return pd.Series(~keys.str.contains("bivalvia"), index=values.index, dtype=object)


def _taxon_rejects(frame: pd.DataFrame, unresolved: pd.Series) -> pd.Series:
    """'not_bivalve' when the row's own classification says so, else 'unknown_taxon'."""
    reason = pd.Series(np.nan, index=frame.index, dtype=object)
    not_bivalve = pd.Series(False, index=frame.index)
    for column in ("classe", "taxonParents"):
        if column in frame.columns:
            not_bivalve |= fill_missing(per_value(text_column(frame, column), _bivalve_words), False).astype(bool)
    reason[unresolved] = np.where(not_bivalve[unresolved], "not_bivalve", "unknown_taxon")
    return reason


def _taxon_columns(refs: pd.Series, found: dict[int, Taxon], reference: Reference) -> dict[str, pd.Series]:
    """cdRef, names and status flags of each resolved row (from its cd_ref)."""
    records = {ref: _taxon_record(taxon, reference.flags(ref)) for ref, taxon in found.items()}
    names = ("cdRef", "cdNomTaxon", "nomValide", "nomVernaculaire", "protege", "listeRouge",
             "directiveHabitats", "envahissant", "origine", "milieu")  # fmt: skip
    return {name: refs.map({ref: record[name] for ref, record in records.items()}) for name in names}


def _taxon_record(taxon: Taxon, flags: Any) -> dict[str, Any]:
    return {
        "cdRef": taxon.cd_ref,
        "cdNomTaxon": taxon.cd_nom,
        "nomValide": taxon.scientific_name,
        "nomVernaculaire": taxon.french_name or np.nan,
        "protege": bool(flags.protected),
        "listeRouge": flags.red_list or np.nan,
        "directiveHabitats": flags.habitats_directive or np.nan,
        "envahissant": bool(flags.invasive) or taxon.origin == "invasive",
        "origine": taxon.origin or np.nan,
        "milieu": taxon.habitat[0] if taxon.habitat else np.nan,
    }


# --- dates -----------------------------------------------------------------------------------
def _dates(frame: pd.DataFrame) -> tuple[pd.Series, pd.Series, pd.Series, pd.Series]:
    """dateDebut, dateFin (ISO text), year, and the 'bad_date' detail (NaN when fine).

    Dates repeat: each distinct (start, end, year, month, day) combination is parsed once.
    """
    names = [n for n in ("dateDebut", "dateFin", "year", "month", "day") if n in frame.columns]
    if not names or frame.empty:
        empty = pd.Series(np.nan, index=frame.index, dtype=object)
        return empty, empty.copy(), pd.Series(pd.NA, index=frame.index, dtype="Int64"), empty.copy()
    key = frame[names[0]].astype(object).fillna("")
    for name in names[1:]:
        key = key + "\x1f" + frame[name].astype(object).fillna("")
    codes, _ = pd.factorize(key)
    # factorize numbers values in order of appearance: a row holds a new value where its code
    # exceeds every code before it
    first = np.flatnonzero(codes > np.maximum.accumulate(np.concatenate([[-1], codes[:-1]])))
    sample = frame[names].iloc[first].reset_index(drop=True)
    optional = {name: text_column(sample, name) if name in sample else None for name in ("year", "month", "day")}
    parsed = parse_dates(text_column(sample, "dateDebut"), text_column(sample, "dateFin"), **optional)
    start, end = parsed.start, parsed.end.fillna(parsed.start)
    today = pd.Timestamp(date.today())
    detail = pd.Series(np.nan, index=sample.index, dtype=object)
    detail[end.notna() & start.notna() & (end < start)] = "dateFin before dateDebut"
    detail[start.notna() & (start.dt.year < EARLIEST_YEAR)] = f"date before {EARLIEST_YEAR}"
    detail[start.notna() & (start > today)] = "date in the future"
    detail[parsed.unreadable] = "unreadable date"
    columns = (
        _iso_days(start),
        _iso_days(end),
        start.dt.year.astype("Int64"),
        detail,
    )
    return tuple(pd.Series(column.array.take(codes), index=frame.index) for column in columns)


def _iso_days(values: pd.Series) -> pd.Series:
    """'YYYY-MM-DD' of datetimes (NaN for NaT): `dt.strftime("%Y-%m-%d")` in one numpy call."""
    text = np.datetime_as_string(values.to_numpy().astype("datetime64[D]"), unit="D").astype(object)
    text[values.isna().to_numpy()] = np.nan
    return pd.Series(text, index=values.index, dtype=object)


# --- precision and zones ------------------------------------------------------------------
def _precision_class(frame: pd.DataFrame, location: Location, precision_m: pd.Series) -> pd.Series:
    """schema.CLASSE_PRECISION code of each located row."""
    by_metres = pd.Series(
        np.select(
            [precision_m.isna() | (precision_m <= 100), precision_m <= 1000, precision_m <= 10000],
            ["precise", "approchee", "maille"],
            "departement",
        ),
        index=frame.index,
        dtype=object,
    )
    label_hint = map_values(text_column(frame, "precisionLocalisation"), precision_hint)
    klass = fill_missing(label_hint, by_metres)
    polygon = location.zone_wkt.notna() & ~location.from_code
    if polygon.any():
        blurred = map_values(text_column(frame, "dEEFloutage"), is_true, missing=False).astype(bool)
        diffusion = map_values(text_column(frame, "diffusionNiveauPrecision"), precision_hint)
        size = np.sqrt(location.zone_area)
        by_size = pd.Series(np.select([size <= 100, size <= 1000], ["precise", "approchee"], "floutee"),
                            index=frame.index, dtype=object)  # fmt: skip
        polygon_class = fill_missing(fill_missing(label_hint, diffusion), by_size.where(~blurred, "floutee"))
        klass = klass.where(~polygon, polygon_class)
    return klass.where(~location.from_code, "maille")


def _cells_wkt(given: Any, computed: str) -> str:
    """Polygon of the grid cells an export names (all of them), else of the computed cell."""
    codes = split_mailles(given) if isinstance(given, str) else []
    return unary_union([maille_polygon(code) for code in codes or [computed]]).wkt


def _zones(
    occurrences: pd.DataFrame, zone_wkt: pd.Series, given_cells: pd.Series, named_cell: pd.Series
) -> pd.DataFrame:
    """Zone rows: located polygons, and the grid cells of records an export places at a cell
    centroid ('XY centroïde maille': `named_cell`), from its cell codes or the point's cell."""
    wkt = zone_wkt.copy()
    cells = named_cell & wkt.isna() & occurrences["codeMaille"].notna()
    if cells.any():
        pairs = pd.DataFrame({"given": given_cells[cells], "computed": occurrences.loc[cells, "codeMaille"]})
        table = {pair: _cells_wkt(*pair) for pair in pairs.drop_duplicates().itertuples(index=False, name=None)}
        wkt[cells] = [table[pair] for pair in pairs.itertuples(index=False, name=None)]
    has_zone = wkt.notna()
    zones = occurrences.loc[has_zone, ["idSINPOccTax", "cdRef", "nomValide", "dateDebut", "source"]].copy()
    zones["zoneId"] = zones["source"] + ":" + occurrences.loc[has_zone, "sourceRecordId"].astype(str)
    kind = occurrences.loc[has_zone, "classePrecision"]
    zones["typeZone"] = kind.where(kind.isin(schema.ZONE_PRECISION_CLASSES), "site")
    zones["wkt"] = wkt[has_zone]
    return zones.reindex(columns=ZONE_NAMES)


# --- one frame of rows -----------------------------------------------------------------------
def _record_ids(frame: pd.DataFrame, tables: Sequence[RawTable]) -> tuple[pd.Series, pd.Series]:
    """idSINPOccTax (GBIF occurrenceID when it is a UUID) and a stable record id per source.

    Rows without any identifier get 'raw:' + a hash of their original values, so that importing
    the same file again finds the same records.
    """
    id_sinp = text_column(frame, "idSINPOccTax")
    occurrence_id = text_column(frame, "occurrenceID")
    candidates = occurrence_id[id_sinp.isna() & occurrence_id.notna()]
    id_sinp = fill_missing(id_sinp, candidates[candidates.str.match(UUID_PATTERN, na=False)])
    record_id = text_column(frame, "sourceRecordId")
    for column in ("uuid", "occurrenceID", "idSINPOccTax"):
        record_id = fill_missing(record_id, text_column(frame, column))
    missing = record_id.isna()
    for number, rows in frame.loc[missing, "_table"].groupby(frame.loc[missing, "_table"]).groups.items():
        hashes = tables[number].row_hashes(frame.loc[rows, "_pos"].tolist())
        record_id[rows] = ["raw:" + format(value, "016x") for value in hashes.to_numpy()]
    return id_sinp, record_id


_COMMUNE_SEPARATOR = re.compile(r"\s*[|,;]\s*")
_COMMUNE_CODE = re.compile(r"^(?:\d{5}|2[AB]\d{3})$")


def _communes(text: pd.Series) -> pd.Series:
    """Commune codes joined by '|' (one pass per distinct value: exports hold thousands of them)."""
    return pd.Series(
        [_COMMUNE_SEPARATOR.sub("|", value).strip() if isinstance(value, str) else np.nan for value in text],
        index=text.index,
        dtype=object,
    )


def _department_of(communes: Any) -> Any:
    """Department of the first commune code ('97x' overseas), NaN when it is not a commune code."""
    if not isinstance(communes, str):
        return np.nan
    first = communes.split("|")[0].strip()
    if not _COMMUNE_CODE.match(first):
        return np.nan
    return first[:3] if first.startswith("97") else first[:2]


def _departments_of(communes: pd.Series) -> pd.Series:
    return pd.Series([_department_of(value) for value in communes], index=communes.index, dtype=object)


def _valid_departments(codes: pd.Series) -> pd.Series:
    codes = codes.str.strip().str.upper()
    return codes.where(codes.str.match(INSEE_DEPARTMENT, na=False))


def _occurrence_frame(
    frame: pd.DataFrame,
    tables: Sequence[RawTable],
    refs: pd.Series,
    found: dict[int, Taxon],
    reference: Reference,
    location: Location,
    dates: tuple[pd.Series, ...],
) -> pd.DataFrame:
    """Schema columns (+ x, y) for rows that passed every check."""
    out: dict[str, Any] = {}  # one DataFrame built at the end (no block consolidation per column)
    taxon = _taxon_columns(refs, found, reference)
    out["idSINPOccTax"], out["sourceRecordId"] = _record_ids(frame, tables)
    cd_nom = _integer_text(text_column(frame, "cdNom"))
    out["cdNom"] = cd_nom.fillna(taxon["cdNomTaxon"]).astype("Int64")
    out["cdRef"] = taxon["cdRef"].astype("Int64")
    out["nomCite"] = fill_missing(fill_missing(text_column(frame, "nomCite"), text_column(frame, "nomValide")),
                                  taxon["nomValide"])
    out["nomValide"] = taxon["nomValide"]
    out["nomVernaculaire"] = fill_missing(taxon["nomVernaculaire"], text_column(frame, "nomVernaculaire"))
    out["dateDebut"], out["dateFin"], out["annee"] = dates
    statut = by_label(STATUT_OBSERVATION, "NSP")
    out["statutObservation"] = map_values(text_column(frame, "statutObservation"), statut, "Pr")
    out["occEtatBiologique"] = map_values(text_column(frame, "occEtatBiologique"), by_label(ETAT_BIOLOGIQUE, "0"), "1")
    out["estAbsence"] = out["statutObservation"] == "No"
    remarks = text_column(frame, "commentaire").dropna()
    shells = remarks.index[remarks.str.contains(DEAD_SHELL_PATTERN, case=False, regex=True).to_numpy()]
    out["estCoquilleMorte"] = out["occEtatBiologique"] == "3"
    if len(shells):
        out["estCoquilleMorte"] = out["estCoquilleMorte"] | frame.index.isin(shells)
    precision_m = per_value(text_column(frame, "precisionGeometrie"), numbers).astype(float)
    out["precisionGeometrie"] = precision_m.round().where(precision_m.abs() <= 2**53).astype("Int64")
    out["classePrecision"] = _precision_class(frame, location, precision_m)
    out["natureObjetGeo"] = map_values(text_column(frame, "natureObjetGeo"), by_label(NATURE_OBJET_GEO))
    communes = per_value(text_column(frame, "codeCommune"), _communes)
    out["codeCommune"] = communes
    given = per_value(text_column(frame, "codeDepartement"), _valid_departments)
    out["codeDepartement"] = fill_missing(given, per_value(communes, _departments_of))
    out["x"], out["y"] = location.x, location.y
    out["codeMaille"] = maille_codes(location.x, location.y)
    out["denombrementMin"] = _integer_text(text_column(frame, "denombrementMin")).astype("Int64")
    maximum = _integer_text(text_column(frame, "denombrementMax")).astype("Int64")
    out["denombrementMax"] = maximum.fillna(out["denombrementMin"])
    objet = text_column(frame, "objetDenombrement")
    out["objetDenombrement"] = fill_missing(map_values(objet, by_label(OBJET_DENOMBREMENT)), objet)
    for name in ("observateur", "organismeGestionnaireDonnee", "idSINPJdd"):
        out[name] = text_column(frame, name)
    out["dSPublique"] = map_values(text_column(frame, "dSPublique"), by_label(DS_PUBLIQUE))
    out["sensiNiveau"] = map_values(text_column(frame, "sensiNiveau"), sensitivity)
    validation = map_values(text_column(frame, "nivValidation"), by_label(NIVEAU_VALIDATION, MISSING_VALIDATION))
    out["nivValidation"] = fill_missing(validation, MISSING_VALIDATION).astype("Int64")
    out["source"] = frame["source"]
    out["provenance"] = _provenance(frame, tables, out["sourceRecordId"])
    for name in ("protege", "envahissant"):
        out[name] = fill_missing(taxon[name], False).astype(bool)
    for name in ("listeRouge", "directiveHabitats", "origine", "milieu"):
        out[name] = taxon[name]
    out["importId"] = pd.Series(pd.NA, index=frame.index, dtype="Int64")
    out[status_class.COLUMN] = status_class.status_classes(out)  # what the default map style draws
    return pd.DataFrame(out, index=frame.index, columns=OCCURRENCE_NAMES)


def _provenance(frame: pd.DataFrame, tables: Sequence[RawTable], ids: pd.Series) -> pd.Series:
    """One-item JSON provenance list per row: source, file or query, record id."""
    if frame.empty:
        return pd.Series([], index=frame.index, dtype=object)
    heads = {
        number: f'[{{"source":{json.dumps(table.source)},"fichier":{json.dumps(table.origin, ensure_ascii=False)}'
        for number, table in enumerate(tables)
    }
    quoted = map(encode_basestring, ids.astype(str).to_numpy())  # the C JSON string encoder
    texts = [heads[number] + ',"id":' + text + "}]" for number, text in zip(frame["_table"].tolist(), quoted)]
    return pd.Series(texts, index=ids.index, dtype=object)


# --- duplicates ------------------------------------------------------------------------------
def _dedup_key(occurrences: pd.DataFrame) -> pd.Series:
    """idSINPOccTax in lower case, else 'rec:' + source + ':' + sourceRecordId."""
    id_sinp = occurrences["idSINPOccTax"].astype(object)
    key = id_sinp.where(id_sinp.notna(), None).str.lower()
    missing = key.isna() | (key == "")
    if missing.any():
        rows = occurrences[missing]
        key[missing] = "rec:" + rows["source"].astype(str) + ":" + rows["sourceRecordId"].astype(str)
    return key


def _merge_provenance(texts: Sequence[Any]) -> str:
    """One JSON list holding each item of the given provenance lists once, in order."""
    items: list[Any] = []
    seen: set[str] = set()
    for text in texts:
        try:
            values = json.loads(text) if isinstance(text, str) and text else []
        except ValueError:
            values = [text]
        for item in values if isinstance(values, list) else [values]:
            key = json.dumps(item, sort_keys=True, ensure_ascii=False)
            if key not in seen:
                seen.add(key)
                items.append(item)
    return json.dumps(items, ensure_ascii=False, separators=(",", ":"))


def deduplicate(occurrences: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """Merge records sharing an idSINPOccTax (case-insensitive), or a source and record id.

    The record of the best-ranked source (SOURCE_PRIORITY, then input order) is kept; its
    `provenance` becomes the union of the group's provenance lists. Returns (kept, merged count).
    """
    if occurrences.empty:
        return occurrences, 0
    key = _dedup_key(occurrences)
    if not key.duplicated().any():
        return occurrences, 0
    rank = occurrences["source"].map({s: i for i, s in enumerate(SOURCE_PRIORITY)}).fillna(len(SOURCE_PRIORITY))
    order = pd.DataFrame({"rank": rank.to_numpy(), "pos": np.arange(len(occurrences))}, index=occurrences.index)
    ordered = occurrences.loc[order.sort_values(["rank", "pos"], kind="stable").index]
    ordered_key = key[ordered.index]
    duplicated = ordered_key.duplicated(keep="first")
    merged = int(duplicated.sum())
    in_group = ordered_key.duplicated(keep=False)
    grouped = ordered.loc[in_group, "provenance"].groupby(ordered_key[in_group], sort=False).agg(list)
    kept = ordered[~duplicated].copy()
    kept_groups = in_group[kept.index]
    kept.loc[kept_groups, "provenance"] = ordered_key[kept.index][kept_groups].map(
        lambda k: _merge_provenance(grouped[k])
    )
    return kept.sort_index(), merged


# --- entry point -----------------------------------------------------------------------------
def _concat(tables: Sequence[RawTable]) -> pd.DataFrame:
    """All tables' rows, with their table number, position in it, source and origin."""
    frames = []
    for number, table in enumerate(tables):
        columns = {name: table.frame[name] for name in table.frame.columns if name != RAW}
        columns.update(_table=number, _pos=np.arange(len(table)), source=table.source, _origin=table.origin)
        frames.append(pd.DataFrame(columns, index=table.frame.index))
    if not frames:
        return pd.DataFrame(columns=["_table", "_pos", "source", "_origin", ROW, ERROR])
    return pd.concat(frames, ignore_index=True, sort=False) if len(frames) > 1 else frames[0]


def _rejects(tables: Sequence[RawTable], frame: pd.DataFrame, reason: pd.Series, detail: pd.Series) -> pd.DataFrame:
    rows = reason.notna()
    raw = pd.Series(np.nan, index=frame.index[rows], dtype=object)
    for number, labels in frame.loc[rows, "_table"].groupby(frame.loc[rows, "_table"]).groups.items():
        raw[labels] = tables[number].raw_json(frame.loc[labels, "_pos"].tolist()).to_numpy()
    rejects = pd.DataFrame(
        {
            "source": frame.loc[rows, "source"],
            "fichier": frame.loc[rows, "_origin"],
            "ligne": pd.to_numeric(frame.loc[rows, ROW], errors="coerce").astype("Int64"),
            "motif": reason[rows],
            "detail": detail[rows],
            "donneeBrute": raw,
            "importId": pd.Series(pd.NA, index=frame.index[rows], dtype="Int64"),
        }
    )
    return rejects.reindex(columns=REJECT_NAMES)


def _taxon_detail(frame: pd.DataFrame, rows: pd.Series) -> pd.Series:
    parts = []
    for column in ("cdRef", "cdNom", "nomCite", "nomValide"):
        values = text_column(frame, column)[rows]
        parts.append((column + "=" + values.astype(str)).where(values.notna(), ""))
    joined = parts[0]
    for part in parts[1:]:
        joined = joined.str.cat(part, sep=" ")
    joined = joined.str.split().str.join(" ")
    return joined.where(joined != "", "no taxon code or name")


def _counts(
    tables: Sequence[RawTable], frame: pd.DataFrame, reason: pd.Series, merged_rows: pd.Index
) -> list[TableCounts]:
    table_of = frame["_table"]
    rejected = table_of[reason.notna()].value_counts()
    merged = table_of[merged_rows].value_counts()
    counts = []
    for number, table in enumerate(tables):
        read = len(table)
        n_rejected, n_merged = int(rejected.get(number, 0)), int(merged.get(number, 0))
        counts.append(TableCounts(table.source, table.origin, table.fmt, read, read - n_rejected - n_merged,
                                  n_merged, n_rejected))  # fmt: skip
    return counts


LOCATION_DETAILS = {
    "no_geometry": "no usable coordinates, geometry or grid code",
    "outside_france": "coordinates outside metropolitan France and its waters",
    "swapped_coordinates": "latitude and longitude swapped",
}


def _still_pending(frame: pd.DataFrame, reason: pd.Series) -> pd.DataFrame:
    """The rows not rejected yet (the frame itself when there is none: no copy)."""
    pending = reason.isna()
    return frame if pending.all() else frame[pending]


def normalise(tables: Sequence[RawTable], reference: Reference) -> NormalisedBatch:
    """Normalise raw tables into one batch (duplicates merged, every row accounted for).

    Checks run in this order, the first failing one naming the reject reason: unreadable row,
    taxon (unknown or not a bivalve), date, location (none, swapped, outside France).
    """
    frame = _concat(tables)
    reason = pd.Series(np.nan, index=frame.index, dtype=object)
    detail = pd.Series(np.nan, index=frame.index, dtype=object)

    def reject(mask: pd.Series, code: pd.Series | str, why: pd.Series | str) -> None:
        mask = mask.reindex(frame.index, fill_value=False).astype(bool) & reason.isna()
        if mask.any():
            reason[mask] = code[mask] if isinstance(code, pd.Series) else code
            detail[mask] = why[mask] if isinstance(why, pd.Series) else why

    errors = text_column(frame, ERROR)
    reject(errors.notna(), "unreadable_row", errors)
    refs, found = _resolve_taxa(frame, reference)
    unresolved = refs.isna() & reason.isna()
    if unresolved.any():
        reject(unresolved, _taxon_rejects(frame, unresolved), _taxon_detail(frame, unresolved))
    start, end, year, date_problem = _dates(_still_pending(frame, reason))
    reject(date_problem.notna(), "bad_date", date_problem)
    location = locate(_still_pending(frame, reason))
    reject(location.problem.notna(), location.problem, location.problem.map(LOCATION_DETAILS))
    kept = _still_pending(frame, reason)
    location = location.take(kept.index)
    dates = (start[kept.index], end[kept.index], year[kept.index])
    occurrences = _occurrence_frame(kept, tables, refs[kept.index], found, reference, location, dates)
    deduplicated, _ = deduplicate(occurrences)
    merged_rows = occurrences.index.difference(deduplicated.index)
    given_cells = text_column(kept, "codeMaille")[deduplicated.index]
    named_cell = map_values(text_column(kept, "precisionLocalisation"), precision_hint) == "maille"
    zone_wkt = location.zone_wkt[deduplicated.index]
    zones = _zones(deduplicated, zone_wkt, given_cells, named_cell[deduplicated.index])
    deduplicated["zoneId"] = zones["zoneId"]  # aligned on the row labels: NaN for plain points
    batch = NormalisedBatch(
        occurrences=deduplicated.reset_index(drop=True),
        zones=zones.reset_index(drop=True),
        rejects=_rejects(tables, frame, reason, detail).reset_index(drop=True),
        counts=_counts(tables, frame, reason, merged_rows),
    )
    LOGGER.info(
        "normalised %d rows: %d kept, %d merged, %d rejected %s",
        len(frame), len(batch.occurrences), len(merged_rows), len(batch.rejects),
        batch.rejects["motif"].value_counts().to_dict(),
    )  # fmt: skip
    return batch
