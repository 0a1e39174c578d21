# Two commands: `make run` opens jobtui on the seeds, `make test` runs the suite.
# Both create .venv and install the project on first use, and do nothing more
# when pyproject.toml has not changed since.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench bench-parse accuracy screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

# exec: no shell is left between make and jobtui (jobtui itself quits when its
# terminal closes: make, the session leader, gets the hang-up and only waits).
run: $(STAMP)
	exec $(BIN)/jobtui

test: $(STAMP)
	$(BIN)/ruff check --quiet .
	$(BIN)/lint-imports --no-cache --no-logo
	$(BIN)/mypy
	$(BIN)/python -m pytest -n auto -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache --no-logo
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python -m benchmarks.run $(if $(QUICK),--quick,)

# Parse cost per posting against the parser before the extraction rewrite, same run.
bench-parse: $(STAMP)
	$(BIN)/python -m benchmarks.parse_speed $(ARGS)

# Field-by-field accuracy on the hand-labelled real postings in ../shared/corpus.
accuracy: $(STAMP)
	$(BIN)/python -m scripts.accuracy $(ARGS)

screenshots: $(STAMP)
	$(BIN)/python -m scripts.export_screenshots

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache .mypy_cache
