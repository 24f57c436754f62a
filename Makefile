# Two commands for a newcomer: `make demo` and `make test`.  Both create .venv when needed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SEED   := ../shared/seeds/000_ab8cf38a567ce122.txt

.PHONY: install demo test clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

install: $(STAMP)

demo: install
	@echo "== quidpro extract on the bundled example articles (examples/) =="
	$(BIN)/quidpro extract examples/*
	@if [ -f $(SEED) ]; then \
	  echo "== and on the seed page, as JSON Lines =="; \
	  $(BIN)/quidpro extract --json --published 2024-11-23 $(SEED); \
	fi

test: install
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) .pytest_cache test-output
