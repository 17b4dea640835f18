"""A small synthetic GeoPackage with every schema layer, for the layers/render/PostGIS tests.

SYNTHETIC data: the points follow invented rivers inside the Hauts-de-France bounding box;
taxon codes are placeholders (9000xx), statuses are set to exercise every style rule.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

import pytest
from osgeo import ogr, osr

from bivalves_hdf.core import schema
from bivalves_hdf.core.status_class import status_class
from bivalves_hdf.core.store import OGR_TYPES

ogr.UseExceptions()

# name, vernacular, protected, red list, invasive, origin, weight
SAMPLE_TAXA = (
    ("Unio crassus", "Mulette épaisse", True, "EN", False, "native", 2),
    ("Pseudanodonta complanata", "Anodonte comprimée", False, "VU", False, "native", 3),
    ("Anodonta anatina", "Anodonte des rivières", False, "LC", False, "native", 10),
    ("Unio pictorum", "Mulette des peintres", False, "LC", False, "native", 8),
    ("Sphaerium corneum", "Cyclade cornée", False, "LC", False, "native", 8),
    ("Corbicula fluminea", "Corbicule asiatique", False, "", True, "invasive", 7),
    ("Dreissena polymorpha", "Moule zébrée", False, "", False, "introduced", 6),
    ("Sinanodonta woodiana", "Anodonte chinoise", False, "", True, "invasive", 2),
)
# Invented rivers: start and end points (Lambert-93) and a meander amplitude.
RIVERS = (
    ((600000, 7060000), (700000, 6990000), 8000),
    ((640000, 6930000), (770000, 6950000), 6000),
    ((680000, 7100000), (720000, 6900000), 7000),
    ((620000, 6990000), (660000, 6890000), 5000),
    ((730000, 7080000), (790000, 7010000), 4000),
)
SOURCES = ("openobs", "sinp_hdf", "gbif")


def _create_layer(ds, name: str, geometry: int, columns: tuple[schema.Column, ...]):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(schema.CRS_EPSG)
    layer = ds.CreateLayer(name, srs if geometry != ogr.wkbNone else None, geometry, ["FID=fid", "GEOMETRY_NAME=geom"])
    for column in columns:
        kind, subtype = OGR_TYPES[column.kind]
        definition = ogr.FieldDefn(column.name, kind)
        definition.SetSubType(subtype)
        definition.SetAlternativeName(column.alias_fr)
        layer.CreateField(definition)
    return layer


def _river_point(rng: random.Random, river) -> tuple[float, float]:
    (x0, y0), (x1, y1), amplitude = river
    t = rng.random()
    dx, dy = x1 - x0, y1 - y0
    length = math.hypot(dx, dy)
    offset = amplitude * math.sin(t * 9.0) + rng.gauss(0, 600)
    return x0 + t * dx - dy / length * offset, y0 + t * dy + dx / length * offset


def occurrence_rows(n: int, seed: int = 7):
    """`n` synthetic occurrences: (x, y, attributes) tuples."""
    rng = random.Random(seed)  # noqa: S311 - synthetic data
    weights = [t[6] for t in SAMPLE_TAXA]
    precisions = list(schema.CLASSE_PRECISION)
    for i in range(n):
        taxon_index = rng.choices(range(len(SAMPLE_TAXA)), weights)[0]
        name, vernacular, protected, red_list, invasive, origin, _ = SAMPLE_TAXA[taxon_index]
        x, y = _river_point(rng, RIVERS[rng.randrange(len(RIVERS))])
        year = rng.randint(1975, 2024)
        absence = rng.random() < 0.05
        dead = not absence and rng.random() < 0.12
        precision = rng.choices(precisions, [70, 15, 8, 4, 2, 1])[0]
        yield (
            x,
            y,
            {
                "idSINPOccTax": f"00000000-0000-4000-8000-{i:012d}",
                "cdNom": 900001 + taxon_index,
                "cdRef": 900001 + taxon_index,
                "nomCite": name,
                "nomValide": name,
                "nomVernaculaire": vernacular,
                "dateDebut": (year, rng.randint(4, 10), rng.randint(1, 28)),
                "annee": year,
                "statutObservation": "No" if absence else "Pr",
                "occEtatBiologique": "3" if dead else "2",
                "estAbsence": absence,
                "estCoquilleMorte": dead,
                "precisionGeometrie": 10 if precision == "precise" else 5000,
                "classePrecision": precision,
                "codeDepartement": rng.choice(("02", "59", "60", "62", "80")),
                "codeMaille": f"10kmL93E{int(x // 10000):03d}N{int(y // 10000):03d}",
                "observateur": rng.choice(("Dupont J.", "Martin C.", "Lefebvre A.", "OFB SD80")),
                "dSPublique": "Pu",
                "sensiNiveau": ("2", "4", "0")[i % 3] if protected else "0",
                "nivValidation": rng.choice((1, 1, 2, 2, 3, 0)),
                "source": rng.choice(SOURCES),
                "sourceRecordId": str(i),
                "protege": protected,
                "listeRouge": red_list or None,
                "envahissant": invasive,
                "origine": origin,
                "milieu": "freshwater",
                "importId": 1,
                "classeStatut": status_class(absence, dead, protected, red_list, invasive, origin),
            },
        )


def write_sample_gpkg(path: Path, n_occurrences: int = 400, seed: int = 7) -> Path:
    """A GeoPackage with every schema layer (occurrences, zones, grid, stations, rejects, log)."""
    if path.exists():
        path.unlink()
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    occurrences = _create_layer(ds, schema.OCCURRENCES, ogr.wkbPoint, schema.OCCURRENCE_COLUMNS)
    cells: dict[str, dict] = {}
    ds.StartTransaction()
    definition = occurrences.GetLayerDefn()
    for x, y, attributes in occurrence_rows(n_occurrences, seed):
        feature = ogr.Feature(definition)
        for key, value in attributes.items():
            if key == "dateDebut":
                feature.SetField(key, value[0], value[1], value[2], 0, 0, 0, 0)
            elif value is not None:
                feature.SetField(key, int(value) if isinstance(value, bool) else value)
        point = ogr.Geometry(ogr.wkbPoint)
        point.AddPoint_2D(x, y)
        feature.SetGeometry(point)
        occurrences.CreateFeature(feature)
        cell = cells.setdefault(
            attributes["codeMaille"], {"x": x // 10000 * 10000, "y": y // 10000 * 10000, "taxa": set(), "n": 0}
        )
        cell["n"] += 1
        cell["year"] = max(cell.get("year", 0), attributes["annee"])
        if not attributes["estAbsence"]:
            cell["taxa"].add((attributes["cdRef"], attributes["protege"]))
    ds.CommitTransaction()

    grid = _create_layer(ds, schema.GRID, ogr.wkbPolygon, schema.GRID_COLUMNS)
    for code, cell in sorted(cells.items()):
        feature = ogr.Feature(grid.GetLayerDefn())
        feature.SetField("codeMaille", code)
        feature.SetField("nbTaxons", len(cell["taxa"]))
        feature.SetField("nbTaxonsProteges", sum(1 for _, p in cell["taxa"] if p))
        feature.SetField("nbObservations", cell["n"])
        feature.SetField("derniereAnnee", cell["year"])
        x, y = cell["x"], cell["y"]
        feature.SetGeometry(
            ogr.CreateGeometryFromWkt(
                f"POLYGON(({x} {y},{x + 10000} {y},{x + 10000} {y + 10000},{x} {y + 10000},{x} {y}))"
            )
        )
        grid.CreateFeature(feature)

    zones = _create_layer(ds, schema.ZONES, ogr.wkbMultiPolygon, schema.ZONE_COLUMNS)
    rng = random.Random(seed)  # noqa: S311 - synthetic data
    for i, (kind, size) in enumerate((("commune", 6000), ("maille", 10000), ("floutee", 4000)) * 2):
        x, y, attributes = next(iter(occurrence_rows(1, seed + i)))
        feature = ogr.Feature(zones.GetLayerDefn())
        feature.SetField("zoneId", f"Z{i}")
        feature.SetField("typeZone", kind)
        feature.SetField("nomValide", attributes["nomValide"])
        feature.SetField("cdRef", attributes["cdRef"])
        feature.SetField("source", "sinp_hdf")
        feature.SetField("dateDebut", 2015, 6, 1, 0, 0, 0, 0)
        half = size / 2 + rng.random() * 1000
        corners = ((-1, -1), (1, -1), (1, 1), (-1, 1), (-1, -1))
        ring = [(x + dx * half, y + dy * half) for dx, dy in corners]
        wkt = "MULTIPOLYGON(((" + ",".join(f"{a} {b}" for a, b in ring) + ")))"
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        zones.CreateFeature(feature)

    stations = _create_layer(ds, schema.STATIONS, ogr.wkbPoint, schema.STATION_COLUMNS)
    for i in range(12):
        x, y = _river_point(rng, RIVERS[i % len(RIVERS)])
        feature = ogr.Feature(stations.GetLayerDefn())
        feature.SetField("codeStation", f"0{i:07d}")
        feature.SetField("libelleStation", f"Station synthétique {i}")
        feature.SetField("coursEau", f"Rivière {i % len(RIVERS)}")
        feature.SetField("nbPrelevements", 1 + i % 4)
        feature.SetField("derniereAnnee", 2015 + i % 9)
        feature.SetField("taxons", "Sphaerium corneum|Corbicula fluminea")
        point = ogr.Geometry(ogr.wkbPoint)
        point.AddPoint_2D(x, y)
        feature.SetGeometry(point)
        stations.CreateFeature(feature)

    rejects = _create_layer(ds, schema.REJECTS, ogr.wkbNone, schema.REJECT_COLUMNS)
    for i, reason in enumerate(schema.REJECT_REASONS):
        feature = ogr.Feature(rejects.GetLayerDefn())
        feature.SetField("source", "openobs")
        feature.SetField("fichier", "synthetique.csv")
        feature.SetField("ligne", i + 2)
        feature.SetField("motif", reason)
        rejects.CreateFeature(feature)

    refresh = _create_layer(ds, schema.REFRESH_LOG, ogr.wkbNone, schema.REFRESH_LOG_COLUMNS)
    for i, source in enumerate(SOURCES):
        feature = ogr.Feature(refresh.GetLayerDefn())
        feature.SetField("importId", i + 1)
        feature.SetField("source", source)
        feature.SetField("horodatage", f"2024-11-0{i + 1}T08:00:00Z")
        feature.SetField("nbLus", n_occurrences)
        refresh.CreateFeature(feature)
    ds = None
    return path


@pytest.fixture(scope="session")
def sample_gpkg(tmp_path_factory) -> Path:
    """Synthetic GeoPackage (400 occurrences) shared by the layers, render and PostGIS tests."""
    return write_sample_gpkg(tmp_path_factory.mktemp("layers") / "sample.gpkg")
