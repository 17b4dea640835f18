"""Pure-Python core: no qgis, no Qt. Plain pytest covers it."""
