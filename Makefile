# Two commands for a newcomer: `make demo` and `make test`.  Both create .venv when needed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SEED   := ../shared/seeds/000_ab8cf38a567ce122.txt

.PHONY: install demo test clean system-deps eval-docs

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

install: $(STAMP)

DEMO_DB := sqlite:///demo.db

demo: install
	@echo "== quidpro extract on the bundled example articles (examples/) =="
	$(BIN)/quidpro extract examples/*
	@if [ -f $(SEED) ]; then \
	  echo "== and on the seed page, as JSON Lines =="; \
	  $(BIN)/quidpro extract --json --published 2024-11-23 $(SEED); \
	fi
	@echo "== the demo corpus into a ledger (demo/corpus: 51 articles, 4 languages) =="
	$(BIN)/quidpro ingest --db $(DEMO_DB) demo/corpus/manifest.jsonl
	@if [ -n "$$CI" ] || [ -n "$$QUIDPRO_DEMO_NO_SERVE" ]; then exit 0; fi; \
	echo "== browse it: open the address below; Ctrl-C stops =="; \
	$(BIN)/quidpro serve --db $(DEMO_DB)

# The ledger tests run on a real PostgreSQL too, and the web tests drive a real Chromium: both
# are Debian's packages, installed when missing (as root; otherwise those tests are skipped,
# with the reason printed).  Playwright downloads no browser: the tests launch this one.
DEB_PACKAGES := $(if $(wildcard /usr/lib/postgresql/*/bin/initdb),,postgresql) $(if $(wildcard /usr/bin/chromium),,chromium)
system-deps:
	@if [ -n "$(strip $(DEB_PACKAGES))" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing Debian packages for the tests: $(strip $(DEB_PACKAGES))"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(DEB_PACKAGES) >/dev/null; \
	  else echo "note: $(strip $(DEB_PACKAGES)) missing and no root to install: those tests will be skipped"; fi; \
	fi

test: install system-deps
	$(BIN)/python -m pytest

# The figures in docs/evaluation.md, regenerated from the gold files.  The dev set's held-out
# quarter was chosen before any tuning and is never looked at while tuning: it is the measure.
DEV_GOLD := $(sort $(wildcard eval/dev/gold_*.jsonl))
eval-docs: install
	mkdir -p docs
	$(BIN)/quidpro eval --markdown tests/data/gold/fixtures.jsonl demo/corpus/gold.jsonl > docs/evaluation.md
	@echo "## The dev set (eval/dev): the held-out quarter, never tuned on" >> docs/evaluation.md
	$(BIN)/quidpro eval --markdown --no-heading --together --split holdout $(DEV_GOLD) >> docs/evaluation.md
	@echo "## The dev set (eval/dev): the part tuned on" >> docs/evaluation.md
	$(BIN)/quidpro eval --markdown --no-heading --together --split tune $(DEV_GOLD) >> docs/evaluation.md
	@echo "## The dev set (eval/dev): all of it" >> docs/evaluation.md
	$(BIN)/quidpro eval --markdown --no-heading --together $(DEV_GOLD) >> docs/evaluation.md
	@echo "wrote docs/evaluation.md"

clean:
	rm -rf $(VENV) .pytest_cache test-output
