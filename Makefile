# The README's commands. Every target creates or updates the virtual environment first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell sha1sum requirements.lock | cut -c1-12)
PORT ?= 8000

.PHONY: install run serve bench bench-search bench-home bench-compare test check lint format fixture superuser

$(STAMP): requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed (set PYTHON=...)")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP)

## Serve the catalogue at http://127.0.0.1:$(PORT)/ (loads the default data into an empty catalogue only).
run: $(STAMP)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py setup_catalogue
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

## Production mode on this machine: hashed, compressed static files and gunicorn on 127.0.0.1:$(PORT).
## Without DJANGO_SECRET_KEY it makes a throw-away one (sessions end when it stops); plain HTTP, so no redirect.
serve: $(STAMP)
	@export DJANGO_DEBUG=false \
	  DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')}" \
	  DJANGO_ALLOWED_HOSTS="$${DJANGO_ALLOWED_HOSTS:-localhost,127.0.0.1}" \
	  DJANGO_SECURE_SSL_REDIRECT="$${DJANGO_SECURE_SSL_REDIRECT:-false}" PORT=$(PORT) && \
	$(BIN)/python manage.py migrate --noinput && \
	$(BIN)/python manage.py setup_catalogue && \
	$(BIN)/python manage.py collectstatic --noinput -v0 && \
	echo "Production mode on http://localhost:$(PORT)/ (gunicorn; Ctrl-C stops it)" && \
	exec $(BIN)/gunicorn config.wsgi

## Pages against a static file of the same size, under load (wrk); see docs/benchmarks.md.
bench: $(STAMP)
	$(BIN)/python scripts/bench.py

## Run the whole test suite: SQLite by default, PostgreSQL when DATABASE_URL is set.
test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## The edit–test loop: lint, then the suite without the browser, fuzz and slow (server) tests, on two cores (SQLite).
check: lint
	$(BIN)/python -m pytest -m "not browser and not fuzz and not slow" -n 2 -q $(PYTEST_ARGS)

TEMPLATES := $(shell find templates -name '*.html')

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check $(TEMPLATES)
	$(BIN)/python manage.py makemigrations --check --dry-run

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml $(TEMPLATES)

## Rebuild fixtures/catalogue.json from the sources in fixtures/sources.toml, in a throw-away database.
fixture: $(STAMP)
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	DATABASE_URL="sqlite:///$$tmp/fixture.sqlite3" $(BIN)/python manage.py migrate --noinput -v0 && \
	DATABASE_URL="sqlite:///$$tmp/fixture.sqlite3" $(BIN)/python manage.py build_fixture

superuser: $(STAMP)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py createsuperuser

## Benchmark /zoeken/ on PostgreSQL over a synthetic catalogue; recreates functiecatalogus_bench (BENCH_DATABASE_URL).
## Not a test and not run by CI. BENCH_ARGS="--groups 200 --repeat 10" to change it.
bench-search: $(STAMP)
	$(BIN)/python scripts/bench_search.py $(BENCH_ARGS)

## The overview pages (home, family, competencies, downloads) uncached over 1,000 synthetic groups; not a test.
bench-home: $(STAMP)
	$(BIN)/python scripts/bench_home.py

## Benchmark the group page, the comparison pages and the marked schaal page, uncached (see docs/benchmarks.md).
bench-compare: $(STAMP)
	$(BIN)/python scripts/bench_compare.py
