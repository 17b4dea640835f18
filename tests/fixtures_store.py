"""Shared fixtures of the GeoPackage store: the demo GeoPackage, built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def demo_gpkg(tmp_path_factory) -> Path:
    """bivalves_demo.gpkg built from every synthetic export of data/demo (read-only: copy it to modify it)."""
    from bivalves_hdf.cli.demo_cmd import build_demo_gpkg

    return build_demo_gpkg(tmp_path_factory.mktemp("demo_gpkg"))
