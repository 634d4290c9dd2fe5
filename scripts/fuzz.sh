#!/usr/bin/env bash
# Runs one libFuzzer target of Fuzz/ for a given time (AddressSanitizer on).
#   scripts/fuzz.sh FuzzAutomatonLoader|FuzzRepair|FuzzExtract SECONDS [extra libFuzzer flags...]
# The corpus grows in Fuzz/corpus/TARGET, findings (crash-*, timeout-*) land in Fuzz/findings/TARGET;
# both are ignored by git: keep each finding as a regression test instead.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
target=${1:?target: FuzzAutomatonLoader, FuzzRepair or FuzzExtract}
seconds=${2:-600}
shift 2 || true
scratch="$here/.build-fuzz"
swift build -c release --package-path "$here/Fuzz" --scratch-path "$scratch" --product "$target" \
  -Xswiftc -sanitize=fuzzer,address >&2
bin="$scratch/release/$target"
corpus="$here/Fuzz/corpus/$target"
findings="$here/Fuzz/findings/$target"
mkdir -p "$corpus" "$findings"
# Seeds: the seed articles, and for the loader small compiled automata of every kind.
if [ -z "$(ls -A "$corpus")" ]; then
  cp "$here"/seeds/*.txt "$corpus"/ 2>/dev/null || true
  if [ "$target" = FuzzAutomatonLoader ]; then
    zhkit="$here/.build/release/zhkit"
    [ -x "$zhkit" ] || swift build -c release --package-path "$here" --product zhkit >&2
    printf '贵州\n贵州省\n毕节\t7\nabc\nbc\n' > "$corpus/words.txt"
    for kind in "" --overlapping --leftmost-first; do
      "$zhkit" compile --dict "$corpus/words.txt" -o "$corpus/automaton$kind.zhm" $kind 2>/dev/null || \
        "$zhkit" compile --dict "$corpus/words.txt" -o "$corpus/automaton$kind.zhm"
    done
  fi
fi
cd "$findings"
# Statics built once per process (the built-in tables) are not leaks.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
"$bin" "$corpus" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 -print_final_stats=1 "$@"
