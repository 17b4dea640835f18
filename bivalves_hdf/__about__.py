"""Plugin metadata, read from metadata.txt (the single source of the version)."""

from __future__ import annotations

import configparser

from bivalves_hdf.paths import METADATA_FILE


def _read_metadata() -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(METADATA_FILE, encoding="utf-8")
    return dict(parser["general"]) if parser.has_section("general") else {}


METADATA = _read_metadata()
__title__ = METADATA.get("name", "Bivalves Hauts-de-France")
__version__ = METADATA.get("version", "0.0.0")
__slug__ = "bivalves_hdf"
USER_AGENT = f"{__slug__}/{__version__}"
