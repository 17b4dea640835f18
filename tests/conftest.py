"""Root conftest: loads every `tests/fixtures_*.py` module as a plugin of shared fixtures.

pytest-qgis starts QGIS before any conftest is read, so QT_QPA_PLATFORM=offscreen and
PROJ_DATA come from the environment (the Makefile exports them).
"""

from __future__ import annotations

from pathlib import Path

TESTS_DIR = Path(__file__).resolve().parent
pytest_plugins = sorted(f"fixtures_{p.stem[len('fixtures_'):]}" for p in TESTS_DIR.glob("fixtures_*.py"))
