#!/usr/bin/env python3
"""The matcher peer: Rust's aho-corasick called from Python (ahocorasick_rs).

usage: match_peer.py --dict WORDS --text FILE [--repeat N] [--overlapping]

Counts leftmost-longest, non-overlapping matches (with --overlapping: all matches, MatchKind.Standard).
WORDS has one pattern per line with an optional TAB value (ignored); empty lines are skipped and only
the first of duplicate patterns is kept (in overlapping mode ahocorasick_rs reports every duplicate).
Build and match are timed separately, N times each; prints one JSON line with the medians.
"""
import argparse, importlib.metadata, json, statistics, time
import ahocorasick_rs

ap = argparse.ArgumentParser()
ap.add_argument("--dict", required=True)
ap.add_argument("--text", required=True)
ap.add_argument("--repeat", type=int, default=5)
ap.add_argument("--overlapping", action="store_true")
a = ap.parse_args()

patterns = []
for line in open(a.dict, encoding="utf-8"):
    p = line.rstrip("\r\n").split("\t")[0]
    if p:
        patterns.append(p)
patterns = list(dict.fromkeys(patterns))  # keeps the first of duplicates, in order
text = open(a.text, encoding="utf-8").read()
kind = ahocorasick_rs.MatchKind.Standard if a.overlapping else ahocorasick_rs.MatchKind.LeftmostLongest

builds, runs, count = [], [], 0
for _ in range(a.repeat):
    t = time.perf_counter()
    ac = ahocorasick_rs.AhoCorasick(patterns, matchkind=kind)
    builds.append(time.perf_counter() - t)
    t = time.perf_counter()
    found = ac.find_matches_as_indexes(text, overlapping=a.overlapping)
    runs.append(time.perf_counter() - t)
    count = len(found)
    del found

size = len(text.encode("utf-8"))
med = statistics.median(runs)
print(json.dumps({
    "peer": "ahocorasick_rs", "version": importlib.metadata.version("ahocorasick_rs"),
    "kind": "standard, overlapping" if a.overlapping else "leftmost-longest",
    "patterns": len(patterns), "bytes": size, "matches": count,
    "build_seconds": round(statistics.median(builds), 4), "seconds": round(med, 4),
    "mb_per_s": round(size / med / 1e6, 1), "runs": [round(r, 4) for r in runs]}))
