"""Shared fixtures of the readers/normaliser tests: a tiny Reference following contract 2.

The stub holds a few real TAXREF codes (taxon-codes.md) so that fixtures resolve the same way
with the shipped Reference; its statuses are simplified (synthetic flags).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

FORMATS_DIR = Path(__file__).resolve().parent / "fixtures" / "formats"


@dataclass(frozen=True)
class StubTaxon:
    cd_nom: int
    cd_ref: int
    scientific_name: str
    authority: str = ""
    french_name: str = ""
    family: str = ""
    habitat: tuple[str, ...] = ("freshwater",)
    origin: str = "native"
    id_difficulty: str = "field"
    synonyms: tuple[str, ...] = ()
    codes_verified: bool = True


@dataclass(frozen=True)
class StubFlags:
    protected: bool = False
    red_list: str = ""
    habitats_directive: str = ""
    invasive: bool = False


def _name_key(name: str) -> str:
    words = re.sub(r"\s+", " ", str(name)).strip().lower().split(" ")
    return " ".join(words[:2]) if len(words) > 1 and words[1][:1].isalpha() and words[1][:1].islower() else words[0]


@dataclass
class StubReference:
    taxa: list[StubTaxon]
    synonym_cd_noms: dict[int, int] = field(default_factory=dict)
    flag_table: dict[int, StubFlags] = field(default_factory=dict)
    statuses: list = field(default_factory=list)

    def taxon(self, cd_ref: int):
        return next((t for t in self.taxa if t.cd_ref == cd_ref), None)

    def by_cd_nom(self, cd_nom: int):
        hit = next((t for t in self.taxa if t.cd_nom == cd_nom), None)
        return hit or self.taxon(self.synonym_cd_noms.get(cd_nom, -1))

    def by_name(self, name: str):
        key = _name_key(name)
        for taxon in self.taxa:
            if key in {_name_key(taxon.scientific_name), *(_name_key(s) for s in taxon.synonyms)}:
                return taxon
        return None

    def flags(self, cd_ref: int) -> StubFlags:
        return self.flag_table.get(cd_ref, StubFlags())

    def statuses_of(self, cd_ref: int) -> list:
        return []


def make_stub_reference() -> StubReference:
    taxa = [
        StubTaxon(64443, 64443, "Unio crassus", "Philipsson, 1788", "Mulette épaisse", "Unionidae"),
        StubTaxon(64435, 64435, "Margaritifera margaritifera", "(Linnaeus, 1758)", "Mulette perlière",
                  "Margaritiferidae"),
        StubTaxon(64440, 64440, "Unio pictorum", "(Linnaeus, 1758)", "Mulette des peintres", "Unionidae"),
        StubTaxon(64456, 64456, "Anodonta cygnea", "(Linnaeus, 1758)", "Anodonte des étangs", "Unionidae"),
        StubTaxon(64629, 64629, "Dreissena polymorpha", "(Pallas, 1771)", "Moule zébrée", "Dreissenidae",
                  origin="invasive"),
        StubTaxon(163433, 163433, "Corbicula fluminea", "(O.F. Müller, 1774)", "Corbicule asiatique", "Cyrenidae",
                  origin="invasive"),
        StubTaxon(64646, 64646, "Sphaerium corneum", "(Linnaeus, 1758)", "Cyclade commune", "Sphaeriidae"),
        StubTaxon(196312, 196312, "Pisidium", "C. Pfeiffer, 1821", "Pisidie", "Sphaeriidae"),
        StubTaxon(531162, 531162, "Euglesa casertana", "(Poli, 1791)", "Pisidie commune", "Sphaeriidae",
                  synonyms=("Pisidium casertanum",)),
        StubTaxon(64374, 64374, "Mytilus edulis", "Linnaeus, 1758", "Moule commune", "Mytilidae",
                  habitat=("marine", "brackish")),
    ]
    flags = {
        64443: StubFlags(True, "EN", "II|IV"),
        64435: StubFlags(True, "CR", "II|V"),
        64629: StubFlags(invasive=False),
    }
    return StubReference(taxa=taxa, synonym_cd_noms={64656: 531162}, flag_table=flags)


@pytest.fixture
def stub_reference() -> StubReference:
    return make_stub_reference()


@pytest.fixture
def formats_dir() -> Path:
    return FORMATS_DIR
