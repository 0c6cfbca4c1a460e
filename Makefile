# China–Russia figures. `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUNTIME := $(VENV)/.runtime
STAMP := $(VENV)/.installed
CHROMIUM ?= /usr/bin/chromium
HOST ?= 127.0.0.1
PORT ?= 8050

.DEFAULT_GOAL := help
.PHONY: help install run serve data refresh test check lint format typecheck validate unit browser-tests chromium bench critical-css bench-load notebook notebook-run check-eval check-speed annotation-agreement check-gate

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(RUNTIME): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $(RUNTIME)

$(STAMP): $(RUNTIME)
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP) ## Create .venv and install the project with its dev tools

run: $(RUNTIME) ## Start the dashboard on the shipped data at http://$(HOST):$(PORT)
	HOST=$(HOST) PORT=$(PORT) $(BIN)/python -m dashboard

serve: $(RUNTIME) ## Production server: gunicorn, dashboard/gunicorn_conf.py (PUBLIC_URL: the site's address)
	HOST=$(HOST) PORT=$(PORT) $(BIN)/gunicorn --config dashboard/gunicorn_conf.py

data: $(RUNTIME) ## Rebuild datasets/tidy from datasets/raw (offline, deterministic)
	$(BIN)/python -m dashboard.etl build

refresh: $(RUNTIME) ## Re-pull World Bank, UN Comtrade and IMF data, then rebuild (needs internet)
	$(BIN)/python -m dashboard.etl refresh

test: check ## Run every check: lint, types, unit and browser tests

check: lint typecheck validate unit browser-tests

validate: $(STAMP) ## Frictionless validation of the published data package
	$(BIN)/frictionless validate datasets/tidy/datapackage.json

lint: $(STAMP) ## ruff lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP) ## Apply ruff fixes and formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

typecheck: $(STAMP) ## mypy (strict on dashboard/)
	$(BIN)/mypy

unit: $(STAMP) ## Tests that need no browser
	$(BIN)/pytest -m 'not network and not browser'

browser-tests: $(STAMP) chromium ## Tests in headless Chromium
	CHROMIUM=$(CHROMIUM) $(BIN)/pytest -m 'browser and not network'

chromium: ## Install Debian's chromium if it is missing (needs root)
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else echo "Chromium is missing: run 'sudo apt-get install chromium' (Debian)"; exit 1; fi; \
	fi

notebook: $(STAMP) ## Open the analysis notebook in Jupyter Lab (installs it on first use)
	$(BIN)/pip install --quiet -e '.[notebook]'
	$(BIN)/jupyter lab notebooks/china_russia_figures.ipynb

notebook-run: $(STAMP) ## Execute the notebook headless into notebooks/.executed/
	mkdir -p notebooks/.executed
	cd notebooks && ../$(BIN)/jupyter-execute --timeout=180 \
	  --output=.executed/china_russia_figures.ipynb china_russia_figures.ipynb

bench: $(STAMP) chromium ## Speed figures: first chart drawn, callback time, bytes (printed)
	CHROMIUM=$(CHROMIUM) $(BIN)/python benchmarks/dashboard_speed.py

critical-css: $(STAMP) chromium ## Regenerate dashboard/critical.css (after a change of the stylesheets or the server's markup)
	CHROMIUM=$(CHROMIUM) $(BIN)/python -m dashboard.critical_css

bench-load: $(STAMP) ## Load figures: req/s, latency, errors, memory (BENCH_SECONDS per phase)
	$(BIN)/python benchmarks/load.py --duration $(or $(BENCH_SECONDS),60)

check-eval: $(STAMP) ## Claim checker: precision/recall by family, verdict agreement, timing (ARGS="--split test|all")
	$(BIN)/python benchmarks/check_eval.py $(ARGS)

check-gate: $(STAMP) ## Claim checker: verdicts by evidence path, the verdict gate chosen leave-one-split-out (ARGS="--paths --wrong")
	$(BIN)/python benchmarks/check_gate.py $(ARGS)

check-speed: $(STAMP) ## Claim checker: time for 20,000 characters, rows, bytes, memory kept (printed)
	$(BIN)/python benchmarks/check_speed.py

annotation-agreement: $(STAMP) ## Corpus: agreement of a blind second annotation with the first (ARGS="--details")
	$(BIN)/python benchmarks/annotation_agreement.py $(ARGS)
