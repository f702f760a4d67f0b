PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck bench clean

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/materiel ingest examples/corpus --db materiel.db
	$(BIN)/materiel claims --db materiel.db --limit 0
	$(BIN)/materiel dossier IR RU --db materiel.db
	$(BIN)/materiel assess IR RU --db materiel.db
	$(BIN)/materiel serve --db materiel.db --host 127.0.0.1 --port 8765 --single-user

test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy src
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/extract.py
	$(BIN)/python benchmarks/ingest.py
	$(BIN)/python benchmarks/web.py
	$(BIN)/python benchmarks/projection.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info test-artifacts
