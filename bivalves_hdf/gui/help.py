"""The Aide menu: the French user guide, the procedure note and the field sheets, as HTML.

The Markdown files of docs/ are turned into HTML with Qt's own Markdown reader (no extra
dependency): at package time by `python -m bivalves_hdf.gui.help docs OUT_DIR`, and on first use
when the plugin runs from a checkout without built HTML.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

from qgis.PyQt.QtCore import QT_VERSION_STR, QCoreApplication, QUrl
from qgis.PyQt.QtGui import QDesktopServices, QGuiApplication, QTextCharFormat, QTextCursor, QTextDocument

from bivalves_hdf.paths import DOCS_DIR

SKIPPED_DIRS = {"dev"}  # developer notes are not user help
STYLE = (
    "body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:60em;margin:1em auto;padding:0 1em;line-height:1.4}"
    "table{border-collapse:collapse}td,th{border:1px solid #999;padding:3px 6px;vertical-align:top}"
    "a{color:#0b5394}"
)
_LOCAL_MD_LINK = re.compile(r'href="(?![a-z]+:)([^"#]+)\.md(#[^"]*)?"')
_HEAD = re.compile(r"<head>.*?</head>", re.S)
_BODY = re.compile(r"<body[^>]*>")
MONOSPACE = ["DejaVu Sans Mono", "monospace"]


def markdown_files(src_dir: Path) -> list[Path]:
    """The user-facing Markdown files under src_dir (index, guide, note, field sheets), sorted."""
    return sorted(p for p in src_dir.rglob("*.md") if not SKIPPED_DIRS & set(p.relative_to(src_dir).parts[:-1]))


def markdown_to_html(markdown: str, title: str) -> str:
    """A standalone UTF-8 HTML page; links to other .md files point to their .html twins."""
    _ensure_gui_application()
    document = QTextDocument()
    document.setMarkdown(markdown)
    _clean_formats(document)
    html = document.toHtml()
    head = f'<head><meta charset="utf-8"><title>{_escape(title)}</title><style>{STYLE}</style></head>'
    html = _HEAD.sub(lambda _m: head, html, count=1)
    html = _BODY.sub("<body>", html, count=1)
    return _LOCAL_MD_LINK.sub(lambda m: f'href="{m.group(1)}.html{m.group(2) or ""}"', html)


def _clean_formats(document: QTextDocument) -> None:
    """Work around two flaws of Qt's HTML export of Markdown.

    A list item after the first that starts in bold gets the bold as its block format and is
    exported as `<li style="font-weight:600;" style=...>`: the whole item shows bold. Code (inline
    and fenced) gets the system's fixed font, which is the normal font on a headless build (the
    package is built offscreen): it gets an explicit monospace family.
    """
    code_ranges = []
    block = document.begin()
    while block.isValid():
        QTextCursor(block).setBlockCharFormat(QTextCharFormat())
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.isValid() and _is_code(fragment.charFormat()):
                code_ranges.append((fragment.position(), fragment.position() + fragment.length()))
            fragments += 1
        block = block.next()
    code = QTextCharFormat()
    code.setFontFamilies(MONOSPACE)
    for start, end in code_ranges:  # formats changed once the walk is over
        cursor = QTextCursor(document)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(code)


def _is_code(char_format: QTextCharFormat) -> bool:
    """Code fragments are the only ones the Markdown reader marks fixed-pitch or gives a font family."""
    if char_format.fontFixedPitch() or char_format.fontFamilies():
        return True
    return QT_VERSION_STR.startswith("5.") and bool(char_format.fontFamily())  # Qt 5 sets the family only


def build_help(src_dir: Path, out_dir: Path) -> list[Path]:
    """Write one HTML page per Markdown file (same relative path) and copy the Markdown beside it."""
    written = []
    for source in markdown_files(src_dir):
        relative = source.relative_to(src_dir)
        target = out_dir / relative.with_suffix(".html")
        target.parent.mkdir(parents=True, exist_ok=True)
        text = source.read_text(encoding="utf-8")
        target.write_text(markdown_to_html(text, _title(text, source.stem)), encoding="utf-8")
        if source.resolve() != (out_dir / relative).resolve():
            shutil.copyfile(source, out_dir / relative)
        written.append(target)
    return written


def help_index(cache_dir: Path | None = None) -> str:
    """Path of the help home page: the packaged docs/index.html, else HTML built into the profile folder."""
    if (DOCS_DIR / "index.html").is_file():
        return str(DOCS_DIR / "index.html")
    if cache_dir is None:
        from qgis.core import QgsApplication

        cache_dir = Path(QgsApplication.qgisSettingsDirPath()) / "bivalves_hdf" / "help"
    if (DOCS_DIR / "index.md").is_file():
        build_help(DOCS_DIR, cache_dir)
        return str(cache_dir / "index.html")
    return str(DOCS_DIR)


def open_help() -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(help_index()))


def _title(markdown: str, fallback: str) -> str:
    for line in markdown.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return fallback


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _ensure_gui_application() -> None:
    """QTextDocument needs a QGuiApplication (QGIS provides one; the build command makes its own)."""
    if QCoreApplication.instance() is None:
        _ensure_gui_application.app = QGuiApplication([sys.argv[0] if sys.argv else "help"])


def main(argv: list[str] | None = None) -> int:
    """`python -m bivalves_hdf.gui.help SRC_DIR OUT_DIR`: build the HTML help (used by make package)."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m bivalves_hdf.gui.help SRC_DIR OUT_DIR", file=sys.stderr)
        return 2
    pages = build_help(Path(args[0]), Path(args[1]))
    print(f"help: {len(pages)} HTML page(s) in {args[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
