#!/usr/bin/env python3
"""Splits a 新闻联播 transcript file (../shared/bench/cctv-news-*.txt) into one JSON Lines document
per news day, for `zhkit extract --jsonl`: {"id": "20230101", "text": ..., "published": "2023-01-01"}.

usage: make_news_jsonl.py NEWS.txt [OUT.jsonl]   (default OUT: /tmp/zhkit-news-days.jsonl; prints OUT)
"""
import json, re, sys

if len(sys.argv) < 2:
    sys.exit(__doc__)
src = sys.argv[1]
dest = sys.argv[2] if len(sys.argv) > 2 else "/tmp/zhkit-news-days.jsonl"
head = re.compile(r"^# 《新闻联播》（(\d{8})）\s*$")
days, cur, lines = [], None, []
for line in open(src, encoding="utf-8"):
    m = head.match(line)
    if m:
        if cur:
            days.append((cur, "".join(lines)))
        cur, lines = m.group(1), [line]
    else:
        lines.append(line)
if cur:
    days.append((cur, "".join(lines)))
with open(dest, "w", encoding="utf-8") as f:
    for d, text in days:
        f.write(json.dumps({"id": d, "text": text, "published": f"{d[:4]}-{d[4:6]}-{d[6:]}"}, ensure_ascii=False) + "\n")
print(dest)
