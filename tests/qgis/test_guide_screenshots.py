"""Screenshots of section 5 of the user guide (key, extraction for a procedure, indicators): docs/img/.

French UI, as in a French QGIS: the French locale (numbers, dates), Qt's own French messages when
Debian's qttranslations5-l10n is installed ("Fermer"), and the plugin's .qm (compiled from
i18n/bivalves_hdf_fr.ts into a temporary folder when `make translations` has not been run). Each test
checks what the picture shows before saving it.
The report page is not rewritten when it differs from the one in docs/img/ only where it shows the
times and the SHA-256 of the run, so that running the tests does not churn the repository.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from fixtures_package import doc_images_dir
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate, QLibraryInfo, QLocale, QRect, QSize, QTranslator
from qgis.PyQt.QtGui import QColor, QImage, QPainter
from qgis.PyQt.QtWidgets import QCommandLinkButton, QLabel, QWidget

from bivalves_hdf.paths import DEMO_DIR, I18N_DIR

IMG = doc_images_dir()
TYPICAL_DATA = "/home/agent/.local/share/QGIS/QGIS3/profiles/default/bivalves_hdf/bivalves_hdf.gpkg"
# Clicks (lead numbers) from the first question to Unio crassus, protected under article 2.
TO_UNIO_CRASSUS = [("start", 1), ("f01", 2), ("f04", 1), ("f05", 2), ("f09", 2), ("f11", 2), ("f12", 1)]
# Clicks to the question that separates the two Corbicula (figures, and "I cannot tell").
TO_CORBICULA = [("start", 1), ("f01", 2), ("f04", 2), ("f15", 1)]
# Invented EPCI-like territories (Lambert-93) around the Somme valley, for the indicators dialog.
TERRITORIES = {"Communauté de communes du Val de Somme (exemple)": (640000, 6965000, 665000, 6985000),
               "Communauté d'agglomération d'Abbeville (exemple)": (610000, 6985000, 635000, 7005000)}
REPORT_DPI = 100  # an A4 page 827 pixels wide
WORD_BOX = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
# Words of a report page that change from run to run: dates, times, SHA-256.
CHANGING_WORD = re.compile(r"\d{4}-\d{2}-\d{2}|\d{2}:\d{2}|[0-9a-f]{64}")


def qt_translations_dir() -> str:
    location = getattr(QLibraryInfo, "path", None)  # Qt6
    if location is not None:
        return location(QLibraryInfo.LibraryPath.TranslationsPath)
    return QLibraryInfo.location(QLibraryInfo.LibraryLocation.TranslationsPath)


@pytest.fixture(scope="module", autouse=True)
def french(qgis_app, tmp_path_factory):
    """French locale, Qt's French messages when installed, the plugin's French translation."""
    qm = I18N_DIR / "bivalves_hdf_fr.qm"
    if not qm.is_file():
        lrelease = shutil.which("lrelease")
        if lrelease is None:
            pytest.skip("no French .qm and no lrelease to compile it (make translations)")
        qm = tmp_path_factory.mktemp("qm") / "bivalves_hdf_fr.qm"
        subprocess.run([lrelease, "-silent", str(I18N_DIR / "bivalves_hdf_fr.ts"), "-qm", str(qm)],
                       check=True, timeout=60)
    plugin = QTranslator()
    assert plugin.load(str(qm))
    qt = QTranslator()
    translators = [plugin] + ([qt] if qt.load("qtbase_fr", qt_translations_dir()) else [])
    for translator in translators:
        QgsApplication.installTranslator(translator)
    previous_locale = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    IMG.mkdir(parents=True, exist_ok=True)
    yield qt in translators  # whether Qt's standard buttons are in French too
    QLocale.setDefault(previous_locale)
    for translator in translators:
        QgsApplication.removeTranslator(translator)


def words_to_hide(pdf: Path, page: int, dpi: int) -> list[QRect]:
    """Where a page shows the extraction time, the data file's import time and its SHA-256.

    Boxes in pixels at `dpi` from `pdftotext -bbox` (word boxes in PDF points), from each such word to
    the end of its line.
    """
    done = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                          capture_output=True, text=True, check=True, timeout=60)
    scale = dpi / 72.0
    boxes = []
    for match in WORD_BOX.finditer(done.stdout):
        if CHANGING_WORD.search(match.group(5)):
            x0, y0, x1, y1 = (float(match.group(i)) * scale for i in range(1, 5))
            # to the right edge: the rest of the line may move by a pixel when the word changes
            boxes.append(QRect(int(x0) - 2, int(y0) - 2, 100_000, int(y1 - y0) + 5))
    return boxes


def same_but_for(first: QImage, second: QImage, hidden: list[QRect]) -> bool:
    """Whether two pictures are the same once the `hidden` boxes are blanked in both."""
    if first.size() != second.size():
        return False
    blanked = []
    for image in (first, second):
        copy = image.convertToFormat(QImage.Format.Format_RGB32)
        painter = QPainter(copy)
        for box in hidden:
            painter.fillRect(box, QColor("#ffffff"))
        painter.end()
        data = copy.constBits()
        data.setsize(copy.sizeInBytes())
        blanked.append(bytes(data))
    return blanked[0] == blanked[1]


def keep_or_write(image: QImage, name: str, hidden: list[QRect]) -> Path:
    """Write the picture to docs/img/, unless the one there differs only in the `hidden` boxes."""
    path = IMG / name
    if not (path.is_file() and same_but_for(QImage(str(path)), image, hidden)):
        assert image.save(str(path), "PNG")
    return path


def grab(widget: QWidget, name: str, size: QSize) -> QImage:
    widget.resize(size)
    widget.show()
    QgsApplication.processEvents()
    image = widget.grab().toImage()
    widget.hide()
    assert image.size() == size
    assert image.save(str(IMG / name), "PNG")
    return image


def texts(widget: QWidget) -> list[str]:
    """The texts of the labels and buttons of a widget, to check the picture is in French."""
    found = [label.text() for label in widget.findChildren(QLabel)]
    from qgis.PyQt.QtWidgets import QAbstractButton, QComboBox

    found += [button.text() for button in widget.findChildren(QAbstractButton)]
    found += [combo.itemText(i) for combo in widget.findChildren(QComboBox) for i in range(combo.count())]
    return [text for text in found if text]


def pdf_text(path: Path, page: int) -> str:
    done = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-enc", "UTF-8", str(path), "-"],
                          capture_output=True, check=True, timeout=60)
    return " ".join(unicodedata.normalize("NFKC", done.stdout.decode("utf-8")).split())  # lines joined


# --- identification key ----------------------------------------------------------------------------
@pytest.fixture()
def key_dock(qgis_iface, monkeypatch):
    from bivalves_hdf.gui import dock_key

    monkeypatch.setattr(dock_key, "user_locale", lambda: "fr")
    dock = dock_key.KeyDock(qgis_iface)
    dock.resize(720, 700)
    dock.show()
    yield dock
    dock.close()
    dock.deleteLater()


def click_path(dock, path) -> None:
    for couplet, lead in path:
        assert dock.key_widget.session.current.id == couplet
        dock.key_widget.findChild(QCommandLinkButton, f"lead{lead}").click()


def test_key_question_with_figures(key_dock) -> None:
    widget = key_dock.key_widget
    click_path(key_dock, TO_CORBICULA)
    assert widget.question.text() == "Corbicula : espacement des côtes"
    assert widget.step_label.text() == "Question 5"
    assert widget.needs.text() == "Nécessite : l'œil nu ou une loupe x10"
    leads = [widget.findChild(QCommandLinkButton, f"lead{n}") for n in (1, 2)]
    assert [b.text() for b in leads] == ["Réponse 1", "Réponse 2"]
    assert leads[0].description().startswith("Côtes grossières et espacées")
    assert all(not b.icon().isNull() for b in leads)
    assert "En eau douce" in widget.breadcrumb.text() and "Début" in widget.breadcrumb.text()
    assert widget.undecided_button.isVisible() and widget.undecided_button.text() == "Je ne sais pas"
    assert (widget.back_button.text(), widget.restart_button.text(), widget.multi_button.text()) == \
        ("Retour", "Recommencer", "Multi-accès")
    grab(key_dock, "cle-question-figures.png", QSize(720, 410))


def test_key_result_unio_crassus_with_the_protected_notice(key_dock) -> None:
    widget = key_dock.key_widget
    click_path(key_dock, TO_UNIO_CRASSUS)
    assert key_dock.outcome.result.cd_ref == 64443
    banner = widget.findChild(QLabel, "protectedBanner")
    assert banner.isVisible()
    assert banner.text() == ("Espèce protégée : ne rien prélever, pas même une coquille vide. "
                             "Photographier, noter, signaler.")
    sheet = widget.sheet.plain_text()
    assert "Mulette épaisse" in sheet and "ESPÈCE PROTÉGÉE — arrêté du 23 avril 2007, article 2" in sheet
    assert "Espèce protégée (art. 2)" in sheet and "Photographier sur place" in sheet
    assert (key_dock.show_button.text(), key_dock.nearby_button.text(), key_dock.inpn_button.text()) == \
        ("Afficher les observations", "Observations proches", "Fiche INPN")
    grab(key_dock, "cle-unio-crassus-espece-protegee.png", QSize(720, 760))


def test_key_multi_access(key_dock) -> None:
    widget = key_dock.key_widget
    widget.multi_button.click()
    multi = widget.multi
    for character, state in (("habitat", "freshwater"), ("attachment", "free"), ("adult_length", "60_to_120")):
        multi.set_state(character, state)
    count = multi.candidate_list.count()
    assert 2 <= count <= 15 and "Unio crassus — Mulette épaisse" in [
        multi.candidate_list.item(i).text() for i in range(count)]
    assert widget.question.text() == "Quels caractères pouvez-vous observer ?"
    assert multi.summary.text().startswith(f"Taxons candidats : {count}.")
    assert "Prochain caractère le plus utile" in multi.summary.text() and multi.best_character
    assert multi.clear_button.text() == "Effacer tous les caractères"
    assert multi.combos["radial_ribs"].currentText() == "inconnu"
    grab(key_dock, "cle-multi-acces.png", QSize(720, 900))


# --- extraction for a procedure ---------------------------------------------------------------------
def demo_perimeter_l93() -> list[QgsPointXY]:
    """The vertices of data/demo/perimetre_demo.geojson in Lambert-93 (the demo report's perimeter)."""
    layer = QgsVectorLayer(str(DEMO_DIR / "perimetre_demo.geojson"), "perimetre", "ogr")
    geometry = QgsGeometry(next(layer.getFeatures()).geometry())
    geometry.transform(QgsCoordinateTransform(layer.crs(), QgsCoordinateReferenceSystem("EPSG:2154"),
                                              QgsProject.instance()))
    ring = geometry.asPolygon()[0] if not geometry.isMultipart() else geometry.asMultiPolygon()[0][0]
    return ring[:-1]


def test_report_dialog(french, qgis_iface, qgis_new_project, demo_gpkg, tmp_path) -> None:
    from bivalves_hdf.gui.dlg_report import ReportDialog
    from bivalves_hdf.qgis_io.layers import load_layers

    layers = load_layers(qgis_iface, demo_gpkg, sensitive_precision="maille")
    dialog = ReportDialog(qgis_iface)
    dialog.data_file.setFilePath(str(demo_gpkg))
    dialog.canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    dialog.canvas.setLayers(layers)
    vertices = demo_perimeter_l93()
    outline = QgsGeometry.fromPolygonXY([[*vertices, vertices[0]]]).boundingBox()
    outline.scale(1.15)
    dialog.canvas.setExtent(outline)
    for point in vertices:
        dialog.tool.add_point(point)
    dialog.tool.finish()
    dialog.buffer.setValue(200)
    dialog.since.setDate(QDate(2000, 1, 1))
    dialog.until.setDate(QDate(2025, 12, 31))
    dialog.output.setFilePath(str(tmp_path / "extraction_vallee_somme.pdf"))
    request, out = dialog.build_request()
    assert request.perimeter.geometry.area > 1e8 and request.buffer_m == 200
    assert (request.sensitive_precision, out.suffix) == ("maille", ".pdf")
    shown = texts(dialog)
    for french_text in ("Polygone dessiné ci-dessous", "Périmètre", "Zone tampon", "Période", "du", "au",
                        "Précision des données sensibles", "Rapport PDF", "Produire le rapport",
                        "Effacer le polygone", "Polygone fermé. Effacez-le pour en dessiner un autre.",
                        "Maille 10 km", "Fermer" if french else "Close"):
        assert french_text in shown, french_text
    dialog.data_file.setFilePath(TYPICAL_DATA)
    dialog.output.setFilePath("/home/agent/Documents/extraction_vallee_somme.pdf")
    dialog.resize(QSize(760, 700))
    dialog.show()
    dialog.canvas.refresh()
    dialog.canvas.waitWhileRendering()
    grab(dialog, "dialogue-extraction.png", QSize(760, 700))


def test_report_first_page(qgis_app, demo_gpkg, tmp_path) -> None:
    """Page 1 of the demo report (`make demo`): parameters, map, legend and situation map."""
    from bivalves_hdf.core.report_content import sha256_of
    from bivalves_hdf.qgis_io.report_layout import build_demo_report

    outputs = build_demo_report(demo_gpkg, tmp_path)
    text = pdf_text(outputs.pdf, 1)
    for expected in ("Extraction pour procédure — bivalves", "Vallée de la Somme", "200 m", "Empreinte SHA-256",
                     sha256_of(demo_gpkg), "Légende", "Page 1 /"):
        assert expected in text, expected
    subprocess.run(["pdftoppm", "-f", "1", "-l", "1", "-r", str(REPORT_DPI), "-png", "-singlefile",
                    str(outputs.pdf), str(tmp_path / "page1")], check=True, timeout=60)
    image = QImage(str(tmp_path / "page1.png"))
    assert 800 <= image.width() <= 850 and image.height() > image.width()
    hidden = words_to_hide(outputs.pdf, 1, REPORT_DPI)
    assert len(hidden) >= 4  # import time, SHA-256 (table and footer), extraction time
    keep_or_write(image, "rapport-page-1.png", hidden)


# --- indicators by territory ------------------------------------------------------------------------
@pytest.fixture()
def territories_layer(qgis_new_project) -> QgsVectorLayer:
    layer = QgsVectorLayer("Polygon?crs=EPSG:2154&field=nom:string&field=siren:string", "EPCI (exemple)", "memory")
    features = []
    for number, (name, (xmin, ymin, xmax, ymax)) in enumerate(TERRITORIES.items()):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([name, f"20000000{number}"])
        feature.setGeometry(QgsGeometry.fromWkt(
            f"POLYGON(({xmin} {ymin},{xmax} {ymin},{xmax} {ymax},{xmin} {ymax},{xmin} {ymin}))"))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    QgsProject.instance().addMapLayer(layer)
    return layer


def test_indicators_dialog(french, qgis_iface, territories_layer, demo_gpkg) -> None:
    from bivalves_hdf.gui.dlg_indicators import IndicatorsDialog

    dialog = IndicatorsDialog(qgis_iface)
    dialog.data_file.setFilePath(str(demo_gpkg))
    dialog.layer.setLayer(territories_layer)
    dialog.name_field.setField("nom")
    territories = dialog.territories()
    assert [t.name for t in territories] == list(TERRITORIES)
    shown = texts(dialog)
    for french_text in ("Données (GeoPackage)", "Territoires", "Polygones d'une couche", "Fichier vecteur", "Couche",
                        "Champ du nom", "Entités sélectionnées uniquement", "Dossier de sortie", "Calculer",
                        "Fermer" if french else "Close"):
        assert french_text in shown, french_text
    dialog.data_file.setFilePath(TYPICAL_DATA)
    dialog.output.setFilePath("/home/agent/Documents/indicateurs_bivalves")
    grab(dialog, "dialogue-indicateurs.png", QSize(720, dialog.sizeHint().height()))


def test_indicators_summary_page(qgis_iface, territories_layer, demo_gpkg, tmp_path) -> None:
    """The one-page summary of a territory (indicateurs.pdf), computed as the dialog does."""
    from bivalves_hdf.gui.dlg_indicators import IndicatorsDialog
    from bivalves_hdf.qgis_io.indicators_summary import build_indicators

    dialog = IndicatorsDialog(qgis_iface)
    dialog.layer.setLayer(territories_layer)
    dialog.name_field.setField("nom")
    outputs = build_indicators(demo_gpkg, dialog.territories(), tmp_path)
    first = outputs.results[0]
    assert first.records > 0 and first.taxa and first.cells and first.records_by_decade
    text = pdf_text(outputs.pdf, 1)
    for expected in (f"Indicateurs bivalves — {first.name}", "Taxons protégés", "Mailles 10 km du territoire",
                     f"{first.cells_with_data} / {first.cells}", "Effort d'échantillonnage par décennie",
                     "Limites des données"):
        assert expected in text, expected
    subprocess.run(["pdftoppm", "-f", "1", "-l", "1", "-r", str(REPORT_DPI), "-png", "-singlefile",
                    str(outputs.pdf), str(tmp_path / "page1")], check=True, timeout=60)
    image = QImage(str(tmp_path / "page1.png"))
    assert 800 <= image.width() <= 850
    keep_or_write(image, "indicateurs-fiche-territoire.png", words_to_hide(outputs.pdf, 1, REPORT_DPI))
