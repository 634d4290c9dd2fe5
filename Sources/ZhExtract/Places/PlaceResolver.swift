/// A place mention decided in context: which division a name in the text stands for.
struct PlaceMention {
    var range: Range<Int>
    /// Index into the gazetteer's table, or nil for a township or village found by its suffix.
    var division: Int?
    /// For suffix-found places: the division itself and the path above it. Kept out of line
    /// (most mentions have neither), so a mention is 48 bytes, not 112: a 60 MB page holds
    /// millions of them.
    var local: Division? {
        get { extra?.local }
        set { extra = newValue == nil && parentPath.isEmpty ? nil : Extra(local: newValue, parentPath: parentPath) }
    }
    var parentPath: [String] {
        get { extra?.parentPath ?? [] }
        set { extra = local == nil && newValue.isEmpty ? nil : Extra(local: local, parentPath: newValue) }
    }
    private var extra: Extra?
    /// Written as the head of a longer name (广州 in 广州白云): not a place of its own there.
    var qualifiesNext = false
    /// Written as the division's full official name.
    var isFull = true
    /// A foreign country (`local` holds its full name).
    var isForeign = false

    private final class Extra: Sendable {
        let local: Division?
        let parentPath: [String]
        init(local: Division?, parentPath: [String]) {
            self.local = local
            self.parentPath = parentPath
        }
    }

    init(range: Range<Int>, division: Int?, local: Division?, parentPath: [String], qualifiesNext: Bool = false,
         isFull: Bool = true, isForeign: Bool = false) {
        self.range = range
        self.division = division
        extra = local == nil && parentPath.isEmpty ? nil : Extra(local: local, parentPath: parentPath)
        self.qualifiesNext = qualifiesNext
        self.isFull = isFull
        self.isForeign = isForeign
    }
}

/// Decides what place names in a document mean.
///
/// 1. Every known name and alias is a candidate, and so is every word that looks like a place
///    but is not (合作, 真金白银...): the longest candidates win where they overlap, full names
///    before aliases, so 搬迁安置 hides 迁安, 威宁县 hides 宁县, 龙马潭区 hides 和龙.
/// 2. Spans taken by person names (梁玉林) are not places.
/// 3. A name several divisions share (白云区) goes to the one whose ancestors the document
///    mentions (广州, or 粤 for Guangdong).
/// 4. Townships, streets and villages are found by their suffix (镇, 乡, 街道, 村, 社区...) when
///    anchored right after a known division or a verb of movement, and hang under it.
struct PlaceResolver {
    let gazetteer: Gazetteer

    static let townshipSuffixes: [(String, PlaceLevel)] = [
        ("街道", .township), ("镇", .township), ("乡", .township), ("苏木", .township),
        ("社区", .community), ("村", .village), ("嘎查", .village),
    ]
    /// Words ending like a township or village that are not one.
    static let notLocal: Set<String> = ["之乡", "进村", "入村", "到村", "回村", "出村", "包村", "进镇", "进乡", "下村", "乡村", "农村", "城乡", "乡镇", "村镇", "城镇", "新农村", "本村", "全村", "该村", "各村",
                                        "全镇", "该镇", "各乡", "全乡", "该乡", "家乡", "老乡", "下乡", "返乡", "回乡", "故乡", "同乡",
                                        "村村", "小镇", "古镇", "集镇", "重镇", "名镇", "强镇",
                                        "美丽乡村", "乡村振兴", "村级", "村民", "贫困村", "示范村", "行政村", "自然村", "驻村"]
    static let anchorsBefore: Set<Character> = ["在", "到", "赴", "往", "至", "、", "，", "。", "和", "及", "与", "\n", " ", "（", "“", "了", "：", "是",
                                                 "像", "从", "以", "除", "被", "把", "让", "使", "由", "经", "按", "据", "随", "跟", "对", "向"]
    /// Characters that never start a township or village name found by its suffix (像四邑村 is 四邑村).
    static let notLocalStarts = ScalarSet("像从以除被把让使由经按据随跟对向一要可做给驻帮")
    static let notAfterSuffix = ScalarSet("村镇民级委干亲里下情音")
    /// After 乡 only: 乡土, 乡愁, 乡邻, 乡贤.
    static let notAfter乡 = ScalarSet("土愁邻贤")

    /// Whether `next` after a one-character suffix (村, 镇, 乡) makes it a word, not a place's end
    /// (乡村, 乡镇, 村民, 乡土).
    static func wordAfterSuffix(_ suffix: Unicode.Scalar, _ next: Unicode.Scalar) -> Bool {
        notAfterSuffix.contains(next) || (suffix == "乡" && notAfter乡.contains(next))
    }
    static let notInLocalNames = ScalarSet("的和与及在是了等为对把被到赴往至届组")
    static let 街道 = "街道".scalars
    static let afterStreets = ScalarSet("上里边两旁中内外")
    /// Words' characters that also start townships' names after their county (和日镇, 可塘镇, 与城镇).
    static let namesMayStartWith = ScalarSet("和可与同及从由向对以")

    /// What comes before 和 where it starts a name (与和平乡, 、和平乡).
    static let joinersBefore = ScalarSet("与和及、，")
    /// Whether a count of `items` places of a level follows `p` (四县, 4个县, 两区).
    static func countCloses(_ s: [Unicode.Scalar], at p: Int, items: Int) -> Bool {
        guard p < s.count else { return false }
        var q = p
        var n: Int?
        if let d = s.digitRun(at: q) { n = d.value; q = d.end } else if let v = chineseDigits[s[q]] { n = v; q += 1 }
        guard n == items, q < s.count else { return false }
        if s[q] == "个", q + 1 < s.count { q += 1 }
        return "县区市旗".unicodeScalars.contains(s[q])
    }

    /// What joins the items of a list of places.
    static let listJoiners = ScalarSet("、和及")
    static let 城镇 = "城镇".scalars
    /// Characters that make a kind of town before 城镇, not a town's name (小城镇, 各城镇).
    static let notTownHeads = ScalarSet("小大中各该本全特重新城乡比")
    /// Generic words that also end township names (卫城镇, 梅城镇).
    static let townEndings: Set<[Unicode.Scalar]> = Set(["城镇", "乡镇", "村镇"].map(\.scalars))
    static let anchorVerbScalars = anchorVerbs.map(\.scalars)
    static let anchorVerbs: [String] = ["调研", "走访", "考察", "深入", "来到", "前往", "抵达", "位于", "视察", "察看", "参观"]

    /// A name of the gazetteer found in the text: its code point range and its entry, stored in
    /// 12 bytes (a long page has millions of candidates).
    struct Candidate {
        private var start: Int32, end: Int32, entryIndex: Int32
        init(range: Range<Int>, entry: Int) {
            start = Int32(truncatingIfNeeded: range.lowerBound)
            end = Int32(truncatingIfNeeded: range.upperBound)
            entryIndex = Int32(truncatingIfNeeded: entry)
        }
        var range: Range<Int> { Int(start)..<Int(end) }
        var entry: Int { Int(entryIndex) }
    }

    /// Every name of the gazetteer in `text`, overlapping ones included.
    func candidates(in text: String) -> [Candidate] {
        var cands: [Candidate] = []
        gazetteer.matcher.forEachMatch(in: text) { m in
            cands.append(Candidate(range: m.start..<m.end, entry: Int(m.value)))
            return true
        }
        return cands
    }

    /// The places of `s` (the scalars of `text`), none overlapping `blocked`.
    ///
    /// - Parameter candidates: the names of the gazetteer in `text`, when already found
    ///   (``candidates(in:)``); a second resolution with names blocked does not search again.
    func resolve(_ s: [Unicode.Scalar], text: String, blocked: [Range<Int>], inside: [Range<Int>] = [],
                 candidates: [Candidate]? = nil) -> [PlaceMention] {
        let table = gazetteer.table
        // 1. Candidates.
        let cands = candidates ?? self.candidates(in: text)
        // Weights computed once (the sort looked each candidate's entry up at every comparison).
        // (Narrow integers: a 60 MB page has over a million candidates.)
        let kinds = cands.map { gazetteer.entries[$0.entry].kind }
        let weights = cands.indices.map { k in Int32(truncatingIfNeeded: cands[k].range.count * 4 + (kinds[k] == .fullName ? 2 : kinds[k] == .blocker ? 1 : 0)) }
        var order = [Int32](0..<Int32(truncatingIfNeeded: cands.count))
        order.sort { a, b in
            weights[Int(a)] != weights[Int(b)] ? weights[Int(a)] > weights[Int(b)] : cands[Int(a)].range.lowerBound < cands[Int(b)].range.lowerBound
        }
        var taken = PositionSet(count: s.count + 1)
        for r in blocked { for i in r where i < taken.count { taken[i] = true } }
        // Nothing starts inside a province's name unless another name ends where it starts: 江西南昌
        // and 山西北部 are 江西 and 山西 (not the words 西南, 西北), 云南山区 is 云南 (not 南山区),
        // 天津南开区 has no 津南, 广东区域 no 东区; but 浙江西湖区 keeps 西湖区, as 浙江 ends where it
        // starts. (Asking also that a place or a word like 北部 follow the province lost more than it
        // won on the news: 广西南横高速, 山西北齐壁画; it would have kept 海拔 in 世界上海拔最高.)
        var insideProvince = PositionSet(count: s.count + 1), ends = PositionSet(count: s.count + 1)
        for (k, c) in cands.enumerated() where kinds[k] != .blocker && c.range.upperBound <= s.count {
            ends[c.range.upperBound] = true
            if c.range.count >= 2, gazetteer.entries[c.entry].divisions.contains(where: { table.divisions[$0].level == .province }) {
                for i in (c.range.lowerBound + 1)..<c.range.upperBound { insideProvince[i] = true }
            }
        }
        var chosen: [Candidate] = []
        for i32 in order {
            let i = Int(i32)
            let c = cands[i]
            if c.range.lowerBound < s.count, insideProvince[c.range.lowerBound], !ends[c.range.lowerBound] { continue }
            if c.range.contains(where: { taken[$0] }) { continue }
            // A country's name ending in 国 does not take the 国 of the word after it (以色列国防部,
            // 日本国会): the shorter name does.
            if gazetteer.entries[c.entry].countryNameWithout国, c.range.upperBound < s.count,
               Self.afterCountry国.contains(s[c.range.upperBound]) { continue }
            for k in c.range { taken[k] = true }
            if kinds[i] != .blocker { chosen.append(c) }
        }
        chosen.sort { $0.range.lowerBound < $1.range.lowerBound }

        // 2. Evidence for disambiguation: divisions named unambiguously, and province abbreviations.
        // Evidence comes from full names, and from short forms of provinces and prefectures.
        // Keys are division indices.
        let parent = gazetteer.parent
        var evidence: [Int: Int] = [:]
        for c in chosen where gazetteer.entries[c.entry].divisions.count == 1 {
            let di = gazetteer.entries[c.entry].divisions[0]
            guard gazetteer.entries[c.entry].kind == .fullName || table.divisions[di].level <= .prefecture, table.divisions[di].code != nil else { continue }
            evidence[di, default: 0] += 2
        }
        // Province abbreviations (粤黔协作) only break ties between divisions sharing a name.
        var hints: [Int: Int] = [:]
        if chosen.contains(where: { gazetteer.entries[$0.entry].divisions.count > 1 }) {
            let abbreviation = gazetteer.abbreviation
            for scalar in s where scalar.value >= 0x4E00 && scalar.value < 0x10000 {
                let p = abbreviation[Int(scalar.value)]
                if p > 0 { hints[Int(p) - 1, default: 0] += 1 }
            }
        }
        func score(_ d: Int, _ e: [Int: Int]) -> Int {
            guard !e.isEmpty else { return 0 }
            var total = 0
            var p = parent[d]
            var n = 0
            while p >= 0, n < 6 {
                total += (e[Int(p)] ?? 0) * (n == 0 ? 3 : 1)
                p = parent[Int(p)]
                n += 1
            }
            return total
        }
        var result: [PlaceMention] = []
        // Names in a list closed by its count (疏勒、英吉沙、麦盖提、岳普湖四县): where each starts.
        var countedLists = Set<Int>()
        var run: [Range<Int>] = []
        for c in chosen {
            if let last = run.last, !(c.range.lowerBound == last.upperBound + 1 && Self.listJoiners.contains(s[last.upperBound])) {
                run = []
            }
            run.append(c.range)
            if run.count >= 2, Self.countCloses(s, at: c.range.upperBound, items: run.count) { for r in run { countedLists.insert(r.lowerBound) } }
        }
        func province(of d: Int) -> Int {
            var d = d, n = 0
            while parent[d] >= 0, n < 6 { d = Int(parent[d]); n += 1 }
            return d
        }
        // Lookups the loop below needs, built once (they were linear scans per candidate).
        var chosenEndingAt: [Int: Candidate] = [:]
        var fullNamed = Set<Int>()
        for c in chosen {
            chosenEndingAt[c.range.upperBound] = c
            if gazetteer.entries[c.entry].kind == .fullName { fullNamed.formUnion(gazetteer.entries[c.entry].divisions) }
        }
        for c in chosen {
            let entry = gazetteer.entries[c.entry]
            if let k = entry.city, entry.divisions.isEmpty {
                let city = WorldLexicon.cities[k]
                let country = WorldLexicon.cityCountryFullName[k]
                result.append(PlaceMention(range: c.range, division: nil,
                                           local: Division(code: nil, name: city.name, level: .other, parentCode: nil),
                                           parentPath: [country], isFull: true, isForeign: true))
                continue
            }
            if let k = entry.region, entry.divisions.isEmpty {
                let name = PlaceLexicon.regions[k]
                result.append(PlaceMention(range: c.range, division: nil,
                                           local: Division(code: nil, name: name, level: .other, parentCode: nil),
                                           parentPath: [], isFull: true))
                continue
            }
            if let k = entry.country, entry.divisions.isEmpty {
                let country = WorldLexicon.countries[k]
                result.append(PlaceMention(range: c.range, division: nil,
                                           local: Division(code: nil, name: country.full, level: .other, parentCode: nil),
                                           parentPath: [], isFull: entry.kind == .fullName, isForeign: true))
                continue
            }
            var options = entry.divisions
            // Townships and villages (from loaded gazetteers) are many and their names repeat:
            // one counts only when its county or prefecture is named in the document.
            if options.contains(where: { table.divisions[$0].level >= .township }) {
                options = options.filter { o in
                    guard table.divisions[o].level >= .township else { return true }
                    var p = parent[o]
                    for _ in 0..<2 {
                        guard p >= 0 else { break }
                        if (evidence[Int(p)] ?? 0) > 0 { return true }
                        p = parent[Int(p)]
                    }
                    return false
                }
            }
            guard !options.isEmpty else { continue }
            // The divisions of the name written right before this one, if any.
            let before = chosenEndingAt[c.range.lowerBound].map { gazetteer.entries[$0.entry].divisions.filter { table.divisions[$0].code != nil } } ?? []
            var best = options[0]
            if options.count > 1 {
                var bestScore = -1
                // An ancestor written right before the name (广州市白云区) decides.
                // A province's short form (河北, 海南) beats a district of the same name unless the
                // district's city is written right before it (天津河北区).
                let anyDirect = options.contains { o in before.contains { gazetteer.isAncestor($0, of: o) } }
                if !anyDirect, let province = options.first(where: { table.divisions[$0].level == .province }), entry.kind == .alias {
                    options = [province]
                }
                // A short form shared by a division and one inside it (东营 of 东营市 and its 东营区)
                // is the larger one, unless its ancestor is written right before it.
                if entry.kind == .alias {
                    let pool = anyDirect ? options.filter { o in before.contains { gazetteer.isAncestor($0, of: o) } } : options
                    let outer = pool.filter { o in !pool.contains { gazetteer.isAncestor($0, of: o) } }
                    if !outer.isEmpty && outer.count < pool.count { options = outer }
                }
                for o in options {
                    let direct = before.contains { gazetteer.isAncestor($0, of: o) } ? 1000 : 0
                    // Without evidence, the larger division (海南 is the province).
                    let size = 3 - min(3, table.divisions[o].level.rank)
                    let sc = direct + score(o, evidence) * 16 + min(3, score(o, hints)) * 4 + size
                    if sc > bestScore { best = o; bestScore = sc }
                }
            }
            let bestLevel = table.divisions[best].level
            // A short form followed by 们 is a word for people (来宾们).
            if entry.kind == .alias, c.range.upperBound < s.count, s[c.range.upperBound] == "们" { continue }
            // A short form of a county or smaller needs support: its full name, an ancestor,
            // or a place suffix right after it.
            if entry.kind == .alias && bestLevel >= .township {
                // A township's short form (乌蒙, 建设, 幸福) only right after its county.
                if !(parent[best] >= 0 && before.contains(Int(parent[best]))) { continue }
            } else if entry.kind == .alias && bestLevel >= .county, c.range.upperBound < s.count,
                      Self.naturalFeatures.contains(s[c.range.upperBound]),
                      // (门头沟山区, 遵化山里各庄村: not a mountain.)
                      !(s[c.range.upperBound] == "山" && c.range.upperBound + 1 < s.count && Self.notAfter山.contains(s[c.range.upperBound + 1])) {
                // A county's short form before 江, 河, 湖 or 山 names the river, lake or mountain
                // (嘉陵江, 白云山), not the county.
                continue
            } else if entry.kind == .alias && bestLevel >= .county {
                // A county's short form (白云, 资源, 南部) needs its prefecture (the direct parent)
                // or its own full name in the document, or an ancestor written right before it;
                // and it must start a word (定结 in 决定结束 does not).
                let parentNamed = parent[best] >= 0 && (evidence[Int(parent[best])] ?? 0) > 0
                // (A short form that keeps its kind, 东乡县 for 东乡族自治县, is as good as the name.)
                let keepsKind = c.range.count >= 3 && Self.kindEnds.contains(s[c.range.upperBound - 1])
                let fullNamedHere = fullNamed.contains(best) || keepsKind
                let direct = before.contains { gazetteer.isAncestor($0, of: best) }
                let start = c.range.lowerBound
                // Listed after a county of the same province (广西龙胜、罗城和贵州荔波、独山), or in a
                // list its count closes (疏勒、英吉沙、麦盖提、岳普湖四县).
                let listed = countedLists.contains(start) || start > 0 && Self.listJoiners.contains(s[start - 1]) && (result.last.map { m in
                    m.range.upperBound == start - 1 && m.division.map { table.divisions[$0].level == .county && province(of: $0) == province(of: best) } ?? false
                } ?? false)
                // (A short form of four characters or more is no common word: 阿拉山口, 霍尔果斯.)
                if !(parentNamed || fullNamedHere || direct || listed || c.range.count >= 4) { continue }
                if !direct, !keepsKind, start > 0, Self.isHan(s[start - 1].value), !Self.wordStarts.contains(s[start - 1]) { continue }
            }
            // Division names that are also common words (郊区, 城区, 矿区) only after their city.
            if entry.kind == .fullName, Self.genericNames.contains(Array(s[c.range])),
               !before.contains(where: { gazetteer.isAncestor($0, of: best) }) { continue }
            result.append(PlaceMention(range: c.range, division: best, local: nil, parentPath: [],
                                       isFull: entry.kind == .fullName))
        }
        // A county's short form before 镇, 乡 or 街道 names its seat (江孜县…江孜镇, 杏花岭街道), a
        // township under it; a prefecture's before 街道 a subdistrict named like it, somewhere else
        // (杭州萧山南阳街道).
        for k in result.indices where !result[k].isFull {
            let m = result[k], e = m.range.upperBound
            guard let d = m.division, e < s.count else { continue }
            let level = table.divisions[d].level
            // (Not the streets of a city: 杭州街道上, 街道两旁.)
            let subdistrict = s.hasWord(Self.街道, at: e) && !(e + 2 < s.count && Self.afterStreets.contains(s[e + 2]))
            guard (level == .county && (s[e] == "镇" || s[e] == "乡" || subdistrict)) || (level == .prefecture && subdistrict),
                  subdistrict || !(e + 1 < s.count && Self.wordAfterSuffix(s[e], s[e + 1])) else { continue }
            let end = subdistrict ? e + 2 : e + 1
            result[k] = PlaceMention(range: m.range.lowerBound..<end, division: nil,
                                     local: Division(code: nil, name: String(scalars: s[m.range.lowerBound..<end]), level: .township, parentCode: nil),
                                     parentPath: level == .county ? table.path(of: table.divisions[d]) : [])
        }
        // Townships and villages; they hide the shorter names inside them (龙口 in 龙口河村).
        var hard = PositionSet(count: s.count + 1)
        for r in blocked { for i in r where i < hard.count { hard[i] = true } }
        for m in result { for i in m.range { hard[i] = true } }
        let local = localPlaces(s, known: result, hard: hard)
        if !local.isEmpty {
            // Sparse: a document-long array here cost 1 byte a character for a few hundred places.
            var covered = Set<Int>()
            for m in local { covered.formUnion(m.range) }
            result.removeAll { m in m.range.contains { covered.contains($0) } && !isFullName(m, s) }
        }
        result += local
        foreignSubdivisions(s, &result)
        // Places inside company names (重庆德佳肉类科技发展有限公司) are part of the name.
        if !inside.isEmpty {
            // The longest company name over each position inside one (sparse: names are few).
            var company: [Int: Int] = [:]
            for (k, r) in inside.enumerated() { for i in r where company[i].map({ inside[$0].count < r.count }) ?? true { company[i] = k } }
            result.removeAll { m in
                guard let k = company[m.range.lowerBound] else { return false }
                return inside[k].lowerBound <= m.range.lowerBound && m.range.upperBound <= inside[k].upperBound && inside[k].count > m.range.count
            }
        }
        result.sort { $0.range.lowerBound < $1.range.lowerBound }
        for k in result.indices.dropLast() {
            let a = result[k], b = result[k + 1]
            guard b.range.lowerBound == a.range.upperBound || (b.range.lowerBound == a.range.upperBound + 1 && s[a.range.upperBound] == "·"),
                  let ad = a.division, table.divisions[ad].code != nil else { continue }
            let below = b.division.map { gazetteer.isAncestor(ad, of: $0) } ?? b.parentPath.contains(table.divisions[ad].name)
            // Only inside the name of a park, school, base... (广州白云·黔南平塘粤黔协作现代农业产业园);
            // 陕西延安 in running text names 陕西 too.
            if below && !isFullName(a, s) && Self.facilityFollows(s, from: b.range.upperBound) { result[k].qualifiesNext = true }
        }
        return result
    }

    private func isFullName(_ m: PlaceMention, _ s: [Unicode.Scalar]) -> Bool { m.isFull }

    /// What ends the name of a foreign country's subdivision.
    static let foreignSubdivisionSuffixes: [[Unicode.Scalar]] = ["边疆区", "共和国", "大区", "州", "省", "郡"].map(\.scalars)

    /// Subdivisions written right after their foreign country (澳大利亚维多利亚州, 也门马里卜省): a
    /// run of two to eight transliteration characters and 州, 省, 边疆区..., a place of level
    /// `other` under the country. It replaces the shorter names inside it (马里 in 马里卜省); a
    /// division of China's is never inside one.
    private func foreignSubdivisions(_ s: [Unicode.Scalar], _ result: inout [PlaceMention]) {
        guard result.contains(where: { $0.isForeign }) else { return }
        result.sort { $0.range.lowerBound < $1.range.lowerBound }
        var added: [PlaceMention] = []
        for m in result where m.isForeign && m.parentPath.isEmpty && m.local?.name != "中华人民共和国" {
            let j = m.range.upperBound
            var e = j
            while e < s.count, e - j < 8, TitleLexicon.transliteration.contains(s[e]),
                  !(e - j >= 2 && Self.foreignSubdivisionSuffixes.contains(where: { s.hasWord($0, at: e) })) { e += 1 }
            guard e - j >= 2, let suffix = Self.foreignSubdivisionSuffixes.first(where: { s.hasWord($0, at: e) }) else { continue }
            let r = j..<(e + suffix.count)
            // A known place that reaches past it, or a division of China inside it, wins.
            if result.contains(where: { $0.range.overlaps(r) && ($0.division != nil || $0.range.upperBound > r.upperBound) }) { continue }
            added.append(PlaceMention(range: r, division: nil,
                                      local: Division(code: nil, name: String(scalars: s[r]), level: .other, parentCode: nil),
                                      parentPath: [m.local!.name], isFull: true, isForeign: true))
        }
        guard !added.isEmpty else { return }
        result.removeAll { m in added.contains { $0.range.overlaps(m.range) } }
        result += added
    }

    /// Characters that make a word with a 国 before them (国防, 国会, 国务...).
    static let afterCountry国 = ScalarSet("防会务家内际民土旗歌库企债资情事门")
    /// Characters after a county's short form that make it a river, lake or mountain.
    static let naturalFeatures = ScalarSet("江河湖山")
    /// After 山, what makes it no mountain (山区, 山里各庄村).
    static let notAfter山 = ScalarSet("区里村乡镇县市")
    /// Last characters of a short form that keeps its division's kind (东乡县, 鄂温克旗).
    static let kindEnds = ScalarSet("县旗")

    /// Characters after which a word starts: a county's short form may follow them.
    static let wordStarts = ScalarSet("在到赴往至从于和与及、的是了去来经由向对把被让将从据等省市县区州镇乡村率援扶")
    /// Official names that are common words too.
    static let genericNames: Set<[Unicode.Scalar]> = Set(["郊区", "城区", "矿区", "新区", "市中区"].map(\.scalars))
    /// Words that end the name of a park, school, base... a run of places inside one names it.
    static let facilityWords: [[Unicode.Scalar]] = ["产业园", "园区", "基地", "中学", "小学", "大学", "学院", "医院", "公司", "集团", "工业园",
                                                    "合作区", "示范区", "纪念馆", "博物馆", "产业带", "工作队", "工作组", "协作区"].map(\.scalars)

    /// Whether a facility word comes within the run of Han characters (and ·) from `i`.
    static func facilityFollows(_ s: [Unicode.Scalar], from i: Int) -> Bool {
        var k = i
        // (A name runs to its facility's word without 的: 湖北黄冈的产业园 is in running text.)
        while k < s.count && k - i < 24 && (isHan(s[k].value) || s[k] == "·") && s[k] != "的" {
            if facilityWords.contains(where: { s.hasWord($0, at: k) }) { return true }
            k += 1
        }
        return false
    }

    static let suffixScalars: [([Unicode.Scalar], PlaceLevel)] = townshipSuffixes.map { ($0.0.scalars, $0.1) }
    static let suffixFirsts = ScalarSet(townshipSuffixes.map { $0.0.unicodeScalars.first! })
    static let notLocalScalars = notLocal.map(\.scalars)
    static let notLocalWhole = ["各社区", "该社区", "本社区", "各街道", "中关村", "度假村",
                                // Slogans of village work (以兴业强村为抓手).
                                "兴业强村", "富民强村", "产业强村", "党建强村", "人才强村", "文化强村", "生态强村", "旅游强村", "科技强村",
                                "实业强村", "工业强村", "强村富民", "产业兴村", "人才兴村", "文化兴村", "生态兴村", "旅游兴村"].map(\.scalars)
    /// Words that stand before 社区, 村, 镇... without being a name (深入社区, 来自农村).
    static let notLocalBodies: Set<[Unicode.Scalar]> = Set("""
        来自 深入 走进 进入 回到 来到 走入 扎根 服务 覆盖 所在 各个 多个 每个 城市 城乡 基层 重点 老旧 新建 全国 全省 全市 \
        周边 附近 当地 相关 部分 贫困 偏远 农村 乡镇 街道 示范 特色 文明 美丽 和谐 智慧 数字 传统 历史 文化 旅游 生态 绿色 \
        幸福 宜居 平安 安全 先进 试点 整个 一个 两个 这个 那个 所有 不少 许多 沿海 边境 山区 城中 城郊 郊区 远郊 乡里 邻近 \
        我国 扩大 培育 造成 流经 听取 品味 通过 建制 供销 地球 村容 走访 调研 考察 看望 慰问 来到 前往 建设 打造 推进 推动 \
        实现 带动 帮助 支持 发展 组织 开展 深化 加强 完善 健全 提升 服务 管理 治理 联系 连接 连通 通往 通达 抵达 到达 离开 \
        返回 回归 回乡 下乡 驻村 包村 兴村 强村 富村 美村 宜居 宜业 和美 乡村 农业 农民 城镇 城市 都市 县域 镇域 村级 党员 \
        受灾 运动员 亚残运 亚运 大运 冬奥 奥运 媒体 优化 异国他 生活 依托 沿着 沿途 重塑 提高 记得住 中心 要加强 传统古 \
        进城乡 老年人占 做实 百县千 十里八 江南水 农田 村头 建好 管好 用好 服务好 一批 这些 那些 更多 很多 属地 东郊 西郊 南郊 北郊 \
        千年古 百县通 古老 历史文化名 有关 移民 去年 今年 明年 前年 本年
        """.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\\" }).map { $0.unicodeScalars.map { $0 } })
    static let anchorsBeforeScalars = ScalarSet(anchorsBefore.map { $0.unicodeScalars.first! })

    /// Townships, streets and villages found by suffix, anchored to the place just before them
    /// or to a preceding verb or separator.
    private func localPlaces(_ s: [Unicode.Scalar], known: [PlaceMention], hard: PositionSet) -> [PlaceMention] {
        var found: [PlaceMention] = []
        var endsAt: [Int: Int] = [:]
        for (k, m) in known.enumerated() { endsAt[m.range.upperBound] = k }
        let table = gazetteer.table
        var i = 0
        while i < s.count {
            guard Self.suffixFirsts.contains(s[i]), !hard[i],
                  let (suffix, level) = Self.suffixScalars.first(where: { s.hasWord($0.0, at: i) }),
                  !(found.last.map { $0.range.contains(i) } ?? false) else {
                i += 1
                continue
            }
            let suffixEnd = i + suffix.count
            // 乡村, 乡镇, 村镇: not a suffix here.
            if suffix.count == 1, suffixEnd < s.count, Self.wordAfterSuffix(suffix[0], s[suffixEnd]) {
                i += 1
                continue
            }
            var accepted: PlaceMention?
            for length in (2...4).reversed() {
                let start = i - length
                guard start >= 0 else { continue }
                // (A conjunction after another joiner starts a name: 陆家镇与和平乡.)
                let joinedName = start > 0 && s[start] == "和" && Self.joinersBefore.contains(s[start - 1])
                // (So does any character of a two-character name right after its county: 泽库县和日镇,
                // 海丰县可塘镇; the reading without it would leave a one-character name.)
                let afterItsCounty = length == 2 && Self.namesMayStartWith.contains(s[start])
                    && (endsAt[start].map { known[$0].division.map { table.divisions[$0].level == .county } ?? false } ?? false)
                guard (start..<i).allSatisfy({ Self.isHan(s[$0].value) && !hard[$0]
                        && (!Self.notInLocalNames.contains(s[$0]) || ($0 == start && (joinedName || afterItsCounty))) }),
                      !(found.last.map { $0.range.overlaps(start..<i) } ?? false) else { continue }
                // (A township holds no township: 和平乡分别签订镇 is no place in 和平乡.)
                let anchor = (found.last.flatMap({ $0.range.upperBound == start ? $0 : nil }) ?? endsAt[start].map({ known[$0] }))
                    .flatMap { a in a.isForeign || (a.local?.level ?? a.division.map { table.divisions[$0].level }).map { $0 < level || $0 == .other } ?? true ? a : nil }
                // A village listed right after another of the same kind (龙脊镇大寨村、平安村) is one
                // too, under the same place, whatever its name.
                if let sibling = found.last, start > 0, sibling.range.upperBound == start - 1, s[start - 1] == "、",
                   sibling.local?.level == level, !sibling.parentPath.isEmpty,
                   !Self.notLocalStarts.contains(s[start]), length <= 3 {
                    accepted = PlaceMention(range: start..<suffixEnd, division: nil, local: local(), parentPath: sibling.parentPath)
                    break
                }
                // A word such as 城镇 ending the name rules it out, unless one character comes
                // before the word and the name's county is written right before it, or a word
                // places follow (盐源县卫城镇, 到巴城镇; not …县多个乡镇, 发展小城镇).
                let afterCounty = anchor?.division.map { table.divisions[$0].level == .county } ?? false
                let anchoredTown = (start == 0 || Self.anchorsBeforeScalars.contains(s[start - 1])) && !Self.notTownHeads.contains(s[start])
                if Self.notLocalBodies.contains(Array(s[start..<i])) || (Self.notLocalStarts.contains(s[start]) && !afterItsCounty)
                    || Self.notLocalScalars.contains(where: { w in
                        w.count <= suffixEnd - start && s.hasWord(w, at: suffixEnd - w.count)
                            && !((afterCounty || (anchoredTown && w == Self.城镇)) && suffixEnd - start == w.count + 1 && Self.townEndings.contains(w)) })
                    || Self.notLocalWhole.contains(where: { $0.count == suffixEnd - start && s.hasWord($0, at: start) }) { continue }
                func local() -> Division {
                    Division(code: nil, name: String(scalars: s[start..<suffixEnd]), level: level, parentCode: nil)
                }
                if let anchor {
                    let parentPath: [String]
                    if let di = anchor.division {
                        parentPath = table.path(of: table.divisions[di])
                    } else {
                        parentPath = anchor.parentPath + [anchor.local!.name]
                    }
                    accepted = PlaceMention(range: start..<suffixEnd, division: nil, local: local(), parentPath: parentPath)
                    break
                }
                // A stem that doubles a character (浓浓乡土) is a word.
                if length == 2 && s[start] == s[start + 1] { continue }
                if length <= 3, start == 0 || Self.anchorsBeforeScalars.contains(s[start - 1])
                    || Self.anchorVerbScalars.contains(where: { s.hasWord($0, at: start - $0.count) }) {
                    accepted = PlaceMention(range: start..<suffixEnd, division: nil, local: local(), parentPath: [])
                    break
                }
            }
            if let a = accepted {
                found.append(a)
                i = suffixEnd
            } else {
                i += 1
            }
        }
        return found
    }

    static func isHan(_ v: UInt32) -> Bool { (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) }
}
