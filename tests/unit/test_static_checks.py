"""Each rule of tests/static_checks.py fires on a bad sample and not on the good form; the package is clean."""

from __future__ import annotations

import importlib.util
import shutil
import sys
import textwrap
from pathlib import Path

import pytest

TESTS_DIR = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("static_checks", TESTS_DIR / "static_checks.py")
static_checks = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("static_checks", static_checks)
_spec.loader.exec_module(static_checks)


def messages(source: str) -> list[str]:
    return [f.message for f in static_checks.check_source(textwrap.dedent(source), "sample.py")]


BAD = [
    ("from PyQt5.QtCore import Qt", "never PyQt5"),
    ("import PyQt6.QtWidgets", "never PyQt6"),
    ("import sip", "never sip"),
    ("from qgis.PyQt.QtGui import QAction", "from qgis.PyQt.QtWidgets"),
    ("from qgis.PyQt.QtCore import QRegExp", "QRegExp does not exist in Qt6"),
    ("app = QtWidgets.qApp", "qApp does not exist in Qt6"),
    ("from . import resources_rc", "compiled resources"),
    ("from bivalves_hdf import resources", "compiled resources"),
    ("qInitResources()", "compiled resources"),
    ("icon = QIcon(':/plugins/bivalves_hdf/icon.svg')", "needs compiled resources"),
    ("dialog.exec_()", "exec_() is gone"),
    ("align = Qt.AlignLeft", "unscoped enum Qt.AlignLeft"),
    ("flags = Qt.AlignmentFlag.AlignLeft | QtCore.Qt.AlignTop", "unscoped enum Qt.AlignTop"),
    ("level = Qgis.Warning", "unscoped enum Qgis.Warning"),
    ("bar.pushMessage('t', 'x', level=Qgis.Critical)", "unscoped enum Qgis.Critical"),
    ("task = QgsTask.fromFunction('x', f, flags=QgsTask.CanCancel)", "unscoped enum QgsTask.CanCancel"),
    ("kind = QgsWkbTypes.PointGeometry", "unscoped enum QgsWkbTypes.PointGeometry"),
    ("label = tr(f'{count} records')", "f-string inside tr()"),
    ("label = self.tr(f'{count} records')", "f-string inside tr()"),
    ("label = QCoreApplication.translate('ctx', f'{n}')", "f-string inside tr()"),
    ("label = tr('records: ' + str(count))", "computed string inside tr()"),
    ("label = tr('%d records' % count)", "computed string inside tr()"),
    ("label = tr('{n} records'.format(n=count))", "str.format inside tr()"),
    ("def broken(:\n    pass", "syntax error"),
]

GOOD = """
    from qgis.PyQt.QtCore import Qt, QCoreApplication
    from qgis.PyQt.QtWidgets import QAction, QMessageBox
    from qgis.core import Qgis, QgsProcessing, QgsTask, QgsWkbTypes
    from bivalves_hdf.qgis_io.compat import GEOMETRY_POINT

    ALIGN = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
    LEVEL = Qgis.MessageLevel.Warning
    OUTPUT = QgsProcessing.TEMPORARY_OUTPUT
    VERSION = Qgis.QGIS_VERSION_INT
    KIND = QgsWkbTypes.Type
    DOC = "Qt.AlignLeft, dialog.exec_() and from PyQt5 import QtCore, written in a string"


    def run(dialog, count, flags: QgsTask.Flag = QgsTask.Flag.CanCancel) -> QMessageBox.StandardButton:
        # Qt.AlignRight and exec_() in a comment
        task = QgsTask.fromFunction("x", print, flags=QgsTask.Flag.CanCancel)
        answer = QMessageBox.question(None, "t", "q", QMessageBox.StandardButton.Yes)
        proxy = QgsMapLayerProxyModel.PointLayer  # noqa: enum
        label = QCoreApplication.translate("ctx", "{n} records").format(n=count)
        painter.translate(dialog.width + 16, count * 2)
        kind: QgsWkbTypes.GeometryType = GEOMETRY_POINT
        return dialog.exec(), task, answer, proxy, label, kind
"""


@pytest.mark.parametrize(("source", "expected"), BAD, ids=[b[1] + ":" + b[0][:30] for b in BAD])
def test_each_rule_fires_on_a_bad_sample(source: str, expected: str) -> None:
    found = messages(source)
    assert any(expected in m for m in found), found


def test_good_forms_pass() -> None:
    assert messages(GOOD) == []


def test_findings_carry_path_and_line() -> None:
    finding = static_checks.check_source("x = 1\ny = Qt.AlignLeft\n", "pkg/mod.py")[0]
    assert str(finding).startswith("pkg/mod.py:2: unscoped enum Qt.AlignLeft")


def test_a_compiled_resources_module_is_found_by_name_and_content(tmp_path: Path) -> None:
    assert messages("qt_resource_data = b'...'\n") == ["compiled resources module"]
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "resources_rc.py").write_text("x = 1\n", encoding="utf-8")
    (tmp_path / "icons.rcc").write_bytes(b"qres")
    (tmp_path / ".venv").mkdir()
    (tmp_path / ".venv" / "other_rc.py").write_text("", encoding="utf-8")
    assert [p.name for p in static_checks.compiled_resource_files(tmp_path)] == ["icons.rcc", "resources_rc.py"]


@pytest.mark.skipif(not shutil.which("pylupdate5"), reason="needs pylupdate5 (pyqt5-dev-tools)")
def test_i18n_check_reports_untranslated_and_missing_messages(tmp_path: Path) -> None:
    module = tmp_path / "mod.py"
    module.write_text("from x import tr\nA = tr('Refresh')\nB = tr('Load layers')\n", encoding="utf-8")
    ts = tmp_path / "fr.ts"
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS><TS version="2.0" language="fr">\n'
                  "<context><name>@default</name>\n"
                  "<message><source>Refresh</source><translation type=\"unfinished\"></translation></message>\n"
                  "</context></TS>\n", encoding="utf-8")
    found = static_checks.i18n_findings(ts, [module])
    assert found == ["i18n: 'Refresh' is unfinished in the French translation",
                     "i18n: 'Load layers' is in the code but not in fr.ts: run make i18n"]


def test_the_package_is_clean() -> None:
    assert static_checks.source_findings() == []


def test_the_package_has_no_compiled_resources_and_allows_qgis_4() -> None:
    assert static_checks.compiled_resource_files() == []
    metadata = (static_checks.ROOT / "metadata.txt").read_text(encoding="utf-8")
    assert "\nqgisMaximumVersion=4.99\n" in metadata
