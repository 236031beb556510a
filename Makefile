# The README's two commands: `make run` and `make test`. Both create .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export VAGUS_DATA_DIR ?= $(CURDIR)/data

.PHONY: run test lint test-sqlite test-postgres test-e2e system-deps clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Vagus needs Python 3.11 or newer (found $$($(PYTHON) --version))."; exit 1; }
	@$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); \
		echo "Could not create a virtual environment. On Debian/Ubuntu: sudo apt-get install python3-venv"; exit 1; }
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(VENV)/.installed $@

run: $(VENV)/.installed
	@scripts/system-deps --run
	$(BIN)/vagus demo --only-if-empty
	$(BIN)/vagus serve --host 127.0.0.1 --port 8000

system-deps:
	@scripts/system-deps

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/mypy

# Tests run in a throwaway data directory, never in the one `make run` keeps, and on both
# cores (pytest-xdist); the browser tests stay in one process, one Chromium at a time.
WORKERS ?= 2
IN_TEST_DATA_DIR := scripts/in-throwaway-data-dir

test-sqlite: $(VENV)/.installed-test
	$(IN_TEST_DATA_DIR) $(BIN)/pytest -m "not e2e" -n $(WORKERS) --durations=15

# The same suite (less the pure science, which touches no database) on a throwaway PostgreSQL.
test-postgres: $(VENV)/.installed-test
	$(IN_TEST_DATA_DIR) scripts/with-postgres \
		$(BIN)/pytest -m "not e2e" --ignore=tests/science -n $(WORKERS) -q --durations=15

test-e2e: $(VENV)/.installed-test
	$(IN_TEST_DATA_DIR) $(BIN)/pytest -m e2e

test: system-deps lint test-sqlite test-postgres test-e2e

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
