"""Headless map of the styled layers as a PNG (`make demo`, screenshots of the user guide)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsLayerTree,
    QgsLegendModel,
    QgsLegendRenderer,
    QgsLegendSettings,
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsRectangle,
    QgsRenderContext,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QPointF, QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPen, QPolygonF

from bivalves_hdf.core import schema
from bivalves_hdf.qgis_io.compat import resolve, set_legend_style_font
from bivalves_hdf.qgis_io.layers import LAYER_ORDER, LAYER_TITLES, apply_style, open_layer, read_refresh_info

# Newer spellings first (QGIS 3.30+/4), then QGIS 3.22's.
MAP_ANTIALIASING = resolve("Qgis.MapSettingsFlag.Antialiasing", "QgsMapSettings.Flag.Antialiasing")
CONTEXT_ANTIALIASING = resolve("Qgis.RenderContextFlag.Antialiasing", "QgsRenderContext.Flag.Antialiasing")
LEGEND_TITLE = resolve("Qgis.LegendComponent.Title", "QgsLegendStyle.Style.Title")
LEGEND_GROUP = resolve("Qgis.LegendComponent.Group", "QgsLegendStyle.Style.Group")
LEGEND_SUBGROUP = resolve("Qgis.LegendComponent.Subgroup", "QgsLegendStyle.Style.Subgroup")
LEGEND_LABEL = resolve("Qgis.LegendComponent.SymbolLabel", "QgsLegendStyle.Style.SymbolLabel")
BACKGROUND = "#f4f2ec"
INK = "#2b2b2b"
DPI = 110


@dataclass(frozen=True)
class Frame:
    """Where things go on the image (pixels)."""

    width: int
    height: int
    header: int = 70
    footer: int = 34
    legend: int = 360

    @property
    def map_rect(self) -> QRectF:
        return QRectF(0, self.header, self.width - self.legend, self.height - self.header - self.footer)


def styled_layers(gpkg_path: Path) -> list[QgsVectorLayer]:
    """The plugin's layers of `gpkg_path`, styled, top first (not added to any project)."""
    layers = []
    for name in LAYER_ORDER:
        layer = open_layer(gpkg_path, name, LAYER_TITLES[name])
        if layer.isValid():
            apply_style(layer, name)
            layers.append(layer)
    return layers


def data_extent(layers: list[QgsVectorLayer], aspect: float) -> QgsRectangle:
    """The extent of the data, with a margin, widened to the image aspect ratio."""
    extent = QgsRectangle()
    for layer in layers:
        if layer.name() == LAYER_TITLES[schema.OCCURRENCES] or extent.isEmpty():
            extent.combineExtentWith(layer.extent())
    extent = extent.buffered(max(extent.width(), extent.height(), 1000.0) * 0.06)
    if extent.width() / extent.height() < aspect:
        extent.scale(aspect * extent.height() / extent.width(), extent.center().x(), extent.center().y())
    return extent


def render_layers(layers: list[QgsVectorLayer], extent: QgsRectangle, size: QSize) -> QImage:
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(QgsCoordinateReferenceSystem(f"EPSG:{schema.CRS_EPSG}"))
    settings.setOutputSize(size)
    settings.setOutputDpi(DPI)
    settings.setBackgroundColor(QColor(BACKGROUND))
    settings.setFlag(MAP_ANTIALIASING, True)
    settings.setExtent(extent)
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    return job.renderedImage()


def nice_distance(metres: float) -> float:
    """The largest 1/2/5 × 10^n distance not above `metres`."""
    power = 10 ** (len(str(int(max(metres, 1)))) - 1)
    for step in (5, 2, 1):
        if step * power <= metres:
            return step * power
    return power


def draw_scale_bar(painter: QPainter, frame: Frame, metres_per_pixel: float) -> None:
    rect = frame.map_rect
    distance = nice_distance(rect.width() * 0.22 * metres_per_pixel)
    length = distance / metres_per_pixel
    x, y = rect.left() + 24, rect.bottom() - 28
    painter.setPen(QPen(QColor(INK), 1))
    for i in range(4):
        painter.setBrush(QColor(INK if i % 2 == 0 else "#ffffff"))
        painter.drawRect(QRectF(x + i * length / 4, y, length / 4, 6))
    painter.setFont(QFont("DejaVu Sans", 9))
    painter.drawText(QPointF(x, y - 5), "0")
    painter.drawText(QPointF(x + length - 10, y - 5), f"{distance / 1000:g} km")


def draw_north_arrow(painter: QPainter, frame: Frame) -> None:
    rect = frame.map_rect
    cx, top = rect.right() - 36, rect.top() + 18
    arrow = QPolygonF([QPointF(cx, top), QPointF(cx + 10, top + 32), QPointF(cx, top + 25), QPointF(cx - 10, top + 32)])
    path = QPainterPath()
    path.addPolygon(arrow)
    painter.fillPath(path, QColor(INK))
    painter.setFont(QFont("DejaVu Sans", 10, QFont.Weight.Bold))
    painter.drawText(QRectF(cx - 10, top + 32, 20, 18), Qt.AlignmentFlag.AlignCenter, "N")


def draw_legend(painter: QPainter, layers: list[QgsVectorLayer], frame: Frame) -> None:
    tree = QgsLayerTree()
    for layer in layers:
        tree.addLayer(layer)
    settings = QgsLegendSettings()
    settings.setTitle("Légende")
    fonts = {
        LEGEND_TITLE: QFont("DejaVu Sans", 13, QFont.Weight.Bold),
        LEGEND_GROUP: QFont("DejaVu Sans", 10, QFont.Weight.Bold),
        LEGEND_SUBGROUP: QFont("DejaVu Sans", 9, QFont.Weight.Bold),
        LEGEND_LABEL: QFont("DejaVu Sans", 8),
    }
    for kind, font in fonts.items():
        style = settings.style(kind)
        set_legend_style_font(style, font)
        settings.setStyle(kind, style)
    settings.setWrapChar("|")
    model = QgsLegendModel(tree)  # the renderer keeps a bare pointer: hold the model here
    renderer = QgsLegendRenderer(model, settings)
    scale = DPI / 25.4  # pixels per millimetre
    painter.save()
    painter.translate(frame.width - frame.legend + 16, frame.header + 12)
    context = QgsRenderContext.fromQPainter(painter)
    context.setScaleFactor(scale)
    context.setRendererScale(1)
    painter.scale(scale, scale)
    context.setFlag(CONTEXT_ANTIALIASING, True)
    context.setPainter(painter)
    renderer.drawLegend(context)
    painter.restore()


def draw_frame(painter: QPainter, frame: Frame, subtitle: str, footer: str) -> None:
    painter.fillRect(QRectF(0, 0, frame.width, frame.header), QColor("#1f4e5f"))
    painter.setPen(QColor("#ffffff"))
    painter.setFont(QFont("DejaVu Sans", 17, QFont.Weight.Bold))
    painter.drawText(QRectF(20, 6, frame.width - 40, 36), Qt.AlignmentFlag.AlignVCenter, "Bivalves des Hauts-de-France")
    painter.setFont(QFont("DejaVu Sans", 10))
    painter.drawText(QRectF(20, 40, frame.width - 40, 24), Qt.AlignmentFlag.AlignVCenter, subtitle)
    legend = QRectF(frame.width - frame.legend, frame.header, frame.legend, frame.height - frame.header - frame.footer)
    painter.fillRect(legend, QColor("#ffffff"))
    painter.setPen(QPen(QColor("#c8c4b8"), 1))
    painter.drawLine(legend.topLeft(), legend.bottomLeft())
    painter.fillRect(QRectF(0, frame.height - frame.footer, frame.width, frame.footer), QColor("#e8e4d8"))
    painter.setPen(QColor("#555555"))
    painter.setFont(QFont("DejaVu Sans", 8))
    painter.drawText(
        QRectF(20, frame.height - frame.footer, frame.width - 40, frame.footer), Qt.AlignmentFlag.AlignVCenter, footer
    )


def render_map_png(gpkg_path: str | Path, png_path: str | Path, width: int = 1600, height: int = 1200) -> Path:
    """Render the styled layers of `gpkg_path` (no basemap) with a title, legend and scale bar."""
    gpkg_path, png_path = Path(gpkg_path), Path(png_path)
    layers = styled_layers(gpkg_path)
    if not layers:
        raise FileNotFoundError(f"no bivalves_hdf layer in {gpkg_path}")
    frame = Frame(width, height)
    rect = frame.map_rect
    extent = data_extent(layers, rect.width() / rect.height())
    map_image = render_layers(layers, extent, QSize(int(rect.width()), int(rect.height())))
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor(BACKGROUND))
    info = read_refresh_info(gpkg_path)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.drawImage(rect.topLeft(), map_image)
    draw_frame(
        painter,
        frame,
        "Observations par statut réglementaire, zones de localisation et nombre de taxons par maille 10 km",
        f"Sources : {', '.join(info.sources) or 'non renseignées'} — mise à jour : {info.last_refresh or 'inconnue'}"
        " — RGF93 / Lambert-93 — carte produite par le plugin QGIS bivalves_hdf (OFB)",
    )
    draw_scale_bar(painter, frame, extent.width() / rect.width())
    draw_north_arrow(painter, frame)
    draw_legend(painter, layers, frame)
    painter.end()
    png_path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(png_path), "PNG"):
        raise OSError(f"cannot write {png_path}")
    return png_path
