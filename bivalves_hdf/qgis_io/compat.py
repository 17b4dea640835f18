"""Qt/QGIS names that differ between QGIS 3.22, later 3.x and QGIS 4 (Qt6), resolved once at import.

Each constant holds the newest spelling the running QGIS has (e.g. `Qgis.GeometryType.Point`, on
3.40 and 3.44) and falls back to the QGIS 3.22 one (`QgsWkbTypes.GeometryType.PointGeometry`): the
rest of the plugin imports the constant instead of writing either name. The choice is made by the
name's presence, never by a version number. Every name is scoped, so the same code runs on Qt6,
where unscoped enum values are gone. Newer QGIS keeps the old names as aliases of the new values.
"""

from __future__ import annotations

import threading
from typing import Any, Callable, TypeVar

from qgis import core as _core
from qgis.PyQt import QtCore
from qgis.PyQt.QtCore import QMetaType, Qt, QVariant
from qgis.PyQt.QtGui import QFont

T = TypeVar("T")


def resolve(*names: str) -> Any:
    """The value of the first dotted name (from qgis.core or QtCore) that exists in this QGIS.

    `resolve("Qgis.GeometryType.Point", "QgsWkbTypes.GeometryType.PointGeometry")`; raises
    AttributeError naming all candidates when none exists.
    """
    for name in names:
        head, *rest = name.split(".")
        value = getattr(_core, head, None)
        if value is None:
            value = getattr(QtCore, head, None)
        for part in rest:
            if value is None:
                break
            value = getattr(value, part, None)
        if value is not None:
            return value
    raise AttributeError(f"none of {', '.join(names)} exists in QGIS {_core.Qgis.QGIS_VERSION}")


# Dock areas (Qt).
RIGHT_DOCK_AREA = Qt.DockWidgetArea.RightDockWidgetArea
LEFT_DOCK_AREA = Qt.DockWidgetArea.LeftDockWidgetArea

# Geometry types (QgsVectorLayer.geometryType()): Qgis.GeometryType in newer QGIS.
GEOMETRY_POINT = resolve("Qgis.GeometryType.Point", "QgsWkbTypes.GeometryType.PointGeometry")
GEOMETRY_LINE = resolve("Qgis.GeometryType.Line", "QgsWkbTypes.GeometryType.LineGeometry")
GEOMETRY_POLYGON = resolve("Qgis.GeometryType.Polygon", "QgsWkbTypes.GeometryType.PolygonGeometry")
GEOMETRY_NULL = resolve("Qgis.GeometryType.Null", "QgsWkbTypes.GeometryType.NullGeometry")

# WKB types (QgsVectorLayer.wkbType(), memory layers, writers): Qgis.WkbType in newer QGIS.
WKB_POINT = resolve("Qgis.WkbType.Point", "QgsWkbTypes.Type.Point")
WKB_MULTIPOINT = resolve("Qgis.WkbType.MultiPoint", "QgsWkbTypes.Type.MultiPoint")
WKB_LINESTRING = resolve("Qgis.WkbType.LineString", "QgsWkbTypes.Type.LineString")
WKB_MULTILINESTRING = resolve("Qgis.WkbType.MultiLineString", "QgsWkbTypes.Type.MultiLineString")
WKB_POLYGON = resolve("Qgis.WkbType.Polygon", "QgsWkbTypes.Type.Polygon")
WKB_MULTIPOLYGON = resolve("Qgis.WkbType.MultiPolygon", "QgsWkbTypes.Type.MultiPolygon")
WKB_NO_GEOMETRY = resolve("Qgis.WkbType.NoGeometry", "QgsWkbTypes.Type.NoGeometry")

# Map layer types (QgsMapLayer.type()): Qgis.LayerType in newer QGIS.
LAYER_VECTOR = resolve("Qgis.LayerType.Vector", "QgsMapLayerType.VectorLayer")
LAYER_RASTER = resolve("Qgis.LayerType.Raster", "QgsMapLayerType.RasterLayer")

# Layer combo box filters (QgsMapLayerComboBox.setFilters): Qgis.LayerFilter in newer QGIS.
FILTER_POINT_LAYER = resolve("Qgis.LayerFilter.PointLayer", "QgsMapLayerProxyModel.Filter.PointLayer")
FILTER_POLYGON_LAYER = resolve("Qgis.LayerFilter.PolygonLayer", "QgsMapLayerProxyModel.Filter.PolygonLayer")
FILTER_VECTOR_LAYER = resolve("Qgis.LayerFilter.VectorLayer", "QgsMapLayerProxyModel.Filter.VectorLayer")

# Feature requests: Qgis.FeatureRequestFlag in newer QGIS.
REQUEST_NO_GEOMETRY = resolve("Qgis.FeatureRequestFlag.NoGeometry", "QgsFeatureRequest.Flag.NoGeometry")

# Processing (Qgis.Processing* in newer QGIS).
SOURCE_VECTOR_POINT = resolve("Qgis.ProcessingSourceType.VectorPoint", "QgsProcessing.SourceType.TypeVectorPoint")
SOURCE_VECTOR_LINE = resolve("Qgis.ProcessingSourceType.VectorLine", "QgsProcessing.SourceType.TypeVectorLine")
SOURCE_VECTOR_POLYGON = resolve("Qgis.ProcessingSourceType.VectorPolygon",
                                "QgsProcessing.SourceType.TypeVectorPolygon")
SOURCE_VECTOR_ANY_GEOMETRY = resolve("Qgis.ProcessingSourceType.VectorAnyGeometry",
                                     "QgsProcessing.SourceType.TypeVectorAnyGeometry")
SOURCE_VECTOR = resolve("Qgis.ProcessingSourceType.Vector", "QgsProcessing.SourceType.TypeVector")
SOURCE_FILE = resolve("Qgis.ProcessingSourceType.File", "QgsProcessing.SourceType.TypeFile")
PARAMETER_OPTIONAL = resolve("Qgis.ProcessingParameterFlag.Optional",
                             "QgsProcessingParameterDefinition.Flag.FlagOptional")
PARAMETER_ADVANCED = resolve("Qgis.ProcessingParameterFlag.Advanced",
                             "QgsProcessingParameterDefinition.Flag.FlagAdvanced")
PARAMETER_HIDDEN = resolve("Qgis.ProcessingParameterFlag.Hidden", "QgsProcessingParameterDefinition.Flag.FlagHidden")
NUMBER_INTEGER = resolve("Qgis.ProcessingNumberParameterType.Integer", "QgsProcessingParameterNumber.Type.Integer")
NUMBER_DOUBLE = resolve("Qgis.ProcessingNumberParameterType.Double", "QgsProcessingParameterNumber.Type.Double")
FILE_BEHAVIOR_FILE = resolve("Qgis.ProcessingFileParameterBehavior.File", "QgsProcessingParameterFile.Behavior.File")
FILE_BEHAVIOR_FOLDER = resolve("Qgis.ProcessingFileParameterBehavior.Folder",
                               "QgsProcessingParameterFile.Behavior.Folder")
FIELD_DATA_ANY = resolve("Qgis.ProcessingFieldParameterDataType.Any", "QgsProcessingParameterField.DataType.Any")
FIELD_DATA_NUMERIC = resolve("Qgis.ProcessingFieldParameterDataType.Numeric",
                             "QgsProcessingParameterField.DataType.Numeric")
FIELD_DATA_STRING = resolve("Qgis.ProcessingFieldParameterDataType.String",
                            "QgsProcessingParameterField.DataType.String")
ALGORITHM_NO_THREADING = resolve("Qgis.ProcessingAlgorithmFlag.NoThreading",
                                 "QgsProcessingAlgorithm.Flag.FlagNoThreading")
ALGORITHM_CAN_CANCEL = resolve("Qgis.ProcessingAlgorithmFlag.CanCancel", "QgsProcessingAlgorithm.Flag.FlagCanCancel")

# Units (Qgis.*Unit in newer QGIS).
LAYOUT_MILLIMETERS = resolve("Qgis.LayoutUnit.Millimeters", "QgsUnitTypes.LayoutUnit.LayoutMillimeters")
LAYOUT_POINTS = resolve("Qgis.LayoutUnit.Points", "QgsUnitTypes.LayoutUnit.LayoutPoints")
RENDER_MILLIMETERS = resolve("Qgis.RenderUnit.Millimeters", "QgsUnitTypes.RenderUnit.RenderMillimeters")
RENDER_POINTS = resolve("Qgis.RenderUnit.Points", "QgsUnitTypes.RenderUnit.RenderPoints")
RENDER_MAP_UNITS = resolve("Qgis.RenderUnit.MapUnits", "QgsUnitTypes.RenderUnit.RenderMapUnits")
DISTANCE_METERS = resolve("Qgis.DistanceUnit.Meters", "QgsUnitTypes.DistanceUnit.DistanceMeters")
DISTANCE_KILOMETERS = resolve("Qgis.DistanceUnit.Kilometers", "QgsUnitTypes.DistanceUnit.DistanceKilometers")

# Text alignment in layouts and labels: Qgis.TextHorizontalAlignment in newer QGIS.
TEXT_ALIGN_LEFT = resolve("Qgis.TextHorizontalAlignment.Left", "QgsTextRenderer.HAlignment.AlignLeft")
TEXT_ALIGN_CENTER = resolve("Qgis.TextHorizontalAlignment.Center", "QgsTextRenderer.HAlignment.AlignCenter")
TEXT_ALIGN_RIGHT = resolve("Qgis.TextHorizontalAlignment.Right", "QgsTextRenderer.HAlignment.AlignRight")

# Attribute types for QgsField: newer QGIS takes QMetaType.Type (and warns "QgsField constructor is
# deprecated" for QVariant.Type, seen on 3.40 and 3.44); 3.22 accepts only QVariant.Type.


def _field_takes_qmetatype() -> bool:
    try:
        _core.QgsField("probe", QMetaType.Type.QString)
    except TypeError:
        return False
    return True


_FIELD_TYPES_USE_QMETATYPE = _field_takes_qmetatype()
FIELD_STRING = QMetaType.Type.QString if _FIELD_TYPES_USE_QMETATYPE else QVariant.Type.String
FIELD_INT = QMetaType.Type.Int if _FIELD_TYPES_USE_QMETATYPE else QVariant.Type.Int
FIELD_LONG = QMetaType.Type.LongLong if _FIELD_TYPES_USE_QMETATYPE else QVariant.Type.LongLong
FIELD_DOUBLE = QMetaType.Type.Double if _FIELD_TYPES_USE_QMETATYPE else QVariant.Type.Double
FIELD_BOOL = QMetaType.Type.Bool if _FIELD_TYPES_USE_QMETATYPE else QVariant.Type.Bool
FIELD_DATE = QMetaType.Type.QDate if _FIELD_TYPES_USE_QMETATYPE else QVariant.Type.Date
FIELD_DATETIME = QMetaType.Type.QDateTime if _FIELD_TYPES_USE_QMETATYPE else QVariant.Type.DateTime


def blocking_request_kwargs(empty_response_is_valid: bool = False) -> dict[str, Any]:
    """Keyword arguments for QgsBlockingNetworkRequest.get/head: `requestFlags` exists since 3.40.

    With `empty_response_is_valid`, QGIS >= 3.40 accepts an empty body (HTTP 204) as a success;
    QGIS 3.22 has no such flag and this returns {} (callers treat an empty-response error themselves).
    """
    flag = getattr(getattr(_core.QgsBlockingNetworkRequest, "RequestFlag", None), "EmptyResponseIsValid", None)
    return {"requestFlags": flag} if empty_response_is_valid and flag is not None else {}


def set_legend_style_font(style: _core.QgsLegendStyle, font: QFont) -> None:
    """Give a legend style (title, group, symbol label) this font, size in points.

    QgsLegendStyle.setFont is deprecated since 3.40 and warns (text formats replace it); 3.22 has only setFont.
    """
    if hasattr(style, "setTextFormat"):
        text_format = style.textFormat()
        text_format.setFont(font)
        if font.pointSizeF() > 0:
            text_format.setSize(font.pointSizeF())
            text_format.setSizeUnit(RENDER_POINTS)
        style.setTextFormat(text_format)
    else:
        style.setFont(font)


def parameter_as_fields(algorithm: _core.QgsProcessingAlgorithm, parameters: dict[str, Any], name: str,
                        context: _core.QgsProcessingContext) -> list[str]:
    """The field names of a QgsProcessingParameterField: parameterAsStrings where it exists.

    parameterAsFields is deprecated since 3.40 (and warns there); 3.22 has only parameterAsFields.
    """
    if hasattr(algorithm, "parameterAsStrings"):
        return algorithm.parameterAsStrings(parameters, name, context)
    return algorithm.parameterAsFields(parameters, name, context)


def call_in_python_thread(function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run `function(*args, **kwargs)` in a new Python thread, wait, and return its result or raise its error.

    For QgsTask.run and Processing algorithms whose work uses pyproj: pyproj 3.7.x keeps its
    per-thread PROJ context in OS-thread storage but frees it with the Python thread state, so
    the second use on a reused QThreadPool thread crashes QGIS (pyproj issues #1509/#1622; seen
    with QGIS 3.40.6 and pyproj 3.7.1 on Debian 13, not with pyproj 3.4 or 3.8). A thread made by
    Python owns its context for its whole life.
    """
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = function(*args, **kwargs)
        except BaseException as error:  # noqa: BLE001 - re-raised in the calling thread below
            outcome["error"] = error

    worker = threading.Thread(target=target, name="bivalves_hdf-worker", daemon=True)
    worker.start()
    worker.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]
