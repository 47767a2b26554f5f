# Two entry points for newcomers: `make demo` and `make test`.
# Both create a private virtual environment in .venv on first use: `make demo` installs only
# what corpusdiff needs to run; `make test` (and lint, bench, fuzz) adds the dev extras.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CORPUS ?= corpus

.PHONY: install install-runtime browser demo test fuzz eval agreement lint cli-docs bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# The program alone: `pip install -e .`, no dev extras.
$(VENV)/.installed-runtime: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

# The program with the dev extras (tests, linters, benchmarks).
$(BIN)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install-runtime: $(VENV)/.installed-runtime
install: $(BIN)/.installed

demo: install-runtime
	$(BIN)/corpusdiff --corpus $(CORPUS) ingest seeds/*.txt
	$(BIN)/corpusdiff --corpus $(CORPUS) list
	$(BIN)/corpusdiff --corpus $(CORPUS) diff futian/annual-plan/2022-01 futian/annual-plan/2025-01 --section 主要任务 --only reworded,moved --no-color --no-pager || test $$? -eq 1
	$(BIN)/corpusdiff --corpus $(CORPUS) site build --out site/build

# Benchmarks (benchmarks/README.md); `make bench SIZES=10,100,1000` for the 1,000-report run.
SIZES ?= 10,100
bench: install browser
	$(BIN)/python benchmarks/normalize_throughput.py
	$(BIN)/python benchmarks/cli_diff.py
	$(BIN)/python benchmarks/timeline.py
	$(BIN)/python benchmarks/extract_formats.py
	$(BIN)/python benchmarks/site_first_content.py
	$(BIN)/python benchmarks/pipeline.py --sizes $(SIZES)

# The site's browser tests drive Debian's chromium-headless-shell, Chromium built for automation
# (no browser download; a third of the full browser's CPU on the same pages; tests/conftest.py
# falls back to Debian's chromium); CJK fonts make the screenshots readable. Installed when
# missing and running as root (as CI does).
browser:
	@if command -v chromium-headless-shell >/dev/null 2>&1 && dpkg -s fonts-noto-cjk >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
			apt-get install -y -qq --no-install-recommends chromium-headless-shell fonts-noto-cjk >/dev/null \
			|| DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null; \
	else \
		echo "warning: chromium-headless-shell or fonts-noto-cjk is missing; install Debian's packages for the browser tests"; \
	fi

# Lint runs before the tests: ruff, the CLI reference (docs/cli.md against --help), and mypy on
# the package once a file .mypy-enabled exists at the repository root.
test: lint browser
	$(BIN)/pytest

# The dedicated fuzzing run: 10,000 hypothesis cases per property (the default suite runs 300
# per normalising property, 100 per diff property).
fuzz: install
	CORPUSDIFF_FUZZ_EXAMPLES=10000 $(BIN)/pytest -q -p no:cacheprovider tests/test_fuzz.py
	CORPUSDIFF_KILL_TRIALS=100 $(BIN)/pytest -q -p no:cacheprovider tests/test_faults.py

# Cross-validate the matcher's weights and thresholds, leaving one tuned labelled pair out at a time
# (never a held-out one); `make xval ARGS=--grid` also scores every threshold of the grid out of fold.
.PHONY: xval
xval: install
	$(BIN)/python -m tests.crossval_initiatives $(ARGS)

# Score the differ against the hand-labelled pairs (tests/data/labels/initiatives/);
# `make eval ARGS=--verbose` lists every error; `ARGS=--docs` rewrites docs/diff-output.md's table.
eval: install
	$(BIN)/python -m tests.eval_initiatives $(ARGS)

# The readers' own agreement: the blind second readings (tests/data/labels/second-readings/)
# scored against the project's labels and back, with eval's measures; `ARGS=--verbose` lists
# every disagreement.
agreement: install
	$(BIN)/python -m tests.agreement_initiatives $(ARGS)

lint: install
	$(BIN)/ruff check corpusdiff tests benchmarks docs
	$(BIN)/python docs/gen_cli_reference.py --check
	@if [ -f .mypy-enabled ]; then \
		echo "$(BIN)/mypy corpusdiff"; $(BIN)/mypy corpusdiff; \
	else \
		echo "mypy: skipped until .mypy-enabled exists"; \
	fi

# Regenerate docs/cli.md after changing a command's options or help text.
cli-docs: install
	$(BIN)/python docs/gen_cli_reference.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis .mypy_cache
