"""The species sheet shown at a result of the key (Qt only: runs under PyQt5 and PyQt6)."""

from __future__ import annotations

from html import escape

from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QFrame, QLabel, QTextBrowser, QVBoxLayout, QWidget

from bivalves_hdf.core.key.model import KeyData, Outcome, localized
from bivalves_hdf.core.key.sheets import Notice, SheetBook, Status

# Notice id -> (background, border) colours; the protected notice is the loudest.
NOTICE_COLOURS = {
    "protected": ("#fdecea", "#c0392b"),
    "biosecurity": ("#fff4e0", "#d35400"),
    "live_handling": ("#eaf3fb", "#1f5f99"),
    "expert": ("#f2f2f2", "#7f8c8d"),
}
BADGE = '<span style="background-color:{bg}; color:#ffffff; font-weight:bold;">&nbsp;{text}&nbsp;</span>'
RED_LIST_COLOURS = {"CR": "#c0392b", "EN": "#d35400", "VU": "#b7950b", "NT": "#7d8c2a"}


def badge(colour: str, text: str) -> str:
    """One badge; its words never wrap apart."""
    return BADGE.format(bg=colour, text=escape(text).replace(" ", "&nbsp;"))


def badges(status: Status, aggregate: bool, expert: bool) -> list[str]:
    """Rich-text badges of a result's statuses."""
    found = []
    if status.protected:
        found.append(badge("#c0392b", QCoreApplication.translate("BivalvesHdf", "Protected species (art. 2)")))
    if status.red_list_fr:
        found.append(badge(RED_LIST_COLOURS.get(status.red_list_fr, "#5d6d7e"), QCoreApplication.translate(
            "BivalvesHdf", "French red list: {category}").format(category=status.red_list_fr)))
    if status.habitats_directive:
        annexes = ", ".join(status.habitats_directive)
        found.append(badge("#1f5f99", QCoreApplication.translate(
            "BivalvesHdf", "Habitats Directive, annex(es) {annexes}").format(annexes=annexes)))
    if status.eu_invasive:
        found.append(badge("#6c3483", QCoreApplication.translate("BivalvesHdf", "Invasive species of Union concern")))
    elif status.origin == "invasive":
        found.append(badge("#6c3483", QCoreApplication.translate("BivalvesHdf", "Invasive alien species")))
    elif status.origin == "introduced":
        found.append(badge("#884ea0", QCoreApplication.translate("BivalvesHdf", "Introduced")))
    if aggregate:
        found.append(badge("#5d6d7e", QCoreApplication.translate("BivalvesHdf", "Group of species")))
    if expert:
        found.append(badge("#7f8c8d", QCoreApplication.translate("BivalvesHdf", "Confirmation by a specialist")))
    return found


def verification_label(value: str) -> str:
    """The data files' verification level ("verified", "partly verified", "unverified"), translated."""
    labels = {
        "verified": QCoreApplication.translate("BivalvesHdf", "verified"),
        "partly verified": QCoreApplication.translate("BivalvesHdf", "partly verified"),
        "unverified": QCoreApplication.translate("BivalvesHdf", "not verified"),
    }
    return labels.get(value, value)


def notice_html(notice: Notice, language: str) -> str:
    """A notice as a coloured, framed table (Qt rich text)."""
    background, border = NOTICE_COLOURS.get(notice.id, ("#f2f2f2", "#7f8c8d"))
    points = "".join(f"<li>{escape(p)}</li>" for p in notice.points.get(language) or notice.points["fr"])
    checked = QCoreApplication.translate("BivalvesHdf", "Checked against the sources: {verification}").format(
        verification=verification_label(notice.verification))
    return (f"<table width='100%' border='2' cellspacing='0' cellpadding='6' style='border-color:{border};"
            f" border-style:solid; background-color:{background}'><tr><td>"
            f"<b>{escape(localized(notice.title, language))}</b><ul style='margin-left:-18px'>{points}</ul>"
            f"<span style='color:#555555; font-size:8pt'>{escape(checked)}</span></td></tr></table>")


class SpeciesSheet(QWidget):
    """Names, statuses, notices, description, look-alikes and the path taken, for one outcome.

    A red banner stays in view for a protected species; the sheet itself scrolls.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notice_ids: list[str] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.banner = QLabel(QCoreApplication.translate(
            "BivalvesHdf", "Protected species: collect nothing, not even an empty shell. Photograph, record, report."))
        self.banner.setObjectName("protectedBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("QLabel { background-color: #c0392b; color: #ffffff; font-weight: bold;"
                                  " font-size: 11pt; padding: 6px; border-radius: 4px; }")
        self.banner.setVisible(False)
        self.browser = QTextBrowser()
        self.browser.setObjectName("sheetBrowser")
        self.browser.setOpenExternalLinks(True)
        self.browser.setFrameShape(QFrame.Shape.NoFrame)
        layout.addWidget(self.banner)
        layout.addWidget(self.browser, 1)

    def show_outcome(self, key: KeyData, book: SheetBook, outcome: Outcome, language: str) -> None:
        """Fill the sheet for `outcome` in `language` ('fr' or 'en')."""
        result = outcome.result
        sheet = book.sheet(result)
        if result.aggregate:
            aggregate = key.aggregates[str(result.ref)]
            title = f"<i>{escape(aggregate.name)}</i>"
            vernacular = localized(aggregate.label, language)
        else:
            taxon = key.taxa[int(result.ref)]
            title = f"<i>{escape(taxon.name)}</i> <small>{escape(taxon.authority)}</small>"
            vernacular = taxon.vernacular(language)
        parts = [f"<p><span style='font-size:15pt; font-weight:bold'>{title}</span>"
                 f"<br><span style='font-size:12pt'>{escape(vernacular)}</span></p>"]
        found = badges(sheet.status, result.aggregate, result.expert_confirmation)
        if found:
            parts.append("<p>" + " ".join(found) + "</p>")
        notices = book.notices_for(key, result)
        self.notice_ids = [n.id for n in notices]
        parts += [notice_html(n, language) + "<p></p>" for n in notices]
        if result.aggregate:
            members = "".join(f"<li><i>{escape(key.taxa[m].name)}</i></li>" for m in result.members if m in key.taxa)
            note = localized(key.aggregates[str(result.ref)].note, language)
            parts.append(section(QCoreApplication.translate("BivalvesHdf", "Species of the group"),
                                 f"{escape(note)}<ul>{members}</ul>"))
        if sheet.description:
            parts.append(section(QCoreApplication.translate("BivalvesHdf", "Description"),
                                 escape(localized(sheet.description, language))))
        if sheet.lookalikes:
            parts.append(section(QCoreApplication.translate("BivalvesHdf", "Do not confuse with"),
                                 escape(localized(sheet.lookalikes, language))))
        if not sheet.description and not result.aggregate:
            parts.append(section(QCoreApplication.translate("BivalvesHdf", "Characters (character matrix)"),
                                 matrix_html(key, int(result.ref), language)))
        if outcome.path:
            path = "".join(f"<li>{escape(localized(key.couplets[s.couplet].leads[s.lead].text, language))}</li>"
                           for s in outcome.path)
            parts.append(section(QCoreApplication.translate("BivalvesHdf", "Your answers"),
                                 f"<ol style='margin-left:-18px'>{path}</ol>"))
        if sheet.sources:
            sources = QCoreApplication.translate(
                "BivalvesHdf", "Sources: {sources} (see data/key/README.md); checked: {verification}").format(
                    sources=", ".join(sheet.sources), verification=verification_label(sheet.verification))
            parts.append(f"<hr><p style='color:#555555; font-size:9pt'>{escape(sources)}</p>")
        self.banner.setVisible(sheet.status.protected)
        self.browser.setHtml("".join(parts))

    def plain_text(self) -> str:
        return self.browser.toPlainText()


def matrix_html(key: KeyData, cd_ref: int, language: str) -> str:
    """The taxon's states in the character matrix, as a list."""
    rows = []
    for cid, states in key.taxa[cd_ref].states.items():
        character = key.characters[cid]
        values = ", ".join(localized(character.states[s], language) for s in character.states if s in states)
        rows.append(f"<li>{escape(localized(character.label, language))}: {escape(values)}</li>")
    return f"<ul style='margin-left:-18px'>{''.join(rows)}</ul>"


def section(heading: str, body: str) -> str:
    return f"<p><b>{escape(heading)}</b><br>{body}</p>"
