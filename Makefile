# Signaal: two commands. `make run` sets everything up and starts the platform with demo data;
# `make test` sets everything up and runs the whole suite on SQLite and on PostgreSQL.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
STAMP := $(VENV)/.installed
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
ADDR ?= 127.0.0.1:8000

# Production mode (docs/operations.md): configuration from the environment or SIGNAAL_ENV_FILE.
.PHONY: serve load faults security run test setup system-packages system-packages-run test-sqlite test-postgres lint format migrations-check messages demo clean audit mutation

run: export SIGNAAL_ENV = development
run: export SIGNAAL_DEMO = true
run: setup
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo_data
	$(MANAGE) load_demo_content
	$(MANAGE) schedule_daily_jobs
	@echo "Signaal runs at http://$(ADDR)/ (Ctrl-C stops the web server and the task worker)"
	@scripts/serve-dev $(PY) $(ADDR)

test: setup system-packages lint audit migrations-check test-sqlite test-postgres

# Production mode: gunicorn with WEB_WORKERS x WEB_THREADS and TASK_WORKERS task workers, after
# `check --deploy`, migrations and collectstatic (scripts/serve, docs/operations.md).
serve: setup
	scripts/serve $(PY)

# The production-readiness suites (README, "Measured"): the load suite and the fault suite run
# production mode on loopback against a throwaway PostgreSQL cluster (about 3 minutes each; the
# fault suite mounts a small tmpfs, which needs root); the security suite is also part of `make test`.
PGURL := postgres://$$PGUSER:$$PGPASSWORD@$$PGHOST:$$PGPORT/$$PGDATABASE
load: setup system-packages
	pg_virtualenv -t sh -c '$(PY) bench/load_bench.py --database-url $(PGURL)'

faults: setup system-packages
	pg_virtualenv -t sh -c '$(PY) bench/fault_suite.py --database-url $(PGURL)'

security: setup system-packages audit
	$(PY) -m pytest core/tests/test_security_hostile.py core/tests/test_security_organisations.py \
	  core/tests/test_security_headers.py core/tests/test_security_session.py \
	  core/tests/test_security_browser.py core/tests/test_security_methods.py \
	  core/tests/test_security_files.py core/tests/test_security_reads.py accounts/tests \
	  content/tests/test_knowledge_access.py content/tests/test_knowledge_leaks.py

# Mutation testing (not part of `make test`; docs/testing.md): mutmut 3 changes the code of the
# access rules, the scoring, the suppression of small numbers and the case workflow one mutant at
# a time, and the rule tables one entry at a time, and runs the fast tests of each against every
# mutant; a surviving mutant is a change to a rule no test notices. MODULES=workflow runs one;
# MODULES="access:can,require" only those functions; MUTATION_ARGS="--sample 30 --jobs 2".
MODULES ?= access scoring protection workflow
mutation: setup
	$(PY) scripts/mutation $(MUTATION_ARGS) $(MODULES)

setup: $(STAMP) system-packages-run
	$(MANAGE) compilemessages --ignore '.venv/*' -v 0

$(STAMP): pyproject.toml
	@[ -x $(PY) ] || $(PYTHON) -m venv $(VENV) || { \
	  echo "python3-venv is missing; installing it"; $(SUDO) apt-get update -qq && \
	  $(SUDO) apt-get install -y -qq python3-venv && $(PYTHON) -m venv $(VENV); }
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q ".[test]"
	@rm -rf build signaal.egg-info
	@touch $(STAMP)

# System packages: gettext compiles the translations, poppler's pdftotext is the fallback text
# extractor, DejaVu fonts carry the accents in generated PDFs; the tests also need Debian's chromium
# (Playwright drives it, no browser download), PostgreSQL (a throwaway cluster via pg_virtualenv) and
# the age tool (the backup tests open our archives with it, as an operator would).
system-packages-run:
	@missing=""; \
	  command -v msgfmt >/dev/null || missing="$$missing gettext"; \
	  command -v pdftotext >/dev/null || missing="$$missing poppler-utils"; \
	  [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$$missing fonts-dejavu-core"; \
	  if [ -n "$$missing" ]; then $(SUDO) apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; fi

system-packages: system-packages-run
	@missing=""; \
	  command -v chromium >/dev/null || missing="$$missing chromium fonts-dejavu-core"; \
	  command -v pg_virtualenv >/dev/null || missing="$$missing postgresql-common"; \
	  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	  command -v age >/dev/null || missing="$$missing age"; \
	  if [ -n "$$missing" ]; then $(SUDO) apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; fi

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

# Known vulnerabilities in the installed packages (PyPI's advisory data, needs the network) and
# bandit over our own code (configuration and the reasons for its skips in pyproject.toml).
# scripts/pip-audit is strict (a package that cannot be checked fails) and says so when PyPI's
# advisory data cannot be reached from this machine, instead of printing a clean result.
audit: $(STAMP)
	scripts/pip-audit $(PY)
	$(PY) -m bandit -c pyproject.toml -r . -q

format: $(STAMP)
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

migrations-check: $(STAMP)
	$(MANAGE) makemigrations --check --dry-run

test-sqlite: setup
	$(PY) -m pytest

# pg_virtualenv creates a throwaway PostgreSQL cluster, exports PG* variables and removes it after.
test-postgres: setup system-packages
	pg_virtualenv sh -c 'DATABASE_URL="postgres://$$PGUSER:$$PGPASSWORD@$$PGHOST:$$PGPORT/$$PGDATABASE" $(PY) -m pytest'

messages: $(STAMP)
	$(MANAGE) makemessages -l nl -l pl -l ro -l bg -l uk --ignore '.venv/*' --no-obsolete

clean:
	rm -rf $(VENV) var staticfiles
