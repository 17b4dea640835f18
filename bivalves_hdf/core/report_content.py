"""What an "Extraction pour procédure" report says, computed from the GeoPackage (no QGIS).

The same request on the same file gives the same content: records and taxa are sorted, and the
only time-dependent value is the extraction time, which the caller can pass in.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from osgeo import ogr
from shapely import wkt as shapely_wkt
from shapely.geometry import Point
from shapely.prepared import prep

from bivalves_hdf.__about__ import __version__
from bivalves_hdf.core import schema
from bivalves_hdf.core.errors import BivalvesError
from bivalves_hdf.core.grid import maille_10km, maille_polygon
from bivalves_hdf.core.legal_texts import LegalText, find_by_reference, load_legal_texts, texts_for
from bivalves_hdf.core.perimeter import Perimeter
from bivalves_hdf.core.reference import load_reference

ogr.UseExceptions()

# How finely a record may be shown, finest first (the plugin setting uses the same names).
PRECISION_RANKS = {"precise": 0, "approchee": 0, "commune": 1, "floutee": 1, "maille": 2, "departement": 3}
SENSITIVE_PRECISIONS = ("precise", "commune", "maille", "departement")
UNVALIDATED = ("En attente de validation", "Inconnu", "Non renseigné")
COUNT_UNITS = {"Individu": "ind.", "Colonie": "colonie(s)", "Surface": "(surface)"}
# Order and prefix of the statuses shown for a taxon (Status.kind from the reference).
STATUS_KINDS = {
    "protection_fr": "",
    "habitats_directive": "",
    "eu_invasive": "",
    "red_list_fr": "Liste rouge France : ",
    "red_list_eu": "Liste rouge Europe : ",
    "red_list_world": "Liste rouge mondiale : ",
    "bern": "",
}


@dataclass(frozen=True)
class ReportRequest:
    """Inputs of an extraction."""

    data_path: Path
    perimeter: Perimeter
    buffer_m: float = 0.0
    since: date | None = None
    until: date | None = None
    sensitive_precision: str = "maille"
    extracted_at: datetime | None = None  # UTC; now when None


@dataclass(frozen=True)
class ReportRecord:
    """One record as the report shows it (geometry possibly degraded for sensitive data)."""

    identifier: str
    cd_ref: int | None
    taxon: str
    french_name: str
    name_cited: str
    date: str
    year: int | None
    state: str  # 'présent', 'absence', 'coquille vide'
    is_absence: bool
    is_dead_shell: bool
    count: str
    observer: str
    organisation: str
    source: str
    dataset: str
    public: str
    validation: str
    precision: str
    precision_m: int | None
    sensitivity: str
    location: str
    x: float | None
    y: float | None
    point_wkt: str  # where the record is drawn ('' when shown only at department level)
    zone_wkt: str  # its zone (commune, 10 km cell...) when it is not a precise point
    shown_precision: str
    degraded: bool
    in_buffer_only: bool
    protected: bool
    red_list: str
    habitats_directive: str
    invasive: bool
    origin: str = ""  # native, introduced or invasive (the taxon's origin in the records)


@dataclass(frozen=True)
class TaxonSummary:
    """A taxon recorded present in the perimeter, with its statuses and the texts they bring."""

    cd_ref: int | None
    name: str
    french_name: str
    records: int
    dead_shells: int
    last_year: int | None
    protected: bool
    red_list: str
    habitats_directive: str
    invasive: bool
    statuses: tuple[str, ...]
    text_ids: tuple[str, ...]


@dataclass(frozen=True)
class ReportContent:
    """Everything the PDF, the CSV and the GeoPackage of a report hold."""

    title: str
    perimeter_label: str
    perimeter_wkt: str
    area_wkt: str  # perimeter plus buffer
    buffer_m: float
    since: str
    until: str
    sensitive_precision: str
    extracted_at: str
    plugin_version: str
    data_file: str
    data_sha256: str
    data_version: str
    records: tuple[ReportRecord, ...]
    taxa: tuple[TaxonSummary, ...]
    absent_taxa: tuple[str, ...]
    texts: tuple[LegalText, ...]
    limits: tuple[str, ...]
    counts: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        """Plain JSON-able dict (dates as ISO strings), for comparisons and exports."""
        return json.loads(json.dumps(asdict(self), default=str, sort_keys=True))


# --- reading -----------------------------------------------------------------------------------
def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def open_data(path: Path) -> ogr.DataSource:
    if not Path(path).is_file():
        raise BivalvesError(f"data file not found: {path}")
    try:
        return ogr.Open(str(path))
    except RuntimeError as error:
        raise BivalvesError(f"cannot open the data file {path}: {error}") from error


def layer_rows(dataset: ogr.DataSource, name: str, bbox: tuple[float, float, float, float] | None = None):
    """(attributes, shapely geometry or None) for each feature of a layer ([] when it is absent)."""
    layer = dataset.GetLayerByName(name)
    if layer is None:
        return
    if bbox is not None:
        layer.SetSpatialFilterRect(*bbox)
    definition = layer.GetLayerDefn()
    names = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    for feature in layer:
        values = {n: feature.GetField(i) for i, n in enumerate(names)}
        geometry = feature.GetGeometryRef()
        yield values, (shapely_wkt.loads(geometry.ExportToIsoWkt()) if geometry is not None else None)
    layer.SetSpatialFilter(None)


def as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def as_int(value) -> int | None:
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return None


def as_bool(value) -> bool:
    return as_text(value).lower() in ("1", "true", "t", "yes", "oui", "vrai")


def as_iso_date(value) -> str:
    """'YYYY-MM-DD' from a date field (OGR gives date fields as 'YYYY/MM/DD'), '' when empty."""
    return as_text(value)[:10].replace("/", "-")


def as_day(value) -> date | None:
    try:
        return date.fromisoformat(as_iso_date(value))
    except ValueError:
        return None


def data_version(dataset: ogr.DataSource) -> str:
    """'dernier import : <time> (<n> imports)' from refresh_log, or 'inconnue'."""
    stamps = sorted(as_text(values.get("horodatage")) for values, _ in layer_rows(dataset, schema.REFRESH_LOG))
    stamps = [s for s in stamps if s]
    if not stamps:
        return "inconnue (journal des imports vide)"
    return f"dernier import {stamps[-1]} ({len(stamps)} import(s))"


# --- statuses ---------------------------------------------------------------------------------
# The origin of a non-native taxon, shown beside its statuses (it brings no text of its own unless the
# taxon is on the Union list of regulation (EU) 1143/2014, which is a status).
ORIGIN_LABELS = {
    "invasive": ("Origine : exotique envahissante (hors liste de l'Union, règlement (UE) 1143/2014)",),
    "introduced": ("Origine : introduite (non indigène)",),
}

@dataclass(frozen=True)
class TaxonFlags:
    protected: bool
    red_list: str
    habitats_directive: str
    invasive: bool
    eu_invasive: bool
    statuses: tuple[str, ...]
    text_refs: tuple[str, ...]


def load_reference_or_none():
    """The shipped Reference, or None when it cannot be loaded (statuses then come from the records)."""
    try:
        return load_reference()
    except (BivalvesError, OSError, ValueError):
        return None


def _flags_from_record(values: dict) -> TaxonFlags:
    protected = as_bool(values.get("protege"))
    red_list = as_text(values.get("listeRouge"))
    annexes = as_text(values.get("directiveHabitats"))
    invasive = as_bool(values.get("envahissant"))
    labels = []
    if protected:
        labels.append("Protégé (arrêté du 23 avril 2007, art. 2)")
    if red_list:
        labels.append(f"Liste rouge France : {red_list}")
    if annexes:
        labels.append(f"Directive Habitats, annexe(s) {annexes.replace('|', ', ')}")
    if invasive:
        labels.append("Exotique envahissant")
    refs = ("Arrêté du 23 avril 2007, art. 2",) if protected else ()
    return TaxonFlags(protected, red_list, annexes, invasive, False, tuple(labels), refs)


def taxon_flags(reference, cd_ref: int | None, values: dict) -> TaxonFlags:
    if reference is None or cd_ref is None or reference.taxon(cd_ref) is None:
        return _flags_from_record(values)
    flags = reference.flags(cd_ref)
    order = list(STATUS_KINDS)
    statuses = sorted(reference.statuses_of(cd_ref), key=lambda s: (
        order.index(s.kind) if s.kind in order else len(order), s.kind, s.area, s.value, s.label_fr))
    labels = tuple(dict.fromkeys(STATUS_KINDS.get(s.kind, "") + s.label_fr + ("" if s.verified else " (non vérifié)")
                                 for s in statuses if s.label_fr))
    eu_invasive = any(s.kind == "eu_invasive" for s in statuses)
    labels += ORIGIN_LABELS.get(reference.taxon(cd_ref).origin, ()) if not eu_invasive else ()
    return TaxonFlags(
        protected=bool(flags.protected),
        red_list=flags.red_list or "",
        habitats_directive=flags.habitats_directive or "",
        invasive=bool(flags.invasive),
        eu_invasive=eu_invasive,
        statuses=labels,
        text_refs=tuple(s.text_ref for s in statuses if s.text_ref),
    )


def _text_ids(flags: TaxonFlags, texts: tuple[LegalText, ...]) -> tuple[str, ...]:
    triggers = set()
    if flags.protected:
        triggers.add("protected")
    if flags.habitats_directive:
        triggers.add("habitats_directive")
    if flags.eu_invasive:
        triggers.add("eu_invasive")
    ids = {t.id for t in texts_for(triggers, texts) if "always" not in t.applies_when}
    ids |= {t.id for t in (find_by_reference(ref, texts) for ref in flags.text_refs) if t is not None}
    return tuple(t.id for t in texts if t.id in ids)


# --- selection --------------------------------------------------------------------------------
def _in_period(values: dict, since: date | None, until: date | None) -> bool:
    if since is None and until is None:
        return True
    start = as_day(values.get("dateDebut"))
    end = as_day(values.get("dateFin")) or start
    if start is None:
        return False
    return (since is None or end >= since) and (until is None or start <= until)


def _shown_precision(values: dict, setting: str) -> tuple[str, bool]:
    """(precision the record is shown at, whether it was degraded for sensitivity)."""
    own = as_text(values.get("classePrecision")) or "precise"
    sensitive = (as_int(values.get("sensiNiveau")) or 0) >= 1
    if sensitive and PRECISION_RANKS.get(setting, 2) > PRECISION_RANKS.get(own, 0):
        return setting, True
    return own, False


def _record(values: dict, point, zone, precision: str, degraded: bool, buffer_only: bool,
            flags: TaxonFlags) -> ReportRecord:
    absence = as_bool(values.get("estAbsence")) or as_text(values.get("statutObservation")) == "No"
    dead = as_bool(values.get("estCoquilleMorte")) or as_text(values.get("occEtatBiologique")) == "3"
    commune = as_text(values.get("codeCommune"))
    department = as_text(values.get("codeDepartement")) or commune[:2]
    x = y = None
    point_wkt = zone_wkt = ""
    if point is not None:
        cell_code = as_text(values.get("codeMaille")) or maille_10km(point.x, point.y)
    else:
        cell_code = as_text(values.get("codeMaille"))
    if degraded and precision == "departement":
        location = f"département {department}" if department else "département (non renseigné)"
    elif degraded and (precision == "maille" or (precision == "commune" and zone is None)) and point is not None:
        cell = maille_polygon(maille_10km(point.x, point.y))
        point_wkt, zone_wkt = cell.centroid.wkt, cell.wkt
        location = f"maille {cell_code}" + (" (commune non disponible)" if precision == "commune" else "")
        precision = "maille"
    elif degraded and precision == "commune":
        point_wkt, zone_wkt = zone.centroid.wkt, zone.wkt
        location = f"commune {commune}" if commune else "commune"
    else:
        if point is not None:
            point_wkt = Point(round(point.x, 1), round(point.y, 1)).wkt
            if zone is None:  # a zone's centroid is not a place where the taxon was seen
                x, y = round(point.x, 1), round(point.y, 1)
        zone_wkt = zone.wkt if zone is not None else ""
        parts = (f"commune {commune}" if commune else "", f"maille {cell_code}" if cell_code else "")
        location = ", ".join(p for p in parts if p)
    metres = as_int(values.get("precisionGeometrie"))
    precision_label = schema.CLASSE_PRECISION.get(precision, precision or "non renseignée")
    if metres is not None and not degraded and precision in ("precise", "approchee"):
        precision_label += f" — {metres} m"
    validation_code = as_int(values.get("nivValidation"))
    sensitivity = as_text(values.get("sensiNiveau")) or "0"
    start, end = as_iso_date(values.get("dateDebut")), as_iso_date(values.get("dateFin"))
    return ReportRecord(
        identifier=as_text(values.get("idSINPOccTax"))
        or f"{as_text(values.get('source'))}:{as_text(values.get('sourceRecordId'))}",
        cd_ref=as_int(values.get("cdRef")),
        taxon=as_text(values.get("nomValide")) or as_text(values.get("nomCite")),
        french_name=as_text(values.get("nomVernaculaire")),
        name_cited=as_text(values.get("nomCite")),
        date=start if not end or end == start else f"{start} → {end}",
        year=as_int(values.get("annee")) or (int(start[:4]) if start[:4].isdigit() else None),
        state="absence" if absence else ("coquille vide" if dead else "présent"),
        is_absence=absence,
        is_dead_shell=dead and not absence,
        count=_count(values),
        observer=as_text(values.get("observateur")),
        organisation=as_text(values.get("organismeGestionnaireDonnee")),
        source=as_text(values.get("source")),
        dataset=as_text(values.get("idSINPJdd")),
        public=schema.DS_PUBLIQUE.get(as_text(values.get("dSPublique")), as_text(values.get("dSPublique"))),
        validation=schema.NIVEAU_VALIDATION.get(validation_code, "Non renseigné")
        if validation_code is not None else "Non renseigné",
        precision=precision_label,
        precision_m=metres if not degraded else None,
        sensitivity=f"{sensitivity} — {schema.SENSIBILITE.get(sensitivity, 'inconnu')}",
        location=location,
        x=x,
        y=y,
        point_wkt=point_wkt,
        zone_wkt=zone_wkt,
        shown_precision=precision,
        degraded=degraded,
        in_buffer_only=buffer_only,
        protected=flags.protected,
        red_list=flags.red_list,
        habitats_directive=flags.habitats_directive,
        invasive=flags.invasive,
        origin=as_text(values.get("origine")),
    )


def _count(values: dict) -> str:
    low, high = as_int(values.get("denombrementMin")), as_int(values.get("denombrementMax"))
    unit = schema.OBJET_DENOMBREMENT.get(as_text(values.get("objetDenombrement")), "")
    if low is None and high is None:
        return ""
    number = str(low if high in (None, low) else f"{low}–{high}" if low is not None else high)
    return f"{number} {COUNT_UNITS[unit]}" if unit in COUNT_UNITS else number


def build_report_content(request: ReportRequest) -> ReportContent:
    """Select the records of the perimeter (plus buffer, within the period) and describe them."""
    if request.sensitive_precision not in SENSITIVE_PRECISIONS:
        raise BivalvesError(f"unknown sensitive-record precision: {request.sensitive_precision}")
    if request.buffer_m < 0:
        raise BivalvesError("the buffer must be zero or positive")
    if request.since and request.until and request.since > request.until:
        raise BivalvesError("the start of the period is after its end")
    perimeter = request.perimeter.geometry
    area = perimeter.buffer(request.buffer_m) if request.buffer_m > 0 else perimeter
    prepared_area, prepared_perimeter = prep(area), prep(perimeter)
    dataset = open_data(request.data_path)
    if dataset.GetLayerByName(schema.OCCURRENCES) is None:
        raise BivalvesError(f"{request.data_path} has no '{schema.OCCURRENCES}' layer: "
                            "is it a bivalves_hdf GeoPackage?")
    zones = {}
    for values, geometry in layer_rows(dataset, schema.ZONES):
        if geometry is not None:
            zones[as_text(values.get("zoneId"))] = geometry
    reference = load_reference_or_none()
    texts = load_legal_texts()
    records, flags_by_taxon = [], {}
    for values, point in layer_rows(dataset, schema.OCCURRENCES):
        if not _in_period(values, request.since, request.until):
            continue
        zone = zones.get(as_text(values.get("zoneId"))) if as_text(values.get("zoneId")) else None
        located = zone if zone is not None else point
        if located is None or not prepared_area.intersects(located):
            continue
        precision, degraded = _shown_precision(values, request.sensitive_precision)
        cd_ref = as_int(values.get("cdRef"))
        known = reference.taxon(cd_ref) if reference is not None and cd_ref is not None else None
        if known is not None and not as_text(values.get("nomVernaculaire")):
            values["nomVernaculaire"] = known.french_name
        key = cd_ref if cd_ref is not None else as_text(values.get("nomValide"))
        if key not in flags_by_taxon:
            flags_by_taxon[key] = taxon_flags(reference, cd_ref, values)
        buffer_only = not prepared_perimeter.intersects(located)
        records.append(_record(values, point, zone, precision, degraded, buffer_only, flags_by_taxon[key]))
    records.sort(key=lambda r: (r.taxon.lower(), r.date, r.identifier))
    taxa = _summaries(records, flags_by_taxon, texts)
    present_names = {t.name for t in taxa}
    absent = tuple(sorted({r.taxon for r in records if r.is_absence} - present_names))
    wanted = {i for t in taxa for i in t.text_ids}
    listed = tuple(t for t in texts if t.id in wanted or "always" in t.applies_when)
    extracted = (request.extracted_at or datetime.now(timezone.utc)).astimezone(timezone.utc).replace(microsecond=0)
    counts = {
        "records": len(records),
        "present": sum(1 for r in records if not r.is_absence),
        "absences": sum(1 for r in records if r.is_absence),
        "dead_shells": sum(1 for r in records if r.is_dead_shell),
        "degraded": sum(1 for r in records if r.degraded),
        "zone_located": sum(1 for r in records if r.zone_wkt and not r.degraded),
        "in_buffer_only": sum(1 for r in records if r.in_buffer_only),
        "taxa": len(taxa),
        "unvalidated": sum(1 for r in records if r.validation in UNVALIDATED),
    }
    return ReportContent(
        title="Extraction pour procédure — bivalves",
        perimeter_label=request.perimeter.label,
        perimeter_wkt=perimeter.wkt,
        area_wkt=area.wkt,
        buffer_m=float(request.buffer_m),
        since=request.since.isoformat() if request.since else "",
        until=request.until.isoformat() if request.until else "",
        sensitive_precision=request.sensitive_precision,
        extracted_at=extracted.isoformat().replace("+00:00", "Z"),
        plugin_version=__version__,
        data_file=Path(request.data_path).name,
        data_sha256=sha256_of(request.data_path),
        data_version=data_version(dataset),
        records=tuple(records),
        taxa=taxa,
        absent_taxa=absent,
        texts=listed,
        limits=_limits(counts, request),
        counts=counts,
    )


def _summaries(records: list[ReportRecord], flags_by_taxon: dict,
               texts: tuple[LegalText, ...]) -> tuple[TaxonSummary, ...]:
    groups: dict = {}
    for record in records:
        if not record.is_absence:
            groups.setdefault(record.cd_ref if record.cd_ref is not None else record.taxon, []).append(record)
    summaries = []
    for key, group in groups.items():
        flags = flags_by_taxon[key]
        years = [r.year for r in group if r.year]
        summaries.append(TaxonSummary(
            cd_ref=group[0].cd_ref,
            name=group[0].taxon,
            french_name=group[0].french_name,
            records=len(group),
            dead_shells=sum(1 for r in group if r.is_dead_shell),
            last_year=max(years) if years else None,
            protected=flags.protected,
            red_list=flags.red_list,
            habitats_directive=flags.habitats_directive,
            invasive=flags.invasive,
            statuses=flags.statuses,
            text_ids=_text_ids(flags, texts),
        ))
    return tuple(sorted(summaries, key=lambda t: (not t.protected, t.name.lower())))


def _limits(counts: dict, request: ReportRequest) -> tuple[str, ...]:
    limits = [
        "Une absence d'observation ne signifie pas l'absence de l'espèce : la plupart des cours d'eau n'ont "
        "jamais été prospectés pour les bivalves et les petites espèces ne sont trouvées que par des spécialistes.",
        "Les observations sont des connaissances produites par des tiers (bureaux d'études, associations, "
        "agents, particuliers). Elles aident à préparer un contrôle ; elles ne prouvent pas une infraction, "
        "qui suppose les constatations d'un agent habilité et assermenté.",
        "Les textes cités l'ont été dans la version indiquée : vérifiez sur Légifrance la version en vigueur "
        "à la date des faits avant toute citation.",
    ]
    if counts["zone_located"]:
        limits.append(f"{counts['zone_located']} observation(s) localisée(s) à une zone (commune, maille, "
                      "polygone flouté) recoupent le périmètre sans y être forcément situées.")
    if counts["degraded"]:
        precision = schema.CLASSE_PRECISION.get(request.sensitive_precision, request.sensitive_precision)
        limits.append(f"{counts['degraded']} observation(s) sensible(s) sont diffusées au mieux à la précision "
                      f"« {precision} » (réglage du module) ; leurs coordonnées ne figurent pas dans ce rapport.")
    if counts["unvalidated"]:
        limits.append(f"{counts['unvalidated']} observation(s) n'ont pas été validées (en attente, inconnu ou "
                      "non renseigné) : la détermination n'a été contrôlée par personne.")
    if request.since or request.until:
        limits.append("Période demandée : les observations sans date exploitable sont exclues.")
    if request.buffer_m > 0:
        limits.append(f"{counts['in_buffer_only']} observation(s) sont dans la zone tampon de "
                      f"{request.buffer_m:g} m mais hors du périmètre lui-même.")
    return tuple(limits)
