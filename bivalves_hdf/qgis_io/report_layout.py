"""The "Extraction pour procédure" PDF: a QGIS print layout (A4) built from a ReportContent.

Every piece of text that comes from the data goes into table cells (plain text, never HTML, never
expressions); labels only hold fixed text, numbers, dates and hashes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsBasicNumericFormat,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsField,
    QgsFillSymbol,
    QgsGeometry,
    QgsLayerTree,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutMultiFrame,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsLayoutUtils,
    QgsLegendStyle,
    QgsMarkerSymbol,
    QgsPrintLayout,
    QgsProject,
    QgsRectangle,
    QgsRenderContext,
    QgsSingleSymbolRenderer,
    QgsTableCell,
    QgsTextFormat,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor, QFont

from bivalves_hdf.core import schema, status_class
from bivalves_hdf.core.errors import BivalvesError
from bivalves_hdf.core.perimeter import perimeter_from_file
from bivalves_hdf.core.report_content import ReportContent, ReportRecord, ReportRequest, build_report_content
from bivalves_hdf.core.report_export import write_csv, write_gpkg
from bivalves_hdf.paths import DEMO_DIR, STYLES_DIR
from bivalves_hdf.qgis_io.compat import (
    DISTANCE_METERS,
    FIELD_INT,
    FIELD_STRING,
    RENDER_POINTS,
    call_in_python_thread,
    set_legend_style_font,
)

MARGIN = 12.0
FOOTER = 16.0  # height kept free at the bottom of each page
LEGEND_HEIGHT = 42.0
OVERVIEW_WIDTH = 48.0
FONT = "DejaVu Sans"
GREY = QColor("#555555")
ABSENCE_FILL = QColor("#e6e6e6")
DEAD_FILL = QColor("#fff2cc")
PROTECTED_FILL = QColor("#f4cccc")
HEADER_FILL = QColor("#d9e2ec")
CHAR_WIDTH_MM_PER_PT = 0.23  # widest DejaVu Sans glyphs of ids (digits, a-f): about 0.64 em


@dataclass(frozen=True)
class ReportOutputs:
    pdf: Path
    gpkg: Path
    csv: Path


# --- small builders -----------------------------------------------------------------------------
def _text_format(size: float, bold: bool = False, color: QColor | None = None) -> QgsTextFormat:
    text_format = QgsTextFormat()
    font = QFont(FONT)
    font.setBold(bold)
    text_format.setFont(font)
    text_format.setSize(size)
    text_format.setSizeUnit(RENDER_POINTS)
    text_format.setColor(color or QColor("#000000"))
    return text_format


def _label(layout, text: str, page: int, x: float, y: float, width: float, height: float, size: float = 9,
           bold: bool = False, color: QColor | None = None) -> QgsLayoutItemLabel:
    """A plain-text label; '[%' is broken so the layout never evaluates it as an expression."""
    label = QgsLayoutItemLabel(layout)
    label.setText(text.replace("[%", "[\u200b%"))
    if hasattr(label, "setTextFormat"):  # QGIS >= 3.24
        label.setTextFormat(_text_format(size, bold, color))
    else:
        font = QFont(FONT)
        font.setPointSizeF(size)
        font.setBold(bold)
        label.setFont(font)
        label.setFontColor(color or QColor("#000000"))
    layout.addLayoutItem(label)
    label.attemptResize(QgsLayoutSize(width, height))
    label.attemptMove(QgsLayoutPoint(x, y), page=page)
    return label


def _cell(text: str, fill: QColor | None = None, bold: bool = False, size: float = 7) -> QgsTableCell:
    cell = QgsTableCell(text)
    if fill is not None:
        cell.setBackgroundColor(fill)
    if bold:
        cell.setTextFormat(_text_format(size, bold=True))
    return cell


def _table(layout, headers: list[str], shares: list[float], rows: list[list[QgsTableCell]], width: float,
           size: float = 7, grid: bool = True) -> QgsLayoutItemManualTable:
    """A manual table whose columns share `width` (mm); long text wraps inside its column."""
    table = QgsLayoutItemManualTable.create(layout)
    layout.addMultiFrame(table)
    margin = 0.8
    usable = width - len(shares) * (2 * margin + 0.2) - 0.5
    total = sum(shares)
    widths = [usable * share / total for share in shares]
    table.setCellMargin(margin)
    table.setColumnWidths(widths)
    table.setWrapBehavior(QgsLayoutTable.WrapBehavior.WrapText)
    table.setShowGrid(grid)
    table.setGridStrokeWidth(0.1)
    table.setGridColor(QColor("#888888"))
    table.setContentTextFormat(_text_format(size))
    table.setHeaderTextFormat(_text_format(size, bold=True))
    table.setHeaderMode(QgsLayoutTable.HeaderMode.AllFrames)
    if headers:
        table.setIncludeTableHeader(True)
        table.setHeaders([QgsLayoutTableColumn(h) for h in headers])
    else:
        table.setIncludeTableHeader(False)
    for row in rows:  # long tokens (UUIDs) cannot wrap at spaces: give them break points
        for cell, column_width in zip(row, widths):
            text = str(cell.content() or "")
            capacity = max(6, int(column_width / (size * CHAR_WIDTH_MM_PER_PT)))
            if len(text) > capacity:
                cell.setContent(break_long_tokens(text, capacity))
    table.setTableContents(rows)
    return table


def break_long_tokens(text: str, capacity: int) -> str:
    """Split words longer than `capacity` characters over lines, after a '-', '_', '/' or ':' when possible.

    `capacity` counts the widest glyphs (digits of identifiers); a plain word of letters, narrower, may
    run a quarter longer and is hyphenated when it must be cut.
    """
    lines = []
    for line in text.split("\n"):
        words = []
        for word in line.split(" "):
            letters = word.isalpha()
            limit = capacity + capacity // 4 if letters else capacity
            while len(word) > limit:
                cut = max(word.rfind(sep, 0, limit) for sep in "-_/:")
                cut = cut + 1 if cut > 0 else limit - 1 if letters else limit
                words.append(word[:cut] + ("-\n" if letters else "\n"))
                word = word[cut:]
            words.append(word)
        lines.append(" ".join(words).replace("\n ", "\n"))
    return "\n".join(lines)


class _Flow:
    """Places headings and tables one after the other, adding pages as needed."""

    def __init__(self, layout: QgsPrintLayout) -> None:
        self.layout = layout
        self.page = -1
        self.y = 0.0
        self.height = 0.0
        self.width = 0.0

    def new_page(self, landscape: bool = False) -> None:
        page = QgsLayoutItemPage(self.layout)
        orientation = QgsLayoutItemPage.Orientation.Landscape if landscape else QgsLayoutItemPage.Orientation.Portrait
        page.setPageSize("A4", orientation)
        self.layout.pageCollection().addPage(page)
        self.page = self.layout.pageCollection().pageCount() - 1
        size = page.pageSize()
        self.width, self.height = size.width() - 2 * MARGIN, size.height()
        self.y = MARGIN

    @property
    def bottom(self) -> float:
        return self.height - FOOTER

    def heading(self, text: str, size: float = 12) -> None:
        if self.y + 25 > self.bottom:
            self.new_page(self.width > 200)
        _label(self.layout, text, self.page, MARGIN, self.y, self.width, 7, size=size, bold=True)
        self.y += 7.5

    def paragraph(self, text: str, size: float = 8, color: QColor | None = None, lines: int = 1) -> None:
        height = 4.0 * lines
        if self.y + height > self.bottom:
            self.new_page(self.width > 200)
        _label(self.layout, text, self.page, MARGIN, self.y, self.width, height, size=size, color=color)
        self.y += height + 1

    def table(self, table: QgsLayoutItemManualTable) -> None:
        """Put the table here if it fits, else from here (or a new page) over as many pages as needed."""
        if _content_height(table, self.bottom - self.y) is None and self.bottom - self.y < 40:
            self.new_page(self.width > 200)
        height = _content_height(table, self.bottom - self.y)
        frame = QgsLayoutFrame(self.layout, table)
        frame.attemptResize(QgsLayoutSize(self.width, (height or self.bottom - self.y) + 0.5))
        frame.attemptMove(QgsLayoutPoint(MARGIN, self.y), page=self.page)
        table.addFrame(frame)
        if height is not None:
            self.y += height + 4
            return
        table.setResizeMode(QgsLayoutMultiFrame.ResizeMode.RepeatUntilFinished)
        table.recalculateFrameSizes()
        for later in table.frames()[1:]:  # continuation frames use the whole page
            later.attemptResize(QgsLayoutSize(self.width, self.bottom - MARGIN))
            later.attemptMove(QgsLayoutPoint(MARGIN, MARGIN), page=later.page())
        table.recalculateFrameSizes()
        frames = table.frames()
        shown = 0
        context = QgsLayoutUtils.createRenderContextForLayout(self.layout, None)
        for previous in frames[:-1]:
            shown += table.rowsVisible(context, previous.rect().height(), shown, True, False)
        last = frames[-1]
        remaining = _content_height(table, last.rect().height(), first_row=shown) or last.rect().height()
        last.attemptResize(QgsLayoutSize(self.width, remaining + 0.5))
        self.page = last.page()
        self.y = last.pagePos().y() + remaining + 4


def _content_height(table: QgsLayoutItemManualTable, available: float, first_row: int = 0) -> float | None:
    """Height (mm) the rows from `first_row` need, or None when they do not fit in `available`."""
    context = QgsLayoutUtils.createRenderContextForLayout(table.layout(), None)
    header = table.includeTableHeader()
    wanted = len(table.tableContents()) - first_row
    if table.rowsVisible(context, available, first_row, header, False) < wanted:
        return None
    low, high = 0.0, available
    while high - low > 0.25:
        middle = (low + high) / 2
        if table.rowsVisible(context, middle, first_row, header, False) >= wanted:
            high = middle
        else:
            low = middle
    return high


# --- map layers -----------------------------------------------------------------------------------
_RECORD_FIELDS = (("identifiant", FIELD_STRING), ("taxon", FIELD_STRING), ("estAbsence", FIELD_INT),
                  ("estCoquilleMorte", FIELD_INT), ("protege", FIELD_INT), ("listeRouge", FIELD_STRING),
                  ("envahissant", FIELD_INT), ("origine", FIELD_STRING), (status_class.COLUMN, FIELD_INT))


def _memory_layer(geometry: str, name: str, fields) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{geometry}?crs=EPSG:{schema.CRS_EPSG}", name, "memory")
    layer.dataProvider().addAttributes([QgsField(n, t) for n, t in fields])
    layer.updateFields()
    return layer


def _record_values(record: ReportRecord) -> list:
    """The attributes the occurrences style reads, its status class included."""
    return [record.identifier, record.taxon, int(record.is_absence), int(record.is_dead_shell), int(record.protected),
            record.red_list, int(record.invasive), record.origin,
            status_class.status_class(record.is_absence, record.is_dead_shell, record.protected, record.red_list,
                                      record.invasive, record.origin)]


def records_layer(content: ReportContent) -> QgsVectorLayer:
    """The records drawn as points, styled with data/styles/occurrences.qml (simple marker if missing)."""
    layer = _memory_layer("Point", "Observations", _RECORD_FIELDS)
    features = []
    for record in content.records:
        if record.point_wkt and not record.zone_wkt:
            feature = QgsFeature(layer.fields())
            feature.setAttributes(_record_values(record))
            feature.setGeometry(QgsGeometry.fromWkt(record.point_wkt))
            features.append(feature)
    layer.dataProvider().addFeatures(features)
    style = STYLES_DIR / "occurrences.qml"
    loaded = style.is_file() and layer.loadNamedStyle(str(style))[1]
    if not loaded:
        layer.setRenderer(QgsSingleSymbolRenderer(QgsMarkerSymbol.createSimple(
            {"name": "circle", "color": "#c0392b", "outline_color": "#ffffff", "size": "2.4"})))
    return layer


def zones_layer(content: ReportContent) -> QgsVectorLayer:
    """Records located by a zone (commune, 10 km cell, blurred polygon) or degraded for sensitivity."""
    layer = _memory_layer("MultiPolygon", "Observations localisées à une zone", _RECORD_FIELDS)
    features = []
    for record in content.records:
        if record.zone_wkt:
            feature = QgsFeature(layer.fields())
            feature.setAttributes(_record_values(record))
            feature.setGeometry(QgsGeometry.fromWkt(record.zone_wkt))
            features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": "230,126,34,18", "outline_color": "#e67e22", "outline_width": "0.35", "outline_style": "dash"})))
    return layer


def perimeter_layer(content: ReportContent, buffered: bool) -> QgsVectorLayer:
    name = f"Zone tampon ({content.buffer_m:g} m)" if buffered else "Périmètre"
    layer = _memory_layer("MultiPolygon", name, ())
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromWkt(content.area_wkt if buffered else content.perimeter_wkt))
    layer.dataProvider().addFeatures([feature])
    style = ({"color": "0,0,0,0", "outline_color": "#1f4e79", "outline_width": "0.4", "outline_style": "dot"}
             if buffered else {"color": "31,78,121,25", "outline_color": "#1f4e79", "outline_width": "0.7"})
    layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(style)))
    return layer


def context_layer(data_path: Path) -> QgsVectorLayer | None:
    """All the records of the data file, as small grey dots, for the overview map."""
    layer = QgsVectorLayer(f"{data_path}|layername={schema.OCCURRENCES}", "Toutes les observations", "ogr")
    if not layer.isValid():
        return None
    layer.setRenderer(QgsSingleSymbolRenderer(QgsMarkerSymbol.createSimple(
        {"name": "circle", "color": "#9e9e9e", "outline_style": "no", "size": "1.0"})))
    return layer


# --- layout -----------------------------------------------------------------------------------------
def _fmt_date(iso: str) -> str:
    return f"{iso[8:10]}/{iso[5:7]}/{iso[0:4]}" if len(iso) >= 10 else iso


def _parameters(content: ReportContent) -> list[tuple[str, str]]:
    period = "toutes dates"
    if content.since or content.until:
        start = _fmt_date(content.since) if content.since else "…"
        period = f"du {start} au {_fmt_date(content.until) if content.until else '…'}"
    counts = content.counts
    return [
        ("Périmètre", content.perimeter_label),
        ("Zone tampon", f"{content.buffer_m:g} m" if content.buffer_m else "aucune"),
        ("Période", period),
        ("Données sensibles", "diffusées au mieux à la précision « "
         + schema.CLASSE_PRECISION.get(content.sensitive_precision, content.sensitive_precision) + " »"),
        ("Résultat", f"{counts['records']} observation(s) dont {counts['absences']} absence(s) et "
         f"{counts['dead_shells']} coquille(s) vide(s) ; {counts['taxa']} taxon(s) présent(s), dont "
         f"{sum(1 for t in content.taxa if t.protected)} protégé(s)"),
        ("Fichier de données", f"{content.data_file} — {content.data_version}"),
        ("Empreinte SHA-256", content.data_sha256),
        ("Extraction", f"{content.extracted_at.replace('T', ' ').replace('Z', ' UTC')} — module Bivalves "
         f"Hauts-de-France {content.plugin_version}"),
    ]


def _north_arrow_path() -> str:
    for folder in QgsApplication.svgPaths():
        candidate = Path(folder) / "arrows" / "NorthArrow_02.svg"
        if candidate.is_file():
            return str(candidate)
    return ""


def _map_extent(content: ReportContent, factor: float, minimum: float) -> QgsRectangle:
    area = QgsGeometry.fromWkt(content.area_wkt).boundingBox()
    extent = QgsRectangle(area)
    for record in content.records:
        if record.zone_wkt and not record.degraded:
            extent.combineExtentWith(QgsGeometry.fromWkt(record.zone_wkt).boundingBox())
    limit = QgsRectangle(area)
    limit.scale(3)  # a department-wide zone must not shrink the perimeter to a dot
    extent = extent.intersect(limit)
    center = extent.center()
    half_w = max(extent.width() * factor, minimum) / 2
    half_h = max(extent.height() * factor, minimum) / 2
    return QgsRectangle(center.x() - half_w, center.y() - half_h, center.x() + half_w, center.y() + half_h)


def _maps_page(layout, flow: _Flow, content: ReportContent, layers: dict) -> None:
    top, bottom = flow.y + 2, flow.bottom - LEGEND_HEIGHT - 4
    detail = QgsLayoutItemMap(layout)
    detail.setCrs(QgsCoordinateReferenceSystem(f"EPSG:{schema.CRS_EPSG}"))
    detail.setLayers([layers["records"], layers["zones"], layers["perimeter"], layers["buffer"]])
    detail.setFrameEnabled(True)
    layout.addLayoutItem(detail)
    detail.attemptResize(QgsLayoutSize(flow.width, bottom - top))
    detail.attemptMove(QgsLayoutPoint(MARGIN, top), page=flow.page)
    detail.zoomToExtent(_map_extent(content, 1.15, 1500))
    detail.setId("carte_detail")

    overview = QgsLayoutItemMap(layout)
    overview.setCrs(QgsCoordinateReferenceSystem(f"EPSG:{schema.CRS_EPSG}"))
    overview.setLayers([layer for layer in (layers["perimeter"], layers.get("context")) if layer is not None])
    overview.setFrameEnabled(True)
    overview.setBackgroundColor(QColor("#ffffff"))
    layout.addLayoutItem(overview)
    overview.attemptResize(QgsLayoutSize(OVERVIEW_WIDTH, LEGEND_HEIGHT))
    overview.attemptMove(QgsLayoutPoint(MARGIN + flow.width - OVERVIEW_WIDTH, bottom + 3), page=flow.page)
    overview.zoomToExtent(_map_extent(content, 10, 40_000))
    overview.overview().setLinkedMap(detail)
    overview.setId("carte_situation")

    scale = QgsLayoutItemScaleBar(layout)
    scale.setLinkedMap(detail)
    scale.setStyle("Single Box")
    scale.setUnits(DISTANCE_METERS)
    scale.setUnitLabel("m")
    number_format = QgsBasicNumericFormat()
    number_format.setShowThousandsSeparator(True)
    number_format.setThousandsSeparator("\u202f")
    number_format.setNumberDecimalPlaces(0)
    scale.setNumericFormat(number_format)
    scale.setTextFormat(_text_format(7))
    scale.setNumberOfSegments(2)
    scale.setNumberOfSegmentsLeft(0)
    scale.setBackgroundEnabled(True)
    scale.setBackgroundColor(QColor(255, 255, 255, 210))
    layout.addLayoutItem(scale)
    scale.applyDefaultSize()
    scale.attemptMove(QgsLayoutPoint(MARGIN + 3, bottom - 12), page=flow.page)

    arrow_path = _north_arrow_path()
    if arrow_path:
        arrow = QgsLayoutItemPicture(layout)
        arrow.setPicturePath(arrow_path)
        arrow.setLinkedMap(detail)
        layout.addLayoutItem(arrow)
        arrow.attemptResize(QgsLayoutSize(10, 14))
        arrow.attemptMove(QgsLayoutPoint(MARGIN + flow.width - 14, top + 3), page=flow.page)
    else:
        _label(layout, "N ↑", flow.page, MARGIN + flow.width - 14, top + 3, 10, 8, size=12, bold=True)

    legend = QgsLayoutItemLegend(layout)
    legend.setTitle("Légende")
    legend.setAutoUpdateModel(False)
    root = QgsLayerTree()
    for key in ("perimeter", "buffer", "records", "zones"):
        root.addLayer(layers[key])
    legend.model().setRootGroup(root)
    legend.setLinkedMap(detail)
    legend.setLegendFilterByMapEnabled(True)
    legend.setColumnCount(2)
    legend.setSplitLayer(True)
    legend.setSymbolHeight(3)
    legend.setSymbolWidth(5)
    for style, size, bold in ((QgsLegendStyle.Style.Title, 9, True), (QgsLegendStyle.Style.Group, 7.5, True),
                              (QgsLegendStyle.Style.Subgroup, 7.5, True), (QgsLegendStyle.Style.SymbolLabel, 7, False)):
        font = QFont(FONT)
        font.setPointSizeF(size)
        font.setBold(bold)
        set_legend_style_font(legend.rstyle(style), font)
    layout.addLayoutItem(legend)
    legend.attemptMove(QgsLayoutPoint(MARGIN, bottom + 2), page=flow.page)
    legend.attemptResize(QgsLayoutSize(flow.width - OVERVIEW_WIDTH - 3, LEGEND_HEIGHT))
    legend.setResizeToContents(False)
    layers["_legend_root"] = root  # the legend model does not own its root
    flow.y = flow.bottom


def _taxa_rows(content: ReportContent) -> list[list[QgsTableCell]]:
    rows = []
    for taxon in content.taxa:
        fill = PROTECTED_FILL if taxon.protected else None
        texts = " ; ".join(t.reference for t in content.texts if t.id in taxon.text_ids)
        rows.append([
            _cell(taxon.name, fill, bold=taxon.protected),
            _cell(taxon.french_name, fill),
            _cell(str(taxon.records), fill),
            _cell(str(taxon.dead_shells), fill),
            _cell(str(taxon.last_year or ""), fill),
            _cell("\n".join(taxon.statuses) or "aucun statut", fill),
            _cell(texts or "—", fill),
        ])
    return rows or [[_cell("Aucun taxon présent dans le périmètre pour ces paramètres.")] + [_cell("")] * 6]


def _texts_rows(content: ReportContent) -> list[list[QgsTableCell]]:
    return [[_cell(f"{t.title}\nsource : {urlsplit(t.source_url).netloc}"), _cell(t.summary_fr),
             _cell(f"{_fmt_date(t.version_date.isoformat())}\n{t.version_note}"),
             _cell("lu en entier" if t.verified else "partiel ou indirect")] for t in content.texts]


def _record_rows(content: ReportContent) -> list[list[QgsTableCell]]:
    rows = []
    for r in content.records:
        fill = ABSENCE_FILL if r.is_absence else DEAD_FILL if r.is_dead_shell else None
        state = r.state + (" (tampon)" if r.in_buffer_only else "")
        where = r.location + (f"\nX {r.x:.0f} Y {r.y:.0f}" if r.x is not None else "")
        rows.append([_cell(r.identifier, fill), _cell(r.taxon, fill, bold=r.protected), _cell(r.date, fill),
                     _cell(state, fill), _cell(r.count, fill), _cell(r.observer, fill), _cell(r.organisation, fill),
                     _cell(f"{r.source}\n{r.dataset}", fill), _cell(r.validation, fill),
                     _cell(_short_precision(r), fill), _cell(_short_sensitivity(r.sensitivity), fill),
                     _cell(where, fill)])
    return rows or [[_cell("Aucune observation.")] + [_cell("")] * 11]


SHORT_SENSITIVITY = {"0": "0 non sensible", "1": "1 commune", "2": "2 maille 10 km", "3": "3 département",
                     "4": "4 aucune diffusion"}


SHORT_PRECISION = {"precise": "point", "approchee": "point approché", "commune": "commune", "maille": "maille 10 km",
                   "floutee": "polygone flouté", "departement": "département"}


def _short_precision(record: ReportRecord) -> str:
    text = SHORT_PRECISION.get(record.shown_precision, record.precision)
    if record.degraded:
        return f"{text} (donnée sensible)"
    return f"{text}, {record.precision_m} m" if record.precision_m is not None and record.x is not None else text


def _short_sensitivity(label: str) -> str:
    code = label.split(" ", 1)[0]
    return SHORT_SENSITIVITY.get(code, label)


def _footers(layout, content: ReportContent) -> None:
    pages = layout.pageCollection()
    count = pages.pageCount()
    for index in range(count):
        size = pages.page(index).pageSize()
        width = size.width() - 2 * MARGIN
        y = size.height() - FOOTER + 3
        text = (f"Extraction du {content.extracted_at.replace('T', ' ').replace('Z', ' UTC')} — Bivalves "
                f"Hauts-de-France {content.plugin_version} — données : {content.data_file}\n"
                f"SHA-256 du fichier de données : {content.data_sha256}\n"
                "Document de travail : connaissances disponibles, pas une preuve d'infraction. Vérifier les textes "
                "sur Légifrance.")
        _label(layout, text, index, MARGIN, y, width - 22, 10, size=6, color=GREY)
        _label(layout, f"Page {index + 1} / {count}", index, MARGIN + width - 20, y, 20, 4, size=7, color=GREY)


def build_layout(content: ReportContent, project: QgsProject, data_path: Path | None = None) -> QgsPrintLayout:
    """The whole report as a print layout of `project` (layers are added to that project)."""
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.pageCollection().deletePage(0)
    layout.setName(content.title)
    layers = {"records": records_layer(content), "zones": zones_layer(content),
              "perimeter": perimeter_layer(content, buffered=False), "buffer": perimeter_layer(content, buffered=True)}
    context = context_layer(data_path) if data_path else None
    if context is not None:
        layers["context"] = context
    project.addMapLayers([layer for layer in layers.values() if isinstance(layer, QgsVectorLayer)], False)

    flow = _Flow(layout)
    flow.new_page()
    _label(layout, content.title, flow.page, MARGIN, MARGIN, flow.width, 9, size=17, bold=True)
    _label(layout, "Connaissances disponibles dans les données SINP et associées — document préparatoire, "
           "qui ne constitue pas une constatation.", flow.page, MARGIN, MARGIN + 9, flow.width, 5, size=8, color=GREY)
    flow.y = MARGIN + 16
    flow.table(_table(layout, [], [1, 3.6], [[_cell(k, HEADER_FILL, bold=True, size=8), _cell(v)]
                                              for k, v in _parameters(content)], flow.width, size=8))
    _maps_page(layout, flow, content, layers)

    flow.new_page()
    flow.heading("Taxons présents et statuts")
    flow.table(_table(layout, ["Taxon", "Nom français", "Obs.", "Coq. vides", "Dernière année", "Statuts",
                               "Textes liés aux statuts"], [2.2, 1.8, 0.6, 0.8, 0.9, 3.2, 2.6],
                      _taxa_rows(content), flow.width))
    if content.absent_taxa:
        flow.paragraph("Taxons seulement notés absents (recherchés, non trouvés) : " + ", ".join(content.absent_taxa))
    flow.heading("Textes applicables")
    flow.paragraph("⚠ Version relue indiquée pour chaque texte : vérifier sur Légifrance (EUR-Lex pour les textes "
                   "européens) la version en vigueur à la date des faits avant toute citation.",
                   size=8, color=QColor("#9c0006"), lines=2)
    flow.table(_table(layout, ["Texte", "Objet (résumé, ne pas citer tel quel)", "Version relue", "Relecture"],
                      [2.4, 4.4, 2.2, 0.9], _texts_rows(content), flow.width, size=6.5))
    flow.heading("Limites des données")
    flow.table(_table(layout, [], [1], [[_cell("• " + limit, size=8)] for limit in content.limits],
                      flow.width, size=8, grid=False))

    flow.new_page(landscape=True)
    flow.heading("Observations dans le périmètre et la zone tampon")
    flow.paragraph("Fond gris : absence (recherché, non trouvé). Fond jaune : coquille vide ou animal trouvé mort. "
                   "Taxon en gras : espèce protégée. « (tampon) » : hors du périmètre, dans la zone tampon.",
                   size=7, color=GREY)
    flow.table(_table(layout, ["Identifiant", "Taxon", "Date", "État", "Dénombr.", "Observateur(s)", "Organisme",
                               "Source / jeu de données", "Validation", "Précision", "Sensibilité", "Localisation"],
                      [3.0, 2.2, 1.5, 1.3, 1.2, 2.0, 1.8, 3.0, 1.6, 1.7, 1.4, 2.6], _record_rows(content),
                      flow.width, size=6.5))
    _footers(layout, content)
    layout.layers_keepalive = layers  # memory layers must outlive the export
    return layout


def _always_text():
    scoped = getattr(Qgis, "TextRenderFormat", None)  # QGIS >= 3.28
    return scoped.AlwaysText if scoped is not None else QgsRenderContext.TextRenderFormat.TextFormatAlwaysText


def export_pdf(layout: QgsPrintLayout, path: Path) -> Path:
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = 150
    settings.rasterizeWholeImage = False
    settings.textRenderFormat = _always_text()  # real text: selectable, searchable, read by pdftotext
    result = QgsLayoutExporter(layout).exportToPdf(str(path), settings)
    if result != QgsLayoutExporter.ExportResult.Success:
        raise BivalvesError(f"the PDF could not be written to {path} (QGIS export error {int(result)})")
    return Path(path)


def write_pdf(content: ReportContent, pdf_path: Path, data_path: Path | None = None) -> Path:
    """The PDF alone (main thread: print layouts are graphics scenes)."""
    pdf_path = Path(pdf_path)
    pdf_path.parent.mkdir(parents=True, exist_ok=True)
    project = QgsProject()
    try:
        return export_pdf(build_layout(content, project, data_path), pdf_path)
    finally:
        project.clear()


def write_report(content: ReportContent, pdf_path: Path, data_path: Path | None = None) -> ReportOutputs:
    """The PDF and, beside it, the same records as a GeoPackage and a CSV (same stem)."""
    pdf = write_pdf(content, pdf_path, data_path)
    gpkg = write_gpkg(content, pdf.with_suffix(".gpkg"))
    return ReportOutputs(pdf, gpkg, write_csv(content, pdf.with_suffix(".csv")))


def build_report(request: ReportRequest, pdf_path: Path) -> ReportOutputs:
    """Content, PDF, GeoPackage and CSV for one request.

    The content is selected in a Python-made thread (pyproj 3.7 crashes on reused QGIS worker
    threads, and a Processing run may come from one); the print layout stays on the calling thread.
    """
    return write_report(call_in_python_thread(build_report_content, request), pdf_path, request.data_path)


def build_demo_report(gpkg: Path, out_dir: Path) -> ReportOutputs:
    """The sample report of `make demo`: the demo perimeter (data/demo/perimetre_demo.geojson), 200 m buffer."""
    perimeter_file = DEMO_DIR / "perimetre_demo.geojson"
    if not perimeter_file.is_file():
        raise BivalvesError(f"demo perimeter not found: {perimeter_file}")
    request = ReportRequest(data_path=Path(gpkg), perimeter=perimeter_from_file(perimeter_file), buffer_m=200)
    return build_report(request, Path(out_dir) / "rapport_demo.pdf")
