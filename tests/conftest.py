"""Root conftest: loads every `tests/fixtures_*.py` module as a plugin of shared fixtures."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("PROJ_DATA", "/usr/share/proj")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TESTS_DIR = Path(__file__).resolve().parent
pytest_plugins = sorted(f"fixtures_{p.stem[len('fixtures_'):]}" for p in TESTS_DIR.glob("fixtures_*.py"))
