"""data/legal_texts.yaml agrees with the procedure note, the field sheets and the statuses."""

from __future__ import annotations

import csv

import pytest

from bivalves_hdf.core.errors import BivalvesError
from bivalves_hdf.core.legal_texts import (
    articles_cited,
    find_by_reference,
    load_legal_texts,
    texts_for,
)
from bivalves_hdf.paths import DATA_DIR, DOCS_DIR

NOTE = DOCS_DIR / "note-procedures.md"
REQUIRED_ARTICLES = {"L411-1", "L411-2", "L415-1", "L415-3", "L172-1", "L173-1", "L216-6", "L432-2", "L432-3"}


def test_every_text_has_a_version_date_and_a_source() -> None:
    texts = load_legal_texts()
    assert len(texts) >= 15
    for text in texts:
        assert text.version_date.year >= 1992, text.id
        assert text.source_url.startswith("https://"), text.id
        assert text.summary_fr and text.version_note, text.id


def test_the_issue_texts_are_all_there() -> None:
    texts = load_legal_texts()
    assert {t.article for t in texts} >= REQUIRED_ARTICLES
    ids = {t.id for t in texts}
    assert {"arrete-2007-art1", "arrete-2007-art2", "dir-habitats", "reg-ue-1143-2014"} <= ids


def test_every_article_cited_in_the_note_and_sheets_is_in_the_yaml() -> None:
    known = {t.article for t in load_legal_texts() if t.article}
    for path in [NOTE, *sorted((DOCS_DIR / "fiches").glob("*.md"))]:
        cited = articles_cited(path.read_text(encoding="utf-8"))
        assert cited <= known, f"{path.name} cites {sorted(cited - known)} missing from legal_texts.yaml"
    assert articles_cited(NOTE.read_text(encoding="utf-8")) >= REQUIRED_ARTICLES


def test_the_note_gives_each_version_date_and_the_legifrance_warning() -> None:
    note = NOTE.read_text(encoding="utf-8")
    for text in load_legal_texts():
        assert text.version_date.strftime("%d/%m/%Y") in note, f"{text.id}: version date missing from the note"
    assert note.count("Légifrance") >= 3
    assert "version en vigueur" in note.lower()


def test_field_sheets_warn_about_versions() -> None:
    sheets = sorted((DOCS_DIR / "fiches").glob("*.md"))
    assert len(sheets) >= 6
    for sheet in sheets:
        assert "Légifrance" in sheet.read_text(encoding="utf-8"), sheet.name


@pytest.mark.parametrize(("reference", "expected"), [
    ("Arrêté du 23 avril 2007, art. 2", "arrete-2007-art2"),
    ("arrêté du 23 avril 2007 article 1", "arrete-2007-art1"),
    ("C. env., art. L. 415-3", "cenv-l415-3"),
    ("Code de l'environnement L411-1", "cenv-l411-1"),
    ("Directive 92/43/CEE, annexe II", "dir-habitats"),
    ("Règlement (UE) n° 1143/2014", "reg-ue-1143-2014"),
])
def test_find_by_reference(reference, expected) -> None:
    found = find_by_reference(reference)
    assert found is not None and found.id == expected


def test_unknown_reference_is_none() -> None:
    assert find_by_reference("Liste rouge UICN France 2021") is None


def test_texts_for_triggers() -> None:
    ids = [t.id for t in texts_for({"protected"})]
    assert "arrete-2007-art2" in ids and "cenv-l216-6" in ids  # general texts always come along
    assert "reg-ue-1143-2014" not in ids
    assert "reg-ue-1143-2014" in [t.id for t in texts_for({"eu_invasive"})]


def test_bad_file_is_a_plain_error(tmp_path) -> None:
    bad = tmp_path / "legal.yaml"
    bad.write_text("texts:\n  - id: x\n    title: t\n", encoding="utf-8")
    with pytest.raises(BivalvesError, match="bad entry"):
        load_legal_texts(bad)


def test_every_status_text_is_in_the_yaml() -> None:
    statuses = DATA_DIR / "statuses.csv"
    if not statuses.is_file():
        pytest.skip("data/statuses.csv not written yet (reference helper)")
    with statuses.open(encoding="utf-8") as handle:
        refs = sorted({row.get("text_ref", "") for row in csv.DictReader(handle)} - {""})
    legal_kinds = ("arrêté", "code", "c. env", "directive", "règlement", "l4", "l2", "l1")
    missing = [ref for ref in refs if ref.lower().startswith(legal_kinds) and find_by_reference(ref) is None]
    assert not missing, f"statuses cite texts missing from legal_texts.yaml: {missing}"
