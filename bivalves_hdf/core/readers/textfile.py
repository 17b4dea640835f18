"""Delimited text files: encoding, delimiter and header sniffing, tolerant row parsing.

Encodings: UTF-8 with or without BOM, else cp1252 (ISO-8859-1 when cp1252 cannot decode).
The delimiter is the most frequent of tab, ';' and ',' in the header line. A second line
starting with `//` (the SINP DEE v1.2.1 date-mask line) is skipped. Rows with more fields than
the header are kept and marked in `_error`, never dropped.
"""

from __future__ import annotations

import codecs
import csv
import math
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import BivalvesError
from .base import Probe, RawTable, build_table

SPARE_FIELDS = 16  # extra columns that catch over-long rows with the fast parser
DELIMITERS = ("\t", ";", ",")


@dataclass(frozen=True)
class TextHeader:
    """What the first lines of a delimited text file tell: delimiter, columns, mask line."""

    delimiter: str
    columns: tuple[str, ...]
    mask_line: bool  # a `//` line after the header (SINP DEE v1.2.1)


def _header_lines(probe: Probe, encoding: str) -> list[str]:
    return re.split(r"\r\n|\r|\n", probe.head.decode(encoding, errors="replace"))[:2]


def sniff_header(probe: Probe) -> TextHeader | None:
    """The header of a delimited text file, or None if the file does not look like one."""
    if probe.is_json or b"\x00" in probe.head[:4096]:
        return None
    encoding = "utf-8-sig" if probe.head.startswith(codecs.BOM_UTF8) else "utf-8"
    try:
        probe.head[:4096].decode(encoding)
    except UnicodeDecodeError as exc:
        if exc.start < 4090:
            encoding = "cp1252"
    lines = _header_lines(probe, encoding)
    if not lines or not lines[0].strip():
        return None
    first = lines[0]
    delimiter = max(DELIMITERS, key=first.count)
    if first.count(delimiter) == 0:
        return None
    columns = tuple(next(csv.reader([first], delimiter=delimiter)))
    mask = len(lines) > 1 and lines[1].lstrip().startswith("//")
    return TextHeader(delimiter=delimiter, columns=columns, mask_line=mask)


def _encodings(probe: Probe) -> tuple[str, ...]:
    """Encodings to try in turn: the BOM is trusted; latin-1 decodes any byte."""
    if probe.head.startswith(codecs.BOM_UTF8):
        return ("utf-8-sig",)
    return ("utf-8", "cp1252", "latin-1")


def _unique(names: tuple[str, ...]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for name in names:
        name = name.strip() or "column"
        count = seen.get(name, 0)
        seen[name] = count + 1
        out.append(name if count == 0 else f"{name}.{count}")
    return out


def _fast_parse(path: Path, header: TextHeader, encoding: str, names: list[str], spare: int = 0) -> pd.DataFrame:
    """The C parser; rows longer than the header overflow into `spare` extra columns, else it fails.

    pandas only warns when the first row is the longer one (and drops its extra fields): that
    warning is turned into an error too.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("error", pd.errors.ParserWarning)
        return _read_csv(path, header, encoding, names + [f"_extra{i}" for i in range(spare)])


def _read_csv(path: Path, header: TextHeader, encoding: str, names: list[str]) -> pd.DataFrame:
    return pd.read_csv(
        path,
        sep=header.delimiter,
        header=None,
        names=names,
        skiprows=2 if header.mask_line else 1,
        dtype=str,
        keep_default_na=False,
        na_values=[""],
        encoding=encoding,
        engine="c",
        skip_blank_lines=True,
        quoting=csv.QUOTE_MINIMAL,
        index_col=False,
    )


def _slow_parse(path: Path, header: TextHeader, encoding: str, names: list[str]) -> pd.DataFrame:
    """Row-by-row parsing for files whose rows overflow the spare columns."""
    with path.open("r", encoding=encoding, newline="") as handle:
        rows = [row for row in csv.reader(handle, delimiter=header.delimiter) if row]
    rows = rows[2 if header.mask_line else 1 :]
    width = max([len(names), *(len(r) for r in rows)])
    spare = [f"_extra{i}" for i in range(width - len(names))]
    frame = pd.DataFrame(rows, columns=None, dtype=object)
    frame = frame.reindex(columns=range(width))
    frame.columns = names + spare
    return frame.where(frame.notna() & (frame != ""), math.nan)


def _parse(path: Path, header: TextHeader, encoding: str, names: list[str]) -> pd.DataFrame:
    try:
        return _fast_parse(path, header, encoding, names)
    except pd.errors.EmptyDataError:
        return pd.DataFrame(columns=names, dtype=object)
    except (pd.errors.ParserError, pd.errors.ParserWarning):  # a row longer than the header
        pass
    try:
        return _fast_parse(path, header, encoding, names, spare=SPARE_FIELDS)
    except (pd.errors.ParserError, pd.errors.ParserWarning):
        return _slow_parse(path, header, encoding, names)


def read_delimited(
    probe: Probe,
    header: TextHeader,
    source: str,
    fmt: str,
    add_columns: Callable[[pd.DataFrame], dict[str, Any]] | None = None,
) -> RawTable:
    """Parse a delimited file into a RawTable; BivalvesError when it cannot be parsed at all.

    `add_columns(frame)` computes additional canonical columns from the original columns.
    """
    names = _unique(header.columns)
    frame = None
    for encoding in _encodings(probe):
        try:
            frame = _parse(probe.path, header, encoding, names)
        except UnicodeDecodeError:
            continue
        except (ValueError, OSError, csv.Error) as exc:
            raise BivalvesError(f"{probe.name}: cannot read as {fmt} ({exc})") from exc
        break
    if frame is None:
        raise BivalvesError(f"{probe.name}: the byte order mark says UTF-8 but the text is not UTF-8")
    extra_columns = [c for c in frame.columns if c.startswith("_extra")]
    errors = pd.Series(math.nan, index=frame.index, dtype=object)
    bad = frame[extra_columns].notna().any(axis=1)
    if bad.any():
        last = frame[extra_columns].notna().to_numpy().cumsum(axis=1).argmax(axis=1) + 1
        counts = len(names) + pd.Series(last, index=frame.index)
        errors[bad] = "row has " + counts[bad].astype(str) + f" fields, the header has {len(names)}"
    frame = frame.drop(columns=[c for c in extra_columns if not frame[c].notna().any()])
    first_line = 3 if header.mask_line else 2
    rows = range(first_line, first_line + len(frame))
    added = add_columns(frame) if add_columns is not None else None
    return build_table(frame, source, probe.name, fmt, rows=rows, errors=errors, extra=added)
