# Tirkeu: the commands the README names. `make serve` and `make test` work on a fresh machine:
# scripts/setup.sh installs whatever is missing first (and is quick when nothing is).

CARGO ?= cargo
WASM_TARGET := wasm32-unknown-unknown
export CHROMEDRIVER ?= /usr/bin/chromedriver

.PHONY: all help setup setup-browser build serve test lint test-native test-wasm bench fuzz clean

all: test

help:
	@echo "make serve   build everything and serve the page on http://127.0.0.1:8080"
	@echo "make test    formatting, lints, native tests, WebAssembly tests in Node and Chromium"
	@echo "make build   build the npm package into www/pkg and print its sizes"

setup:
	@scripts/setup.sh

setup-browser:
	@scripts/setup.sh --browser

## build: the npm package (www/pkg), release profile, wasm-bindgen, wasm-opt -Oz
build: setup
	scripts/build-wasm.sh

## serve: build everything and serve the page on http://127.0.0.1:8080
serve: build
	$(CARGO) run --release -- serve

## test: formatting, lints, and every test suite
test: lint test-native test-wasm

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --all-targets -- -D warnings
	$(CARGO) clippy --lib --target $(WASM_TARGET) --no-default-features -- -D warnings

test-native:
	$(CARGO) test --all-targets
	$(CARGO) test --doc

test-wasm: setup-browser
	$(CARGO) test --target $(WASM_TARGET) --no-default-features --test wasm_node --test wasm_browser

clean:
	$(CARGO) clean
	rm -rf www/pkg
