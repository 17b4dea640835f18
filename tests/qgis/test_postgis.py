"""Publishing to a real PostgreSQL/PostGIS cluster, loading the layers from it, atomic replacement."""

from __future__ import annotations

import subprocess
import sys
import threading

import psycopg2
import pytest
from fixtures_layers import write_sample_gpkg
from qgis.core import QgsProject, QgsProviderRegistry, QgsVectorLayer

from bivalves_hdf.core import schema
from bivalves_hdf.core.errors import BivalvesError
from bivalves_hdf.core.publish import publish
from bivalves_hdf.qgis_io.layers import LAYER_TITLES, PostgisSource, load_layers, open_layer
from bivalves_hdf.qgis_io.postgis import dsn_from_connection

pytestmark = [pytest.mark.postgis, pytest.mark.slow]
CONNECTION = "bivalves_hdf_test"


@pytest.fixture(scope="module")
def published(pg_cluster, sample_gpkg):
    return publish(sample_gpkg, pg_cluster.dsn, "bivalves_hdf", readers=["agent"])


@pytest.fixture()
def qgis_connection(qgis_app, pg_cluster):
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    uri = f"host={pg_cluster.host} port={pg_cluster.port} dbname={pg_cluster.dbname} user={pg_cluster.user}"
    metadata.saveConnection(metadata.createConnection(uri, {"saveUsername": True}), CONNECTION)
    yield CONNECTION
    metadata.deleteConnection(CONNECTION)


def rows(layer: QgsVectorLayer, fields: list[str]) -> dict:
    """Attributes and geometry WKT of every feature, keyed by idSINPOccTax."""
    out = {}
    for feature in layer.getFeatures():
        values = []
        for name in fields:
            value = feature[name]
            values.append(
                None if value is None or value == "" or (hasattr(value, "isNull") and value.isNull()) else str(value)
            )
        out[feature["idSINPOccTax"]] = (values, feature.geometry().asWkt(2))
    return out


def test_publish_counts_and_reader_grants(published, pg_cluster):
    assert published.counts[schema.OCCURRENCES] == 400
    assert published.counts[schema.STATIONS] == 12
    connection = psycopg2.connect(f"host={pg_cluster.host} port={pg_cluster.port} user=agent dbname=bivalves")
    with connection, connection.cursor() as cursor:
        cursor.execute('SELECT count(*) FROM bivalves_hdf.occurrences WHERE "protege"')
        assert cursor.fetchone()[0] > 0
        cursor.execute("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'bivalves_hdf_%'")
        assert cursor.fetchone()[0] == 0  # no staging or old schema left behind
    connection.close()


def test_layers_from_postgis_equal_the_geopackage(
    published, qgis_connection, qgis_iface, qgis_new_project, sample_gpkg
):
    source = PostgisSource(qgis_connection, "bivalves_hdf")
    layers = {layer.name(): layer for layer in load_layers(qgis_iface, source)}
    assert len(layers) == 4
    postgis = layers[LAYER_TITLES[schema.OCCURRENCES]]
    assert postgis.providerType() == "postgres"
    assert postgis.renderer().type() == "categorizedSymbol"
    assert postgis.renderer().classAttribute() == "classeStatut"  # the column was published
    gpkg = open_layer(sample_gpkg, schema.OCCURRENCES)
    assert postgis.featureCount() == gpkg.featureCount() == 400
    fields = [c.name for c in schema.OCCURRENCE_COLUMNS]
    assert rows(postgis, fields) == rows(gpkg, fields)
    assert postgis.crs().authid() == "EPSG:2154"
    for name, title in LAYER_TITLES.items():  # every layer: same count, same geometries
        local = open_layer(sample_gpkg, name)
        assert layers[title].featureCount() == local.featureCount() > 0, name
        wkts = sorted(f.geometry().asWkt(2) for f in layers[title].getFeatures())
        assert wkts == sorted(f.geometry().asWkt(2) for f in local.getFeatures()), name
    assert QgsProject.instance().mapLayers()


def test_dsn_from_connection(qgis_connection, pg_cluster):
    dsn = dsn_from_connection(qgis_connection)
    assert f"port={pg_cluster.port}" in dsn
    with pytest.raises(BivalvesError, match="no such connection"):
        dsn_from_connection("no such connection")


def test_republish_is_atomic_for_a_concurrent_reader(published, pg_cluster, tmp_path):
    smaller = write_sample_gpkg(tmp_path / "smaller.gpkg", n_occurrences=150, seed=11)
    expected = {published.counts[schema.OCCURRENCES], 150}
    seen, errors, stop = [], [], threading.Event()

    def reader() -> None:
        connection = psycopg2.connect(pg_cluster.dsn)
        connection.autocommit = True
        try:
            with connection.cursor() as cursor:
                while not stop.is_set():
                    cursor.execute(
                        "SELECT (SELECT count(*) FROM bivalves_hdf.occurrences),"
                        ' (SELECT max("nbLus") FROM bivalves_hdf.refresh_log)'
                    )
                    seen.append(cursor.fetchone())
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        for gpkg in (smaller, tmp_path / "again.gpkg"):
            if not gpkg.exists():
                write_sample_gpkg(gpkg, n_occurrences=400)
            publish(gpkg, pg_cluster.dsn, "bivalves_hdf")
    finally:
        stop.set()
        thread.join(timeout=30)
    assert not errors, errors
    assert len(seen) > 10
    for occurrences, read in seen:
        assert occurrences in expected and occurrences == read  # both tables from the same publication
    assert {occurrences for occurrences, _ in seen} == expected


def test_publish_algorithm_through_processing(pg_cluster, qgis_connection, qgis_processing, sample_gpkg):
    import processing
    from qgis.core import QgsApplication, QgsProcessingException

    from bivalves_hdf.processing.provider import BivalvesProvider

    registry = QgsApplication.processingRegistry()
    provider = None
    if registry.providerById("bivalves_hdf") is None:
        provider = BivalvesProvider()
        registry.addProvider(provider)
    try:
        params = {"INPUT": str(sample_gpkg), "CONNECTION": qgis_connection, "SCHEMA": "equipe", "READERS": "agent"}
        result = processing.run("bivalves_hdf:publish_postgis", params)
        assert result["OCCURRENCES"] == 400
        with pytest.raises(QgsProcessingException):
            processing.run("bivalves_hdf:publish_postgis", {**params, "READERS": "no_such_role"})
        connection = psycopg2.connect(pg_cluster.dsn)
        with connection, connection.cursor() as cursor:  # the failed run left the published schema as it was
            cursor.execute("SELECT count(*) FROM equipe.occurrences")
            assert cursor.fetchone()[0] == 400
            cursor.execute("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'equipe_%'")
            assert cursor.fetchone()[0] == 0
        connection.close()
    finally:
        if provider is not None:
            registry.removeProvider(provider)


def test_load_action_reads_postgis_when_configured(published, qgis_connection, qgis_iface, qgis_new_project):
    from bivalves_hdf.qgis_io.layers import load_from_settings
    from bivalves_hdf.qgis_io.settings import Settings

    settings = Settings.load()
    previous = (settings.source_kind, settings.pg_connection, settings.pg_schema)
    settings.source_kind, settings.pg_connection, settings.pg_schema = "postgis", qgis_connection, "bivalves_hdf"
    settings.save()
    try:
        layers = load_from_settings(qgis_iface)
        assert len(layers) == 4 and all(layer.providerType() == "postgres" for layer in layers)
        settings.pg_connection = "missing connection"
        settings.save()
        qgis_iface.messageBar().clear_messages()
        assert load_from_settings(qgis_iface) == []
        from qgis.core import Qgis

        assert qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Critical)
    finally:
        settings.source_kind, settings.pg_connection, settings.pg_schema = previous
        settings.save()


def test_publish_command(pg_cluster, sample_gpkg, tmp_path):
    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "bivalves_hdf", "publish", "--data", str(sample_gpkg), *args],  # noqa: S603
                              capture_output=True, text=True, timeout=300, check=False)

    done = cli("--dsn", pg_cluster.dsn, "--schema", "ligne_de_commande")
    assert done.returncode == 0, done.stderr
    assert "ligne_de_commande.occurrences: 400" in done.stdout.splitlines()
    refused = cli("--dsn", pg_cluster.dsn, "--schema", "ligne_de_commande", "--readers", "no_such_role")
    assert refused.returncode == 1 and "published schema is unchanged" in refused.stderr
    unreachable = cli("--dsn", f"host={pg_cluster.host} port=1 dbname=x user=x connect_timeout=3")
    assert unreachable.returncode == 1 and "cannot reach the PostgreSQL database" in unreachable.stderr
    assert "Traceback" not in refused.stderr + unreachable.stderr
    connection = psycopg2.connect(pg_cluster.dsn)
    with connection, connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM ligne_de_commande.occurrences")
        assert cursor.fetchone()[0] == 400
    connection.close()
