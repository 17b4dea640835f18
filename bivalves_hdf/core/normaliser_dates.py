"""Vectorised date parsing: ISO (with time or as a GBIF 'a/b' interval), dd/mm/yyyy, epoch
milliseconds (OpenObs biocache), partial dates (a year or year-month spans its whole period)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

_EPOCH_MS = r"^-?\d{9,13}$"  # 1970-01-02 onwards (and negative: before 1970)
_DMY = r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:$|[ T])"
_ISO = r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:$|[ T])"
_INTERVAL = r"^(\d{4}[^/]*)/(\d{4}.*)$"
TIMEZONE = "Europe/Paris"


@dataclass
class ParsedDates:
    """Start and end (datetime64, NaT when absent) and the cells that held an unreadable date."""

    start: pd.Series
    end: pd.Series
    unreadable: pd.Series


def _from_parts(year: pd.Series, month: pd.Series, day: pd.Series) -> pd.Series:
    parts = pd.DataFrame({"year": year, "month": month, "day": day}).apply(pd.to_numeric, errors="coerce")
    # Years pandas cannot hold only need to fail the plausibility checks (before 1750, future).
    parts["year"] = parts["year"].clip(lower=1700, upper=2200)
    valid = parts.notna().all(axis=1)
    out = pd.Series(pd.NaT, index=year.index, dtype="datetime64[ns]")
    if valid.any():
        out[valid] = pd.to_datetime(parts[valid].astype("int64"), errors="coerce")
    return out


def _parse_text(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """(start, end) of each date text; partial ISO dates span their period, NaT if unreadable."""
    start = pd.Series(pd.NaT, index=text.index, dtype="datetime64[ns]")
    end = start.copy()
    epoch = text.str.match(_EPOCH_MS, na=False)
    if epoch.any():
        stamps = pd.to_datetime(pd.to_numeric(text[epoch]), unit="ms", utc=True, errors="coerce")
        local = stamps.dt.tz_convert(TIMEZONE).dt.tz_localize(None).dt.normalize()
        start[epoch] = local
        end[epoch] = local
    dmy = text.str.extract(_DMY)
    has_dmy = dmy[0].notna() & ~epoch
    if has_dmy.any():
        value = _from_parts(dmy.loc[has_dmy, 2], dmy.loc[has_dmy, 1], dmy.loc[has_dmy, 0])
        start[has_dmy] = value
        end[has_dmy] = value
    iso = text.str.extract(_ISO)
    has_iso = iso[0].notna() & ~epoch & ~has_dmy
    if has_iso.any():
        year, month, day = iso.loc[has_iso, 0], iso.loc[has_iso, 1], iso.loc[has_iso, 2]
        start[has_iso] = _from_parts(year, month.fillna("1"), day.fillna("1"))
        period_end = _from_parts(year, month.fillna("12"), pd.Series("1", index=year.index))
        month_end = period_end + pd.offsets.MonthEnd(0)
        end[has_iso] = month_end.where(day.isna(), start[has_iso])
    return start, end


def _ymd_text(year: pd.Series, month: pd.Series | None, day: pd.Series | None, rows: pd.Series) -> pd.Series:
    """'yyyy[-mm[-dd]]' from GBIF year, month and day columns."""
    text = year[rows].astype(str).str.strip()
    if month is None:
        return text
    months = month[rows]
    text = text.where(months.isna(), text + "-" + months.astype(str).str.strip())
    if day is None:
        return text
    days = day[rows]
    return text.where(months.isna() | days.isna(), text + "-" + days.astype(str).str.strip())


def parse_dates(
    start_text: pd.Series,
    end_text: pd.Series | None = None,
    year: pd.Series | None = None,
    month: pd.Series | None = None,
    day: pd.Series | None = None,
) -> ParsedDates:
    """Parse the start and end columns (and GBIF year/month/day when the start is empty)."""
    start_text = start_text.astype(object).where(start_text.notna(), None).str.strip()
    interval = start_text.str.extract(_INTERVAL)
    is_interval = interval[0].notna()
    first = start_text.where(~is_interval, interval[0])
    start, implied_end = _parse_text(first)
    unreadable = first.notna() & (first != "") & start.isna()
    if is_interval.any():
        _, second_end = _parse_text(interval[1].where(is_interval))
        implied_end = implied_end.where(~is_interval, second_end)
        unreadable |= is_interval & second_end.isna()
    if year is not None:
        missing = start.isna() & ~unreadable & year.notna()
        if missing.any():
            filled, filled_end = _parse_text(_ymd_text(year, month, day, missing))
            start[missing] = filled
            implied_end[missing] = filled_end
    end = implied_end
    if end_text is not None:
        end_text = end_text.astype(object).where(end_text.notna(), None).str.strip()
        _, given_end = _parse_text(end_text)
        has_end = end_text.notna() & (end_text != "")
        unreadable |= has_end & given_end.isna()
        end = given_end.where(has_end, implied_end)
    return ParsedDates(start=start, end=end, unreadable=unreadable)
