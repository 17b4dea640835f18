"""TAXREF API (MNHN, data-sources.md §2): taxa, their children and their status lines.

HAL+JSON (`Accept: application/hal+json;version=1`), lists under `_embedded`, 1-based `page`
with `page.totalPages` (the `_links.next` hrefs are URI templates, so pages are rebuilt, not
followed). Status lines carry their type code only in `_links.statusType.href`; their `source`
holds HTML that is stripped here.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..http import HttpError, HttpStatusError
from ..reference import (
    STATUSES_FILE,
    SYNONYMS_FILE,
    TAXA_FILE,
    Reference,
    Status,
    Taxon,
    merge_statuses,
    write_statuses,
    write_synonyms,
    write_taxa,
)
from .base import Source, batched

HAL = {"Accept": "application/hal+json;version=1"}
IDS_PER_REQUEST = 50
STATUS_PAGE_SIZE = 10_000
TAXA_PAGE_SIZE = 1000
# Hauts-de-France, the former regions (their red lists still apply) and the five departments.
LOCATIONS = ("INSEER32", "INSEER31", "INSEER22", "INSEED02", "INSEED59", "INSEED60", "INSEED62", "INSEED80")
HABITATS = {  # TAXREF habitat code -> Reference habitats (§2.2)
    "1": ("marine",), "2": ("freshwater",), "4": ("freshwater", "marine"), "6": ("brackish",),
    "7": ("freshwater",), "8": ("freshwater",),
}
ORIGINS = {"P": "native", "E": "native", "S": "native", "I": "introduced", "M": "introduced", "J": "invasive"}
RANKS = {"CL": "class", "OR": "order", "FM": "family", "SBFM": "subfamily", "GN": "genus", "ES": "species",
         "SSES": "subspecies"}


class TaxrefSource(Source):
    name = "taxref"
    default_url = "https://taxref.mnhn.fr/api"

    def _paged(self, url: str, params: dict, key: str, size: int) -> list[dict]:
        items: list[dict] = []
        page_number = 1
        while True:
            page = self.client.get_json(url, {**params, "page": page_number, "size": size}, headers=HAL)
            data = page.data if isinstance(page.data, dict) else {}
            embedded = (data.get("_embedded") or {}).get(key, [])
            if not isinstance(embedded, list):
                raise HttpError(f"{page.url}: no _embedded.{key} list in the TAXREF answer")
            items.extend(e for e in embedded if isinstance(e, dict))
            total_pages = int((data.get("page") or {}).get("totalPages") or 1)
            if page_number >= total_pages or not embedded:
                return items
            page_number += 1

    def taxa(self, cd_noms: Iterable[int]) -> list[dict]:
        """TAXREF records of these cd_nom (taxa/search by batches of 50 ids)."""
        out: list[dict] = []
        for batch in batched(sorted(set(cd_noms)), IDS_PER_REQUEST):
            out.extend(self._paged(f"{self.base_url}/taxa/search", {"taxrefIds": batch}, "taxa", TAXA_PAGE_SIZE))
        return out

    def children(self, cd_nom: int) -> list[dict]:
        """Direct children of a taxon ([] when TAXREF does not know it: 404 with an empty body)."""
        try:
            page = self.client.get_json(f"{self.base_url}/taxa/{int(cd_nom)}/children", headers=HAL)
        except HttpStatusError as exc:
            if exc.status == 404:
                return []
            raise
        embedded = ((page.data or {}).get("_embedded") or {}).get("taxa", []) if isinstance(page.data, dict) else []
        return [e for e in embedded if isinstance(e, dict)]

    def status_lines(self, cd_refs: Sequence[int], locations: Sequence[str] = LOCATIONS) -> list[dict]:
        """Status lines (`status/search/lines`) of these taxa in each location."""
        out: list[dict] = []
        for location in locations:
            for batch in batched(sorted(set(cd_refs)), IDS_PER_REQUEST):
                params = {"taxrefId": batch, "locationId": location}
                out.extend(self._paged(f"{self.base_url}/status/search/lines", params, "status", STATUS_PAGE_SIZE))
        return out


def taxon_fields(record: dict) -> dict[str, Any]:
    """Reference fields from a TAXREF taxon record (names without HTML)."""
    return {
        "cd_nom": int(record["id"]),
        "cd_ref": int(record.get("referenceId") or record["id"]),
        "rank": RANKS.get(str(record.get("rankId") or ""), str(record.get("rankId") or "").lower()),
        "scientific_name": str(record.get("scientificName") or "").strip(),
        "authority": str(record.get("authority") or "").strip(),
        "french_name": str(record.get("frenchVernacularName") or "").split(",")[0].strip(),
        "family": str(record.get("familyName") or "").strip(),
        "habitat": HABITATS.get(str(record.get("habitat") or ""), ()),
        "origin": ORIGINS.get(str(record.get("fr") or ""), ""),
        "taxref_version": str(record.get("taxrefVersion") or ""),
    }


def status_fields(line: dict) -> dict[str, Any]:
    """Reference status fields from a `status/search/lines` element."""
    taxon = line.get("taxon") or {}
    href = str(((line.get("_links") or {}).get("statusType") or {}).get("href") or "")
    return {
        "cd_ref": int(taxon.get("referenceId") or taxon.get("id")),
        "type_code": href.rstrip("/").rsplit("/", 1)[-1] if href else "",
        "type_name": str(line.get("statusTypeName") or ""),
        "value": str(line.get("statusCode") or ""),
        "label": str(line.get("statusName") or ""),
        "area": str(line.get("locationId") or ""),
        "area_level": str(line.get("locationAdminLevel") or ""),
        "remarks": str(line.get("statusRemarks") or ""),
        "source": strip_html(str(line.get("source") or "")),
    }


def strip_html(text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", text)).split())


# --- refreshing data/taxa.csv and data/statuses.csv -------------------------------------------


@dataclass
class TaxrefRefresh:
    """What `refresh_reference` changed."""

    taxa_checked: int = 0
    taxa_updated: int = 0
    taxa_added: list[str] = field(default_factory=list)
    statuses: int = 0
    warnings: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"taxa: {self.taxa_checked} checked against TAXREF, {self.taxa_updated} updated, "
               f"{len(self.taxa_added)} added" + (f" ({', '.join(self.taxa_added)})" if self.taxa_added else ""),
               f"statuses: {self.statuses} lines written"]
        out += [f"warning: {w}" for w in self.warnings]
        out += [f"written: {path}" for path in self.files]
        return out


def _updated_taxon(taxon: Taxon, record: dict) -> Taxon:
    fields_ = taxon_fields(record)
    valid = fields_["cd_ref"] == taxon.cd_ref
    return replace(
        taxon,
        scientific_name=fields_["scientific_name"] or taxon.scientific_name,
        authority=fields_["authority"] or taxon.authority,
        french_name=taxon.french_name or fields_["french_name"],
        family=fields_["family"] or taxon.family,
        codes_verified=valid,
    )


def _child_taxon(parent: Taxon, record: dict, version: str) -> Taxon | None:
    fields_ = taxon_fields(record)
    if fields_["rank"] not in ("species", "subspecies") or fields_["cd_ref"] != fields_["cd_nom"]:
        return None
    if str(record.get("fr") or "") in ("", "A", "Q", "0", "W", "X"):  # absent or not in mainland France
        return None
    return Taxon(
        cd_nom=fields_["cd_nom"], cd_ref=fields_["cd_ref"], scientific_name=fields_["scientific_name"],
        authority=fields_["authority"], french_name=fields_["french_name"], family=fields_["family"] or parent.family,
        habitat=fields_["habitat"] or parent.habitat, origin=fields_["origin"] or parent.origin,
        id_difficulty=parent.id_difficulty, codes_verified=True, rank=fields_["rank"],
        notes=f"added by `taxref` from TAXREF {version} children of {parent.scientific_name}; check habitat and "
        "identification difficulty",
    )


def refresh_reference(source: TaxrefSource | None, reference: Reference, out_dir: Path,
                      bdc_file: Path | None = None) -> TaxrefRefresh:
    """Update taxa.csv and statuses.csv of `out_dir` from the TAXREF API and/or a BDC_STATUTS file.

    With `source`: taxa are checked (names, authority, family; `codes_verified` set when TAXREF
    confirms the cd_nom is valid), species under the genera of the reference that TAXREF lists
    in mainland France are added, and status lines of Hauts-de-France, its former regions and
    departments replace the same (taxon, kind, area) statuses. With `bdc_file` (offline), the
    statuses come from the BDC_STATUTS CSV. Files are written atomically at the end only.
    """
    from ..bdc import import_bdc_csv, statuses_for  # noqa: PLC0415 - reference helper's module

    report = TaxrefRefresh()
    taxa = list(reference.taxa)
    statuses: list[Status] = []
    if source is not None:
        records = {int(r["id"]): r for r in source.taxa([t.cd_nom for t in taxa])}
        report.taxa_checked = len(taxa)
        updated = []
        for taxon in taxa:
            record = records.get(taxon.cd_nom)
            if record is None:
                report.warnings.append(f"{taxon.scientific_name} ({taxon.cd_nom}) not found in TAXREF")
                updated.append(replace(taxon, codes_verified=False))
                continue
            new = _updated_taxon(taxon, record)
            if not new.codes_verified:
                report.warnings.append(f"{taxon.scientific_name} ({taxon.cd_nom}): TAXREF gives cd_ref "
                                       f"{record.get('referenceId')}; review data/taxa.csv")
            report.taxa_updated += new != taxon
            updated.append(new)
        known = {t.cd_nom for t in updated} | {s.cd_nom for s in reference.synonyms if s.cd_nom}
        for parent in [t for t in updated if t.rank == "genus"]:
            for record in source.children(parent.cd_nom):
                child = _child_taxon(parent, record, str(record.get("taxrefVersion") or ""))
                if child is not None and child.cd_nom not in known:
                    updated.append(child)
                    known.add(child.cd_nom)
                    report.taxa_added.append(child.scientific_name)
        taxa = updated
        for line in source.status_lines(sorted({t.cd_ref for t in taxa})):
            fields_ = status_fields(line)
            statuses.extend(statuses_for(
                fields_["cd_ref"], fields_["type_code"], fields_["value"], label=fields_["label"],
                remark=fields_["remarks"], location_id=fields_["area"], citation=str(line.get("source") or ""),
                type_name=fields_["type_name"], origin="TAXREF API status/search/lines",
            ))
    if bdc_file is not None:
        statuses.extend(import_bdc_csv(Path(bdc_file), Reference(taxa, reference.statuses, reference.synonyms)))
    merged = merge_statuses(reference.statuses, statuses)
    report.statuses = len(merged)
    out_dir = Path(out_dir)
    report.files = [write_taxa(taxa, out_dir / TAXA_FILE), write_statuses(merged, out_dir / STATUSES_FILE)]
    if not (out_dir / SYNONYMS_FILE).is_file():
        report.files.append(write_synonyms(reference.synonyms, out_dir / SYNONYMS_FILE))
    return report
