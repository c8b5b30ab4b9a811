# Tirkeu: the commands the README names. `make serve` and `make test` work on a fresh machine:
# scripts/setup.sh installs whatever is missing first (and is quick when nothing is).

CARGO ?= cargo
# The command line is a feature of the crate (Cargo.toml); every native build and test includes it,
# and the conversions with chrono (feature chrono), so that their tests run too.
CLI := --features cli,chrono
# The WebAssembly bindings of the whole npm package; each entry point has one of them (Cargo.toml).
WASM_ALL := --no-default-features --features wasm-rules-data,wasm-verify,wasm-issue
WASM_TARGET := wasm32-unknown-unknown
export CHROMEDRIVER ?= /usr/bin/chromedriver

.PHONY: all help setup setup-browser build serve test lint test-native test-wasm test-js test-e2e test-fuzz screenshots bench fuzz clean

all: test

help:
	@echo "make serve   build everything and serve the page on http://127.0.0.1:8080"
	@echo "make test    formatting, lints, native tests, WebAssembly in Node and Chromium, the page end to end, a fuzz smoke run"
	@echo "make bench   the scanner, verification, rules, sizes and page start against their targets and peers"
	@echo "make build   build the npm package into www/pkg and print its sizes"
	@echo "make fuzz    run every fuzz target for FUZZ_SECONDS (default 300) each"

setup:
	@scripts/setup.sh

setup-browser:
	@scripts/setup.sh --browser

## build: the npm package (www/pkg): profile wasm-release, wasm-bindgen, wasm-opt -Oz
build: setup
	scripts/build-wasm.sh

## serve: build everything and serve the page on http://127.0.0.1:8080
serve: build
	$(CARGO) run --release $(CLI) -- serve

## test: formatting, lints, and every test suite
test: lint test-native test-wasm test-js test-e2e test-fuzz

lint: setup
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --all-targets $(CLI) -- -D warnings
	$(CARGO) clippy --lib --target $(WASM_TARGET) $(WASM_ALL) -- -D warnings
	for entry in rules rules-data verify issue; do \
	  $(CARGO) clippy --lib --target $(WASM_TARGET) --no-default-features --features wasm-$$entry -- -D warnings || exit 1; \
	done

test-native:
	$(CARGO) test --all-targets $(CLI)
	$(CARGO) test --doc $(CLI)

## test-wasm: the bindings' wasm-bindgen-test suites, in Node and in headless Chromium
test-wasm: setup-browser
	$(CARGO) test --target $(WASM_TARGET) $(WASM_ALL) --test wasm_node --test wasm_browser --test cert_vectors

## test-js: the built npm package in Node (parity with native, hostile input, API) and its types;
## the page's scripts type-checked (JSDoc, tsc --checkJs) against those types;
## the packed tarball linted and installed into fresh Node, TypeScript, Vitest, Jest and bundler projects
test-js: build
	$(CARGO) test --test parity_corpus $(CLI)
	node --test tests/js/
	node_modules/.bin/tsc -p tests/ts/tsconfig.json
	node_modules/.bin/tsc -p tests/ts/tsconfig.www.json
	node_modules/.bin/tsc -p tests/ts/tsconfig.sw.json
	node tests/package/run.mjs

## test-e2e: the page in headless Chromium (Playwright) against tirkeu serve
test-e2e: build setup-browser
	$(CARGO) build --release $(CLI) --bin tirkeu
	node tests/e2e/run.mjs
	node tests/e2e/security.mjs
	node tests/e2e/field.mjs

## test-fuzz: a 20-second smoke run of every fuzz target (cargo-fuzz, nightly)
test-fuzz:
	scripts/fuzz.sh 20

## fuzz: every fuzz target for 5 minutes (FUZZ_SECONDS=...)
fuzz:
	scripts/fuzz.sh $(or $(FUZZ_SECONDS),300)

## bench: scanner vs zxing-wasm/zbar-wasm/jsQR, verification vs noble and native, rules, sizes, page start
bench: setup-browser
	scripts/bench.sh

## screenshots: refresh the README's screenshots in docs/screenshots
screenshots: build setup-browser
	$(CARGO) build --release $(CLI) --bin tirkeu
	SCREENSHOTS_DIR=docs/screenshots node tests/e2e/run.mjs

clean:
	$(CARGO) clean
	rm -rf www/pkg
