"""The "Load the layers" action: one styled layer-tree group from the GeoPackage or PostGIS."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Union

from qgis.core import (
    Qgis,
    QgsCategorizedSymbolRenderer,
    QgsDataSourceUri,
    QgsLayerMetadata,
    QgsLayerTree,
    QgsMapLayerStyle,
    QgsProject,
    QgsProviderRegistry,
    QgsVectorLayer,
)

from bivalves_hdf.core import schema, status_class
from bivalves_hdf.qgis_io import log
from bivalves_hdf.qgis_io.filters import sensitivity_clause, set_base_filter
from bivalves_hdf.qgis_io.i18n import tr
from bivalves_hdf.qgis_io.settings import Settings
from bivalves_hdf.qgis_io.styles import style_path

LOGGER = logging.getLogger("bivalves_hdf.layers")
GROUP_NAME = "Bivalves Hauts-de-France"
# Drawing order, top first.
LAYER_ORDER = (schema.OCCURRENCES, schema.STATIONS, schema.ZONES, schema.GRID)
LAYER_TITLES = {
    schema.OCCURRENCES: "Observations de bivalves",
    schema.STATIONS: "Stations hydrobiologiques Hub'Eau",
    schema.ZONES: "Zones de localisation",
    schema.GRID: "Nombre de taxons par maille 10 km",
}
# Licences of the sources, as announced by each service [unverified: check each dataset's terms].
LICENCES = {
    "openobs": "OpenObs (INPN, PatriNat) : Licence Ouverte Etalab 2.0",
    "sinp_hdf": "SINP Hauts-de-France : conditions du SINP régional",
    "sinp_dee": "SINP (DEE) : Licence Ouverte Etalab 2.0",
    "geonature": "GeoNature : conditions de l'organisme producteur",
    "gbif": "GBIF : CC0, CC BY ou CC BY-NC selon le jeu de données",
    "hubeau": "Hub'Eau (OFB, BRGM) : Licence Ouverte Etalab 2.0",
}


@dataclass(frozen=True)
class PostgisSource:
    """The shared database: a QGIS PostgreSQL connection name, its schema and an authcfg id."""

    connection: str
    schema: str = "bivalves_hdf"
    authcfg: str = ""


LayerSource = Union[str, Path, PostgisSource]


@dataclass
class RefreshInfo:
    """What the refresh_log says about the data: sources and the date of the last import."""

    sources: list[str] = field(default_factory=list)
    last_refresh: str = ""


# --- opening -----------------------------------------------------------------------------
def postgis_uri(source: PostgisSource, table: str, geometry: str | None = "geom") -> str:
    """Data source URI of `table` through the named QGIS connection (credentials by authcfg)."""
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    connection = metadata.findConnection(source.connection)
    if connection is None:
        raise LookupError(tr("No PostgreSQL connection named “{name}” in QGIS.").format(name=source.connection))
    uri = QgsDataSourceUri(connection.uri())
    if source.authcfg:
        uri.setAuthConfigId(source.authcfg)
        uri.setUsername("")
        uri.setPassword("")
    uri.setDataSource(source.schema, table, geometry or "", "", "fid")
    return uri.uri(False)


def open_layer(source: LayerSource, name: str, title: str | None = None) -> QgsVectorLayer:
    """The layer `name` of the GeoPackage or PostGIS schema (invalid if it does not exist)."""
    title = title or name
    if isinstance(source, PostgisSource):
        geometry = None if name in (schema.REFRESH_LOG, schema.REJECTS, schema.TAXA, schema.STATUSES) else "geom"
        return QgsVectorLayer(postgis_uri(source, name, geometry), title, "postgres")
    return QgsVectorLayer(f"{source}|layername={name}", title, "ogr")


def source_exists(source: LayerSource) -> bool:
    if isinstance(source, PostgisSource):
        return True
    return Path(source).is_file()


def read_refresh_info(source: LayerSource) -> RefreshInfo:
    """Sources and last refresh date from the refresh_log table (empty when it is missing)."""
    info = RefreshInfo()
    table = open_layer(source, schema.REFRESH_LOG)
    if not table.isValid():
        return info
    sources = set()
    for feature in table.getFeatures():
        sources.update(s.strip() for s in str(feature["source"] or "").split(",") if s.strip() not in ("", "-"))
        stamp = str(feature["horodatage"] or "")
        info.last_refresh = max(info.last_refresh, stamp)
    info.sources = sorted(sources)
    return info


# --- styles and metadata ---------------------------------------------------------------------
def apply_style(layer: QgsVectorLayer, name: str) -> None:
    """The default style of data/styles/<name>.qml; the occurrence variants go to the style manager."""
    message, ok = layer.loadNamedStyle(str(style_path(name)))
    if not ok:
        LOGGER.warning("style %s not applied: %s", name, message)
    if name != schema.OCCURRENCES:
        return
    renderer = layer.renderer()
    if isinstance(renderer, QgsCategorizedSymbolRenderer) and layer.fields().indexOf(status_class.COLUMN) < 0:
        # A GeoPackage written before classeStatut existed (the next import adds it): the same
        # classes, computed per point by an expression (slower on large layers).
        renderer.setClassAttribute(status_class.STATUS_CLASS_SQL)
    manager = layer.styleManager()
    default = tr("Regulatory status")
    manager.renameStyle(manager.currentStyle(), default)
    for variant, label in (("occurrences_age", tr("Record age")), ("occurrences_precision", tr("Location precision"))):
        manager.addStyle(label, QgsMapLayerStyle(style_path(variant).read_text(encoding="utf-8")))
    manager.setCurrentStyle(default)


def set_metadata(layer: QgsVectorLayer, name: str, info: RefreshInfo, origin: str) -> None:
    metadata = QgsLayerMetadata(layer.metadata())
    metadata.setIdentifier(name)
    metadata.setTitle(LAYER_TITLES.get(name, name))
    metadata.setAbstract(
        "Données de bivalves des Hauts-de-France assemblées par le plugin bivalves_hdf "
        f"(OFB). Origine : {origin}. Dernière mise à jour : {info.last_refresh or 'inconnue'}. "
        f"Sources : {', '.join(info.sources) or 'inconnues'}."
    )
    metadata.setLicenses([LICENCES.get(s, s) for s in info.sources])
    metadata.setRights(["Respecter la sensibilité des données SINP avant toute diffusion."])
    metadata.setKeywords({"bivalves": ["bivalves", "Hauts-de-France", "SINP", "OFB"]})
    if info.last_refresh:
        metadata.setHistory([f"Mise à jour des données : {info.last_refresh}"])
    layer.setMetadata(metadata)


# --- the group ---------------------------------------------------------------------------------
def remove_group(project: QgsProject, name: str = GROUP_NAME) -> None:
    """Remove the plugin's group and its layers (so that loading again replaces it)."""
    root = project.layerTreeRoot()
    for group in [node for node in root.children() if QgsLayerTree.isGroup(node) and node.name() == name]:
        ids = [layer.layerId() for layer in group.findLayers()]
        root.removeChildNode(group)
        project.removeMapLayers(ids)


def load_layers(
    iface, source: LayerSource, project: QgsProject | None = None, sensitive_precision: str = "precise"
) -> list[QgsVectorLayer]:
    """Add the group "Bivalves Hauts-de-France" (replacing a previous one); return its layers.

    Sensitive occurrences located more precisely than `sensitive_precision` are left out of the
    points layer (they still count in the 10 km grid)."""
    project = project or QgsProject.instance()
    info = read_refresh_info(source)
    origin = f"PostGIS {source.connection}/{source.schema}" if isinstance(source, PostgisSource) else str(source)
    layers = []
    for name in LAYER_ORDER:
        layer = open_layer(source, name, LAYER_TITLES[name])
        if not layer.isValid():
            LOGGER.info("layer %s missing in %s", name, origin)
            continue
        apply_style(layer, name)
        set_metadata(layer, name, info, origin)
        if name == schema.OCCURRENCES:
            set_base_filter(layer, sensitivity_clause(sensitive_precision))
        layers.append(layer)
    if not layers:
        raise FileNotFoundError(origin)
    remove_group(project)
    group = project.layerTreeRoot().insertGroup(0, GROUP_NAME)
    for layer in layers:
        project.addMapLayer(layer, False)
        group.addLayer(layer)
    if iface is not None and iface.mapCanvas() is not None:
        extent = iface.mapCanvas().mapSettings().layerToMapCoordinates(layers[0], layers[0].extent())
        if not extent.isEmpty():
            iface.mapCanvas().setExtent(extent.buffered(extent.width() * 0.05 or 1000))
            iface.mapCanvas().refresh()
    return layers


def settings_source(settings: Settings) -> LayerSource:
    if settings.uses_postgis:
        return PostgisSource(settings.pg_connection, settings.pg_schema, settings.pg_authcfg)
    return Path(settings.data_path)


def load_from_settings(iface) -> list[QgsVectorLayer]:
    """The menu action: load from the data location of the settings, or explain what is missing."""
    settings = Settings.load()
    source = settings_source(settings)
    if not source_exists(source):
        log.notify(iface, tr("No data yet: first run “Update the data”."), Qgis.MessageLevel.Warning, str(source))
        return []
    try:
        layers = load_layers(iface, source, sensitive_precision=settings.sensitive_precision)
    except (LookupError, FileNotFoundError, ValueError) as error:
        log.notify(iface, tr("The layers could not be loaded."), Qgis.MessageLevel.Critical, str(error))
        return []
    log.notify(iface, tr("{n} layers loaded.").format(n=len(layers)), Qgis.MessageLevel.Success)
    return layers
