#!/usr/bin/env bash
# Runs ZhKit and its peers on the same files, one after the other, and prints one JSON line
# per measurement. Needs ../shared (the corpus beside the project) and pip.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
shared=$(cd "$root/.." && pwd)/shared
if [ ! -f "$shared/bench/jieba-words-100k.txt" ]; then
  echo "run_peers.sh: $shared/bench is absent; nothing to measure" >&2
  exit 1
fi
python3 -c "import ahocorasick_rs, opencc" 2>/dev/null || pip install -q ahocorasick_rs opencc
(cd "$root" && swift build -c release --product zhkit >/dev/null)
zhkit="$root/.build/release/zhkit"
words="$shared/bench/jieba-words-100k.txt"
news="$shared/bench/cctv-news-2023.txt"
seeds=$(python3 "$here/make_seeds10mb.py" /tmp/zhkit-seeds-10mb.txt)
"$zhkit" compile --dict "$words" -o /tmp/zhkit-jieba.zhm
best() {  # the median of 5 runs of a zhkit command's --stats line
  for i in 1 2 3 4 5; do "$@" 2>&1 >/dev/null | tail -1; done | python3 -c '
import json,sys,statistics; rows=[json.loads(l) for l in sys.stdin if l.startswith("{")]
m=statistics.median(r["seconds"] for r in rows); r=rows[0]; r["seconds"]=m; r["mb_per_s"]=round(r["bytes"]/m/1e6,1); print(json.dumps(r))'
}
for text in "$seeds" "$news"; do
  echo "# match, $(basename "$text")"
  echo "zhkit: $(best "$zhkit" match --dict /tmp/zhkit-jieba.zhm --count --stats "$text") count=$("$zhkit" match --dict /tmp/zhkit-jieba.zhm --count "$text")"
  echo "peer:  $(python3 "$here/match_peer.py" --dict "$words" --text "$text")"
done
"$zhkit" convert --to traditional "$news" > /tmp/zhkit-news-traditional.txt
echo "# convert t2s (news converted to traditional)"
echo "zhkit: $(best "$zhkit" convert --to simplified --stats /tmp/zhkit-news-traditional.txt)"
echo "peer:  $(python3 "$here/convert_peer.py" --text /tmp/zhkit-news-traditional.txt --direction t2s)"
echo "# convert s2t (news)"
echo "zhkit: $(best "$zhkit" convert --to traditional --stats "$news")"
echo "peer:  $(python3 "$here/convert_peer.py" --text "$news" --direction s2t)"
echo "# normalize (news)"
echo "zhkit: $(best "$zhkit" normalize --stats "$news")"
