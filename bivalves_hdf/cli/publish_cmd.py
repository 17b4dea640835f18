"""`python -m bivalves_hdf publish`: copy the GeoPackage to the shared PostGIS schema in one swap."""

from __future__ import annotations

import os
from pathlib import Path


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "publish", help="publish the GeoPackage to a shared PostgreSQL/PostGIS schema",
        description="Copies every table into a staging schema, then replaces the published schema in one "
                    "transaction: readers see the previous data or the new data, never a mix. The password "
                    "comes from PGPASSWORD or ~/.pgpass, never from the command line.")
    parser.add_argument("--data", required=True, type=Path, help="bivalves GeoPackage")
    parser.add_argument("--dsn", default=os.environ.get("BIVALVES_HDF_DSN", ""),
                        help="libpq connection string, e.g. 'host=db.example dbname=sig user=bivalves' "
                             "(default: $BIVALVES_HDF_DSN)")
    parser.add_argument("--schema", default="bivalves_hdf", help="target schema (default: bivalves_hdf)")
    parser.add_argument("--readers", default="", help="roles granted USAGE and SELECT, comma-separated")
    parser.set_defaults(run=run)


def run(args) -> int:
    import psycopg2

    from bivalves_hdf.core.errors import BivalvesError
    from bivalves_hdf.core.publish import publish

    if not args.dsn:
        raise BivalvesError("give the database with --dsn or BIVALVES_HDF_DSN")
    readers = [role.strip() for role in args.readers.split(",") if role.strip()]
    try:
        result = publish(args.data, args.dsn, args.schema, readers)
    except (RuntimeError, psycopg2.Error) as error:
        raise BivalvesError(f"publication failed, the published schema is unchanged: {error}") from error
    for table, rows in result.counts.items():
        print(f"{result.schema}.{table}: {rows}")
    return 0
