# Two commands set everything up: `make run` and `make test` (see README).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PG_URL ?= postgres://postgres@127.0.0.1:5432/test

.PHONY: run test bench lint install pango rum browser clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

# NL Design System CSS from npm, copied where Django's static files finder sees it.
VENDOR := site/static/vendor
$(VENDOR)/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	mkdir -p $(VENDOR)
	cp node_modules/@utrecht/component-library-css/dist/index.css $(VENDOR)/utrecht-components.css
	cp node_modules/@utrecht/design-tokens/dist/index.css $(VENDOR)/utrecht-tokens.css
	touch $@

install: $(VENV)/.installed $(VENDOR)/.installed pango rum

# Pango from Debian for WeasyPrint (the PDF downloads), where this machine can install it.
PANGO_LIBS := libpango-1.0-0 libpangoft2-1.0-0
pango:
	@{ ldconfig -p 2>/dev/null || /sbin/ldconfig -p 2>/dev/null; } | grep -q 'libpangoft2-1.0.so.0' || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && apt-get install -y -qq $(PANGO_LIBS) >/dev/null) || echo "Pango kon niet worden geïnstalleerd; pdf-downloads en hun tests werken niet."; \
	  else echo "Geen Pango en geen apt-get als root: installeer $(PANGO_LIBS) voor de pdf-downloads; hun tests worden overgeslagen."; fi; }

# The rum extension for each local PostgreSQL server (Debian's postgresql-<version>-rum): with it,
# migration 0009 adds the index that ranks searches at scale. Skipped where it cannot be installed.
rum:
	@for v in $$(ls /usr/lib/postgresql 2>/dev/null); do \
	  [ -e /usr/share/postgresql/$$v/extension/rum.control ] && continue; \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get install -y -qq postgresql-$$v-rum >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq postgresql-$$v-rum >/dev/null)) \
	      || echo "postgresql-$$v-rum kon niet worden geïnstalleerd; zoeken op PostgreSQL rangschikt dan zonder RUM-index."; \
	  else echo "Geen apt-get als root: installeer postgresql-$$v-rum voor snel zoeken op PostgreSQL."; fi; \
	done

# Development: DJANGO_DEBUG=1 lets the site run on development keys (never in production).
run: install
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) manage.py migrate --no-input
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) manage.py setup_demo
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) manage.py runserver 127.0.0.1:8000

# Chromium from Debian for the browser tests, where this machine can install it.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || echo "Chromium kon niet worden geïnstalleerd; browsertests worden overgeslagen."; \
	  else echo "Geen Chromium en geen apt-get als root; browsertests worden overgeslagen."; fi; }

PG_ANSWERS = $(PY) -c "import psycopg; psycopg.connect('$(PG_URL)', connect_timeout=3).close()" 2>/dev/null

# Lint, the import layers, migrations in step with the models, then the suite on SQLite (browser
# tests included) and, side by side with it on the second core, on PostgreSQL when it answers, there
# without the browser tests and the tests that start their own servers on a SQLite file. About
# 7 minutes here (see README).
PG_LOG := var/pytest-postgresql.log
test: install browser
	$(PY) -m ruff check .
	$(VENV)/bin/lint-imports --no-cache
	DATABASE_URL=sqlite:// DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py makemigrations --check --dry-run
	@mkdir -p var; rm -f $(PG_LOG)
	@if $(PG_ANSWERS); then \
	  echo "PostgreSQL antwoordt: de tests tegelijk ook op PostgreSQL (zonder browser- en servertests), uitvoer in $(PG_LOG)"; \
	  DATABASE_URL=$(PG_URL) $(PY) -m pytest -q -p no:cacheprovider -m "not browser and not server" > $(PG_LOG) 2>&1 & pg=$$!; \
	else echo "PostgreSQL antwoordt niet op 127.0.0.1:5432: alleen SQLite getest"; pg=""; fi; \
	$(PY) -m pytest -q; sqlite=$$?; \
	echo "Schermafbeeldingen van de browsertests (om naar te kijken): $(CURDIR)/var/screenshots/"; \
	pgrc=0; if [ -n "$$pg" ]; then wait $$pg; pgrc=$$?; echo "--- PostgreSQL:"; cat $(PG_LOG); fi; \
	test $$sqlite = 0 && test $$pgrc = 0

bench: install
	$(PY) bench/run.py
	@if $(PG_ANSWERS); then BENCH_DATABASE_URL=$(PG_URL) $(PY) bench/run.py; \
	else echo "PostgreSQL antwoordt niet: bench/run.py alleen op SQLite"; fi
	$(PY) bench/search.py
	$(PY) bench/loket_load.py
	$(PY) bench/panel.py
	@if $(PG_ANSWERS); then BENCH_DATABASE_URL=$(PG_URL) $(PY) bench/scale.py; \
	else echo "PostgreSQL antwoordt niet: bench/scale.py (vele gemeenten) overgeslagen"; fi

lint: install
	$(PY) -m ruff check .

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles node_modules $(VENDOR)
