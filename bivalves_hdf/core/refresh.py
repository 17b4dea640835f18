"""Refresh the GeoPackage from the web sources: OpenObs, SINP Hauts-de-France, GBIF, Hub'Eau.

`run_refresh(options)` fetches each requested source in turn (one `HttpClient`, so one polite
rate limit per host), then hands the tables of the sources that completed to
`importer.import_tables`, which normalises, merges and rewrites the GeoPackage atomically.
A source that fails contributes nothing (its pages stay in the disk cache, so the next run
resumes); a cancel, or a failure of every source, leaves the GeoPackage untouched.

`estimate_counts(options)` is the count-before-download step: one cheap request per source and
taxon batch, returning the number of records each source would send, or why it could not say.
The refresh dialog calls it so the user can narrow the area or the period before downloading.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import pandas as pd

from . import schema
from .errors import BivalvesError
from .http import CancelledError, CancelToken, HttpClient, HttpPolicy, PageCache, Transport
from .sources.base import Query, Source, SourceResult, parse_area
from .sources.gbif import GbifSource
from .sources.hubeau import HubeauSource
from .sources.openobs import OpenObsSource
from .sources.sinp_hdf import SinpHdfSource

LOG = logging.getLogger("bivalves_hdf.refresh")

SOURCES: dict[str, type[Source]] = {
    "openobs": OpenObsSource,
    "sinp-hdf": SinpHdfSource,
    "gbif": GbifSource,
    "hubeau": HubeauSource,
}
SOURCE_NAMES = tuple(SOURCES)
_ALIASES = {"sinp_hdf": "sinp-hdf", "sinphdf": "sinp-hdf", "sinp": "sinp-hdf"}

# (fraction of the job done 0..1, message)
RefreshProgress = Callable[[float, str], None]


def source_names(text: str | list[str] | tuple[str, ...] | None) -> tuple[str, ...]:
    """Canonical source names from `openobs,sinp-hdf,…` (settings spell it `sinp_hdf`)."""
    if text is None:
        return SOURCE_NAMES
    items = text.split(",") if isinstance(text, str) else list(text)
    names = []
    for item in items:
        name = _ALIASES.get(item.strip().lower(), item.strip().lower())
        if not name:
            continue
        if name not in SOURCES:
            raise BivalvesError(f"unknown source {item!r}: expected some of {', '.join(SOURCE_NAMES)}")
        if name not in names:
            names.append(name)
    if not names:
        raise BivalvesError("no source given")
    return tuple(names)


@dataclass
class RefreshOptions:
    """What to refresh, where from, how politely."""

    out: Path
    sources: tuple[str, ...] = SOURCE_NAMES
    area: str = "region"
    since: date | None = None
    until: date | None = None
    incremental: bool = False
    urls: dict[str, str] = field(default_factory=dict)  # source name -> base URL override
    policy: HttpPolicy = field(default_factory=HttpPolicy)
    cache_dir: Path | None = None  # default: beside the GeoPackage
    page_size: int | None = None  # records per page for every source (default: each source's own)

    def __post_init__(self) -> None:
        self.out = Path(self.out)
        self.sources = source_names(self.sources)
        self.urls = {_ALIASES.get(k.strip().lower(), k.strip().lower()): v for k, v in self.urls.items() if v}
        if self.since and self.until and self.since > self.until:
            raise BivalvesError(f"--since {self.since} is after --until {self.until}")

    @property
    def cache_root(self) -> Path:
        return Path(self.cache_dir) if self.cache_dir else self.out.parent / f".{self.out.name}.http-cache"


@dataclass
class SourceReport:
    """The outcome of one source."""

    name: str
    status: str = "pending"  # 'ok', 'failed', 'cancelled'
    query: str = ""
    expected: int = 0
    fetched: int = 0
    duplicates: int = 0
    read: int = 0
    kept: int = 0
    merged: int = 0
    rejected: int = 0
    stations: int = 0
    warnings: list[str] = field(default_factory=list)
    error: str = ""

    def line(self) -> str:
        if self.status != "ok":
            return f"{self.name}: {self.status.upper()}: {self.error}"
        text = (f"{self.name}: {self.fetched} records fetched ({self.duplicates} repeated across pages dropped); "
                f"read {self.read}, kept {self.kept}, merged {self.merged}, rejected {self.rejected}")
        return text + (f"; {self.stations} stations" if self.stations else "")


@dataclass
class RefreshSummary:
    """Per-source outcomes, and whether the GeoPackage was rewritten."""

    out: Path
    reports: list[SourceReport]
    written: bool = False
    cancelled: bool = False
    import_summary: Any = None

    @property
    def ok(self) -> bool:
        return not self.cancelled and all(r.status == "ok" for r in self.reports)

    @property
    def failed(self) -> list[SourceReport]:
        return [r for r in self.reports if r.status != "ok"]

    def lines(self) -> list[str]:
        out = [r.line() for r in self.reports]
        out += [f"  warning ({r.name}): {w}" for r in self.reports for w in r.warnings]
        if self.cancelled:
            out.append(f"cancelled: {self.out} was left as it was")
        elif self.written:
            out.append(f"written: {self.out}")
        else:
            out.append(f"nothing written: {self.out} was left as it was")
        return out


# --- building blocks ------------------------------------------------------------------------


def make_client(options: RefreshOptions, transport: Transport | None = None, cancel: CancelToken | None = None,
                cache_subdir: str | None = None) -> HttpClient:
    cache = PageCache(options.cache_root / cache_subdir) if cache_subdir else None
    return HttpClient(transport, options.policy, cancel, cache)


def make_source(name: str, client: HttpClient, options: RefreshOptions) -> Source:
    extra = {"page_size": options.page_size} if options.page_size else {}
    return SOURCES[name](client, options.urls.get(name), **extra)


def last_refresh(gpkg: Path, raw_source: str) -> datetime | None:
    """When `raw_source` was last refreshed into `gpkg` (refresh_log), or None."""
    if not Path(gpkg).is_file():
        return None
    try:
        with sqlite3.connect(f"file:{gpkg}?mode=ro", uri=True) as connection:
            # the table name is a schema constant; the source is a bound parameter
            sql = f'SELECT MAX("horodatage") FROM "{schema.REFRESH_LOG}" WHERE "source" = ?'  # noqa: S608  # nosec B608
            row = connection.execute(sql, (raw_source,)).fetchone()
    except sqlite3.Error:
        return None
    if not row or not row[0]:
        return None
    try:
        when = datetime.fromisoformat(str(row[0]).replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)


def reference_taxa(reference: Any) -> dict[str, tuple]:
    """cd_refs, scientific names and SANDRE codes (synonyms included) of the reference taxa: the query's taxa."""
    taxa = list(getattr(reference, "taxa", []) or [])
    sandre = []
    for taxon in [*taxa, *(getattr(reference, "synonyms", []) or [])]:  # old names keep their SANDRE code
        code = getattr(taxon, "sandre_code", "") or ""
        codes = code if isinstance(code, (list, tuple)) else str(code).replace("|", ",").split(",")
        sandre.extend(str(c).strip() for c in codes if str(c).strip())
    return {
        "cd_refs": tuple(sorted({int(t.cd_ref) for t in taxa if getattr(t, "cd_ref", None)})),
        "names": tuple(sorted({t.scientific_name for t in taxa if getattr(t, "scientific_name", "")})),
        "sandre_codes": tuple(sorted(set(sandre))),
    }


def build_query(options: RefreshOptions, reference: Any, modified_since: datetime | None = None) -> Query:
    taxa = reference_taxa(reference)
    return Query(parse_area(options.area), options.since, options.until, taxa["cd_refs"], taxa["names"],
                 taxa["sandre_codes"], modified_since)


def _load_reference(reference: Any) -> Any:
    if reference is not None:
        return reference
    from .reference import load_reference  # noqa: PLC0415 - the reference helper's module

    return load_reference()


def _cache_key(name: str, url: str, query: Query) -> str:
    text = "|".join([name, url, repr(query)])
    return f"{name}-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}"


# --- count before download -------------------------------------------------------------------


def estimate_counts(
    options: RefreshOptions, transport: Transport | None = None, cancel: CancelToken | None = None,
    reference: Any = None,
) -> dict[str, int | str]:
    """Records each source would send for these options: an int, or the reason it is unknown.

    One request per source (per taxon batch or department): fast enough for a dialog to call
    from a QgsTask before it offers the download. Raises `CancelledError` if cancelled.
    """
    reference = _load_reference(reference)
    client = make_client(options, transport, cancel)
    counts: dict[str, int | str] = {}
    for name in options.sources:
        source = make_source(name, client, options)
        since = last_refresh(options.out, source.raw_source) if options.incremental else None
        try:
            counts[name] = source.count(build_query(options, reference, since))
        except CancelledError:
            raise
        except BivalvesError as exc:
            counts[name] = str(exc)
    return counts


# --- the refresh ---------------------------------------------------------------------------


def run_refresh(
    options: RefreshOptions,
    transport: Transport | None = None,
    cancel: CancelToken | None = None,
    progress: RefreshProgress | None = None,
    reference: Any = None,
) -> RefreshSummary:
    """Fetch every requested source, then import what completed into `options.out` atomically."""
    if not options.out.parent.is_dir():
        raise BivalvesError(f"folder {options.out.parent} does not exist")
    cancel = cancel or CancelToken()
    reference = _load_reference(reference)
    summary = RefreshSummary(options.out, [SourceReport(name) for name in options.sources])
    PageCache.prune(options.cache_root)
    report_progress = progress or (lambda fraction, message: None)
    results: list[tuple[SourceReport, SourceResult, PageCache | None]] = []
    share = 0.8 / max(1, len(options.sources))
    try:
        for index, report in enumerate(summary.reports):
            base = index * share
            report_progress(base, f"{report.name}: connecting")
            result, cache = _fetch_one(report, options, transport, cancel, reference,
                                       lambda done, total, b=base, n=report.name: report_progress(
                                           b + share * (done / total if total else 0.0),
                                           f"{n}: {done} / {total or '?'} records"))
            if result is not None:
                results.append((report, result, cache))
        report_progress(0.8, "writing the GeoPackage")
        cancel.check()
        completed = [(r, res, c) for r, res, c in results if r.status == "ok"]
        if completed:
            _import(summary, completed, options, cancel, reference)
            for _, _, cache in completed:
                if cache is not None:
                    cache.clear()
        report_progress(1.0, "done")
    except CancelledError:
        summary.cancelled = True
        summary.written = False
        for report in summary.reports:
            if report.status == "pending":
                report.status, report.error = "cancelled", "cancelled by the user"
    finally:
        for _, result, _ in results:
            result.close()
    return summary


def _fetch_one(report: SourceReport, options: RefreshOptions, transport, cancel: CancelToken, reference,
               progress) -> tuple[SourceResult | None, PageCache | None]:
    client = make_client(options, transport, cancel)
    source = make_source(report.name, client, options)
    since = last_refresh(options.out, source.raw_source) if options.incremental else None
    query = build_query(options, reference, since)
    client.cache = PageCache(options.cache_root / _cache_key(report.name, source.base_url, query))
    report.query = f"{source.base_url} ({query.describe()})"
    try:
        result = source.fetch(query, progress)
    except CancelledError:
        raise
    except BivalvesError as exc:
        report.status, report.error = "failed", str(exc)
        LOG.warning("%s failed: %s", report.name, exc)
        return None, None
    except (KeyError, TypeError, ValueError) as exc:  # an answer of an unexpected shape
        report.status, report.error = "failed", f"unexpected answer from {source.base_url}: {exc!r}"
        LOG.exception("%s: unexpected answer", report.name)
        return None, None
    report.status = "ok"
    report.expected, report.fetched, report.duplicates = result.expected, result.fetched, result.duplicates
    report.warnings.extend(result.warnings)
    report.stations = 0 if result.stations is None else len(result.stations)
    return result, client.cache


def _import(summary: RefreshSummary, completed: list, options: RefreshOptions, cancel: CancelToken,
            reference: Any) -> None:
    from .importer import LogEntry, import_tables  # noqa: PLC0415 - GDAL only when writing

    tables = (table for _, result, _ in completed for table in result.tables())
    stations = [result.stations for _, result, _ in completed if result.stations is not None]
    entries = [LogEntry(SOURCES[report.name].raw_source, report.query) for report, _, _ in completed]
    try:
        imported = import_tables(tables, options.out, entries, reference=reference, cancel=lambda: cancel.cancelled,
                                 stations=pd.concat(stations, ignore_index=True) if stations else None)
    except BivalvesError as exc:
        if cancel.cancelled:
            raise CancelledError() from exc
        for report, _, _ in completed:
            report.status, report.error = "failed", f"import failed: {exc}"
        return
    summary.written = True
    summary.import_summary = imported
    for report in summary.reports:
        for item in imported.results if report.status == "ok" else []:
            if item.source == SOURCES[report.name].raw_source:
                report.read += item.read
                report.kept += item.kept
                report.merged += item.merged
                report.rejected += item.rejected
