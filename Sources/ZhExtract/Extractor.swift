import ZhMatch

/// Extracts places, officials, organisations, dates, amounts, visits and pairings from one
/// normalized (simplified) text.
///
/// ```swift
/// let x = Extractor()
/// let facts = x.extract("昭通市委书记杨亚林率党政代表团赴贵州省毕节市考察")
/// facts.persons.first?.titles.first?.title   // "市委书记"
/// ```
///
/// An extractor is immutable and `Sendable`: share one between tasks.
public struct Extractor: Sendable {
    public let gazetteer: Gazetteer
    /// Names of officials known in advance (found without a title nearby).
    public let knownOfficials: [String: [TitleAssignment]]
    /// Declarative rules run after the built-in extraction (``ExtractionRule/builtin`` and yours).
    public let rules: [ExtractionRule]

    /// - Parameters:
    ///   - gazetteer: the divisions to recognize; the built-in table by default.
    ///   - officials: known officials by name, with their titles.
    ///   - rules: rules of your own, run with the built-in ones.
    public init(gazetteer: Gazetteer = .shared, officials: [String: [TitleAssignment]] = [:], rules: [ExtractionRule] = []) {
        self.gazetteer = gazetteer
        self.knownOfficials = officials
        self.rules = ExtractionRule.builtin + rules
        ruleIndex = rules.isEmpty ? Self.builtinRuleIndex : RuleIndex(self.rules)
        documentWords = rules.isEmpty ? Self.builtinWords : DocumentWords(ruleWords: ruleIndex.wordIDs)
    }

    let ruleIndex: RuleIndex
    static let builtinRuleIndex = RuleIndex(ExtractionRule.builtin)
    /// The words of every step, found in one scan of a document.
    let documentWords: DocumentWords
    static let builtinWords = DocumentWords(ruleWords: builtinRuleIndex.wordIDs)

    /// Extracts the facts of `text`.
    ///
    /// - Parameters:
    ///   - text: simplified Chinese text (normalize it first).
    ///   - published: the publication date; otherwise read from the page when it shows one.
    /// - Complexity: O(*n*) in the text's length, plus the matches.
    public func extract(_ text: String, published: Day? = nil) -> Extraction {
        let s = text.scalarArray
        var result = Extraction()
        // The rules' words, the event words, the chrome words and the title words, in one pass.
        // (Each part is let go once used: a long page holds millions of words.)
        var scan = documentWords.scan(text)
        let words = scan.events
        let chrome = PageChrome(s, markers: scan.chrome)
        scan.chrome = []
        result.boilerplate = chrome.lines
        result.title = chrome.title
        result.published = published ?? chrome.published
        let inChrome = chrome.contains

        let resolver = PlaceResolver(gazetteer: gazetteer)
        let organizations = organizations(s, skipping: inChrome)
        let companies = organizations.filter { o in ["公司", "集团", "合作社", "厂"].contains { o.name.hasSuffix($0) } }.flatMap(\.mentions)
        let placeCandidates = resolver.candidates(in: text)
        var placeMentions = resolver.resolve(s, text: text, blocked: [], inside: companies, candidates: placeCandidates)
        let personExtractor = PersonExtractor(s: s, text: text, places: placeMentions, table: gazetteer.table,
                                              knownNames: Set(knownOfficials.keys), tokens: scan.titleTokens)
        scan.titleTokens = []
        var persons = personExtractor.extract() + personExtractor.foreignNamesBeforePosts()
        // The bodies written right before 定点帮扶 (水利部定点帮扶…), read now: the title words are
        // let go once the persons are read.
        var designatedBodies: [Int: Range<Int>] = [:]
        var from = 0
        while let t = words.first(from..<s.count, .帮扶) {
            // (Also with its start between them: 水利部自2015年起定点帮扶武隆区.)
            if t >= 2, s[t - 2] == "定", s[t - 1] == "点" {
                var p = t - 2
                while p > 0, t - 2 - p <= 10 {
                    if let body = personExtractor.body(endingAt: p) { designatedBodies[t - 2] = body; break }
                    if Self.pairingClauseEnds.contains(s[p - 1]) { break }
                    p -= 1
                }
            }
            from = t + 1
        }
        let dateMentions = DateExtractor(s: s, published: result.published).extract(skipping: inChrome)
        let dateRanges = dateMentions.flatMap(\.mentions)
        result.dates = Self.aggregate(dateMentions)
        persons += RuleEngine(s: s, names: personExtractor, places: placeMentions, organizations: organizations.flatMap(\.mentions),
                              dates: dateRanges, titleTokens: personExtractor.titleWordRanges(), placeName: name).run(ruleIndex, hits: scan.ruleHits)
        scan.ruleHits = []
        // Names are not places (梁玉林 is not 玉林): where a name overlaps a place, resolve
        // again with the names blocked.
        let nameSpans = persons.map(\.range)
        var named = PositionSet(count: s.count + 1)
        for r in nameSpans { for i in r where i < s.count { named[i] = true } }
        if placeMentions.contains(where: { m in m.range.contains { named[$0] } }) {
            placeMentions = resolver.resolve(s, text: text, blocked: nameSpans, inside: companies, candidates: placeCandidates)
        }
        result.places = Self.specificFirst(aggregatePlaces(placeMentions, s, inChrome: inChrome))
        result.persons = aggregatePersons(persons, s, places: placeMentions.map(\.range))
        var amountIndex: [String: Int] = [:]
        for a in AmountExtractor(s: s).extract(skipping: inChrome) {
            if let k = amountIndex[a.text] { result.amounts[k].mentions += a.mentions } else {
                amountIndex[a.text] = result.amounts.count
                result.amounts.append(a)
            }
        }
        result.organizations = Self.trimmed(organizations, s, persons: [nameSpans] + result.persons.map(\.mentions), places: placeMentions)
        let sentences = Self.sentenceRanges(s)
        let home = homePlace(placeMentions, inChrome: inChrome)
        var levels: [String: PlaceLevel] = [:]
        for p in result.places { levels[p.fullName] = p.level }
        // (Every mention of a titled person, for leaders named by name alone: 叶尔肯·胡安率….)
        let found = visits(s, sentences: sentences, words: words, places: placeMentions, persons: persons, dates: dateMentions, home: home,
                           titled: result.persons.filter { !$0.titles.isEmpty }, skipping: inChrome)
        result.visits = found.map(\.visit)
        for v in inspections(s, sentences: sentences, words: words, places: placeMentions, names: result.persons.map(\.name), dates: dateMentions, skipping: inChrome)
            + stateVisits(s, sentences: sentences, words: words, places: placeMentions, names: result.persons.map(\.name), dates: dateMentions, skipping: inChrome)
        // A delegation's visit already holds its members going the same way, and a trip its stops
        // in townships and villages (庄晓帆深入贡山县…, then 来到马库村, 在茨开镇调研).
        where !result.visits.contains(where: { $0.to.contains(where: v.to.contains) && !Set($0.leaders).isDisjoint(with: v.leaders) })
            && !(v.to.allSatisfy { levels[$0].map { $0 >= .township && $0 != .other } ?? false }
                 && result.visits.contains { !$0.to.isEmpty && !Set($0.leaders).isDisjoint(with: v.leaders) }) {
            result.visits.append(v)
        }
        // A local official's delegation (福安市市长陈六一行到…渭源县调研) comes from the place of the
        // leader's post, when that place neither holds nor lies in the places gone to.
        let table = gazetteer.table
        for k in result.visits.indices where result.visits[k].from == nil {
            guard let leader = result.visits[k].leaders.first,
                  let home = result.persons.first(where: { $0.name == leader })?.titles.compactMap(\.place).first,
                  !table.divisions(named: home).isEmpty else { continue }
            if !result.visits[k].to.contains(where: { $0 == home || table.inOneLine(home, $0) }) { result.visits[k].from = home }
        }
        // A Chinese leader going abroad comes from China (李强对澳大利亚进行正式访问): every place
        // gone to is foreign and every leader has a Chinese name.
        let foreign = Set(placeMentions.filter(\.isForeign).map(name)).subtracting(["中国", "中华人民共和国"])
        for k in result.visits.indices where result.visits[k].from == nil && !result.visits[k].to.isEmpty
            && result.visits[k].to.allSatisfy(foreign.contains) && result.visits[k].leaders.allSatisfy(Self.isChineseName) {
            result.visits[k].from = "中国"
        }
        result.pairings = pairings(s, sentences: sentences, words: words, places: placeMentions, visits: found.filter(\.assistance).map(\.visit), published: result.published,
                                      home: home, bodyEnding: { designatedBodies[$0] })
        return result
    }

    // MARK: - Aggregation

    /// One entry per date written the same way and meaning the same days, with every mention.
    static func aggregate(_ dates: [DateMention]) -> [DateMention] {
        var out: [DateMention] = []
        var index: [UTF8Key: Int] = [:]
        for d in dates {
            let key = UTF8Key(d.text + "|" + d.start + "|" + (d.end ?? ""))
            if let k = index[key] { out[k].mentions += d.mentions } else {
                index[key] = out.count
                out.append(d)
            }
        }
        return out
    }

    /// Places from the most specific level to the broadest (villages and communities, townships,
    /// counties, prefectures, provinces, then regions and countries), each level in order of
    /// first mention: a place is listed before the places it lies in, so that a reader matching
    /// places by their paths meets a place's own entry before its parent's.
    static func specificFirst(_ places: [Place]) -> [Place] {
        func rank(_ l: PlaceLevel) -> Int {
            switch l {
            case .village, .community: 0
            case .township: 1
            case .county: 2
            case .prefecture: 3
            case .province: 4
            case .other: 5
            }
        }
        return places.enumerated().sorted { (rank($0.element.level), $0.offset) < (rank($1.element.level), $1.offset) }.map(\.element)
    }

    private func path(_ m: PlaceMention) -> [String] {
        m.division.map { gazetteer.table.path(of: gazetteer.table.divisions[$0]) } ?? (m.parentPath + [m.local!.name])
    }

    private func name(_ m: PlaceMention) -> String {
        if let d = m.division { return gazetteer.table.divisions[d].name }
        // Countries by the name news uses (中国, not 中华人民共和国).
        return m.isForeign ? WorldLexicon.shortName[m.local!.name] ?? m.local!.name : m.local!.name
    }

    enum PlaceKey: Hashable {
        case division(Int)
        case local(UTF8Key)
    }

    func aggregatePlaces(_ mentions: [PlaceMention], _ s: [Unicode.Scalar], inChrome: (Int) -> Bool) -> [Place] {
        var places: [Place] = []
        var standalone: [Bool] = []
        var index: [PlaceKey: Int] = [:]
        let table = gazetteer.table
        for m in mentions {
            // A division is one place; townships and villages found by suffix, and countries, are
            // one place per name in a document.
            let key: PlaceKey
            if let di = m.division { key = .division(di) } else { key = .local(UTF8Key(m.local!.name)) }
            let k: Int
            if let found = index[key] {
                k = found
            } else {
                k = places.count
                index[key] = k
                var surface = String.UnicodeScalarView()
                surface.append(contentsOf: s[m.range])
                if let di = m.division {
                    let d = table.divisions[di]
                    places.append(Place(name: String(surface), fullName: d.name, level: d.level, code: d.code, path: table.path(of: d), mentions: []))
                } else {
                    let d = m.local!
                    // A place is named as written (沙特, not 沙特阿拉伯), but 我国 is no name: China by
                    // the name news uses.
                    let written = String(surface)
                    places.append(Place(name: m.isForeign && written == "我国" ? name(m) : written, fullName: d.name, level: d.level,
                                        code: nil, path: m.parentPath + [d.name], mentions: []))
                }
                standalone.append(false)
            }
            places[k].mentions.append(m.range)
            // A place counts when written on its own at least once outside the page chrome.
            if !standalone[k] && !m.qualifiesNext && !inChrome(m.range.lowerBound) { standalone[k] = true }
        }
        return places.indices.filter { standalone[$0] }.map { places[$0] }
    }

    /// What follows a leader's name in the name of a doctrine (习近平新时代…思想, 习近平强军思想).
    static let doctrines = ["新时代中国特色社会主义思想", "强军思想", "经济思想", "外交思想", "生态文明思想", "法治思想", "文化思想",
                            "总书记系列重要讲话精神"].map(\.scalars)

    func aggregatePersons(_ found: [PersonExtractor.Found], _ s: [Unicode.Scalar], places: [Range<Int>] = []) -> [Person] {
        var order: [String] = []
        var byName: [UTF8Key: Person] = [:]
        for f in found {
            if byName[UTF8Key(f.name)] == nil {
                order.append(f.name)
                byName[UTF8Key(f.name)] = Person(name: f.name, titles: knownOfficials[f.name] ?? [], mentions: [])
            }
            for t in f.titles where !byName[UTF8Key(f.name)]!.titles.contains(where: { $0.title == t.title && $0.place == t.place }) {
                byName[UTF8Key(f.name)]!.titles.append(t)
            }
        }
        // A transliterated name is often written whole once (昌德利卡佩尔萨德·单多吉) and by its
        // last part after that: the parts are the same person.
        for full in order where full.unicodeScalars.contains(where: { TitleLexicon.nameDots.contains($0) }) {
            let parts = full.split(whereSeparator: { $0.unicodeScalars.allSatisfy { TitleLexicon.nameDots.contains($0) } }).map(String.init)
            for part in [parts.last, parts.first].compactMap({ $0 }) where part != full && part.unicodeScalars.count >= 2 {
                guard let merged = byName.removeValue(forKey: UTF8Key(part)) else { continue }
                order.removeAll { $0 == part }
                for t in merged.titles where !byName[UTF8Key(full)]!.titles.contains(where: { $0.title == t.title && $0.place == t.place }) {
                    byName[UTF8Key(full)]!.titles.append(t)
                }
            }
        }
        // A title that is the end of another of the same person's titles (主席 and 国家主席) adds
        // nothing.
        for n in order {
            let titles = byName[UTF8Key(n)]!.titles
            byName[UTF8Key(n)]!.titles = titles.filter { t in
                !titles.contains { o in o.title.count > t.title.count && o.title.hasSuffix(t.title) && (t.place == nil || o.place == t.place) }
            }
        }
        // Every mention of every name, in one pass (a longer name wins where two start at the
        // same place; a mention is never inside another, nor starts inside a place: 喀麦隆总统比亚
        // is not mentioned in 利比亚, 孙中山 is in 孙中山故居 though 中山 is a place).
        var inPlace = PositionSet(count: s.count + 1)
        for r in places where r.count >= 2 { for k in (r.lowerBound + 1)..<r.upperBound where k < s.count { inPlace[k] = true } }
        var mentions = [[Range<Int>]](repeating: [], count: order.count)
        let names = order.map(\.scalars)
        var byFirst: [Unicode.Scalar: [Int]] = [:]
        for (k, u) in names.enumerated() where !u.isEmpty { byFirst[u[0], default: []].append(k) }
        for k in byFirst.keys { byFirst[k]!.sort { names[$0].count > names[$1].count } }
        let firsts = ScalarSet(byFirst.keys)
        var i = 0
        while i < s.count {
            if firsts.contains(s[i]), !inPlace[i], let k = byFirst[s[i]]!.first(where: { s.hasWord(names[$0], at: i) }) {
                // A name in the name of a doctrine (习近平新时代中国特色社会主义思想) does not mention
                // the person.
                let end = i + names[k].count
                if !Self.doctrines.contains(where: { s.hasWord($0, at: end) }) { mentions[k].append(i..<end) }
                i += names[k].count
            } else {
                i += 1
            }
        }
        // A name the scan did not find (written with a space: 单 虹) is mentioned where it was
        // read; one read only inside a longer name (田康夫 in 福田康夫) is no person of its own.
        var covered = PositionSet(count: s.count + 1)
        for m in mentions.joined() { for i in m where i < s.count { covered[i] = true } }
        // In order of first mention.
        return order.enumerated().compactMap { k, n -> Person? in
            var p = byName[UTF8Key(n)]!
            p.mentions = mentions[k]
            if p.mentions.isEmpty {
                p.mentions = found.filter { $0.name == n && !$0.range.allSatisfy { $0 < s.count && covered[$0] } }.map(\.range)
                guard !p.mentions.isEmpty else { return nil }
            }
            return p
        }.map { ($0.mentions.lazy.map(\.lowerBound).min() ?? 0, $0) }.enumerated()
            .sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element.1)
    }

    // MARK: - Organisations

    static let orgSuffixScalars = orgSuffixes.map(\.scalars)
    static let orgSuffixes = ["有限公司", "集团", "公司", "中心", "协会", "大学", "中学", "小学", "学校", "医院", "银行", "研究院",
                              "工作队", "合作社", "加工厂", "工厂", "厂", "党校"]

    static let orgSuffixFirsts = ScalarSet(orgSuffixScalars.map { $0[0] })
    /// A count and its measure word before a kind of body (两家银行, 十个中心, 多所学校) end its name.
    static let countWords = ScalarSet("一二两三四五六七八九十百千几多每各0123456789")
    static let measureWords = ScalarSet("个家所座")
    /// Characters an organisation's name never reaches back past: particles, prepositions,
    /// punctuation, demonstratives (这, 各, 该…).
    static let orgStarters = ScalarSet("在到赴往、，。和与及\n “（的兼：是为由给各该这此每据")
    /// Verbs an organisation's name does not reach back past (绥化市依托合作社 names no body); not
    /// words company names hold (发展, 建设, 服务).
    static let orgVerbs = WordPairs("""
        依托 通过 依靠 利用 引导 组建 成立 推动 带动 支持 鼓励 建立 培育 指导 加入 参加 走进 来到 发动 扶持 \
        创办 兴办 领办 牵头 携手 对接 帮助 帮扶 入股 围绕 坚持 完成 优化 巩固 提升 出席 打击 会见 访问 参观 考察 调研 \
        多家 各家 多地 部分 我国 学期 登陆 听取 督促 深入 避免 努力 目前 推进 时中 者从 者向 称打 年度 \
        挂任 担任 兼任 出任 同志 任命 免去 挂职
        """.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\\" }))
    /// Words that make a kind of body, not a body's name, before its suffix (保险公司, 数据中心,
    /// 县级医院): alone before the suffix they name no organisation.
    static let genericOrgModifiers: Set<String> = Set("""
        保险 航空 商业 上市 数据 服务 新闻 文化 公立 县级 市级 省级 三级 二级 一级 跨国 智能 绿色 灯塔 育秧 控制 指挥 创新 国家 \
        购物 贸易 投资 境外 境内 寄宿制 民营 国有 外资 科技 物流 金融 研究型 重点 示范 培训 孵化 运营 调度 监测 救助 急救 会展 \
        信息 技术 检测 交易 营销 体育 社区 乡镇 村级 中心 卫生 民族 职业 高等 普通 基础 龙头 合作 综合 专科 儿童 妇幼 中医 \
        党群服务 养老服务 便民服务 科技创新 技术创新 区域医疗 区域科技创新 高水平研究型 二级以上 三级以上
        """.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\\" }).map(String.init))

    func organizations(_ s: [Unicode.Scalar], skipping: (Int) -> Bool) -> [Organization] {
        var out: [Organization] = []
        var seen: [String: Int] = [:]
        let starters = Self.orgStarters
        var i = 0
        while i < s.count {
            guard Self.orgSuffixFirsts.contains(s[i]) else { i += 1; continue }
            let hit = Self.orgSuffixScalars.first { s.hasWord($0, at: i) }?.count
            guard let len = hit, !skipping(i) else { i += 1; continue }
            // 出厂 (ex-factory prices) is no factory.
            if s[i] == "厂", i > 0, s[i - 1] == "出" { i += 1; continue }
            var b = i
            // Back to a particle or verb, or a count and its measure word (两家银行, 十个国家区域医疗中心).
            while b > 0, i - b < 14, PersonExtractor.isHan(s[b - 1]), !starters.contains(s[b - 1]),
                  !(b >= 2 && Self.orgVerbs.contains(s[b - 2], s[b - 1])),
                  !(b >= 2 && Self.countWords.contains(s[b - 2]) && Self.measureWords.contains(s[b - 1])) { b -= 1 }
            if i - b >= 2, !Self.genericOrgModifiers.contains(String(scalars: s[b..<i])) {
                var v = String.UnicodeScalarView()
                v.append(contentsOf: s[b..<(i + len)])
                let n = String(v)
                if let k = seen[n] { out[k].mentions.append(b..<(i + len)) } else {
                    seen[n] = out.count
                    out.append(Organization(name: n, mentions: [b..<(i + len)]))
                }
            }
            i += len
        }
        return out
    }

    /// Organisations whose names reached back over a person and what the person did (习近平复信
    /// 北京交通大学, 米尼库奇要求波音公司): from the first place after the person (北京交通大学), or
    /// none where no place follows.
    ///
    /// - Parameters:
    ///   - persons: every person's mentions (their ranges; marked, not copied: a long page has
    ///     millions).
    ///   - places: the place mentions, sorted by start.
    static func trimmed(_ orgs: [Organization], _ s: [Unicode.Scalar], persons: [[Range<Int>]], places: [PlaceMention]) -> [Organization] {
        guard !orgs.isEmpty, persons.contains(where: { !$0.isEmpty }) else { return orgs }
        var starts = PositionSet(count: s.count + 1), ends = PositionSet(count: s.count + 1)
        for list in persons { for r in list where r.upperBound <= s.count { starts[r.lowerBound] = true; ends[r.upperBound] = true } }
        func firstPlace(from p: Int) -> Int {
            var lo = 0, hi = places.count
            while lo < hi { let mid = (lo + hi) / 2; if places[mid].range.lowerBound < p { lo = mid + 1 } else { hi = mid } }
            return lo
        }
        var out: [Organization] = []
        var index: [String: Int] = [:]
        for o in orgs {
            for m in o.mentions {
                var r = m
                // The end of the last person starting inside the name (a name opening it is its
                // own: 袁隆平农业高科技股份有限公司).
                var cut: Int?
                for k in (m.lowerBound + 1)..<max(m.lowerBound + 1, m.upperBound - 1) where starts[k] {
                    if let e = (k + 1..<min(m.upperBound - 1, k + 12)).first(where: { ends[$0] }) { cut = max(cut ?? 0, e) }
                }
                if let cut {
                    let j = firstPlace(from: cut)
                    guard j < places.count, places[j].range.upperBound < m.upperBound, m.upperBound - places[j].range.lowerBound >= 3 else { continue }
                    r = places[j].range.lowerBound..<m.upperBound
                }
                let name = String(scalars: s[r])
                if let k = index[name] { out[k].mentions.append(r) } else {
                    index[name] = out.count
                    out.append(Organization(name: name, mentions: [r]))
                }
            }
        }
        return out
    }

    // MARK: - Events

    /// What a delegation's name ends with before it goes 到 or 来 a place (代表团, 工作组, 一行, 8人).
    static let beforeGoing到 = ScalarSet("团组队行人等")
    /// Going to a place right after a delegation: 到, 来.
    static let goingChars = ScalarSet("到来")

    /// N in "第N个年头" (figures or a Chinese numeral up to 十九) within `r`, or nil.
    static func nthYear(_ s: [Unicode.Scalar], in r: Range<Int>) -> Int? {
        let tail = "个年头".scalars
        for i in r where s[i] == "第" {
            var k = i + 1, n = 0
            if k < r.upperBound, s[k] == "十" { n = 10; k += 1 }
            if k < r.upperBound, let d = chineseDigits[s[k]] { n += d; k += 1 } else if n == 0, let run = s.digitRun(at: k, maxDigits: 2) {
                n = run.value
                k = run.end
            }
            if n > 0, n < 50, s.hasWord(tail, at: k) || s.hasWord("年头".scalars, at: k) { return n }
        }
        return nil
    }

    /// Whether `name` is written as a Chinese name: a surname and one or two more Han characters.
    static func isChineseName(_ name: String) -> Bool {
        let u = Array(name.unicodeScalars)
        guard (2...4).contains(u.count), u.allSatisfy(PersonExtractor.isHan) else { return false }
        if PersonExtractor.compoundScalars.contains(where: { u.starts(with: $0) }) { return u.count >= 3 }
        return u.count <= 3 && PersonExtractor.surnameScalars.contains(u[0])
    }

    /// The sentences of a text: ranges between 。！？； and line breaks.
    static func sentenceRanges(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        for i in 0..<s.count where s[i] == "。" || s[i] == "！" || s[i] == "？" || s[i] == "\n" || s[i] == "；" {
            if i > start { out.append(start..<i) }
            start = i + 1
        }
        if start < s.count { out.append(start..<s.count) }
        return out
    }


    /// The places of a destination run (贵州省黔南州荔波县、平塘县、罗甸县): the deepest of each chain.
    private func destinations(_ run: [PlaceMention]) -> [PlaceMention] {
        var out: [PlaceMention] = []
        for (k, m) in run.enumerated() {
            let next = k + 1 < run.count ? run[k + 1] : nil
            if let n = next, n.range.lowerBound == m.range.upperBound { continue }  // a deeper one follows directly
            out.append(m)
        }
        return out
    }

    static let assistanceWords: [EventWord] = [.对口帮扶, .结对帮扶, .对口支援, .东西部协作, .山海协作, .帮扶, .协作, .结对, .携手奔小康, .对口合作]

    /// The division a page is published in: the first one its chrome names (承德新闻网, 来源：六盘水
    /// 日报), the deepest of a chain written together (杭州市西湖区人民政府门户网站); nil when the
    /// chrome names none.
    func homePlace(_ places: [PlaceMention], inChrome: (Int) -> Bool) -> Int? {
        guard var k = places.firstIndex(where: { $0.division != nil && !$0.isForeign && inChrome($0.range.lowerBound) }) else { return nil }
        while k + 1 < places.count, places[k + 1].range.lowerBound == places[k].range.upperBound, places[k + 1].division != nil { k += 1 }
        return places[k].division
    }

    /// Gives `visit`'s days to `known`, the same trip told before, when it has none or when they
    /// are the whole trip's days around the one it has (5月16日至18日 over 17日).
    static func takeDays(of visit: Visit, into known: inout Visit) {
        guard let start = visit.start else { return }
        if let old = known.start, !(visit.end != start && start <= old && old <= (visit.end ?? "")) { return }
        known.start = start
        known.end = visit.end
    }

    static let 会见 = "会见".scalars, 率领的 = "率领的".scalars
    static let 来到 = "来到".scalars
    /// What a leader says, and to whom (习近平指出，你…).
    static let speechOrPronoun = ["指出", "表示", "强调", "你", "您"].map(\.scalars)
    /// What a delegation does in a place (在江苏开展招商推介和考察对接活动).
    static let workThere = ["考察", "调研", "开展", "对接", "招商", "洽谈", "学习", "交流", "走访"].map(\.scalars)
    /// Words for a day not written (近日, 日前).
    static let vagueDays = ["近日", "日前", "近期"].map(\.scalars)

    /// Level characters of 我市, 我县, 我区, 我州, 我省, 我旗 (the page's own place).
    static let ownLevels = ScalarSet("市县区州省旗")
    /// What follows a one-character name of the page's own place after 来 (来承考察, 来杭，).
    static let afterOwnAbbreviation = WordSet(["考察", "调研", "对接", "开展", "参观", "交流", "学习", "洽谈", "访问", "座谈", "指导", "慰问",
                                              "检查", "洽商", "推进", "出席", "参加", "召开", "举行", "看望"])

    /// The page's own place written at `q`, right after 来 or 到: 我市 and the like (the home
    /// place or the first division above it whose name ends so), or the first character of
    /// the home place's name or of one above it before a visit's verb or a mark (来承，对接).
    func ownPlace(_ s: [Unicode.Scalar], at q: Int, home: Int?) -> Int? {
        guard let home, q + 1 < s.count else { return nil }
        let table = gazetteer.table
        var line = [home]
        while line.count < 6, let p = table.divisions[line.last!].parentCode, let pi = table.index(code: p) { line.append(pi) }
        if s[q] == "我" {
            guard Self.ownLevels.contains(s[q + 1]) else { return nil }
            return line.first { table.divisions[$0].name.unicodeScalars.last == s[q + 1] }
        }
        guard Self.pairingClauseEnds.contains(s[q + 1]) || Self.afterOwnAbbreviation.contains(s, (q + 1)..<min(s.count, q + 3)) else { return nil }
        return line.first { table.divisions[$0].name.unicodeScalars.first == s[q] && table.divisions[$0].level != .province }
    }

    /// Visits, each with whether its own sentences speak of assistance work.
    /// - Parameter titled: the persons with titles, each with every mention (sorted): a leader
    ///   titled elsewhere may be named by name alone.
    func visits(_ s: [Unicode.Scalar], sentences: [Range<Int>], words: WordPositions, places: [PlaceMention], persons: [PersonExtractor.Found], dates: [DateMention],
                home: Int? = nil, titled: [Person] = [], skipping: (Int) -> Bool) -> [(visit: Visit, assistance: Bool)] {
        // The found names by start, as indices (4 bytes each: a long page has hundreds of thousands).
        let byStart = persons.indices.map { Int32($0) }.sorted { persons[Int($0)].range.lowerBound < persons[Int($1)].range.lowerBound }
        var out: [Visit] = []
        var assistance: [Bool] = []
        var lastDate: DateMention?
        var nextDate = 0
        for sentence in sentences where !skipping(sentence.lowerBound) {
            // The last day-date written before this sentence ends (dates are in text order).
            while nextDate < dates.count && dates[nextDate].mentions[0].lowerBound < sentence.upperBound {
                if dates[nextDate].granularity == "day" { lastDate = dates[nextDate] }
                nextDate += 1
            }
            // (深入 only with a place right after it: 深入学习…，并赴盐源县 goes by 赴.)
            var goWord = [EventWord.赴, .前往, .到访, .先后到, .来到].compactMap({ words.first(sentence, $0) }).min()
            if let d = words.first(sentence, .深入), d < (goWord ?? Int.max), places.contains(startingAt: d + 2) { goWord = d }
            var ownTarget: Int?
            if goWord == nil {
                // 到 or 来 right before a place, right after the delegation (率泸州市党政代表团到盐源县考察,
                // 一行8人到; 率杭州市党政代表团来恩施州考察, an inbound delegation told by its host);
                // not 受到, 得到, 以来 and the like.
                for d in (sentence.lowerBound + 1)..<max(sentence.lowerBound + 1, sentence.upperBound - 1)
                where Self.goingChars.contains(s[d]) && Self.beforeGoing到.contains(s[d - 1]) {
                    let m = places.firstIndex(startingAtOrAfter: d + 1)
                    if m < places.count, places[m].range.lowerBound == d + 1 { goWord = d; break }
                    // The page's own place (率大连市党政代表团来我市考察, 率天津市考察团来承).
                    if let own = ownPlace(s, at: d + 1, home: home) { goWord = d; ownTarget = own; break }
                }
                // 在 a place right after the delegation, doing the delegation's work there soon after
                // (率伊犁州党政代表团在江苏开展招商推介和考察对接活动).
                if goWord == nil {
                    for d in (sentence.lowerBound + 1)..<max(sentence.lowerBound + 1, sentence.upperBound - 1)
                    where s[d] == "在" && Self.beforeGoing到.contains(s[d - 1]) {
                        let m = places.firstIndex(startingAtOrAfter: d + 1)
                        guard m < places.count, places[m].range.lowerBound == d + 1 else { continue }
                        let e = places[m].range.upperBound
                        if (e..<min(sentence.upperBound, e + 10)).contains(where: { k in Self.workThere.contains { s.hasWord($0, at: k) } }) { goWord = d; break }
                    }
                }
            } else if let g = goWord, s.hasWord(Self.来到, at: g), !places.contains(startingAt: g + 2),
                      let own = ownPlace(s, at: g + 2, home: home) {
                // 来到我县 (a county's own news: 南京市江宁区党政代表团来到我县).
                ownTarget = own
            }
            // A host meeting a delegation in the page's own place (…会见了湖南省委常委欧阳蕾率领的湖南省
            // 党政代表团一行): the delegation came there; its leaders are named after 会见.
            var metAfter: Int?
            if goWord == nil, let home, let meet = (sentence.lowerBound..<max(sentence.lowerBound, sentence.upperBound - 2)).first(where: { s.hasWord(Self.会见, at: $0) }),
               let led = (meet..<max(meet, sentence.upperBound - 3)).first(where: { s.hasWord(Self.率领的, at: $0) }),
               let t = [EventWord.党政代表团, .代表团, .考察团, .调研组].compactMap({ w in
                   words.first(led..<min(sentence.upperBound, led + 24), w).map { $0 + WordPositions.lengths[w.rawValue] } }).min() {
                goWord = t
                ownTarget = home
                metAfter = meet + 2
            }
            guard let go = goWord else { continue }
            let delegation = [EventWord.率, .带领, .带队, .代表团, .考察团, .调研组, .率队, .率团].contains { words.first(sentence.lowerBound..<go, $0) != nil }
            guard delegation else { continue }
            // Destinations: the places right after 赴, joined directly or by 、 (none to read where
            // the page's own place is gone to: go may then be the text's end).
            var run: [PlaceMention] = []
            if ownTarget == nil {
                var p = go + (s[go] == "赴" || s[go] == "在" || s[go] == "来" || (s[go] == "到" && !s.hasWord("到访".scalars, at: go)) ? 1 : s[go] == "先" ? 3 : 2)
                for m in places[places.firstIndex(startingAtOrAfter: p)...] {
                    if m.range.lowerBound >= sentence.upperBound { break }
                    guard m.range.upperBound <= sentence.upperBound else { continue }
                    if m.range.lowerBound == p || (m.range.lowerBound == p + 1 && s[p] == "、") {
                        run.append(m)
                        p = m.range.upperBound
                    } else if m.range.lowerBound > p { break }
                }
            }
            let to: [String], toPaths: [[String]]
            if let own = ownTarget {
                let d = gazetteer.table.divisions[own]
                (to, toPaths) = ([d.name], [gazetteer.table.path(of: d)])
            } else {
                guard !run.isEmpty else { continue }
                let targets = destinations(run)
                (to, toPaths) = (targets.map(name), targets.map(path))
            }
            // Leaders: the titled persons named before 赴, after any hosts (在…陪同下).
            var from0 = metAfter ?? sentence.lowerBound
            if let host = words.first(from0..<go, .陪同下) ?? words.first(from0..<go, .陪同) { from0 = host + 2 }
            // (Not a byline's reporter: 本报讯（记者 冯雪）…曹斌率…; each name once.)
            var leaders: [PersonExtractor.Found] = []
            var candidates: [PersonExtractor.Found] = []
            var lo = 0, hi = byStart.count
            while lo < hi { let mid = (lo + hi) / 2; if persons[Int(byStart[mid])].range.lowerBound < from0 { lo = mid + 1 } else { hi = mid } }
            while lo < byStart.count, persons[Int(byStart[lo])].range.lowerBound < go { candidates.append(persons[Int(byStart[lo])]); lo += 1 }
            // (A leader named with a title earlier and by name alone here: 叶尔肯·胡安率伊犁州党政代表团….)
            for p in titled {
                var a = 0, b = p.mentions.count
                while a < b { let mid = (a + b) / 2; if p.mentions[mid].lowerBound < from0 { a = mid + 1 } else { b = mid } }
                while a < p.mentions.count, p.mentions[a].lowerBound < go { candidates.append(.init(name: p.name, range: p.mentions[a], titles: p.titles)); a += 1 }
            }
            candidates.sort { $0.range.lowerBound < $1.range.lowerBound }
            for f in candidates where f.range.upperBound <= go && !f.titles.isEmpty
                && !f.titles.allSatisfy({ PersonExtractor.bylinePosts.contains($0.title) }) && !leaders.contains(where: { $0.name == f.name }) {
                leaders.append(f)
            }
            // From: the place named before 代表团/考察团, else the leaders' place, else the first place before 赴.
            var from: String?
            if let t = [EventWord.党政代表团, .代表团, .考察团, .调研组].compactMap({ words.first(sentence.lowerBound..<go, $0) }).min(),
               let mi = places.lastIndex(endingAtOrBefore: t), places[mi].range.lowerBound >= sentence.lowerBound, t - places[mi].range.upperBound <= 2 {
                let m = places[mi]
                from = name(m)
            }
            if from == nil { from = leaders.compactMap { $0.titles.first?.place }.first }
            // (Not a place after 在: 在镇坪期间，代表团一行来到曙坪镇 is where they are, not whence.)
            if from == nil, let m = places.within(sentence.lowerBound..<go).first, !(m.range.lowerBound > 0 && s[m.range.lowerBound - 1] == "在") {
                from = name(m)
            }
            // A delegation does not come from where it goes (a post's place inferred from later
            // in the text: 市委书记张三率市党政代表团赴杭州); going to places inside one's own is no
            // delegation from one place to another (在镇坪期间…来到曙坪镇).
            if let f = from, toPaths.contains(where: { $0.contains(f) }) {
                if to.contains(f) { from = nil } else { continue }
            }
            // (No day written yet (近日…): the first one written soon after, the trip's first
            // told day: 近日，…一行到我市考察…。12日上午，联席会议召开.)
            let date = dates.first(in: sentence) ?? lastDate
                ?? ((sentence.lowerBound..<max(sentence.lowerBound, sentence.upperBound - 1)).contains { k in Self.vagueDays.contains { s.hasWord($0, at: k) } }
                    ? dates.first(in: sentence.upperBound..<min(s.count, sentence.upperBound + 300)) { $0.granularity == "day" } : nil)
            let visit = Visit(from: from, to: to, start: date?.start, end: date?.end, leaders: leaders.map(\.name))
            let helps = Self.assistanceWords.contains { words.first(sentence, $0) != nil }
            // One delegation told in several sentences: merge visits to the same places or below them.
            if let k = out.indices.first(where: { k in
                out[k].to.contains { t in toPaths.contains { $0.contains(t) } } || out[k].to.isEmpty
            }) {
                for l in visit.leaders where !out[k].leaders.contains(l) { out[k].leaders.append(l) }
                if out[k].from == nil { out[k].from = visit.from }
                Self.takeDays(of: visit, into: &out[k])
                if visit.to.count > out[k].to.count && !visit.leaders.isEmpty { out[k].to = visit.to }
                assistance[k] = assistance[k] || helps
            } else {
                out.append(visit)
                assistance.append(helps)
            }
        }
        // A delegation whose leaders go unnamed in its sentence: the party secretary of its place.
        for k in out.indices where out[k].leaders.isEmpty {
            if let f = out[k].from, let p = persons.first(where: { $0.titles.contains { $0.place == f && $0.title.hasSuffix("书记") && !$0.title.contains("副") } }) {
                out[k].leaders = [p.name]
            }
        }
        // A delegation has leaders; the rest were headlines of a trip told elsewhere, or noise.
        return zip(out, assistance).filter { !$0.0.leaders.isEmpty }.map { ($0.0, $0.1) }
    }

    /// Leaders inspecting places: "习近平在福建考察", "李强在河北调研": a named person right before
    /// 在, the places right after it, and 考察/调研/视察/检查 soon after them. No delegation and no
    /// place of origin; the date is the one written in the sentence.
    func inspections(_ s: [Unicode.Scalar], sentences: [Range<Int>], words: WordPositions, places: [PlaceMention], names: [String], dates: [DateMention],
                     skipping: (Int) -> Bool) -> [Visit] {
        var out: [Visit] = []
        guard !names.isEmpty, !places.isEmpty else { return out }
        let nameScalars = names.map(\.scalars)
        var placeAt: [Int: Int] = [:]
        for (k, m) in places.enumerated() where placeAt[m.range.lowerBound] == nil { placeAt[m.range.lowerBound] = k }
        for sentence in sentences where !skipping(sentence.lowerBound) {
            guard let verb = [EventWord.考察, .调研, .视察, .检查, .看望, .慰问].compactMap({ words.first(sentence, $0) }).min() else { continue }
            // 在, 到, 赴 or 深入 followed by a place, before the verb (在福建考察, 赴天津看望慰问, 来到天津，看望,
            // 深入巴彦淖尔市…考察).
            var at = sentence.lowerBound
            var found: (zai: Int, run: [PlaceMention])?
            while at < verb {
                if s[at] == "在" || s[at] == "到" || s[at] == "赴" || (s[at] == "入" && at > 0 && s[at - 1] == "深"), let k = placeAt[at + 1] {
                    var run = [places[k]]
                    var q = places[k].range.upperBound
                    while let next = placeAt[q] ?? (q < s.count && PlaceResolver.listJoiners.contains(s[q]) ? placeAt[q + 1] : nil) {
                        run.append(places[next])
                        q = places[next].range.upperBound
                    }
                    if verb >= q && verb - q <= 8 { found = (at, run) }
                    break
                }
                at += 1
            }
            guard let (zai, run) = found else { continue }
            // The leaders: names written right before 在 (titles, 近日 or a date may stand
            // between: 李强1月29日至30日在陕西调研).
            let datesHere = dates.flatMap(\.mentions).filter { sentence.contains($0.lowerBound) && $0.upperBound <= zai }
            var leaders: [String] = []
            for (k, u) in nameScalars.enumerated() {
                var i = max(sentence.lowerBound, zai - 40)
                while i + u.count <= zai {
                    if s.hasWord(u, at: i) {
                        let gap = (i + u.count)..<zai
                        let dated = datesHere.reduce(0) { $0 + ($1.clamped(to: gap).count) }
                        if gap.count - dated <= 6 { leaders.append(names[k]); break }
                    }
                    i += 1
                }
            }
            guard !leaders.isEmpty else { continue }
            let to = destinations(run).map(name)
            let date = dates.first(in: sentence) { $0.granularity == "day" }
            let visit = Visit(from: nil, to: to, start: date?.start, end: date?.end, leaders: leaders)
            if let k = out.firstIndex(where: { $0.leaders == leaders && $0.to == to }) {
                Self.takeDays(of: visit, into: &out[k])
            } else {
                out.append(visit)
            }
        }
        return out
    }

    /// State visits: "波兰总统杜达将于6月22日至26日对中国进行国事访问", "欢迎意大利总理梅洛尼对我国进行
    /// 正式访问", "会见来华进行国事访问的东帝汶总统奥尔塔". The visitor is the person named nearest
    /// the visit (before 对, after 来华), from the country written before them; the date is the
    /// one written in the sentence.
    func stateVisits(_ s: [Unicode.Scalar], sentences: [Range<Int>], words: WordPositions, places: [PlaceMention], names: [String], dates: [DateMention],
                     skipping: (Int) -> Bool) -> [Visit] {
        var out: [Visit] = []
        guard !names.isEmpty else { return out }
        let nameScalars = names.map(\.scalars)
        var placeAt: [Int: Int] = [:]
        for (k, m) in places.enumerated() where placeAt[m.range.lowerBound] == nil { placeAt[m.range.lowerBound] = k }
        func mentions(in r: Range<Int>) -> [(name: String, at: Int)] {
            var found: [(name: String, at: Int)] = []
            for (k, u) in nameScalars.enumerated() {
                var i = r.lowerBound
                while i + u.count <= r.upperBound {
                    if s.hasWord(u, at: i) { found.append((names[k], i)); i += u.count } else { i += 1 }
                }
            }
            return found.sorted { $0.at < $1.at }
        }
        func country(before p: Int, from lower: Int) -> String? {
            guard let k = places.lastIndex(endingAtOrBefore: p) else { return nil }
            let m = places[k]
            return m.isForeign && m.range.lowerBound >= lower && p - m.range.upperBound <= 8 ? name(m) : nil
        }
        for sentence in sentences where !skipping(sentence.lowerBound) {
            guard let visit = words.first(sentence, .访问) ?? words.first(sentence, .访华) else { continue }
            var leader: (name: String, at: Int)?
            var to: [String] = []
            // 对 + places + 进行…访问.
            var k = visit - 1
            while k > sentence.lowerBound && visit - k <= 14 && s[k] != "对" { k -= 1 }
            if k >= sentence.lowerBound, s[k] == "对", let first = placeAt[k + 1] {
                var q = places[first].range.upperBound
                var run = [places[first]]
                while let next = placeAt[q] ?? (q < s.count && PlaceResolver.listJoiners.contains(s[q]) ? placeAt[q + 1] : nil) {
                    run.append(places[next])
                    q = places[next].range.upperBound
                }
                to = destinations(run).map(name)
                // The visitor is named shortly before 对, after whoever invited them (应…邀请).
                // (Within one or two clauses: …习近平…抵达约翰内斯堡，出席金砖国家领导人第十五次会晤并对南非进行国事访问.)
                // (Not across what the leader says to someone: 习近平指出，你…对中国进行国事访问.)
                leader = mentions(in: sentence.lowerBound..<k).last.flatMap { l in
                    k - l.at <= 48 && !((l.at + l.name.unicodeScalars.count)..<k).contains { q in Self.speechOrPronoun.contains { s.hasWord($0, at: q) } } ? l : nil
                }
                if let invite = (sentence.lowerBound..<k).last(where: { s.hasWord("邀请".scalars, at: $0) }), (leader.map { $0.at < invite } ?? true) {
                    // Or before the invitation (习近平乘专机抵达河内，应…邀请，对越南进行国事访问), in
                    // the clauses that lead to it.
                    let 应 = (max(sentence.lowerBound, invite - 40)..<invite).last(where: { s[$0] == "应" }) ?? invite
                    leader = mentions(in: sentence.lowerBound..<应).last.flatMap { 应 - $0.at <= 40 ? $0 : nil }
                }
            } else if let here = words.first(sentence, .来华) ?? words.first(sentence, .访华) {
                // 来华…访问的X总统Y / Y访华.
                to = ["中国"]
                // The visitor named after 来华 comes after the visit's word too (来华进行国事访问的…总统
                // 穆伊兹), not in another clause (去年来华出席…并同习近平主席会面).
                // (A date may stand between the visitor and 来华: 比奥2月26日至3月2日来华进行国事访问.)
                let datedGap = { (r: Range<Int>) in r.count <= 2 || (dates.first(in: r).map { r.count - $0.mentions[0].clamped(to: r).count <= 2 } ?? false) }
                leader = mentions(in: here..<min(sentence.upperBound, here + 24)).first.flatMap { $0.at > visit ? $0 : nil }
                    ?? mentions(in: sentence.lowerBound..<here).last.flatMap { datedGap(($0.at + $0.name.unicodeScalars.count)..<here) ? $0 : nil }
            }
            guard let leader, !to.isEmpty, !to.contains(where: { names.contains($0) }) else { continue }
            let from = country(before: leader.at, from: sentence.lowerBound)
            // A Chinese leader does not visit China (习近平指出，你…对中国进行国事访问).
            if to.contains("中国"), from == nil, Self.isChineseName(leader.name) { continue }
            guard from.map({ !to.contains($0) }) ?? true else { continue }
            // The visit's own dates: written between the visitor and the visit (杜达将于6月22日至26日对中国…),
            // else the day the sentence opens with (当地时间12月12日中午，…习近平…抵达河内，开始对越南进行国事访问;
            // 2月28日下午，…同来华进行国事访问的…比奥举行会谈): the day of the visit written.
            let visitWord = k >= sentence.lowerBound && s[k] == "对" ? k : visit
            let date = (leader.at + 1 < visitWord ? dates.first(in: (leader.at + 1)..<visitWord) { $0.granularity == "day" } : nil)
                ?? dates.first(in: sentence.lowerBound..<min(leader.at, visitWord)) { $0.granularity == "day" }
            let end = date?.end
            if let k = out.firstIndex(where: { $0.leaders == [leader.name] && $0.to == to }) {
                if out[k].start == nil { out[k].start = date?.start; out[k].end = end }
                if out[k].from == nil { out[k].from = from }
            } else {
                out.append(Visit(from: from, to: to, start: date?.start, end: end, leaders: [leader.name]))
            }
        }
        return out
    }

    /// Provinces that help others: the eastern ones, and Liaoning, which helps the west (大连 and
    /// 六盘水) but is helped by the east in 对口合作 (北京 and 沈阳).
    static let easternProvinces: Set<String> = ["110000", "120000", "310000", "320000", "330000", "350000", "370000", "440000"]
    static let helpingAndHelped: Set<String> = ["210000"]

    /// The pairs of places joined by 和 or 与 at the end of `places` (in text order), each pair
    /// separated from the next by 、 or ，: 深圳和汕尾，广州和清远、佛山和茂名. A side written with
    /// the places above it (昆山市千灯镇与碧江区坝黄镇，张浦镇与云场坪镇) is its deepest place.
    static func pairList(_ places: [PlaceMention], _ s: [Unicode.Scalar]) -> [(PlaceMention, PlaceMention)] {
        // Sides: runs of places written directly one after another, from the end.
        var sides: [Range<Int>] = []  // indices into `places`, last side first
        var k = places.count - 1
        while k >= 0 {
            var first = k
            while first > 0 && places[first - 1].range.upperBound == places[first].range.lowerBound { first -= 1 }
            sides.append(first..<(k + 1))
            k = first - 1
        }
        func text(_ side: Range<Int>) -> Range<Int> { places[side.lowerBound].range.lowerBound..<places[side.upperBound - 1].range.upperBound }
        var out: [(PlaceMention, PlaceMention)] = []
        var i = 0
        while i + 1 < sides.count {
            let x = text(sides[i + 1]), y = text(sides[i])
            guard y.lowerBound == x.upperBound + 1, s[x.upperBound] == "和" || s[x.upperBound] == "与" else { break }
            if let next = out.first?.0 {
                guard next.range.lowerBound >= y.upperBound + 1, s[y.upperBound] == "、" || s[y.upperBound] == "，",
                      text(sides[i - 1]).lowerBound == y.upperBound + 1 else { break }
            }
            out.insert((places[sides[i + 1].upperBound - 1], places[sides[i].upperBound - 1]), at: 0)
            i += 2
        }
        return out
    }

    /// `first` and the places of `after` listed right after it, directly or with 、, 和 or 及
    /// (对口支援巴楚、莎车、泽普和叶城).
    static func listed(from first: PlaceMention, in after: [PlaceMention], _ s: [Unicode.Scalar]) -> [PlaceMention] {
        var out = [first]
        for m in after where m.range.lowerBound > first.range.lowerBound {
            let gap = m.range.lowerBound - out.last!.range.upperBound
            guard gap == 0 || (gap == 1 && PlaceResolver.listJoiners.contains(s[out.last!.range.upperBound])) else { break }
            out.append(m)
        }
        return out
    }

    /// Whether `r` holds a start written as 自2013年起, 2013年以来 or 从2013年开始 (with 开展 and the
    /// like around it).
    static func startWritten(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        r.contains { k in s.isDigit(at: k) && k + 4 < r.upperBound && s[k + 4] == "年" && (k == 0 || !s.isDigit(at: k - 1)) }
            && r.contains { k in Self.beginnings.contains { s.hasWord($0, at: k) } }
    }

    static let 这里 = "这里".scalars
    /// Words before a trigger that go on with the clause before's subject.
    static let goingOn = ["同时", "还", "并", "也", "又"].map(\.scalars)
    static let helpWords = ["对口支援", "对口援助", "对口帮扶", "结对帮扶", "帮扶", "援助", "支援"].map(\.scalars)

    /// `在A的…对口支援下，B…` (A helps B): A a place after 在 and before 的, an assistance word
    /// and 下 within 12 characters, B a county or larger opening the next clause.
    static func helpedUnder(_ s: [Unicode.Scalar], _ places: [PlaceMention]) -> [(PlaceMention, PlaceMention)] {
        var out: [(PlaceMention, PlaceMention)] = []
        for (k, a) in places.enumerated() where a.range.lowerBound > 0 && s[a.range.lowerBound - 1] == "在" {
            let e = a.range.upperBound
            guard e < s.count, s[e] == "的" else { continue }
            var q = e + 1
            var helped = false
            while q < min(s.count - 2, e + 14), !pairingClauseEnds.contains(s[q]) {
                if helpWords.contains(where: { s.hasWord($0, at: q) }) { helped = true }
                if s[q] == "下", s[q + 1] == "，" || s[q + 1] == "," { break }
                q += 1
            }
            guard helped, q < s.count - 2, s[q] == "下" else { continue }
            let next = q + 2
            guard let b = places[(k + 1)...].first(where: { $0.range.lowerBound >= next }).flatMap({ $0.range.lowerBound == next && !$0.isForeign ? $0 : nil })
                    // (Or, when the next clause opens with 这里, the place its sentence opened with:
                    // 新疆喀什地区莎车县的90万亩巴旦木进入收获期，在上海市的对口援助下，这里建成…)
                    ?? (s.hasWord(Self.这里, at: next) ? places[..<k].last(where: { m in
                        !m.isForeign && a.range.lowerBound - m.range.upperBound <= 40
                            && !s[m.range.upperBound..<a.range.lowerBound].contains { $0 == "。" || $0 == "\n" } }) : nil) else { continue }
            // (The deepest of a chain written together: 新疆莎车县.)
            var last = b
            for m in places[(k + 1)...] where m.range.lowerBound == last.range.upperBound { last = m }
            out.append((a, last))
        }
        return out
    }

    /// Dashes between the sides of a pair in a table.
    static let dashes = ScalarSet("—–-→－~～")
    static let tableSpaces = ScalarSet(" \t\u{3000}")
    static let 帮扶方 = ["帮扶方", "支援方", "帮扶地", "协作方"].map(\.scalars), 受援方 = ["受援方", "受援地", "被帮扶方"].map(\.scalars)

    /// Lines that are a pairing and nothing else: `A — B、C` or `帮扶方：A　受援方：B、C` (the deepest
    /// place of each side written with the places above it).
    static func tablePairs(_ s: [Unicode.Scalar], _ places: [PlaceMention]) -> [(PlaceMention, [PlaceMention])] {
        var out: [(PlaceMention, [PlaceMention])] = []
        var lineStart = 0
        while lineStart < s.count {
            var lineEnd = lineStart
            while lineEnd < s.count && s[lineEnd] != "\n" { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            var k = places.firstIndex(startingAtOrAfter: lineStart)
            var q = lineStart
            func skipSpaces() { while q < lineEnd && (tableSpaces.contains(s[q]) || s[q] == "\r") { q += 1 } }
            func skipWord(_ words: [[Unicode.Scalar]]) -> Bool {
                guard let w = words.first(where: { s.hasWord($0, at: q) }) else { return false }
                q += w.count
                if q < lineEnd && (s[q] == "：" || s[q] == ":") { q += 1 }
                return true
            }
            // A side: places written one after another from q; its deepest place.
            func side() -> PlaceMention? {
                guard k < places.count, places[k].range.lowerBound == q, places[k].range.upperBound <= lineEnd else { return nil }
                var last = places[k]
                q = last.range.upperBound
                k += 1
                while k < places.count, places[k].range.lowerBound == q, places[k].range.upperBound <= lineEnd {
                    last = places[k]; q = last.range.upperBound; k += 1
                }
                return last
            }
            skipSpaces()
            let labelled = skipWord(Self.帮扶方)
            skipSpaces()
            guard let helper = side() else { continue }
            skipSpaces()
            if labelled {
                guard skipWord(Self.受援方) else { continue }
            } else {
                guard q < lineEnd, dashes.contains(s[q]) else { continue }
                while q < lineEnd && dashes.contains(s[q]) { q += 1 }
            }
            skipSpaces()
            var helped: [PlaceMention] = []
            while let d = side() {
                helped.append(d)
                skipSpaces()
                guard q < lineEnd, s[q] == "、" || s[q] == "，" || s[q] == "," || s[q] == "；" else { break }
                q += 1
                skipSpaces()
            }
            while q < lineEnd && (tableSpaces.contains(s[q]) || s[q] == "。" || s[q] == "；" || s[q] == "\r") { q += 1 }
            if !helped.isEmpty && q == lineEnd { out.append((helper, helped)) }
        }
        return out
    }

    /// What ends a clause: a place after it is no longer the pairing trigger's.
    static let pairingClauseEnds = ScalarSet("，。；！？\n")
    /// Words that set a relation up (建立…关系, 结对): a year before its sides is when it began.
    static let 建立 = "建立".scalars, 结对 = "结对".scalars
    static let beginnings = ["以来", "开始", "起"].map(\.scalars)

    /// Whether 以来, 开始 or 起 follows `t` in its clause (自2021年A与B结对开展…以来; not
    /// 2023年A与B结对帮扶工作成效明显, a report on that year).
    static func beginningFollows(_ s: [Unicode.Scalar], from t: Int) -> Bool {
        var k = t
        while k < s.count, k - t < 24, !pairingClauseEnds.contains(s[k]) {
            if beginnings.contains(where: { s.hasWord($0, at: k) }) { return true }
            k += 1
        }
        return false
    }
    /// What joins two places listed with 、 into the two sides of a relation (苏州、铜仁两市建立…,
    /// 广州、毕节携手开展…); without it they are a list (盐源县、普格县要扛起…).
    static let pairWords = ["两市", "两地", "两县", "两区", "两省", "两州", "携手"].map(\.scalars)

    private func helperScore(_ name: String) -> Int {
        let table = gazetteer.table
        guard let d = table.divisions(named: name).first else { return 0 }
        var score = 0
        let province = table.path(of: d).first.flatMap { table.divisions(named: $0).first?.code }
        if let province, Self.easternProvinces.contains(province) { score += 10 }
        if let province, Self.helpingAndHelped.contains(province) { score += 6 }
        if d.name.contains("自治") { score -= 5 }
        if d.level == .prefecture { score += 1 }
        if d.name.hasSuffix("区") { score += 2 }
        return score
    }

    /// - Parameter bodyEnding: the body's name (水利部, 国家林草局) ending at a position, if any.
    func pairings(_ s: [Unicode.Scalar], sentences: [Range<Int>], words: WordPositions, places: [PlaceMention], visits: [Visit], published: Day?,
                  home: Int? = nil, bodyEnding: (Int) -> Range<Int>? = { _ in nil }) -> [Pairing] {
        var out: [Pairing] = []
        let table = gazetteer.table
        // The helper of the last pair the current clause gave (new or already known).
        var lastAdded: String?
        func add(_ helper: String, _ helped: String, _ since: String?, inside: Bool = false) {
            // (One place inside the other is no pair, unless written as one helping a place below
            // it right around the trigger: 吉林市对口支援舒兰市.)
            guard helper != helped, !table.inOneLine(helper, helped)
                    || (inside && table.divisions(named: helper).first?.code.flatMap { code in table.divisions(named: helped).first.map { table.isAncestor(code, of: $0) } } == true)
            else { return }
            lastAdded = helper
            if let k = out.firstIndex(where: { $0.helper == helper && $0.helped == helped }) {
                if out[k].since == nil { out[k].since = since }
            } else {
                out.append(Pairing(helper: helper, helped: helped, since: since))
            }
        }
        // Partners written side by side: the richer side helps (an eastern province, a city
        // district over a county, anything over an autonomous area), else the one written first.
        func addPartners(_ l: String, _ r: String, _ since: String?) {
            if helperScore(r) > helperScore(l) { add(r, l, since) } else { add(l, r, since) }
        }
        // Whether a clause ends inside `r`.
        func crossesClause(_ r: Range<Int>) -> Bool { r.contains { Self.pairingClauseEnds.contains(s[$0]) } }
        // The deepest place of those written within 30 characters after the trigger at `t`.
        func firstHelped(_ after: [PlaceMention], _ t: Int) -> PlaceMention? { destinations(Array(after.prefix { $0.range.lowerBound - t <= 30 })).first }
        let triggers: [EventWord] = [.对口帮扶, .结对帮扶, .对口支援, .东西部协作, .山海协作, .帮扶, .对口协作, .东西部扶贫协作, .结对, .携手奔小康, .对口合作]
        // Sides of a pairing are counties or larger (在福建的帮扶下，闽宁镇… pairs no township),
        // except in a list of pairs (千灯镇与坝黄镇，张浦镇与云场坪镇…分别签订结对帮扶协议).
        let allPlaces = places
        let places = places.filter { m in m.division.map { table.divisions[$0].level <= .county } ?? false }
        // Every trigger of a sentence in turn (湖州市与广元市开展东西部协作，湖州市吴兴区结对帮扶广元市朝天区).
        var clauses: [(sentence: Range<Int>, trigger: Int)] = []
        for sentence in sentences {
            var from = sentence.lowerBound
            while let t = triggers.compactMap({ words.first(from..<sentence.upperBound, $0) }).min() {
                clauses.append((sentence, t))
                from = t + 1
            }
        }
        var designatedHelper: String?
        var lastHelper: (name: String, sentence: Range<Int>)?
        var lastParagraph = -1, paragraph = -1, cursor = 0
        for (sentence, t) in clauses {
            lastAdded = nil
            defer { if let h = lastAdded { lastHelper = (h, sentence) } }
            // (A body's 定点帮扶 goes on in its own story only: a news day holds many, each under a
            // Markdown heading.)
            while cursor < sentence.lowerBound {
                if s[cursor] == "\n", cursor + 1 < s.count, s[cursor + 1] == "#" { paragraph = cursor }
                cursor += 1
            }
            if paragraph != lastParagraph { designatedHelper = nil; lastParagraph = paragraph }
            let before = Array(places.within(sentence.lowerBound..<t))
            let after = Array(places.within(t..<sentence.upperBound))
            var since: String?
            if let y = words.first(sentence, .年以来) ?? words.first(sentence, .年起), y >= 4 {
                var v = String.UnicodeScalarView()
                v.append(contentsOf: s[(y - 4)..<y])
                if Int(String(v)) != nil { since = String(v) }
            }
            // 今年是…的第四个年头: the relation began three years before the publication's year.
            if since == nil, let pub = published, let n = Self.nthYear(s, in: sentence) { since = String(pub.year - n + 1) }
            // 定点帮扶 by a central body (水利部定点帮扶武隆区, …同时定点帮扶丰都县和郧阳区): the body
            // written right before helps, else the last one that did; a place is never its helper.
            if t >= 2, s[t - 2] == "定", s[t - 1] == "点" {
                if let body = bodyEnding(t - 2) { designatedHelper = String(scalars: s[body]) }
                guard let helper = designatedHelper, let b = after.first, b.range.lowerBound - t <= 6, !crossesClause(t..<b.range.lowerBound) else { continue }
                for d in destinations(Self.listed(from: b, in: after, s)) { add(helper, name(d), since) }
                continue
            }
            // A clause going on with the same helper (深圳市与汕尾市结对开展对口帮扶，同时对口帮扶河源市).
            if let last = lastHelper, last.sentence == sentence, t >= 2, Self.goingOn.contains(where: { s.hasWord($0, at: t - $0.count) }),
               let b = after.first, b.range.lowerBound - t <= 6, !crossesClause(t..<b.range.lowerBound),
               !(before.last.map { !crossesClause($0.range.upperBound..<t) } ?? false) {
                add(last.name, name(firstHelped(after, t) ?? b), since)
                continue
            }
            // A list of pairs before the trigger (深圳和汕尾，广州和清远、佛山和茂名…开展对口帮扶协作,
            // 广州与梅州、深圳与河源结对): each pair is a relation, the richer side helping.
            let pairs = Self.pairList(Array(allPlaces.within(sentence.lowerBound..<t)), s)
            if pairs.count >= 2, let last = pairs.last, t - last.1.range.upperBound <= 16 {
                for (x, y) in pairs { addPartners(name(x), name(y), since) }
                continue
            }
            // A subject further before 对口支援, 对口帮扶 or 结对帮扶, in the same clause (上海先后选派十批
            // 援藏干部对口支援江孜): it helps the place right after.
            if let a = before.last, t - a.range.upperBound > 6, t - a.range.upperBound <= 24,
               [EventWord.对口支援, .对口帮扶, .结对帮扶].contains(where: { words.first(t..<(t + 4), $0) == t }),
               !crossesClause(a.range.upperBound..<t), let b = after.first, b.range.lowerBound - t <= 6, !crossesClause(t..<b.range.lowerBound) {
                add(name(a), name(firstHelped(after, t) ?? b), since, inside: true)
                continue
            }
            // (A start written between the sides and the trigger: 苏州市与铜仁市自2013年起开展对口帮扶.)
            guard let a = before.last, t - a.range.upperBound <= 6
                    || (t - a.range.upperBound <= 14 && !crossesClause(a.range.upperBound..<t) && Self.startWritten(s, a.range.upperBound..<t)) else { continue }
            // The helpers: places joined to `a` by 和, 与, 、 or directly, going back.
            var chain = [a]
            for m in before.reversed().dropFirst() {
                let gap = chain[0].range.lowerBound - m.range.upperBound
                guard gap == 0 || (gap == 1 && "和与、及·".unicodeScalars.contains(s[m.range.upperBound])) else { break }
                chain.insert(m, at: 0)
            }
            // The place the trigger governs: close after it, in the same clause.
            let b = after.first.flatMap { m in
                m.range.lowerBound - t <= 8 && !crossesClause(t..<m.range.lowerBound) ? m : nil
            }
            // A year right before the sides of a relation set up (2013年苏州、铜仁两市建立对口帮扶关系,
            // 自2021年西湖区与青川县结对开展…): the year it began.
            if since == nil, let y = s.yearEnding(at: chain[0].range.lowerBound),
               (a.range.upperBound..<t).contains(where: { k in s.hasWord(Self.建立, at: k) })
                || (s.hasWord(Self.结对, at: t) && Self.beginningFollows(s, from: t)) {
                since = String(y)
            }
            // "A与B开展东西部协作", "A、B两市建立对口帮扶关系": partners, the richer side helps, when
            // no place follows in the same clause.
            let joined = chain.indices.dropFirst().first(where: {
                    s[chain[$0].range.lowerBound - 1] == "与" || s[chain[$0].range.lowerBound - 1] == "和"
                        // 杭州·恩施东西部协作: two sides written with a dot right before the trigger.
                        || (s[chain[$0].range.lowerBound - 1] == "·" && chain.last!.range.upperBound == t)
                })
                ?? (b == nil && Self.pairWords.contains(where: { s.hasWord($0, at: chain.last!.range.upperBound) })
                    ? chain.indices.dropFirst().first(where: { s[chain[$0].range.lowerBound - 1] == "、" }) : nil)
            if let join = joined, b == nil {
                addPartners(name(destinations(Array(chain[..<join])).last!), name(destinations(Array(chain[join...])).last!), since)
                continue
            }
            // "A累计向B投入帮扶资金": the place after 向 is helped by the subject before it, when no
            // place follows the trigger in its clause.
            if b == nil, a.range.lowerBound > 0, s[a.range.lowerBound - 1] == "向", chain.count == 1,
               let helper = before.dropLast().last, a.range.lowerBound - 1 - helper.range.upperBound <= 6,
               !(helper.range.upperBound..<t).contains(where: { s[$0] == "，" }) {
                add(name(helper), name(a), since)
                continue
            }
            // "A结对帮扶我县": the page's own place (the division its chrome names).
            if b == nil, let k = (t..<min(t + 8, sentence.upperBound - 1)).first(where: { s[$0] == "我" }),
               !crossesClause(t..<k), let own = ownPlace(s, at: k, home: home) {
                add(name(destinations(chain).last!), table.divisions[own].name, since)
                continue
            }
            // "A帮扶B": the place right before the trigger helps the place right after it;
            // "A和B分别帮扶C、D" pairs them in order.
            guard b != nil else { continue }
            let helpers = destinations(chain)
            let helped = destinations(after.filter { $0.range.lowerBound - t <= 30 })
            if words.first(a.range.upperBound..<t, .分别) != nil && helpers.count >= 2 {
                let hs = Array(helpers.suffix(helped.count))
                for (h, d) in zip(hs, helped) { add(name(h), name(d), since) }
            } else {
                // The helped places listed after the trigger (对口支援喀什市和塔什库尔干塔吉克自治县,
                // 巴楚、莎车、泽普、叶城四县): each is helped.
                for d in (b.map { $0.range.lowerBound == after[0].range.lowerBound } ?? false ? destinations(Self.listed(from: after[0], in: after, s)) : Array(helped.prefix(1))) {
                    add(name(a), name(d), since, inside: a.range.upperBound == t && (b.map { m in m.range.lowerBound - t <= 4 && !(t..<m.range.lowerBound).contains { !PersonExtractor.isHan(s[$0]) } } ?? false))
                }
            }
        }
        // "在上海市的对口援助下，莎车县…": the place helped is the subject after the clause.
        for (helper, helped) in Self.helpedUnder(s, places) { add(name(helper), name(helped), nil) }
        // Pairings written as a table (北京市 — 内蒙古自治区; 帮扶方：辽宁省大连市　受援方：贵州省六盘水市)
        // in a text about assistance.
        if triggers.contains(where: { words.first(0..<s.count, $0) != nil }) {
            for (helper, helped) in Self.tablePairs(s, places) {
                for d in helped { add(name(helper), name(d), nil) }
            }
        }
        // A delegation on assistance work: the visitor helps each place visited.
        do {
            for v in visits {
                guard let f = v.from else { continue }
                // (Sides are counties or larger.)
                for t in v.to where (table.divisions(named: t).first.map { $0.level <= .county } ?? false) && !out.contains(where: { ($0.helper == f && $0.helped == t) || ($0.helper == t && $0.helped == f) }) {
                    addPartners(f, t, nil)
                }
            }
        }
        return out
    }
}
