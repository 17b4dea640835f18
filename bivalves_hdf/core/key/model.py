"""The key's data: character vocabulary, couplets, aggregates and the character matrix."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Union

LANGUAGES = ("fr", "en")
OBSERVABILITY = ("field", "shell", "live", "lab")  # easiest first
States = Mapping[str, frozenset]  # character id -> states asserted (or observed)


def localized(text: Mapping[str, str], language: str) -> str:
    """The text in `language`, else French."""
    return text.get(language) or text.get("fr", "")


@dataclass(frozen=True)
class Character:
    """A character of the vocabulary and its states (id -> {fr, en} label)."""

    id: str  # noqa: A003 - the vocabulary id
    observable: str
    label: Mapping[str, str]
    states: Mapping[str, Mapping[str, str]]


@dataclass(frozen=True)
class Target:
    """Where a lead goes: another couplet, a taxon (cd_ref) or a declared aggregate."""

    kind: str  # "couplet" | "taxon" | "aggregate"
    ref: Union[str, int]


@dataclass(frozen=True)
class Lead:
    """One answer of a couplet: its text, the states it asserts and where it leads."""

    text: Mapping[str, str]
    states: States
    target: Target
    figure: str | None = None
    confirm: bool = False


@dataclass(frozen=True)
class Couplet:
    """A question with two (exceptionally three) leads."""

    id: str  # noqa: A003 - the key id
    question: Mapping[str, str]
    leads: tuple[Lead, ...]
    fallback: str | None = None  # aggregate id offered when the user cannot choose
    sources: tuple[str, ...] = ()
    verification: str = "unverified"


@dataclass(frozen=True)
class Aggregate:
    """A named group of taxa the shell alone cannot separate."""

    id: str  # noqa: A003 - the key id
    name: str
    label: Mapping[str, str]
    members: tuple[int, ...]
    family: str
    note: Mapping[str, str]
    sources: tuple[str, ...] = ()
    verification: str = "unverified"


@dataclass(frozen=True)
class Taxon:
    """A row of the character matrix (states of a character left out are unknown)."""

    cd_ref: int
    name: str
    family: str
    states: States
    authority: str = ""
    french_name: str = ""
    english_name: str = ""
    sources: tuple[str, ...] = ()
    verification: str = "unverified"

    def vernacular(self, language: str) -> str:
        return (self.english_name if language == "en" else self.french_name) or self.french_name


@dataclass(frozen=True)
class Result:
    """What the key ends on: a taxon or an aggregate."""

    kind: str  # "taxon" | "aggregate"
    ref: Union[str, int]
    scientific_name: str
    cd_ref: int | None
    members: tuple[int, ...]
    expert_confirmation: bool

    @property
    def aggregate(self) -> bool:
        return self.kind == "aggregate"

    @property
    def taxa(self) -> tuple[int, ...]:
        """The cd_ref of the taxon, or of every member of the aggregate."""
        return self.members if self.aggregate else (int(self.ref),)


@dataclass(frozen=True)
class Step:
    """One answer given: the couplet and the index of the lead chosen."""

    couplet: str
    lead: int


@dataclass(frozen=True)
class Outcome:
    """A result and the path of answers that reached it."""

    result: Result
    path: tuple[Step, ...]


@dataclass(frozen=True)
class KeyData:
    """Everything the engine needs, loaded from data/key/."""

    characters: Mapping[str, Character]
    couplets: Mapping[str, Couplet]
    entry: str
    aggregates: Mapping[str, Aggregate]
    taxa: Mapping[int, Taxon]
    directory: Path

    def result(self, lead: Lead) -> Result:
        """The Result a terminal lead names."""
        target = lead.target
        if target.kind == "aggregate":
            aggregate = self.aggregates[str(target.ref)]
            return Result("aggregate", aggregate.id, aggregate.name, None, aggregate.members, True)
        if target.kind == "taxon":
            taxon = self.taxa[int(target.ref)]
            return Result("taxon", taxon.cd_ref, taxon.name, taxon.cd_ref, (), lead.confirm)
        raise ValueError(f"lead to couplet {target.ref} is not a result")

    def aggregate_result(self, aggregate_id: str) -> Result:
        aggregate = self.aggregates[aggregate_id]
        return Result("aggregate", aggregate.id, aggregate.name, None, aggregate.members, True)

    def figure_path(self, name: str) -> Path:
        return self.directory / "figures" / name
