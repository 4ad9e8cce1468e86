# mine-action-research: every target sets itself up; `make help` lists them.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(CURDIR)/$(VENV)/bin/python
STAMP := $(VENV)/.installed
# Jupyter writes runtime files and kernels into $HOME by default; keep them in the project.
export JUPYTER_DATA_DIR := $(CURDIR)/.jupyter-home/data
export JUPYTER_RUNTIME_DIR := $(CURDIR)/.jupyter-home/runtime
export JUPYTER_CONFIG_DIR := $(CURDIR)/.jupyter-home/config
export IPYTHONDIR := $(CURDIR)/.jupyter-home/ipython
export PYDEVD_DISABLE_FILE_VALIDATION := 1

.PHONY: help setup reproduce test lint extract bench lab clean

help: ## List every target with what it does
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | \
	  awk 'BEGIN {FS = ":.*## "}; {printf "  make %-11s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check uv
	# uv is ~10x faster than pip here; --compile-bytecode because PYTHONDONTWRITEBYTECODE may be set.
	$(VENV)/bin/uv pip install --quiet --python $(PY) --compile-bytecode -e '.[dev]'
	# rfc3987-syntax compiles a grammar on import and adds ~2 s to every papermill/nbval run.
	$(VENV)/bin/uv pip uninstall --quiet --python $(PY) rfc3987-syntax || true
	# A named kernel with the venv's absolute interpreter, so notebooks never run elsewhere.
	$(PY) -m ipykernel install --sys-prefix --name research --display-name "Python (research)" >/dev/null
	mkdir -p $(VENV)/etc/ipython && echo 'c.IPKernelApp.log_level = "ERROR"' > $(VENV)/etc/ipython/ipython_kernel_config.py
	touch $(STAMP)

setup: $(STAMP) ## Create .venv and install the package with its dev extra (done by every target)
	@mkdir -p $(IPYTHONDIR) $(JUPYTER_DATA_DIR) $(JUPYTER_RUNTIME_DIR) $(JUPYTER_CONFIG_DIR)

reproduce: setup ## Build the dataset and run every notebook (outputs under reports/)
	$(PY) -m research.cli reproduce

test: setup ## Run the unit tests, data checks and every notebook (nbval, lax)
	$(PY) -m ruff check research tests benchmarks
	$(PY) -m pytest --nbval-lax --nbval-current-env -p no:cacheprovider tests notebooks

lint: setup ## Check style with ruff
	$(PY) -m ruff check research tests benchmarks
	$(PY) -m ruff format --check research tests benchmarks

extract: setup ## Extract records from data/raw/reports to data/processed/extracted.jsonl
	$(PY) -m research.cli extract data/raw/reports --format jsonl --output data/processed/extracted.jsonl

bench: setup ## Benchmarks: extraction vs quantulum3 and its readers' floor; build at 100k and 1M statements; reproduce vs floor
	$(PY) benchmarks/bench_extract.py
	$(PY) benchmarks/bench_floor.py
	$(PY) benchmarks/bench_build.py
	$(PY) benchmarks/bench_reproduce.py

lab: setup ## Open JupyterLab on the project's kernel
	$(VENV)/bin/jupyter lab --no-browser --allow-root --ip 127.0.0.1 notebooks

clean: ## Remove the venv and build outputs (never data/raw)
	rm -rf $(VENV) .jupyter-home reports/notebooks .pytest_cache .ruff_cache
