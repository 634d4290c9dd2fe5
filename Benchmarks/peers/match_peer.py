#!/usr/bin/env python3
"""The matcher peer: Rust's aho-corasick called from Python (ahocorasick_rs), leftmost-longest.

usage: match_peer.py --dict WORDS --text FILE [--repeat N] [--overlapping]
Prints one JSON line: matches, median build and match seconds, MB/s.
"""
import argparse, json, statistics, time
import ahocorasick_rs

ap = argparse.ArgumentParser()
ap.add_argument("--dict", required=True)
ap.add_argument("--text", required=True)
ap.add_argument("--repeat", type=int, default=5)
ap.add_argument("--overlapping", action="store_true")
a = ap.parse_args()

seen, patterns = set(), []
for line in open(a.dict, encoding="utf-8"):
    p = line.rstrip("\n").split("\t")[0]
    if p and p not in seen:
        seen.add(p)
        patterns.append(p)
text = open(a.text, encoding="utf-8").read()
kind = ahocorasick_rs.MatchKind.Standard if a.overlapping else ahocorasick_rs.MatchKind.LeftmostLongest
builds, runs, count = [], [], 0
for _ in range(a.repeat):
    t = time.perf_counter()
    ac = ahocorasick_rs.AhoCorasick(patterns, matchkind=kind)
    builds.append(time.perf_counter() - t)
    t = time.perf_counter()
    count = len(ac.find_matches_as_indexes(text, overlapping=a.overlapping))
    runs.append(time.perf_counter() - t)
size = len(text.encode("utf-8"))
med = statistics.median(runs)
print(json.dumps({"peer": "ahocorasick_rs", "patterns": len(patterns), "bytes": size, "matches": count,
                  "build_seconds": round(statistics.median(builds), 4), "seconds": round(med, 4),
                  "mb_per_s": round(size / med / 1e6, 1)}))
