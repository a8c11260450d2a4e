#!/usr/bin/env bash
# Fuzzes the content pipeline with cargo fuzz (libFuzzer), on stable Rust.
#
#   scripts/fuzz.sh [SECONDS] [TARGET…]   each target for SECONDS (default 300); targets:
#                                         build_article, markdown, data_file, draft (default: all)
#   scripts/fuzz.sh --smoke               10 s per target, for `make test` (after the first
#                                         build of the fuzz targets, which takes minutes)
#
# Installs cargo-fuzz, pinned, if it is missing or another version
# (`cargo install cargo-fuzz --version $CARGO_FUZZ_VERSION --locked`). cargo fuzz passes
# flags that only nightly rustc accepts; RUSTC_BOOTSTRAP=1 lets the stable compiler accept
# them. The sanitizer is off (`--sanitizer none`): the pipeline is safe Rust, so what fuzzing
# hunts is panics, stack overflows and slow inputs (-timeout), which libFuzzer catches without
# one. Seed corpora come from content/, tests/fixtures/broken-*/ and tests/hostile/.
# Exit status: 0, or 1 when a target crashed (its input is then in fuzz/artifacts/<target>/).
# A crash stops the run and leaves its input in fuzz/artifacts/<target>/; add it to
# tests/hostile/regressions/ (`.md` for markdown, `.content` for build_article: the five files
# joined with NUL bytes), where `cargo test --test hostile` replays it.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

seconds=300
smoke=0
targets=()
for arg in "$@"; do
  case "$arg" in
    --smoke) seconds=10; smoke=1 ;;
    ''|*[!0-9]*) targets+=("$arg") ;;
    *) seconds="$arg" ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=(build_article markdown data_file draft)

# Pinned: an exact version, built with its own Cargo.lock, not whatever is newest today.
CARGO_FUZZ_VERSION=0.13.2
if ! cargo fuzz --version 2>/dev/null | grep -qF " $CARGO_FUZZ_VERSION"; then
  echo "fuzz: installing cargo-fuzz $CARGO_FUZZ_VERSION (cargo install --locked)…"
  cargo install cargo-fuzz --version "=$CARGO_FUZZ_VERSION" --locked
fi
rustc -V | grep -q nightly || export RUSTC_BOOTSTRAP=1

# Seed corpora, rewritten each run into fuzz/seeds/<target>/; the fuzzer's own finds go to
# fuzz/corpus/<target>/ and are reused by later runs (not by --smoke, which starts from the
# seeds alone so that it takes the same time every run).
rm -rf fuzz/seeds
mkdir -p fuzz/seeds/build_article fuzz/seeds/markdown fuzz/seeds/data_file fuzz/seeds/draft \
  fuzz/corpus/build_article fuzz/corpus/markdown fuzz/corpus/data_file fuzz/corpus/draft fuzz/logs
# draft: the articles' texts, marks and all, and the shared public-domain texts.
for f in content/*/article.md examples/articles/*/article.md ../shared/texts/*.txt; do
  [ -f "$f" ] && cp "$f" "fuzz/seeds/draft/$(basename "$(dirname "$f")")-$(basename "$f")"
done
for dir in content/*/ examples/articles/*/ tests/fixtures/broken-*/; do
  name=$(basename "$dir")
  out="fuzz/seeds/build_article/$name"
  : > "$out"
  for f in meta.toml article.md actors.toml events.toml quotes.toml; do
    [ "$f" = meta.toml ] || printf '\0' >> "$out"
    [ -f "$dir$f" ] && cat "$dir$f" >> "$out"
  done
  cp "${dir}article.md" "fuzz/seeds/markdown/$name.md" 2>/dev/null || true
done
for f in tests/hostile/*.md tests/hostile/regressions/*.md; do
  [ -f "$f" ] && [ "$(wc -c < "$f")" -le 32768 ] && cp "$f" "fuzz/seeds/markdown/hostile-$(basename "$f")"
done
# data_file: the data files of the built site (`make build`), if there is one.
for f in dist/*/data.*.bin dist/examples/*/data.*.bin; do
  [ -f "$f" ] && cp "$f" "fuzz/seeds/data_file/$(basename "$(dirname "$f")").bin"
done
for f in tests/hostile/regressions/*.content; do
  [ -f "$f" ] && cp "$f" "fuzz/seeds/build_article/regression-$(basename "$f")"
done

cd fuzz
status=0
for target in "${targets[@]}"; do
  log="logs/$target.log"
  echo "fuzz: $target for ${seconds}s (log: fuzz/$log)"
  cargo fuzz build --sanitizer none "$target"
  if [ "$smoke" = 1 ]; then
    corpus=$(mktemp -d)
  else
    corpus="corpus/$target"
  fi
  if cargo fuzz run --sanitizer none "$target" "$corpus" "seeds/$target" -- \
      -max_total_time="$seconds" -timeout=10 -max_len=65536 -dict="$target.dict" \
      -print_final_stats=1 > "$log" 2>&1; then
    result=ok
  else
    result="CRASH (input in fuzz/artifacts/$target/)"
    status=1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  echo "fuzz: $target: ${runs:-?} executions in ${seconds}s: $result"
  [ "$result" = ok ] || tail -30 "$log"
  if [ "$smoke" = 1 ]; then rm -rf "$corpus"; fi
done
exit $status
