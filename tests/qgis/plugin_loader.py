"""Load the plugin from a plugins folder the way QGIS does, in a fresh QgsApplication.

Run as a subprocess by test_plugin_package.py (so the copy under test is the one from the zip,
not the repository's): `python plugin_loader.py PLUGINS_DIR LOCALE`. Prints one JSON report.
"""

from __future__ import annotations

import json
import sys

from qgis.core import Qgis, QgsApplication, QgsSettings
from qgis.PyQt.QtWidgets import QMainWindow, QMenu, QToolBar

PLUGIN = "bivalves_hdf"


class RecordingIface:
    """The part of QgisInterface the plugin uses, on a real QMainWindow."""

    def __init__(self) -> None:
        self.window = QMainWindow()
        self.plugins_menu = self.window.menuBar().addMenu("Plugins")
        self.option_factories: list = []
        self.docks: list = []

    def mainWindow(self):  # noqa: N802
        return self.window

    def addToolBar(self, name: str) -> QToolBar:  # noqa: N802
        return self.window.addToolBar(name)

    def _submenu(self, name: str, create: bool) -> QMenu | None:
        for action in self.plugins_menu.actions():
            if action.menu() is not None and action.text() == name:
                return action.menu()
        return self.plugins_menu.addMenu(name) if create else None

    def addPluginToMenu(self, name: str, action) -> None:  # noqa: N802
        self._submenu(name, True).addAction(action)

    def removePluginMenu(self, name: str, action) -> None:  # noqa: N802
        menu = self._submenu(name, False)
        if menu is not None:
            menu.removeAction(action)
            if not menu.actions():
                self.plugins_menu.removeAction(menu.menuAction())

    def removeToolBarIcon(self, action) -> None:  # noqa: N802
        for toolbar in self.window.findChildren(QToolBar):
            toolbar.removeAction(action)

    def registerOptionsWidgetFactory(self, factory) -> None:  # noqa: N802
        self.option_factories.append(factory)

    def unregisterOptionsWidgetFactory(self, factory) -> None:  # noqa: N802
        self.option_factories.remove(factory)

    def addDockWidget(self, area, dock) -> None:  # noqa: N802
        self.docks.append(dock)

    def removeDockWidget(self, dock) -> None:  # noqa: N802
        self.docks.remove(dock)

    def menu_texts(self) -> dict[str, list[str]]:
        return {
            a.text(): [sub.text() for sub in a.menu().actions()]
            for a in self.plugins_menu.actions()
            if a.menu() is not None
        }


def main() -> None:
    plugins_dir, locale = sys.argv[1], sys.argv[2]
    app = QgsApplication([], True)
    app.initQgis()
    QgsSettings().setValue("locale/overrideFlag", True)
    QgsSettings().setValue("locale/userLocale", locale)
    problems: list[str] = []

    def on_message(message, tag, level):
        if level >= Qgis.MessageLevel.Warning and tag in ("Python error", "Python warning", "Bivalves Hauts-de-France"):
            problems.append(f"{tag}: {message}")

    QgsApplication.messageLog().messageReceived.connect(on_message)

    import qgis.utils

    iface = RecordingIface()
    qgis.utils.iface = iface
    qgis.utils.plugin_paths = [plugins_dir]
    sys.path.insert(0, plugins_dir)
    qgis.utils.updateAvailablePlugins()
    rounds = []
    for _ in range(2):
        loaded = qgis.utils.loadPlugin(PLUGIN)
        started = qgis.utils.startPlugin(PLUGIN)
        registry = QgsApplication.processingRegistry()
        provider = registry.providerById(PLUGIN)
        toolbar_actions = sum(len(t.actions()) for t in iface.window.findChildren(QToolBar))
        loaded_state = {
            "loaded": loaded,
            "started": started,
            "module_file": sys.modules[PLUGIN].__file__,
            "menus": iface.menu_texts(),
            "toolbar_actions": toolbar_actions,
            "options_pages": len(iface.option_factories),
            "provider": provider.name() if provider else None,
            "algorithms": sorted(a.id() for a in provider.algorithms()) if provider else [],
        }
        unloaded = qgis.utils.unloadPlugin(PLUGIN)
        after = {
            "unloaded": unloaded,
            "menus": iface.menu_texts(),
            "toolbar_actions": sum(len(t.actions()) for t in iface.window.findChildren(QToolBar)),
            "options_pages": len(iface.option_factories),
            "provider": bool(QgsApplication.processingRegistry().providerById(PLUGIN)),
        }
        rounds.append({"loaded": loaded_state, "after_unload": after})
    print(json.dumps({"rounds": rounds, "problems": problems}))
    app.exitQgis()


if __name__ == "__main__":
    main()
