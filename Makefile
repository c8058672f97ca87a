# Idébanken — the commands a newcomer needs. `make run` serves the site, `make test` tests it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
PORT := $(or $(IDEABANK_PORT),8000)

.PHONY: run test lint format assets messages elasticsearch bench lighthouse clean prod-check

# Installs only when pyproject.toml changed, so a second `make run` starts in seconds.
$(VENV)/.installed-run: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed-run
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

run: $(VENV)/.installed-run
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	$(PY) manage.py collectstatic --noinput -v 0
	@echo "Idébanken: http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	$(BIN)/daphne -b 127.0.0.1 -p $(PORT) ideabank.asgi:application

# The single sign-on tests run a real OpenID Connect provider (npm oidc-provider, pinned by its lockfile).
tests/oidc_provider/node_modules: tests/oidc_provider/package-lock.json
	npm ci --prefix tests/oidc_provider --no-audit --no-fund --loglevel=error
	touch $@

test: $(VENV)/.installed-dev tests/oidc_provider/node_modules
	$(PY) -m pytest -n auto

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=ideabank.settings.test $(PY) manage.py makemigrations --check --dry-run

format: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Vendors Det Fælles Designsystem from npm into static/vendor/dkfds, cuts IBM Plex Sans to Latin and keeps only
# the DKFDS rules our templates and scripts use (npm purgecss, pinned by its lockfile). Output committed:
# `make run` needs no npm.
scripts/purgecss/node_modules: scripts/purgecss/package-lock.json
	npm ci --prefix scripts/purgecss --no-audit --no-fund --loglevel=error
	touch $@

assets: $(VENV)/.installed-dev scripts/purgecss/node_modules
	scripts/vendor_dkfds.sh
	$(PY) scripts/subset_fonts.py
	node scripts/purgecss/purge.mjs

# Extract and compile translations (needs GNU gettext). Source strings are Danish; locale/en holds English.
messages: $(VENV)/.installed-dev
	$(PY) manage.py makemessages -l en --ignore=.venv --ignore=var --ignore=node_modules
	$(PY) manage.py makemessages -d djangojs -l en --ignore=.venv --ignore=var --ignore=static/vendor --ignore=node_modules
	$(PY) manage.py compilemessages --ignore=.venv

# Local Elasticsearch 8 on 127.0.0.1:$(ES_PORT); the first run fetches it from Maven Central.
# `scripts/elasticsearch.sh status|stop $(ES_PORT)` shows or stops it.
ES_PORT ?= 9200
elasticsearch:
	scripts/elasticsearch.sh start $(ES_PORT)

# WebSocket fan-out (bench/websocket.py): 1 000 clients on one idea, in-memory layer on one daphne, then the
# Redis layer (db 5 on port 6390, `scripts/ci_services.sh start`) across two; writes var/bench/live.json.
.PHONY: bench-live
bench-live: $(VENV)/.installed-run
	$(PY) -m bench.websocket

# Benchmark at 100 000 ideas (bench/): starts PostgreSQL, Redis and Elasticsearch (stops, naming what is
# missing, unless BENCH_ALLOW_MISSING=1), builds or reuses the data set in its own PostgreSQL database, serves
# it with the production settings and daphne, loads it anonymously and logged in from a separate process,
# prints the tables and budgets and writes var/bench/latest.json. Once it has measured it exits 0.
# BENCH_* variables: bench/config.py.
bench: $(VENV)/.installed-dev
	$(PY) -m bench

# The production layout from deploy/ on loopback (nginx TLS :8443, two daphne workers, the task worker,
# PostgreSQL :5442, Redis :6392, Elasticsearch :9211+:9212), then the smoke suite, the restore drill and the
# fault drills (tests/deploy/). Needs nginx, PostgreSQL, redis-server, openssl and a JDK; stops all it started.
prod-check: $(VENV)/.installed-dev
	IDEABANK_PROD_CHECK=1 $(PY) -m pytest tests/deploy -p no:xdist -p no:randomly -v -s

# Lighthouse (npm lighthouse, pinned by its lockfile; mobile defaults, Debian's Chromium) over six pages,
# anonymous and as the demo editor, on the site as `make run` serves it (port LIGHTHOUSE_PORT, default 8022).
# Prints the table against the budget and writes var/lighthouse/latest.json; a missed budget still exits 0.
bench/npm/node_modules: bench/npm/package-lock.json
	npm ci --prefix bench/npm --no-audit --no-fund --loglevel=error
	touch $@

lighthouse: $(VENV)/.installed-run bench/npm/node_modules
	$(PY) -m bench.lighthouse

clean:
	rm -rf var/static var/bench var/lighthouse .pytest_cache
