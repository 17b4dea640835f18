"""Headless map of the styled layers, compared with the reference image within a tolerance."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from qgis.PyQt.QtGui import QColor, QImage

from bivalves_hdf.qgis_io.render import nice_distance, render_map_png

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "tests" / "reference_images" / "demo_map.png"
ARTEFACTS = ROOT / "build" / "screenshots"
# A pixel differs when a channel moves by more than CHANNEL_TOLERANCE; at most MAX_DIFFERENT of them.
CHANNEL_TOLERANCE = 48
MAX_DIFFERENT = 0.01
STEP = 2  # compare every other pixel in both directions (fast, still sensitive to any symbol change)


def different_fraction(image: QImage, reference: QImage) -> float:
    different = total = 0
    for y in range(0, image.height(), STEP):
        for x in range(0, image.width(), STEP):
            a, b = QColor(image.pixel(x, y)), QColor(reference.pixel(x, y))
            total += 1
            if max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) > CHANNEL_TOLERANCE:
                different += 1
    return different / total


def test_nice_distance():
    assert nice_distance(37_000) == 20_000
    assert nice_distance(60_000) == 50_000
    assert nice_distance(9_999) == 5_000


def test_demo_map_matches_the_reference(qgis_app, sample_gpkg):
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    out = render_map_png(sample_gpkg, ARTEFACTS / "demo_map.png", 1600, 1200)
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1600, 1200)
    if not REFERENCE.is_file():  # first run on a new reference: keep it for review, then fail
        REFERENCE.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(out, REFERENCE)
        pytest.fail(f"reference image created at {REFERENCE}: look at it and run again")
    fraction = different_fraction(image, QImage(str(REFERENCE)))
    assert fraction <= MAX_DIFFERENT, f"{fraction:.2%} of the pixels differ; see {out}"


def test_render_refuses_a_file_without_layers(qgis_app, tmp_path):
    empty = tmp_path / "empty.gpkg"
    empty.write_bytes(b"")
    with pytest.raises(FileNotFoundError):
        render_map_png(empty, tmp_path / "x.png")


def test_demo_data_map_draws_the_layers(qgis_app, demo_gpkg):
    out = render_map_png(demo_gpkg, ARTEFACTS / "demo_data_map.png", 800, 600)
    image = QImage(str(out))
    background = QColor("#f4f2ec")
    coloured = sum(1 for y in range(80, 520, 4) for x in range(0, 420, 4) if QColor(image.pixel(x, y)) != background)
    assert coloured > 300  # points, zones and grid cells were drawn on the map area
