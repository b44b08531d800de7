# Magnum UI.  The two commands: `make run` (the all-in-one) and `make test`.
# Both install what they need: Debian packages with apt, Python packages into
# .venv from constraints.txt, JavaScript tools into node_modules from
# package-lock.json.

SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export PIP_DISABLE_PIP_VERSION_CHECK := 1

# What `make run` needs from Debian, and what `make test` needs on top.
# docker.io, iproute2, iptables, busybox-static: the local driver's nodes;
# docker-registry: the image registry the nodes pull from and users push to.
APT_RUN := postgresql util-linux docker.io iproute2 iptables busybox-static docker-registry
APT_TEST := chromium chromium-driver shellcheck
# Node.js 18 or newer with npm; Debian's nodejs/npm only when there is none.
NODE_OK := $(shell command -v npm >/dev/null && node -e 'process.exit(Number(process.versions.node.split(".")[0]) < 18 ? 1 : 0)' 2>/dev/null && echo yes)
APT_NODE := $(if $(NODE_OK),,nodejs npm)

.PHONY: help run stop status reset test lint format typecheck test-unit test-dashboard \
        test-e2e test-js system-run system-test constraints bench docs

help:
	@echo "make run      start the all-in-one (Keystone, service API, dashboard) in the foreground"
	@echo "make stop     stop an all-in-one started elsewhere"
	@echo "make test     lint, type-check and run every test (Python, end-to-end, JavaScript)"
	@echo "make reset    stop and delete all state (.state/)"
	@echo "make docs     regenerate the API description and the API and configuration references"

# --- set-up -----------------------------------------------------------------

system-run:
	@tools/ensure-packages.sh $(APT_RUN)

system-test: system-run
	@tools/ensure-packages.sh $(APT_TEST) $(APT_NODE)

$(VENV)/.installed: constraints.txt setup.cfg pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -c constraints.txt setuptools
	$(PY) -m pip install --quiet -c constraints.txt -e '.[aio,test]'
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# --- the all-in-one ---------------------------------------------------------

run: system-run $(VENV)/.installed
	@$(PY) -m magnum_ui.aio run

stop:
	@if [ -x $(PY) ]; then $(PY) -m magnum_ui.aio stop; else echo "The all-in-one was not running."; fi

status:
	@$(PY) -m magnum_ui.aio status

reset:
	@if [ -x $(PY) ]; then $(PY) -m magnum_ui.aio reset; else rm -rf .state; fi

# --- checks -----------------------------------------------------------------

test: system-test $(VENV)/.installed node_modules/.installed
	$(MAKE) --no-print-directory lint typecheck test-unit test-dashboard test-js test-e2e

lint: $(VENV)/.installed node_modules/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) tools/check_layers.py
	npm run --silent lint
	shellcheck -x -s bash devstack/plugin.sh devstack/lib/magnum-ui devstack/settings tests/devstack/fake-devstack.sh

format: $(VENV)/.installed
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

typecheck: $(VENV)/.installed
	$(VENV)/bin/mypy

# The service half and the dashboard half are two Django projects: their
# tests run in separate pytest processes with their own settings.
test-unit: $(VENV)/.installed
	$(PY) -m pytest tests -m "not e2e" --ignore=tests/dashboard

test-dashboard: $(VENV)/.installed
	$(PY) -m pytest tests/dashboard --ds=tests.dashboard.settings -W ignore::DeprecationWarning

test-e2e: $(VENV)/.installed
	$(PY) -m pytest tests -m e2e --ignore=tests/dashboard

test-js: node_modules/.installed $(VENV)/.installed
	PYTHON=$(PY) npm test --silent

# --- maintenance ------------------------------------------------------------

# The generated documents: the OpenAPI description, the API reference rendered
# from it, the configuration reference and Horizon's copy of the policy rules
# (tests fail when they are stale).
docs: $(VENV)/.installed
	$(PY) -m magnum_ui.docs.openapi > docs/api/openapi.json.new
	mv docs/api/openapi.json.new docs/api/openapi.json
	$(PY) -m magnum_ui.docs.api_reference > docs/api/reference.md.new
	mv docs/api/reference.md.new docs/api/reference.md
	$(PY) -m magnum_ui.docs.configuration > docs/configuration.md.new
	mv docs/configuration.md.new docs/configuration.md
	DJANGO_SETTINGS_MODULE=tests.dashboard.settings $(PY) -m magnum_ui.docs.policy_files

# Re-pin every Python package after changing setup.cfg.
constraints:
	rm -rf /tmp/magnum-ui-constraints && $(PYTHON) -m venv /tmp/magnum-ui-constraints
	/tmp/magnum-ui-constraints/bin/pip install --quiet '.[aio,test]' setuptools
	( echo "# Every Python package of the project, its tools and its all-in-one, pinned."; \
	  echo "# Regenerate with: make constraints (after changing setup.cfg)."; \
	  /tmp/magnum-ui-constraints/bin/pip freeze --all | grep -viE '^(pip|magnum-ui)[= ]' | sort -f ) > constraints.txt
