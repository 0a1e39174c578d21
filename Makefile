# Two commands: `make run` opens jobtui on the seeds, `make test` runs the suite.
# Both create .venv and install the project on first use, and do nothing more
# when pyproject.toml has not changed since.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench accuracy screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/jobtui

test: $(STAMP)
	$(BIN)/ruff check --quiet .
	$(BIN)/python -m pytest -n auto -q

lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP)
	$(BIN)/python -m benchmarks.run $(if $(QUICK),--quick,)

# Field-by-field accuracy on the hand-labelled real postings in ../shared/corpus.
accuracy: $(STAMP)
	$(BIN)/python -m scripts.accuracy $(ARGS)

screenshots: $(STAMP)
	$(BIN)/python -m scripts.export_screenshots

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
