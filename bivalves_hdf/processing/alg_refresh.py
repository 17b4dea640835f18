"""Processing: refresh the GeoPackage from the web sources (OpenObs, SINP HdF, GBIF, Hub'Eau)."""

from __future__ import annotations

import datetime as dt

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from bivalves_hdf.core.errors import BivalvesError
from bivalves_hdf.qgis_io.compat import NUMBER_DOUBLE, PARAMETER_ADVANCED, call_in_python_thread
from bivalves_hdf.qgis_io.i18n import tr
from bivalves_hdf.qgis_io.settings import ALL_SOURCES, Settings


def parse_day(text: str) -> dt.date | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise QgsProcessingException(tr("Dates are written YYYY-MM-DD: {text}").format(text=text)) from error


def parse_urls(text: str) -> dict[str, str]:
    """`openobs=https://mirror/…;gbif=…` as a dict (empty text: the official services)."""
    urls = {}
    for item in (text or "").split(";"):
        if item.strip():
            name, _, url = item.partition("=")
            if not url.strip().startswith(("http://", "https://")):
                raise QgsProcessingException(tr("Expected source=URL: {item}").format(item=item))
            urls[name.strip()] = url.strip()
    return urls


class RefreshAlgorithm(QgsProcessingAlgorithm):
    """Calls core.refresh.run_refresh; the GeoPackage is rewritten only with what completed."""

    SOURCES, AREA, SINCE, UNTIL, INCREMENTAL, RATE, URLS, OUTPUT = (
        "SOURCES",
        "AREA",
        "SINCE",
        "UNTIL",
        "INCREMENTAL",
        "RATE",
        "URLS",
        "OUTPUT",
    )

    def name(self) -> str:
        return "refresh"

    def displayName(self) -> str:  # noqa: N802 - QGIS API
        return tr("Update the data from the web sources")

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS API
        return tr(
            "Downloads bivalve records from the chosen sources for an area (region, dept:NN, "
            "bbox:XMIN,YMIN,XMAX,YMAX in Lambert-93 or a polygon file) and period, then merges them "
            "into the GeoPackage. A source that fails adds nothing; the others are kept."
        )

    def createInstance(self) -> RefreshAlgorithm:  # noqa: N802 - QGIS API
        return RefreshAlgorithm()

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 - QGIS API
        settings = Settings.load()
        defaults = [i for i, s in enumerate(ALL_SOURCES) if s in settings.sources]
        self.addParameter(
            QgsProcessingParameterEnum(self.SOURCES, tr("Sources"), list(ALL_SOURCES), True, defaults or [0])
        )
        self.addParameter(QgsProcessingParameterString(self.AREA, tr("Area"), settings.default_area))
        self.addParameter(QgsProcessingParameterString(self.SINCE, tr("From (YYYY-MM-DD)"), optional=True))
        self.addParameter(QgsProcessingParameterString(self.UNTIL, tr("To (YYYY-MM-DD)"), optional=True))
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.INCREMENTAL, tr("Only what changed since the last update"), settings.incremental
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.RATE,
                tr("Requests per second"),
                NUMBER_DOUBLE,
                settings.rate_limit,
                minValue=0.1,
                maxValue=20,
            )
        )
        urls = QgsProcessingParameterString(
            self.URLS, tr("Base URLs of the services (mirrors): source=URL;source=URL"), optional=True
        )
        urls.setFlags(urls.flags() | PARAMETER_ADVANCED)
        self.addParameter(urls)
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT, tr("GeoPackage to update"), "GeoPackage (*.gpkg)", settings.data_path
            )
        )

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 - QGIS API
        from bivalves_hdf.core.http import CancelToken, HttpPolicy
        from bivalves_hdf.core.refresh import RefreshOptions, run_refresh
        from bivalves_hdf.qgis_io.transport import QgisTransport

        sources = [ALL_SOURCES[i] for i in self.parameterAsEnums(parameters, self.SOURCES, context)]
        try:
            options = RefreshOptions(
                out=self.parameterAsFileOutput(parameters, self.OUTPUT, context),
                sources=tuple(sources),
                area=self.parameterAsString(parameters, self.AREA, context),
                since=parse_day(self.parameterAsString(parameters, self.SINCE, context)),
                until=parse_day(self.parameterAsString(parameters, self.UNTIL, context)),
                incremental=self.parameterAsBoolean(parameters, self.INCREMENTAL, context),
                policy=HttpPolicy(rate=self.parameterAsDouble(parameters, self.RATE, context)),
                urls=parse_urls(self.parameterAsString(parameters, self.URLS, context)),
            )
            cancel = CancelToken()
            feedback.canceled.connect(cancel.cancel)
            summary = call_in_python_thread(  # pyproj 3.7 crashes on reused QGIS worker threads
                run_refresh,
                options,
                transport=QgisTransport(),
                cancel=cancel,
                progress=lambda fraction, message: (feedback.setProgress(100 * fraction), feedback.pushInfo(message)),
            )
        except BivalvesError as error:
            raise QgsProcessingException(str(error)) from error
        for line in summary.lines():
            feedback.pushInfo(line)
        if summary.cancelled:
            raise QgsProcessingException(tr("Cancelled: the data were left as they were."))
        if not summary.written:
            raise QgsProcessingException(tr("No source could be fetched: the data were left as they were."))
        return {self.OUTPUT: str(options.out)}


ALGORITHM = RefreshAlgorithm
