# marginalia: the two commands a new machine needs are `make serve` and `make test`.
# Both install what is missing first (scripts/setup.sh), so they work on a fresh Debian with
# rustup and Node. Builds never download tools: `cargo build --offline`.

SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
PORT ?= 8080

# The viewer (one wasm for every article) is rebuilt only when its own sources change; an
# edit of an article rebuilds only the site (no Rust is compiled). assets/page.html is the site
# command's page template, compiled into it, not part of the viewer.
VIEWER := target/viewer
VIEWER_SOURCES := $(filter-out assets/page.html,$(shell find src styles assets crates/model/src crates/i18n locales -type f 2>/dev/null)) \
	Cargo.toml Cargo.lock rust-toolchain.toml tools/viewer.mjs Makefile
# cargo's output folder (CARGO_TARGET_DIR when set): the viewer's wasm is built there.
CARGO_TARGET := $(or $(CARGO_TARGET_DIR),target)
VIEWER_WASM := $(CARGO_TARGET)/wasm32-unknown-unknown/release/marginalia-viewer.wasm
BINDGEN_OUT := $(CARGO_TARGET)/wasm-bindgen/release
# The native command (crates/cli), run through cargo so that CARGO_TARGET_DIR is honoured; it
# is compiled once, then each run only checks that it is fresh.
MARGINALIA := cargo run --quiet -p marginalia-cli --bin marginalia --


.PHONY: setup setup-test viewer studio binary build site serve dev new check draft test test-native test-browser test-fuzz-smoke test-e2e test-engines bench fuzz lint clean

setup:
	@scripts/setup.sh

setup-test:
	@scripts/setup.sh --test

# The viewer's wasm (only it: `cargo test` and the native commands are built as usual) is
# built smaller (README "A smaller wasm"): std is compiled with the viewer (`build-std`, needs the
# rust-src component) for size (`optimize_for_size`), and a panic traps at once
# (`-Cpanic=immediate-abort`: no panic messages or hooks in the wasm; init.js shows the error
# view on a trap). These are unstable options, allowed on the stable rustc by RUSTC_BOOTSTRAP=1.
# std's own dependencies are fetched once by scripts/setup.sh, so the build stays --offline.
WASM_SIZE_FLAGS := RUSTC_BOOTSTRAP=1 \
	CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
	CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
	RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"

# The viewer: the wasm (cargo), its JS glue (wasm-bindgen, the version of Cargo.lock), then
# tools/viewer.mjs: the wasm made smaller (tools/wasm.mjs: wasm-opt -Oz, binaryen 132 from npm,
# and the short names between the wasm and the glue), the scripts and the stylesheet minified,
# everything under a fixed name in $(VIEWER). No HTML is written here:
# `marginalia build` writes every page (README "How a page is made").
$(VIEWER)/init.js: $(VIEWER_SOURCES)
	$(WASM_SIZE_FLAGS) cargo build --release --offline --target wasm32-unknown-unknown --bin marginalia-viewer
	wasm-bindgen --target web --no-typescript --out-dir $(BINDGEN_OUT) --out-name marginalia-viewer $(VIEWER_WASM)
	rm -rf $(VIEWER) && mkdir -p $(VIEWER)
	node tools/viewer.mjs $(BINDGEN_OUT) $(VIEWER)

## The viewer alone, into target/viewer (what `marginalia build --viewer target/viewer` reads).
viewer: setup $(VIEWER)/init.js

# The studio (README "The studio"): a second wasm, the content pipeline and the drafter with the
# viewer's App for the preview, built as the viewer is (cargo with the same size flags,
# wasm-bindgen, wasm-opt -Oz) into dist/studio/ beside its page, script and stylesheet
# (crates/studio/assets/). Readers never load it; the page takes the site's ../marginalia.css.
STUDIO := dist/studio
STUDIO_SOURCES := $(shell find crates/studio crates/content/src crates/draft crates/model/src src styles -type f 2>/dev/null) \
	Cargo.toml Cargo.lock rust-toolchain.toml Makefile
STUDIO_WASM := $(CARGO_TARGET)/wasm32-unknown-unknown/release/marginalia-studio.wasm

$(STUDIO)/index.html: $(STUDIO_SOURCES)
	$(WASM_SIZE_FLAGS) cargo build --release --offline --target wasm32-unknown-unknown -p marginalia-studio --bin marginalia-studio
	wasm-bindgen --target web --no-typescript --out-dir $(BINDGEN_OUT) --out-name marginalia-studio $(STUDIO_WASM)
	rm -rf $(STUDIO) && mkdir -p $(STUDIO)
	wasm-opt -Oz --output $(STUDIO)/marginalia-studio_bg.wasm $(BINDGEN_OUT)/marginalia-studio_bg.wasm
	cp $(BINDGEN_OUT)/marginalia-studio.js crates/studio/assets/studio.js crates/studio/assets/studio.css $(STUDIO)/
	cp crates/studio/assets/index.html $(STUDIO)/index.html
	@ls -l $(STUDIO)

## The studio alone, into dist/studio/ (its page takes the site's stylesheet: `make build`).
studio: setup $(STUDIO)/index.html

## The `marginalia` command with the viewer inside (README "The writer's binary"): builds and
## serves a site with no wasm toolchain, Node or npm. Into $(CARGO_TARGET)/binary/marginalia.
binary: setup $(VIEWER)/init.js
	MARGINALIA_VIEWER=$(abspath $(VIEWER)) cargo build --profile binary --locked -p marginalia-cli --features embedded-viewer
	@ls -l $(CARGO_TARGET)/binary/marginalia$(if $(filter Windows_NT,$(OS)),.exe)

## The site into dist/: the viewer's shared files, every article under content/ (page, data,
## single file), the example articles and host pages under examples/, the contents page; the studio (dist/studio/).
# The studio first: the contents page links to it only when it is there.
build: setup $(VIEWER)/init.js $(STUDIO)/index.html site

# The example host pages, beside the example articles in dist/examples/.
EXAMPLE_HOSTS := mkdir -p dist/examples && cp examples/*.html examples/*.css examples/*.js dist/examples/

# SITE_FLAGS: `--drafts` previews a draft's unconfirmed suggestions (what `make dev` does).
site:
	@$(MARGINALIA) build --viewer $(VIEWER) content dist --examples examples/articles $(SITE_FLAGS)
	@$(EXAMPLE_HOSTS)

## Build, then serve dist/ on 127.0.0.1 and print the addresses (`marginalia serve`).
serve: build
	@$(MARGINALIA) serve --out dist --port $(PORT)

## Serve, rebuild the site on every save under content/ and reload the page (`marginalia
## serve --watch`). Drafts are previewed: a `draft`'s unconfirmed suggestions show as
## suggestions (never published).
dev: setup $(VIEWER)/init.js
	@$(EXAMPLE_HOSTS)
	@$(MARGINALIA) serve --watch --drafts --viewer $(VIEWER) --content content --examples examples/articles --out dist --port $(PORT)

## A new article's skeleton, which builds: `make new SLUG=my-story` writes content/my-story/.
new:
	@$(MARGINALIA) new $(SLUG)

## A first draft of an article's marks, actors, quotes and dates: `make draft
## ARTICLE=content/<slug>` (the folder holds article.md as pasted and meta.toml). Every entry is
## a suggestion the build refuses until the writer confirms it (docs/authoring.md).
draft:
	@test -n "$(ARTICLE)" || { echo "usage: make draft ARTICLE=content/<slug>" >&2; exit 2; }
	@$(MARGINALIA) draft $(ARTICLE)

## Checks every article under content/ (or one: `make check ARTICLE=content/<slug>`); prints
## every error with file:line:column and a hint. Exit 0 fine, 1 content errors, 2 bad usage.
check:
	@$(MARGINALIA) check $(or $(ARTICLE),content)

## Every test: native (content, model, rendering), in Chromium (wasm-bindgen-test), end to end,
## and the reader journeys in Chromium, Firefox and WebKit.
test: setup-test test-native test-browser test-e2e test-engines test-fuzz-smoke

test-native:
	cargo test --workspace

test-browser:
	cargo test --target wasm32-unknown-unknown -p marginalia

## A short fuzz run (10 s a target) of the content pipeline and of the viewer's reading of
## data files (seeded with the built site's, so after the site is built); `make fuzz` for a
## real one.
test-fuzz-smoke: build
	scripts/fuzz.sh --smoke

fuzz:
	scripts/fuzz.sh 300

test-e2e: build
	node --test tests/e2e/

## The reader journeys (tests/engines/) in Chromium, Firefox ESR and WebKitGTK, under Xvfb.
test-engines: build
	scripts/engines.sh

## Benchmark: marginalia against plain static HTML and mdBook on the same article (bench/).
bench: setup-test build
	@scripts/setup.sh --bench
	node bench/startup.mjs
	node bench/sections.mjs
	node bench/run.mjs

## Rust (rustfmt, clippy) and JavaScript (eslint, eslint.config.mjs).
lint: setup
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	eslint

clean:
	rm -rf dist target
