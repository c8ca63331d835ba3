# Two commands a new user needs: `make demo` and `make test`. Each bootstraps .venv itself.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO := demo

.PHONY: demo test lint typecheck unit bench lexicons clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)  ## generate a labelled demo export, scan it, print the leak summary and the scores
	$(BIN)/leakwatch synth $(DEMO) --messages 5000 --seed 7
	$(BIN)/leakwatch scan $(DEMO) --format jsonl --output $(DEMO)/scan.jsonl
	$(BIN)/leakwatch eval $(DEMO)/labels.jsonl $(DEMO)/scan.jsonl

test: lint typecheck unit  ## the whole suite: ruff, mypy --strict, pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest -n auto

bench: $(STAMP)  ## throughput vs Presidio's pattern recognizers (installs the bench extra)
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python benchmarks/throughput.py --messages 100000

lexicons: $(STAMP)  ## rebuild the shipped lexicons from ../shared/data
	$(BIN)/python scripts/build_lexicons.py

clean:
	rm -rf $(VENV) $(DEMO) .mypy_cache .ruff_cache .pytest_cache
