#!/usr/bin/env python3
"""The conversion peers: OpenCC (the C++ library, via the opencc package) and, when PyICU is
installed, ICU's transliterator Hant-Hans / Hans-Hant.

usage: convert_peer.py --text FILE --direction t2s|s2t [--repeat N] [--out FILE]

Prints one JSON line per peer: bytes, median seconds, MB/s, sha1 of the output.
--out writes OpenCC's output (e.g. to make traditional input for t2s).
"""
import argparse, hashlib, importlib.metadata, json, statistics, time

ap = argparse.ArgumentParser()
ap.add_argument("--text", required=True)
ap.add_argument("--direction", choices=["t2s", "s2t"], required=True)
ap.add_argument("--repeat", type=int, default=5)
ap.add_argument("--out")
a = ap.parse_args()
text = open(a.text, encoding="utf-8").read()
size = len(text.encode("utf-8"))


def measure(name, version, convert):
    runs, out = [], ""
    for _ in range(a.repeat):
        t = time.perf_counter()
        out = convert(text)
        runs.append(time.perf_counter() - t)
    med = statistics.median(runs)
    print(json.dumps({"peer": name, "version": version, "direction": a.direction, "bytes": size,
                      "seconds": round(med, 4), "mb_per_s": round(size / med / 1e6, 1),
                      "sha1": hashlib.sha1(out.encode("utf-8")).hexdigest(),
                      "runs": [round(r, 4) for r in runs]}), flush=True)
    return out


import opencc
out = measure("opencc " + a.direction, importlib.metadata.version("opencc"), opencc.OpenCC(a.direction).convert)
if a.out:
    open(a.out, "w", encoding="utf-8").write(out)

try:
    import icu
except ImportError:
    print(json.dumps({"peer": "icu", "skipped": "PyICU is not installed (pip install PyICU failed or was not tried)"}))
else:
    rule = "Hant-Hans" if a.direction == "t2s" else "Hans-Hant"
    tr = icu.Transliterator.createInstance(rule)
    measure("icu " + rule, "PyICU %s, ICU %s" % (icu.VERSION, icu.ICU_VERSION), tr.transliterate)
