"""A real PostgreSQL + PostGIS cluster on loopback for the session (initdb in a temp folder).

The newest PostgreSQL installed under /usr/lib/postgresql/<N>/bin is used (15 on Debian 12, 17 on
Debian 13, 18 on sid); BIVALVES_PG_BIN overrides it.

As root, the cluster runs as the `postgres` system user (PostgreSQL refuses to run as root).
Skips when the PostgreSQL binaries or the PostGIS extension are not installed.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest


def _newest_pg_bin(root: Path = Path("/usr/lib/postgresql")) -> Path:
    """/usr/lib/postgresql/<N>/bin of the highest N that has initdb (the 15 one when none is installed)."""
    versions = sorted((int(d.name) for d in root.glob("*") if d.name.isdigit() and (d / "bin" / "initdb").is_file()),
                      reverse=True) if root.is_dir() else []
    return root / str(versions[0] if versions else 15) / "bin"


PG_BIN = Path(os.environ.get("BIVALVES_PG_BIN") or _newest_pg_bin())
PG_EXTENSIONS = Path("/usr/share/postgresql") / PG_BIN.parent.name / "extension"


@dataclass(frozen=True)
class PgCluster:
    host: str
    port: int
    user: str
    dbname: str

    @property
    def dsn(self) -> str:
        return f"host={self.host} port={self.port} user={self.user} dbname={self.dbname}"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _run(args: list[str], as_postgres: bool) -> None:
    command = (["runuser", "-u", "postgres", "--", *args]) if as_postgres else args
    subprocess.run(command, check=True, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="session")
def pg_cluster():
    """Start a throw-away cluster; yield its PgCluster (database `bivalves` with PostGIS)."""
    if not (PG_BIN / "initdb").is_file():
        pytest.skip(f"PostgreSQL binaries not found in {PG_BIN}")
    if not (PG_EXTENSIONS / "postgis.control").is_file():
        pytest.skip(f"the PostGIS extension for PostgreSQL {PG_BIN.parent.name} is not installed ({PG_EXTENSIONS})")
    import psycopg2

    as_postgres = os.geteuid() == 0
    base = Path(tempfile.mkdtemp(prefix="bivalves_pg_"))
    data = base / "data"
    if as_postgres:
        shutil.chown(base, "postgres")
    port = _free_port()
    try:
        _run(
            [str(PG_BIN / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-locale"],
            as_postgres,
        )
        options = f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
        _run(
            [str(PG_BIN / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(base / "log"), "-w", "start"],
            as_postgres,
        )
        cluster = PgCluster("127.0.0.1", port, "postgres", "bivalves")
        admin = psycopg2.connect(host=cluster.host, port=port, user="postgres", dbname="postgres")
        admin.autocommit = True
        with admin.cursor() as cursor:
            cursor.execute("CREATE DATABASE bivalves")
        admin.close()
        connection = psycopg2.connect(cluster.dsn)
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute("CREATE EXTENSION postgis")
            cursor.execute("CREATE ROLE agent LOGIN")
        connection.close()
        yield cluster
    finally:
        if (data / "postmaster.pid").exists():
            _run([str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"], as_postgres)
            time.sleep(0.1)
        shutil.rmtree(base, ignore_errors=True)
