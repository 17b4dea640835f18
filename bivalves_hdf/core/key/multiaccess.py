"""Multi-access identification: narrow the candidates from any characters known, in any order."""

from __future__ import annotations

from dataclasses import dataclass

from bivalves_hdf.core.key.model import OBSERVABILITY, KeyData, States, Taxon


@dataclass(frozen=True)
class Split:
    """How well a character splits the candidates: expected number left after the answer."""

    character: str
    expected_remaining: float
    counts: dict[str, int]  # state -> candidates still possible with that state


def candidates(key: KeyData, known: States) -> list[Taxon]:
    """Taxa of the matrix compatible with every known state (a taxon's unknown character keeps it)."""
    return sorted(
        (t for t in key.taxa.values()
         if all(cid not in t.states or t.states[cid] & states for cid, states in known.items())),
        key=lambda t: t.name,
    )


def split(key: KeyData, character: str, remaining: list[Taxon]) -> Split | None:
    """The split of `remaining` by `character`, or None when no answer would remove a candidate."""
    states = key.characters[character].states
    counts = {s: sum(1 for t in remaining if character not in t.states or s in t.states[character]) for s in states}
    total = sum(counts.values())
    if total == 0 or all(n in (0, len(remaining)) for n in counts.values()):
        return None
    return Split(character, sum(n * n for n in counts.values()) / total, counts)


def best_splits(key: KeyData, known: States, remaining: list[Taxon], limit: int = 5) -> list[Split]:
    """The characters not yet known that best split the candidates, best first (easy ones on ties)."""
    splits = [s for cid in key.characters if cid not in known and (s := split(key, cid, remaining))]
    rank = {name: i for i, name in enumerate(OBSERVABILITY)}
    splits.sort(key=lambda s: (round(s.expected_remaining, 6), rank.get(key.characters[s.character].observable, 9),
                               s.character))
    return splits[:limit]
