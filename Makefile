# Two commands on a fresh Linux machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
QM     := $(patsubst %.ts,%.qm,$(wildcard resources/translations/*.ts))

.PHONY: run test fuzz lint bench translations dist clean

run: $(VENV)/.run-deps translations
	$(BIN)/haicang

test: $(VENV)/.test-deps translations
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q

# The fuzz/property tests (marker `fuzz`) with a large randomized budget; see tests/fuzzing.py.
# HAICANG_FUZZ_EXAMPLES=N sets the cases per test (default 20000).
fuzz: $(VENV)/.test-deps translations
	HAICANG_FUZZ=long QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q -m fuzz

lint: $(VENV)/.test-deps
	$(BIN)/ruff check app printers tests installers
	$(BIN)/mypy

bench: $(VENV)/.test-deps translations
	$(BIN)/python -m tests.benchmarks

translations: $(QM)

resources/translations/%.qm: resources/translations/%.ts $(VENV)/.run-deps
	$(BIN)/pyside6-lrelease -silent $< -qm $@

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.run-deps: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.test-deps: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@ $(VENV)/.run-deps

dist: $(VENV)/.run-deps translations
	$(BIN)/python -c "import PyInstaller" 2>/dev/null || $(BIN)/python -m pip install -q -e '.[dist]'
	$(BIN)/python installers/build.py

clean:
	rm -rf $(VENV) build dist *.egg-info resources/translations/*.qm
