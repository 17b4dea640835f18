"""`taxref`: the reference taxa and statuses refreshed from the TAXREF API on the loopback server."""

from __future__ import annotations

import copy
import csv
import os
import subprocess
import sys
from pathlib import Path

from fixtures_http import template

from bivalves_hdf.core.http import HttpClient, HttpPolicy, RequestsTransport
from bivalves_hdf.core.reference import Reference, Taxon, load_reference, read_statuses, read_taxa
from bivalves_hdf.core.sources.taxref import TaxrefSource, refresh_reference

ROOT = Path(__file__).resolve().parents[2]
POLICY = HttpPolicy(rate=1000.0, retries=2, backoff=0.01, timeout=2.0)


def taxon(cd: int, name: str, rank: str = "species") -> Taxon:
    return Taxon(cd, cd, name, "", "", "Unionidae", ("freshwater",), "native", "lab", rank=rank)


def serve_taxref(api) -> None:
    pictorum = template("taxref_taxa_search.json")["_embedded"]["taxa"][0]
    crassus = {**copy.deepcopy(pictorum), "id": 64443, "referenceId": 64443, "scientificName": "Unio crassus",
               "authority": "Philipsson, 1788", "frenchVernacularName": "Mulette épaisse"}
    genus = {**copy.deepcopy(pictorum), "id": 192543, "referenceId": 192543, "scientificName": "Unio",
             "authority": "Philipsson, 1788", "rankId": "GN", "frenchVernacularName": None}
    child = {**copy.deepcopy(pictorum), "id": 199900, "referenceId": 199900, "scientificName": "Unio mancus",
             "authority": "Lamarck, 1819", "fr": "P", "frenchVernacularName": "Mulette méridionale"}
    absent = {**copy.deepcopy(child), "id": 199901, "referenceId": 199901, "scientificName": "Unio absentus", "fr": "A"}
    api.taxref_taxa = {64440: pictorum, 64443: crassus, 192543: genus}
    api.taxref_children = {192543: [pictorum, crassus, child, absent]}
    api.taxref_status = template("taxref_status_lines.json")["_embedded"]["status"]


def test_refresh_reference_updates_taxa_adds_children_and_replaces_statuses(fake_api, tmp_path) -> None:
    serve_taxref(fake_api)
    reference = Reference([taxon(64440, "Unio pictorum"), taxon(64443, "Unio crassus"),
                           taxon(192543, "Unio", "genus"), taxon(99999, "Unio nowhere")], [])
    source = TaxrefSource(HttpClient(RequestsTransport(), POLICY), fake_api.urls["taxref"])
    report = refresh_reference(source, reference, tmp_path)
    taxa = {t.cd_nom: t for t in read_taxa(tmp_path / "taxa.csv")}
    assert taxa[64440].authority == "(Linnaeus, 1758)" and taxa[64440].codes_verified
    assert taxa[64440].french_name == "Mulette des peintres"
    assert not taxa[99999].codes_verified and any("99999" in w for w in report.warnings)
    assert report.taxa_added == ["Unio mancus"] and 199901 not in taxa
    assert taxa[199900].habitat == ("freshwater",) and taxa[199900].origin == "native"
    statuses = read_statuses(tmp_path / "statuses.csv")
    assert {(s.cd_ref, s.kind, s.area) for s in statuses} == {(64443, "protection_fr", "FR"),
                                                              (64443, "red_list_regional", "INSEER22")}
    protection = next(s for s in statuses if s.kind == "protection_fr")
    assert "23 avril 2007" in protection.text_ref and "<em>" not in protection.source
    asked = {p["locationId"][0] for path, p in fake_api.hits if path == "/taxref/status/search/lines"}
    assert asked == {"INSEER32", "INSEER31", "INSEER22", "INSEED02", "INSEED59", "INSEED60", "INSEED62", "INSEED80"}
    assert all(h[1].get("size") for h in fake_api.hits if h[0].endswith("search/lines"))


def test_cli_taxref_writes_both_files_and_reads_an_offline_bdc(fake_api, tmp_path) -> None:
    serve_taxref(fake_api)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "bivalves_hdf", "taxref", "--taxref-url", fake_api.urls["taxref"],
                           "--out-dir", str(tmp_path), "--rate", "1000"], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, check=False, env=env)
    assert done.returncode == 0, done.stderr
    assert f"written: {tmp_path / 'taxa.csv'}" in done.stdout
    assert len(read_taxa(tmp_path / "taxa.csv")) >= len(load_reference().taxa)
    bdc = tmp_path / "BDC_STATUTS_test.csv"
    header = ["CD_NOM", "CD_REF", "CD_TYPE_STATUT", "LB_TYPE_STATUT", "CODE_STATUT", "LABEL_STATUT", "RQ_STATUT",
              "CD_SIG", "LB_NOM", "CLASSE", "LB_ADM_TR", "NIVEAU_ADMIN", "FULL_CITATION"]
    with bdc.open("w", encoding="latin-1", newline="") as handle:  # synthetic row, real column names
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(header)
        writer.writerow(["64455", "64455", "LRR", "Liste rouge régionale", "VU", "Vulnérable", "", "INSEER31",
                         "Anodonta anatina", "Bivalvia", "Nord-Pas-de-Calais", "Ancienne région", "Synthétique"])
    offline = tmp_path / "offline"
    offline.mkdir()
    hits = len(fake_api.hits)
    done = subprocess.run([sys.executable, "-m", "bivalves_hdf", "taxref", "--bdc", str(bdc), "--out-dir",
                           str(offline)], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False, env=env)
    assert done.returncode == 0, done.stderr
    statuses = read_statuses(offline / "statuses.csv")
    assert any(s.cd_ref == 64455 and s.area == "INSEER31" and s.value == "VU" for s in statuses)
    assert len(fake_api.hits) == hits  # offline: nothing downloaded
