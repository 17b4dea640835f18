"""The legal texts of `data/legal_texts.yaml`, shared by the procedure note and the extraction report."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

from bivalves_hdf.core.errors import BivalvesError
from bivalves_hdf.paths import DATA_DIR

LEGAL_TEXTS_FILE = DATA_DIR / "legal_texts.yaml"
TRIGGERS = ("protected", "habitats_directive", "eu_invasive", "always")
# "L411-1", "L. 411-1", "L.411-1", "R214-1": article numbers as written in the note and in statuses.
ARTICLE = re.compile(r"\b([LR])\.?\s?(\d{3}-\d+(?:-\d+)?)\b")


@dataclass(frozen=True)
class LegalText:
    """One text: what it is, the version read and how far it was checked."""

    id: str  # noqa: A003 - the YAML key
    title: str
    reference: str
    summary_fr: str
    version_date: date
    version_note: str
    source_url: str
    verified: bool
    applies_when: tuple[str, ...]

    @property
    def article(self) -> str:
        """'L411-1' for a code article, '' otherwise."""
        match = ARTICLE.search(self.reference)
        return f"{match.group(1)}{match.group(2)}" if match else ""


def _parse(entry: dict) -> LegalText:
    try:
        when = tuple(entry["applies_when"])
        unknown = sorted(set(when) - set(TRIGGERS))
        if unknown:
            raise BivalvesError(f"legal text {entry['id']}: unknown applies_when {unknown}")
        return LegalText(
            id=str(entry["id"]),
            title=str(entry["title"]),
            reference=str(entry["reference"]),
            summary_fr=" ".join(str(entry["summary_fr"]).split()),
            version_date=date.fromisoformat(str(entry["version_date"])),
            version_note=" ".join(str(entry["version_note"]).split()),
            source_url=str(entry["source_url"]),
            verified=bool(entry["verified"]),
            applies_when=when,
        )
    except (KeyError, TypeError, ValueError) as error:
        raise BivalvesError(f"bad entry in {LEGAL_TEXTS_FILE.name}: {entry!r} ({error})") from error


@lru_cache(maxsize=4)
def load_legal_texts(path: Path = LEGAL_TEXTS_FILE) -> tuple[LegalText, ...]:
    """Every text, in file order."""
    if not path.is_file():
        raise BivalvesError(f"legal texts file not found: {path}")
    document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    texts = tuple(_parse(entry) for entry in document.get("texts", []))
    ids = [text.id for text in texts]
    if len(ids) != len(set(ids)):
        raise BivalvesError(f"duplicate legal text ids in {path}")
    return texts


def by_id(text_id: str, texts: tuple[LegalText, ...] | None = None) -> LegalText | None:
    for text in texts if texts is not None else load_legal_texts():
        if text.id == text_id:
            return text
    return None


def articles_cited(text: str) -> set[str]:
    """Code articles cited in a free text, normalised ('L. 411-1' -> 'L411-1')."""
    return {f"{letter}{number}" for letter, number in ARTICLE.findall(text)}


def find_by_reference(reference: str, texts: tuple[LegalText, ...] | None = None) -> LegalText | None:
    """The text a free reference points to ('Arrêté du 23 avril 2007, art. 2', 'C. env. L. 415-3', 'DHFF')."""
    texts = texts if texts is not None else load_legal_texts()
    folded = " ".join(reference.lower().split())
    articles = articles_cited(reference)
    for text in texts:
        if text.article and text.article in articles:
            return text
    if "23 avril 2007" in folded:
        number = "1" if re.search(r"art(icle|\.)?\s*1\b", folded) else "2"
        return by_id(f"arrete-2007-art{number}", texts)
    if "19 février 2007" in folded:
        return by_id("arrete-2007-02-19", texts)
    if "92/43" in folded or "habitats" in folded or "dhff" in folded:
        return by_id("dir-habitats", texts)
    if "1143/2014" in folded:
        return by_id("reg-ue-1143-2014", texts)
    return None


def texts_for(triggers: set[str], texts: tuple[LegalText, ...] | None = None) -> list[LegalText]:
    """Texts listed for these triggers (plus the general 'always' texts), in file order."""
    wanted = set(triggers) | {"always"}
    return [text for text in (texts if texts is not None else load_legal_texts()) if wanted & set(text.applies_when)]
