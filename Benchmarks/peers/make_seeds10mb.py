#!/usr/bin/env python3
"""Writes the five seeds (sorted, joined by newlines) repeated to at least 10,000,000 bytes."""
import glob, os, sys
here = os.path.dirname(os.path.abspath(__file__))
seeds = sorted(glob.glob(os.path.join(here, "..", "..", "seeds", "*.txt")))
one = "\n".join(open(f, encoding="utf-8").read() for f in seeds) + "\n"
out = ""
while len(out.encode("utf-8")) < 10_000_000:
    out += one
dest = sys.argv[1] if len(sys.argv) > 1 else "/tmp/zhkit-seeds-10mb.txt"
open(dest, "w", encoding="utf-8").write(out)
print(dest)
