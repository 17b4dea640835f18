"""Import the INPN "BDC_STATUTS" flat file (offline statuses) into Status rows.

The file (data-sources.md §2.4) has one row per taxon, status and territory, with the columns
CD_NOM, CD_REF, CD_SUP, CD_TYPE_STATUT, LB_TYPE_STATUT, REGROUPEMENT_TYPE, CODE_STATUT, LABEL_STATUT,
RQ_STATUT, CD_SIG, CD_DOC, LB_NOM, LB_AUTEUR, NOM_COMPLET_HTML, NOM_VALIDE_HTML, REGNE, PHYLUM, CLASSE,
ORDRE, FAMILLE, GROUP1_INPN, GROUP2_INPN, LB_ADM_TR, NIVEAU_ADMIN, CD_ISO3166_1, CD_ISO3166_2,
FULL_CITATION, DOC_URL, THEMATIQUE, TYPE_VALUE (header in any case; ISO-8859-1 or UTF-8; comma or
semicolon). It is read as a stream, so the full national file (hundreds of MB) fits in memory.

Only rows of reference taxa (by CD_REF, CD_NOM, then by name for bivalves) are kept, and only for the
territories that matter here: France, Hauts-de-France (INSEER32), the former regions Nord-Pas-de-Calais
(INSEER31) and Picardie (INSEER22), and departments 02, 59, 60, 62, 80. European and international
statuses (Habitats Directive, conventions, European and world red lists) are kept whatever the territory.

API:
    import_bdc_csv(path: Path, reference: Reference | None = None) -> list[Status]
    statuses_for(cd_ref, type_code, code, *, label, remark, location_id, location_name, citation, type_name,
                 origin) -> list[Status]    (one BDC row or TAXREF API status line; also used by the TAXREF refresh)
    area_of(type_code, location_id, location_name) -> str | None
    write_statuses_csv(statuses: Iterable[Status], path: Path) -> Path   (statuses.csv layout, atomic)
"""

from __future__ import annotations

import csv
import html
import logging
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from bivalves_hdf.core.errors import BivalvesError
from bivalves_hdf.core.reference import Reference, Status, Taxon, load_reference, write_statuses

LOG = logging.getLogger("bivalves_hdf.bdc")

# CD_SIG of the territories kept -> Status.area
AREAS = {
    "ETATFRA": "FR", "TERFXFR": "FR", "INSEER32": "INSEER32", "INSEER31": "INSEER31", "INSEER22": "INSEER22",
    "INSEED02": "02", "INSEED59": "59", "INSEED60": "60", "INSEED62": "62", "INSEED80": "80",
}
# LB_ADM_TR when CD_SIG is empty
AREA_NAMES = {
    "france": "FR", "france metropolitaine": "FR", "hauts-de-france": "INSEER32", "nord-pas-de-calais": "INSEER31",
    "picardie": "INSEER22", "aisne": "02", "nord": "59", "oise": "60", "pas-de-calais": "62", "somme": "80",
}
# Statuses that do not depend on the territory: CD_TYPE_STATUT -> Status.area
SUPRANATIONAL = {
    "DH": "EU", "DO": "EU", "BERN": "EUROPE", "BONN": "WORLD", "BARC": "WORLD", "OSPAR": "WORLD",
    "LRE": "EUROPE", "LRM": "WORLD",
}
KINDS = {
    "PN": "protection_fr", "PR": "protection_regional", "PD": "protection_departmental", "POM": "protection_overseas",
    "DH": "habitats_directive", "DO": "birds_directive", "BERN": "bern", "BONN": "bonn", "BARC": "barcelona",
    "OSPAR": "ospar", "LRN": "red_list_fr", "LRR": "red_list_regional", "LRE": "red_list_eu", "LRM": "red_list_world",
    "PNA": "national_action_plan", "EXPNA": "national_action_plan_completed", "REGL": "regulation",
    "REGLII": "introduction_ban", "REGLLUTTE": "control", "REGLSO": "regulation_none", "ZDET": "znieff",
    "SENSNAT": "sensitivity", "SENSREG": "sensitivity", "SENSDEP": "sensitivity",
}
REQUIRED = ("CD_TYPE_STATUT", "CODE_STATUT")
ANNEX_TEXTS = {"DH": "Directive 92/43/CEE", "BERN": "Convention de Berne", "BONN": "Convention de Bonn"}
ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV", "5": "V", "6": "VI"}
_EU_INVASIVE = re.compile(r"1143/2014|pr[ée]occupantes? pour l.union", re.IGNORECASE)
_ARTICLE = re.compile(r"art(?:icle|\.)?\s*(\d+)", re.IGNORECASE)


def _clean(text: str | None) -> str:
    """No HTML tags or entities, single spaces."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", text or "")).split())


def _fold(text: str) -> str:
    return _clean(text).lower().replace("é", "e").replace("è", "e")


def _delimiter(path: Path) -> str:
    with path.open("rb") as handle:
        first = handle.readline().decode("latin-1")
    counts = {sep: first.count(sep) for sep in (";", ",", "\t")}
    return max(counts, key=lambda sep: counts[sep])


def _rows(path: Path, encoding: str) -> Iterator[dict[str, str]]:
    with path.open(encoding=encoding, newline="") as handle:
        reader = csv.reader(handle, delimiter=_delimiter(path))
        header = [name.strip().strip("\ufeff").upper() for name in next(reader, [])]
        missing = [name for name in REQUIRED if name not in header]
        if "CD_REF" not in header and "CD_NOM" not in header:
            missing.append("CD_REF")
        if "CD_SIG" not in header and "LB_ADM_TR" not in header:
            missing.append("CD_SIG")
        if missing:
            raise BivalvesError(f"{path.name} is not a BDC_STATUTS file: missing columns {', '.join(missing)}")
        for values in reader:
            if values:
                yield dict(zip(header, values))


def area_of(type_code: str, location_id: str = "", location_name: str = "") -> str | None:
    """Status.area of a status type in a territory (CD_SIG / API locationId), None when not kept."""
    type_code = type_code.strip().upper()
    if type_code in SUPRANATIONAL:
        return SUPRANATIONAL[type_code]
    if location_id.strip():
        return AREAS.get(location_id.strip().upper())
    return AREA_NAMES.get(_fold(location_name))


def _taxon(row: dict[str, str], reference: Reference) -> Taxon | None:
    for column in ("CD_REF", "CD_NOM"):
        taxon = reference.by_cd_nom(row.get(column))
        if taxon is not None:
            return taxon
    group = (row.get("CLASSE", "") or row.get("GROUP2_INPN", "")).strip().lower()
    if group and group not in {"bivalvia", "bivalves"}:
        return None
    return reference.by_name(row.get("LB_NOM", ""))


def _values(type_code: str, code: str, label: str, citation: str, type_name: str) -> tuple[str, list[tuple[str, str]]]:
    """Status kind and its (value, text_ref) pairs."""
    kind = KINDS.get(type_code, type_code.lower() or "unknown")
    if type_code.startswith("REGL") and _EU_INVASIVE.search(f"{citation} {label}"):
        return "eu_invasive", [("Union list", "Règlement (UE) n° 1143/2014")]
    if type_code in ANNEX_TEXTS:
        annexes = [ROMAN.get(digit, digit) for digit in re.findall(r"\d", code)] or [code]
        return kind, [(annex, f"{ANNEX_TEXTS[type_code]}, annexe {annex}") for annex in annexes]
    if type_code in {"PN", "PR", "PD"}:
        article = _ARTICLE.search(label) or _ARTICLE.search(code) or re.search(r"(\d+)$", code)
        value = f"art. {article.group(1)}" if article else code
        if "23 avril 2007" in citation:
            return kind, [(value, "Arrêté du 23 avril 2007" + (f", {value}" if article else ""))]
        return kind, [(value, citation.split(" . ")[0][:200] or type_name or type_code)]
    return kind, [(code, type_name or type_code)]


def statuses_for(
    cd_ref: int, type_code: str, code: str, *, label: str = "", remark: str = "", location_id: str = "",
    location_name: str = "", citation: str = "", type_name: str = "", origin: str = "BDC_STATUTS",
) -> list[Status]:
    """Status rows of one BDC_STATUTS row or TAXREF API status line; [] when its territory is not kept.

    type_code: CD_TYPE_STATUT ('PN', 'DH', 'LRN'...; API: last segment of _links.statusType.href);
    code: CODE_STATUT (API statusCode); label: LABEL_STATUT (statusName); remark: RQ_STATUT
    (statusRemarks); location_id: CD_SIG (locationId); citation: FULL_CITATION (source, HTML allowed);
    origin: where the row comes from, written at the start of Status.source.
    """
    type_code = type_code.strip().upper()
    area = area_of(type_code, location_id, location_name)
    if area is None:
        return []
    label, remark, citation = _clean(label), _clean(remark), _clean(citation)
    kind, pairs = _values(type_code, code.strip(), label, citation, _clean(type_name))
    label_fr = f"{label} ({remark})" if remark else label
    source = f"INPN {origin}" + (f": {citation}" if citation else "")
    return [Status(int(cd_ref), kind, value, area, label_fr, text_ref, source, True) for value, text_ref in pairs]


def _import(path: Path, encoding: str, reference: Reference) -> list[Status]:
    found: dict[Status, None] = {}
    read = 0
    for row in _rows(path, encoding):
        read += 1
        type_code = row.get("CD_TYPE_STATUT", "")
        if area_of(type_code, row.get("CD_SIG", ""), row.get("LB_ADM_TR", "")) is None:
            continue
        taxon = _taxon(row, reference)
        if taxon is None:
            continue
        found.update(dict.fromkeys(statuses_for(
            taxon.cd_ref, type_code, row.get("CODE_STATUT", ""), label=row.get("LABEL_STATUT", ""),
            remark=row.get("RQ_STATUT", ""), location_id=row.get("CD_SIG", ""),
            location_name=row.get("LB_ADM_TR", ""), citation=row.get("FULL_CITATION", ""),
            type_name=row.get("LB_TYPE_STATUT", ""), origin=f"BDC_STATUTS ({path.name})",
        )))
    LOG.info("%s: %d rows read, %d statuses kept", path.name, read, len(found))
    return sorted(found, key=lambda s: (s.cd_ref, s.kind, s.area, s.value, s.label_fr))


def import_bdc_csv(path: Path, reference: Reference | None = None) -> list[Status]:
    """Statuses of the reference taxa in the territories of Hauts-de-France, from a BDC_STATUTS CSV."""
    path = Path(path)
    if not path.is_file():
        raise BivalvesError(f"BDC_STATUTS file not found: {path}")
    reference = reference or load_reference()
    try:
        return _import(path, "utf-8-sig", reference)
    except UnicodeDecodeError:
        LOG.info("%s is not UTF-8: reading it as ISO-8859-1", path.name)
        return _import(path, "latin-1", reference)


def write_statuses_csv(statuses: Iterable[Status], path: Path) -> Path:
    """Write statuses in the data/statuses.csv layout (atomic)."""
    return write_statuses(statuses, path)
