# marginalia: the two commands a new machine needs are `make serve` and `make test`.
# Both install what is missing first (scripts/setup.sh), so they work on a fresh Debian with
# rustup and Node. Builds never download tools: `trunk build --offline`.

SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
PORT ?= 8080

.PHONY: setup setup-test build serve test test-native test-browser test-fuzz-smoke test-e2e bench fuzz lint clean

setup:
	@scripts/setup.sh

setup-test:
	@scripts/setup.sh --test

## Release site into dist/: Trunk's build, the prerendered article and <head>, then the
## CSP-safe start script, one stylesheet, mount.js and the single-file page.
build: setup
	trunk build --release --offline
	cargo run --quiet --bin prerender -- dist/index.html
	node tools/package.mjs dist

## Build, then serve dist/ on 127.0.0.1 and print the address.
serve: build
	node tools/serve.mjs dist $(PORT)

## Every test: native (content, model, rendering), in Chromium (wasm-bindgen-test), end to end.
test: setup-test test-native test-browser test-fuzz-smoke test-e2e

test-native:
	cargo test

test-browser:
	cargo test --target wasm32-unknown-unknown

## A short fuzz run (10 s a target) of the content pipeline; `make fuzz` for a real one.
test-fuzz-smoke:
	scripts/fuzz.sh --smoke

fuzz:
	scripts/fuzz.sh 300

test-e2e: build
	node --test tests/e2e/

## Benchmark: marginalia against plain static HTML and mdBook on the same article (bench/).
bench: setup-test build
	@scripts/setup.sh --bench
	node bench/run.mjs

lint:
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings

clean:
	rm -rf dist target
