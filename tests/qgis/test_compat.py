"""bivalves_hdf.qgis_io.compat picks the newest spelling this QGIS has, and the values work with the real API."""

from __future__ import annotations

import threading
import time
import warnings
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from pyproj import Transformer
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsBlockingNetworkRequest,
    QgsFeatureRequest,
    QgsField,
    QgsLayoutSize,
    QgsLegendStyle,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsTask,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication, QUrl
from qgis.PyQt.QtGui import QFont
from qgis.PyQt.QtNetwork import QNetworkRequest

from bivalves_hdf.qgis_io import compat

NEW_NAMES = {  # constant -> (newest spelling, QGIS 3.22 spelling)
    "GEOMETRY_POINT": ("Qgis.GeometryType.Point", "QgsWkbTypes.GeometryType.PointGeometry"),
    "WKB_MULTIPOLYGON": ("Qgis.WkbType.MultiPolygon", "QgsWkbTypes.Type.MultiPolygon"),
    "LAYER_VECTOR": ("Qgis.LayerType.Vector", "QgsMapLayerType.VectorLayer"),
    "FILTER_POINT_LAYER": ("Qgis.LayerFilter.PointLayer", "QgsMapLayerProxyModel.Filter.PointLayer"),
    "SOURCE_VECTOR_POLYGON": ("Qgis.ProcessingSourceType.VectorPolygon", "QgsProcessing.SourceType.TypeVectorPolygon"),
    "PARAMETER_OPTIONAL": ("Qgis.ProcessingParameterFlag.Optional",
                           "QgsProcessingParameterDefinition.Flag.FlagOptional"),
    "LAYOUT_MILLIMETERS": ("Qgis.LayoutUnit.Millimeters", "QgsUnitTypes.LayoutUnit.LayoutMillimeters"),
    "REQUEST_NO_GEOMETRY": ("Qgis.FeatureRequestFlag.NoGeometry", "QgsFeatureRequest.Flag.NoGeometry"),
}


@pytest.mark.parametrize("constant", sorted(NEW_NAMES))
def test_the_newest_spelling_wins(constant: str) -> None:
    new, old = NEW_NAMES[constant]
    _, enum, member = new.split(".")
    expected = compat.resolve(new) if hasattr(getattr(Qgis, enum, None), member) else compat.resolve(old)
    assert getattr(compat, constant) is expected or getattr(compat, constant) == expected


def test_resolve_reports_every_missing_candidate() -> None:
    assert compat.resolve("Qgis.NoSuchEnum.Value", "Qt.AlignmentFlag.AlignLeft") is not None
    with pytest.raises(AttributeError, match=r"Qgis\.NoSuchEnum\.Value, QgsNothing\.X"):
        compat.resolve("Qgis.NoSuchEnum.Value", "QgsNothing.X")


def test_every_public_constant_resolved() -> None:
    constants = {name: value for name, value in vars(compat).items() if name.isupper()}
    assert len(constants) > 40
    assert [name for name, value in constants.items() if value is None] == []


def test_values_work_with_layers_and_fields(qgis_new_project) -> None:
    layer = QgsVectorLayer("Point?crs=EPSG:2154", "points", "memory")
    assert layer.geometryType() == compat.GEOMETRY_POINT
    assert layer.geometryType() != compat.GEOMETRY_POLYGON
    assert layer.wkbType() == compat.WKB_POINT
    assert layer.type() == compat.LAYER_VECTOR
    assert QgsWkbTypes.geometryType(compat.WKB_MULTIPOLYGON) == compat.GEOMETRY_POLYGON
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        fields = [QgsField(name, kind) for name, kind in (("s", compat.FIELD_STRING), ("i", compat.FIELD_INT),
                                                          ("d", compat.FIELD_DOUBLE), ("t", compat.FIELD_DATE))]
    assert layer.dataProvider().addAttributes(fields)
    layer.updateFields()
    assert [f.typeName().lower() for f in layer.fields()] == ["string", "integer", "double", "date"]
    request = QgsFeatureRequest().setFlags(compat.REQUEST_NO_GEOMETRY)
    assert request.flags() & compat.REQUEST_NO_GEOMETRY


def test_values_work_with_processing_and_layouts() -> None:
    source = QgsProcessingParameterFeatureSource("AREA", "Area", [compat.SOURCE_VECTOR_POLYGON])
    source.setFlags(source.flags() | compat.PARAMETER_OPTIONAL | compat.PARAMETER_ADVANCED)
    assert source.dataTypes() == [compat.SOURCE_VECTOR_POLYGON]
    assert source.flags() & compat.PARAMETER_OPTIONAL
    number = QgsProcessingParameterNumber("YEARS", "Years", compat.NUMBER_INTEGER, 10)
    assert number.dataType() == compat.NUMBER_INTEGER
    size = QgsLayoutSize(210, 297, compat.LAYOUT_MILLIMETERS)
    assert size.units() == compat.LAYOUT_MILLIMETERS


def test_legend_style_font_without_deprecation_warning(qgis_app) -> None:
    style = QgsLegendStyle()
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        compat.set_legend_style_font(style, QFont("DejaVu Sans", 11, QFont.Weight.Bold))
    if hasattr(style, "textFormat"):
        font, size = style.textFormat().font(), style.textFormat().size()
    else:
        font, size = style.font(), style.font().pointSizeF()
    assert (font.family(), font.bold(), size) == ("DejaVu Sans", True, 11)


class _FieldsAlgorithm(QgsProcessingAlgorithm):
    def name(self) -> str:
        return "fields"

    def createInstance(self):  # noqa: N802 - QGIS API
        return _FieldsAlgorithm()

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 - QGIS API
        self.addParameter(QgsProcessingParameterField("FIELDS", "Fields", allowMultiple=True))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 - QGIS API
        return {}


def test_parameter_as_fields_without_deprecation_warning(qgis_app) -> None:
    algorithm = _FieldsAlgorithm()
    algorithm.initAlgorithm()
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        fields = compat.parameter_as_fields(algorithm, {"FIELDS": ["nom", "code"]}, "FIELDS", QgsProcessingContext())
    assert fields == ["nom", "code"]


class _NoContent(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args) -> None:
        """Quiet."""


@pytest.fixture
def no_content_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _NoContent)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/empty"
    server.shutdown()
    server.server_close()


def test_blocking_request_kwargs_accept_an_empty_response_where_qgis_can(qgis_app, no_content_url: str) -> None:
    kwargs = compat.blocking_request_kwargs(empty_response_is_valid=True)
    has_flags = hasattr(QgsBlockingNetworkRequest, "RequestFlag")
    assert bool(kwargs) == has_flags
    assert compat.blocking_request_kwargs() == {}
    plain = QgsBlockingNetworkRequest()
    error = plain.get(QNetworkRequest(QUrl(no_content_url)), True)
    assert error == QgsBlockingNetworkRequest.ErrorCode.ServerExceptionError
    assert "empty response" in plain.errorMessage()
    flagged = QgsBlockingNetworkRequest()
    result = flagged.get(QNetworkRequest(QUrl(no_content_url)), True, None, **kwargs)
    expected = "NoError" if has_flags else "ServerExceptionError"  # QGIS < 3.40 cannot accept an empty body
    assert result == getattr(QgsBlockingNetworkRequest.ErrorCode, expected), flagged.errorMessage()


def _to_wgs84(x: float, y: float) -> tuple[float, float]:
    lon, lat = Transformer.from_crs(2154, 4326, always_xy=True).transform(x, y)
    return round(lon, 4), round(lat, 4)


def _run_task(function) -> dict:
    outcome: dict = {}

    def run(task) -> bool:
        outcome["value"] = compat.call_in_python_thread(function, 700000, 6600000)
        return True

    task = QgsTask.fromFunction("pyproj in a task", run)
    QgsApplication.taskManager().addTask(task)
    deadline = time.monotonic() + 30
    while task.status() not in (QgsTask.TaskStatus.Complete, QgsTask.TaskStatus.Terminated):
        assert time.monotonic() < deadline, "task never finished"
        QCoreApplication.processEvents()
        time.sleep(0.01)
    return outcome


def test_pyproj_in_successive_tasks_does_not_crash(qgis_app) -> None:
    # Without call_in_python_thread the second task segfaults with pyproj 3.7.1 (QGIS 3.40, Debian 13).
    assert [_run_task(_to_wgs84) for _ in range(4)] == [{"value": (3.0, 46.5)}] * 4


def test_call_in_python_thread_returns_and_raises_in_the_caller() -> None:
    caller = threading.current_thread()
    name, total = compat.call_in_python_thread(lambda a, b=0: (threading.current_thread().name, a + b), 1, b=2)
    assert (name, total) == ("bivalves_hdf-worker", 3) and threading.current_thread() is caller
    with pytest.raises(ZeroDivisionError):
        compat.call_in_python_thread(lambda: 1 / 0)
