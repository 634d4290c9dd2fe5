import ZhMatch

/// The names of every known division, compiled into one matcher, with the words that look
/// like places but are not (合作, 真金白银, 长治久安...), which win where they overlap a name.
///
/// Build it once (it is immutable and `Sendable`); ``shared`` holds the built-in table.
public struct Gazetteer: Sendable {
    /// What a matched name stands for.
    struct Entry: Sendable {
        enum Kind: Sendable { case fullName, alias, blocker }
        var kind: Kind
        var divisions: [Int]
        /// A foreign country (index into ``WorldLexicon/countries``), for names that are not
        /// divisions of China.
        var country: Int? = nil
        /// A foreign city (index into ``WorldLexicon/cities``).
        var city: Int? = nil
        /// A country's name ending in 国 that is also a name without it (以色列国, 日本国).
        var countryNameWithout国 = false
        /// A region of China that is no division (index into ``PlaceLexicon/regions``).
        var region: Int? = nil
    }

    public let table: DivisionTable
    let matcher: PatternMatcher
    let entries: [Entry]
    /// The index of each division's parent in `table.divisions`, or -1.
    let parent: [Int32]
    /// The index of each division's province (itself for a province), or -1.
    let province: [Int32]
    /// Province index by the scalar value of its one-character abbreviation (粤, 黔...), for BMP
    /// characters: 0 none, else index + 1.
    let abbreviation: [Int32]

    /// The built-in table's gazetteer, built on first use.
    public static let shared = Gazetteer(table: .builtin)

    /// Compiles the names and aliases of `table`.
    ///
    /// - Complexity: O(total length of the names), about 1 s for 700,000 villages.
    public init(table: DivisionTable) {
        self.table = table
        var keys: [UTF8Key: Int] = [:]
        var entries: [Entry] = []
        func add(_ name: String, _ kind: Entry.Kind, _ division: Int?) {
            let name = UTF8Key(name)
            if let k = keys[name] {
                if let division { entries[k].divisions.append(division) }
                // A full name beats an alias of the same text; an alias beats a blocker.
                // A full name beats anything; a blocker beats an alias of the same text.
                if kind == .fullName || (kind == .blocker && entries[k].kind == .alias) { entries[k].kind = kind }
                return
            }
            keys[name] = entries.count
            entries.append(Entry(kind: kind, divisions: division.map { [$0] } ?? []))
        }
        for (i, d) in table.divisions.enumerated() {
            add(d.name, .fullName, i)
            for a in d.aliases where a.count >= 2 { add(a, .alias, i) }
        }
        for w in PlaceLexicon.notPlaces { add(w, .blocker, nil) }
        // Foreign countries, where the name is not already a division's or a blocker.
        for (k, c) in WorldLexicon.countries.enumerated() {
            for (name, kind) in [(c.full, Entry.Kind.fullName), (c.name, .alias)] + c.aliases.map({ ($0, Entry.Kind.alias) })
            where keys[UTF8Key(name)] == nil && name.unicodeScalars.count >= 2 {
                keys[UTF8Key(name)] = entries.count
                entries.append(Entry(kind: kind, divisions: [], country: k))
            }
        }
        for c in WorldLexicon.countries {
            for name in [c.full, c.name] + c.aliases where name.hasSuffix("国") {
                guard let k = keys[UTF8Key(name)], let country = entries[k].country,
                      let shorter = keys[UTF8Key(String(name.dropLast()))], entries[shorter].country == country else { continue }
                entries[k].countryNameWithout国 = true
            }
        }
        // Foreign cities, likewise.
        for (k, c) in WorldLexicon.cities.enumerated() where keys[UTF8Key(c.name)] == nil && c.name.unicodeScalars.count >= 2 {
            keys[UTF8Key(c.name)] = entries.count
            entries.append(Entry(kind: .fullName, divisions: [], city: k))
        }
        // Regions of China that are no division (乌蒙山区, 长三角), likewise.
        for (k, name) in PlaceLexicon.regions.enumerated() where keys[UTF8Key(name)] == nil {
            keys[UTF8Key(name)] = entries.count
            entries.append(Entry(kind: .fullName, divisions: [], region: k))
        }
        self.entries = entries
        var parent = [Int32](repeating: -1, count: table.divisions.count)
        for (i, d) in table.divisions.enumerated() {
            if let p = d.parentCode, let pi = table.index(code: p), pi != i { parent[i] = Int32(pi) }
        }
        var province = [Int32](repeating: -1, count: table.divisions.count)
        for i in table.divisions.indices {
            var k = i, n = 0
            while parent[k] >= 0 && n < 8 { k = Int(parent[k]); n += 1 }
            if table.divisions[k].level == .province { province[i] = Int32(k) }
        }
        self.parent = parent
        self.province = province
        var abbreviation = [Int32](repeating: 0, count: 0x10000)
        for (c, code) in PlaceLexicon.provinceAbbreviations {
            guard let v = c.unicodeScalars.first?.value, v < 0x10000, let pi = table.index(code: code) else { continue }
            abbreviation[Int(v)] = Int32(pi + 1)
        }
        self.abbreviation = abbreviation
        let pairs = keys.map { ($0.key.string, UInt32($0.value)) }.sorted { $0.1 < $1.1 }
        matcher = try! PatternMatcher(pairs: pairs, kind: .overlapping)
    }
}

/// Word lists of the project's own for place resolution.
extension Gazetteer {
    /// Whether division `a` is on the parent chain of division `d` (indices).
    @inline(__always)
    func isAncestor(_ a: Int, of d: Int) -> Bool {
        var p = parent[d]
        var n = 0
        while p >= 0 && n < 8 {
            if Int(p) == a { return true }
            p = parent[Int(p)]
            n += 1
        }
        return false
    }
}

enum PlaceLexicon {
    /// Words and names that contain or equal a place's short form but are not that place.
    static let notPlaces: [String] = """
        合作 合作社 真金白银 长治久安 搬迁 搬迁安置 易地搬迁 安置 和平 新华 东方 光明 江山 永安 太平 长安 开放 复兴 \
        中华 华中 华南 华东 华北 西北 东北 西南 东南 中南 江南 黄金 朝鲜族 蒙古族 印度洋 印度教 中非合作 中国式 中国特色 中国共产党 中国梦 中国化 中国人民 中国国民党 中国风 大理想 远大理 天山脚下 资源 新墨西哥 南山 平安 新兴 前进 红星 胜利 团结 友谊 \
        东西部 同心 青山绿水 绿水青山 顺利 阳光 七星 向阳 新城 老城 古城 城区 大方向 大方面 通江达海 宁安 安宁 \
        和顺 永和 城中 江海 海港 港城 立新 新华社 长城 金平 平和 和田地 大通 通道 三都 都安 乐业 富民 江城 \\
        河西走廊 市中心 城市中 运河边 大运河 京杭运河 南部战区 北部战区 东部战区 西部战区 中部战区 南部地区 西部地区 东部地区 \
        发展中国家 世界大同 大同小异 扩大 红海城市 红海地区 红海海域 红海航线 阿曼湾 巴中关系 巴中两国 巴中友好 巴中合作 \
        国防部 国土交通省 上海合作组织 上海精神 北京时间 金山银山 独特多 \
        大理论 大理念 海地区 海拔 孙中山 中山大学 中山公园 中山装 中山路 阿里巴巴 阿里云 海南岸 上海拔 拉美 代理县
        """.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\\" }).map(String.init)

    /// Named regions of China that are no division, places of level `other` with no code: the
    /// contiguous areas of the poverty-alleviation programme (2011-2020), economic regions, and
    /// the large plateaus, basins, plains and deserts. Names of three or more characters only, and
    /// none that a division's name continues (大凉山 stays 凉山州, 大兴安岭 the prefecture).
    static let regions: [String] = """
        六盘山区 六盘山片区 秦巴山区 秦巴山片区 武陵山区 武陵山片区 乌蒙山区 乌蒙山片区 滇桂黔石漠化区 \
        滇桂黔石漠化片区 滇西边境山区 滇西边境片区 大兴安岭南麓山区 大兴安岭南麓片区 燕山—太行山区 燕山-太行山区 \
        燕山—太行山片区 吕梁山区 吕梁山片区 大别山区 大别山片区 罗霄山区 罗霄山片区 四省藏区 南疆四地州 南疆三地州 \
        京津冀 长三角 长江三角洲 珠三角 珠江三角洲 粤港澳大湾区 成渝地区 长江经济带 北部湾 海峡西岸 \
        长江流域 黄河流域 珠江流域 淮河流域 \
        青藏高原 黄土高原 云贵高原 内蒙古高原 四川盆地 塔里木盆地 准噶尔盆地 柴达木盆地 华北平原 东北平原 \
        江汉平原 成都平原 三江平原 河套平原 塔克拉玛干沙漠 腾格里沙漠 库布其沙漠 毛乌素沙地 科尔沁沙地 三江源 \
        横断山区 青海湖 洞庭湖 鄱阳湖 泸沽湖 纳木错 帕米尔高原
        """.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\\" }).map(String.init)

    /// Province abbreviations, as evidence for which province an ambiguous name belongs to.
    static let provinceAbbreviations: [Character: String] = [
        "京": "110000", "津": "120000", "冀": "130000", "晋": "140000", "蒙": "150000", "辽": "210000", "吉": "220000",
        "黑": "230000", "沪": "310000", "苏": "320000", "浙": "330000", "皖": "340000", "闽": "350000", "赣": "360000",
        "鲁": "370000", "豫": "410000", "鄂": "420000", "湘": "430000", "粤": "440000", "桂": "450000", "琼": "460000",
        "渝": "500000", "川": "510000", "蜀": "510000", "黔": "520000", "滇": "530000", "云": "530000", "藏": "540000",
        "陕": "610000", "甘": "620000", "陇": "620000", "青": "630000", "宁": "640000", "新": "650000",
    ]
}
