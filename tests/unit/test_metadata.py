"""metadata.txt carries what QGIS and plugins.qgis.org need; resources.qrc lists every icon and figure."""

from __future__ import annotations

import configparser
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REQUIRED = ("name", "description", "about", "version", "qgisMinimumVersion", "qgisMaximumVersion", "author",
            "email", "homepage", "repository", "tracker", "tags", "category", "icon", "hasProcessingProvider",
            "experimental", "changelog")


def metadata() -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    return dict(parser["general"])


def test_metadata_fields() -> None:
    meta = metadata()
    assert [key for key in REQUIRED if not meta.get(key)] == []
    assert meta["qgisMinimumVersion"] == "3.22"
    assert meta["qgisMaximumVersion"] == "4.99"
    assert meta["hasProcessingProvider"] == "yes"
    assert re.fullmatch(r"\d+\.\d+\.\d+", meta["version"])
    assert (ROOT / meta["icon"]).is_file()
    assert "supportsQt6" not in meta, "deprecated since QGIS 3.44/4.0: qgisMaximumVersion says it"


def test_changelog_has_the_version() -> None:
    version = metadata()["version"]
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## [{version}]" in changelog or "## [Unreleased]" in changelog


def test_resources_qrc_lists_every_icon_and_figure() -> None:
    qrc = (ROOT / "resources.qrc").read_text(encoding="utf-8")
    listed = set(re.findall(r"<file>(.*?)</file>", qrc))
    on_disk = {p.relative_to(ROOT).as_posix() for folder in ("data/icons", "data/key/figures")
               for p in (ROOT / folder).glob("*.svg")}
    assert listed == on_disk, "run `make qrc`"
