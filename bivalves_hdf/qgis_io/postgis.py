"""The libpq connection string of a PostgreSQL connection saved in QGIS (publishing is core.publish)."""

from __future__ import annotations

from qgis.core import QgsDataSourceUri, QgsProviderRegistry

from bivalves_hdf.core.errors import BivalvesError


def dsn_from_connection(name: str, authcfg: str = "") -> str:
    """libpq connection string of a QGIS PostgreSQL connection, credentials from authcfg if given."""
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    connection = metadata.findConnection(name) if name else None
    if connection is None:
        raise BivalvesError(f"no PostgreSQL connection named {name!r} in QGIS")
    uri = QgsDataSourceUri(connection.uri())
    if authcfg:
        uri.setAuthConfigId(authcfg)
    return uri.connectionInfo(True)
