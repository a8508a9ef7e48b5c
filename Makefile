# The two commands of the README: `make run` and `make test`.
# Everything they need is created on first use and reused afterwards.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MANAGE := $(BIN)/python manage.py
# veraPDF, the PDF/UA checker (`make checkers`).
VERAPDF := var/verapdf/greenfield-apps-1.28.2.jar
HOST ?= 127.0.0.1
PORT ?= 8000
# Every absolute link (feeds, sitemaps, e-mails) names the address `make run` serves.
WIEL_BASE_URL ?= http://$(HOST):$(PORT)

# The PostgreSQL role and database `make services` creates for the suite (DATABASE_URL=... make test).
TEST_DATABASE_URL ?= postgres://wiel:wiel@127.0.0.1:5432/test
export TEST_DATABASE_URL

.PHONY: run serve test check lint format migrate demo browsers servers services search-engine checkers clean

$(STAMP): requirements/base.txt requirements/dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes \
		-r requirements/base.txt -r requirements/dev.txt
	touch $(STAMP)

## Run the site with demo content on the embedded default (SQLite, database search), with the
## worker and the scheduler beside it (stopped with the server).
run: export WIEL_BASE_URL := $(WIEL_BASE_URL)
run: $(STAMP)
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo_content
	$(MANAGE) send_newsletters --worker & worker=$$!; \
		$(MANAGE) run_scheduled_jobs --verbosity 0 & scheduler=$$!; \
		trap 'kill $$worker $$scheduler 2>/dev/null' EXIT INT TERM; \
		$(MANAGE) runserver $(HOST):$(PORT)

## The production stack on one machine, to try it out: Varnish on :8080 in front of gunicorn,
## the newsletter worker and the scheduler (deploy/serve; docs/performance.md).
serve: $(STAMP) servers
	deploy/serve

## Run the whole test suite (SQLite, or PostgreSQL when DATABASE_URL is set).
test: $(STAMP) browsers servers services checkers
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## The contributor's loop: lint, then the suite without the browser and the slow tests (see README).
check: lint
	WIEL_KEEP_TEST_DB=1 $(BIN)/python -m pytest -q -m "not browser and not slow" -p no:cacheprovider \
		-n 2 --reuse-db $(PYTEST_ARGS)

## Debian's Chromium for the browser tests (never a downloaded browser build).
browsers:
	@test -x /usr/bin/chromium || { \
		echo "Installing Debian's chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

## Debian's Varnish (the HTTP cache of `make serve` and its test) and wrk (benchmarks/throughput.py).
servers:
	@test -x /usr/sbin/varnishd -a -x /usr/bin/wrk || { \
		echo "Installing Debian's varnish and wrk"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq varnish wrk >/dev/null; }

## PostgreSQL (with the role and database of TEST_DATABASE_URL) and Redis on 127.0.0.1, from Debian's
## packages, started when they do not answer yet (deploy/services; no systemd needed).
services:
	@deploy/services postgresql redis

## A search engine on 127.0.0.1:9250: OpenSearch 2.19 from Maven Central (deploy/search-engine/run;
## `deploy/search-engine/run stop` stops it). The tests start their own; docs/search.md.
search-engine:
	@deploy/search-engine/run start

## The Nu HTML checker for the HTML test: vnu-jar from npm (pinned in package-lock.json, no install
## scripts: it runs on Debian's Java runtime, installed if missing). veraPDF, the PDF/UA checker of
## the PDF tests, from Maven Central (deploy/checkers/pom.xml; Debian's maven if missing), and
## Debian's Pango, which WeasyPrint lays the PDFs out with.
checkers: node_modules/vnu-jar/build/dist/vnu.jar $(VERAPDF)
	@command -v java >/dev/null || { \
		echo "Installing Debian's Java runtime for the HTML checker"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; }
	@ldconfig -p | grep -q libpangoft2-1.0 || { \
		echo "Installing Debian's Pango for the PDFs"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core >/dev/null; }

$(VERAPDF): deploy/checkers/pom.xml
	@command -v mvn >/dev/null || { \
		echo "Installing Debian's maven for the PDF checker"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq maven >/dev/null; }
	mvn -q -f deploy/checkers/pom.xml dependency:copy-dependencies -DoutputDirectory=$(CURDIR)/var/verapdf
	touch $@

node_modules/vnu-jar/build/dist/vnu.jar: package.json package-lock.json
	@command -v npm >/dev/null || { \
		echo "Installing Debian's npm for the HTML checker"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; }
	npm ci --ignore-scripts --no-audit --no-fund --silent
	touch $@

## Lint: ruff (check and format), django-upgrade (Django 5.2's idioms; it rewrites what it
## changes and fails), and detect-secrets against .secrets.baseline (the local test credentials).
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	git ls-files -z '*.py' ':!:*/migrations/*' | xargs -0 $(BIN)/django-upgrade --target-version 5.2
	@# On a scratch copy of the baseline: a first pass moves the known secrets' line numbers,
	@# the second fails on any secret the baseline does not know.
	@mkdir -p var && cp .secrets.baseline var/secrets.baseline
	@git ls-files -z ':!:.secrets.baseline' | xargs -0 $(BIN)/detect-secrets-hook --baseline var/secrets.baseline >/dev/null || true
	git ls-files -z ':!:.secrets.baseline' | xargs -0 $(BIN)/detect-secrets-hook --baseline var/secrets.baseline

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) .pytest_cache node_modules
