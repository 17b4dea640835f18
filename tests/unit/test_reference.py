"""Lookups and flags of the shipped reference (data/taxa.csv, synonyms.csv, statuses.csv)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bivalves_hdf.core.reference import (
    Reference,
    Status,
    StatusFlags,
    Synonym,
    Taxon,
    load_reference,
)


@pytest.fixture(scope="module")
def ref() -> Reference:
    return load_reference()


def test_load_is_cached(ref):
    assert load_reference() is ref


@pytest.mark.parametrize(
    ("cd_nom", "expected"),
    [
        (64443, "Unio crassus"),
        ("64443", "Unio crassus"),
        (64437, "Pseudunio auricularius"),  # Margaritifera auricularia
        (64656, "Euglesa casertana"),  # Pisidium casertanum
        (64665, "Euglesa obtusalis"),  # Pisidium obtusale
        (64576, "Limecola balthica"),  # Macoma balthica
        (64426, "Magallana gigas"),  # Crassostrea gigas
        (641318, "Dreissena rostriformis bugensis"),  # Dreissena bugensis
        (186328, "Cyrenidae"),  # Corbiculidae
        (189200, "Anodonta"),
    ],
)
def test_by_cd_nom_resolves_synonyms(ref, cd_nom, expected):
    assert ref.by_cd_nom(cd_nom).scientific_name == expected


@pytest.mark.parametrize("cd_nom", [0, 999999999, None, "", "abc"])
def test_by_cd_nom_unknown(ref, cd_nom):
    assert ref.by_cd_nom(cd_nom) is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Unio crassus", "Unio crassus"),
        ("  unio   CRASSUS ", "Unio crassus"),
        ("UNIO CRASSUS", "Unio crassus"),
        ("Unio crassus Philipsson, 1788", "Unio crassus"),
        ("<i>Unio crassus</i> Philipsson, 1788", "Unio crassus"),
        ("Corbicula fluminea (O.F. Müller, 1774)", "Corbicula fluminea"),
        ("Sphaerium ovale (A. Ferussac, 1807)", "Sphaerium ovale"),
        ("Margaritifera auricularia (Spengler, 1793)", "Pseudunio auricularius"),
        ("Pseudunio auricularis", "Pseudunio auricularius"),
        ("Pisidium casertanum", "Euglesa casertana"),
        ("Pisidium personatum Malm, 1855", "Euglesa personata"),
        ("Pisidium moitessierianum", "Odhneripisidium moitessierianum"),
        ("Musculium lacustre", "Sphaerium lacustre"),
        ("Macoma balthica", "Limecola balthica"),
        ("Crassostrea gigas", "Magallana gigas"),
        ("Dreissena bugensis", "Dreissena rostriformis bugensis"),
        ("Dreissena rostriformis bugensis Andrusov, 1897", "Dreissena rostriformis bugensis"),
        ("Ensis directus", "Ensis leei"),
        ("Anodonta sp.", "Anodonta"),
        ("Pisidium spp.", "Pisidium"),
        ("Unio cf. crassus", "Unio"),
        ("Anodonta Link, 1807", "Anodonta"),
        ("Unionidae", "Unionidae"),
        ("Bivalvia", "Bivalvia"),
        ("Unio crassus batavus", "Unio crassus"),
        ("Unio pictorum/mancus", "Unio"),
        ("Anodonta cygnea / anatina", "Anodonta"),
        ("Sphaerium corneum agg.", "Sphaerium corneum"),
        ("Sphaerium (Musculium) lacustre", "Sphaerium lacustre"),
        ("Sphaerium (Musculium) lacustre / S. transversum", "Sphaerium"),
        ("Unio (Unio) crassus Philipsson, 1788", "Unio crassus"),
    ],
)
def test_by_name(ref, name, expected):
    assert ref.by_name(name).scientific_name == expected


@pytest.mark.parametrize("name", ["", None, "Unio foo", "Anodonta xyz", "Helix pomatia", "Lymnaea stagnalis"])
def test_by_name_unknown(ref, name):
    assert ref.by_name(name) is None


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("1047", "Dreissena polymorpha"),
        (1043, "Pisidium"),
        ("1043.0", "Pisidium"),
        ("3044", "Pseudunio auricularius"),  # appellation Margaritifera auricularia
        ("3055", "Euglesa casertana"),  # appellation Pisidium casertanum
        ("1050", "Cyrenidae"),  # Corbiculidae
        ("5125", "Bivalvia"),
        ("4218", "Corbicula fluminea"),
    ],
)
def test_by_sandre(ref, code, expected):
    assert ref.by_sandre(code).scientific_name == expected


def test_by_sandre_unknown(ref):
    assert ref.by_sandre("34959") is None  # Corbicula homonym of another group
    assert ref.by_sandre(None) is None


def test_taxon_carries_its_synonyms(ref):
    euglesa = ref.taxon(531207)
    assert "Pisidium obtusale" in euglesa.synonyms
    assert ref.taxon(199889).synonyms[0] == "Margaritifera auricularia"


@pytest.mark.parametrize("cd_ref", [64443, 64435, 199889])
def test_protected_species(ref, cd_ref):
    flags = ref.flags(cd_ref)
    assert flags.protected
    texts = {s.text_ref for s in ref.statuses_of(cd_ref) if s.kind == "protection_fr"}
    assert texts == {"Arrêté du 23 avril 2007, art. 2"}


def test_flags_of_protected_species_values(ref):
    assert ref.flags(64443) == StatusFlags(protected=True, red_list="LC", habitats_directive="II|IV", invasive=False)
    assert ref.flags(64435) == StatusFlags(protected=True, red_list="EN", habitats_directive="II|V", invasive=False)
    assert ref.flags(199889) == StatusFlags(protected=True, red_list="CR", habitats_directive="IV", invasive=False)
    assert ref.flags(64437) == ref.flags(199889)  # a synonym cd_nom is accepted


@pytest.mark.parametrize(("cd_ref", "category"), [(64452, "EN"), (64649, "EN"), (531209, "EN"), (531212, "LC")])
def test_red_list_without_protection(ref, cd_ref, category):
    flags = ref.flags(cd_ref)
    assert flags.red_list == category
    assert not flags.protected


def test_invasive_only_where_sources_support_it(ref):
    assert ref.flags(-1).invasive  # Mulinia lateralis, Union list 2025
    assert ref.flags(-2).invasive  # Limnoperna fortunei, Union list 2022
    assert ref.flags(163426).invasive  # Sinanodonta woodiana, origin invasive
    for cd_ref in (64629, 163433, 641319, 853681):  # zebra, Corbicula, quagga, Pacific oyster: not regulated
        assert not ref.flags(cd_ref).invasive
        assert ref.taxon(cd_ref).origin == "introduced"
    assert {s.kind for s in ref.statuses_of(-1)} == {"eu_invasive"}


@pytest.mark.parametrize("cd_ref", [186337, 198809, 196312, 531142, 699709, 186321, 194461])
def test_genus_and_family_have_no_status(ref, cd_ref):
    assert ref.flags(cd_ref) == StatusFlags()
    assert ref.statuses_of(cd_ref) == []


def test_unknown_taxon_flags(ref):
    assert ref.flags(123456789) == StatusFlags()
    assert ref.statuses_of(123456789) == []


def test_genus_flags_follow_status_file():
    taxa = [Taxon(1, 1, "Foo", "", "", "Fooidae", ("freshwater",), "native", "field", rank="genus")]
    status = Status(1, "protection_fr", "art. 2", "FR", "", "Arrêté du 23 avril 2007, art. 2", "test", True)
    assert Reference(taxa, [status]).flags(1).protected
    assert not Reference(taxa, []).flags(1).protected


def test_synonym_to_unknown_taxon_is_ignored():
    taxa = [Taxon(1, 1, "Foo bar", "", "", "Fooidae", ("marine",), "native", "field")]
    ref = Reference(taxa, [], [Synonym("Foo baz", "", 2, 99)])
    assert ref.by_name("Foo baz") is None
    assert ref.by_cd_nom(2) is None


def test_records_for_the_geopackage(ref):
    from bivalves_hdf.core import schema

    rows = ref.taxa_records()
    assert set(rows[0]) == set(schema.column_names(schema.TAXON_COLUMNS))
    crassus = next(row for row in rows if row["cdRef"] == 64443)
    assert crassus["protege"] is True and crassus["directiveHabitats"] == "II|IV"
    statuses = ref.status_records()
    assert set(statuses[0]) == set(schema.column_names(schema.STATUS_COLUMNS))
    assert len(statuses) == len(ref.statuses)


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=60))
def test_lookups_never_crash(text):
    ref = load_reference()
    assert ref.by_name(text) is None or isinstance(ref.by_name(text), Taxon)
    assert ref.by_cd_nom(text) is None or isinstance(ref.by_cd_nom(text), Taxon)
    assert ref.by_sandre(text) is None or isinstance(ref.by_sandre(text), Taxon)


def test_valid_row_wins_when_a_synonym_row_shares_its_cd_ref():
    valid = Taxon(10, 10, "Foo bar", "", "", "Fooidae", ("marine",), "native", "field")
    old = Taxon(11, 10, "Foo baz", "", "", "Fooidae", ("marine",), "native", "field")
    ref = Reference([valid, old], [])
    assert ref.taxon(10) is ref.taxa[0]
    assert ref.by_cd_nom(11).scientific_name == "Foo bar"
    assert Reference([old, valid], []).taxon(10).scientific_name == "Foo bar"
