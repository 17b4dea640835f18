"""Bivalves Hauts-de-France: a QGIS plugin for the OFB's bivalve work."""


def classFactory(iface):  # noqa: N802 - name required by QGIS
    """Entry point called by QGIS when the plugin loads."""
    from bivalves_hdf.plugin_main import BivalvesPlugin

    return BivalvesPlugin(iface)
