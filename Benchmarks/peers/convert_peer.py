#!/usr/bin/env python3
"""The conversion peer: OpenCC (the C++ library, through the opencc package), t2s or s2t.

usage: convert_peer.py --text FILE --direction t2s|s2t [--repeat N]
"""
import argparse, hashlib, json, statistics, time
import opencc

ap = argparse.ArgumentParser()
ap.add_argument("--text", required=True)
ap.add_argument("--direction", choices=["t2s", "s2t"], required=True)
ap.add_argument("--repeat", type=int, default=5)
a = ap.parse_args()
text = open(a.text, encoding="utf-8").read()
conv = opencc.OpenCC(a.direction)
runs, out = [], ""
for _ in range(a.repeat):
    t = time.perf_counter()
    out = conv.convert(text)
    runs.append(time.perf_counter() - t)
size = len(text.encode("utf-8"))
med = statistics.median(runs)
print(json.dumps({"peer": "opencc " + a.direction, "bytes": size, "seconds": round(med, 4), "mb_per_s": round(size / med / 1e6, 1),
                  "sha1": hashlib.sha1(out.encode()).hexdigest()[:12]}))
