"""`qgis.PyQt` over PyQt6, as QGIS 4 provides it (test-only)."""
