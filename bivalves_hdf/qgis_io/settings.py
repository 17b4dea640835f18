"""The plugin's settings, stored with QgsSettings under `bivalves_hdf/`."""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

from qgis.core import QgsApplication, QgsSettings

GROUP = "bivalves_hdf"


def default_data_path() -> str:
    """The GeoPackage inside the active QGIS profile folder."""
    return str(Path(QgsApplication.qgisSettingsDirPath()) / "bivalves_hdf" / "bivalves_hdf.gpkg")


@dataclass
class Settings:
    """Typed view of the settings; `load()` and `save()` round-trip them."""

    data_path: str = ""

    @classmethod
    def load(cls) -> Settings:
        store = QgsSettings()
        values = {}
        for field in fields(cls):
            default = getattr(cls, field.name)
            values[field.name] = store.value(f"{GROUP}/{field.name}", default, type=type(default))
        settings = cls(**values)
        if not settings.data_path:
            settings.data_path = default_data_path()
        return settings

    def save(self) -> None:
        store = QgsSettings()
        for field in fields(self):
            store.setValue(f"{GROUP}/{field.name}", getattr(self, field.name))
