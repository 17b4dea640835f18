"""The key dock in real QGIS: clicks through a whole path, the protected-species notice, the map buttons."""

from __future__ import annotations

from pathlib import Path

import pytest
from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QApplication, QCommandLinkButton, QLabel

from bivalves_hdf.gui.dock_key import KeyDock, occurrences_layer, taxon_filter
from bivalves_hdf.gui.key_widget import observability_labels

SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
# Clicks (lead numbers) from the first question to Unio crassus, protected under article 2.
TO_UNIO_CRASSUS = [("start", 1), ("f01", 2), ("f04", 1), ("f05", 2), ("f09", 2), ("f11", 2), ("f12", 1)]
# Lambert-93 points: three U. crassus near Compiègne, one far away in Lille, one zebra mussel.
RECORDS = [(64443, 690000, 6920000), (64443, 691500, 6920500), (64443, 693000, 6921000),
           (64443, 704000, 7059000), (64629, 690200, 6920100)]


@pytest.fixture()
def occurrences(qgis_new_project) -> QgsVectorLayer:
    layer = QgsVectorLayer("Point?crs=EPSG:2154&field=cdRef:integer&field=nomCite:string", "occurrences", "memory")
    features = []
    for cd_ref, x, y in RECORDS:
        feature = QgsFeature(layer.fields())
        feature.setAttributes([cd_ref, "synthetic"])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    QgsProject.instance().addMapLayer(layer)
    return layer


@pytest.fixture()
def dock(qgis_iface, qgis_canvas) -> KeyDock:
    widget = KeyDock(qgis_iface)
    widget.resize(430, 690)  # a right-hand dock on a 1366x768 laptop screen
    widget.show()
    yield widget
    widget.close()
    widget.deleteLater()


def click_path(dock: KeyDock, path) -> None:
    for couplet, lead in path:
        assert dock.key_widget.session.current.id == couplet
        button = dock.key_widget.findChild(QCommandLinkButton, f"lead{lead}")
        assert button is not None and button.isVisible()
        button.click()


def test_clicking_through_a_whole_path_to_a_protected_species_shows_the_notice(dock) -> None:
    assert dock.objectName() == "BivalvesHdfKeyDock"
    click_path(dock, TO_UNIO_CRASSUS)
    result = dock.key_widget.session.outcome.result
    assert (result.scientific_name, result.cd_ref) == ("Unio crassus", 64443)
    sheet = dock.key_widget.sheet
    assert sheet.notice_ids == ["protected", "live_handling"]
    banner = dock.key_widget.findChild(QLabel, "protectedBanner")
    assert banner.isVisible() and banner.text()
    text = sheet.plain_text()
    if dock.key_widget.language == "fr":
        assert "ESPÈCE PROTÉGÉE" in text and "« spécimen »" in text and "dérogation" in text
        assert "Photographier sur place" in text and "Signaler" in text and "Ne jamais forcer" in text
    else:
        assert "PROTECTED SPECIES" in text and "\"specimen\"" in text and "derogation" in text
        assert "Photograph in place" in text and "Report the record" in text and "Never force the valves" in text
    assert text.index("PROTECT" if "PROTECTED" in text else "PROTÉG") < text.index("Description")
    assert dock.show_button.isVisible() and dock.nearby_button.isVisible()
    assert dock.inpn_url() == "https://inpn.mnhn.fr/espece/cd_nom/64443" and dock.inpn_button.isEnabled()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert dock.grab().save(str(SCREENSHOTS / "key_dock_result.png"))


def test_the_first_question_screenshot_and_keyboard_use(dock) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert dock.grab().save(str(SCREENSHOTS / "key_dock_question.png"))
    widget = dock.key_widget
    QTest.keyClick(widget, Qt.Key.Key_1)
    QTest.keyClick(widget, Qt.Key.Key_2)
    assert widget.session.current.id == "f04"
    QTest.keyClick(widget, Qt.Key.Key_Backspace)
    assert widget.session.current.id == "f01"
    QTest.keyClick(widget, Qt.Key.Key_Home)
    assert widget.session.current.id == "start" and widget.session.path == ()


def test_breadcrumb_back_and_restart_buttons(dock) -> None:
    widget = dock.key_widget
    click_path(dock, TO_UNIO_CRASSUS[:5])
    assert widget.session.current.id == "f11"
    assert "step:2" in widget.breadcrumb.text()
    widget.breadcrumb.linkActivated.emit("step:2")
    assert widget.session.current.id == "f04" and len(widget.session.path) == 2
    widget.back_button.click()
    assert widget.session.current.id == "f01"
    widget.restart_button.click()
    assert widget.session.current.id == "start"
    assert not widget.back_button.isEnabled()


def test_the_undecided_button_ends_on_the_group(dock) -> None:
    widget = dock.key_widget
    click_path(dock, [("start", 1), ("f01", 2), ("f04", 1), ("f05", 1), ("f06", 2), ("f07", 2)])
    assert widget.undecided_button.isVisible()
    widget.undecided_button.click()
    result = widget.session.outcome.result
    assert result.aggregate and result.ref == "anodonta_sp"
    assert widget.sheet.notice_ids == ["live_handling", "expert"]
    assert not widget.findChild(QLabel, "protectedBanner").isVisible()
    assert not dock.inpn_button.isEnabled()


def test_show_records_filters_the_layer_and_zooms(dock, occurrences, qgis_canvas) -> None:
    click_path(dock, TO_UNIO_CRASSUS)
    qgis_canvas.setDestinationCrs(occurrences.crs())
    assert dock.show_records() == 4
    assert occurrences.subsetString() == taxon_filter((64443,))
    assert occurrences.featureCount() == 4
    extent = qgis_canvas.extent()
    assert extent.contains(QgsPointXY(690000, 6920000)) and extent.contains(QgsPointXY(704000, 7059000))
    dock.clear_filter()
    assert occurrences.subsetString() == "" and occurrences.featureCount() == len(RECORDS)


def test_show_records_keeps_the_sensitive_records_rule(dock, qgis_new_project) -> None:
    from bivalves_hdf.qgis_io.filters import sensitivity_clause, set_base_filter

    layer = QgsVectorLayer("Point?crs=EPSG:2154&field=cdRef:integer&field=sensiNiveau:string"
                           "&field=classePrecision:string", "occurrences", "memory")
    rows = [(64443, "0", "precise"), (64443, "2", "precise"), (64443, "2", "maille"), (64629, "0", "precise")]
    features = []
    for number, (cd_ref, level, precision) in enumerate(rows):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([cd_ref, level, precision])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(690000 + 1000 * number, 6920000)))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    QgsProject.instance().addMapLayer(layer)
    set_base_filter(layer, sensitivity_clause("maille"))  # as "Load the layers" does with the settings
    base = layer.subsetString()
    assert layer.featureCount() == 3
    click_path(dock, TO_UNIO_CRASSUS)
    assert dock.show_records() == 2  # the sensitive record located to the point stays hidden
    assert sorted(f["sensiNiveau"] + f["classePrecision"] for f in layer.getFeatures()) == ["0precise", "2maille"]
    dock.clear_filter()
    assert layer.subsetString() == base and layer.featureCount() == 3


def test_nearby_records_selects_the_taxon_within_the_distance(dock, occurrences, qgis_canvas) -> None:
    click_path(dock, TO_UNIO_CRASSUS)
    qgis_canvas.setDestinationCrs(occurrences.crs())
    qgis_canvas.setExtent(QgsRectangle(689000, 6919000, 691000, 6921000))  # centre (690000, 6920000)
    dock.distance.setValue(2.5)
    chosen = dock.nearby_records()
    request = QgsFeatureRequest().setFilterFids(chosen)
    values = sorted((f["cdRef"], f.geometry().asPoint().x()) for f in occurrences.getFeatures(request))
    assert values == [(64443, 690000.0), (64443, 691500.0)]
    assert set(occurrences.selectedFeatureIds()) == set(chosen)
    dock.distance.setValue(50)
    assert len(dock.nearby_records()) == 3


def test_without_an_occurrences_layer_the_buttons_explain(dock, qgis_new_project) -> None:
    click_path(dock, TO_UNIO_CRASSUS)
    assert dock.show_records() == 0
    assert "load the layers first" in dock.message.text()


def test_a_question_with_figures_screenshot(dock) -> None:
    click_path(dock, TO_UNIO_CRASSUS[:3])
    assert dock.key_widget.session.current.id == "f05"
    buttons = [dock.key_widget.findChild(QCommandLinkButton, f"lead{n}") for n in (1, 2)]
    QApplication.processEvents()  # let the layout take the new descriptions
    assert all(not b.icon().isNull() for b in buttons)
    assert all(b.height() >= b.heightForWidth(b.width()) >= 70 for b in buttons)  # text and figure fit
    assert dock.grab().save(str(SCREENSHOTS / "key_dock_figures.png"))


def test_multi_access_narrows_and_opens_a_protected_sheet(dock) -> None:
    widget = dock.key_widget
    widget.multi_button.click()
    multi = widget.multi
    assert multi is not None and widget.stack.currentWidget() is multi
    total = multi.candidate_list.count()
    assert total == len(widget.key.taxa) and multi.best_character
    multi.set_state("nacre_pits", "present")
    multi.set_state("habitat", "freshwater")
    multi.set_state("hinge_teeth", "present")
    names = [multi.candidate_list.item(i).text() for i in range(multi.candidate_list.count())]
    assert [n.split(" — ")[0] for n in names] == ["Margaritifera margaritifera", "Pseudunio auricularius"]
    QTest.keyClick(widget, Qt.Key.Key_1)  # digits do not answer the hidden key
    assert widget.session.path == ()
    multi.candidate_list.itemActivated.emit(multi.candidate_list.item(1))
    assert dock.outcome.result.cd_ref == 199889 and widget.sheet.notice_ids[0] == "protected"
    assert dock.inpn_url().endswith("/199889")
    widget.back_button.click()
    assert widget.stack.currentWidget() is multi and dock.outcome is None
    widget.restart_button.click()
    assert multi.candidate_list.count() == total
    widget.multi_button.click()
    assert widget.session.current.id == "start" and widget.stack.currentIndex() == 0
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    widget.multi_button.click()
    multi.set_state("habitat", "freshwater")
    assert dock.grab().save(str(SCREENSHOTS / "key_dock_multiaccess.png"))


def test_the_plugin_layer_is_found_by_its_table_name(dock, qgis_new_project, tmp_path) -> None:
    memory = QgsVectorLayer("Point?crs=EPSG:2154&field=cdRef:integer", "tmp", "memory")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName = "GPKG", "occurrences"
    path = str(tmp_path / "bivalves.gpkg")
    error = QgsVectorFileWriter.writeAsVectorFormatV3(memory, path, QgsProject.instance().transformContext(), options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError
    titled = QgsVectorLayer(f"{path}|layername=occurrences", "Observations de bivalves", "ogr")
    other = QgsVectorLayer("Point?crs=EPSG:2154&field=cdRef:integer", "Autre couche", "memory")
    QgsProject.instance().addMapLayers([other, titled])
    assert occurrences_layer(QgsProject.instance()).id() == titled.id()


def test_each_question_says_what_it_needs_to_be_seen(dock) -> None:
    widget, labels = dock.key_widget, observability_labels()
    click_path(dock, TO_UNIO_CRASSUS[:3])  # f05: hinge teeth, inside of an empty shell
    assert widget.needs.isVisible()
    assert labels["shell"] in widget.needs.text() and labels["field"] not in widget.needs.text()
    click_path(dock, [("f05", 2), ("f09", 2), ("f11", 2)])  # f12: shape (field) and teeth (shell)
    assert widget.session.current.id == "f12"
    assert widget.needs.text().index(labels["field"]) < widget.needs.text().index(labels["shell"])


def test_the_plugin_menu_handler_opens_this_dock(qgis_iface) -> None:
    from bivalves_hdf.plugin_main import BivalvesPlugin

    plugin = BivalvesPlugin(qgis_iface)
    plugin.toggle_key_dock()
    try:
        assert isinstance(plugin.key_dock, KeyDock) and plugin.key_dock.objectName() == "BivalvesHdfKeyDock"
        first = plugin.key_dock
        plugin.toggle_key_dock()
        assert plugin.key_dock is first
    finally:
        plugin.key_dock.close()
        plugin.key_dock.deleteLater()


def test_a_taxon_without_a_sheet_shows_its_matrix_states(dock) -> None:
    widget = dock.key_widget
    widget.show_taxon(531205)  # Euglesa milium: no sheet of its own
    text = widget.sheet.plain_text()
    key = widget.key
    label = key.characters["umbo_position"].label[widget.language]
    state = key.characters["umbo_position"].states["posterior"][widget.language]
    assert "Euglesa milium" in text and f"{label}: {state}" in text
    assert widget.sheet.notice_ids == [] and dock.outcome.result.cd_ref == 531205
