"""Where the plugin finds its files, in the repository and in the installed zip.

In the repository, `metadata.txt`, `data/` and `i18n/` sit beside the package;
in the zip assembled by `make package` they sit inside it.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def _root() -> Path:
    """The folder holding metadata.txt and data/: the package itself once installed."""
    if (PACKAGE_DIR / "metadata.txt").is_file():
        return PACKAGE_DIR
    return PACKAGE_DIR.parent


ROOT = _root()
DATA_DIR = ROOT / "data"
I18N_DIR = ROOT / "i18n"
DOCS_DIR = ROOT / "docs"
METADATA_FILE = ROOT / "metadata.txt"
ICONS_DIR = DATA_DIR / "icons"
STYLES_DIR = DATA_DIR / "styles"
KEY_DIR = DATA_DIR / "key"
DEMO_DIR = DATA_DIR / "demo"


def icon_path(name: str) -> str:
    """Path of an icon file, for QIcon (icons load by path: Qt6 has no compiled resources)."""
    return str(ICONS_DIR / name)
