"""The determination key as a widget: question, leads as large buttons, breadcrumb, species sheet.

Qt only (imports `qgis.PyQt` and the pure core): the same code runs in QGIS (Qt5) and under
PyQt6. The QGIS-dependent buttons live in `dock_key.KeyDock`, which adds them to
`result_actions`.
"""

from __future__ import annotations

import re
from html import escape

from qgis.PyQt.QtCore import QCoreApplication, QSize, Qt, pyqtSignal
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import (
    QCommandLinkButton,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from bivalves_hdf.core.key.engine import KeySession
from bivalves_hdf.core.key.loader import load_key
from bivalves_hdf.core.key.model import OBSERVABILITY, Couplet, KeyData, Lead, Outcome, Result, localized
from bivalves_hdf.core.key.sheets import SheetBook, load_sheets
from bivalves_hdf.gui.species_sheet import SpeciesSheet

FIGURE_SIZE = QSize(136, 85)
CRUMB_LENGTH = 34
LEAD_POINT_SIZE = 11.0
# No padding: QCommandLinkButton computes its height from its own margins, padding would clip the text.
LEAD_STYLE = (
    "QCommandLinkButton { border: 1px solid #9aa5b1; border-radius: 6px; background-color: #f7f9fb; }"
    " QCommandLinkButton:hover, QCommandLinkButton:focus { border: 1px solid #1f5f99; background-color: #e3eef9; }"
)
DIGIT_KEYS = {Qt.Key.Key_1: 0, Qt.Key.Key_2: 1, Qt.Key.Key_3: 2}


def observability_labels() -> dict[str, str]:
    """What an agent needs to see a character, by the vocabulary's `observable` value."""
    return {
        "field": QCoreApplication.translate("BivalvesHdf", "naked eye or x10 hand lens"),
        "shell": QCoreApplication.translate("BivalvesHdf", "an empty or opened shell (inside, hinge)"),
        "live": QCoreApplication.translate("BivalvesHdf", "a live animal (siphons)"),
        "lab": QCoreApplication.translate("BivalvesHdf", "a cleaned shell under a stereo-microscope, or an expert"),
    }


def crumb(text: str) -> str:
    """A short form of a lead's text for the breadcrumb."""
    head = re.split(r"[;:,(]", text, maxsplit=1)[0].strip().rstrip(".")
    return head if len(head) <= CRUMB_LENGTH else head[: CRUMB_LENGTH - 1].rstrip() + "…"


def scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(widget)
    return area


class KeyWidget(QWidget):
    """Drives a KeySession by clicks or keys (1, 2, 3 answer; Backspace goes back; Home restarts)."""

    result_reached = pyqtSignal(object)  # the Outcome
    question_shown = pyqtSignal(str)  # the couplet id

    def __init__(self, language: str = "fr", key: KeyData | None = None, book: SheetBook | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BivalvesHdfKeyWidget")
        self.language = language if language in ("fr", "en") else "en"
        self.key = key or load_key()
        self.book = book or load_sheets()
        self.session = KeySession(self.key)
        self.lead_buttons: list[QCommandLinkButton] = []
        self.multi = None  # MultiAccessWidget, built (and imported) on first use
        self._free_outcome: Outcome | None = None  # a taxon opened from the multi-access list
        self._icons: dict[str, QIcon] = {}
        self._build()
        self.refresh()

    # --- construction ------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.step_label = QLabel()
        self.step_label.setObjectName("stepLabel")
        self.step_label.setStyleSheet("color: #555555;")
        self.question = QLabel()
        self.question.setObjectName("question")
        self.question.setWordWrap(True)
        self.question.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.needs = QLabel()
        self.needs.setObjectName("needsLabel")
        self.needs.setWordWrap(True)
        self.needs.setStyleSheet("color: #555555; font-style: italic;")
        self.breadcrumb = QLabel()
        self.breadcrumb.setObjectName("breadcrumb")
        self.breadcrumb.setWordWrap(True)
        self.breadcrumb.setTextFormat(Qt.TextFormat.RichText)
        self.breadcrumb.linkActivated.connect(self._crumb_clicked)
        for widget in (self.step_label, self.question, self.needs, self.breadcrumb):
            layout.addWidget(widget)

        self.leads_box = QWidget()
        self.leads_box.setStyleSheet(LEAD_STYLE)
        leads_outer = QVBoxLayout(self.leads_box)
        leads_outer.setContentsMargins(0, 0, 0, 0)
        self.leads_layout = QVBoxLayout()
        self.leads_layout.setSpacing(8)
        leads_outer.addLayout(self.leads_layout)
        leads_outer.addStretch(1)
        self.sheet = SpeciesSheet()
        self.result_actions = QWidget()
        self.result_actions.setObjectName("resultActions")
        self.result_actions_layout = QVBoxLayout(self.result_actions)
        self.result_actions_layout.setContentsMargins(4, 0, 4, 0)
        result_page = QWidget()
        result_layout = QVBoxLayout(result_page)
        result_layout.setContentsMargins(0, 0, 0, 0)
        result_layout.addWidget(self.result_actions)
        result_layout.addWidget(self.sheet, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(scrolled(self.leads_box))
        self.stack.addWidget(result_page)
        layout.addWidget(self.stack, 1)

        bar = QHBoxLayout()
        self.back_button = QPushButton(QCoreApplication.translate("BivalvesHdf", "Back"))
        self.back_button.setObjectName("backButton")
        self.back_button.setToolTip(QCoreApplication.translate("BivalvesHdf", "Undo the last answer (Backspace)"))
        self.back_button.clicked.connect(self.back)
        self.restart_button = QPushButton(QCoreApplication.translate("BivalvesHdf", "Restart"))
        self.restart_button.setObjectName("restartButton")
        self.restart_button.setToolTip(QCoreApplication.translate("BivalvesHdf",
                                                                  "Start again from the first question (Home)"))
        self.restart_button.clicked.connect(self.restart)
        self.undecided_button = QPushButton(QCoreApplication.translate("BivalvesHdf", "I cannot tell"))
        self.undecided_button.setObjectName("undecidedButton")
        self.undecided_button.setToolTip(QCoreApplication.translate(
            "BivalvesHdf", "Stop at the group of species this question separates (confirmation by a specialist)"))
        self.undecided_button.clicked.connect(self.cannot_decide)
        self.multi_button = QPushButton(QCoreApplication.translate("BivalvesHdf", "Multi-access"))
        self.multi_button.setObjectName("multiAccessButton")
        self.multi_button.setCheckable(True)
        self.multi_button.setToolTip(QCoreApplication.translate(
            "BivalvesHdf", "Give the characters you know, in any order, and see the taxa that remain"))
        self.multi_button.toggled.connect(self.set_multi_access)
        for button in (self.back_button, self.restart_button, self.multi_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.undecided_button)
        layout.addLayout(bar)

    def _icon(self, name: str) -> QIcon:
        """The figure as an icon, rendered once from its SVG at the button size."""
        if name not in self._icons:
            self._icons[name] = QIcon(QIcon(str(self.key.figure_path(name))).pixmap(FIGURE_SIZE))
        return self._icons[name]

    def _lead_button(self, index: int) -> QCommandLinkButton:
        """The button of lead `index`, made once and reused from question to question."""
        while len(self.lead_buttons) <= index:
            number = len(self.lead_buttons)
            button = QCommandLinkButton(QCoreApplication.translate("BivalvesHdf", "Answer {n}").format(n=number + 1))
            button.setObjectName(f"lead{number + 1}")
            button.setIconSize(FIGURE_SIZE)
            font = button.font()
            font.setPointSizeF(LEAD_POINT_SIZE)  # an explicit size wins over the 9 pt Qt gives descriptions
            button.setFont(font)
            button.clicked.connect(lambda _checked=False, i=number: self.choose(i))
            self.leads_layout.addWidget(button)
            self.lead_buttons.append(button)
        return self.lead_buttons[index]

    def _show_lead(self, index: int, lead: Lead) -> None:
        button = self._lead_button(index)
        text = localized(lead.text, self.language)
        button.setDescription(text)
        button.setAccessibleName(f"{button.text()}: {text}")
        button.setIcon(self._icon(lead.figure) if lead.figure else QIcon())
        button.setVisible(True)

    # --- state -> widgets ---------------------------------------------------------------
    def refresh(self) -> None:
        """Show the open question, the result of the session, or the multi-access page."""
        multi = self.multi_button.isChecked()
        self.breadcrumb.setVisible(not multi)
        if multi and self._free_outcome is None:
            self._show_multi()
            return
        self._show_breadcrumb()
        outcome = self._free_outcome or self.session.outcome
        self.back_button.setEnabled(bool(self.session.path) or outcome is not None)
        if outcome is not None:
            self.step_label.setText(QCoreApplication.translate("BivalvesHdf", "Result"))
            self.question.setVisible(False)
            self.needs.setVisible(False)
            self.undecided_button.setVisible(False)
            self.sheet.show_outcome(self.key, self.book, outcome, self.language)
            self.stack.setCurrentIndex(1)
            return
        self._show_couplet(self.session.current)
        self.stack.setCurrentIndex(0)

    def _show_couplet(self, couplet: Couplet) -> None:
        self.step_label.setText(QCoreApplication.translate("BivalvesHdf", "Question {n}").format(
            n=len(self.session.path) + 1))
        self.question.setText(localized(couplet.question, self.language))
        self.question.setVisible(True)
        self._show_needs(couplet)
        for index, lead in enumerate(couplet.leads):
            self._show_lead(index, lead)
        for button in self.lead_buttons[len(couplet.leads):]:
            button.setVisible(False)
        self.undecided_button.setVisible(bool(couplet.fallback))
        self.lead_buttons[0].setFocus()
        self.question_shown.emit(couplet.id)

    def _show_needs(self, couplet: Couplet) -> None:
        """What the question needs to be seen, from the vocabulary (easiest first)."""
        seen = {self.key.characters[cid].observable for lead in couplet.leads for cid in lead.states}
        labels = observability_labels()
        needs = [labels[name] for name in OBSERVABILITY if name in seen and name in labels]
        self.needs.setText(QCoreApplication.translate("BivalvesHdf", "Needs: {needs}").format(needs="; ".join(needs)))
        self.needs.setVisible(bool(needs))

    def _show_multi(self) -> None:
        if self.multi is None:
            from bivalves_hdf.gui.multiaccess_widget import MultiAccessWidget

            self.multi = MultiAccessWidget(self.key, self.language)
            self.multi.taxon_chosen.connect(self.show_taxon)
            self.stack.addWidget(self.multi)
        self.step_label.setText(QCoreApplication.translate("BivalvesHdf", "Multi-access"))
        self.question.setText(QCoreApplication.translate("BivalvesHdf", "Which characters can you see?"))
        self.question.setVisible(True)
        self.needs.setVisible(False)
        self.undecided_button.setVisible(False)
        self.back_button.setEnabled(False)
        self.stack.setCurrentWidget(self.multi)
        self.question_shown.emit("")

    def _show_breadcrumb(self) -> None:
        start = QCoreApplication.translate("BivalvesHdf", "Start")
        parts = [f"<a href='step:0'>{escape(start)}</a>"]
        for i, step in enumerate(self.session.path):  # an answer links back to its question, to change it
            text = crumb(localized(self.key.couplets[step.couplet].leads[step.lead].text, self.language))
            parts.append(f"<a href='step:{i}'>{escape(text)}</a>")
        self.breadcrumb.setText(" › ".join(parts))

    # --- actions ------------------------------------------------------------------------
    def choose(self, index: int) -> None:
        """Answer the open question with lead `index` (0-based)."""
        if self.multi_button.isChecked() or self.session.current is None or index >= len(self.session.current.leads):
            return
        result = self.session.choose(index)
        self.refresh()
        if result is not None:
            self.result_reached.emit(self.session.outcome)

    def cannot_decide(self) -> None:
        couplet = self.session.current
        if self.multi_button.isChecked() or couplet is None or not couplet.fallback:
            return
        self.session.cannot_decide()
        self.refresh()
        self.result_reached.emit(self.session.outcome)

    def show_taxon(self, cd_ref: int) -> None:
        """Open the sheet of a taxon chosen from the multi-access list."""
        taxon = self.key.taxa[cd_ref]
        self._free_outcome = Outcome(Result("taxon", cd_ref, taxon.name, cd_ref, (), False), ())
        self.refresh()
        self.result_reached.emit(self._free_outcome)

    def set_multi_access(self, on: bool) -> None:
        """Switch between the dichotomous key and the multi-access mode."""
        self._free_outcome = None
        if self.multi_button.isChecked() != on:
            self.multi_button.setChecked(on)  # toggled() calls back here
            return
        self.refresh()

    def back(self) -> None:
        if self._free_outcome is not None:
            self._free_outcome = None
            self.refresh()
        elif self.session.back():
            self.refresh()

    def restart(self) -> None:
        self._free_outcome = None
        self.session.restart()
        if self.multi is not None:
            self.multi.clear()
        self.refresh()

    def go_to(self, step: int) -> None:
        """Return to the question answered at `step` (0 = the first question)."""
        self.session.go_to(step)
        self.refresh()

    def _crumb_clicked(self, link: str) -> None:
        if link.startswith("step:"):
            self.go_to(int(link.split(":", 1)[1]))

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        key = event.key()
        if key in DIGIT_KEYS:
            self.choose(DIGIT_KEYS[key])
        elif key == Qt.Key.Key_Backspace:
            self.back()
        elif key == Qt.Key.Key_Home:
            self.restart()
        else:
            super().keyPressEvent(event)
