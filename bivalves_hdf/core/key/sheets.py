"""Species sheets and notices (data/key/species_sheets.yaml) for the results of the key."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from bivalves_hdf.core.errors import BivalvesError
from bivalves_hdf.core.key.loader import read_yaml
from bivalves_hdf.core.key.model import LANGUAGES, KeyData, Result
from bivalves_hdf.paths import KEY_DIR

NAIAD_FAMILIES = ("Unionidae", "Margaritiferidae")
ALIEN_ORIGINS = ("introduced", "invasive")


@dataclass(frozen=True)
class Notice:
    """A boxed advice: title and points in both languages."""

    id: str  # noqa: A003 - the YAML key
    title: Mapping[str, str]
    points: Mapping[str, tuple[str, ...]]
    verification: str


@dataclass(frozen=True)
class Status:
    protection: str = "none"  # "article_2" or "none"
    red_list_fr: str | None = None
    habitats_directive: tuple[str, ...] = ()
    origin: str = "native"
    eu_invasive: bool = False

    @property
    def protected(self) -> bool:
        return self.protection == "article_2"


@dataclass(frozen=True)
class Sheet:
    """What the key shows at a result."""

    ref: str  # cd_ref or aggregate id, as text
    status: Status = field(default_factory=Status)
    description: Mapping[str, str] = field(default_factory=dict)
    lookalikes: Mapping[str, str] = field(default_factory=dict)
    sources: tuple[str, ...] = ()
    verification: str = "unverified"


@dataclass(frozen=True)
class SheetBook:
    notices: Mapping[str, Notice]
    sheets: Mapping[str, Sheet]

    def sheet(self, result: Result) -> Sheet:
        """The result's sheet (an empty one when the data has none)."""
        return self.sheets.get(str(result.ref), Sheet(str(result.ref)))

    def notices_for(self, key: KeyData, result: Result) -> list[Notice]:
        """Notices to show, most important first: protection, live handling, biosecurity, expert."""
        status = self.sheet(result).status
        families = {key.taxa[cd].family for cd in result.taxa if cd in key.taxa}
        wanted = []
        if status.protected:
            wanted.append("protected")
        if families & set(NAIAD_FAMILIES):
            wanted.append("live_handling")
        if status.origin in ALIEN_ORIGINS or status.eu_invasive:
            wanted.append("biosecurity")
        if result.expert_confirmation:
            wanted.append("expert")
        return [self.notices[n] for n in wanted if n in self.notices]


def _status(raw: Mapping) -> Status:
    return Status(str(raw.get("protection", "none")), raw.get("red_list_fr"),
                  tuple(str(a) for a in raw.get("habitats_directive") or ()), str(raw.get("origin", "native")),
                  bool(raw.get("eu_invasive", False)))


@lru_cache(maxsize=4)
def load_sheets(directory: Path = KEY_DIR) -> SheetBook:
    document = read_yaml(Path(directory) / "species_sheets.yaml") or {}
    try:
        notices = {
            nid: Notice(nid, dict(raw["title"]), {lang: tuple(raw["points"][lang]) for lang in LANGUAGES},
                        str(raw.get("verification", "unverified")))
            for nid, raw in (document.get("notices") or {}).items()
        }
        sheets = {
            str(ref): Sheet(str(ref), _status(raw.get("status") or {}), dict(raw.get("description") or {}),
                            dict(raw.get("lookalikes") or {}), tuple(raw.get("sources") or ()),
                            str(raw.get("verification", "unverified")))
            for ref, raw in (document.get("sheets") or {}).items()
        }
    except (KeyError, TypeError) as error:
        raise BivalvesError(f"malformed species_sheets.yaml: {error!r}") from error
    return SheetBook(notices, sheets)


def check_sheets(key: KeyData, book: SheetBook) -> list[str]:
    """Problems of the sheets: unknown ids, a missing language, a protected result without a sheet."""
    problems = []
    known = {str(cd) for cd in key.taxa} | set(key.aggregates)
    for ref, sheet in book.sheets.items():
        if ref not in known:
            problems.append(f"sheet {ref}: not a taxon of the matrix nor an aggregate")
        for name, text in (("description", sheet.description), ("lookalikes", sheet.lookalikes)):
            problems += [f"sheet {ref} {name}: missing {lang}" for lang in LANGUAGES if not text.get(lang)]
    for notice in book.notices.values():
        problems += [f"notice {notice.id}: missing {lang}" for lang in LANGUAGES
                     if not notice.title.get(lang) or not notice.points.get(lang)]
    return problems
