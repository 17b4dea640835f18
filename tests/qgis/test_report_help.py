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


def test_markdown_formats_survive_the_html_export(qgis_app) -> None:
    """An item starting in bold is not bold all through; code is in a monospace font."""
    from bivalves_hdf.gui.help import markdown_to_html

    html = markdown_to_html("- one\n- **Bold** then plain\n- **« Quoted »** then plain\n\nRun `cmd`:\n\n"
                            "```sh\npython3 -m bivalves_hdf --help\n```\n", "t")
    assert not re.search(r'<li style=" font-weight:[67]00;"', html)
    assert re.search(r'<span style=" font-weight:[67]00;">Bold</span> then plain', html)
    assert re.search(r'<span style=" font-weight:[67]00;">« Quoted »</span> then plain', html)
    assert re.search(r"font-family:'DejaVu Sans Mono'[^>]*>cmd</span>", html)
    assert re.search(r"font-family:'DejaVu Sans Mono'[^>]*>python3 -m bivalves_hdf --help</span>", html)


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
