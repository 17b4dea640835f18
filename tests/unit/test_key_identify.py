"""Identification of a specimen described by states: the walk and `python -m bivalves_hdf identify`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bivalves_hdf.cli.main import main
from bivalves_hdf.core.errors import BivalvesError
from bivalves_hdf.core.key.identify import covering_aggregate, identify, parse_specimen
from bivalves_hdf.core.key.loader import load_key

ROOT = Path(__file__).resolve().parents[2]
CRASSUS = {"habitat": "freshwater", "attachment": "free", "inner_surface": "nacreous", "hinge_teeth": "present",
           "nacre_pits": "absent", "nacre_colour": "white_bluish", "shell_shape": "oval",
           "adult_length": ["25_to_60", "60_to_120"]}
ANODONTA = {"habitat": "freshwater", "inner_surface": "nacreous", "hinge_teeth": "absent",
            "nacre_colour": "white_bluish", "compression": "inflated"}


def write(tmp_path: Path, specimen) -> Path:
    path = tmp_path / "specimen.json"
    path.write_text(json.dumps(specimen), encoding="utf-8")
    return path


def run_cli(tmp_path: Path, specimen, *extra: str) -> subprocess.CompletedProcess:
    """`python -m bivalves_hdf identify` in a child process."""
    return subprocess.run([sys.executable, "-m", "bivalves_hdf", "identify", str(write(tmp_path, specimen)), *extra],
                          cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)


def run_main(capsys, tmp_path: Path, specimen, *extra: str) -> tuple[int, str, str]:
    """The same command through the CLI's main() in this process (faster)."""
    code = main(["identify", str(write(tmp_path, specimen)), *extra])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_described_specimen_reaches_one_result() -> None:
    key = load_key()
    outcomes = identify(key, parse_specimen(key, CRASSUS))
    assert [o.result.cd_ref for o in outcomes] == [64443]
    assert outcomes[0].path[-1].couplet == "f12"


def test_unknown_characters_keep_every_branch_open() -> None:
    key = load_key()
    outcomes = identify(key, parse_specimen(key, ANODONTA))
    assert {o.result.cd_ref for o in outcomes} == {64456, 64455}
    assert covering_aggregate(key, outcomes).id == "anodonta_sp"
    assert len(identify(key, {})) == sum(
        1 for c in key.couplets.values() for lead in c.leads if lead.target.kind != "couplet")


def test_the_matrix_rules_out_what_the_key_does_not_ask() -> None:
    key = load_key()
    outcomes = identify(key, parse_specimen(key, {"hinge_teeth": "absent", "habitat": "freshwater"}))
    names = {o.result.scientific_name for o in outcomes}
    assert "Anodonta cygnea" in names and "Dreissena polymorpha" in names
    assert not names & {"Corbicula fluminea", "Sphaerium rivicola", "Unio crassus"}


@pytest.mark.parametrize(("raw", "message"), [
    ({"hinge": "absent"}, "unknown character 'hinge'"),
    ({"hinge_teeth": "some"}, "unknown state"),
    ({"hinge_teeth": 3}, "give a state"),
    (["hinge_teeth"], "JSON object"),
])
def test_a_specimen_outside_the_vocabulary_is_refused(raw, message) -> None:
    with pytest.raises(BivalvesError, match=message):
        parse_specimen(load_key(), raw)


def test_cli_prints_the_single_result_and_its_path(tmp_path) -> None:
    done = run_cli(tmp_path, CRASSUS, "--lang", "en")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["status"] == "identified"
    (result,) = report["results"]
    assert (result["scientific_name"], result["cd_ref"], result["aggregate"]) == ("Unio crassus", 64443, False)
    assert [step["couplet"] for step in result["path"]] == ["start", "f01", "f04", "f05", "f09", "f11", "f12"]
    assert result["path"][0]["text"].startswith("In fresh water")


def test_cli_lists_every_possible_result_when_characters_are_unknown(tmp_path, capsys) -> None:
    code, out, err = run_main(capsys, tmp_path, ANODONTA, "--candidates")
    assert code == 0, err
    report = json.loads(out)
    assert report["status"] == "several"
    assert {r["scientific_name"] for r in report["results"]} == {"Anodonta cygnea", "Anodonta anatina"}
    assert report["covering_aggregate"]["id"] == "anodonta_sp"
    assert report["best_characters"] and report["candidates"]


def test_cli_reports_aggregates(tmp_path, capsys) -> None:
    specimen = {"habitat": "freshwater", "umbo_position": "posterior", "adult_length": "lt_6"}
    report = json.loads(run_main(capsys, tmp_path, specimen)[1])
    (result,) = report["results"]
    assert result["aggregate"] is True and result["aggregate_id"] == "euglesa_spp" and result["cd_ref"] is None
    assert result["expert_confirmation"] is True and 531209 in result["members"]


def test_cli_fails_on_a_character_or_state_outside_the_vocabulary(tmp_path, capsys) -> None:
    done = run_cli(tmp_path, {"hinge": "absent"})
    assert done.returncode != 0 and "unknown character 'hinge'" in done.stderr
    code, out, err = run_main(capsys, tmp_path, {"adult_length": ["huge"]})
    assert code != 0 and "unknown state" in err and out == ""
    assert main(["identify", str(tmp_path / "missing.json")]) == 1
    assert "cannot read" in capsys.readouterr().err


def test_cli_fails_when_nothing_fits(tmp_path, capsys) -> None:
    code, out, _ = run_main(capsys, tmp_path, {"habitat": "freshwater", "attachment": "cemented"})
    assert code == 3 and json.loads(out)["status"] == "none"


def test_every_taxon_described_by_its_matrix_row_reaches_a_result_holding_it() -> None:
    key = load_key()
    for cd_ref, taxon in key.taxa.items():
        outcomes = identify(key, taxon.states)
        assert any(cd_ref in o.result.taxa for o in outcomes), taxon.name
