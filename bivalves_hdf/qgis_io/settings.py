"""The plugin's settings, stored with QgsSettings under `bivalves_hdf/`."""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

from qgis.core import QgsApplication, QgsSettings

from bivalves_hdf.core.report_content import SENSITIVE_PRECISIONS

GROUP = "bivalves_hdf"
SOURCE_KINDS = ("gpkg", "postgis")
ALL_SOURCES = ("openobs", "sinp_hdf", "gbif", "hubeau")
# Areas as core.sources.base.parse_area spells them: the region or a department.
AREAS = ("region", "dept:02", "dept:59", "dept:60", "dept:62", "dept:80")


def default_data_path() -> str:
    """The GeoPackage inside the active QGIS profile folder."""
    return str(Path(QgsApplication.qgisSettingsDirPath()) / "bivalves_hdf" / "bivalves_hdf.gpkg")


@dataclass
class Settings:
    """Typed view of the settings; `load()` and `save()` round-trip them."""

    data_path: str = ""
    source_kind: str = "gpkg"  # where "Load the layers" reads: the GeoPackage or shared PostGIS
    pg_connection: str = ""  # name of a QGIS PostgreSQL connection
    pg_authcfg: str = ""  # QGIS authentication configuration id (credentials never stored here)
    pg_schema: str = "bivalves_hdf"
    default_sources: str = ",".join(ALL_SOURCES)
    default_area: str = "region"
    rate_limit: float = 3.0  # requests per second and per service
    sensitive_precision: str = "maille"
    incremental: bool = True

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
        return settings.validated()

    def save(self) -> None:
        store = QgsSettings()
        for field in fields(self):
            store.setValue(f"{GROUP}/{field.name}", getattr(self, field.name))

    def validated(self) -> Settings:
        """Replace values outside their domain by the defaults (hand-edited or old profiles)."""
        defaults = Settings()
        if self.source_kind not in SOURCE_KINDS:
            self.source_kind = defaults.source_kind
        if self.sensitive_precision not in SENSITIVE_PRECISIONS:
            self.sensitive_precision = defaults.sensitive_precision
        if self.default_area not in AREAS:
            self.default_area = defaults.default_area
        if not self.rate_limit or self.rate_limit <= 0:
            self.rate_limit = defaults.rate_limit
        self.default_sources = ",".join(s for s in self.sources if s in ALL_SOURCES)
        return self

    @property
    def sources(self) -> list[str]:
        return [s.strip() for s in self.default_sources.split(",") if s.strip()]

    @sources.setter
    def sources(self, values: list[str]) -> None:
        self.default_sources = ",".join(values)

    @property
    def uses_postgis(self) -> bool:
        return self.source_kind == "postgis" and bool(self.pg_connection)
