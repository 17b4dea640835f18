"""Import of the INPN BDC_STATUTS flat file (synthetic fixtures in the real column layout)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bivalves_hdf.core.bdc import area_of, import_bdc_csv, statuses_for, write_statuses_csv
from bivalves_hdf.core.errors import BivalvesError
from bivalves_hdf.core.reference import Reference, Status, load_reference, merge_statuses, read_statuses

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "bdc"
LATIN1 = FIXTURES / "bdc_statuts_synthetic_latin1_semicolon.csv"
UTF8 = FIXTURES / "bdc_statuts_synthetic_utf8_comma.csv"

EXPECTED = {
    (64443, "protection_fr", "art. 2", "FR"),
    (64443, "habitats_directive", "II", "EU"),
    (64443, "habitats_directive", "IV", "EU"),
    (199889, "protection_fr", "art. 2", "FR"),
    (64435, "bern", "III", "EUROPE"),
    (64452, "red_list_fr", "EN", "FR"),
    (64456, "red_list_regional", "NT", "INSEER22"),
    (64460, "znieff", "DZNIEFF", "80"),
    (-1, "eu_invasive", "Union list", "FR"),
}


def test_fixtures_have_the_encodings_they_claim():
    raw = LATIN1.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert raw.decode("latin-1").startswith('"CD_NOM";"CD_REF"')
    assert UTF8.read_bytes().startswith(b"\xef\xbb\xbfcd_nom,cd_ref,")


@pytest.mark.parametrize("path", [LATIN1, UTF8], ids=["latin1-semicolon", "utf8-comma"])
def test_import_keeps_reference_taxa_and_regional_areas(path):
    statuses = import_bdc_csv(path)
    assert {(s.cd_ref, s.kind, s.value, s.area) for s in statuses} == EXPECTED
    assert all(s.verified and s.source.startswith(f"INPN BDC_STATUTS ({path.name})") for s in statuses)


def test_both_encodings_give_the_same_statuses():
    def strip_origin(statuses):
        return [(s.cd_ref, s.kind, s.value, s.area, s.label_fr, s.text_ref) for s in statuses]

    assert strip_origin(import_bdc_csv(LATIN1)) == strip_origin(import_bdc_csv(UTF8))


def test_accents_html_and_text_refs():
    statuses = {(s.cd_ref, s.kind, s.value): s for s in import_bdc_csv(LATIN1)}
    protected = statuses[(64443, "protection_fr", "art. 2")]
    assert protected.text_ref == "Arrêté du 23 avril 2007, art. 2"
    assert "mollusques protégés" in protected.source
    assert statuses[(64443, "habitats_directive", "IV")].text_ref == "Directive 92/43/CEE, annexe IV"
    red = statuses[(64452, "red_list_fr", "EN")]
    assert red.label_fr == "En danger (A2ace)"
    assert "<em>" not in red.source and "&amp;" not in red.source and "& 2021" in red.source
    assert statuses[(64456, "red_list_regional", "NT")].label_fr == "Quasi menacée"


def test_imported_statuses_drive_flags():
    reference = load_reference()
    merged = merge_statuses(reference.statuses, import_bdc_csv(UTF8))
    updated = Reference(reference.taxa, merged, reference.synonyms)
    assert updated.flags(64452).red_list == "EN"
    assert updated.flags(64456).red_list == ""  # a regional list is not the French red list
    assert updated.flags(-1).invasive


def test_write_statuses_csv_roundtrip(tmp_path):
    statuses = import_bdc_csv(LATIN1)
    out = write_statuses_csv(statuses, tmp_path / "sub" / "statuses.csv")
    assert read_statuses(out) == statuses
    header = out.read_bytes().decode("utf-8").splitlines()[0]
    assert header == "cd_ref,kind,value,area,label_fr,text_ref,source,verified"


def test_not_a_bdc_file(tmp_path):
    other = tmp_path / "other.csv"
    other.write_text("a;b;c\n1;2;3\n", encoding="utf-8")
    with pytest.raises(BivalvesError, match="not a BDC_STATUTS file"):
        import_bdc_csv(other)
    with pytest.raises(BivalvesError, match="not found"):
        import_bdc_csv(tmp_path / "missing.csv")


def test_area_from_territory_name_when_cd_sig_is_empty(tmp_path):
    path = tmp_path / "bdc.csv"
    path.write_text(
        "CD_NOM;CD_REF;CD_TYPE_STATUT;CODE_STATUT;LABEL_STATUT;CD_SIG;LB_NOM;LB_ADM_TR\n"
        "64440;64440;LRR;LC;Préoccupation mineure;;Unio pictorum;Nord-Pas-de-Calais\n"
        "64440;64440;LRR;EN;En danger;;Unio pictorum;Bretagne\n",
        encoding="latin-1",
    )
    statuses = import_bdc_csv(path)
    assert [(s.cd_ref, s.value, s.area, s.label_fr) for s in statuses] == [
        (64440, "LC", "INSEER31", "Préoccupation mineure")
    ]


def test_statuses_for_a_taxref_api_status_line():
    # Shape of a `status/search/lines` element (data-sources.md §2.3), values synthetic.
    line = {
        "statusTypeName": "Liste rouge régionale", "statusCode": "EN", "statusName": "En danger",
        "statusRemarks": "B2ab(iii)", "locationId": "INSEER31", "source": "Synthetic <em>list</em> &amp; co",
        "_links": {"statusType": {"href": "https://taxref.mnhn.fr/api/status/types/LRR"}},
    }
    statuses = statuses_for(
        64460, line["_links"]["statusType"]["href"].rsplit("/", 1)[-1], line["statusCode"],
        label=line["statusName"], remark=line["statusRemarks"], location_id=line["locationId"],
        citation=line["source"], type_name=line["statusTypeName"], origin="TAXREF API",
    )
    assert statuses == [Status(64460, "red_list_regional", "EN", "INSEER31", "En danger (B2ab(iii))",
                               "Liste rouge régionale", "INPN TAXREF API: Synthetic list & co", True)]


@pytest.mark.parametrize(
    ("type_code", "location", "expected"),
    [("LRR", "INSEED62", "62"), ("LRR", "INSEER53", None), ("PN", "ETATFRA", "FR"), ("DH", "INSEER53", "EU"),
     ("LRM", "", "WORLD"), ("PR", "INSEEC80021", None)],
)
def test_area_of(type_code, location, expected):
    assert area_of(type_code, location) == expected
