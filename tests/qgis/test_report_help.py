"""The Aide menu: Markdown help (index, user guide, procedure note, field sheets) turned into HTML."""

from __future__ import annotations

import re

from bivalves_hdf.paths import DOCS_DIR


def test_build_help_writes_linked_html(qgis_app, tmp_path) -> None:
    from bivalves_hdf.gui.help import build_help

    pages = build_help(DOCS_DIR, tmp_path)
    names = {p.relative_to(tmp_path).as_posix() for p in pages}
    assert {"index.html", "note-procedures.html"} <= names
    assert sum(1 for n in names if n.startswith("fiches/")) >= 6
    assert not any(n.startswith("dev/") for n in names)  # developer notes stay out of the user help
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert '<meta charset="utf-8">' in index and "<title>Aide — Bivalves Hauts-de-France</title>" in index
    links = re.findall(r'href="([^"]+)"', index)
    assert "note-procedures.html" in links and "fiches/01-moules-zebrees-quagga.html" in links
    assert not [link for link in links if link.endswith(".md")]
    for link in links:
        if not link.startswith("http") and link != "guide-utilisateur.html":
            assert (tmp_path / link.split("#")[0]).is_file(), link
    note = (tmp_path / "note-procedures.html").read_text(encoding="utf-8")
    assert "L411-1" in note and "Légifrance" in note and "<table" in note


def test_help_index_points_to_html(qgis_app, tmp_path) -> None:
    from pathlib import Path

    from bivalves_hdf.gui.help import help_index

    index = Path(help_index(cache_dir=tmp_path))
    assert index.name == "index.html" and index.is_file()


def test_build_command(qgis_app, tmp_path) -> None:
    from bivalves_hdf.gui.help import main

    assert main([str(DOCS_DIR), str(tmp_path)]) == 0
    assert (tmp_path / "fiches" / "06-manipulation-et-biosecurite.html").is_file()
    assert main([]) == 2
