"""QGIS glue: menu, toolbar, translator, log bridge and Processing provider."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from qgis.core import QgsApplication
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from bivalves_hdf.__about__ import __title__
from bivalves_hdf.paths import icon_path
from bivalves_hdf.qgis_io import log
from bivalves_hdf.qgis_io.i18n import install_translator, tr

MENU_TITLE = "Bivalves Hauts-de-France"


@dataclass(frozen=True)
class MenuEntry:
    """One menu action: its id, label, icon file and handler name on the plugin."""

    key: str
    label: str
    icon: str
    handler: str
    toolbar: bool = True


def menu_entries() -> list[MenuEntry]:
    """The menu, in order (labels through tr() so the French .qm applies)."""
    return [
        MenuEntry("refresh", tr("Update the data"), "refresh.svg", "open_refresh"),
        MenuEntry("load", tr("Load the layers"), "layers.svg", "load_layers"),
        MenuEntry("filters", tr("Quick filters"), "filter.svg", "toggle_filter_dock", toolbar=False),
        MenuEntry("key", tr("Identification key"), "key.svg", "toggle_key_dock"),
        MenuEntry("report", tr("Extract for a procedure"), "report.svg", "open_report"),
        MenuEntry("indicators", tr("Indicators by territory"), "indicators.svg", "open_indicators"),
        MenuEntry("publish", tr("Publish to the shared database"), "publish.svg", "open_publish", toolbar=False),
        MenuEntry("settings", tr("Settings"), "settings.svg", "open_settings", toolbar=False),
        MenuEntry("help", tr("Help"), "help.svg", "open_help", toolbar=False),
    ]


class BivalvesPlugin:
    """The object QGIS holds while the plugin is loaded."""

    def __init__(self, iface) -> None:
        self.iface = iface
        self.translator = install_translator()
        self.actions: dict[str, QAction] = {}
        self.toolbar = None
        self.provider = None
        self.log_handler = None
        self.options_factory = None
        self.key_dock = None
        self.filter_dock = None

    # --- life cycle -------------------------------------------------------------
    def initProcessing(self) -> None:  # noqa: N802 - QGIS API
        if self.provider is not None:  # QGIS may call it before initGui does
            return
        from bivalves_hdf.processing.provider import BivalvesProvider

        self.provider = BivalvesProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self) -> None:  # noqa: N802 - QGIS API
        self.log_handler = log.install_handler()
        self.toolbar = self.iface.addToolBar(MENU_TITLE)
        self.toolbar.setObjectName("BivalvesHdfToolbar")
        for entry in menu_entries():
            action = QAction(QIcon(icon_path(entry.icon)), entry.label, self.iface.mainWindow())
            action.setObjectName(f"bivalves_hdf_{entry.key}")
            action.triggered.connect(self._handler(entry.handler))
            self.iface.addPluginToMenu(MENU_TITLE, action)
            if entry.toolbar:
                self.toolbar.addAction(action)
            self.actions[entry.key] = action
        self._register_options_page()
        self.initProcessing()

    def unload(self) -> None:
        for action in self.actions.values():
            self.iface.removePluginMenu(MENU_TITLE, action)
            self.iface.removeToolBarIcon(action)
            action.deleteLater()
        self.actions.clear()
        if self.toolbar is not None:
            self.toolbar.deleteLater()
            self.toolbar = None
        for dock in (self.key_dock, self.filter_dock):
            if dock is not None:
                self.iface.removeDockWidget(dock)
                dock.deleteLater()
        self.key_dock = self.filter_dock = None
        if self.options_factory is not None:
            self.iface.unregisterOptionsWidgetFactory(self.options_factory)
            self.options_factory = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.log_handler is not None:
            log.remove_handler(self.log_handler)
            self.log_handler = None
        if self.translator is not None:
            QgsApplication.removeTranslator(self.translator)
            self.translator = None

    def _handler(self, name: str) -> Callable[[], None]:
        def run(*_args) -> None:
            try:
                getattr(self, name)()
            except Exception as error:  # noqa: BLE001 - every failure reaches the user
                log.notify(self.iface, tr("The action failed."), log.Qgis.MessageLevel.Critical, repr(error))
                raise

        return run

    def _register_options_page(self) -> None:
        from bivalves_hdf.gui.options_page import OptionsFactory

        self.options_factory = OptionsFactory()
        self.iface.registerOptionsWidgetFactory(self.options_factory)

    # --- menu handlers ------------------------------------------------------------
    def open_refresh(self) -> None:
        from bivalves_hdf.gui.dlg_refresh import RefreshDialog

        RefreshDialog(self.iface, self.iface.mainWindow()).exec()

    def load_layers(self) -> None:
        from bivalves_hdf.qgis_io.layers import load_from_settings

        load_from_settings(self.iface)

    def toggle_filter_dock(self) -> None:
        from bivalves_hdf.gui.filter_bar import FilterDock

        if self.filter_dock is None:
            self.filter_dock = self._add_dock(FilterDock(self.iface))
        self.filter_dock.reload_taxa()
        self._show(self.filter_dock)

    def toggle_key_dock(self) -> None:
        from bivalves_hdf.gui.dock_key import KeyDock

        if self.key_dock is None:
            self.key_dock = self._add_dock(KeyDock(self.iface))
        self._show(self.key_dock)

    def _add_dock(self, dock):
        from bivalves_hdf.qgis_io.compat import RIGHT_DOCK_AREA

        self.iface.addDockWidget(RIGHT_DOCK_AREA, dock)
        return dock

    @staticmethod
    def _show(dock) -> None:
        dock.setVisible(True)
        dock.raise_()

    def open_report(self) -> None:
        from bivalves_hdf.gui.dlg_report import ReportDialog

        ReportDialog(self.iface, self.iface.mainWindow()).exec()

    def open_indicators(self) -> None:
        from bivalves_hdf.gui.dlg_indicators import IndicatorsDialog

        IndicatorsDialog(self.iface, self.iface.mainWindow()).exec()

    def open_publish(self) -> None:
        import processing

        processing.execAlgorithmDialog("bivalves_hdf:publish_postgis", {})

    def open_settings(self) -> None:
        self.iface.showOptionsDialog(self.iface.mainWindow(), currentPage="bivalves_hdf")

    def open_help(self) -> None:
        from bivalves_hdf.gui.help import open_help

        open_help()


__all__ = ["BivalvesPlugin", "MenuEntry", "menu_entries", "__title__"]
