# Task runner: the README and .ci/run use these targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install test lint demo bench train train-all eval

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

test: install
	$(BIN)/pytest -q

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

demo: install
	$(BIN)/innoatlas demo

bench: install
	$(BIN)/python benchmarks/ingest.py

# The learned layer's shipped model (the relation model), rebuilt into the
# package from the evaluation gold beside the repository: the same gold gives
# a byte-identical file. `make train-all` writes every model to build/models
# (INNOATLAS_MODELS=build/models makes the extractor use them).
SHIPPED_MODELS := src/innoatlas/extract/learn/models
MODELS ?= build/models
train: install
	$(BIN)/innoatlas train --eval-root ../shared --out $(SHIPPED_MODELS) --only relations

train-all: install
	$(BIN)/innoatlas train --eval-root ../shared --out $(MODELS)

eval: install
	$(BIN)/python benchmarks/eval.py --shared ../shared
