"""Static gates run by `make test` before pytest: Qt6 readiness, i18n completeness, no compiled resources.

Exit status 1 with one line per finding.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "bivalves_hdf"
TS_FILE = ROOT / "i18n" / "bivalves_hdf_fr.ts"

# A Qt/QGIS enum value read straight off its class (`Qt.AlignLeft`) instead of its scoped enum
# (`Qt.AlignmentFlag.AlignLeft`): an upper-case member that is neither followed by a dot nor called.
UNSCOPED_ENUM = re.compile(r"\b(Qt|Q[A-Za-z0-9]+)\.([A-Z][A-Za-z0-9_]*)\b(?![.(\w])")
# Names that are classes or constants, not enum values.
NOT_ENUMS = {"Qgis.QGIS_VERSION", "Qgis.QGIS_VERSION_INT", "Qgis.QGIS_RELEASE_NAME", "QgsWkbTypes.Type"}
RULES = [
    (re.compile(r"^\s*(from|import)\s+PyQt[56]\b"), "import Qt through qgis.PyQt, never PyQt5/PyQt6"),
    (re.compile(r"\.exec_\("), "exec_() is gone in Qt6: use exec()"),
    (re.compile(r"\b(resources_rc|pyrcc5|pyrcc6|qInitResources)\b|^\s*from\s+\.?\s*import\s+resources\b"),
     "compiled resources do not exist in Qt6: load files by path"),
    (re.compile(r"""\btr\(\s*f["']"""), "an f-string inside tr() cannot be translated"),
]


def python_files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def source_findings() -> list[str]:
    findings = []
    for path in python_files():
        rel = path.relative_to(ROOT)
        if path.name.endswith("_rc.py"):
            findings.append(f"{rel}: compiled resources module")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            for pattern, message in RULES:
                if pattern.search(line):
                    findings.append(f"{rel}:{number}: {message}")
            if "noqa: enum" in line or path.name == "compat.py":
                continue
            for match in UNSCOPED_ENUM.finditer(code):
                if match.group(0) not in NOT_ENUMS:
                    findings.append(f"{rel}:{number}: unscoped enum {match.group(0)} (use the scoped form)")
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


def i18n_findings() -> list[str]:
    if not TS_FILE.is_file():
        return [f"{TS_FILE.relative_to(ROOT)} is missing: run make i18n"]
    findings = [f"i18n: '{src}' is {state} in the French translation"
                for src, state in ts_messages(TS_FILE).items() if state]
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.ts"
        subprocess.run(["pylupdate5", "-noobsolete", *map(str, python_files()), "-ts", str(fresh)],  # noqa: S603,S607
                       check=True, capture_output=True)
        missing = set(ts_messages(fresh)) - set(ts_messages(TS_FILE))
    findings += [f"i18n: '{src}' is in the code but not in {TS_FILE.name}: run make i18n" for src in sorted(missing)]
    return findings


def main() -> int:
    findings = source_findings() + i18n_findings()
    for finding in findings:
        print(finding)
    print(f"static checks: {len(findings)} finding(s) in {len(python_files())} files")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
