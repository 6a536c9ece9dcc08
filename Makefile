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

NODE_STAMP := node_modules/.package-lock.json
CHECKOV := $(TOOLS)/checkov/bin/checkov
EMULATOR_PORT ?= 3000

.PHONY: infra-schemas load smoke run test lint typecheck bench package emulate-aws emulate-gcp node-deps test-python3.12 test-python3.13 clean lock

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

## Lint, format check, types, then the whole test suite (it starts every server it needs on 127.0.0.1)
test: lint typecheck node-deps $(CHECKOV)
	$(PY) -m pytest $(PYTEST_ARGS)

# checkov pins an old HCL parser, so it lives in a venv of its own (hash-pinned).
$(CHECKOV): tools/checkov-requirements.txt $(UV)
	rm -rf $(TOOLS)/checkov
	$(UV) venv --quiet $(TOOLS)/checkov --python $(PYTHON)
	VIRTUAL_ENV=$(TOOLS)/checkov $(UV) pip install --quiet --require-hashes -r tools/checkov-requirements.txt
	touch $@

# serverless offline (osls + serverless-offline) for the AWS emulator tests; skipped by the tests without npm.
node-deps: $(NODE_STAMP)
$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-fund --no-audit --loglevel=error; \
	else echo "npm not found: the serverless-offline tests will be skipped"; fi

## Bounded load test on loopback (locust): make load SECONDS=60 USERS=20
SECONDS ?= 60
USERS ?= 20
load: $(STAMP)
	$(PY) tools/load.py --seconds $(SECONDS) --users $(USERS)

## Check a deployed endpoint against the contract: make smoke URL=https://...
smoke:
	@test -n "$(URL)" || { echo "usage: make smoke URL=https://..."; exit 2; }
	$(PYTHON) tools/smoke.py "$(URL)" $(ARGS)

## dist/aws.zip (arm64), dist/gcp.zip, dist/azure.zip: reproducible deployment packages
package: $(STAMP)
	$(PY) tools/build_packages.py $(ARGS)

## The AWS handler behind serverless offline on http://127.0.0.1:$(EMULATOR_PORT)
emulate-aws: $(STAMP) $(NODE_STAMP)
	SLS_TELEMETRY_DISABLED=1 SLS_NOTIFICATIONS_MODE=off OFFLINE_HTTP_PORT=$(EMULATOR_PORT) \
	VIRTUAL_ENV=$(abspath $(VENV)) PATH="$(abspath $(VENV))/bin:$$PATH" node_modules/.bin/serverless offline start

## The GCP entry point under functions-framework on http://$(HOST):$(PORT)
emulate-gcp: $(STAMP)
	$(VENV)/bin/functions-framework --target fibonacci --source adapters/gcp/main.py --host $(HOST) --port $(PORT)

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

typecheck: $(STAMP)
	$(PY) -m mypy

## Benchmarks: medians and ratios, measured side by side (not tests)
bench: $(STAMP)
	$(PY) bench/arithmetic.py $(ARGS)
	$(PY) bench/adapters.py

## The suite on another interpreter from pyenv (the deploy runtime is 3.12)
test-python3.12 test-python3.13: test-python%:
	$(MAKE) test PYTHON="$$(PYENV_VERSION=$$(pyenv versions --bare | grep -E '^$*(\.|$$)' | tail -1) pyenv which python3)" VENV=.venv-$*

## Regenerate infra/schemas/*.json from the providers' published schemas (needs npm; ~130 MB download)
infra-schemas: $(STAMP)
	$(PY) tools/provider_schemas.py

lock: $(UV)
	$(UV) lock

clean:
	rm -rf $(TOOLS) .venv .venv-* .pytest_cache .mypy_cache .ruff_cache .hypothesis dist node_modules
