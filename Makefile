# Two commands for a fresh machine (see README.md):
#   make serve   — install what is needed, build and serve the site on http://127.0.0.1:8000
#   make test    — install what is needed and run the whole test suite
# The organization is chosen by ORG_PROFILE (a file in data/profiles/): ORG_PROFILE=college make serve

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY_STAMP := $(VENV)/.installed
NODE_STAMP := tests/tools/node_modules/.installed

export NO_MKDOCS_2_WARNING := 1
# Byte-identical builds for the same commit: dates in the site (sitemap) are the commit's time.
export SOURCE_DATE_EPOCH ?= $(or $(shell git log -1 --format=%ct 2>/dev/null),0)
SITE_DIR ?= site

.PHONY: install serve build build-all offline test-built check-data test test-fast bench lock clean

install: $(PY_STAMP) $(NODE_STAMP)

$(PY_STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(NODE_STAMP): tests/tools/package.json tests/tools/package-lock.json
	cd tests/tools && npm ci --no-audit --no-fund --loglevel=error
	touch $@

serve: $(PY_STAMP)
	$(BIN)/mkdocs serve --no-strict --dev-addr 127.0.0.1:8000

build: $(PY_STAMP)
	$(BIN)/mkdocs build -d $(SITE_DIR)

# Every profile in parallel, each into site/<profile>/ with its offline ZIP, and site/index.html
# listing the organizations. BUILD_ALL_FLAGS=--no-offline skips the ZIPs; --jobs N sets the cores.
BUILD_ALL_FLAGS ?=
build-all: $(PY_STAMP)
	$(BIN)/python scripts/build_all.py $(BUILD_ALL_FLAGS)

# The offline edition of one profile (ORG_PROFILE, default demo): site-offline-<profile>.zip here.
offline: $(PY_STAMP)
	$(BIN)/python scripts/build_all.py --zip-only --out . $(or $(ORG_PROFILE),demo)

# The tests against the sites `make build-all` made (no second build): what CI runs after it.
test-built: $(PY_STAMP) $(NODE_STAMP)
	KB_BUILT_SITES=site $(BIN)/python -m pytest

check-data: $(PY_STAMP)
	$(BIN)/python scripts/check_data.py

test: $(PY_STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest

# Without the browser and link tests: a quick loop while editing data.
test-fast: $(PY_STAMP)
	$(BIN)/python -m pytest -m "not browser and not links"

BENCH_STAMP := bench/node_modules/.installed

$(BENCH_STAMP): bench/package.json bench/package-lock.json
	cd bench && npm install --no-audit --no-fund --loglevel=error  # npm ci trips over lighthouse's lock file
	touch $@

bench: $(PY_STAMP) $(BENCH_STAMP)
	$(BIN)/python scripts/bench.py

# Re-pin requirements.txt from requirements.in (needs the package registry).
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet -r requirements.in
	{ echo "# Pinned by 'make lock' from requirements.in. Install: make install (or any make target)."; \
	  .lock-venv/bin/pip freeze; } > requirements.txt
	rm -rf .lock-venv

clean:
	rm -rf site .pytest_cache site-offline-*.zip
