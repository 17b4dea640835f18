"""Import exports or fetched tables into the bivalves GeoPackage.

`import_files` reads files (format detected by `readers`), `import_tables` takes RawTables
(the refresh uses it). Both normalise, merge with what the GeoPackage holds (same record
identifiers: merged, not added; a file whose sha256 is in refresh_log: skipped), rewrite the
GeoPackage atomically and append one refresh_log row per file or query. Every row read ends as
kept, merged or rejected: read = kept + merged + rejected.

Big delimited files are read in chunks of `chunk_rows` rows so that memory stays flat: record
boundaries are found with numpy, and with `workers` > 1 (command line) each chunk is read,
normalised and written to a scratch SQLite file by a worker process while this process copies the
previous ones into the GeoPackage.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import sys
import tempfile
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Union

import numpy as np
import pandas as pd

from bivalves_hdf.__about__ import __version__
from bivalves_hdf.core import schema
from bivalves_hdf.core.errors import BivalvesError
from bivalves_hdf.core.normaliser import NormalisedBatch, normalise
from bivalves_hdf.core.readers.base import ROW, Probe, RawTable, read_file, read_probe
from bivalves_hdf.core.stations import stations_from_tables
from bivalves_hdf.core.store import GeoPackageUpdate, ImportCancelledError, PreparedBatch, now_iso, prepare_batch

if TYPE_CHECKING:
    from bivalves_hdf.core.reference import Reference

LOGGER = logging.getLogger("bivalves_hdf.importer")
CHUNK_ROWS = 100_000
CHUNK_THRESHOLD_BYTES = 64 * 1024 * 1024  # files above this size are read in chunks
_TEXT_SUFFIXES = {".csv", ".txt", ".tsv"}

CancelLike = Union[Callable[[], bool], threading.Event, None]
Progress = Callable[[float, str], None]

__all__ = ["ImportCancelledError", "ImportSummary", "LogEntry", "SourceResult", "import_files", "import_tables"]


@dataclass(frozen=True)
class LogEntry:
    """What a refresh_log row names: the source, the file or query, the file's sha256."""

    source: str
    requete: str
    sha256: str = ""


@dataclass
class SourceResult:
    """Counts for one file or query: read = kept + merged + rejected."""

    source: str
    requete: str
    sha256: str = ""
    read: int = 0
    kept: int = 0
    merged: int = 0
    rejected: int = 0
    import_id: int | None = None
    skipped: str = ""  # why nothing was imported (file already imported)

    def add(self, read: int, kept: int, merged: int, rejected: int) -> None:
        self.read += read
        self.kept += kept
        self.merged += merged
        self.rejected += rejected

    def log_row(self) -> dict[str, object]:
        return {
            "importId": self.import_id,
            "source": self.source,
            "requete": self.requete,
            "horodatage": now_iso(),
            "nbLus": self.read,
            "nbRetenus": self.kept,
            "nbFusionnes": self.merged,
            "nbRejetes": self.rejected,
            "sha256": self.sha256,
            "versionPlugin": __version__,
        }


@dataclass
class ImportSummary:
    """What one import did, per file or query, and where the GeoPackage is."""

    gpkg: Path
    results: list[SourceResult] = field(default_factory=list)
    occurrences_total: int = 0

    @property
    def read(self) -> int:
        return sum(r.read for r in self.results)

    @property
    def kept(self) -> int:
        return sum(r.kept for r in self.results)

    @property
    def merged(self) -> int:
        return sum(r.merged for r in self.results)

    @property
    def rejected(self) -> int:
        return sum(r.rejected for r in self.results)


def _cancel_function(cancel: CancelLike) -> Callable[[], bool]:
    if cancel is None:
        return lambda: False
    if isinstance(cancel, threading.Event):
        return cancel.is_set
    return cancel


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _default_reference() -> Reference:
    from bivalves_hdf.core.reference import load_reference

    return load_reference()


def _reference_frames(reference: Reference) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The Reference as the taxa and statuses tables of the GeoPackage."""
    taxa = []
    for taxon in reference.taxa:
        flags = reference.flags(taxon.cd_ref)
        taxa.append(
            {
                "cdNom": taxon.cd_nom,
                "cdRef": taxon.cd_ref,
                "nomScientifique": taxon.scientific_name,
                "autorite": taxon.authority,
                "nomVernaculaire": taxon.french_name,
                "famille": taxon.family,
                "milieu": "|".join(taxon.habitat),
                "origine": taxon.origin,
                "difficulteIdentification": taxon.id_difficulty,
                "synonymes": "|".join(taxon.synonyms),
                "codesVerifies": bool(taxon.codes_verified),
                "protege": bool(flags.protected),
                "listeRouge": flags.red_list,
                "directiveHabitats": flags.habitats_directive,
                "envahissant": bool(flags.invasive),
            }
        )
    statuses = [
        {
            "cdRef": status.cd_ref,
            "typeStatut": status.kind,
            "valeur": status.value,
            "zone": status.area,
            "libelle": status.label_fr,
            "texte": status.text_ref,
            "sourceStatut": status.source,
            "verifie": bool(status.verified),
        }
        for status in reference.statuses
    ]
    return pd.DataFrame(taxa), pd.DataFrame(statuses)


class _Importer:
    """Normalises batches of RawTables into an open GeoPackageUpdate and counts what became of rows."""

    def __init__(self, gpkg: GeoPackageUpdate, reference: Reference, derive_stations: bool = True):
        self.gpkg = gpkg
        self.reference = reference
        self.derive_stations = derive_stations  # Hub'Eau stations from the Hub'Eau tables

    def add(self, tables: Sequence[RawTable], result: SourceResult) -> None:
        read = sum(len(table) for table in tables)
        self.gpkg.check_cancel()
        self.add_batch(read, normalise(list(tables), self.reference), result)
        if self.derive_stations:
            self.gpkg.set_stations(stations_from_tables(tables, self.reference))

    def add_batch(self, read: int, batch: NormalisedBatch | PreparedBatch, result: SourceResult) -> None:
        """Store a normalised (or prepared) batch of `read` input rows and count what became of them."""
        if result.import_id is None:
            result.import_id = self.gpkg.next_import_id()
        self.gpkg.check_cancel()
        if isinstance(batch, PreparedBatch):
            added, merged_existing, rejected = self.gpkg.add_prepared(batch, result.import_id)
            kept = batch.occurrences
        else:
            added, merged_existing = self.gpkg.add_occurrences(batch.occurrences, batch.zones, result.import_id)
            rejected = self.gpkg.add_rejects(batch.rejects, result.import_id)
            kept = len(batch.occurrences)
        merged_in_batch = read - kept - rejected
        if merged_in_batch < 0:
            raise RuntimeError(f"rows lost: read {read}, kept {kept}, rejected {rejected}")
        result.add(read, added, merged_in_batch + merged_existing, rejected)


_SCAN_BLOCK = 4 * 1024 * 1024  # bytes scanned at a time for record ends


@dataclass(frozen=True)
class _Chunk:
    """Bytes `start`..`end` of a delimited file (whole records) and the number of records before them."""

    start: int
    end: int
    offset: int


def _text_header(path: Path) -> tuple[bytes, int]:
    """The header line (with the `//` mask line after it, SINP DEE v1.2.1) and where the records start."""
    with path.open("rb") as handle:
        header = handle.readline()
        position = handle.tell()
        second = handle.readline()
        if second.lstrip().startswith(b"//"):
            header += second
            position = handle.tell()
    return header, position


def _text_chunks(path: Path, chunk_rows: int) -> Iterator[_Chunk]:
    """Chunks of `chunk_rows` records of a delimited text file, found with numpy (the file is not
    parsed here). A record ends at a line break preceded by an even number of `"` since the first
    record, so quoted fields spanning lines stay whole; the last chunk takes whatever remains."""
    _, position = _text_header(path)
    size = path.stat().st_size
    chunk_start, chunk_offset = position, 0
    total = 0  # record ends before the current block
    odd = 0  # parity of the quotes before the current block
    with path.open("rb") as handle:
        handle.seek(position)
        base = position
        while True:
            block = handle.read(_SCAN_BLOCK)
            if not block:
                break
            data = np.frombuffer(block, dtype=np.uint8)
            breaks = np.flatnonzero(data == 10)
            if b'"' in block:
                quotes = np.flatnonzero(data == 34)
                ends = breaks[(np.searchsorted(quotes, breaks) + odd) % 2 == 0]
                odd = (odd + len(quotes)) % 2
            else:
                ends = breaks[:0] if odd else breaks
            for k in range((-total - 1) % chunk_rows, len(ends), chunk_rows):  # record total+k+1 closes one
                end = base + int(ends[k]) + 1
                yield _Chunk(chunk_start, end, chunk_offset)
                chunk_start, chunk_offset = end, total + k + 1
            total += len(ends)
            base += len(block)
    if chunk_start < size:
        yield _Chunk(chunk_start, size, chunk_offset)


def _write_chunk(path: Path, header: bytes, chunk: _Chunk, target: Path) -> Path:
    """A file holding the header lines and the records of one chunk."""
    with path.open("rb") as source, target.open("wb") as out:
        out.write(header if header.endswith(b"\n") else header + b"\n")
        source.seek(chunk.start)
        remaining = chunk.end - chunk.start
        while remaining > 0:
            block = source.read(min(remaining, _SCAN_BLOCK))
            if not block:
                break
            out.write(block)
            remaining -= len(block)
    return target


def _read_chunk(chunk: Path, name: str, offset: int) -> list[RawTable]:
    """The RawTables of one chunk file, row numbers shifted to those of the whole file."""
    tables = read_probe(Probe.open(chunk, name=name))
    for table in tables:
        table.frame[ROW] = pd.to_numeric(table.frame[ROW], errors="coerce") + offset
    return tables


def _read_text_chunk(path: Path, header: bytes, chunk: _Chunk, workdir: Path) -> list[RawTable]:
    text = _write_chunk(path, header, chunk, workdir / f"chunk{chunk.offset}{path.suffix}")
    try:
        return _read_chunk(text, str(path), chunk.offset)
    finally:
        text.unlink(missing_ok=True)


_WORKER_REFERENCE: list = []


def _start_method() -> str:
    """Fork where that is cheap and safe: on Linux (the modules and the Reference are already loaded; a
    worker never touches the parent's SQLite or GDAL handles) from the command line, whose only other
    thread is OpenBLAS's (fork-safe). A process with Python threads or a Qt/QGIS application (a test
    run, QGIS itself) uses a fork server instead: forking it may deadlock a child on a lock another
    thread held. Spawn elsewhere."""
    if not sys.platform.startswith("linux"):
        return "spawn"
    qt_loaded = any(name in sys.modules for name in _QT_MODULES)
    return "fork" if threading.active_count() == 1 and not qt_loaded else "forkserver"


_QT_MODULES = ("PyQt5.QtCore", "PyQt6.QtCore")  # looked up, never imported: core stays free of Qt


def _init_worker(reference: Reference) -> None:
    _WORKER_REFERENCE[:] = [reference]
    # A forked worker builds its own pyproj transformers (each with its PROJ context and proj.db
    # connection) rather than using those the parent may have cached before the fork.
    from bivalves_hdf.core import normaliser_geometry

    normaliser_geometry._transformer.cache_clear()


def _prepare_chunk(path: Path, header: bytes, chunk: _Chunk, workdir: Path) -> tuple[list[str], int, PreparedBatch]:
    """Worker process: read, normalise and write one chunk for `GeoPackageUpdate.add_prepared`
    (sources, rows read, prepared batch)."""
    tables = _read_text_chunk(path, header, chunk, workdir)
    sources, read = [t.source for t in tables], sum(len(t) for t in tables)
    batch = normalise(tables, _WORKER_REFERENCE[0])
    del tables
    target = workdir / f"batch{chunk.offset}.sqlite"
    return sources, read, prepare_batch(batch.occurrences, batch.zones, batch.rejects, target)


def is_chunked(path: Path, chunk_rows: int | None) -> bool:
    """Whether a file is read in chunks: delimited text above CHUNK_THRESHOLD_BYTES, or when asked."""
    return path.suffix.lower() in _TEXT_SUFFIXES and bool(chunk_rows or path.stat().st_size > CHUNK_THRESHOLD_BYTES)


def _normalised_chunks(
    path: Path, chunk_rows: int, reference: Reference, workers: int
) -> Iterator[tuple[list[str], int, NormalisedBatch | PreparedBatch]]:
    """(sources, rows read, batch) per chunk of a delimited file, in order. With workers > 1 the chunks
    are read, normalised and written to scratch SQLite files (PreparedBatch) in that many processes
    while the caller stores the previous ones."""
    header, _ = _text_header(path)
    with tempfile.TemporaryDirectory(prefix="bivalves-chunks-") as workdir:
        work = Path(workdir)
        if workers <= 1:
            for chunk in _text_chunks(path, chunk_rows):
                tables = _read_text_chunk(path, header, chunk, work)
                yield [t.source for t in tables], sum(len(t) for t in tables), normalise(tables, reference)
            return
        context = multiprocessing.get_context(_start_method())
        pool = ProcessPoolExecutor(workers, context, initializer=_init_worker, initargs=(reference,))
        try:
            pending: deque[Future] = deque()
            chunks = _text_chunks(path, chunk_rows)
            while True:
                for chunk in chunks:  # keep every worker busy, and one chunk more
                    pending.append(pool.submit(_prepare_chunk, path, header, chunk, work))
                    if len(pending) > workers:
                        break
                if not pending:
                    break
                sources, read, prepared = pending.popleft().result()
                try:
                    yield sources, read, prepared
                finally:
                    prepared.path.unlink(missing_ok=True)
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise
        pool.shutdown(wait=True)


def _report(progress: Progress | None, fraction: float, message: str) -> None:
    LOGGER.info(message)
    if progress is not None:
        progress(min(max(fraction, 0.0), 1.0), message)


def import_files(
    paths: Iterable[Path | str],
    out_gpkg: Path | str,
    reference: Reference | None = None,
    cancel: CancelLike = None,
    progress: Progress | None = None,
    chunk_rows: int | None = None,
    workers: int = 1,
) -> ImportSummary:
    """Import export files into `out_gpkg` (created, or updated in place atomically).

    A file whose sha256 is already in refresh_log is skipped; records already stored are merged.
    `cancel` (callable or threading.Event) is checked between steps: ImportCancelledError leaves the
    GeoPackage as it was. `progress(fraction, message)` reports advancement. Big delimited files
    (or any with `chunk_rows`) are read `chunk_rows` rows at a time; `workers` > 1 normalises those
    chunks in as many processes (command line only: inside QGIS, keep 1).
    """
    paths = [Path(p) for p in paths]
    for path in paths:
        if not path.is_file():
            raise BivalvesError(f"{path}: no such file")
    reference = reference or _default_reference()
    summary = ImportSummary(gpkg=Path(out_gpkg))
    with GeoPackageUpdate(out_gpkg, cancel=_cancel_function(cancel)) as gpkg:
        importer = _Importer(gpkg, reference)
        known = gpkg.imported_sha256()
        for number, path in enumerate(paths):
            _report(progress, number / (len(paths) + 1), f"reading {path.name}")
            sha = file_sha256(path)
            result = SourceResult(source="", requete=str(path), sha256=sha)
            summary.results.append(result)
            if sha in known:
                result.skipped = f"already imported on {known[sha]}"
                result.source = "-"
                continue
            sources: dict[str, None] = {}
            if is_chunked(path, chunk_rows):
                for chunk_sources, read, batch in _normalised_chunks(
                    path, chunk_rows or CHUNK_ROWS, reference, workers
                ):
                    sources.update(dict.fromkeys(chunk_sources))
                    importer.add_batch(read, batch, result)
                    _report(progress, (number + 0.5) / (len(paths) + 1), f"{path.name}: {result.read} rows read")
            else:
                tables = read_file(path)
                sources.update(dict.fromkeys(table.source for table in tables))
                importer.add(tables, result)
            result.source = ",".join(sources) or "-"
            gpkg.add_log(result.log_row())
            known[sha] = "this run"
        _finish(gpkg, reference, summary, progress)
    return summary


def import_tables(
    tables: Iterable[RawTable],
    out_gpkg: Path | str,
    log_entries: Sequence[LogEntry] | None = None,
    reference: Reference | None = None,
    cancel: CancelLike = None,
    progress: Progress | None = None,
    stations: pd.DataFrame | None = None,
) -> ImportSummary:
    """Import RawTables (e.g. fetched by the refresh) into `out_gpkg`.

    One refresh_log row per entry of `log_entries`: a table goes to the entry whose `requete` is
    the table's origin, else to the first entry of its source, else to the first entry. Without
    `log_entries`, one row per distinct (source, origin) of the tables. Tables are normalised one
    at a time, so a generator of pages keeps memory flat. `stations` (schema.STATION_COLUMNS + x,
    y) updates the Hub'Eau stations layer (else it is derived from the Hub'Eau tables).
    """
    reference = reference or _default_reference()
    summary = ImportSummary(gpkg=Path(out_gpkg))
    results: dict[tuple[str, str], SourceResult] = {}
    entries = list(log_entries or [])
    for entry in entries:
        result = SourceResult(source=entry.source, requete=entry.requete, sha256=entry.sha256)
        results[(entry.source, entry.requete)] = result
        summary.results.append(result)

    def result_for(table: RawTable) -> SourceResult:
        for (source, requete), result in results.items():
            if requete == table.origin and source == table.source:
                return result
        if entries:
            same_source = [r for (source, _), r in results.items() if source == table.source]
            return (same_source or summary.results)[0]
        key = (table.source, table.origin)
        if key not in results:
            results[key] = SourceResult(source=table.source, requete=table.origin)
            summary.results.append(results[key])
        return results[key]

    with GeoPackageUpdate(out_gpkg, cancel=_cancel_function(cancel)) as gpkg:
        importer = _Importer(gpkg, reference, derive_stations=stations is None)
        for number, table in enumerate(tables):
            _report(progress, 0.9 * number / (number + 1), f"{table.source}: {table.origin}")
            importer.add([table], result_for(table))
        gpkg.set_stations(stations)
        for result in summary.results:
            if result.import_id is None:
                result.import_id = gpkg.next_import_id()
            gpkg.add_log(result.log_row())
        _finish(gpkg, reference, summary, progress)
    return summary


def _finish(gpkg: GeoPackageUpdate, reference: Reference, summary: ImportSummary, progress: Progress | None) -> None:
    _report(progress, 0.9, "writing the GeoPackage")
    taxa, statuses = _reference_frames(reference)
    gpkg.set_reference(taxa, statuses)
    summary.occurrences_total = gpkg.count(schema.OCCURRENCES)
    gpkg.commit()
    _report(progress, 1.0, f"{summary.gpkg}: {summary.occurrences_total} occurrences")
