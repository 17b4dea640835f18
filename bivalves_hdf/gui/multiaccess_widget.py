"""Multi-access identification: give the characters you know, in any order (Qt only)."""

from __future__ import annotations

from html import escape

from qgis.PyQt.QtCore import QCoreApplication, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from bivalves_hdf.core.key.model import OBSERVABILITY, KeyData, localized
from bivalves_hdf.core.key.multiaccess import best_splits, candidates

CD_REF_ROLE = Qt.ItemDataRole.UserRole


class MultiAccessWidget(QWidget):
    """One combo box per character; the candidates and the character that best splits them."""

    taxon_chosen = pyqtSignal(int)  # cd_ref of a candidate the user opens

    def __init__(self, key: KeyData, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.language = language
        self.combos: dict[str, QComboBox] = {}
        self.best_character = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setObjectName("multiSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        splitter = QSplitter(Qt.Orientation.Vertical)
        form_box = QWidget()
        form = QFormLayout(form_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        rank = {name: i for i, name in enumerate(OBSERVABILITY)}
        for cid, character in sorted(key.characters.items(), key=lambda kv: rank.get(kv[1].observable, 9)):
            combo = QComboBox()
            combo.setObjectName(f"character_{cid}")
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
            combo.addItem(QCoreApplication.translate("BivalvesHdf", "unknown"), "")
            for state, label in character.states.items():
                combo.addItem(localized(label, language), state)
            combo.currentIndexChanged.connect(self.update_candidates)
            form.addRow(localized(character.label, language), combo)
            self.combos[cid] = combo
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setWidget(form_box)
        self.candidate_list = QListWidget()
        self.candidate_list.setObjectName("candidateList")
        self.candidate_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.candidate_list.setToolTip(QCoreApplication.translate("BivalvesHdf",
                                                                  "Double-click a taxon to open its sheet"))
        self.candidate_list.itemActivated.connect(self._open)
        splitter.addWidget(area)
        splitter.addWidget(self.candidate_list)
        layout.addWidget(splitter, 1)
        self.clear_button = QPushButton(QCoreApplication.translate("BivalvesHdf", "Forget every character"))
        self.clear_button.clicked.connect(self.clear)
        layout.addWidget(self.clear_button)
        self.update_candidates()

    def known(self) -> dict[str, frozenset]:
        return {cid: frozenset({combo.currentData()}) for cid, combo in self.combos.items() if combo.currentData()}

    def set_state(self, character: str, state: str) -> None:
        combo = self.combos[character]
        combo.setCurrentIndex(max(0, combo.findData(state)))

    def clear(self) -> None:
        for combo in self.combos.values():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.update_candidates()

    def update_candidates(self) -> None:
        known = self.known()
        found = candidates(self.key, known)
        self.candidate_list.clear()
        for taxon in found:
            item = QListWidgetItem(f"{taxon.name} — {taxon.vernacular(self.language)}".rstrip(" —"))
            item.setData(CD_REF_ROLE, taxon.cd_ref)
            self.candidate_list.addItem(item)
        splits = best_splits(self.key, known, found, limit=1)
        text = QCoreApplication.translate("BivalvesHdf", "{n} candidate taxa.").format(n=len(found))
        if splits:
            label = localized(self.key.characters[splits[0].character].label, self.language)
            text += " " + QCoreApplication.translate("BivalvesHdf", "Most useful next character: {character}").format(
                character=f"<b>{escape(label)}</b>")
        self.summary.setText(text)
        self.best_character = splits[0].character if splits else ""

    def _open(self, item: QListWidgetItem) -> None:
        self.taxon_chosen.emit(int(item.data(CD_REF_ROLE)))
