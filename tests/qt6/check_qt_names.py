"""Run under PyQt6 (build/qt6-venv): read [[module, dotted name], ...] as JSON on stdin, print the missing ones.

`module` is the qgis.PyQt module the name was imported from ("QtCore", "QtWidgets"...); the name
is resolved in PyQt6's module of the same name, or where QGIS 4 keeps it (QAction in QtGui).
"""

from __future__ import annotations

import importlib
import json
import sys

# On Qt6, QGIS re-exports these from qgis.PyQt.QtWidgets although PyQt6 has them in QtGui.
QGIS_ALIASES = {("QtWidgets", "QAction"): "QtGui", ("QtWidgets", "QActionGroup"): "QtGui",
                ("QtWidgets", "QShortcut"): "QtGui"}


def exists(module: str, name: str) -> bool:
    head, *rest = name.split(".")
    try:
        value = getattr(importlib.import_module(f"PyQt6.{QGIS_ALIASES.get((module, head), module)}"), head)
        for part in rest:
            value = getattr(value, part)
    except (ImportError, AttributeError):
        return False
    return True


def main() -> int:
    names = json.load(sys.stdin)
    json.dump([[module, name] for module, name in names if not exists(module, name)], sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
