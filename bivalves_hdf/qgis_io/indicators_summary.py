"""Indicators by territory: one PDF page per territory (Qt rich text), plus the layer and the CSV."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from html import escape
from pathlib import Path

from qgis.PyQt.QtCore import QMarginsF, QSizeF
from qgis.PyQt.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from bivalves_hdf.__about__ import __version__
from bivalves_hdf.core.indicators import (
    LIMITS,
    Territory,
    TerritoryIndicators,
    compute_indicators,
    read_territories,
    write_indicators_csv,
    write_indicators_gpkg,
)
from bivalves_hdf.core.report_content import sha256_of
from bivalves_hdf.qgis_io.compat import call_in_python_thread

# Headings are paragraphs: QTextDocument keeps its own sizes for <h1>/<h2> whatever the style sheet says.
H1 = "font-size:15pt; font-weight:bold; margin-bottom:6px"
H2 = "font-size:11pt; font-weight:bold; margin-top:10px; margin-bottom:4px"
STYLE = (
    "body{font-family:'DejaVu Sans';font-size:10pt} "
    "td,th{padding:2px 6px} th{background:#d9e2ec;text-align:left} .limits{font-size:8pt;color:#444}"
    ".foot{font-size:7pt;color:#666}"
)


@dataclass(frozen=True)
class IndicatorOutputs:
    gpkg: Path
    csv: Path
    pdf: Path
    results: tuple[TerritoryIndicators, ...]


def _list(items: tuple[str, ...]) -> str:
    return escape(", ".join(items)) if items else "aucun"


def territory_html(result: TerritoryIndicators, footer: str, new_page: bool = False) -> str:
    """One page: the figures of one territory, escaped (names come from the user's layer)."""
    decades = "".join(
        f"<tr><td>{'sans date' if d is None else f'{d}–{d + 9}'}</td><td align='right'>{n}</td></tr>"
        for d, n in result.records_by_decade.items()) or "<tr><td colspan='2'>aucune observation</td></tr>"
    share = f"{result.cells_with_data} / {result.cells} ({result.cell_share:.0%})" if result.cells else "—"
    rows = [
        ("Surface", f"{result.area_km2:g} km²"),
        ("Observations (présences)", str(result.records)),
        ("Absences notées", str(result.absences)),
        ("Taxons", f"{len(result.taxa)} : {_list(result.taxa)}"),
        ("Taxons protégés (arrêté du 23 avril 2007)", f"{len(result.protected_taxa)} : {_list(result.protected_taxa)}"),
        ("Taxons de la liste rouge France (CR, EN, VU, NT)",
         f"{len(result.red_list_taxa)} : {_list(result.red_list_taxa)}"),
        ("Taxons exotiques envahissants", f"{len(result.invasive_taxa)} : {_list(result.invasive_taxa)}"),
        ("Dernière année d'observation", str(result.last_year or "—")),
        ("Mailles 10 km du territoire avec données", share),
    ]
    table = "".join(f"<tr><th>{escape(k)}</th><td>{v}</td></tr>" for k, v in rows)
    limits = "".join(f"<li>{escape(limit)}</li>" for limit in LIMITS)
    brk = "; page-break-before: always" if new_page else ""
    return (f"<p style='{H1}{brk}'>Indicateurs bivalves — {escape(result.name)}</p>"
            f"<table cellspacing='0' border='1'>{table}</table>"
            f"<p style='{H2}'>Effort d'échantillonnage par décennie (observations)</p>"
            f"<table cellspacing='0' border='1'><tr><th>Décennie</th><th>Observations</th></tr>{decades}</table>"
            f"<p style='{H2}'>Limites des données</p><ul class='limits'>{limits}</ul>"
            f"<p class='foot'>{escape(footer)}</p>")


def write_summary_pdf(results: list[TerritoryIndicators], path: Path, footer: str) -> Path:
    """All territories in one PDF, one A4 page each."""
    html = "".join(territory_html(r, footer, new_page=index > 0) for index, r in enumerate(results))
    document = QTextDocument()
    document.setDefaultStyleSheet(STYLE)
    document.setHtml(f"<html><body>{html}</body></html>")
    writer = QPdfWriter(str(path))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    writer.setTitle("Indicateurs bivalves par territoire")
    writer.setResolution(96)  # the document lays out in screen points
    document.setPageSize(QSizeF(writer.width(), writer.height()))
    printer = getattr(document, "print_", None) or document.print  # PyQt5 / PyQt6
    printer(writer)
    return Path(path)


def summary_footer(data_path: Path, extracted_at: datetime | None = None) -> str:
    """Computation time, plugin version, data file and its SHA-256."""
    when = (extracted_at or datetime.now(timezone.utc)).astimezone(timezone.utc).replace(microsecond=0)
    return (f"Calcul du {when:%Y-%m-%d %H:%M} UTC — Bivalves Hauts-de-France {__version__} — données : "
            f"{Path(data_path).name}, SHA-256 {sha256_of(data_path)}")


def build_indicators(data_path: Path, territories: list[Territory] | Path, out_dir: Path,
                     extracted_at: datetime | None = None) -> IndicatorOutputs:
    """indicateurs.gpkg, indicateurs.csv and indicateurs.pdf in out_dir (territories: list or vector file)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if not isinstance(territories, list):
        territories = read_territories(territories)
    # in a Python-made thread (pyproj 3.7 crashes on reused QGIS worker threads); the PDF stays on this one
    results = call_in_python_thread(compute_indicators, data_path, territories)
    footer = summary_footer(data_path, extracted_at)
    return IndicatorOutputs(
        gpkg=write_indicators_gpkg(results, out_dir / "indicateurs.gpkg"),
        csv=write_indicators_csv(results, out_dir / "indicateurs.csv"),
        pdf=write_summary_pdf(results, out_dir / "indicateurs.pdf", footer),
        results=tuple(results),
    )
