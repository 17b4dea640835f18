"""Background jobs run by the QGIS task manager: pyproj on reused worker threads, and cancel.

pyproj 3.7.1 (Debian 13) crashes QGIS on the second use of pyproj on a reused QThreadPool thread;
the import, refresh, report and indicator tasks therefore run their work through
`compat.call_in_python_thread`. These tests run the real tasks through the task manager several
times in a row (a crash ends the whole pytest run) and check that a cancel still stops them.
"""

from __future__ import annotations

import time

from qgis.core import QgsApplication, QgsTask
from qgis.PyQt.QtCore import QCoreApplication

from bivalves_hdf.core.importer import import_files
from bivalves_hdf.core.store import read_occurrences
from bivalves_hdf.paths import DEMO_DIR
from bivalves_hdf.qgis_io.import_task import ImportTask

OPENOBS_2023 = DEMO_DIR / "openobs_export_2023.csv"
DEE_V2 = DEMO_DIR / "geonature_sinp_dee_v2.csv"


def _run(task: QgsTask, seconds: float = 60.0) -> tuple[QgsTask.TaskStatus, float]:
    """Run `task` in the task manager, wait for its end and finished(): its final status and when it ended.

    The task manager deletes the C++ task afterwards: only its Python attributes stay readable.
    """
    started = time.monotonic()
    QgsApplication.taskManager().addTask(task)
    while (status := task.status()) not in (QgsTask.TaskStatus.Complete, QgsTask.TaskStatus.Terminated):
        QCoreApplication.processEvents()
        assert time.monotonic() - started < seconds, "the task did not end"
        time.sleep(0.01)
    ended = time.monotonic()
    for _ in range(20):  # let finished() run
        QCoreApplication.processEvents()
    return status, ended


def test_import_tasks_one_after_the_other(qgis_app, tmp_path) -> None:
    outcomes = []
    for number in range(3):
        out = tmp_path / f"import{number}.gpkg"
        task = ImportTask([OPENOBS_2023, DEE_V2], out, None, done=outcomes.append)
        status, _ = _run(task)
        assert status == QgsTask.TaskStatus.Complete, task.error
        assert task.summary.kept > 0 and len(read_occurrences(out)) == task.summary.occurrences_total
    assert len(outcomes) == 3


class _CancelledOnFirstProgress(ImportTask):
    """Cancels itself (as the user would from the task manager) when the import reports its first step."""

    cancelled_at = 0.0

    def setProgress(self, progress: float) -> None:  # noqa: N802 - QGIS API
        if not self.cancelled_at:
            self.cancelled_at = time.monotonic()
            self.cancel()
        super().setProgress(progress)


def test_a_cancelled_import_task_stops_within_a_second_and_keeps_the_file(qgis_app, tmp_path) -> None:
    out = tmp_path / "kept.gpkg"
    import_files([DEE_V2], out)
    before = out.read_bytes()
    done = []
    task = _CancelledOnFirstProgress([OPENOBS_2023, DEE_V2], out, None, done=done.append)
    status, ended = _run(task)
    assert task.cancelled_at, "the import never reported progress"
    assert status == QgsTask.TaskStatus.Terminated
    assert ended - task.cancelled_at < 1.0
    assert done == [task] and task.summary is None
    assert out.read_bytes() == before
