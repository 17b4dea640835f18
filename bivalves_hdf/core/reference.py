"""The shipped taxon reference: taxa, synonyms and statuses of the bivalves of Hauts-de-France.

Files (UTF-8, comma, header line; see data/README.md):
    data/taxa.csv      one row per valid taxon (cd_nom == cd_ref)
    data/synonyms.csv  names met in exports that resolve to a taxon of taxa.csv
    data/statuses.csv  legal and conservation statuses, one row per taxon, kind, value and area

API:
    load_reference(data_dir: Path | None = None) -> Reference        (cached per folder; clear_cache() after a rewrite)
    load_taxa(data_dir: Path | None = None) -> list[Taxon]
    Reference.by_cd_nom(cd_nom) / by_name(name) / by_sandre(code) / taxon(cd_ref) -> Taxon | None
    Reference.flags(cd_ref) -> StatusFlags;  Reference.statuses_of(cd_ref) -> list[Status]
    Reference.taxa_records() / status_records() -> list[dict]   (schema.TAXON_COLUMNS / STATUS_COLUMNS names)
    merge_statuses(current, new) -> list[Status]   new rows replace current ones of the same cd_ref, kind, area
Writers (atomic: a temporary file beside the target, then os.replace):
    write_taxa(taxa: Iterable[Taxon], path: Path) -> Path
    write_synonyms(synonyms: Iterable[Synonym], path: Path) -> Path
    write_statuses(statuses: Iterable[Status], path: Path) -> Path

Codes below zero in taxa.csv are local placeholders for taxa with no TAXREF code found.
"""

from __future__ import annotations

import csv
import logging
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from bivalves_hdf.core.errors import BivalvesError
from bivalves_hdf.paths import DATA_DIR

LOG = logging.getLogger("bivalves_hdf.reference")

TAXA_FILE = "taxa.csv"
SYNONYMS_FILE = "synonyms.csv"
STATUSES_FILE = "statuses.csv"

HABITATS = ("freshwater", "brackish", "marine")
ORIGINS = ("native", "introduced", "invasive")
ID_DIFFICULTIES = ("field", "lab", "expert")
RANKS = ("class", "order", "family", "subfamily", "genus", "species", "subspecies")

TAXA_COLUMNS = (
    "cd_nom", "cd_ref", "rank", "scientific_name", "authority", "french_name", "family", "habitat",
    "origin", "id_difficulty", "sandre_code", "codes_verified", "notes",
)
SYNONYM_COLUMNS = ("name", "authority", "cd_nom", "cd_ref", "sandre_code", "verified", "source")
STATUS_FIELDS = ("cd_ref", "kind", "value", "area", "label_fr", "text_ref", "source", "verified")

# Kinds of Status.kind read by flags(); other kinds (regional lists, ZNIEFF...) are kept as they come.
PROTECTION_FR = "protection_fr"
HABITATS_DIRECTIVE = "habitats_directive"
RED_LIST_FR = "red_list_fr"
EU_INVASIVE = "eu_invasive"
ANNEX_ORDER = ("I", "II", "III", "IV", "V", "VI")
_SUBGENUS = re.compile(r"^\s*(\S+)\s+\([A-Za-z]+\)\s+(?=[a-z])")
# Words after a genus that mean "determined to genus only".
_GENUS_QUALIFIERS = {"sp", "sp.", "spp", "spp.", "indet", "indet.", "cf", "cf.", "aff", "aff.", "s.l.", "agg", "agg."}


@dataclass(frozen=True)
class Taxon:
    """A valid taxon of the reference (cd_nom == cd_ref for every row of taxa.csv)."""

    cd_nom: int
    cd_ref: int
    scientific_name: str
    authority: str
    french_name: str
    family: str
    habitat: tuple[str, ...]
    origin: str
    id_difficulty: str
    synonyms: tuple[str, ...] = ()
    codes_verified: bool = False
    rank: str = "species"
    sandre_code: str = ""
    notes: str = ""

    @property
    def full_name(self) -> str:
        """Scientific name followed by its authority."""
        return f"{self.scientific_name} {self.authority}".strip()


@dataclass(frozen=True)
class Synonym:
    """A name met in exports (synonym, old combination, misspelling) and the taxon it stands for."""

    name: str
    authority: str
    cd_nom: int | None
    cd_ref: int
    sandre_code: str = ""
    verified: bool = False
    source: str = ""


@dataclass(frozen=True)
class Status:
    """One legal or conservation status of a taxon in an area."""

    cd_ref: int
    kind: str
    value: str
    area: str
    label_fr: str
    text_ref: str
    source: str
    verified: bool


@dataclass(frozen=True)
class StatusFlags:
    """What the occurrence layer and the reports show for a taxon."""

    protected: bool = False  # arrêté du 23 avril 2007, art. 2
    red_list: str = ""  # French red list category ('CR', 'EN', ... or '')
    habitats_directive: str = ""  # annexes, e.g. 'II|IV'
    invasive: bool = False  # EU regulation 1143/2014 Union list, or origin 'invasive'


def normalise_name(name: str) -> str:
    """Lower case, no HTML tags, no accents, single spaces: the key names are matched on."""
    text = re.sub(r"<[^>]+>", " ", str(name))
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char))
    return " ".join(text.replace("\u00a0", " ").lower().split())


@dataclass
class Reference:
    """Taxa, synonyms and statuses, indexed for lookups."""

    taxa: list[Taxon]
    statuses: list[Status]
    synonyms: list[Synonym] = field(default_factory=list)

    def __post_init__(self) -> None:
        names_of: dict[int, list[str]] = {}
        for synonym in self.synonyms:
            names_of.setdefault(synonym.cd_ref, []).append(synonym.name)
        self.taxa = [
            replace(taxon, synonyms=tuple(dict.fromkeys(taxon.synonyms + tuple(names_of.get(taxon.cd_ref, ())))))
            for taxon in self.taxa
        ]
        self._by_ref: dict[int, Taxon] = {}
        for taxon in sorted(self.taxa, key=lambda t: t.cd_nom != t.cd_ref):  # the valid name's row wins
            self._by_ref.setdefault(taxon.cd_ref, taxon)
        self._by_nom: dict[int, Taxon] = {taxon.cd_nom: self._by_ref[taxon.cd_ref] for taxon in self.taxa}
        self._by_name: dict[str, Taxon] = {}
        self._by_sandre: dict[str, Taxon] = {}
        for taxon in self.taxa:
            self._index_name(taxon.scientific_name, taxon.authority, taxon)
            if taxon.sandre_code:
                self._by_sandre[taxon.sandre_code] = taxon
        for synonym in self.synonyms:
            taxon = self._by_ref.get(synonym.cd_ref)
            if taxon is None:
                LOG.warning("synonym %s points to unknown cd_ref %s", synonym.name, synonym.cd_ref)
                continue
            if synonym.cd_nom is not None:
                self._by_nom.setdefault(synonym.cd_nom, taxon)
            self._index_name(synonym.name, synonym.authority, taxon)
            if synonym.sandre_code:
                self._by_sandre.setdefault(synonym.sandre_code, taxon)
        self._statuses: dict[int, list[Status]] = {}
        for status in self.statuses:
            self._statuses.setdefault(status.cd_ref, []).append(status)

    def _index_name(self, name: str, authority: str, taxon: Taxon) -> None:
        self._by_name.setdefault(normalise_name(name), taxon)
        if authority:
            self._by_name.setdefault(normalise_name(f"{name} {authority}"), taxon)

    def by_cd_nom(self, cd_nom: int | str | None) -> Taxon | None:
        """The valid taxon of a TAXREF cd_nom (a synonym's cd_nom gives its valid taxon)."""
        try:
            return self._by_nom.get(int(str(cd_nom).strip().split(".")[0]))
        except (TypeError, ValueError):
            return None

    def taxon(self, cd_ref: int | str | None) -> Taxon | None:
        """The taxon whose cd_ref this is."""
        try:
            return self._by_ref.get(int(str(cd_ref).strip().split(".")[0]))
        except (TypeError, ValueError):
            return None

    def by_sandre(self, code: int | str | None) -> Taxon | None:
        """The taxon of a SANDRE 'code appellation taxon' (Hub'Eau code_appel_taxon)."""
        if code is None:
            return None
        text = str(code).strip()
        return self._by_sandre.get(text[:-2] if text.endswith(".0") else text)

    def by_name(self, name: str | None) -> Taxon | None:
        """The taxon of a scientific name, with or without authority, synonyms and old combinations included.

        'Anodonta sp.', 'Unio cf. crassus' or 'Unio pictorum/mancus' give the genus; an unknown epithet gives None.
        """
        if not name or not str(name).strip():
            return None
        text = re.sub(r"<[^>]+>", " ", str(name))
        text = _SUBGENUS.sub(r"\1 ", text)  # 'Sphaerium (Musculium) lacustre' -> 'Sphaerium lacustre'
        key = normalise_name(text)
        found = self._by_name.get(key)
        if found is not None:
            return found
        if "/" in key:  # 'Unio pictorum/mancus': one of two species, i.e. the genus
            return self._by_name.get(" ".join(key.split("/")[0].split()[:-1]))
        words = key.split()
        raw = text.split()
        if len(raw) != len(words):  # a character that normalises to a space: no case information
            raw = words
        shouting = str(name).isupper()
        for size in (3, 2, 1):
            candidate = self._by_name.get(" ".join(words[:size])) if len(words) > size else None
            if candidate is None:
                continue
            following = raw[size]
            if words[size] in _GENUS_QUALIFIERS or following[0] == "(" or following[0].isdigit():
                return candidate
            if following[0].isupper() and not shouting:
                return candidate  # an authority: 'Unio crassus Philipsson, 1788', 'Anodonta Link, 1807'
            if size == 2 and candidate.rank == "species" and following.isalpha() and following.islower():
                return candidate  # an infraspecific name of a species of the reference
        return None

    def statuses_of(self, cd_ref: int | str) -> list[Status]:
        """Every status of the taxon (a synonym cd_nom is accepted)."""
        taxon = self.taxon(cd_ref) or self.by_cd_nom(cd_ref)
        return list(self._statuses.get(taxon.cd_ref, [])) if taxon else []

    def flags(self, cd_ref: int | str) -> StatusFlags:
        """Protection, French red list, Habitats Directive annexes and invasiveness of a taxon."""
        taxon = self.taxon(cd_ref) or self.by_cd_nom(cd_ref)
        if taxon is None:
            return StatusFlags()
        statuses = self._statuses.get(taxon.cd_ref, [])
        red = [status.value for status in statuses if status.kind == RED_LIST_FR and status.area == "FR"]
        annexes = {status.value for status in statuses if status.kind == HABITATS_DIRECTIVE}
        ordered = sorted(annexes, key=lambda annex: (ANNEX_ORDER.index(annex) if annex in ANNEX_ORDER else 99, annex))
        return StatusFlags(
            protected=any(status.kind == PROTECTION_FR for status in statuses),
            red_list=red[0] if red else "",
            habitats_directive="|".join(ordered),
            invasive=taxon.origin == "invasive" or any(status.kind == EU_INVASIVE for status in statuses),
        )

    def taxa_records(self) -> list[dict]:
        """Rows for the GeoPackage taxa table (schema.TAXON_COLUMNS names)."""
        rows = []
        for taxon in self.taxa:
            flags = self.flags(taxon.cd_ref)
            rows.append({
                "cdNom": taxon.cd_nom, "cdRef": taxon.cd_ref, "nomScientifique": taxon.scientific_name,
                "autorite": taxon.authority, "nomVernaculaire": taxon.french_name, "famille": taxon.family,
                "milieu": "|".join(taxon.habitat), "origine": taxon.origin,
                "difficulteIdentification": taxon.id_difficulty, "synonymes": "|".join(taxon.synonyms),
                "codesVerifies": taxon.codes_verified, "protege": flags.protected, "listeRouge": flags.red_list,
                "directiveHabitats": flags.habitats_directive, "envahissant": flags.invasive,
            })
        return rows

    def status_records(self) -> list[dict]:
        """Rows for the GeoPackage statuses table (schema.STATUS_COLUMNS names)."""
        return [
            {"cdRef": s.cd_ref, "typeStatut": s.kind, "valeur": s.value, "zone": s.area, "libelle": s.label_fr,
             "texte": s.text_ref, "sourceStatut": s.source, "verifie": s.verified}
            for s in self.statuses
        ]


# --- reading ------------------------------------------------------------------------------

def _bool(text: str) -> bool:
    return str(text).strip().lower() in {"true", "1", "yes", "oui", "vrai"}


def _int_or_none(text: str) -> int | None:
    text = str(text or "").strip()
    return int(text) if text else None


def _rows(path: Path, required: Iterable[str]) -> Iterator[tuple[int, dict]]:
    if not path.is_file():
        raise BivalvesError(f"reference file not found: {path}")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = sorted(set(required) - set(reader.fieldnames or ()))
        if missing:
            raise BivalvesError(f"{path.name}: missing columns {', '.join(missing)}")
        for number, row in enumerate(reader, start=2):
            yield number, {key: (value or "").strip() for key, value in row.items() if key}


def read_taxa(path: Path) -> list[Taxon]:
    """Taxa of a taxa.csv file."""
    taxa = []
    for number, row in _rows(path, TAXA_COLUMNS[:12]):
        try:
            taxa.append(Taxon(
                cd_nom=int(row["cd_nom"]), cd_ref=int(row["cd_ref"]), scientific_name=row["scientific_name"],
                authority=row["authority"], french_name=row["french_name"], family=row["family"],
                habitat=tuple(part for part in row["habitat"].split("|") if part), origin=row["origin"],
                id_difficulty=row["id_difficulty"], codes_verified=_bool(row["codes_verified"]),
                rank=row["rank"] or "species", sandre_code=row["sandre_code"], notes=row.get("notes", ""),
            ))
        except ValueError as error:
            raise BivalvesError(f"{path.name}, line {number}: {error}") from error
    return taxa


def read_synonyms(path: Path) -> list[Synonym]:
    """Synonyms of a synonyms.csv file."""
    synonyms = []
    for number, row in _rows(path, SYNONYM_COLUMNS[:4]):
        try:
            synonyms.append(Synonym(
                name=row["name"], authority=row["authority"], cd_nom=_int_or_none(row["cd_nom"]),
                cd_ref=int(row["cd_ref"]), sandre_code=row.get("sandre_code", ""),
                verified=_bool(row.get("verified", "")), source=row.get("source", ""),
            ))
        except ValueError as error:
            raise BivalvesError(f"{path.name}, line {number}: {error}") from error
    return synonyms


def read_statuses(path: Path) -> list[Status]:
    """Statuses of a statuses.csv file."""
    statuses = []
    for number, row in _rows(path, STATUS_FIELDS):
        try:
            statuses.append(Status(
                cd_ref=int(row["cd_ref"]), kind=row["kind"], value=row["value"], area=row["area"],
                label_fr=row["label_fr"], text_ref=row["text_ref"], source=row["source"],
                verified=_bool(row["verified"]),
            ))
        except ValueError as error:
            raise BivalvesError(f"{path.name}, line {number}: {error}") from error
    return statuses


@lru_cache(maxsize=8)
def _load(folder: Path) -> Reference:
    synonyms_file = folder / SYNONYMS_FILE
    return Reference(
        taxa=read_taxa(folder / TAXA_FILE),
        statuses=read_statuses(folder / STATUSES_FILE),
        synonyms=read_synonyms(synonyms_file) if synonyms_file.is_file() else [],
    )


def load_reference(data_dir: Path | None = None) -> Reference:
    """The reference of a data folder (default: the shipped data/), read once and cached."""
    return _load(Path(data_dir or DATA_DIR).resolve())


def load_taxa(data_dir: Path | None = None) -> list[Taxon]:
    """Shortcut for load_reference(data_dir).taxa."""
    return list(load_reference(data_dir).taxa)


def clear_cache() -> None:
    """Forget cached references (after a refresh rewrote the files)."""
    _load.cache_clear()


# --- writing ------------------------------------------------------------------------------

def _cell(value: object) -> object:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


def _write_atomic(path: Path, header: tuple[str, ...], rows: Iterable[Iterable[object]]) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            writer = csv.writer(stream, lineterminator="\n")
            writer.writerow(header)
            writer.writerows([_cell(value) for value in row] for row in rows)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def write_taxa(taxa: Iterable[Taxon], path: Path) -> Path:
    """Write taxa in the taxa.csv layout (synonyms go to write_synonyms)."""
    return _write_atomic(path, TAXA_COLUMNS, (
        (t.cd_nom, t.cd_ref, t.rank, t.scientific_name, t.authority, t.french_name, t.family, "|".join(t.habitat),
         t.origin, t.id_difficulty, t.sandre_code, t.codes_verified, t.notes)
        for t in taxa
    ))


def write_synonyms(synonyms: Iterable[Synonym], path: Path) -> Path:
    """Write synonyms in the synonyms.csv layout."""
    return _write_atomic(path, SYNONYM_COLUMNS, (
        (s.name, s.authority, s.cd_nom, s.cd_ref, s.sandre_code, s.verified, s.source) for s in synonyms
    ))


def write_statuses(statuses: Iterable[Status], path: Path) -> Path:
    """Write statuses in the statuses.csv layout."""
    return _write_atomic(path, STATUS_FIELDS, (
        (s.cd_ref, s.kind, s.value, s.area, s.label_fr, s.text_ref, s.source, s.verified) for s in statuses
    ))


def merge_statuses(current: Iterable[Status], new: Iterable[Status]) -> list[Status]:
    """Current statuses with every (cd_ref, kind, area) present in `new` replaced by the new rows."""
    new = list(dict.fromkeys(new))
    replaced = {(status.cd_ref, status.kind, status.area) for status in new}
    kept = [status for status in current if (status.cd_ref, status.kind, status.area) not in replaced]
    return kept + new
