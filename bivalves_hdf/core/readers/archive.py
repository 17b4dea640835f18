"""Zip archives: every member in a known format is read (nested archives included).

Members are copied one at a time to a temporary folder under a safe name, never extracted
with their archive paths. Metadata members (GBIF/DwC-A `meta.xml`, `rights.txt`...) are skipped.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

from ..errors import BivalvesError
from .base import Probe, RawTable, detect

DATA_SUFFIXES = {".csv", ".tsv", ".txt", ".json", ".geojson"}
SKIPPED_NAMES = {"rights.txt", "citations.txt", "verbatim.txt", "multimedia.txt", "readme.txt", "metadata.json"}
MAX_DEPTH = 3
LOGGER = logging.getLogger("bivalves_hdf.readers.archive")


def sniff(probe: Probe) -> bool:
    return probe.head.startswith(b"PK\x03\x04") or probe.head.startswith(b"PK\x05\x06")


def _wanted(info: zipfile.ZipInfo) -> bool:
    name = PurePosixPath(info.filename)
    if info.is_dir() or name.name.startswith((".", "__MACOSX")) or "__MACOSX" in name.parts:
        return False
    suffix = name.suffix.lower()
    return (suffix in DATA_SUFFIXES and name.name.lower() not in SKIPPED_NAMES) or suffix == ".zip"


def read(probe: Probe, depth: int = 0) -> list[RawTable]:
    if depth >= MAX_DEPTH:
        raise BivalvesError(f"{probe.name}: zip archives nested too deeply")
    try:
        archive = zipfile.ZipFile(probe.path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise BivalvesError(f"{probe.name}: not a readable zip archive ({exc})") from exc
    tables: list[RawTable] = []
    with archive, tempfile.TemporaryDirectory(prefix="bivalves_zip_") as tmp:
        members = [info for info in archive.infolist() if _wanted(info)]
        for index, info in enumerate(members):
            target = Path(tmp) / f"member{index}{PurePosixPath(info.filename).suffix.lower()}"
            try:
                with archive.open(info) as src, target.open("wb") as dst:
                    shutil.copyfileobj(src, dst)
            except (zipfile.BadZipFile, OSError, RuntimeError) as exc:
                raise BivalvesError(f"{probe.name}: cannot extract {info.filename} ({exc})") from exc
            member = Probe.open(target, name=f"{probe.name}!{info.filename}")
            if sniff(member):
                tables.extend(read(member, depth + 1))
            elif member.head and (module := detect(member)) is not None:
                tables.extend(module.read(member))
            else:
                LOGGER.warning("%s: skipped (empty or not an export in a known format)", member.name)
            target.unlink()
    if not tables:
        raise BivalvesError(f"{probe.name}: the zip archive holds no export in a known format")
    return tables
