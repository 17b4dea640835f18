"""The GeoPackage contract: layer names, columns, French aliases and SINP code lists.

Readers, the normaliser, the store, the QGIS layers and the reports all speak these names.
Column names follow the SINP "Occurrences de taxons" v2 standard where one exists.
"""

from __future__ import annotations

from dataclasses import dataclass

CRS_EPSG = 2154  # RGF93 v1 / Lambert-93: every geometry in the GeoPackage

# --- layers -----------------------------------------------------------------------------
OCCURRENCES = "occurrences"  # points (exact or centroid of a zone)
ZONES = "occurrences_zones"  # polygons of records located by commune, grid cell or blurred shape
GRID = "maille_10km"  # INPN 10 km cells holding records
STATIONS = "stations_hubeau"  # Hub'Eau hydrobiology stations with bivalves
TAXA = "taxa"
STATUSES = "statuses"
REJECTS = "rejects"
REFRESH_LOG = "refresh_log"


@dataclass(frozen=True)
class Column:
    """One attribute: name, storage type ('str', 'int', 'float', 'bool', 'date'), French alias."""

    name: str
    kind: str
    alias_fr: str


OCCURRENCE_COLUMNS: tuple[Column, ...] = (
    Column("idSINPOccTax", "str", "Identifiant SINP de l'occurrence"),
    Column("cdNom", "int", "Code TAXREF du nom cité (cd_nom)"),
    Column("cdRef", "int", "Code TAXREF du taxon de référence (cd_ref)"),
    Column("nomCite", "str", "Nom cité"),
    Column("nomValide", "str", "Nom valide"),
    Column("nomVernaculaire", "str", "Nom vernaculaire"),
    Column("dateDebut", "date", "Date de début"),
    Column("dateFin", "date", "Date de fin"),
    Column("annee", "int", "Année d'observation"),
    Column("statutObservation", "str", "Statut d'observation"),
    Column("occEtatBiologique", "str", "État biologique"),
    Column("estAbsence", "bool", "Absence (non observé)"),
    Column("estCoquilleMorte", "bool", "Coquille vide / trouvé mort"),
    Column("precisionGeometrie", "int", "Précision de la géométrie (m)"),
    Column("classePrecision", "str", "Classe de précision"),
    Column("natureObjetGeo", "str", "Nature de l'objet géographique"),
    Column("codeCommune", "str", "Code INSEE de la commune"),
    Column("codeDepartement", "str", "Code du département"),
    Column("codeMaille", "str", "Maille 10 km (INPN)"),
    Column("denombrementMin", "int", "Dénombrement minimal"),
    Column("denombrementMax", "int", "Dénombrement maximal"),
    Column("objetDenombrement", "str", "Objet du dénombrement"),
    Column("observateur", "str", "Observateur(s)"),
    Column("organismeGestionnaireDonnee", "str", "Organisme gestionnaire de la donnée"),
    Column("idSINPJdd", "str", "Identifiant du jeu de données"),
    Column("dSPublique", "str", "Donnée source publique ou privée"),
    Column("sensiNiveau", "str", "Niveau de sensibilité"),
    Column("nivValidation", "int", "Niveau de validation"),
    Column("source", "str", "Source"),
    Column("sourceRecordId", "str", "Identifiant dans la source"),
    Column("provenance", "str", "Provenances fusionnées (JSON)"),
    Column("zoneId", "str", "Identifiant de la zone de localisation"),
    Column("protege", "bool", "Protégé (arrêté du 23 avril 2007, art. 2)"),
    Column("listeRouge", "str", "Liste rouge nationale (catégorie)"),
    Column("directiveHabitats", "str", "Annexes de la directive Habitats"),
    Column("envahissant", "bool", "Espèce exotique envahissante"),
    Column("origine", "str", "Origine (indigène, introduit, envahissant)"),
    Column("milieu", "str", "Milieu (eau douce, saumâtre, marin)"),
    Column("importId", "int", "Identifiant de l'import (refresh_log)"),
    # Derived from the flags above by core.status_class (the default map style draws this column).
    Column("classeStatut", "int", "Classe de statut (symbologie)"),
)

ZONE_COLUMNS: tuple[Column, ...] = (
    Column("zoneId", "str", "Identifiant de la zone"),
    Column("typeZone", "str", "Type de zone (commune, maille, polygone flouté)"),
    Column("idSINPOccTax", "str", "Identifiant SINP de l'occurrence"),
    Column("cdRef", "int", "Code TAXREF (cd_ref)"),
    Column("nomValide", "str", "Nom valide"),
    Column("dateDebut", "date", "Date de début"),
    Column("source", "str", "Source"),
)

GRID_COLUMNS: tuple[Column, ...] = (
    Column("codeMaille", "str", "Maille 10 km (INPN)"),
    Column("nbTaxons", "int", "Nombre de taxons"),
    Column("nbTaxonsProteges", "int", "Nombre de taxons protégés"),
    Column("nbObservations", "int", "Nombre d'observations"),
    Column("derniereAnnee", "int", "Dernière année d'observation"),
)

# Hub'Eau hydrobiology stations where bivalves were listed (points).
STATION_COLUMNS: tuple[Column, ...] = (
    Column("codeStation", "str", "Code de la station hydrobiologique"),
    Column("libelleStation", "str", "Libellé de la station"),
    Column("codeCommune", "str", "Code INSEE de la commune"),
    Column("libelleCommune", "str", "Commune"),
    Column("coursEau", "str", "Cours d'eau"),
    Column("nbPrelevements", "int", "Nombre de prélèvements avec bivalves"),
    Column("derniereAnnee", "int", "Dernière année avec bivalves"),
    Column("taxons", "str", "Taxons de bivalves listés"),
)

REJECT_COLUMNS: tuple[Column, ...] = (
    Column("source", "str", "Source"),
    Column("fichier", "str", "Fichier ou requête"),
    Column("ligne", "int", "Numéro de ligne dans la source"),
    Column("motif", "str", "Motif du rejet (code)"),
    Column("detail", "str", "Détail"),
    Column("donneeBrute", "str", "Ligne brute (JSON)"),
    Column("importId", "int", "Identifiant de l'import (refresh_log)"),
)

REFRESH_LOG_COLUMNS: tuple[Column, ...] = (
    Column("importId", "int", "Identifiant de l'import"),
    Column("source", "str", "Source"),
    Column("requete", "str", "Requête ou fichier"),
    Column("horodatage", "str", "Date et heure (UTC, ISO 8601)"),
    Column("nbLus", "int", "Lignes lues"),
    Column("nbRetenus", "int", "Lignes retenues"),
    Column("nbFusionnes", "int", "Lignes fusionnées avec un doublon"),
    Column("nbRejetes", "int", "Lignes rejetées"),
    Column("sha256", "str", "Empreinte SHA-256 du fichier"),
    Column("versionPlugin", "str", "Version du plugin"),
)

# Non-spatial copies of the Reference (taxa.csv, statuses.csv) shipped in the GeoPackage.
TAXON_COLUMNS: tuple[Column, ...] = (
    Column("cdNom", "int", "Code TAXREF (cd_nom)"),
    Column("cdRef", "int", "Code TAXREF de référence (cd_ref)"),
    Column("nomScientifique", "str", "Nom scientifique"),
    Column("autorite", "str", "Autorité"),
    Column("nomVernaculaire", "str", "Nom vernaculaire"),
    Column("famille", "str", "Famille"),
    Column("milieu", "str", "Milieu (eau douce, saumâtre, marin)"),
    Column("origine", "str", "Origine (indigène, introduit, envahissant)"),
    Column("difficulteIdentification", "str", "Difficulté d'identification"),
    Column("synonymes", "str", "Synonymes"),
    Column("codesVerifies", "bool", "Codes TAXREF vérifiés"),
    Column("protege", "bool", "Protégé (arrêté du 23 avril 2007, art. 2)"),
    Column("listeRouge", "str", "Liste rouge nationale (catégorie)"),
    Column("directiveHabitats", "str", "Annexes de la directive Habitats"),
    Column("envahissant", "bool", "Espèce exotique envahissante"),
)

STATUS_COLUMNS: tuple[Column, ...] = (
    Column("cdRef", "int", "Code TAXREF de référence (cd_ref)"),
    Column("typeStatut", "str", "Type de statut"),
    Column("valeur", "str", "Valeur du statut"),
    Column("zone", "str", "Territoire d'application"),
    Column("libelle", "str", "Libellé"),
    Column("texte", "str", "Texte de référence"),
    Column("sourceStatut", "str", "Source"),
    Column("verifie", "bool", "Vérifié"),
)

# --- reasons a row goes to the rejects table --------------------------------------------
REJECT_REASONS: dict[str, str] = {
    "unknown_taxon": "Taxon inconnu du référentiel",
    "not_bivalve": "Taxon hors bivalves",
    "no_geometry": "Aucune géométrie exploitable",
    "outside_france": "Coordonnées hors de France",
    "swapped_coordinates": "Latitude et longitude inversées",
    "bad_date": "Date invalide ou impossible",
    "unreadable_row": "Ligne illisible",
}

# --- SINP code lists: code -> French label -------------------------------------------------
STATUT_OBSERVATION = {"Pr": "Présent", "No": "Non observé", "NSP": "Ne sait pas"}
ETAT_BIOLOGIQUE = {"0": "Inconnu", "1": "Non renseigné", "2": "Observé vivant", "3": "Trouvé mort"}
DS_PUBLIQUE = {"Pu": "Publique", "Pr": "Privée", "NSP": "Ne sait pas"}
SENSIBILITE = {
    "0": "Non sensible - diffusion précise",
    "1": "Sensible - diffusion à la commune ou ZNIEFF",
    "2": "Sensible - diffusion à la maille 10 km",
    "3": "Sensible - diffusion au département",
    "4": "Sensible - aucune diffusion",
}
NIVEAU_VALIDATION = {
    0: "En attente de validation",
    1: "Certain - très probable",
    2: "Probable",
    3: "Douteux",
    4: "Invalide",
    5: "Non réalisable",
    6: "Inconnu",
}
NATURE_OBJET_GEO = {"St": "Stationnel", "In": "Inventoriel", "NSP": "Ne sait pas"}
OBJET_DENOMBREMENT = {"IND": "Individu", "COL": "Colonie", "SURF": "Surface", "NSP": "Ne sait pas"}
# How a record is located; zone classes keep their polygon in ZONES and a centroid in OCCURRENCES.
CLASSE_PRECISION = {
    "precise": "Précise (point, moins de 100 m)",
    "approchee": "Approchée (100 m à 1 km)",
    "commune": "Commune",
    "maille": "Maille 10 km",
    "floutee": "Polygone flouté",
    "departement": "Département",
}
ZONE_PRECISION_CLASSES = ("commune", "maille", "floutee", "departement")
MILIEU = {"freshwater": "Eau douce", "brackish": "Saumâtre", "marine": "Marin"}
ORIGINE = {"native": "Indigène", "introduced": "Introduit", "invasive": "Exotique envahissant"}
# classeStatut (derived by core.status_class): 2 × the rank of the regulatory status in STATUS_RANKS
# (most constraining first), + 1 for a dead shell or an animal found dead (never for an absence).
# An integer, not a text code: the default map style reads it for every point (see status_class).
STATUS_RANKS = ("absence", "protected", "red_list", "invasive", "introduced", "native")
RED_LIST_THREATENED = ("CR", "EN", "VU", "NT")  # red-list categories drawn as "liste rouge"
CLASSE_STATUT: dict[int, str] = {  # every value, in legend order
    0: "Absence (recherché, non trouvé)",
    2: "Protégé (arrêté du 23 avril 2007, art. 2)",
    3: "Protégé – coquille vide / trouvé mort",
    4: "Liste rouge nationale (CR, EN, VU, NT)",
    5: "Liste rouge – coquille vide / trouvé mort",
    6: "Exotique envahissant",
    7: "Envahissant – coquille vide / trouvé mort",
    8: "Introduit",
    9: "Introduit – coquille vide / trouvé mort",
    10: "Indigène ou origine non renseignée",
    11: "Indigène – coquille vide / trouvé mort",
}

# Code lists per column, for forms (value maps) and reports.
VALUE_MAPS: dict[str, dict] = {
    "statutObservation": STATUT_OBSERVATION,
    "occEtatBiologique": ETAT_BIOLOGIQUE,
    "dSPublique": DS_PUBLIQUE,
    "sensiNiveau": SENSIBILITE,
    "nivValidation": NIVEAU_VALIDATION,
    "natureObjetGeo": NATURE_OBJET_GEO,
    "objetDenombrement": OBJET_DENOMBREMENT,
    "classePrecision": CLASSE_PRECISION,
    "milieu": MILIEU,
    "origine": ORIGINE,
    "classeStatut": CLASSE_STATUT,
}


def column_names(columns: tuple[Column, ...]) -> list[str]:
    return [column.name for column in columns]


def aliases(columns: tuple[Column, ...]) -> dict[str, str]:
    return {column.name: column.alias_fr for column in columns}
