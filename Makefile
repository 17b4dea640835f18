# bivalves_hdf — build, demo, test, package.  `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VERSION := $(shell sed -n 's/^version=//p' metadata.txt)
VENV := .venv
PY := $(VENV)/bin/python
BUILD := build
PLUGIN_DIR := $(BUILD)/plugin/bivalves_hdf
ZIP := dist/bivalves_hdf-$(VERSION).zip
DEMO_OUT ?= $(BUILD)/demo
PROFILE_DIR ?= $(BUILD)/qgis-profile
QT6_VENV := $(BUILD)/qt6-venv
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Debian's own interpreter and libraries: QGIS's Python is /usr/bin/python3, and pip wheels
# of pyproj/shapely bring their own PROJ/GEOS that crash QGIS.
export PROJ_DATA ?= /usr/share/proj
export QT_QPA_PLATFORM ?= offscreen
export XDG_RUNTIME_DIR ?= /tmp/runtime-$(shell id -u)
export PYTHONDONTWRITEBYTECODE := 1

# Debian packages, the same names on Debian 12 (QGIS 3.22), 13 (3.40) and sid (3.44); the versioned
# PostGIS package (postgresql-15/17/18-postgis-3) is resolved on the machine from `postgresql`'s
# dependency. Only real packages here: a virtual one (postgresql-contrib on 13) never reads as installed.
# fonts-dejavu-core: the map and the report name DejaVu Sans. qttranslations5-l10n: Qt's own French
# (standard buttons such as "Fermer") in the guide's screenshots, as in a French QGIS desktop.
APT_PACKAGES := qgis python3-qgis qgis-providers xvfb xauth pyqt5-dev-tools qttools5-dev-tools \
	python3-venv python3-pip python3-pandas python3-pyproj python3-shapely python3-requests \
	python3-yaml python3-jinja2 python3-owslib python3-psycopg2 python3-matplotlib \
	python3-gdal gdal-bin proj-data poppler-utils postgresql fonts-dejavu-core qttranslations5-l10n

.PHONY: help deps apt venv qt6venv demo test static translations i18n qrc package deploy qgis doc-images benchmarks clean

help:
	@echo "make demo      build the GeoPackage from data/demo, render a map and a report (headless)"
	@echo "make test      install what is needed, run the quality gates and the whole test suite"
	@echo "make package   $(ZIP), installable with QGIS's 'Install from ZIP'"
	@echo "make deploy    install the plugin into the default QGIS profile"
	@echo "make qgis      start QGIS desktop on a dedicated profile with the plugin (needs a display)"
	@echo "make i18n      refresh i18n/bivalves_hdf_fr.ts from the sources (pylupdate5)"
	@echo "make doc-images  retake the user guide's screenshots (docs/img/) from the real widgets"
	@echo "make benchmarks  run benchmarks/ and rewrite docs/benchmarks.md"

deps: apt venv

apt:
	@pg=$$(apt-cache depends postgresql 2>/dev/null | sed -n 's/.*Depends: \(postgresql-[0-9]*\)$$/\1/p' | head -1); \
	wanted="$(APT_PACKAGES) $${pg:+$$pg-postgis-3}"; \
	missing=$$(for p in $$wanted; do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -z "$$pg" ] || [ -n "$$missing" ]; then \
		echo "Installing Debian packages:" $${missing:-postgis}; \
		$(SUDO) apt-get update -qq && \
		pg=$$(apt-cache depends postgresql | sed -n 's/.*Depends: \(postgresql-[0-9]*\)$$/\1/p' | head -1) && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends \
			$(APT_PACKAGES) $$pg-postgis-3 >/dev/null || exit 1; \
	fi

$(VENV)/.stamp: tests/requirements.txt
	/usr/bin/python3 -m venv --system-site-packages $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r tests/requirements.txt
	touch $@

venv: apt $(VENV)/.stamp

# PyQt6 from PyPI, without system site packages: the key dock runs there through tests/qt6/shim.
$(QT6_VENV)/.requirements: tests/qt6/requirements.txt
	/usr/bin/python3 -m venv --clear $(QT6_VENV)
	$(QT6_VENV)/bin/python -m pip install -q --disable-pip-version-check -r $<
	cp $< $@

qt6venv: apt $(QT6_VENV)/.requirements

translations: apt
	lrelease -silent i18n/bivalves_hdf_fr.ts -qm i18n/bivalves_hdf_fr.qm

i18n: apt
	pylupdate5 -noobsolete $$(find bivalves_hdf -name '*.py' | sort) -ts i18n/bivalves_hdf_fr.ts

qrc:
	@{ echo '<!DOCTYPE RCC><RCC version="1.0">'; echo '<!-- Manifest of icons and figures. Never compiled: the plugin loads them by path (Qt6 has no compiled resources). -->'; \
	echo '<qresource prefix="/plugins/bivalves_hdf">'; \
	for f in $$(ls data/icons/*.svg data/key/figures/*.svg 2>/dev/null | LC_ALL=C sort); do echo "  <file>$$f</file>"; done; \
	echo '</qresource>'; echo '</RCC>'; } > resources.qrc

package: venv translations
	rm -rf $(BUILD)/plugin && mkdir -p $(PLUGIN_DIR) dist
	tar -C . --exclude='__pycache__' --exclude='*.pyc' -cf - bivalves_hdf | tar -C $(BUILD)/plugin -xf -
	cp metadata.txt LICENSE CHANGELOG.md $(PLUGIN_DIR)/
	mkdir -p $(PLUGIN_DIR)/i18n && cp i18n/*.qm $(PLUGIN_DIR)/i18n/
	tar -C . --exclude='data/demo' -cf - data | tar -C $(PLUGIN_DIR) -xf -
	$(PY) -m bivalves_hdf.gui.help docs $(PLUGIN_DIR)/docs
	[ ! -d docs/img ] || cp -r docs/img $(PLUGIN_DIR)/docs/
	rm -f $(ZIP) && cd $(BUILD)/plugin && $(CURDIR)/$(PY) -m zipfile -c $(CURDIR)/$(ZIP) bivalves_hdf
	@echo "package: $(ZIP)"

demo: venv
	$(PY) -m bivalves_hdf demo --out $(DEMO_OUT)

static: venv
	$(PY) -m ruff check bivalves_hdf tests benchmarks
	$(PY) -m bandit -q -r bivalves_hdf -ll
	$(PY) tests/static_checks.py

test: venv qt6venv package static
	@set -o pipefail; $(PY) -m pytest tests 2>&1 | tee $(BUILD)/pytest.log; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no test: failure"; exit 1; fi; exit $$rc

deploy: package
	@dest="$${QGIS_PROFILE_PLUGINS:-$$HOME/.local/share/QGIS/QGIS3/profiles/default/python/plugins}"; \
	mkdir -p "$$dest" && rm -rf "$$dest/bivalves_hdf" && $(PY) -m zipfile -e $(ZIP) "$$dest" && echo "installed in $$dest/bivalves_hdf"

qgis: package
	rm -rf $(PROFILE_DIR) && mkdir -p $(PROFILE_DIR)/profiles/default/python/plugins $(PROFILE_DIR)/profiles/default/QGIS
	$(PY) -m zipfile -e $(ZIP) $(PROFILE_DIR)/profiles/default/python/plugins
	printf '[PythonPlugins]\nbivalves_hdf=true\n' > $(PROFILE_DIR)/profiles/default/QGIS/QGIS3.ini
	env -u QT_QPA_PLATFORM qgis --profiles-path $(PROFILE_DIR)

doc-images: venv package
	BIVALVES_DOC_IMAGES=1 $(PY) -m pytest -q tests/qgis/test_layers_screenshots.py tests/qgis/test_guide_screenshots.py

benchmarks: venv
	$(PY) benchmarks/run.py --report docs/benchmarks.md

clean:
	rm -rf $(BUILD) dist i18n/*.qm .pytest_cache .ruff_cache .qgis-settings
