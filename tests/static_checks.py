"""Static gates run by `make test` before pytest: Qt6 readiness, i18n completeness, no compiled resources.

The Qt6 rules read the syntax tree of every module of the package (strings, docstrings and comments
never trigger them). Exit status 1 with one line per finding. `# noqa: enum` on a line excuses an
attribute that the enum rule takes for an enum value but which is a class or a constant.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "bivalves_hdf"
TS_FILE = ROOT / "i18n" / "bivalves_hdf_fr.ts"
# Folders never searched for compiled resources (tools, builds, caches).
NOT_SOURCES = {".git", ".venv", "build", "dist", "__pycache__", ".pytest_cache", ".ruff_cache", ".qgis-settings"}

QT_BINDINGS = {"PyQt5", "PyQt6", "PySide2", "PySide6", "sip"}
# Qt classes that live in QtGui under Qt6 and in QtWidgets under Qt5: QGIS aliases the QtWidgets
# import on Qt6, so only that one works on QGIS 3.22 and 4.
MOVED_TO_QTGUI = {"QAction", "QActionGroup", "QShortcut"}
REMOVED_IN_QT6 = {"QRegExp", "QRegExpValidator", "QDesktopWidget", "qApp", "QGLWidget", "QStringRef"}
RESOURCE_MODULES = {"resources", "resources_rc"}
RESOURCE_CALLS = {"qInitResources", "qCleanupResources"}
# `Class.Member` pairs read like enum values but are classes or constants.
NOT_ENUMS = {"Qgis.QGIS_VERSION", "Qgis.QGIS_VERSION_INT", "Qgis.QGIS_RELEASE_NAME", "QgsWkbTypes.Type"}
QT_CLASS = re.compile(r"^Q[A-Za-z0-9]*$")
CONSTANT = re.compile(r"^[A-Z][A-Z0-9_]+$")
TR_FUNCTIONS = {"tr": 0, "translate": 1}  # name -> index of the source-text argument
TRANSLATE_OWNER = re.compile(r"(^|\.)Q(Core|Gui)?Application\.translate$")


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def dotted(node: ast.AST) -> str:
    """'Qt.AlignmentFlag.AlignLeft' for the attribute chain, '' when it does not start at a name."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return ""
    parts.append(node.id)
    return ".".join(reversed(parts))


def unscoped_enum(node: ast.Attribute, parents: dict[ast.AST, ast.AST]) -> str:
    """The `Class.Member` text when `node` reads an enum value straight off a Qt/QGIS class."""
    parent = parents.get(node)
    if isinstance(parent, ast.Attribute) or (isinstance(parent, ast.Call) and parent.func is node):
        return ""  # `Qt.AlignmentFlag` in `Qt.AlignmentFlag.AlignLeft`, or a static method call
    name = dotted(node)
    owner, _, member = name.rpartition(".")
    owner = owner.rpartition(".")[2]
    pair = f"{owner}.{member}"
    if not QT_CLASS.match(owner) or not member[:1].isupper() or CONSTANT.match(member) or pair in NOT_ENUMS:
        return ""
    return pair


def tr_source_argument(call: ast.Call) -> ast.AST | None:
    """The source-text argument of `tr(...)`, `self.tr(...)` or `QCoreApplication.translate(ctx, ...)`."""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    if name == "translate" and not TRANSLATE_OWNER.search(dotted(func)):
        return None  # QPainter.translate(dx, dy) and the like
    index = TR_FUNCTIONS.get(name)
    return call.args[index] if index is not None and len(call.args) > index else None


def not_a_literal(node: ast.AST) -> str:
    """Why a tr() source text cannot be extracted by pylupdate, or ''."""
    if isinstance(node, ast.JoinedStr):
        return "an f-string inside tr() cannot be translated: use tr('... {n}').format(n=...)"
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return "a computed string inside tr() cannot be translated: format after tr()"
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return "str.format inside tr() cannot be translated: call .format on tr()'s result"
    return ""


def import_findings(node: ast.AST) -> Iterator[str]:
    if isinstance(node, ast.Import):
        modules = [alias.name for alias in node.names]
        names: list[str] = []
    elif isinstance(node, ast.ImportFrom):
        modules = [("." * node.level) + (node.module or "")]
        names = [alias.name for alias in node.names]
    else:
        return
    for module in modules:
        root = module.lstrip(".").split(".")[0]
        if not module.startswith(".") and root in QT_BINDINGS:
            yield f"import Qt through qgis.PyQt, never {root}"
        if module.rsplit(".", 1)[-1] in RESOURCE_MODULES or set(names) & RESOURCE_MODULES:
            yield "compiled resources do not exist in Qt6: load files by path"
        if module.endswith("QtGui") and set(names) & MOVED_TO_QTGUI:
            yield "import QAction/QActionGroup/QShortcut from qgis.PyQt.QtWidgets (works on QGIS 3.22 and 4)"
    for name in names:
        if name in REMOVED_IN_QT6:
            yield f"{name} does not exist in Qt6"


def annotations(tree: ast.AST) -> Iterator[ast.AST]:
    for node in ast.walk(tree):
        if isinstance(node, ast.arg) and node.annotation:
            yield node.annotation
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.returns:
            yield node.returns
        elif isinstance(node, ast.AnnAssign):
            yield node.annotation


def check_source(text: str, rel: str) -> list[Finding]:
    """The Qt6/i18n findings of one Python module's text."""
    try:
        tree = ast.parse(text, filename=rel)
    except SyntaxError as error:
        return [Finding(rel, error.lineno or 0, f"syntax error: {error.msg}")]
    lines = text.splitlines()
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    in_annotations = {id(n) for a in annotations(tree) for n in ast.walk(a)}  # `flags: QgsTask.Flag` is a type
    found: list[Finding] = []
    if rel.endswith("_rc.py") or "qt_resource_data" in text:
        found.append(Finding(rel, 1, "compiled resources module"))
    for node in ast.walk(tree):
        line = getattr(node, "lineno", 0)
        messages = list(import_findings(node))
        if isinstance(node, ast.Attribute):
            if node.attr == "exec_":
                messages.append("exec_() is gone in Qt6: use exec()")
            elif node.attr in REMOVED_IN_QT6:
                messages.append(f"{node.attr} does not exist in Qt6")
            pair = "" if id(node) in in_annotations else unscoped_enum(node, parents)
            if pair and "noqa: enum" not in lines[line - 1]:
                messages.append(f"unscoped enum {pair} (use the scoped form, or bivalves_hdf.qgis_io.compat)")
        elif isinstance(node, ast.Name) and node.id in REMOVED_IN_QT6:
            messages.append(f"{node.id} does not exist in Qt6")
        elif isinstance(node, ast.Call):
            if dotted(node.func).rpartition(".")[2] in RESOURCE_CALLS:
                messages.append("compiled resources do not exist in Qt6: load files by path")
            source = tr_source_argument(node)
            if source is not None and not_a_literal(source):
                messages.append(not_a_literal(source))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.startswith(":/"):
            messages.append(f"resource path {node.value!r} needs compiled resources: load the file by path")
        found += [Finding(rel, line, message) for message in messages]
    return sorted(set(found), key=lambda f: (f.line, f.message))


def python_files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def compiled_resource_files(root: Path = ROOT) -> list[Path]:
    """Compiled Qt resources anywhere in the project (pyrcc modules, binary .rcc files)."""
    found = []
    for path in root.rglob("*"):
        if NOT_SOURCES.intersection(path.relative_to(root).parts):
            continue
        if path.name.endswith(("_rc.py", ".rcc")):
            found.append(path)
    return sorted(found)


def source_findings() -> list[str]:
    findings = [f"{p.relative_to(ROOT)}: compiled resources file" for p in compiled_resource_files()]
    for path in python_files():
        rel = path.relative_to(ROOT).as_posix()
        findings += [str(f) for f in check_source(path.read_text(encoding="utf-8"), rel)]
    return findings


def ts_messages(ts_path: Path) -> dict[str, str]:
    """source text -> translation type ('' when finished, else 'unfinished'/'obsolete'/'vanished')."""
    text = ts_path.read_text(encoding="utf-8")
    messages = {}
    for block in re.findall(r"<message>(.*?)</message>", text, flags=re.S):
        source = re.search(r"<source>(.*?)</source>", block, flags=re.S)
        translation = re.search(r"<translation(?:\s+type=\"(\w+)\")?\s*(?:/>|>(.*?)</translation>)", block, flags=re.S)
        if source:
            state = translation.group(1) or "" if translation else "missing"
            if translation and not state and not (translation.group(2) or "").strip():
                state = "empty"
            messages[source.group(1)] = state
    return messages


def i18n_findings(ts_file: Path = TS_FILE, sources: list[Path] | None = None) -> list[str]:
    """Unfinished translations in `ts_file`, and tr() texts of `sources` (the package) missing from it."""
    if not ts_file.is_file():
        return [f"{ts_file.name} is missing: run make i18n"]
    findings = [f"i18n: '{src}' is {state} in the French translation"
                for src, state in ts_messages(ts_file).items() if state]
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.ts"
        files = python_files() if sources is None else sources
        subprocess.run(["pylupdate5", "-noobsolete", *map(str, files), "-ts", str(fresh)],  # noqa: S603,S607
                       check=True, capture_output=True)
        missing = set(ts_messages(fresh)) - set(ts_messages(ts_file))
    findings += [f"i18n: '{src}' is in the code but not in {ts_file.name}: run make i18n" for src in sorted(missing)]
    return findings


def main() -> int:
    findings = source_findings() + i18n_findings()
    for finding in findings:
        print(finding)
    print(f"static checks: {len(findings)} finding(s) in {len(python_files())} files")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
