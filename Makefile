# karabakh: one set of commands for developers, researchers and CI.
# `make help` lists the targets. Everything runs inside .venv, created on demand
# from pyproject.toml with nothing but the package index.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export PATH := $(abspath $(BIN)):$(PATH)
# Notebook kernels inherit this environment and must draw with Jupyter's inline
# backend: never pass MPLBACKEND (e.g. Agg) on to them, or charts vanish from
# the report and from Lab. Plain pytest needs nothing: without a display,
# matplotlib picks a non-interactive backend by itself.
unexport MPLBACKEND

# `make report ARTICLE=path DATELINE=YYYY-MM-DD`: the whole sequence on your article.
ARTICLE  ?=
DATELINE ?=
# `make lab LAB_ARGS="--port 8899"`; as root (containers): LAB_ARGS=--allow-root
LAB_ARGS ?=
LAB_IP   ?= 127.0.0.1

.DEFAULT_GOAL := help
.PHONY: help install test lint report lab bench bench-corpus stress eval test-browser clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	@# setuptools warns on every editable install that a folder named like the package
	@# may shadow it; that folder is the package itself here, so the notice is hidden.
	PYTHONWARNINGS="ignore:Editable installation" $(BIN)/python -m pip install --quiet -e '.[dev]'
	@sh tools/install_git_filter.sh
	touch $(STAMP)

install: $(STAMP) ## create .venv, install karabakh with its dev tools, set up the notebook git filter

lint: $(STAMP) ## ruff and mypy only
	$(BIN)/ruff check karabakh tests benchmarks notebooks tools
	$(BIN)/mypy

test: lint ## lint, type-check, then pytest: unit tests, doctests and every notebook (nbmake)
	$(BIN)/python -m pytest --nbmake karabakh tests notebooks

report: $(STAMP) ## run every notebook on ARTICLE= (default: the seed) -> reports/[name/]index.html, figures/
	@$(BIN)/python tools/build_report.py $(if $(ARTICLE),--article "$(ARTICLE)") \
	  $(if $(DATELINE),--dateline "$(DATELINE)")

lab: $(STAMP) ## JupyterLab on notebooks/ at 127.0.0.1; options in LAB_ARGS= (root: LAB_ARGS=--allow-root)
	@if [ "$$(id -u)" = 0 ] && ! printf ' %s ' $(LAB_ARGS) | grep -q -- ' --allow-root '; then \
	  echo "make lab: you are root (a container or CI image?); Jupyter refuses to run as root" >&2; \
	  echo "unless asked: make lab LAB_ARGS=--allow-root" >&2; exit 1; fi
	$(BIN)/jupyter lab --ServerApp.ip=$(LAB_IP) $(LAB_ARGS) notebooks/

bench: $(STAMP) ## benchmark analyze() (words/s per extractor, import time, peak memory) -> reports/bench.json
	mkdir -p reports
	$(BIN)/python benchmarks/bench.py --out reports/bench.json
	$(MAKE) bench-corpus

bench-corpus: $(STAMP) ## corpus throughput: articles/s, words/s, speed-up of 2 processes, peak memory -> reports/corpus_bench.json
	mkdir -p reports
	$(BIN)/python benchmarks/corpus_bench.py --out reports/corpus_bench.json

eval: $(STAMP) ## precision/recall/F1 per extractor on the seed and on the team's harder paragraphs
	$(BIN)/python -m karabakh.output.evaluate seeds/000_bf20561892d8202b.txt --annotations tests/annotations --prefix seed --title "seed article"
	@if ls tests/harder/*.txt >/dev/null 2>&1; then \
	  $(BIN)/python -m karabakh.output.evaluate tests/harder/*.txt --annotations tests/annotations --prefix harder --title "team's harder paragraphs"; \
	fi

stress: $(STAMP) ## hostile shapes at 10 KB, 100 KB, 1 MB: seconds per MB -> reports/stress.json
	mkdir -p reports
	$(BIN)/python benchmarks/stress.py --out reports/stress.json

test-browser: $(STAMP) ## open reports/ in headless Chromium offline: images load, links resolve, no console errors
	@$(BIN)/python -c "import playwright" 2>/dev/null || $(BIN)/python -m pip install --quiet -e '.[dev,browser]'
	@test -f reports/index.html || { echo "make test-browser: no reports/index.html; run make report first" >&2; exit 2; }
	$(BIN)/python tools/browser_check.py reports

clean: ## remove .venv, reports and caches
	rm -rf $(VENV) reports .pytest_cache .mypy_cache .ruff_cache build dist *.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
