"""Regenerate the SYNTHETIC demo exports of this folder (run from the repository root):

    /usr/bin/python3 data/demo/generate_demo.py

Every record is invented: real bivalve taxa of data/taxa.csv placed along the rivers, canals and
coast of Hauts-de-France, written in the real export shapes (see README.md). Fixed seed: the
output is reproducible.
"""

from __future__ import annotations

import csv
import io
import json
import math
import random
import uuid
import zipfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from pyproj import Transformer

HERE = Path(__file__).resolve().parent
TAXA_FILE = HERE.parent / "taxa.csv"
RNG = random.Random(20260522)  # noqa: S311 - reproducible synthetic data, not security
TO_L93 = Transformer.from_crs("EPSG:4326", "EPSG:2154", always_xy=True)
SYNTHETIC_JDD = "Jeu de données SYNTHÉTIQUE de démonstration bivalves_hdf"
OBSERVERS = ["Martin Claire (synthétique)", "Dubois Hugo (synthétique)", "Lefèvre Noël (synthétique)",
             "Duprè Hélène (synthétique)", "Petit Luc (synthétique)", "Bernard Inès (synthétique)"]  # fmt: skip
ORGANISMS = ["OFB DR Hauts-de-France (démo)", "Conservatoire synthétique des milieux aquatiques",
             "Fédération de pêche synthétique"]  # fmt: skip

# Water courses as polylines (lon, lat), roughly following their real beds.
WATERS = {
    "La Somme": [(3.28, 49.85), (3.07, 49.75), (2.93, 49.93), (2.72, 49.94), (2.51, 49.91), (2.30, 49.895),
                 (2.14, 49.945), (1.98, 50.03), (1.835, 50.105), (1.63, 50.185)],
    "La Somme aval": [(2.51, 49.912), (2.30, 49.897), (2.14, 49.946), (1.98, 50.031), (1.87, 50.085)],
    "Canal de la Somme": [(2.93, 49.925), (2.72, 49.935), (2.52, 49.905), (2.14, 49.94), (1.91, 50.05)],
    "L'Oise": [(4.08, 49.92), (3.63, 49.90), (3.22, 49.615), (2.99, 49.58), (2.83, 49.42), (2.60, 49.30),
               (2.47, 49.26), (2.29, 49.14)],
    "L'Aisne": [(3.90, 49.40), (3.32, 49.38), (3.11, 49.40), (2.88, 49.43)],
    "L'Escaut": [(3.235, 50.175), (3.315, 50.285), (3.52, 50.36), (3.59, 50.45)],
    "La Sambre": [(3.69, 50.125), (3.84, 50.20), (3.97, 50.28), (4.10, 50.30)],
    "La Lys": [(2.40, 50.64), (2.64, 50.64), (2.88, 50.69), (3.05, 50.73)],
    "La Scarpe": [(2.78, 50.29), (3.08, 50.37), (3.43, 50.45)],
    "Canal du Nord": [(3.10, 50.28), (3.05, 50.19), (3.00, 50.10), (2.96, 50.00), (2.95, 49.75), (2.99, 49.58)],
    "Canal de Saint-Quentin": [(3.24, 50.17), (3.25, 50.00), (3.29, 49.845), (3.21, 49.62)],
    "L'Authie": [(2.34, 50.155), (2.12, 50.23), (1.75, 50.35)],
    "La Canche": [(2.29, 50.27), (2.04, 50.37), (1.76, 50.465), (1.64, 50.51)],
    "L'Aa": [(2.09, 50.60), (2.12, 50.71), (2.26, 50.75), (2.13, 50.98)],
}  # fmt: skip
COAST = [(1.49, 50.18), (1.60, 50.22), (1.56, 50.40), (1.58, 50.52), (1.59, 50.73), (1.61, 50.77), (1.85, 50.96),
         (2.37, 51.05)]  # fmt: skip
# A few communes (INSEE code, name, lon, lat; indicative) to label the synthetic records.
COMMUNES = [
    ("80021", "Amiens", 2.30, 49.895), ("80001", "Abbeville", 1.835, 50.105), ("80620", "Péronne", 2.93, 49.93),
    ("80212", "Corbie", 2.51, 49.91), ("80721", "Saint-Valery-sur-Somme", 1.63, 50.185),
    ("02691", "Saint-Quentin", 3.29, 49.847), ("60159", "Compiègne", 2.83, 49.42), ("60175", "Creil", 2.47, 49.26),
    ("60471", "Noyon", 2.99, 49.58), ("02722", "Soissons", 3.32, 49.38), ("59122", "Cambrai", 3.235, 50.175),
    ("59606", "Valenciennes", 3.52, 50.36), ("59392", "Maubeuge", 3.97, 50.28), ("59017", "Armentières", 2.88, 50.69),
    ("59178", "Douai", 3.08, 50.37), ("62041", "Arras", 2.78, 50.29), ("62765", "Saint-Omer", 2.26, 50.75),
    ("62588", "Montreuil", 1.76, 50.465), ("62447", "Hesdin", 2.04, 50.37), ("62318", "Étaples", 1.64, 50.51),
    ("62160", "Boulogne-sur-Mer", 1.61, 50.725), ("62193", "Calais", 1.85, 50.95), ("59183", "Dunkerque", 2.37, 51.03),
    ("62108", "Berck", 1.57, 50.41), ("80253", "Doullens", 2.34, 50.155), ("59273", "Gravelines", 2.13, 50.985),
    ("02173", "Chauny", 3.22, 49.615), ("02361", "Guise", 3.63, 49.90), ("80410", "Ham", 3.07, 49.75),
]  # fmt: skip
FRESHWATER = ["Unio pictorum", "Unio tumidus", "Anodonta anatina", "Anodonta cygnea", "Pseudanodonta complanata",
              "Dreissena polymorpha", "Dreissena rostriformis", "Corbicula fluminea", "Corbicula fluminalis",
              "Sphaerium corneum", "Sphaerium rivicola", "Pisidium amnicum", "Euglesa casertana", "Euglesa nitida",
              "Euglesa subtruncata", "Sinanodonta woodiana", "Unio crassus"]  # fmt: skip
MARINE = ["Mytilus edulis", "Cerastoderma edule", "Limecola balthica", "Scrobicularia plana", "Ensis leei",
          "Magallana gigas", "Mya arenaria", "Ruditapes philippinarum"]  # fmt: skip
# Old names seen in exports (resolved by the Reference's synonyms).
CITED_AS = {"Euglesa casertana": "Pisidium casertanum", "Limecola balthica": "Macoma balthica",
            "Magallana gigas": "Crassostrea gigas", "Euglesa nitida": "Pisidium nitidum"}  # fmt: skip
PRECISION_2023 = ["XY point", "XY point", "XY point", "XY centroïde commune", "XY centroïde maille"]


def taxa_table() -> dict[str, dict]:
    with TAXA_FILE.open(encoding="utf-8") as handle:
        return {row["scientific_name"]: row for row in csv.DictReader(handle) if row["rank"] == "species"}


TAXA = taxa_table()
with TAXA_FILE.open(encoding="utf-8") as _handle:
    _ALL = list(csv.DictReader(_handle))
SANDRE = {row["scientific_name"]: row["sandre_code"] for row in _ALL}  # Hub'Eau code_appel_taxon
FAMILY = {row["scientific_name"]: row["family"] for row in _ALL}


def along(points: list[tuple[float, float]]) -> tuple[float, float]:
    """A random point on the polyline, jittered by about 100 m."""
    i = RNG.randrange(len(points) - 1)
    t = RNG.random()
    (x0, y0), (x1, y1) = points[i], points[i + 1]
    return round(x0 + t * (x1 - x0) + RNG.gauss(0, 0.001), 5), round(y0 + t * (y1 - y0) + RNG.gauss(0, 0.0008), 5)


def commune(lon: float, lat: float) -> tuple[str, str]:
    best = min(COMMUNES, key=lambda c: (c[2] - lon) ** 2 + (c[3] - lat) ** 2)
    return best[0], best[1]


def maille(lon: float, lat: float, prefix: bool = True) -> str:
    x, y = TO_L93.transform(lon, lat)
    code = f"E{int(x // 10000):03d}N{int(y // 10000):03d}"
    return f"10kmL93{code}" if prefix else code


def a_date(start: int = 1995, end: int = 2025) -> date:
    first = date(start, 1, 1)
    return first + timedelta(days=RNG.randrange((date(end, 10, 31) - first).days))


def record(kind: str = "fresh", water: str | None = None, name: str | None = None) -> dict:
    """One synthetic observation (taxon, place, date, counts)."""
    if kind == "marine":
        lon, lat = along(COAST)
        water = "Littoral"
        name = name or RNG.choice(MARINE)
    else:
        water = water or RNG.choice(list(WATERS))
        lon, lat = along(WATERS[water])
        name = name or RNG.choice(FRESHWATER)
    taxon = TAXA[name]
    insee, town = commune(lon, lat)
    count = RNG.choice([1, 1, 2, 3, 5, 8, 12, 25, 40])
    return {
        "uuid": str(uuid.UUID(int=RNG.getrandbits(128), version=4)),
        "name": name,
        "cited": CITED_AS.get(name, name),
        "cd_nom": taxon["cd_nom"],
        "cd_ref": taxon["cd_ref"],
        "french": taxon["french_name"],
        "family": taxon["family"],
        "lon": lon,
        "lat": lat,
        "insee": insee,
        "town": town,
        "dept": insee[:2],
        "water": water,
        "date": a_date(),
        "count": count,
        "observer": RNG.choice(OBSERVERS),
        "organism": RNG.choice(ORGANISMS),
        "absent": False,
        "dead": RNG.random() < 0.12,
    }


def records(n: int, marine_share: float = 0.15, **kwargs) -> list[dict]:
    out = []
    for _ in range(n):
        out.append(record("marine" if RNG.random() < marine_share else "fresh", **kwargs))
    for rec in RNG.sample(out, max(1, n // 15)):
        rec["absent"] = True
        rec["dead"] = False
        rec["count"] = 0
    return out


def comma(value: float) -> str:
    return f"{value}".replace(".", ",")


def write_csv(path: Path, header: list[str], rows: list[list], delimiter: str, encoding: str,
              bom: bool = False, crlf: bool = True, mask: list[str] | None = None) -> None:  # fmt: skip
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n" if crlf else "\n")
    writer.writerow(header)
    if mask is not None:
        buffer.write(delimiter.join(mask) + ("\r\n" if crlf else "\n"))
    writer.writerows(rows)
    data = buffer.getvalue().encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)


# --- OpenObs -----------------------------------------------------------------------------------
OPENOBS_2023 = ["idSINPOccTax", "cdNom", "cdRef", "nomScientifiqueRef", "nomVernaculaire", "codeInseeCommune",
                "codeInseeDepartement", "codeInseeRegion", "codeInseeEPCI", "codeMaille10Km", "idCampanuleProtocole",
                "precisionLocalisation", "latitude", "longitude", "dateObservation", "precisionGeometrie"]  # fmt: skip


def openobs_2023(recs: list[dict]) -> list[list]:
    rows = []
    for r in recs:
        precision = RNG.choice(PRECISION_2023)
        cells = maille(r["lon"], r["lat"])
        if precision == "XY centroïde maille" and RNG.random() < 0.5:
            cells += "|" + maille(r["lon"] + 0.14, r["lat"])
        full = f"{r['name']} {TAXA[r['name']]['authority']}"
        rows.append([r["uuid"], r["cd_nom"], r["cd_ref"], full, r["french"], r["insee"], r["dept"], "32", "",
                     cells, "", precision, comma(r["lat"]), comma(r["lon"]), r["date"].isoformat(),
                     "10" if precision == "XY point" else ""])  # fmt: skip
    return rows


OPENOBS_2021 = ["CdNom", "CdRef", "Libellé jeu données", "Observateur", "Déterminateur", "Date début", "Latitude",
                "Longitude", "Niveau précision localisation", "Commune", "Département", "Id SINP OccTax", "Classe",
                "Ordre"]  # fmt: skip


def openobs_2021(recs: list[dict]) -> list[list]:
    return [
        [r["cd_nom"], r["cd_ref"], SYNTHETIC_JDD, r["observer"], "", r["date"].strftime("%d/%m/%Y"),
         comma(r["lat"]), comma(r["lon"]), RNG.choice(["XY point", "XY point", "XY centroïde commune"]), r["town"],
         r["dept"], r["uuid"], "Bivalvia", "Unionida" if r["family"] == "Unionidae" else "Venerida"]
        for r in recs
    ]  # fmt: skip


def openobs_biocache(recs: list[dict]) -> dict:
    occurrences = []
    for r in recs:
        epoch = int(datetime(r["date"].year, r["date"].month, r["date"].day, tzinfo=timezone.utc).timestamp() * 1000)
        occurrences.append({
            "uuid": r["uuid"], "taxonConceptID": r["cd_ref"], "scientificName": r["name"],
            "vernacularName": r["french"], "latLong": f"{r['lat']},{r['lon']}", "decimalLatitude": r["lat"],
            "decimalLongitude": r["lon"], "eventDate": epoch, "year": r["date"].year,
            "coordinateUncertaintyInMeters": 10, "dataResourceName": SYNTHETIC_JDD,
            "occurrenceStatus": "absent" if r["absent"] else "present", "stateProvince": "Hauts-de-France",
        })  # fmt: skip
    return {"pageSize": len(occurrences), "startIndex": 0, "totalRecords": len(occurrences), "sort": "score",
            "dir": "asc", "status": "OK", "occurrences": occurrences}  # fmt: skip


# --- SINP DEE ------------------------------------------------------------------------------------
def dee_v121(header: list[str], recs: list[dict]) -> list[list]:
    rows = []
    for r in recs:
        values = dict.fromkeys(header, "")
        values.update({
            "cdNom": r["cd_nom"], "cdRef": r["cd_ref"], "codeCommune": r["insee"], "codeDepartement": r["dept"],
            "codeMaille": maille(r["lon"], r["lat"], prefix=False), "nomRefMaille": "L93_10X10",
            "versionRefMaille": "2011", "dSPublique": "Pu", "geometrie": f"POINT({r['lon']} {r['lat']})",
            "identifiantPermanent": r["uuid"], "identifiantOrigine": f"demo-{r['uuid'][:8]}",
            "jddMetadonneeDEEId": "5D3C2B1A-0000-4000-8000-00000000DEE1", "jddCode": "DEMO",
            "jourDateDebut": r["date"].isoformat(), "jourDateFin": r["date"].isoformat(), "natureObjetGeo": "St",
            "nomCite": r["cited"], "nomCommune": r["town"], "objetDenombrement": "IND",
            "denombrementMin": "" if r["absent"] else r["count"], "denombrementMax": "" if r["absent"] else r["count"],
            "observateurIdentite": r["observer"], "organismeGestionnaireDonnee": r["organism"],
            "occEtatBiologique": "3" if r["dead"] else "2", "precisionGeometrie": "25",
            "statutObservation": "No" if r["absent"] else "Pr", "statutSource": "Te", "versionTAXREF": "V16.0",
            "obsDescription": "Coquilles vides" if r["dead"] else "",
        })  # fmt: skip
        rows.append([values[h] for h in header])
    return rows


DEE_V2_LABELS = {"St": "Stationnel"}


def dee_v2(header: list[str], recs: list[dict], start_id: int) -> list[list]:
    rows = []
    for number, r in enumerate(recs):
        values = dict.fromkeys(header, "")
        values.update({
            "ID_synthese": start_id + number, "idOrigine": f"demo-{start_id + number}", "idSINPOccTax": r["uuid"],
            "idSINPJdd": "2E4C6A8B-0000-4D5E-9F00-00000000DEE2", "dateDebut": r["date"].isoformat(),
            "dateFin": r["date"].isoformat(), "cdNom": r["cd_nom"], "codeHabRef": r["cd_ref"],
            "versionRef": "Taxref v16.0", "organismeGestionnaireDonnee": r["organism"], "codeDepartement": r["dept"],
            "nomCommune": r["town"], "codeCommune": r["insee"], "codeMaille": maille(r["lon"], r["lat"]),
            "nomCite": r["cited"], "denombrementMin": "" if r["absent"] else r["count"],
            "denombrementMax": "" if r["absent"] else r["count"], "observateur": r["observer"],
            "geometrie": f"POINT({r['lon']:.4f} {r['lat']:.4f})", "precisionGeometrie": "50",
            "dEEDateTransformation": "2025-03-01", "natureObjetGeo": "Stationnel",
            "occEtatBiologique": "Trouvé mort" if r["dead"] else "Observé vivant", "objetDenombrement": "Individu",
            "sensiNiveau": "Non sensible - Diffusion précise", "statutObservation": "Non observé" if r["absent"]
            else "Présent", "statutSource": "Terrain", "dSPublique": "Publique",
        })  # fmt: skip
        rows.append([values[h] for h in header])
    return rows


# --- GeoNature synthese ----------------------------------------------------------------------------
def synthese_values(header: list[str], r: dict, number: int, wkt: str | None = None) -> dict:
    values: dict = dict.fromkeys(header, "")
    values.update({
        "date_debut": r["date"].isoformat(), "date_fin": r["date"].isoformat(), "cd_nom": r["cd_nom"],
        "cd_ref": r["cd_ref"], "nom_valide": r["name"], "nom_vernaculaire": r["french"], "nom_cite": r["cited"],
        "regne": "Animalia", "group1_inpn": "Mollusques", "group2_inpn": "Bivalves", "classe": "Bivalvia",
        "famille": r["family"], "rang_taxo": "ES", "nombre_min": "" if r["absent"] else r["count"],
        "nombre_max": "" if r["absent"] else r["count"], "observateurs": r["observer"], "communes": r["town"],
        "geometrie_wkt_4326": wkt or f"POINT({r['lon']} {r['lat']})", "x_centroid_4326": r["lon"],
        "y_centroid_4326": r["lat"], "niveau_validation": RNG.choice(["Certain - très probable", "Probable",
        "En attente de validation"]), "jdd_nom": SYNTHETIC_JDD, "jdd_uuid": "9A8B7C6D-0000-4A3B-8C2D-00000000DE30",
        "precision_geographique": "20", "nature_objet_geo": "Stationnel",
        "etat_biologique": "Trouvé mort" if r["dead"] else "Observé vivant", "objet_denombrement": "Individu",
        "niveau_sensibilite": "Non sensible - Diffusion précise",
        "statut_observation": "Non observé" if r["absent"] else "Présent", "floutage_dee": "NON",
        "statut_source": "Terrain", "id_synthese": number, "uuid_perm_sinp": r["uuid"],
        "comment_occurrence": "Coquilles vides sur la berge" if r["dead"] else "",
    })  # fmt: skip
    return values


def blurred_square(lon: float, lat: float, km: float) -> str:
    dx, dy = km / 2 / (111.32 * math.cos(math.radians(lat))), km / 2 / 111.32
    ring = [(lon - dx, lat - dy), (lon + dx, lat - dy), (lon + dx, lat + dy), (lon - dx, lat + dy),
            (lon - dx, lat - dy)]  # fmt: skip
    return "POLYGON((" + ", ".join(f"{x:.5f} {y:.5f}" for x, y in ring) + "))"


# --- GBIF -------------------------------------------------------------------------------------------
GBIF_KEYS = {"Unio pictorum": 2286963, "Anodonta anatina": 2287262, "Dreissena polymorpha": 2287072,
             "Corbicula fluminea": 2288446, "Mytilus edulis": 2287717, "Cerastoderma edule": 2289035}  # fmt: skip


def gbif_record(r: dict, number: int, occurrence_id: str | None = None) -> dict:
    return {
        "key": 4099000000 + number, "gbifID": 4099000000 + number,
        "datasetKey": "00000000-demo-4000-8000-00000000b1f0", "occurrenceID": occurrence_id or f"urn:demo:{number}",
        "kingdom": "Animalia", "phylum": "Mollusca", "class": "Bivalvia", "family": r["family"],
        "species": r["name"], "taxonRank": "SPECIES", "scientificName": f"{r['name']} {TAXA[r['name']]['authority']}",
        "verbatimScientificName": r["cited"], "countryCode": "FR", "stateProvince": "Hauts-de-France",
        "locality": r["water"], "occurrenceStatus": "ABSENT" if r["absent"] else "PRESENT",
        "individualCount": "" if r["absent"] else r["count"], "decimalLatitude": r["lat"],
        "decimalLongitude": r["lon"], "coordinateUncertaintyInMeters": 30.0,
        "eventDate": r["date"].isoformat() if number % 5 else r["date"].strftime("%Y-%m"),
        "day": r["date"].day if number % 5 else "", "month": r["date"].month, "year": r["date"].year,
        "taxonKey": GBIF_KEYS.get(r["name"], 2280000), "basisOfRecord": "HUMAN_OBSERVATION",
        "recordedBy": r["observer"], "license": "CC_BY_4_0",
        "identificationVerificationStatus": RNG.choice(["Certain - très probable", "Probable"]),
    }  # fmt: skip


GBIF_CSV = ["gbifID", "datasetKey", "occurrenceID", "kingdom", "phylum", "class", "order", "family", "genus",
            "species", "infraspecificEpithet", "taxonRank", "scientificName", "verbatimScientificName",
            "verbatimScientificNameAuthorship", "countryCode", "locality", "stateProvince", "occurrenceStatus",
            "individualCount", "publishingOrgKey", "decimalLatitude", "decimalLongitude",
            "coordinateUncertaintyInMeters", "coordinatePrecision", "elevation", "elevationAccuracy", "depth",
            "depthAccuracy", "eventDate", "day", "month", "year", "taxonKey", "speciesKey", "basisOfRecord",
            "institutionCode", "collectionCode", "catalogNumber", "recordNumber", "identifiedBy", "dateIdentified",
            "license", "rightsHolder", "recordedBy", "typeStatus", "establishmentMeans", "lastInterpreted",
            "mediaType", "issue"]  # fmt: skip


# --- Hub'Eau ------------------------------------------------------------------------------------------
HUBEAU_TAXA = ["Dreissena polymorpha", "Corbicula fluminea", "Sphaerium corneum", "Pisidium amnicum",
               "Anodonta anatina", "Unio pictorum", "Anodonta", "Pisidium"]  # fmt: skip


def hubeau(stations: int, per_station: int) -> dict:
    data = []
    for number in range(stations):
        water = RNG.choice(["La Somme", "L'Oise", "L'Escaut", "La Sambre", "La Lys", "La Canche", "L'Authie", "L'Aa"])
        lon, lat = along(WATERS[water])
        x, y = TO_L93.transform(lon, lat)
        insee, town = commune(lon, lat)
        code = f"0{number + 1}0{RNG.randrange(10000, 99999)}"
        for sample in range(per_station):
            name = RNG.choice(HUBEAU_TAXA)
            when = a_date(2008, 2024)
            data.append({
                "code_station_hydrobio": code, "libelle_station_hydrobio": f"{water.upper()} À {town.upper()} (DÉMO)",
                "uri_station_hydrobio": f"https://id.eaufrance.fr/StationMesureEauxSurface/{code}",
                "coordonnee_x": round(x), "coordonnee_y": round(y), "code_projection": "26", "longitude": lon,
                "latitude": lat, "code_commune": insee, "libelle_commune": town, "code_departement": insee[:2],
                "code_region": "32", "libelle_region": "Hauts-de-France", "code_cours_eau": "E---0000",
                "libelle_cours_eau": water, "date_prelevement": f"{when.isoformat()}T00:00:00Z",
                "code_prelevement": f"P{number:03d}{sample}", "code_support": "13",
                "libelle_support": "Macroinvertébrés aquatiques", "code_qualification": "1",
                "libelle_qualification": "Correcte", "code_methode": "652", "libelle_methode": "I2M2",
                "code_appel_taxon": SANDRE[name], "libelle_appel_taxon": name,
                "codes_taxons_parents": ["5125"], "libelles_taxons_parents": [FAMILY[name], "Bivalvia", "Mollusca"],
                "code_type_resultat": "1", "libelle_type_resultat": "Nombre d'individus",
                "resultat_taxon": RNG.choice([1, 2, 4, 9, 17, 35]),
            })  # fmt: skip
    return {"count": len(data), "first": "https://hubeau.eaufrance.fr/api/v1/hydrobio/taxons?code_region=32&"
            "code_support=13&page=1&size=1000", "last": None, "prev": None, "next": None, "api_version": "1.4.0",
            "data": data}  # fmt: skip


def main() -> None:
    fixtures = HERE.parents[1] / "tests" / "fixtures" / "formats"
    # OpenObs 2023: UTF-8 with BOM, comma, decimal commas, | joined grid cells; bad rows at the end.
    recs_2023 = records(70)
    # Protected and red-listed mussels inside the report perimeter (Somme valley).
    recs_2023 += [record(water="La Somme aval", name="Unio crassus") for _ in range(5)]
    recs_2023 += [record(water="La Somme aval", name="Pseudanodonta complanata") for _ in range(3)]
    rows = openobs_2023(recs_2023)
    rows.append(["demo-bad-1", "999999", "999999", "Taxon inconnu", "", "80021", "80", "32", "", "", "", "XY point",
                 "49,9", "2,3", "2020-05-02", ""])  # unknown taxon
    rows.append(["demo-bad-2", TAXA["Unio pictorum"]["cd_nom"], "", "Unio pictorum", "", "", "", "", "", "", "",
                 "XY point", "", "", "2020-05-03", ""])  # no geometry
    rows.append(["demo-bad-3", TAXA["Anodonta anatina"]["cd_nom"], "", "Anodonta anatina", "", "", "", "", "", "",
                 "", "XY point", "2,3", "49,9", "2020-05-04", ""])  # latitude and longitude swapped
    rows.append(["demo-bad-4", TAXA["Dreissena polymorpha"]["cd_nom"], "", "Dreissena polymorpha", "", "", "", "",
                 "", "", "", "XY point", "49,7", "2,6", "2031-02-30", ""])  # impossible date
    write_csv(HERE / "openobs_export_2023.csv", OPENOBS_2023, rows, ",", "utf-8", bom=True, crlf=False)
    # OpenObs 2021: cp1252, semicolon, dd/mm/yyyy; a gastropod (not a bivalve).
    recs_2021 = records(40, marine_share=0.0)
    rows = openobs_2021(recs_2021)
    rows.append(["163069", "163069", SYNTHETIC_JDD, OBSERVERS[0], "", "03/05/2015", "49,848", "3,287",
                 "XY point", "Saint-Quentin", "02", "a3e1c2b4-demo-4c2d-8e9f-0000000000ff", "Gastropoda",
                 "Architaenioglossa"])  # fmt: skip
    write_csv(HERE / "openobs_export_2021.csv", OPENOBS_2021, rows, ";", "cp1252")
    # SINP DEE v1.2.1 (GINCO): semicolon, // mask line; absences (No) and dead shells (3).
    header = (fixtures / "sinp_dee_v121.csv").read_text(encoding="utf-8").splitlines()[0].split(";")
    mask = ["//"] + ["yyyy-MM-dd" if h in ("dateDetermination", "dateME", "jourDateDebut", "jourDateFin")
                     else "HH:mm" if h in ("heureDateDebut", "heureDateFin") else "" for h in header[1:]]  # fmt: skip
    recs_v121 = records(40, marine_share=0.1) + [record(water="La Somme aval", name="Unio crassus") for _ in range(2)]
    write_csv(HERE / "sinp_dee_v121.csv", header, dee_v121(header, recs_v121), ";", "utf-8", mask=mask)
    # SINP DEE v2 (GeoNature view): cd_ref under codeHabRef; 6 records also in the synthese export below.
    header = (fixtures / "geonature_sinp_dee_v2.csv").read_text(encoding="utf-8").splitlines()[0].split(";")
    recs_v2 = records(35, marine_share=0.1)
    write_csv(HERE / "geonature_sinp_dee_v2.csv", header, dee_v2(header, recs_v2, 5001), ";", "utf-8")
    # GeoNature synthese CSV: semicolon, French labels; cross-source duplicates of the DEE v2 records.
    header = (fixtures / "geonature_synthese.csv").read_text(encoding="utf-8").splitlines()[0].split(";")
    recs_syn = records(30) + recs_v2[:6]
    write_csv(HERE / "geonature_synthese.csv", header,
              [[synthese_values(header, r, 7001 + i)[h] for h in header] for i, r in enumerate(recs_syn)], ";",
              "utf-8")  # fmt: skip
    # GeoNature synthese GeoJSON: points and blurred polygons (commune-sized and 10 km squares).
    features = []
    for number, r in enumerate(records(28, marine_share=0.1, water=None)):
        blurred = number % 3 == 0
        wkt = blurred_square(r["lon"], r["lat"], 10 if number % 2 else 4) if blurred else None
        props = synthese_values(header, r, 8001 + number, wkt)
        if blurred:
            props["floutage_dee"] = "OUI"
            props["niveau_sensibilite"] = "Sensible - Diffusion à la maille 10km"
            props["x_centroid_4326"] = props["y_centroid_4326"] = ""
            ring = [[float(v) for v in pair.split()] for pair in wkt[9:-2].split(", ")]
            geometry = {"type": "Polygon", "coordinates": [ring]}
        else:
            geometry = {"type": "Point", "coordinates": [r["lon"], r["lat"]]}
        features.append({"type": "Feature", "geometry": geometry,
                         "properties": {k: (v if v != "" else None) for k, v in props.items()}})  # fmt: skip
    (HERE / "geonature_synthese.geojson").write_text(
        json.dumps({"type": "FeatureCollection", "name": "synthese_DEMO_SYNTHETIQUE", "features": features},
                   ensure_ascii=False, indent=1), encoding="utf-8")  # fmt: skip
    # GBIF simple CSV (tab) and JSON search page; some occurrenceID are OpenObs idSINPOccTax (duplicates).
    gbif_recs = records(26, marine_share=0.2)
    gbif_rows = [gbif_record(r, n) for n, r in enumerate(gbif_recs)]
    gbif_rows += [gbif_record(r, 100 + n, occurrence_id=r["uuid"]) for n, r in enumerate(recs_2023[:5])]
    write_csv(HERE / "gbif_occurrence.csv", GBIF_CSV, [[row.get(h, "") for h in GBIF_CSV] for row in gbif_rows],
              "\t", "utf-8")  # fmt: skip
    json_recs = records(18, marine_share=0.3)
    results = [gbif_record(r, 200 + n) for n, r in enumerate(json_recs)]
    results += [gbif_record(r, 300 + n, occurrence_id=r["uuid"]) for n, r in enumerate(recs_v121[:3])]
    (HERE / "gbif_occurrence_search.json").write_text(
        json.dumps({"offset": 0, "limit": 300, "endOfRecords": True, "count": len(results), "results": results},
                   ensure_ascii=False), encoding="utf-8")  # fmt: skip
    # Hub'Eau hydrobio taxons (JSON envelope; Lambert-93 coordonnee_x/y and WGS84).
    (HERE / "hubeau_taxons.json").write_text(json.dumps(hubeau(8, 4), ensure_ascii=False), encoding="utf-8")
    # A zip holding an OpenObs biocache JSON page and a second GBIF CSV.
    biocache = openobs_biocache(records(22) + recs_2021[:3])
    extra = io.StringIO()
    gbif_zip = [gbif_record(r, 400 + n) for n, r in enumerate(records(8, marine_share=0.5))]
    writer = csv.writer(extra, delimiter="\t", lineterminator="\r\n")
    writer.writerow(GBIF_CSV)
    writer.writerows([[row.get(h, "") for h in GBIF_CSV] for row in gbif_zip])
    with zipfile.ZipFile(HERE / "demo_exports.zip", "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.comment = b"SYNTHETIC demo data of bivalves_hdf: every record is invented"
        archive.writestr(zipfile.ZipInfo("openobs_biocache_page0.json", (2025, 3, 1, 12, 0, 0)),
                         json.dumps(biocache, ensure_ascii=False))  # fmt: skip
        archive.writestr(zipfile.ZipInfo("gbif/occurrence.txt", (2025, 3, 1, 12, 0, 0)), extra.getvalue())
    # Perimeter for the sample report: the Somme valley between Corbie and Abbeville (WGS84).
    ring = [[1.80, 50.07], [1.86, 50.13], [2.10, 50.00], [2.32, 49.93], [2.56, 49.935], [2.58, 49.88],
            [2.30, 49.86], [2.08, 49.92], [1.92, 50.02], [1.80, 50.07]]  # fmt: skip
    (HERE / "perimetre_demo.geojson").write_text(json.dumps({
        "type": "FeatureCollection", "name": "perimetre_demo",
        "features": [{"type": "Feature", "properties": {"nom": "Vallée de la Somme, Corbie - Abbeville (démo)",
                                                         "synthetique": True},
                      "geometry": {"type": "Polygon", "coordinates": [ring]}}]}, ensure_ascii=False, indent=1),
        encoding="utf-8")  # fmt: skip


if __name__ == "__main__":
    main()
