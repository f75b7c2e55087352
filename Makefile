# GOOV: the two commands that matter are `make start` and `make test` (see README.md).
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/pip
STAMP := $(VENV)/.installed-$(shell cat setup.py constraints.txt | sha1sum | cut -c1-12)

.DEFAULT_GOAL := help
.PHONY: help install start zeo render test reminders retention audit-verify bench bench-full test-unit test-integration test-functional lint format check buildout clean

help: ## Show the targets
	@grep -E '^[a-z-]+:.*## ' Makefile | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python setup.py constraints.txt
	$(PIP) install -q -c constraints.txt "pip==26.3" "setuptools==81.0.0" wheel
	$(PIP) install -q -c constraints.txt -e ".[test,relstorage,zeo]"
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP) ## Create .venv and install goov with the pinned constraints

render: install ## Render instance/ templates into $$GOOV_VAR_DIR/etc
	$(BIN)/goov-render-instance

start: install ## Install, create the site if needed and serve in the foreground
	$(BIN)/goov-start

zeo: install ## Serve a ZEO server in the foreground (data in $$GOOV_VAR_DIR/zeo, port $$GOOV_ZEO_PORT, 8100)
	$(BIN)/goov-zeo

test: install ## Run the whole test suite (unit, integration, functional)
	$(BIN)/pytest tests

test-unit: install ## Only the unit tests (no Zope)
	$(BIN)/pytest tests/unit

test-integration: install
	$(BIN)/pytest tests/integration

test-functional: install
	$(BIN)/pytest tests/functional

lint: install ## ruff check and format check
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

format: install ## Apply ruff fixes and formatting
	$(BIN)/ruff check --fix src tests
	$(BIN)/ruff format src tests

check: lint test ## Lint, then test

versions.cfg: constraints.txt
	( echo "# Generated from constraints.txt by make; do not edit."; echo "[versions]"; \
	  grep -E '^[A-Za-z0-9_.-]+==' constraints.txt | grep -v -i '^goov==' | sed 's/==/ = /' ) > $@

reminders: install ## Send today's reminder digests (cron; the portal must be running)
	$(BIN)/goov-reminders

retention: install ## Delete/anonymise what is past its retention period (cron; DRY_RUN=1 only lists)
	$(BIN)/goov-retention $(if $(DRY_RUN),--dry-run,)

audit-verify: install ## Check the audit log's hash chain (exit 1 at the first broken record)
	$(BIN)/goov-audit-verify

.PHONY: backup restore
backup: install ## Back up database, blobs and audit log into $$GOOV_BACKUP_DIR (FULL=1: full repozo)
	$(BIN)/goov-backup $(if $(FULL),--full,)

restore: install ## Stop the instances first! Restore the newest backup set (DATE=... an earlier one)
	$(BIN)/goov-restore $(if $(DATE),--date $(DATE),)

bench: install ## Benchmarks at 10k signals (first run generates the DB, ~25 min; then ~6 min)
	$(BIN)/python bench/run.py --scale 10000
	$(BIN)/python bench/summary.py

bench-full: install ## Benchmarks at 10k and 100k signals (100k DB: hours to generate once)
	$(BIN)/python bench/run.py --scale 10000
	$(BIN)/python bench/run.py --scale 100000
	$(BIN)/python bench/summary.py

buildout: install versions.cfg ## The alternative zc.buildout set-up (bin/instance)
	$(PIP) install -q -c constraints.txt "zc.buildout==6.0.1"
	$(BIN)/buildout -c buildout.cfg

clean: ## Remove the virtualenv (keeps instance/var)
	rm -rf $(VENV)
