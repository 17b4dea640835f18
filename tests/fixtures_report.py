"""A small synthetic bivalves GeoPackage (schema columns, written with OGR) and a perimeter around Amiens.

Records (synthetic, for the report and indicator tests):
  OCC-R1 Unio crassus, live, inside            OCC-R2 Unio crassus, dead shell, inside
  OCC-R3 Anodonta cygnea, hostile observer     OCC-R4 Sinanodonta woodiana, in the 500 m buffer only
  OCC-R5 Potomida littoralis, 20 km away       OCC-R6 Sphaerium rivicola, sensitive (level 2), inside
  OCC-R7 Pseudanodonta complanata, absence     OCC-R8 Unio pictorum, commune zone crossing the perimeter
  OCC-R9 Anodonta cygnea, inside, 1990
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from osgeo import ogr, osr

from bivalves_hdf.core import schema
from bivalves_hdf.core.store import OGR_TYPES

ogr.UseExceptions()

PERIMETER_L93 = (648000.0, 6975000.0, 650000.0, 6977000.0)  # xmin, ymin, xmax, ymax
HOSTILE_OBSERVER = '<b>Evil</b> =HYPERLINK("http://attacker.example/x","clic")'


def _record(ident, cd_ref, name, x, y, **extra) -> dict:
    values = {
        "idSINPOccTax": ident, "cdNom": cd_ref, "cdRef": cd_ref, "nomCite": name, "nomValide": name,
        "dateDebut": "2019-06-12", "dateFin": "2019-06-12", "annee": 2019, "statutObservation": "Pr",
        "occEtatBiologique": "2", "estAbsence": 0, "estCoquilleMorte": 0, "precisionGeometrie": 10,
        "classePrecision": "precise", "natureObjetGeo": "St", "codeCommune": "80021", "codeDepartement": "80",
        "denombrementMin": 3, "denombrementMax": 3, "objetDenombrement": "IND", "observateur": "Dupont Jean",
        "organismeGestionnaireDonnee": "Association naturaliste", "idSINPJdd": "JDD-TEST-1", "dSPublique": "Pu",
        "sensiNiveau": "0", "nivValidation": 1, "source": "sinp_hdf", "sourceRecordId": ident.lower(),
        "protege": 0, "listeRouge": "", "directiveHabitats": "", "envahissant": 0, "origine": "native",
        "milieu": "freshwater", "importId": 1, "x": x, "y": y,
    }
    values.update(extra)
    return values


RECORDS = [
    _record("OCC-R1", 64443, "Unio crassus", 648500, 6975500, nomVernaculaire="Mulette épaisse", protege=1,
            listeRouge="LC", directiveHabitats="II|IV"),
    _record("OCC-R2", 64443, "Unio crassus", 649000, 6976000, nomVernaculaire="Mulette épaisse", protege=1,
            listeRouge="LC", directiveHabitats="II|IV", occEtatBiologique="3", estCoquilleMorte=1,
            dateDebut="2021-03-02", dateFin="2021-03-02", annee=2021),
    _record("OCC-R3", 64456, "Anodonta cygnea", 649500, 6976500, observateur=HOSTILE_OBSERVER,
            dateDebut="2015-08-01", dateFin="2015-08-01", annee=2015),
    _record("OCC-R4", 163426, "Sinanodonta woodiana", 650300, 6976000, origine="invasive", envahissant=1,
            nivValidation=0),
    _record("OCC-R5", 64452, "Potomida littoralis", 670000, 6990000, listeRouge="EN"),
    _record("OCC-R6", 64649, "Sphaerium rivicola", 648123.4, 6976789.1, listeRouge="EN", sensiNiveau="2"),
    _record("OCC-R7", 999001, "Pseudanodonta complanata", 649200, 6975200, statutObservation="No",
            estAbsence=1, denombrementMin=0, denombrementMax=0),
    _record("OCC-R8", 64440, "Unio pictorum", 645000, 6976000, classePrecision="commune", precisionGeometrie=None,
            zoneId="COM-80021", natureObjetGeo="In"),
    _record("OCC-R9", 64456, "Anodonta cygnea", 648800, 6976200, dateDebut="1990-05-01", dateFin="1990-05-01",
            annee=1990),
]
ZONES = [("COM-80021", "commune", "OCC-R8", 64440, "POLYGON((642000 6974000,648500 6974000,648500 6978000,"
          "642000 6978000,642000 6974000))")]


def _srs(epsg: int) -> osr.SpatialReference:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def make_report_gpkg(path: Path, records: list[dict] | None = None) -> Path:
    """Write the synthetic GeoPackage (occurrences, occurrences_zones, refresh_log)."""
    records = RECORDS if records is None else records
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = dataset.CreateLayer(schema.OCCURRENCES, _srs(2154), ogr.wkbPoint)
    for column in schema.OCCURRENCE_COLUMNS:
        layer.CreateField(ogr.FieldDefn(column.name, OGR_TYPES[column.kind][0]))
    for values in records:
        feature = ogr.Feature(layer.GetLayerDefn())
        for column in schema.OCCURRENCE_COLUMNS:
            if values.get(column.name) not in (None, ""):
                feature.SetField(column.name, values[column.name])
        feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT ({values['x']} {values['y']})"))
        layer.CreateFeature(feature)
    zones = dataset.CreateLayer(schema.ZONES, _srs(2154), ogr.wkbMultiPolygon)
    for column in schema.ZONE_COLUMNS:
        zones.CreateField(ogr.FieldDefn(column.name, OGR_TYPES[column.kind][0]))
    for zone_id, kind, ident, cd_ref, wkt in ZONES:
        feature = ogr.Feature(zones.GetLayerDefn())
        for name, value in (("zoneId", zone_id), ("typeZone", kind), ("idSINPOccTax", ident), ("cdRef", cd_ref)):
            feature.SetField(name, value)
        feature.SetGeometry(ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkt(wkt)))
        zones.CreateFeature(feature)
    log = dataset.CreateLayer(schema.REFRESH_LOG, None, ogr.wkbNone)
    for column in schema.REFRESH_LOG_COLUMNS:
        log.CreateField(ogr.FieldDefn(column.name, OGR_TYPES[column.kind][0]))
    feature = ogr.Feature(log.GetLayerDefn())
    feature.SetField("importId", 1)
    feature.SetField("horodatage", "2026-01-15T10:00:00Z")
    log.CreateFeature(feature)
    dataset = None
    return path


def write_perimeter_geojson(path: Path, bounds=PERIMETER_L93) -> Path:
    """The perimeter square as GeoJSON in WGS84 (so the CRS conversion is exercised)."""
    xmin, ymin, xmax, ymax = bounds
    corners = f"{xmin} {ymin},{xmax} {ymin},{xmax} {ymax},{xmin} {ymax},{xmin} {ymin}"
    ring = ogr.CreateGeometryFromWkt(f"POLYGON(({corners}))")
    ring.Transform(osr.CoordinateTransformation(_srs(2154), _srs(4326)))
    feature = {"type": "Feature", "properties": {"nom": "Périmètre de test"},
               "geometry": json.loads(ring.ExportToJson())}
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def report_gpkg(tmp_path_factory) -> Path:
    return make_report_gpkg(tmp_path_factory.mktemp("report_data") / "bivalves_test.gpkg")


@pytest.fixture(scope="session")
def report_perimeter(tmp_path_factory) -> Path:
    return write_perimeter_geojson(tmp_path_factory.mktemp("report_perimeter") / "perimetre.geojson")
