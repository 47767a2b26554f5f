# Two entry points for newcomers: `make demo` and `make test`.
# Both create a private virtual environment in .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CORPUS ?= corpus

.PHONY: install browser demo test fuzz lint bench eval clean

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
	$(BIN)/corpusdiff --corpus $(CORPUS) site build --out site/build

# Benchmarks (benchmarks/README.md); `make bench SIZES=10,100,1000` for the 1,000-report run.
SIZES ?= 10,100
bench: install
	$(BIN)/python benchmarks/normalize_throughput.py
	$(BIN)/python benchmarks/cli_diff.py
	$(BIN)/python benchmarks/pipeline.py --sizes $(SIZES)

# The site's browser tests drive Debian's Chromium (no browser download); CJK fonts make the
# screenshots readable. Installed when missing and running as root (as CI does).
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; } || \
		echo "warning: chromium is missing; install Debian's chromium package for the browser tests"

test: install browser
	$(BIN)/ruff check corpusdiff tests benchmarks
	$(BIN)/pytest

# The dedicated fuzzing run: 10,000 hypothesis cases per property (the default suite runs 300).
fuzz: install
	CORPUSDIFF_FUZZ_EXAMPLES=10000 $(BIN)/pytest -q -p no:cacheprovider tests/test_fuzz.py

# The differ against the hand-labelled initiative pairs (tests/data/labels/initiatives/README.md).
eval: install
	$(BIN)/python -m tests.eval_initiatives

lint: install
	$(BIN)/ruff check corpusdiff tests benchmarks

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
