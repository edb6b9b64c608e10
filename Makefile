# Perhebotti — the commands a new user and a maintainer need. See README.md.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
RASA := $(BIN)/rasa
TRAINING_DATA := data/training
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export SQLALCHEMY_SILENCE_UBER_WARNING := 1

.PHONY: install system-deps run shell train validate evaluate bench lint test lock clean

## install: create .venv with Python 3.10 and install the pinned dependencies
install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml constraints.txt scripts/find-python.sh
	@if [ ! -x $(PY) ]; then \
		python=$$(scripts/find-python.sh) || exit 1; \
		echo "Creating $(VENV) with $$python"; \
		"$$python" -m venv $(VENV); \
	fi
	$(PY) -m pip install --quiet --upgrade "pip==24.2" "setuptools==75.1.0" wheel
	$(PY) -m pip install --quiet -c constraints.txt -e '.[dev]'
	@touch $@

## system-deps: Chromium and npm for the browser tests (apt-get; asks for sudo when not root)
system-deps:
	scripts/system-deps.sh

## lock: re-resolve the dependencies and rewrite constraints.txt
lock:
	rm -rf .venv-lock && "$$(scripts/find-python.sh)" -m venv .venv-lock
	.venv-lock/bin/pip install --quiet "pip==24.2" && .venv-lock/bin/pip install --quiet '.[dev]'
	{ echo "# Pinned versions of every dependency; regenerate with 'make lock'."; \
	  .venv-lock/bin/pip freeze --exclude perhebotti; } > constraints.txt
	rm -rf .venv-lock

## train: train a model when data/, config.yml or domain.yml changed (Rasa reuses the last one otherwise)
train: install
	$(PY) -m bot train

## run: start the action server, the Rasa server and the chat page; Ctrl-C stops them all
run: install
	$(PY) -m bot run

## shell: talk to the bot in the terminal (staff), with the action server running
shell: install
	$(PY) -m bot shell

## validate: check the training data and domain
validate: install
	$(RASA) data validate --data $(TRAINING_DATA) --fail-on-warnings

## evaluate: NLU report with 5-fold cross-validation (reports/nlu_evaluation.md), then the
## end-to-end answers on the independent parent set (reports/answers_evaluation.md), each
## beside Rasa's default pipeline
evaluate: install
	$(PY) -m tools.nlu_eval --folds 5
	$(PY) -m tools.answers_eval --show-failures --baseline

## bench: Perhebotti beside stock Rasa under load on loopback (latency, msg/s, memory,
## training time); writes its section of docs/benchmarks.md (about 15 minutes)
bench: install
	$(PY) -m tools.bench

## lint: ruff and mypy as configured in pyproject.toml
lint: install
	$(BIN)/ruff check bot actions tests tools
	$(BIN)/ruff format --check bot actions tests tools
	$(BIN)/mypy

## test: the whole suite, from nothing to green
test: install system-deps lint validate
	$(PY) -m pytest

## clean: remove the virtualenv, trained models and local state
clean:
	rm -rf $(VENV) models/*.tar.gz .rasa var .pytest_cache .mypy_cache .ruff_cache
