"""The build-failing checks of the key, on the shipped data and on broken copies of it."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
import yaml

from bivalves_hdf.core.errors import BivalvesError
from bivalves_hdf.core.key.checks import (
    check_agreement,
    check_exclusive,
    check_figures,
    check_graph,
    check_languages,
    check_reference,
    check_references,
    habitats,
    run_checks,
)
from bivalves_hdf.core.key.loader import load_key
from bivalves_hdf.core.key.model import Couplet, Lead, Target
from bivalves_hdf.core.key.sheets import check_sheets, load_sheets
from bivalves_hdf.paths import KEY_DIR

ROOT = Path(__file__).resolve().parents[2]  # the repository
SHARED_VOCABULARY = ROOT.parent / "shared" / "key" / "characters.yaml"  # the team's folder beside the repository


@pytest.fixture(scope="module")
def key():
    return load_key()


def reference_taxa():
    """The project's reference list (bivalves_hdf.core.reference, written by another area)."""
    reference = pytest.importorskip("bivalves_hdf.core.reference", reason="core.reference not there yet")
    if not hasattr(reference, "load_taxa"):
        pytest.skip("core.reference.load_taxa() not there yet")
    return list(reference.load_taxa())


def with_couplet(key, couplet: Couplet):
    return dataclasses.replace(key, couplets={**key.couplets, couplet.id: couplet})


def test_shipped_key_passes_every_check(key) -> None:
    assert [str(p) for p in run_checks(key)] == []


def test_shipped_key_covers_the_reference_list(key) -> None:
    taxa = reference_taxa()
    assert [str(p) for p in check_reference(key, taxa)] == []
    freshwater = [t for t in taxa if "freshwater" in habitats(t) and t.rank in ("species", "subspecies")]
    assert len(freshwater) >= 30


def test_key_size_and_entry(key) -> None:
    assert key.entry == "start"
    assert {lead.target.ref for lead in key.couplets["start"].leads} == {"f01", "m01"}
    assert len(key.couplets) >= 25
    assert all(2 <= len(c.leads) <= 3 for c in key.couplets.values())


def test_vocabulary_keeps_every_shared_character_and_state(key) -> None:
    if not SHARED_VOCABULARY.is_file():
        pytest.skip("shared reference folder not mounted")
    shared = yaml.safe_load(SHARED_VOCABULARY.read_text(encoding="utf-8"))["characters"]
    assert {cid: set(body["states"]) for cid, body in shared.items()} == {
        cid: set(character.states) for cid, character in key.characters.items() if cid in shared}
    assert set(shared) <= set(key.characters)


def test_every_figure_of_the_folder_is_used_and_is_svg(key) -> None:
    used = {lead.figure for c in key.couplets.values() for lead in c.leads if lead.figure}
    files = {p.name for p in (KEY_DIR / "figures").glob("*.svg")}
    assert used == files
    for name in files:
        text = (KEY_DIR / "figures" / name).read_text(encoding="utf-8")
        assert text.startswith("<svg") and "<title>" in text and "<image" not in text


def test_sheets_are_sound(key) -> None:
    book = load_sheets()
    assert check_sheets(key, book) == []
    protected = {ref for ref, sheet in book.sheets.items() if sheet.status.protected}
    assert protected == {"64443", "64435", "199889"}


def test_a_cycle_is_reported(key) -> None:
    f21 = key.couplets["f21"]
    back_up = dataclasses.replace(f21.leads[1], target=Target("couplet", "f17"))
    looping = dataclasses.replace(f21, leads=(f21.leads[0], back_up))
    problems = check_graph(with_couplet(key, looping))
    assert problems and problems[0].check == "cycle" and "f17" in problems[0].message


def test_an_unreachable_couplet_is_reported(key) -> None:
    orphan = dataclasses.replace(key.couplets["f21"], id="orphan")
    assert [p.message for p in check_graph(with_couplet(key, orphan))] == ["couplet orphan is never reached"]


def test_leads_that_do_not_exclude_each_other_are_reported(key) -> None:
    f02 = key.couplets["f02"]
    vague = dataclasses.replace(f02.leads[1], states={"ventral_keel": frozenset({"sharp", "rounded"})})
    problems = check_exclusive(with_couplet(key, dataclasses.replace(f02, leads=(f02.leads[0], vague))))
    assert len(problems) == 1 and "couplet f02" in problems[0].message


def test_a_matrix_disagreeing_with_a_lead_is_reported(key) -> None:
    crassus = key.taxa[64443]
    wrong = dataclasses.replace(crassus, states={**crassus.states, "shell_shape": frozenset({"elongate"})})
    problems = check_agreement(dataclasses.replace(key, taxa={**key.taxa, 64443: wrong}))
    assert problems and all("Unio crassus" in p.message and "f12" in p.message for p in problems)


def test_a_result_outside_the_matrix_and_a_missing_reference_taxon_are_reported(key) -> None:
    f02 = key.couplets["f02"]
    ghost = dataclasses.replace(f02.leads[0], target=Target("taxon", 999999))
    assert "taxon 999999 not in the matrix" in str(check_references(with_couplet(key, dataclasses.replace(
        f02, leads=(ghost, f02.leads[1])))))
    taxa = [t for t in reference_taxa() if t.cd_ref != 64443]
    assert any("Unio crassus (64443)" in p.message for p in check_reference(key, taxa))


def test_a_freshwater_reference_taxon_out_of_the_key_is_reported(key) -> None:
    extra = dataclasses.make_dataclass("T", ["cd_ref", "rank", "habitat"])(123, "species", "freshwater|brackish")
    problems = check_reference(key, [*reference_taxa(), extra])
    assert [p.check for p in problems] == ["coverage"] and "123" in problems[0].message


def test_a_missing_translation_and_a_missing_figure_are_reported(key) -> None:
    f05 = key.couplets["f05"]
    lead = dataclasses.replace(f05.leads[0], text={"fr": "Charnière lisse."}, figure="nowhere.svg")
    broken = with_couplet(key, dataclasses.replace(f05, leads=(lead, f05.leads[1])))
    assert [p.message for p in check_languages(broken)] == ["couplet f05 lead 1: missing en"]
    assert [p.message for p in check_figures(broken)] == ["couplet f05 lead 1: figure nowhere.svg missing"]


def copy_key(tmp_path: Path) -> Path:
    target = tmp_path / "key"
    shutil.copytree(KEY_DIR, target)
    return target


def test_a_lead_with_a_state_outside_the_vocabulary_fails_to_load(tmp_path) -> None:
    folder = copy_key(tmp_path)
    path = folder / "key.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("{hinge_teeth: [present]}", "{hinge_teeth: [many]}"),
                    encoding="utf-8")
    with pytest.raises(BivalvesError, match="unknown state.*many.*hinge_teeth"):
        load_key(folder)


def test_a_matrix_character_outside_the_vocabulary_fails_to_load(tmp_path) -> None:
    folder = copy_key(tmp_path)
    path = folder / "matrix.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("      ventral_keel: [sharp]", "      keel: [sharp]"),
                    encoding="utf-8")
    with pytest.raises(BivalvesError, match="unknown character 'keel'"):
        load_key(folder)


def test_a_lead_needs_exactly_one_target(tmp_path) -> None:
    folder = copy_key(tmp_path)
    path = folder / "key.yaml"
    text = path.read_text(encoding="utf-8").replace("        taxon: 64629", "        taxon: 64629\n        next: f04")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BivalvesError, match="exactly one"):
        load_key(folder)


def test_three_lead_couplet_is_checked_pairwise(key) -> None:
    m01 = key.couplets["m01"]
    assert len(m01.leads) == 3 and check_exclusive(key) == []
    clash = Lead({"fr": "x", "en": "x"}, {"attachment": frozenset({"free", "byssus"})}, Target("couplet", "m04"))
    problems = check_exclusive(with_couplet(key, dataclasses.replace(m01, leads=(*m01.leads[:2], clash))))
    assert {p.message.split(":")[1].strip()[:15] for p in problems} == {"leads 1 and 3 d"}


def test_every_source_cited_in_the_data_is_listed_in_the_readme() -> None:
    import re

    cited = set()
    for path in KEY_DIR.glob("*.yaml"):
        cited |= set(re.findall(r"\bS\d+[a-z]?\b", path.read_text(encoding="utf-8")))
    listed = set(re.findall(r"\bS\d+[a-z]?\b", (KEY_DIR / "README.md").read_text(encoding="utf-8")))
    assert len(cited) > 30
    assert sorted(cited - listed) == []


def test_sheet_statuses_agree_with_the_reference_statuses() -> None:
    reference = pytest.importorskip("bivalves_hdf.core.reference")
    if not hasattr(reference, "load_reference"):
        pytest.skip("core.reference.load_reference() not there yet")
    statuses = reference.load_reference()
    disagree = []
    for ref, sheet in load_sheets().sheets.items():
        if not ref.lstrip("-").isdigit():
            continue  # aggregates have no row in the reference
        flags, mine = statuses.flags(int(ref)), sheet.status
        ours = (mine.protected, mine.red_list_fr or "", "|".join(mine.habitats_directive),
                mine.origin == "invasive" or mine.eu_invasive)
        theirs = (flags.protected, flags.red_list, flags.habitats_directive, flags.invasive)
        if ours != theirs:
            disagree.append((ref, ours, theirs))
    assert disagree == []
