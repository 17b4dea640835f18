"""Processing: the "Extraction pour procédure" report (PDF, GeoPackage, CSV) for a perimeter layer."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
)

from bivalves_hdf.core.errors import BivalvesError
from bivalves_hdf.core.report_content import SENSITIVE_PRECISIONS
from bivalves_hdf.core.schema import CRS_EPSG
from bivalves_hdf.qgis_io.compat import ALGORITHM_NO_THREADING, NUMBER_DOUBLE, SOURCE_VECTOR_POLYGON, resolve
from bivalves_hdf.qgis_io.i18n import tr
from bivalves_hdf.qgis_io.report_inputs import geometries_wkt
from bivalves_hdf.qgis_io.settings import Settings

DATE_ONLY = resolve("Qgis.ProcessingDateTimeParameterDataType.Date", "QgsProcessingParameterDateTime.Type.Date")


class ReportAlgorithm(QgsProcessingAlgorithm):
    """Calls core.report_content and qgis_io.report_layout, like the menu action and the CLI."""

    DATA = "DATA"
    PERIMETER = "PERIMETER"
    BUFFER = "BUFFER"
    SINCE = "SINCE"
    UNTIL = "UNTIL"
    SENSITIVE = "SENSITIVE_PRECISION"
    OUTPUT = "OUTPUT"
    OUTPUT_GPKG = "OUTPUT_GPKG"
    OUTPUT_CSV = "OUTPUT_CSV"

    def name(self) -> str:
        return "extraction_report"

    def displayName(self) -> str:  # noqa: N802 - QGIS API
        return tr("Extract for a procedure")

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS API
        return tr(
            "Writes a PDF report of the bivalve records inside a perimeter (plus an optional buffer and period): "
            "maps, taxa with their statuses and the legal texts that apply, the records with their provenance, "
            "and the limits of the data. The same records are written as a GeoPackage and a CSV beside the PDF. "
            "Sensitive records are shown no more precisely than the chosen precision."
        )

    def flags(self):
        return super().flags() | ALGORITHM_NO_THREADING  # print layouts: main thread

    def createInstance(self) -> ReportAlgorithm:  # noqa: N802 - QGIS API
        return ReportAlgorithm()

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 - QGIS API
        settings = Settings.load()
        self.addParameter(QgsProcessingParameterFile(self.DATA, tr("Bivalves GeoPackage"), extension="gpkg",
                                                     defaultValue=settings.data_path))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.PERIMETER, tr("Perimeter"), [SOURCE_VECTOR_POLYGON]))
        self.addParameter(QgsProcessingParameterNumber(
            self.BUFFER, tr("Buffer (m)"), NUMBER_DOUBLE, 0.0, minValue=0.0))
        for key, label in ((self.SINCE, tr("From (date)")), (self.UNTIL, tr("To (date)"))):
            self.addParameter(QgsProcessingParameterDateTime(key, label, DATE_ONLY,
                                                             optional=True))
        default = SENSITIVE_PRECISIONS.index(settings.sensitive_precision) \
            if settings.sensitive_precision in SENSITIVE_PRECISIONS else 2
        self.addParameter(QgsProcessingParameterEnum(self.SENSITIVE, tr("Precision of sensitive records"),
                                                     list(SENSITIVE_PRECISIONS), defaultValue=default))
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT, tr("PDF report"), "PDF (*.pdf)"))
        self.addOutput(QgsProcessingOutputFile(self.OUTPUT_GPKG, tr("Records (GeoPackage)")))
        self.addOutput(QgsProcessingOutputFile(self.OUTPUT_CSV, tr("Records (CSV)")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 - QGIS API
        from bivalves_hdf.core.perimeter import perimeter_from_wkt
        from bivalves_hdf.core.report_content import ReportRequest
        from bivalves_hdf.qgis_io.report_layout import build_report

        source = self.parameterAsSource(parameters, self.PERIMETER, context)
        if source is None:
            raise QgsProcessingException(tr("The perimeter layer cannot be read."))
        try:
            wkt = geometries_wkt((f.geometry() for f in source.getFeatures()), source.sourceCrs(),
                                 context.transformContext())
        except BivalvesError as error:
            raise QgsProcessingException(str(error)) from error
        dates = []
        for key in (self.SINCE, self.UNTIL):
            value = self.parameterAsDateTime(parameters, key, context)
            dates.append(value.date().toPyDate() if value.isValid() and parameters.get(key) else None)
        out = Path(self.parameterAsFileOutput(parameters, self.OUTPUT, context))
        precision = SENSITIVE_PRECISIONS[self.parameterAsEnum(parameters, self.SENSITIVE, context)]
        try:
            request = ReportRequest(
                data_path=Path(self.parameterAsFile(parameters, self.DATA, context)),
                perimeter=perimeter_from_wkt(wkt, CRS_EPSG, source.sourceName() or "couche"),
                buffer_m=self.parameterAsDouble(parameters, self.BUFFER, context),
                since=dates[0], until=dates[1], sensitive_precision=precision)
            outputs = build_report(request, out)
        except BivalvesError as error:
            raise QgsProcessingException(str(error)) from error
        feedback.pushInfo(tr("Report written: {path}").format(path=str(outputs.pdf)))
        return {self.OUTPUT: str(outputs.pdf), self.OUTPUT_GPKG: str(outputs.gpkg), self.OUTPUT_CSV: str(outputs.csv)}


ALGORITHM = ReportAlgorithm
