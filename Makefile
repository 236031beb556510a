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

test-sqlite: $(VENV)/.installed-test
	$(BIN)/pytest -m "not e2e" --durations=15

# The same suite (less the pure science, which touches no database) on a throwaway PostgreSQL.
test-postgres: $(VENV)/.installed-test
	scripts/with-postgres $(BIN)/pytest -m "not e2e" --ignore=tests/science -q --durations=15

test-e2e: $(VENV)/.installed-test
	$(BIN)/pytest -m e2e

test: system-deps lint test-sqlite test-postgres test-e2e

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
