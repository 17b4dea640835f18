"""Import export files into the GeoPackage in the background (QgsTask over core.importer)."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional

from qgis.core import Qgis, QgsTask

from bivalves_hdf.core.errors import BivalvesError
from bivalves_hdf.qgis_io import log
from bivalves_hdf.qgis_io.compat import call_in_python_thread
from bivalves_hdf.qgis_io.i18n import tr


class ImportTask(QgsTask):
    """Run `import_files(paths, gpkg)`; the worker touches no widget and no project.

    `done(task)` runs on the main thread when the task ends (success or not).
    """

    def __init__(self, paths: list[Path], gpkg: Path, iface=None, done: Optional[Callable] = None) -> None:
        super().__init__(tr("Importing bivalve files"), QgsTask.Flag.CanCancel)
        self.paths = [Path(p) for p in paths]
        self.gpkg = Path(gpkg)
        self.iface = iface
        self.done = done
        self.summary = None
        self.error = ""

    def run(self) -> bool:
        from bivalves_hdf.core.importer import import_files

        try:
            # pyproj (normaliser) in a Python-made thread: pyproj 3.7 crashes on reused QGIS worker threads
            self.summary = call_in_python_thread(
                import_files,
                self.paths,
                self.gpkg,
                cancel=self.isCanceled,
                progress=lambda fraction, _m: self.setProgress(100 * fraction),
            )
        except BivalvesError as error:
            self.error = str(error)
            return False
        except Exception as error:  # noqa: BLE001 - shown to the user, details in the log panel
            self.error = repr(error)
            return False
        return not self.isCanceled()

    def finished(self, result: bool) -> None:
        if result and self.summary is not None:
            message = tr("Import done: {read} rows read, {kept} kept, {merged} merged, {rejected} rejected.").format(
                read=self.summary.read,
                kept=self.summary.kept,
                merged=self.summary.merged,
                rejected=self.summary.rejected,
            )
            log.notify(self.iface, message, Qgis.MessageLevel.Success, str(self.gpkg))
        elif self.isCanceled():
            log.notify(self.iface, tr("Import cancelled: the data were left as they were."), Qgis.MessageLevel.Warning)
        else:
            log.notify(
                self.iface,
                tr("The import failed: the data were left as they were."),
                Qgis.MessageLevel.Critical,
                self.error,
            )
        if self.done is not None:
            self.done(self)
