"""Processing: import export files (OpenObs, SINP, GeoNature, GBIF, Hub'Eau) into the GeoPackage."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
)

from bivalves_hdf.core.errors import BivalvesError
from bivalves_hdf.qgis_io.compat import SOURCE_FILE, call_in_python_thread
from bivalves_hdf.qgis_io.i18n import tr
from bivalves_hdf.qgis_io.settings import Settings


class ImportFilesAlgorithm(QgsProcessingAlgorithm):
    """Calls core.importer.import_files: normalise, merge, rewrite the GeoPackage atomically."""

    INPUT = "INPUT"
    OUTPUT = "OUTPUT"
    COUNTS = ("READ", "KEPT", "MERGED", "REJECTED")

    def name(self) -> str:
        return "import_files"

    def displayName(self) -> str:  # noqa: N802 - QGIS API
        return tr("Import export files")

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS API
        return tr(
            "Reads OpenObs, SINP, GeoNature, GBIF or Hub'Eau export files (CSV, JSON, zip), normalises them "
            "and merges them into the GeoPackage, which is rewritten only when the import succeeds. "
            "Rows that cannot be used go to the rejects table with their reason."
        )

    def createInstance(self) -> ImportFilesAlgorithm:  # noqa: N802 - QGIS API
        return ImportFilesAlgorithm()

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 - QGIS API
        self.addParameter(QgsProcessingParameterMultipleLayers(self.INPUT, tr("Export files"), SOURCE_FILE))
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT, tr("GeoPackage to update"), "GeoPackage (*.gpkg)", Settings.load().data_path
            )
        )
        for name in self.COUNTS:
            self.addOutput(QgsProcessingOutputNumber(name, name.lower()))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 - QGIS API
        from bivalves_hdf.core.importer import import_files

        paths = self.parameterAsFileList(parameters, self.INPUT, context)
        out = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if not paths:
            raise QgsProcessingException(tr("No file to import."))
        try:
            summary = call_in_python_thread(  # pyproj 3.7 crashes on reused QGIS worker threads
                import_files,
                paths,
                out,
                cancel=feedback.isCanceled,
                progress=lambda fraction, message: (feedback.setProgress(100 * fraction), feedback.pushInfo(message)),
            )
        except BivalvesError as error:
            raise QgsProcessingException(str(error)) from error
        feedback.pushInfo(
            tr("{read} rows read, {kept} kept, {merged} merged, {rejected} rejected.").format(
                read=summary.read, kept=summary.kept, merged=summary.merged, rejected=summary.rejected
            )
        )
        counts = (summary.read, summary.kept, summary.merged, summary.rejected)
        return {self.OUTPUT: out, **dict(zip(self.COUNTS, counts))}


ALGORITHM = ImportFilesAlgorithm
