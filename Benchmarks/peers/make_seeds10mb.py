#!/usr/bin/env python3
"""Writes the five seed articles (../shared/seeds/*.txt sorted by name, each followed by a newline)
repeated until the output reaches at least 10,000,000 bytes.

usage: make_seeds10mb.py [OUT]   (default /tmp/zhkit-seeds-10mb.txt; prints OUT)
"""
import glob, os, sys

here = os.path.dirname(os.path.abspath(__file__))
seeds = sorted(glob.glob(os.path.join(here, "..", "..", "..", "shared", "seeds", "*.txt")))
if not seeds:
    sys.exit("make_seeds10mb.py: no seeds under ../shared/seeds beside the project")
one = "".join(open(f, encoding="utf-8").read() + "\n" for f in seeds).encode("utf-8")
times = -(-10_000_000 // len(one))  # ceiling
dest = sys.argv[1] if len(sys.argv) > 1 else "/tmp/zhkit-seeds-10mb.txt"
with open(dest, "wb") as f:
    f.write(one * times)
print(dest)
