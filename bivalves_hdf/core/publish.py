"""Publish the GeoPackage to a shared PostgreSQL/PostGIS schema, all at once.

The layers are copied by GDAL's PostgreSQL driver into a staging schema; one transaction then
renames the staging schema over the published one and drops the old data, so a reader sees
either the previous publication or the new one, never half of it. SQL identifiers go through
psycopg2.sql.Identifier; no value is ever formatted into SQL.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import psycopg2
from osgeo import gdal, ogr
from psycopg2 import sql

from bivalves_hdf.core import schema as gpkg_schema
from bivalves_hdf.core.errors import BivalvesError

LOGGER = logging.getLogger("bivalves_hdf.publish")
PUBLISHED_LAYERS = (
    gpkg_schema.OCCURRENCES,
    gpkg_schema.ZONES,
    gpkg_schema.GRID,
    gpkg_schema.STATIONS,
    gpkg_schema.TAXA,
    gpkg_schema.STATUSES,
    gpkg_schema.REJECTS,
    gpkg_schema.REFRESH_LOG,
)


@dataclass
class PublishResult:
    """Rows published per table."""

    schema: str
    counts: dict[str, int] = field(default_factory=dict)


def gpkg_layers(gpkg: Path) -> list[str]:
    """The schema layers present in the GeoPackage (internal and style tables left out)."""
    dataset = ogr.Open(str(gpkg))
    if dataset is None:
        raise BivalvesError(f"cannot open {gpkg} as a GeoPackage")
    names = {dataset.GetLayer(i).GetName() for i in range(dataset.GetLayerCount())}
    return [name for name in PUBLISHED_LAYERS if name in names]


def _execute(dsn: str, statements: list[sql.Composable]) -> None:
    """Run `statements` in one transaction (commit on success, rollback on any error)."""
    connection = psycopg2.connect(dsn)
    try:
        with connection, connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
    finally:
        connection.close()


def copy_to_staging(gpkg: Path, dsn: str, staging: str, layers: list[str]) -> None:
    ident = sql.Identifier(staging)
    _execute(
        dsn, [sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(ident), sql.SQL("CREATE SCHEMA {}").format(ident)]
    )
    options = gdal.VectorTranslateOptions(
        format="PostgreSQL",
        layers=layers,
        layerCreationOptions=[f"SCHEMA={staging}", "GEOMETRY_NAME=geom", "FID=fid", "LAUNDER=NO", "SPATIAL_INDEX=GIST"],
        accessMode="overwrite",
    )
    gdal.ErrorReset()  # GDAL's exception mode is process-wide: inside QGIS it is left as QGIS set it
    result = gdal.VectorTranslate(f"PG:{dsn}", str(gpkg), options=options)
    if result is None:
        raise RuntimeError(f"GDAL could not copy {gpkg} to PostgreSQL: {gdal.GetLastErrorMsg()}")
    result = None  # noqa: F841 - closes the dataset (flushes the copy)


def swap(dsn: str, target: str, staging: str, readers: Sequence[str]) -> None:
    """Grant, then replace `target` by `staging`, in one transaction."""
    old = sql.Identifier(f"{target}_old")
    connection = psycopg2.connect(dsn)
    try:
        with connection, connection.cursor() as cursor:
            cursor.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(old))
            for role in readers:
                for grant in ("GRANT USAGE ON SCHEMA {} TO {}", "GRANT SELECT ON ALL TABLES IN SCHEMA {} TO {}"):
                    cursor.execute(sql.SQL(grant).format(sql.Identifier(staging), sql.Identifier(role)))
            cursor.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", (target,))
            if cursor.fetchone():
                cursor.execute(sql.SQL("ALTER SCHEMA {} RENAME TO {}").format(sql.Identifier(target), old))
            cursor.execute(
                sql.SQL("ALTER SCHEMA {} RENAME TO {}").format(sql.Identifier(staging), sql.Identifier(target))
            )
            cursor.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(old))
    finally:
        connection.close()


def count_rows(dsn: str, target: str, layers: list[str]) -> dict[str, int]:
    connection = psycopg2.connect(dsn)
    try:
        with connection, connection.cursor() as cursor:
            counts = {}
            for layer in layers:
                cursor.execute(
                    sql.SQL("SELECT count(*) FROM {}.{}").format(sql.Identifier(target), sql.Identifier(layer))
                )
                counts[layer] = cursor.fetchone()[0]
            return counts
    finally:
        connection.close()


def publish(gpkg: str | Path, dsn: str, target: str = "bivalves_hdf", readers: Sequence[str] = ()) -> PublishResult:
    """Copy every schema layer of `gpkg` to the PostgreSQL schema `target`, replacing it atomically."""
    gpkg = Path(gpkg)
    layers = gpkg_layers(gpkg)
    if not layers:
        raise BivalvesError(f"{gpkg} holds no bivalves_hdf layer")
    staging = f"{target}_staging"
    try:
        copy_to_staging(gpkg, dsn, staging, layers)
        swap(dsn, target, staging, readers)
    except psycopg2.OperationalError as error:
        raise BivalvesError(f"cannot reach the PostgreSQL database: {error}".strip()) from error
    except Exception:
        # the published schema is untouched (the swap rolled back); drop the half-built copy
        _execute(dsn, [sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(staging))])
        raise
    result = PublishResult(target, count_rows(dsn, target, layers))
    LOGGER.info("published %s to schema %s: %s", gpkg, target, result.counts)
    return result
