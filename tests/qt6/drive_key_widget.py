"""Run inside build/qt6-venv (PyQt6, no QGIS): drive KeyWidget by clicks to a protected species.

Usage (from the repository):
    PYTHONPATH=tests/qt6/shim:. QT_QPA_PLATFORM=offscreen build/qt6-venv/bin/python \
        tests/qt6/drive_key_widget.py OUT.png
Prints one JSON line describing what happened.
"""

from __future__ import annotations

import json
import sys

from qgis.PyQt.QtCore import QT_VERSION_STR, Qt
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QApplication, QCommandLinkButton, QLabel

from bivalves_hdf.gui.key_widget import KeyWidget

TO_UNIO_CRASSUS = [1, 2, 1, 2, 2, 2, 1]


def main(screenshot: str) -> int:
    app = QApplication(sys.argv[:1])
    widget = KeyWidget("fr")
    widget.resize(430, 690)
    widget.show()
    app.processEvents()
    questions = [widget.session.current.id]
    for lead in TO_UNIO_CRASSUS:
        widget.findChild(QCommandLinkButton, f"lead{lead}").click()
        app.processEvents()
        questions.append(widget.session.current.id if widget.session.current else "result")
    result = widget.session.outcome.result
    banner = widget.findChild(QLabel, "protectedBanner")
    report = {
        "qt": QT_VERSION_STR,
        "bindings": sorted(m for m in sys.modules if m.split(".")[0] in ("PyQt5", "PyQt6")),
        "questions": questions,
        "result": [result.scientific_name, result.cd_ref],
        "notices": widget.sheet.notice_ids,
        "banner_visible": banner.isVisible(),
        "sheet_text": widget.sheet.plain_text(),
        "saved": widget.grab().save(screenshot),
    }
    QTest.keyClick(widget, Qt.Key.Key_Backspace)
    report["after_back"] = widget.session.current.id
    QTest.keyClick(widget, Qt.Key.Key_Home)
    report["after_home"] = widget.session.current.id
    widget.multi_button.click()
    widget.multi.set_state("nacre_pits", "present")
    widget.multi.set_state("hinge_teeth", "present")
    widget.multi.set_state("habitat", "freshwater")
    report["multi_candidates"] = widget.multi.candidate_list.count()
    print(json.dumps(report, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
