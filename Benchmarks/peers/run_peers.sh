#!/usr/bin/env bash
# Runs the peers (Python) on the files the README's performance table uses and prints one JSON line
# per measurement, under a "# ..." heading. Needs ../shared beside the project, and pip.
#   bash Benchmarks/peers/run_peers.sh              # the peers only
#   bash Benchmarks/peers/run_peers.sh --with-zhkit # also builds zhkit (release) and measures it in the same run
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
shared="$here/../../../shared"
if [ ! -f "$shared/bench/jieba-words-100k.txt" ] || [ ! -d "$shared/seeds" ]; then
  echo "run_peers.sh: ../shared (bench/ and seeds/ beside the project) is absent; nothing to measure" >&2
  exit 1
fi
shared=$(cd "$shared" && pwd)
with_zhkit=0; [ "${1:-}" = "--with-zhkit" ] && with_zhkit=1

python3 -c "import ahocorasick_rs, opencc" 2>/dev/null || pip install -q ahocorasick_rs opencc
python3 -c "import icu" 2>/dev/null || timeout 300 pip install -q PyICU \
  || echo "# PyICU did not install; the ICU peer is skipped" >&2

words="$shared/bench/jieba-words-100k.txt"
news="$shared/bench/cctv-news-2023.txt"
seeds=$(python3 "$here/make_seeds10mb.py" /tmp/zhkit-seeds-10mb.txt)

if [ $with_zhkit = 1 ]; then
  (cd "$root" && swift build -c release --product zhkit >/dev/null)
  zhkit="$root/.build/release/zhkit"
  "$zhkit" compile --dict "$words" -o /tmp/zhkit-jieba.zhm
fi
best() {  # the median of 5 runs of a zhkit command's --stats line
  for i in 1 2 3 4 5; do "$@" 2>&1 >/dev/null | tail -1; done | python3 -c '
import json,sys,statistics; rows=[json.loads(l) for l in sys.stdin if l.startswith("{")]
m=statistics.median(r["seconds"] for r in rows); r=rows[0]; r["seconds"]=m; r["mb_per_s"]=round(r["bytes"]/m/1e6,1); print(json.dumps(r))'
}

for text in "$seeds" "$news"; do
  echo "# match, $(basename "$text")"
  if [ $with_zhkit = 1 ]; then
    echo "zhkit: $(best "$zhkit" match --dict /tmp/zhkit-jieba.zhm --count --stats "$text") count=$("$zhkit" match --dict /tmp/zhkit-jieba.zhm --count "$text")"
  fi
  python3 "$here/match_peer.py" --dict "$words" --text "$text"
  python3 "$here/match_peer.py" --dict "$words" --text "$text" --overlapping
done

echo "# convert s2t, news"
[ $with_zhkit = 1 ] && echo "zhkit: $(best "$zhkit" convert --to traditional --stats "$news")"
python3 "$here/convert_peer.py" --text "$news" --direction s2t --out /tmp/zhkit-news-opencc-s2t.txt
echo "# convert t2s, news (simplified input: mostly passes through)"
python3 "$here/convert_peer.py" --text "$news" --direction t2s
echo "# convert t2s, news converted to traditional by OpenCC s2t"
python3 "$here/convert_peer.py" --text /tmp/zhkit-news-opencc-s2t.txt --direction t2s
if [ $with_zhkit = 1 ]; then
  "$zhkit" convert --to traditional "$news" > /tmp/zhkit-news-traditional.txt
  echo "# convert t2s, news converted to traditional by zhkit"
  echo "zhkit: $(best "$zhkit" convert --to simplified --stats /tmp/zhkit-news-traditional.txt)"
  python3 "$here/convert_peer.py" --text /tmp/zhkit-news-traditional.txt --direction t2s
  echo "# normalize, news"
  echo "zhkit: $(best "$zhkit" normalize --stats "$news")"
fi
