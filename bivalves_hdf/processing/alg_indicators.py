"""Processing: indicators by territory (layer, CSV, one-page PDF summary per territory)."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
)

from bivalves_hdf.core.errors import BivalvesError
from bivalves_hdf.qgis_io.compat import ALGORITHM_NO_THREADING, SOURCE_VECTOR_POLYGON, parameter_as_fields
from bivalves_hdf.qgis_io.i18n import tr
from bivalves_hdf.qgis_io.report_inputs import territories_from_features
from bivalves_hdf.qgis_io.settings import Settings


class IndicatorsAlgorithm(QgsProcessingAlgorithm):
    """Calls core.indicators and qgis_io.indicators_summary, like the menu action and the CLI."""

    DATA = "DATA"
    ZONES = "ZONES"
    NAME_FIELD = "NAME_FIELD"
    OUTPUT = "OUTPUT"
    OUTPUT_GPKG = "OUTPUT_GPKG"
    OUTPUT_CSV = "OUTPUT_CSV"
    OUTPUT_PDF = "OUTPUT_PDF"

    def name(self) -> str:
        return "territory_indicators"

    def displayName(self) -> str:  # noqa: N802 - QGIS API
        return tr("Indicators by territory")

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS API
        return tr(
            "For each polygon (communes, EPCI, SCoT or PLUi perimeters, project footprints): number of records and "
            "taxa, protected, red-listed and invasive taxa, last observation year, share of 10 km cells holding "
            "data and sampling effort by decade. Writes a GeoPackage layer, a CSV and a one-page PDF summary per "
            "territory, with the limits of the data."
        )

    def flags(self):
        return super().flags() | ALGORITHM_NO_THREADING  # Qt text document: main thread

    def createInstance(self) -> IndicatorsAlgorithm:  # noqa: N802 - QGIS API
        return IndicatorsAlgorithm()

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 - QGIS API
        self.addParameter(QgsProcessingParameterFile(self.DATA, tr("Bivalves GeoPackage"), extension="gpkg",
                                                     defaultValue=Settings.load().data_path))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ZONES, tr("Territories"), [SOURCE_VECTOR_POLYGON]))
        self.addParameter(QgsProcessingParameterField(self.NAME_FIELD, tr("Name field"),
                                                      parentLayerParameterName=self.ZONES, optional=True))
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT, tr("Output folder")))
        for key, label in ((self.OUTPUT_GPKG, tr("Indicators (GeoPackage)")), (self.OUTPUT_CSV, tr("Indicators (CSV)")),
                           (self.OUTPUT_PDF, tr("Summary (PDF)"))):
            self.addOutput(QgsProcessingOutputFile(key, label))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 - QGIS API
        from bivalves_hdf.qgis_io.indicators_summary import build_indicators

        source = self.parameterAsSource(parameters, self.ZONES, context)
        if source is None:
            raise QgsProcessingException(tr("The territories layer cannot be read."))
        fields = parameter_as_fields(self, parameters, self.NAME_FIELD, context)
        out = Path(self.parameterAsString(parameters, self.OUTPUT, context))
        try:
            territories = territories_from_features(source.getFeatures(), source.sourceCrs(),
                                                    fields[0] if fields else "", context.transformContext())
            outputs = build_indicators(Path(self.parameterAsFile(parameters, self.DATA, context)), territories, out)
        except BivalvesError as error:
            raise QgsProcessingException(str(error)) from error
        feedback.pushInfo(tr("{n} territories computed.").format(n=len(outputs.results)))
        return {self.OUTPUT: str(out), self.OUTPUT_GPKG: str(outputs.gpkg), self.OUTPUT_CSV: str(outputs.csv),
                self.OUTPUT_PDF: str(outputs.pdf)}


ALGORITHM = IndicatorsAlgorithm
