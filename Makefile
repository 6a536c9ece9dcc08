# Two commands set everything up on a fresh clone: `make run` and `make test`.
# Each bootstraps a pinned uv into .tools/ and a locked .venv by itself.

PYTHON ?= python3
VENV ?= .venv
HOST ?= 127.0.0.1
PORT ?= 8000
TOOLS := .tools
UV := $(TOOLS)/bin/uv
STAMP := $(VENV)/.synced
PY := $(VENV)/bin/python
PYTEST_ARGS ?=

export UV_PROJECT_ENVIRONMENT := $(VENV)
export UV_PYTHON_DOWNLOADS := never
export UV_NO_PROGRESS := 1

.PHONY: run test lint typecheck unit bench test-python3.12 test-python3.13 test-all-pythons clean lock

$(UV): tools/uv-requirements.txt
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check --require-hashes -r tools/uv-requirements.txt
	touch $@

$(STAMP): $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --python $(PYTHON)
	touch $@

## Serve the API on http://$(HOST):$(PORT)
run: $(STAMP)
	HOST=$(HOST) PORT=$(PORT) $(PY) -m fib_core

## Lint, format check, types, then the whole test suite
test: lint typecheck
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

typecheck: $(STAMP)
	$(PY) -m mypy

## Benchmarks: medians and ratios, measured side by side (not tests)
bench: $(STAMP)
	$(PY) bench/arithmetic.py $(ARGS)

## The suite on another interpreter from pyenv (the deploy runtime is 3.12)
test-python3.12 test-python3.13: test-python%:
	$(MAKE) test PYTHON="$$(PYENV_VERSION=$$(pyenv versions --bare | grep -E '^$*(\.|$$)' | tail -1) pyenv which python3)" VENV=.venv-$*

lock: $(UV)
	$(UV) lock

clean:
	rm -rf $(TOOLS) .venv .venv-* .pytest_cache .mypy_cache .ruff_cache .hypothesis dist
