"""Test-only stand-in for the `qgis` package: just `qgis.PyQt`, re-exporting PyQt6 (no QGIS here)."""
