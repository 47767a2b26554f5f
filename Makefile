# Two entry points for newcomers: `make demo` and `make test`.
# Both create a private virtual environment in .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CORPUS ?= corpus

.PHONY: install demo test lint bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/.installed

demo: install
	$(BIN)/corpusdiff --corpus $(CORPUS) ingest seeds/*.txt
	$(BIN)/corpusdiff --corpus $(CORPUS) list
	$(BIN)/corpusdiff --corpus $(CORPUS) diff futian/annual-plan/2022-01 futian/annual-plan/2025-01 --section 主要任务 --only reworded,moved --no-color --no-pager || test $$? -eq 1

bench: install
	$(BIN)/python benchmarks/normalize_throughput.py

test: install
	$(BIN)/ruff check corpusdiff tests benchmarks
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check corpusdiff tests benchmarks

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
