# papershelf: `make html` builds the site, `make test` runs every check.
# Both create .venv and install the pinned requirements on first use
# (and again whenever requirements/*.txt change).

PYTHON      ?= python3
VENV        := .venv
BIN         := $(VENV)/bin
SRCDIR      := docs
BUILDDIR    := _build
# -j 3: Sphinx writes with (parallel - 1) processes, so on 2 cores -j 3 gives two writers.
JOBS        ?= 3
SPHINXOPTS  ?= -W --keep-going -j $(JOBS)
SPHINXBUILD := $(BIN)/sphinx-build -c .

.PHONY: html test lint clean serve check add bench linkcheck help

help:
	@echo "make html       build the site into $(BUILDDIR)/html (incremental)"
	@echo "make test       run ruff, mypy, the import-linter contracts, papershelf check and the test suite"
	@echo "make serve      live-reloading preview on http://127.0.0.1:8000"
	@echo "make check      lint the shelf (front matter, links, references.bib)"
	@echo "make add ID=…   add a paper from arXiv (ID or URL)"
	@echo "make bench      benchmark builds on synthetic shelves, page sizes up to N=5000, import of generated lists of 2000 and 8000 (FULL=1: every measurement at 5000)"
	@echo "make linkcheck  check every external link (needs a network)"
	@echo "make clean      remove $(BUILDDIR)"

# The stamp files record which requirement set the venv holds.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.docs-installed: requirements/docs.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements/docs.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.test-installed: requirements/test.txt $(VENV)/.docs-installed
	$(BIN)/python -m pip install --quiet -r requirements/test.txt
	touch $@

html: $(VENV)/.docs-installed
	$(SPHINXBUILD) -b html $(SPHINXOPTS) $(SRCDIR) $(BUILDDIR)/html

test: $(VENV)/.test-installed
	$(BIN)/ruff check _ext bench tests
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/python -m papershelf check
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.test-installed
	$(BIN)/ruff check _ext bench tests
	$(BIN)/mypy
	$(BIN)/lint-imports

serve: $(VENV)/.test-installed
	$(BIN)/sphinx-autobuild -c . $(SRCDIR) $(BUILDDIR)/html --watch _ext --watch references.bib

check: $(VENV)/.docs-installed
	$(BIN)/python -m papershelf check

add: $(VENV)/.docs-installed
	@test -n "$(ID)" || { echo "usage: make add ID=2304.08485"; exit 2; }
	$(BIN)/python -m papershelf add "$(ID)"

# matplotlib (for the plot) lives apart from the venv the bench builds with
PLOT_LIB := $(BUILDDIR)/plot-lib

$(PLOT_LIB)/.installed: requirements/plot.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --target $(PLOT_LIB) -r requirements/plot.txt
	touch $@

bench: $(VENV)/.test-installed $(PLOT_LIB)/.installed
	$(BIN)/python -m bench $(if $(FULL),--full,)
	PYTHONPATH=$(PLOT_LIB) $(BIN)/python -m bench.plot

linkcheck: $(VENV)/.docs-installed
	$(SPHINXBUILD) -b linkcheck $(SRCDIR) $(BUILDDIR)/linkcheck

clean:
	rm -rf $(BUILDDIR)
