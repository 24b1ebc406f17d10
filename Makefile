# The two commands: `make site` and `make test`. Each sets up what it needs on a fresh Debian
# machine with Python 3.11 (as root): a virtual environment, Python packages, Chromium, Node packages.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium

.PHONY: site test lint serve bench check setup browser pdf-libs poppler nodejs java clean

# SITE_URL (optional): the published address, e.g. from the GitHub Pages workflow; default workbook.yml's site_url.
SITE_URL ?=
site: $(STAMP) pdf-libs
	$(BIN)/workbook build $(if $(SITE_URL),--site-url "$(SITE_URL)")

test: lint $(STAMP) browser pdf-libs poppler java node_modules/.installed
	node --test tests/js/*.test.js
	$(PY) -m pytest

# Lint, format and strict typing: any finding fails `make test` (and so CI) before a test runs.
lint: $(STAMP) nodejs
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	@for f in templates/assets/workbook/*.js templates/service-worker*.js; do node --check $$f || exit 1; done

serve: $(STAMP)
	$(BIN)/workbook serve

check: $(STAMP)
	$(BIN)/workbook check

bench: $(STAMP) browser pdf-libs node_modules/.installed
	$(PY) -m tests.bench

setup: $(STAMP)

# Python packages, pinned in pyproject.toml and constraints.txt (transitive pins).
# Debian's own python3 keeps venv in a separate package; a half-made .venv (no pip) is made again.
$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/pip || { rm -rf $(VENV); $(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null && \
	  rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); }; }
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $@

# Debian's Pango and a font for WeasyPrint, which makes the PDF packs (`workbook build --no-pdf` skips them).
PDF_LIBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
pdf-libs:
	@dpkg -s $(PDF_LIBS) >/dev/null 2>&1 || { echo "installing Debian's pango and fonts for the PDF packs"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(PDF_LIBS) >/dev/null; }

# Poppler's pdftotext and pdftoppm: the tests read the packs back as text and as page images.
poppler:
	@command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null || { echo "installing poppler-utils for the PDF tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null; }

# Java runs the Nu HTML checker (vnu.jar, from the test-only Node packages) over the built site.
java:
	@command -v java >/dev/null || { echo "installing Debian's Java runtime for the HTML checker"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; }

# Debian's Chromium for the browser tests (Playwright drives it; it never downloads a browser).
browser:
	@test -x $(CHROMIUM) || { echo "installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
	@test -x $(CHROMIUM)

# Node packages for tests only (axe-core, vnu-jar, lighthouse); nothing from here ships to readers.
nodejs:
	@command -v node >/dev/null && command -v npm >/dev/null || { echo "installing Debian's nodejs and npm"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; }

node_modules/.installed: package.json package-lock.json | nodejs
	npm ci --silent --no-audit --no-fund
	touch $@

clean:
	rm -rf build site site.new site.old .pytest_cache
