"""Settings, the options page and the "Update the data" dialog."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest
from qgis.core import Qgis, QgsApplication, QgsProject, QgsRectangle, QgsSettings, QgsTask, QgsVectorLayer
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QDate

from bivalves_hdf.gui import dlg_refresh
from bivalves_hdf.gui.dlg_refresh import EXTENT, FILE, SELECTION, RefreshDialog
from bivalves_hdf.gui.options_page import OptionsFactory, OptionsPage
from bivalves_hdf.qgis_io.layers import GROUP_NAME
from bivalves_hdf.qgis_io.settings import GROUP, Settings

FORMATS = Path(__file__).resolve().parents[1] / "fixtures" / "formats"


@pytest.fixture()
def clean_settings(qgis_app):
    """Run the test on default settings; restore the previous ones afterwards."""
    store = QgsSettings()
    store.beginGroup(GROUP)
    saved = {key: store.value(key) for key in store.childKeys()}
    store.remove("")
    store.endGroup()
    yield
    store.beginGroup(GROUP)
    store.remove("")
    for key, value in saved.items():
        store.setValue(key, value)
    store.endGroup()


def wait_for(task: QgsTask, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not sip.isdeleted(task) and task.status() not in (QgsTask.TaskStatus.Complete, QgsTask.TaskStatus.Terminated):
        QgsApplication.processEvents()
        assert time.monotonic() < deadline, "task did not finish"
        time.sleep(0.02)
    QgsApplication.processEvents()


def test_defaults_and_round_trip(clean_settings):
    settings = Settings.load()
    assert settings.data_path.endswith("bivalves_hdf.gpkg")
    assert Path(settings.data_path).parent.parent == Path(QgsApplication.qgisSettingsDirPath())
    assert settings.rate_limit == 3.0 and settings.sources == ["openobs", "sinp_hdf", "gbif", "hubeau"]
    assert not settings.uses_postgis
    settings.rate_limit = 1.5
    settings.sources = ["gbif"]
    settings.sensitive_precision = "commune"
    settings.source_kind, settings.pg_connection, settings.pg_authcfg = "postgis", "shared", "abc1234"
    settings.save()
    loaded = Settings.load()
    assert (loaded.rate_limit, loaded.sources, loaded.sensitive_precision) == (1.5, ["gbif"], "commune")
    assert loaded.uses_postgis and loaded.pg_authcfg == "abc1234"


def test_invalid_stored_values_fall_back_to_defaults(clean_settings):
    store = QgsSettings()
    for key, value in (
        ("rate_limit", -2.0),
        ("sensitive_precision", "street"),
        ("default_area", "mars"),
        ("default_sources", "gbif,nope"),
    ):
        store.setValue(f"{GROUP}/{key}", value)
    settings = Settings.load()
    assert (settings.rate_limit, settings.sensitive_precision, settings.default_area) == (3.0, "maille", "region")
    assert settings.sources == ["gbif"]


def test_options_page_shows_and_applies(clean_settings, tmp_path):
    assert OptionsFactory().title() == "Bivalves Hauts-de-France"
    page = OptionsPage()
    assert page.objectName() == "bivalves_hdf"
    page.data_path.setFilePath(str(tmp_path / "x.gpkg"))
    page.sources["hubeau"].setChecked(False)
    page.rate_limit.setValue(2.0)
    page.sensitive_precision.setCurrentIndex(page.sensitive_precision.findData("departement"))
    page.area.setCurrentIndex(page.area.findData("dept:62"))
    page.incremental.setChecked(False)
    page.pg_schema.setText("equipe")
    page.apply()
    settings = Settings.load()
    assert settings.data_path == str(tmp_path / "x.gpkg")
    assert settings.sources == ["openobs", "sinp_hdf", "gbif"]
    assert (settings.rate_limit, settings.sensitive_precision, settings.default_area) == (2.0, "departement", "dept:62")
    assert settings.incremental is False and settings.pg_schema == "equipe"


def test_refresh_dialog_builds_the_request(clean_settings, qgis_iface, tmp_path):
    dialog = RefreshDialog(qgis_iface)
    assert dialog.windowTitle()
    request = dialog.request()
    assert request.sources == ["openobs", "sinp_hdf", "gbif", "hubeau"] and request.area == "region"
    assert request.since is None and request.out == Path(Settings.load().data_path)
    dialog.area.setCurrentIndex(dialog.area.findData("dept:59"))
    dialog.limit_period.setChecked(True)
    dialog.since.setDate(QDate(2010, 1, 1))
    dialog.until.setDate(QDate(2020, 6, 30))
    request = dialog.request()
    assert (request.area, request.since, request.until) == ("dept:59", date(2010, 1, 1), date(2020, 6, 30))
    options = dlg_refresh.refresh_options(request, Settings.load())
    assert options.sources == ("openobs", "sinp-hdf", "gbif", "hubeau") and options.policy.rate == 3.0


def test_refresh_dialog_areas_from_the_map(clean_settings, qgis_iface, qgis_canvas, qgis_new_project):
    dialog = RefreshDialog(qgis_iface)
    qgis_canvas.setDestinationCrs(qgis_canvas.mapSettings().destinationCrs().fromEpsgId(2154))
    qgis_canvas.setExtent(QgsRectangle(650000, 6950000, 700000, 7000000))
    dialog.area.setCurrentIndex(dialog.area.findData(EXTENT))
    xmin, ymin, xmax, ymax = (float(v) for v in dialog.request().area[5:].split(","))
    assert abs((xmin + xmax) / 2 - 675000) < 1000 and abs((ymin + ymax) / 2 - 6975000) < 1000
    assert xmin <= 650001 and xmax >= 699999 and ymin <= 6950001 and ymax >= 6999999 and xmax - xmin < 200000
    layer = QgsVectorLayer("Polygon?crs=EPSG:2154", "perimetre", "memory")
    layer.dataProvider().addFeatures([_square(680000, 6980000)])
    layer.selectAll()
    QgsProject.instance().addMapLayer(layer)
    qgis_iface.setActiveLayer(layer)
    dialog.area.setCurrentIndex(dialog.area.findData(SELECTION))
    assert Path(dialog.request().area).is_file()
    dialog.area.setCurrentIndex(dialog.area.findData(FILE))
    with pytest.raises(ValueError, match="polygon file"):
        dialog.request()


def _square(x: float, y: float):
    from qgis.core import QgsFeature, QgsGeometry

    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(x, y, x + 5000, y + 5000)))
    return feature


def test_refresh_dialog_refuses_an_empty_or_wrong_form(clean_settings, qgis_iface, tmp_path):
    dialog = RefreshDialog(qgis_iface)
    for box in dialog.source_boxes.values():
        box.setChecked(False)
    with pytest.raises(ValueError):
        dialog.request()
    dialog.files.setFilePath(f'"{tmp_path / "missing.csv"}"')
    with pytest.raises(ValueError, match="not found"):
        dialog.request()
    qgis_iface.messageBar().clear_messages()
    dialog.start()
    assert qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning)


def test_refresh_dialog_imports_files_in_a_task(clean_settings, qgis_iface, qgis_new_project, tmp_path):
    settings = Settings.load()
    settings.data_path = str(tmp_path / "data" / "bivalves.gpkg")
    settings.save()
    dialog = RefreshDialog(qgis_iface)
    for box in dialog.source_boxes.values():
        box.setChecked(False)
    dialog.files.setFilePath(f'"{FORMATS / "geonature_synthese.csv"}" "{FORMATS / "gbif_occurrence.csv"}"')
    qgis_iface.messageBar().clear_messages()
    QgsProject.instance().layerTreeRoot().addGroup(GROUP_NAME)  # the layers are shown: they get reloaded
    tasks = dlg_refresh.launch(qgis_iface, dialog.request(), settings)
    assert len(tasks) == 1
    wait_for(tasks[0])
    assert Path(settings.data_path).is_file()
    group = QgsProject.instance().layerTreeRoot().findGroup(GROUP_NAME)
    assert group is not None and len(group.findLayers()) == 4
    successes = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Success)
    assert any("4 kept" in message or "6 kept" in message for message in successes), successes


def test_refresh_dialog_estimates_then_refreshes_in_tasks(clean_settings, qgis_iface, fake_api, tmp_path, monkeypatch):
    fake_api.populate(openobs=4)
    original = dlg_refresh.refresh_options

    def with_local_services(request, settings):
        options = original(request, settings)
        options.urls = dict(fake_api.urls)
        return options

    monkeypatch.setattr(dlg_refresh, "refresh_options", with_local_services)
    settings = Settings.load()
    settings.data_path = str(tmp_path / "bivalves.gpkg")
    settings.save()
    dialog = RefreshDialog(qgis_iface)
    for key, box in dialog.source_boxes.items():
        box.setChecked(key == "openobs")
    dialog.incremental.setChecked(False)
    dialog.area.setCurrentIndex(dialog.area.findData("dept:80"))
    dialog.estimate()
    wait_for(dlg_refresh.RUNNING_TASKS[-1])
    assert "openobs : 4" in dialog.status.text()
    qgis_iface.messageBar().clear_messages()
    tasks = dlg_refresh.launch(qgis_iface, dialog.request(), Settings.load())
    wait_for(tasks[0])
    assert Path(settings.data_path).is_file()
    assert qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Success)
