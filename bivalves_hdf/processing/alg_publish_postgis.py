"""Processing: publish the GeoPackage to the shared PostgreSQL/PostGIS schema (one transaction)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterFile,
    QgsProcessingParameterProviderConnection,
    QgsProcessingParameterString,
)

from bivalves_hdf.core import schema
from bivalves_hdf.qgis_io.i18n import tr
from bivalves_hdf.qgis_io.settings import Settings


class PublishPostgisAlgorithm(QgsProcessingAlgorithm):
    """Calls core.publish.publish: staging schema, then one swapping transaction."""

    INPUT, CONNECTION, AUTHCFG, SCHEMA, READERS = "INPUT", "CONNECTION", "AUTHCFG", "SCHEMA", "READERS"
    OCCURRENCES = "OCCURRENCES"

    def name(self) -> str:
        return "publish_postgis"

    def displayName(self) -> str:  # noqa: N802 - QGIS API
        return tr("Publish to the shared PostGIS database")

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS API
        return tr(
            "Copies every table of the GeoPackage into a staging schema, then replaces the published "
            "schema in one transaction: readers see the previous data or the new data, never a mix. "
            "Reader roles get USAGE and SELECT on the new schema."
        )

    def createInstance(self) -> PublishPostgisAlgorithm:  # noqa: N802 - QGIS API
        return PublishPostgisAlgorithm()

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 - QGIS API
        settings = Settings.load()
        self.addParameter(
            QgsProcessingParameterFile(self.INPUT, tr("GeoPackage"), extension="gpkg", defaultValue=settings.data_path)
        )
        self.addParameter(
            QgsProcessingParameterProviderConnection(
                self.CONNECTION, tr("PostgreSQL connection"), "postgres", settings.pg_connection or None
            )
        )
        self.addParameter(
            QgsProcessingParameterAuthConfig(self.AUTHCFG, tr("Authentication"), settings.pg_authcfg, optional=True)
        )
        self.addParameter(QgsProcessingParameterString(self.SCHEMA, tr("Schema"), settings.pg_schema))
        self.addParameter(
            QgsProcessingParameterString(self.READERS, tr("Reader roles (comma-separated)"), optional=True)
        )
        self.addOutput(QgsProcessingOutputNumber(self.OCCURRENCES, tr("Occurrences published")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 - QGIS API
        import psycopg2

        from bivalves_hdf.core.errors import BivalvesError
        from bivalves_hdf.core.publish import publish
        from bivalves_hdf.qgis_io.postgis import dsn_from_connection

        gpkg = self.parameterAsFile(parameters, self.INPUT, context)
        connection = self.parameterAsConnectionName(parameters, self.CONNECTION, context)
        authcfg = self.parameterAsString(parameters, self.AUTHCFG, context)
        target = self.parameterAsString(parameters, self.SCHEMA, context).strip()
        readers = [r.strip() for r in self.parameterAsString(parameters, self.READERS, context).split(",") if r.strip()]
        if not target:
            raise QgsProcessingException(tr("Give the schema to publish to."))
        try:
            result = publish(gpkg, dsn_from_connection(connection, authcfg), target, readers)
        except (BivalvesError, RuntimeError, psycopg2.Error) as error:
            raise QgsProcessingException(tr("Publication failed: {error}").format(error=error)) from error
        for table, rows in result.counts.items():
            feedback.pushInfo(f"{target}.{table}: {rows}")
        return {self.OCCURRENCES: result.counts.get(schema.OCCURRENCES, 0)}


ALGORITHM = PublishPostgisAlgorithm
