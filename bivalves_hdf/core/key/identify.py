"""Walk the key for a specimen described by character states; unknown characters keep branches open."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bivalves_hdf.core.errors import BivalvesError
from bivalves_hdf.core.key.model import Aggregate, KeyData, Lead, Outcome, States, Step


def parse_specimen(key: KeyData, raw: Mapping[str, Any]) -> dict[str, frozenset]:
    """{character: state or [states]} checked against the vocabulary; null or [] means unknown."""
    if not isinstance(raw, Mapping):
        raise BivalvesError("a specimen is a JSON object of character states")
    specimen = {}
    for cid, value in raw.items():
        if cid not in key.characters:
            raise BivalvesError(f"unknown character {cid!r} (known: {', '.join(sorted(key.characters))})")
        values = [] if value is None else [value] if isinstance(value, str) else value
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise BivalvesError(f"character {cid!r}: give a state or a list of states")
        unknown = sorted(set(values) - set(key.characters[cid].states))
        if unknown:
            raise BivalvesError(f"character {cid!r}: unknown state(s) {unknown} "
                                f"(known: {', '.join(key.characters[cid].states)})")
        if values:
            specimen[cid] = frozenset(values)
    return specimen


def compatible(lead: Lead, specimen: States) -> bool:
    """True unless the specimen contradicts a state the lead asserts."""
    return all(cid not in specimen or specimen[cid] & states for cid, states in lead.states.items())


def matrix_allows(key: KeyData, taxa: tuple[int, ...], specimen: States) -> bool:
    """True when one of `taxa` has, in the matrix, no state contradicting the specimen."""
    return any(
        all(cid not in taxon.states or taxon.states[cid] & states for cid, states in specimen.items())
        for taxon in (key.taxa[cd] for cd in taxa if cd in key.taxa)
    )


def identify(key: KeyData, specimen: States) -> list[Outcome]:
    """Every result the specimen can reach, each with its path (one when the key decides).

    The walk follows every lead the specimen does not contradict; a result is then kept only when
    the matrix allows it (a character the key does not ask on that path can still rule it out).
    """
    outcomes: list[Outcome] = []
    pending: list[tuple[str, tuple[Step, ...]]] = [(key.entry, ())]
    while pending:
        couplet_id, path = pending.pop()
        couplet = key.couplets[couplet_id]
        for index, lead in enumerate(couplet.leads):
            if not compatible(lead, specimen):
                continue
            step_path = (*path, Step(couplet_id, index))
            if lead.target.kind == "couplet":
                pending.append((str(lead.target.ref), step_path))
            elif matrix_allows(key, key.result(lead).taxa, specimen):
                outcomes.append(Outcome(key.result(lead), step_path))
    return sorted(outcomes, key=lambda o: [(s.couplet, s.lead) for s in o.path])


def covering_aggregate(key: KeyData, outcomes: list[Outcome]) -> Aggregate | None:
    """The smallest declared aggregate holding every taxon still possible (None if there is none)."""
    possible = {cd for outcome in outcomes for cd in outcome.result.taxa}
    if len(possible) < 2:
        return None
    covering = [a for a in key.aggregates.values() if possible <= set(a.members)]
    return min(covering, key=lambda a: len(a.members), default=None)
