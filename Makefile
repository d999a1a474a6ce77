# Wellboard: `make run` serves the demo, `make test` runs everything CI runs.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CSS := wellboard/web/static/wellboard/build/wellboard.css
PG_URL ?= postgres://root@127.0.0.1:5432/wellboard
export DJANGO_SETTINGS_MODULE := wellboard.settings

.PHONY: setup run test lint pytest test-postgres bench-stats bench-import clean

setup: $(STAMP) node_modules/.installed $(CSS)

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(CSS): node_modules/.installed $(wildcard wellboard/web/scss/*.scss)
	mkdir -p $(dir $(CSS))
	npx --no-install sass --no-source-map --quiet-deps --silence-deprecation=import \
	  --load-path=node_modules --style=compressed wellboard/web/scss/wellboard.scss $(CSS)

run: setup
	DEBUG=true $(BIN)/wellboard migrate --no-input
	DEBUG=true $(BIN)/wellboard demo --if-empty
	DEBUG=true $(BIN)/wellboard serve --host 127.0.0.1 --port 8000

lint: export WELLBOARD_ALLOW_INSECURE_KEY = true
lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy wellboard

pytest: setup
	$(BIN)/pytest

test-postgres: setup
	@if [ "$$WELLBOARD_TEST_POSTGRES" = "1" ]; then \
	  if pg_isready -q -h 127.0.0.1 -p 5432; then \
	    echo "== test suite on PostgreSQL"; DATABASE_URL=$(PG_URL) $(BIN)/pytest; \
	  else echo "== PostgreSQL pass skipped: no server answers on 127.0.0.1:5432"; fi; \
	fi

test: lint pytest test-postgres

bench-stats: setup
	$(PY) benchmarks/bench_stats.py

bench-import: setup
	$(PY) benchmarks/bench_import.py

clean:
	rm -rf $(VENV) node_modules build $(dir $(CSS)) wellboard.sqlite3
