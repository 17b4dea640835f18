"""Read data/key/ (characters.yaml, key.yaml, matrix.yaml) into a KeyData.

Every character and state a lead or the matrix names must be in the vocabulary: an unknown one
raises BivalvesError at load time. The graph itself (reachability, cycles, agreement with the
matrix) is judged by `checks.py`.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

try:  # libyaml's loader when present: ten times faster
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - PyYAML without libyaml
    from yaml import SafeLoader

from bivalves_hdf.core.errors import BivalvesError
from bivalves_hdf.core.key.model import Aggregate, Character, Couplet, KeyData, Lead, Target, Taxon
from bivalves_hdf.paths import KEY_DIR

TARGET_KINDS = ("next", "taxon", "aggregate")


def read_yaml(path: Path) -> Any:
    if not path.is_file():
        raise BivalvesError(f"key file not found: {path}")
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader)
    except yaml.YAMLError as error:
        raise BivalvesError(f"{path.name} is not valid YAML: {error}") from error


def parse_characters(document: Mapping) -> dict[str, Character]:
    return {
        cid: Character(cid, str(body["observable"]), dict(body["label"]),
                       {s: dict(lab) for s, lab in body["states"].items()})
        for cid, body in (document.get("characters") or {}).items()
    }


def bind_states(characters: Mapping[str, Character], raw: Mapping, where: str) -> dict[str, frozenset]:
    """{character: [states]} checked against the vocabulary (a single state may be given bare)."""
    bound = {}
    for cid, values in (raw or {}).items():
        if cid not in characters:
            raise BivalvesError(f"{where}: unknown character {cid!r}")
        states = frozenset(str(v) for v in ([values] if isinstance(values, str) else values or []))
        unknown = sorted(states - set(characters[cid].states))
        if unknown:
            raise BivalvesError(f"{where}: unknown state(s) {unknown} for character {cid!r}")
        if states:
            bound[cid] = states
    return bound


def parse_lead(characters: Mapping[str, Character], raw: Mapping, where: str) -> Lead:
    kinds = [kind for kind in TARGET_KINDS if kind in raw]
    if len(kinds) != 1:
        raise BivalvesError(f"{where}: a lead needs exactly one of {TARGET_KINDS}, found {kinds}")
    kind = kinds[0]
    ref = raw[kind]
    target = Target("couplet" if kind == "next" else kind, int(ref) if kind == "taxon" else str(ref))
    return Lead(dict(raw.get("text") or {}), bind_states(characters, raw.get("states"), where), target,
                raw.get("figure"), bool(raw.get("confirm", False)))


def parse_couplet(characters: Mapping[str, Character], cid: str, raw: Mapping) -> Couplet:
    leads = tuple(parse_lead(characters, lead, f"couplet {cid}, lead {i + 1}") for i, lead in enumerate(raw["leads"]))
    return Couplet(cid, dict(raw.get("question") or {}), leads, raw.get("fallback"),
                   tuple(raw.get("sources") or ()), str(raw.get("verification", "unverified")))


def parse_taxon(characters: Mapping[str, Character], cd_ref: int, raw: Mapping) -> Taxon:
    return Taxon(
        cd_ref=int(cd_ref), name=str(raw["name"]), family=str(raw.get("family", "")),
        states=bind_states(characters, raw.get("states"), f"matrix, taxon {cd_ref}"),
        authority=str(raw.get("authority", "")), french_name=str(raw.get("french_name", "")),
        english_name=str(raw.get("english_name", "")), sources=tuple(raw.get("sources") or ()),
        verification=str(raw.get("verification", "unverified")),
    )


def parse_aggregate(aid: str, raw: Mapping) -> Aggregate:
    return Aggregate(aid, str(raw["name"]), dict(raw.get("label") or {}), tuple(int(m) for m in raw["members"]),
                     str(raw.get("family", "")), dict(raw.get("note") or {}), tuple(raw.get("sources") or ()),
                     str(raw.get("verification", "unverified")))


@lru_cache(maxsize=8)
def load_characters(directory: Path = KEY_DIR) -> dict[str, Character]:
    """The character vocabulary alone (what the Processing parameters need)."""
    return parse_characters(read_yaml(Path(directory) / "characters.yaml") or {})


@lru_cache(maxsize=8)
def load_key(directory: Path = KEY_DIR) -> KeyData:
    """The key of `directory` (cached: KeyData is immutable)."""
    directory = Path(directory)
    characters = load_characters(directory)
    key = read_yaml(directory / "key.yaml") or {}
    matrix = read_yaml(directory / "matrix.yaml") or {}
    try:
        couplets = {str(cid): parse_couplet(characters, str(cid), raw)
                    for cid, raw in (key.get("couplets") or {}).items()}
        aggregates = {str(aid): parse_aggregate(str(aid), raw) for aid, raw in (key.get("aggregates") or {}).items()}
        taxa = {int(cd): parse_taxon(characters, int(cd), raw) for cd, raw in (matrix.get("taxa") or {}).items()}
    except (KeyError, TypeError, ValueError) as error:
        raise BivalvesError(f"malformed key data in {directory}: {error!r}") from error
    entry = str(key.get("entry", ""))
    if entry not in couplets:
        raise BivalvesError(f"key.yaml: entry couplet {entry!r} is not defined")
    return KeyData(characters, couplets, entry, aggregates, taxa, directory)
