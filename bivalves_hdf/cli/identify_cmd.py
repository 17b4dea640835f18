"""`python -m bivalves_hdf identify SPECIMEN.json`: walk the key for a specimen described by states."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from bivalves_hdf.core.errors import BivalvesError
from bivalves_hdf.core.key.identify import covering_aggregate, identify, parse_specimen
from bivalves_hdf.core.key.loader import load_key
from bivalves_hdf.core.key.model import KeyData, Outcome, localized
from bivalves_hdf.core.key.multiaccess import best_splits, candidates


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "identify", help="walk the identification key for a specimen (JSON of character states)",
        description="Walk the key for SPECIMEN.json, e.g. {\"hinge_teeth\": \"absent\", \"adult_length\": "
                    "[\"60_to_120\", \"gt_120\"]}; a character left out is unknown. Prints JSON.",
        epilog="Exit status: 0 when one or several results fit, 1 on a character or state outside the "
               "vocabulary (data/key/characters.yaml), 3 when no result fits.")
    parser.add_argument("specimen", type=Path, help="JSON file of character states ('-' reads stdin)")
    parser.add_argument("--lang", choices=("fr", "en"), default="fr", help="language of the path texts")
    parser.add_argument("--candidates", action="store_true",
                        help="also list the matrix taxa compatible with the states and the best next characters")
    parser.set_defaults(run=run)


def read_specimen(path: Path) -> Any:
    try:
        text = sys.stdin.read() if str(path) == "-" else path.read_text(encoding="utf-8")
        return json.loads(text)
    except OSError as error:
        raise BivalvesError(f"cannot read {path}: {error.strerror}") from error
    except json.JSONDecodeError as error:
        raise BivalvesError(f"{path} is not valid JSON: {error}") from error


def outcome_json(key: KeyData, outcome: Outcome, lang: str) -> dict:
    result = outcome.result
    return {
        "scientific_name": result.scientific_name,
        "cd_ref": result.cd_ref,
        "aggregate": result.aggregate,
        "aggregate_id": result.ref if result.aggregate else None,
        "members": list(result.members),
        "expert_confirmation": result.expert_confirmation,
        "path": [{"couplet": s.couplet, "lead": s.lead + 1,
                  "text": localized(key.couplets[s.couplet].leads[s.lead].text, lang)} for s in outcome.path],
    }


def run(args: argparse.Namespace) -> int:
    key = load_key()
    specimen = parse_specimen(key, read_specimen(args.specimen))
    outcomes = identify(key, specimen)
    status = {0: "none", 1: "identified"}.get(len(outcomes), "several")
    report: dict[str, Any] = {"status": status, "results": [outcome_json(key, o, args.lang) for o in outcomes]}
    cover = covering_aggregate(key, outcomes)
    report["covering_aggregate"] = {"id": cover.id, "scientific_name": cover.name, "members": list(cover.members)} \
        if cover else None
    if args.candidates:
        remaining = candidates(key, specimen)
        report["candidates"] = [{"scientific_name": t.name, "cd_ref": t.cd_ref} for t in remaining]
        report["best_characters"] = [{"character": s.character, "expected_remaining": round(s.expected_remaining, 2)}
                                     for s in best_splits(key, specimen, remaining)]
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 0 if outcomes else 3
