"""QGIS 4 readiness without a QGIS 4: every Qt name the package reads through qgis.PyQt exists in PyQt6.

The names (imports from `qgis.PyQt.*` and the attribute chains read off them, such as
`QMessageBox.StandardButton.Yes` or `QFont.Weight.Bold`) are collected from the package's syntax
tree here and resolved by tests/qt6/check_qt_names.py in the PyQt6 venv build/qt6-venv (made and
cached by `qt6_python()` of tests/unit/test_key_widget_qt6.py).
"""

from __future__ import annotations

import ast
import json
import subprocess
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "bivalves_hdf"
CHECKER = ROOT / "tests" / "qt6" / "check_qt_names.py"
# Names QGIS 4 patches back into its Qt6 bindings (QVariant.Type: compat.py uses it only on QGIS < 3.38).
PATCHED_BY_QGIS = ("QVariant.Type",)


def _chain(node: ast.AST) -> list[str]:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    return [node.id, *reversed(parts)] if isinstance(node, ast.Name) else []


def qt_names(source: str) -> set[tuple[str, str]]:
    """(qgis.PyQt module, dotted name) for each Qt name a module's source reads."""
    tree = ast.parse(source)
    local: dict[str, tuple[str, str]] = {}  # local name -> (module, name in the module; '' for a module)
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("qgis.PyQt"):
            module = node.module.split(".")[2] if node.module.count(".") >= 2 else ""
            for alias in node.names:
                local[alias.asname or alias.name] = (module, alias.name) if module else (alias.name, "")
    found = {pair for pair in local.values() if pair[1]}
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute) or isinstance(parents.get(node), ast.Attribute):
            continue
        chain = _chain(node)
        if chain and chain[0] in local:
            module, name = local[chain[0]]
            found.add((module, ".".join(([name] if name else []) + chain[1:])))
    return {(module, name) for module, name in found if name and not name.startswith(PATCHED_BY_QGIS)}


@pytest.fixture(scope="module")
def qt6_python() -> Path:
    from test_key_widget_qt6 import qt6_python as make_venv  # the key widget's PyQt6 venv, built once

    return make_venv()


def missing_in_pyqt6(python: Path, names: set[tuple[str, str]]) -> list[list[str]]:
    result = subprocess.run([str(python), str(CHECKER)], input=json.dumps(sorted(names)), text=True,
                            capture_output=True, timeout=120, check=True, env={"QT_QPA_PLATFORM": "offscreen"})
    return json.loads(result.stdout)


def package_names() -> dict[tuple[str, str], str]:
    names: dict[tuple[str, str], str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for pair in qt_names(path.read_text(encoding="utf-8")):
            names.setdefault(pair, path.relative_to(ROOT).as_posix())
    return names


def test_names_are_collected_from_imports_and_attribute_chains() -> None:
    source = textwrap.dedent("""
        from qgis.PyQt import QtCore
        from qgis.PyQt.QtWidgets import QMessageBox as Box, QAction
        from qgis.PyQt.QtCore import QVariant
        answer = Box.question(None, "t", "q", Box.StandardButton.Yes | Box.StandardButton.No)
        align = QtCore.Qt.AlignmentFlag.AlignLeft
        kind = QVariant.Type.String
        text = "Qt.AlignLeft"
    """)
    assert qt_names(source) == {
        ("QtWidgets", "QMessageBox"), ("QtWidgets", "QAction"), ("QtCore", "QVariant"),
        ("QtWidgets", "QMessageBox.question"), ("QtWidgets", "QMessageBox.StandardButton.Yes"),
        ("QtWidgets", "QMessageBox.StandardButton.No"), ("QtCore", "Qt.AlignmentFlag.AlignLeft"),
    }


def test_qt5_only_names_are_reported_missing_in_pyqt6(qt6_python: Path) -> None:
    bad = {("QtWidgets", "QMessageBox.Yes"), ("QtCore", "QRegExp"), ("QtWidgets", "QDesktopWidget"),
           ("QtGui", "QFontMetrics.width")}
    good = {("QtWidgets", "QLineEdit.EchoMode.Password"), ("QtWidgets", "QAction"),
            ("QtCore", "Qt.AlignmentFlag.AlignTop")}
    assert sorted(map(tuple, missing_in_pyqt6(qt6_python, bad | good))) == sorted(bad)


def test_every_qt_name_of_the_package_exists_in_pyqt6(qt6_python: Path) -> None:
    names = package_names()
    assert len(names) > 20
    missing = missing_in_pyqt6(qt6_python, set(names))
    assert [f"{names[tuple(pair)]}: qgis.PyQt.{pair[0]}.{pair[1]}" for pair in missing] == []
