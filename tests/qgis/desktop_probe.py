"""Run inside QGIS desktop (`qgis --code desktop_probe.py`): report the plugin's menu, save a screenshot, quit.

The output paths come from the environment: BIVALVES_PROBE_JSON and BIVALVES_PROBE_PNG.
"""

import json
import os

import qgis.utils
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication


def probe() -> None:
    window = qgis.utils.iface.mainWindow()
    menus = {}
    for top in window.menuBar().actions():
        if top.menu() is None:
            continue
        for action in top.menu().actions():
            if action.menu() is not None and action.text() == "Bivalves Hauts-de-France":
                menus[top.text().replace("&", "")] = [a.text() for a in action.menu().actions()]
    report = {"active": "bivalves_hdf" in qgis.utils.active_plugins, "menus": menus}
    window.grab().save(os.environ["BIVALVES_PROBE_PNG"])
    with open(os.environ["BIVALVES_PROBE_JSON"], "w", encoding="utf-8") as out:
        json.dump(report, out)
    QApplication.instance().quit()


QTimer.singleShot(6000, probe)
