# The two commands of the quickstart (`make demo`, `make test`) and the tools behind them.
# Everything this file needs is installed into its own virtualenvs; nothing by hand.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
BENCH_VENV := .venv-bench
DEMO_VENV := .venv-demo
DEMO_DIR := demo
PACKAGES := container request routing providers craft skeleton
EDITABLE := $(foreach p,$(PACKAGES),-e packages/masonite-$(p))

# uv (through tox-uv) uses only the interpreters pyenv exposes via .python-version.
export UV_PYTHON_DOWNLOADS := never
export UV_PYTHON_PREFERENCE := only-system

.PHONY: help test demo bench lint typing dist clean

help:
	@echo "make demo   generate an app with 'craft new' and serve it on 127.0.0.1:8000"
	@echo "make test   the whole tox matrix (every package on Python 3.10-3.13, lint, typing, integration)"
	@echo "make bench  run the benchmarks in bench/"
	@echo "make dist   build every wheel and sdist into dist/, twine check, install each alone"

$(BIN)/tox:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet 'tox>=4.20' 'tox-uv>=1.11' 'hatch>=1.13'

test: $(BIN)/tox
	rm -rf .tox/junit
	status=0; $(BIN)/tox run-parallel --parallel 2 --parallel-no-spinner || status=$$?; \
	$(BIN)/python scripts/test_summary.py .tox/junit || status=1; exit $$status

lint: $(BIN)/tox
	$(BIN)/tox run -e lint

typing: $(BIN)/tox
	$(BIN)/tox run -e typing

# scripts/dist_check.py, in the tox env that has hatch, twine and pip (see RELEASING.md).
dist: $(BIN)/tox
	$(BIN)/tox run -e dist

# A virtualenv with the six packages installed editable from the tree, an app made by
# `craft new` in demo/ (kept between runs: delete demo/ for a fresh one), served until
# Ctrl-C. exec: gunicorn replaces the shell, so Ctrl-C reaches it directly.
$(DEMO_VENV)/.done: $(foreach p,$(PACKAGES),packages/masonite-$(p)/pyproject.toml)
	$(PYTHON) -m venv $(DEMO_VENV)
	$(DEMO_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(DEMO_VENV)/bin/python -m pip install --quiet $(EDITABLE)
	touch $@

demo: $(DEMO_VENV)/.done
	if [ ! -f $(DEMO_DIR)/wsgi.py ]; then $(DEMO_VENV)/bin/craft new demo --path $(DEMO_DIR); fi
	cd $(DEMO_DIR) && exec $(CURDIR)/$(DEMO_VENV)/bin/craft serve --host 127.0.0.1 --port 8000

$(BENCH_VENV)/.done: bench/requirements.txt $(foreach p,$(PACKAGES),packages/masonite-$(p)/pyproject.toml)
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(BENCH_VENV)/bin/python -m pip install --quiet -r bench/requirements.txt $(EDITABLE)
	touch $@

bench: $(BENCH_VENV)/.done
	$(BENCH_VENV)/bin/python bench/run.py $(BENCH)

clean:
	rm -rf $(VENV) $(BENCH_VENV) $(DEMO_VENV) .tox dist build
