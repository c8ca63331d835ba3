# Two commands a new user needs: `make demo` and `make test`. Each bootstraps what it needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The same sources compiled with mypyc (setup.py): what `make bench` measures and ships.
FAST := .venv-fast
FAST_STAMP := $(FAST)/.installed
SOURCES := $(shell find src -name '*.py' -o -name '*.txt') setup.py pyproject.toml
DEMO := demo

.PHONY: demo test lint typecheck unit unit-compiled bench lexicons eval clean

$(STAMP): pyproject.toml setup.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

$(FAST_STAMP): $(SOURCES)
	$(PYTHON) -m venv $(FAST)
	$(FAST)/bin/pip install --quiet --upgrade pip
	LEAKWATCH_MYPYC=1 $(FAST)/bin/pip install --quiet '.[dev]'
	touch $(FAST_STAMP)

# The demo's store and key live in demo/, so it never touches a real store.
DEMO_ENV := LEAKWATCH_DB=$(DEMO)/leakwatch.db LEAKWATCH_KEY_FILE=$(DEMO)/leakwatch.key LEAKWATCH_USER=demo-admin

demo: $(STAMP)  ## synthetic export → scan + scores → case store → channel ranking and review queue
	rm -rf $(DEMO)
	$(BIN)/leakwatch synth $(DEMO) --messages 5000 --seed 7
	$(BIN)/leakwatch scan $(DEMO) --format jsonl --output $(DEMO)/scan.jsonl
	$(BIN)/leakwatch eval $(DEMO)/labels.jsonl $(DEMO)/scan.jsonl
	$(DEMO_ENV) $(BIN)/leakwatch init
	$(DEMO_ENV) $(BIN)/leakwatch ingest $(DEMO)
	$(DEMO_ENV) $(BIN)/leakwatch channels --limit 5
	$(DEMO_ENV) $(BIN)/leakwatch case open-auto
	$(DEMO_ENV) $(BIN)/leakwatch case queue --limit 5
	$(DEMO_ENV) $(BIN)/leakwatch status

test: lint typecheck unit unit-compiled  ## ruff, mypy --strict, pytest on plain and compiled builds

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts setup.py
	$(BIN)/ruff format --check src tests benchmarks scripts setup.py

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	scripts/ensure-test-deps.sh
	$(BIN)/pytest -q -n auto

unit-compiled: $(FAST_STAMP)  ## detection, assessment and CLI tests against the mypyc build
	$(FAST)/bin/python -c "import leakwatch.detect.recognizers.person as m; assert m.__file__.endswith('.so'), m.__file__"
	$(FAST)/bin/python -m pytest -q -n auto tests/detect tests/assess tests/normalize tests/cli

bench: $(FAST_STAMP)  ## throughput vs Presidio's pattern recognizers, on the compiled build
	LEAKWATCH_MYPYC=1 $(FAST)/bin/pip install --quiet '.[bench]'
	$(FAST)/bin/python benchmarks/throughput.py --messages 100000 --markdown

.PHONY: bench-ingest
bench-ingest: $(STAMP)  ## ingest messages/s into SQLite and PostgreSQL (docs/store.md)
	scripts/ensure-test-deps.sh
	$(BIN)/python benchmarks/ingest.py --messages 100000 --markdown

.PHONY: bench-api
bench-api: $(STAMP)  ## API requests/s and latency under 8 clients, SQLite and PostgreSQL (docs/api.md)
	scripts/ensure-test-deps.sh
	$(BIN)/python benchmarks/api_load.py --clients 8 --seconds 30 --markdown

lexicons: $(STAMP)  ## rebuild the shipped lexicons from the learn parts of ../shared/data
	$(BIN)/python scripts/build_lexicons.py

eval: $(STAMP)  ## every quality figure in one table; in-sample rows marked (docs/evaluation.md)
	$(BIN)/python -m leakwatch.evaluate.suite

clean:
	rm -rf $(VENV) $(FAST) $(DEMO) build .mypy_cache .ruff_cache .pytest_cache

.PHONY: train-ner
train-ner: $(STAMP)  ## retrain the shipped PERSON tagger from the learn parts (CPU, ~2 min)
	$(BIN)/python scripts/train_ner.py
