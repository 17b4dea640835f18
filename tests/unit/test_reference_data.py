"""Consistency of the shipped reference files, and the atomic writers."""

from __future__ import annotations

import csv

import pytest

from bivalves_hdf.core import reference as refmod
from bivalves_hdf.core.errors import BivalvesError
from bivalves_hdf.core.reference import (
    HABITATS,
    ID_DIFFICULTIES,
    ORIGINS,
    RANKS,
    Status,
    load_reference,
    merge_statuses,
    read_statuses,
    read_synonyms,
    read_taxa,
    write_statuses,
    write_synonyms,
    write_taxa,
)
from bivalves_hdf.paths import DATA_DIR

KNOWN_KINDS = {
    "protection_fr", "habitats_directive", "red_list_fr", "red_list_eu", "red_list_world", "eu_invasive", "bern",
}


@pytest.fixture(scope="module")
def ref():
    return load_reference()


def test_cd_nom_unique_and_cd_ref_consistent(ref):
    cd_noms = [taxon.cd_nom for taxon in ref.taxa]
    assert len(cd_noms) == len(set(cd_noms))
    for taxon in ref.taxa:
        assert taxon.cd_ref == taxon.cd_nom, taxon.scientific_name  # taxa.csv holds valid taxa only
    synonym_noms = [s.cd_nom for s in ref.synonyms if s.cd_nom is not None]
    assert len(synonym_noms) == len(set(synonym_noms))
    assert not set(synonym_noms) & set(cd_noms)
    for synonym in ref.synonyms:
        assert ref.taxon(synonym.cd_ref) is not None, synonym.name


def test_names_and_sandre_codes_unique(ref):
    names = [t.scientific_name.lower() for t in ref.taxa] + [s.name.lower() for s in ref.synonyms]
    assert len(names) == len(set(names))
    codes = [t.sandre_code for t in ref.taxa if t.sandre_code] + [s.sandre_code for s in ref.synonyms if s.sandre_code]
    assert len(codes) == len(set(codes))
    assert all(code.isdigit() for code in codes)


def test_allowed_values(ref):
    for taxon in ref.taxa:
        assert taxon.habitat and set(taxon.habitat) <= set(HABITATS), taxon.scientific_name
        assert taxon.origin in ORIGINS, taxon.scientific_name
        assert taxon.id_difficulty in ID_DIFFICULTIES, taxon.scientific_name
        assert taxon.rank in RANKS, taxon.scientific_name
        assert taxon.family or taxon.rank == "class", taxon.scientific_name
        assert taxon.scientific_name == taxon.scientific_name.strip() and "," not in taxon.scientific_name


def test_placeholder_codes_are_marked(ref):
    for taxon in ref.taxa:
        if taxon.cd_nom < 0:
            assert not taxon.codes_verified
            assert "placeholder" in taxon.notes


def test_checklist_coverage(ref):
    families = {t.family for t in ref.taxa}
    for family in ("Unionidae", "Margaritiferidae", "Dreissenidae", "Cyrenidae", "Sphaeriidae", "Mytilidae"):
        assert family in families
    genera = {t.scientific_name for t in ref.taxa if t.rank == "genus"}
    assert {"Anodonta", "Unio", "Pisidium", "Euglesa", "Odhneripisidium", "Sphaerium", "Corbicula"} <= genera
    verified = {t.scientific_name for t in ref.taxa if t.codes_verified}
    assert {"Unio crassus", "Margaritifera margaritifera", "Dreissena polymorpha"} <= verified
    assert "Limecola balthica" not in verified  # CD_REF not determined in taxon-codes.md


def test_statuses_refer_to_taxa_and_have_sources(ref):
    assert ref.statuses
    for status in ref.statuses:
        assert ref.taxon(status.cd_ref) is not None, status
        assert status.source.strip() and status.text_ref.strip() and status.area.strip(), status
        assert status.kind in KNOWN_KINDS, status
    keys = [(s.cd_ref, s.kind, s.value, s.area) for s in ref.statuses]
    assert len(keys) == len(set(keys))


def test_habitats_directive_rows_are_unverified(ref):
    assert all(not s.verified for s in ref.statuses if s.kind == "habitats_directive")


def test_roundtrip_writers(tmp_path, ref):
    write_taxa(ref.taxa, tmp_path / "taxa.csv")
    write_synonyms(ref.synonyms, tmp_path / "synonyms.csv")
    write_statuses(ref.statuses, tmp_path / "statuses.csv")
    assert read_statuses(tmp_path / "statuses.csv") == ref.statuses
    assert read_synonyms(tmp_path / "synonyms.csv") == ref.synonyms
    again = load_reference(tmp_path)
    assert again is not ref
    assert again.taxa == ref.taxa
    assert (tmp_path / "taxa.csv").read_text(encoding="utf-8") == (DATA_DIR / "taxa.csv").read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["statuses.csv", "synonyms.csv", "taxa.csv"]


def test_failed_write_leaves_old_file(tmp_path, ref):
    target = tmp_path / "statuses.csv"
    write_statuses(ref.statuses, target)
    before = target.read_bytes()

    def broken():
        yield ref.statuses[0]
        raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        write_statuses(broken(), target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["statuses.csv"]


def test_missing_column_is_a_user_error(tmp_path):
    bad = tmp_path / "taxa.csv"
    bad.write_text("cd_nom,cd_ref\n1,1\n", encoding="utf-8")
    with pytest.raises(BivalvesError, match="missing columns"):
        read_taxa(bad)
    with pytest.raises(BivalvesError, match="not found"):
        read_taxa(tmp_path / "nothing.csv")


def test_bad_number_is_a_user_error(tmp_path):
    path = tmp_path / "statuses.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([refmod.STATUS_FIELDS, ["x", "bern", "II", "EU", "", "t", "s", "true"]])
    with pytest.raises(BivalvesError, match="line 2"):
        read_statuses(path)


def test_merge_statuses_replaces_same_kind_and_area():
    def status(cd_ref, kind, value, area, source):
        return Status(cd_ref, kind, value, area, "", "t", source, True)

    old = [status(1, "red_list_fr", "LC", "FR", "a"), status(1, "bern", "III", "EUROPE", "a")]
    new = [status(1, "red_list_fr", "VU", "FR", "b"), status(2, "red_list_fr", "EN", "FR", "b")]
    merged = {(s.cd_ref, s.kind, s.value) for s in merge_statuses(old, new)}
    assert merged == {(1, "bern", "III"), (1, "red_list_fr", "VU"), (2, "red_list_fr", "EN")}
