"""Background tasks of the refresh: counting before the download, and the refresh itself.

Both run `core.refresh` through QGIS's network stack (`QgisTransport`: proxy, SSL, auth) in
the task manager's worker thread (no widget, no QgsProject there), inside a Python-made thread
(`compat.call_in_python_thread`: pyproj 3.7 crashes on reused QGIS worker threads); cancelling the task sets the
`CancelToken`, which stops the HTTP layer within a second. `finished()` runs in the main thread
and reports through `log.notify` (message bar plus details in the log panel).

Count-before-download: `EstimateTask(options, iface, callback)` calls
`core.refresh.estimate_counts(options)` and hands `callback` a dict {source: record count, or
the reason it is unknown}, so the refresh dialog can show it and the user can narrow the area
or the period before starting a `RefreshTask(options, iface)`.
"""

from __future__ import annotations

from collections.abc import Callable

from qgis.core import Qgis, QgsTask

from bivalves_hdf.core.errors import BivalvesError
from bivalves_hdf.core.http import CancelToken
from bivalves_hdf.core.refresh import RefreshOptions, RefreshSummary, estimate_counts, run_refresh
from bivalves_hdf.qgis_io import log
from bivalves_hdf.qgis_io.compat import call_in_python_thread
from bivalves_hdf.qgis_io.i18n import tr
from bivalves_hdf.qgis_io.transport import QgisTransport


class PythonThreadTask(QgsTask):
    """A cancellable task whose `work()` runs in a Python-made thread (pyproj 3.7 crashes on reused QGIS
    worker threads); a BivalvesError or OSError ends it with `error` set for `finished()`."""

    def __init__(self, description: str) -> None:
        super().__init__(description, QgsTask.Flag.CanCancel)
        self.error = ""

    def run(self) -> bool:
        try:
            call_in_python_thread(self.work)
        except (BivalvesError, OSError) as error:
            self.error = str(error)
            return False
        return True

    def work(self) -> None:
        raise NotImplementedError


class _CancellableTask(QgsTask):
    """A QgsTask whose cancel() also sets a CancelToken for the HTTP layer."""

    def __init__(self, description: str, iface, authcfg: str = "") -> None:
        super().__init__(description, QgsTask.Flag.CanCancel)
        self.iface = iface
        self.token = CancelToken()
        self.transport = QgisTransport(authcfg)
        self.error = ""

    def cancel(self) -> None:
        self.token.cancel()
        super().cancel()


class RefreshTask(_CancellableTask):
    """`core.refresh.run_refresh` in the background; the summary goes to the message bar and log."""

    def __init__(self, options: RefreshOptions, iface=None, authcfg: str = "",
                 done: Callable[[RefreshSummary | None], None] | None = None) -> None:
        super().__init__(tr("Bivalves: update from the web services"), iface, authcfg)
        self.options = options
        self.done = done
        self.summary: RefreshSummary | None = None

    def run(self) -> bool:
        try:
            self.summary = call_in_python_thread(run_refresh, self.options, self.transport, self.token, self._progress)
        except BivalvesError as error:
            self.error = str(error)
            return False
        return self.summary.ok

    def _progress(self, fraction: float, message: str) -> None:
        self.setProgress(100.0 * fraction)

    def finished(self, result: bool) -> None:
        summary = self.summary
        details = "\n".join(summary.lines()) if summary else self.error
        if summary is None:
            message, level = tr("Update failed: {error}").format(error=self.error), Qgis.MessageLevel.Critical
        elif summary.cancelled:
            message, level = tr("Update cancelled: the data were left as they were."), Qgis.MessageLevel.Warning
        elif summary.ok:
            kept = sum(r.kept for r in summary.reports)
            rejected = sum(r.rejected for r in summary.reports)
            warnings = sum(len(r.warnings) for r in summary.reports)
            message = tr("Update done: {kept} records kept, {rejected} rejected, {warnings} warnings.").format(
                kept=kept, rejected=rejected, warnings=warnings)
            level = Qgis.MessageLevel.Success
        else:
            failed = ", ".join(f"{r.name} ({r.error})" for r in summary.failed)
            message = tr("Update incomplete, failed: {failed}").format(failed=failed)
            level = Qgis.MessageLevel.Warning if summary.written else Qgis.MessageLevel.Critical
        log.notify(self.iface, message, level, details)
        if self.done is not None:
            self.done(summary)


class EstimateTask(_CancellableTask):
    """Count what each source would send (one cheap request each), then call `callback(counts)`."""

    def __init__(self, options: RefreshOptions, iface=None, callback: Callable[[dict], None] | None = None,
                 authcfg: str = "") -> None:
        super().__init__(tr("Bivalves: counting the records of each source"), iface, authcfg)
        self.options = options
        self.callback = callback
        self.counts: dict[str, int | str] = {}

    def run(self) -> bool:
        try:
            self.counts = call_in_python_thread(estimate_counts, self.options, self.transport, self.token)
        except BivalvesError as error:
            self.error = str(error)
            return False
        return True

    def finished(self, result: bool) -> None:
        if not result:
            log.notify(self.iface, tr("Counting failed: {error}").format(error=self.error or tr("cancelled")),
                       Qgis.MessageLevel.Warning)
            return
        if self.callback is not None:
            self.callback(dict(self.counts))
