"""Logging bridge: the core logs with `logging`, QGIS shows it in the log panel."""

from __future__ import annotations

import logging

from qgis.core import Qgis, QgsMessageLog

from bivalves_hdf.__about__ import __title__

LOGGER_NAME = "bivalves_hdf"
_LEVELS = {
    logging.DEBUG: Qgis.MessageLevel.Info,
    logging.INFO: Qgis.MessageLevel.Info,
    logging.WARNING: Qgis.MessageLevel.Warning,
    logging.ERROR: Qgis.MessageLevel.Critical,
    logging.CRITICAL: Qgis.MessageLevel.Critical,
}


class QgsLogHandler(logging.Handler):
    """Forward Python log records to the QGIS message log under the plugin's tab."""

    def emit(self, record: logging.LogRecord) -> None:
        level = _LEVELS.get(record.levelno, Qgis.MessageLevel.Info)
        QgsMessageLog.logMessage(self.format(record), __title__, level, False)


def install_handler() -> QgsLogHandler:
    handler = QgsLogHandler()
    logger = logging.getLogger(LOGGER_NAME)
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return handler


def remove_handler(handler: QgsLogHandler) -> None:
    logging.getLogger(LOGGER_NAME).removeHandler(handler)


def notify(iface, message: str, level=Qgis.MessageLevel.Info, details: str = "") -> None:
    """A plain message in the message bar, with details in the log panel."""
    QgsMessageLog.logMessage(f"{message}\n{details}".strip(), __title__, level, False)
    if iface is not None:
        iface.messageBar().pushMessage(__title__, message, level, 8)
