/// Finds officials: title chains (省委常委、市委书记彭佳学), collective labels with name lists
/// (市领导江先奎、余伟), bylines (记者…, … 摄), and every later mention of the names found.
struct PersonExtractor {
    /// Title words: posts, bodies, collective labels and the words that end names, each with its
    /// kind, in order (where a word is written twice, the first kind holds).
    static let titleWordList: [(word: String, kind: WordKind)] =
        TitleLexicon.posts.map { ($0, WordKind.post) } + TitleLexicon.bodies.map { ($0, .body) }
        + TitleLexicon.collectives.map { ($0, .collective) } + TitleLexicon.boundaryWords.filter { $0.count >= 2 }.map { ($0, .other) }

    enum WordKind: UInt8 { case post, body, collective, other }

    static let surnameScalars = TitleLexicon.surnames
    static let boundaryScalars = TitleLexicon.boundaryWords.map(\.scalars)
    static let compoundScalars = TitleLexicon.compoundSurnames.map(\.scalars)
    /// First characters of names written without a Han surname (Yi, Tibetan, Uyghur... names
    /// transliterated: 阿石拉比, 扎西, 买买提).
    static let transliterationStarts = ScalarSet("阿艾买吾热伊依木尼扎次旦格达拉巴沙哈克图吉加央索曲洛多卓德俄日吉呼宝敖尕萨乌")

    /// A title word's place and kind, 12 bytes (a long page has millions).
    struct Token {
        private var start: Int32
        private var end: Int32
        var kind: WordKind

        init(range: Range<Int>, kind: WordKind) {
            start = Int32(truncatingIfNeeded: range.lowerBound)
            end = Int32(truncatingIfNeeded: range.upperBound)
            self.kind = kind
        }

        var range: Range<Int> { Int(start)..<Int(end) }
    }

    struct Found {
        var name: String
        var range: Range<Int>
        var titles: [TitleAssignment]
    }

    let s: [Unicode.Scalar]
    let text: String
    let places: [PlaceMention]
    let table: DivisionTable
    let knownNames: Set<String>
    let knownNameScalars: [[Unicode.Scalar]]

    /// - Parameter tokens: the title words of `text`, leftmost-longest (``DocumentWords/scan(_:)``).
    init(s: [Unicode.Scalar], text: String, places: [PlaceMention], table: DivisionTable, knownNames: Set<String>, tokens: [Token]) {
        self.s = s
        self.text = text
        self.places = places
        self.table = table
        self.knownNames = knownNames
        knownNameScalars = knownNames.sorted { $0.count > $1.count }.map(\.scalars)
        // Short forms (玉林 in 梁玉林) give way to names; countries and full names do not.
        placeStarts = Set(places.filter { $0.isForeign || ($0.isFull && $0.division != nil) }.map(\.range.lowerBound))
        self.tokens = tokens
        var ends: [Int: Int] = [:]
        for (k, m) in places.enumerated() { ends[m.range.upperBound] = k }
        placeEndingAt = ends
        postEnds = Set(self.tokens.filter { $0.kind == .post }.map(\.range.upperBound))
    }

    /// The last place ending at each position.
    let placeEndingAt: [Int: Int]
    /// Where post tokens end.
    let postEnds: Set<Int>

    /// A body title word (a ministry, an agency: 水利部, 国家林草局) ending at `p`, if any.
    func body(endingAt p: Int) -> Range<Int>? {
        var k = firstToken(startingAfter: p - 1) - 1
        while k >= 0, tokens[k].range.lowerBound >= p - 12 {
            if tokens[k].range.upperBound == p, tokens[k].kind == .body { return tokens[k].range }
            k -= 1
        }
        return nil
    }

    /// The index of the first token starting after `p`.
    private func firstToken(startingAfter p: Int) -> Int {
        var lo = 0, hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if tokens[mid].range.lowerBound <= p { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The title words (posts, bodies, collective labels and name-ending words) in text order.
    let tokens: [Token]

    /// Where the countries and the places written in full start.
    let placeStarts: Set<Int>

    func str(_ r: Range<Int>) -> String {
        String(scalars: s[r])
    }

    private func ch(_ i: Int) -> Character { Character(s[i]) }

    /// Boundary words by their first character.
    static let boundaryWordsByFirst: [Unicode.Scalar: [[Unicode.Scalar]]] = Dictionary(grouping: boundaryScalars, by: { $0[0] })
    static let boundaryFirsts = ScalarSet(boundaryScalars.map { $0[0] })

    func isBoundary(_ p: Int) -> Bool {
        if p >= s.count { return true }
        if s[p].value < 0x80 || TitleLexicon.boundaryChars.contains(s[p]) { return true }
        guard Self.boundaryFirsts.contains(s[p]), let words = Self.boundaryWordsByFirst[s[p]] else { return false }
        for u in words where s.hasWord(u, at: p) { return true }
        return false
    }

    static func isHan(_ s: Unicode.Scalar) -> Bool { (s.value >= 0x4E00 && s.value <= 0x9FFF) || (s.value >= 0x3400 && s.value <= 0x4DBF) }

    static let multiBoundaryByFirst: [Unicode.Scalar: [[Unicode.Scalar]]] = Dictionary(grouping: boundaryScalars.filter { $0.count >= 2 }, by: { $0[0] })
    /// Two-character common words.
    static let commonWordPairs = WordPairs(TitleLexicon.commonWords)
    static let conjunctions = ScalarSet("和与同及")
    static let numberEnds = ScalarSet("0123456789０１２３４５６７８９十百千万")

    /// One-character names of countries that 方 follows for "that side" (美方, 俄方, 黎方).
    static let sideCountries = ScalarSet("中美俄英法德日韩印巴以乌朝越泰菲澳加意黎叙伊埃土沙蒙老柬缅新马欧非")

    /// Whether `r` can be a Han name: Han characters that do not end names, no word that ends
    /// a name starting inside it (时强调, 乔红来到), not a common word (宣传, 郑重), and not a
    /// conjunction joining it to the word before (习近平和苏林).
    func plausibleName(_ r: Range<Int>) -> Bool {
        guard r.upperBound <= s.count, r.count >= 2 else { return false }
        for k in r where !Self.isHan(s[k]) || (k > r.lowerBound && TitleLexicon.notInNames.contains(s[k])) { return false }
        // Nor one that starts it (首相宣布, 领导人达成: 宣 and 达 can start names).
        for k in r.lowerBound..<r.upperBound {
            if let words = Self.multiBoundaryByFirst[s[k]], words.contains(where: { s.hasWord($0, at: k) }) { return false }
        }
        // Names never start with a common word (宣传, 周一, 单加工 after its first two characters).
        if Self.commonWordPairs.contains(s[r.lowerBound], s[r.lowerBound + 1]) { return false }
        // A country's one-character name and 方 is that side, not a name (黎方称, 美方表示).
        if r.count == 2, s[r.lowerBound + 1] == "方", Self.sideCountries.contains(s[r.lowerBound]) { return false }
        // 边…边… is a construction, not a surname (边建设边调整).
        if s[r.lowerBound] == "边", ((r.upperBound)..<min(s.count, r.upperBound + 6)).contains(where: { s[$0] == "边" }) { return false }
        // A name never starts inside a title word (任李强 in 副主任李强、王沪宁).
        var t = firstToken(startingAfter: r.lowerBound)
        if t > 0, tokens[t - 1].kind != .other, tokens[t - 1].range.lowerBound < r.lowerBound,
           tokens[t - 1].range.upperBound > r.lowerBound { return false }
        // A name never runs into a title (应国家 in 应国家主席).
        while t < tokens.count && tokens[t].range.lowerBound < r.upperBound {
            if tokens[t].kind != .other { return false }
            t += 1
        }
        // A name never is the start of a longer place (安提瓜 in 安提瓜和巴布达).
        if placeStarts.contains(r.lowerBound) {
            var k = places.firstIndex(startingAtOrAfter: r.lowerBound)
            while k < places.count && places[k].range.lowerBound == r.lowerBound {
                if places[k].range.upperBound > r.upperBound { return false }
                k += 1
            }
        }
        // A name never cuts into a place written after it (李美 in 李美国...).
        if r.count > 1, (r.lowerBound + 1 ..< r.upperBound).contains(where: { placeStarts.contains($0) }) { return false }
        if Self.conjunctions.contains(s[r.lowerBound]), r.lowerBound > 0, Self.isHan(s[r.lowerBound - 1]) { return false }
        // Nor follows a number directly (1200余人, 三十余人: 余 is "more than").
        if r.lowerBound > 0, Self.numberEnds.contains(s[r.lowerBound - 1]) { return false }
        return true
    }

    /// Readings of a name starting at `p`, longest first, with no boundary required after them
    /// (a rule's next element decides where the name ends).
    func nameCandidates(at p: Int, surnameOnly: Bool = false) -> [Range<Int>] {
        guard p < s.count, Self.isHan(s[p]) else { return [] }
        for u in knownNameScalars where s.hasWord(u, at: p) { return [p..<(p + u.count)] }
        if let r = tibetanName(at: p) { return [r] }
        var surnameLength = 0
        if let c = Self.compoundScalars.first(where: { s.hasWord($0, at: p) }) {
            surnameLength = c.count
        } else if Self.surnameScalars.contains(s[p]) {
            surnameLength = 1
        }
        if surnameLength > 0 {
            // (Calls, not a stored method reference, which would copy the extractor each time.)
            var out: [Range<Int>] = []
            for given in [2, 1] where plausibleName(p..<(p + surnameLength + given)) { out.append(p..<(p + surnameLength + given)) }
            // Two-character names are often typeset with a space: 单 虹.
            if surnameLength == 1, p + 2 < s.count, s[p + 1] == " ", Self.isHan(s[p + 2]),
               !TitleLexicon.notInNames.contains(s[p + 2]) {
                out.append(p..<(p + 3))
            }
            return out
        }
        guard !surnameOnly, Self.transliterationStarts.contains(s[p]) else { return [] }
        return [4, 3].map { p..<(p + $0) }.filter { plausibleName($0) }
    }

    /// A transliterated foreign name starting at `p` (普京, 古特雷斯, 昌德利卡佩尔萨德·单多吉): the
    /// longest run of transliteration characters, parts joined by `·`, that a boundary follows.
    func readForeignName(at p: Int) -> Range<Int>? {
        guard let r = foreignNameRun(at: p) else { return nil }
        // A country or city is no name (俄罗斯 after a list of leaders); a longer name may start
        // with one (拉法兰 and the city 拉法).
        if placeStarts.contains(r.lowerBound) {
            var k = places.firstIndex(startingAtOrAfter: r.lowerBound)
            while k < places.count && places[k].range.lowerBound == r.lowerBound {
                // (Only a city: 坦桑尼亚桑…, 伊朗代理 are a country and what follows it.)
                if places[k].range.upperBound >= r.upperBound || !places[k].isForeign || places[k].parentPath.isEmpty { return nil }
                k += 1
            }
        }
        // Words of the sentence are no names (总统来华出席, 领导人多次会晤), nor runs starting
        // with one (议员来华参访).
        if TitleLexicon.notForeignNames.contains(s, r) { return nil }
        if r.count > 2, TitleLexicon.notForeignNames.contains(s, r.lowerBound..<(r.lowerBound + 2)) { return nil }
        return r
    }

    private func foreignNameRun(at p: Int) -> Range<Int>? {
        // A country or city is no name (俄罗斯 after a list of leaders).
        // Nor a word that follows names (领导人达成, 首相宣布).
        guard p < s.count, TitleLexicon.transliteration.contains(s[p]) || TitleLexicon.dottedNameCharacters.contains(s[p]),
              !isBoundary(p) else { return nil }
        // Characters of dotted names only (买买提江·阿不都热依木): taken when a dot comes.
        var dotted = false
        var e = p
        while e < s.count, e - p < 20, TitleLexicon.transliteration.contains(s[e]) || TitleLexicon.dottedNameCharacters.contains(s[e])
                || TitleLexicon.nameDots.contains(s[e]) {
            if TitleLexicon.nameDots.contains(s[e]) { dotted = e > p; break }
            e += 1
        }
        func inName(_ c: Unicode.Scalar) -> Bool {
            TitleLexicon.transliteration.contains(c) || (dotted && TitleLexicon.dottedNameCharacters.contains(c))
        }
        var end = p
        while end < s.count, end - p < 20 {
            if inName(s[end]) {
                end += 1
            } else if TitleLexicon.nameDots.contains(s[end]), end > p, end + 1 < s.count, inName(s[end + 1]) {
                end += 1
            } else {
                break
            }
        }
        // A monarch's number is part of the name (阿卜杜拉二世, 查尔斯三世).
        if end - p >= 2, end + 1 < s.count, Self.regnalNumbers.contains(s[end]), s[end + 1] == "世" { end += 2 }
        // The name ends where a word that ends names begins (马哈茂德·阿巴斯表示, 西哈莫尼登基).
        for k in (p + 2)...max(p + 2, end) where k <= end {
            if isBoundary(k) && !TitleLexicon.nameDots.contains(s[k - 1]) && !(k < s.count && TitleLexicon.nameDots.contains(s[k])) {
                return p..<k
            }
        }
        // Or where the run of transliteration characters stops at a Han character that is none
        // (埃尔多安获得, 拉马福萨再次): the name cannot go on.
        if end - p >= 3, end < s.count, Self.isHan(s[end]), !TitleLexicon.nameDots.contains(s[end - 1]) { return p..<end }
        return nil
    }

    /// Characters a named body (…委员会, …集团) never starts after: verbs and particles.
    static let beforeBodyNames = ScalarSet("了在见取据还日先由向同对是为的应举任")

    /// The name starting at `p`, never cut short: the longest reading followed by a boundary.
    ///
    /// - Parameter foreign: the title before it is a foreign one (俄罗斯总统, 联合国秘书长): a
    ///   transliterated name is read when a Han surname and given name are not.
    /// - Parameter unlisted: the post is a local one or a byline (县委书记, 副县长, 记者, 区领导): a
    ///   name with a surname ZhKit does not list is read too (``unlistedSurnameName(at:)``).
    func readName(at p: Int, foreign: Bool = false, kanji: Bool = false, unlisted: Bool = false) -> Range<Int>? {
        let start = p
        var p = p
        while p < s.count && s[p] == " " { p += 1 }
        guard p < s.count, Self.isHan(s[p]) else { return nil }
        // A space after a post ends a headline item (哈马斯指挥官 哈马斯称…): only a Han name
        // with its surname is read across it (记者 朱虹).
        let spaced = p > start
        // Known names first.
        for u in knownNameScalars where s.hasWord(u, at: p) && isBoundary(p + u.count) { return p..<(p + u.count) }
        // Tibetan names: one or two of the usual parts (次仁多吉, 白玛央金, 扎西); Mongolian names
        // by theirs (呼和巴特尔).
        if !spaced, let r = tibetanName(at: p) ?? mongolianName(at: p) { return r }
        // A Japanese post's holder: a name in Han characters of its own (岸田文雄, 石破茂, 林芳正).
        if kanji, !isBoundary(p), !TitleLexicon.notForeignNames.contains(s, p..<min(s.count, p + 2)) {
            for length in [4, 3] where p + length <= s.count {
                let r = p..<(p + length)
                if plausibleName(r) && isBoundary(r.upperBound) && !(p + 1..<r.upperBound).contains(where: { isBoundary($0) }) { return r }
            }
        }
        // 和 as a surname right after a local post (州委书记和振宇，): two characters and a mark,
        // no title word or place in them (书记和县长 is two posts).
        if unlisted, s[p] == "和", p + 3 < s.count, Self.marksAfterShortNames.contains(s[p + 3]), !placeStarts.contains(p + 1),
           !(placeEndingAt[p + 2] != nil || placeEndingAt[p + 3] != nil), plausibleName((p + 1)..<(p + 3)),
           !Self.groupsOfPeople.contains(s[p + 1], s[p + 2]), !Self.commonWordPairs.contains(s[p + 1], s[p + 2]) {
            let k = firstToken(startingAfter: p)
            if k == tokens.count || tokens[k].range.lowerBound >= p + 3 { return p..<(p + 3) }
        }
        var surnameLength = 0
        if let c = Self.compoundScalars.first(where: { s.hasWord($0, at: p) }) {
            surnameLength = c.count
        } else if Self.surnameScalars.contains(s[p]) {
            surnameLength = 1
        }
        if surnameLength > 0 {
            for given in [2, 1] {
                let r = p..<(p + surnameLength + given)
                // A verb written right after a two-character name is not its third character
                // (何平作的报告, 徐辉作了说明).
                if given == 2, r.upperBound < s.count, Self.verbsAfterNames.contains(s[r.upperBound - 1]),
                   Self.afterThoseVerbs.contains(s[r.upperBound]), plausibleName(p..<(r.upperBound - 1)) { continue }
                // Nor is 致 before a message (卢拉致慰问电, 莫迪致贺电).
                if given == 2, r.upperBound < s.count, s[r.upperBound - 1] == "致", Self.messagesAfter致.contains(s[r.upperBound]),
                   plausibleName(p..<(r.upperBound - 1)) { continue }
                if plausibleName(r) && isBoundary(r.upperBound) { return r }
            }
            // (A four-character reading here, for Yi names such as 吉木子日, read 李强监誓 and
            // 高瞻远瞩 on the news: left out.)
            if spaced { return nil }
            if foreign { return readForeignName(at: p) }
            // A dotted name starting with a surname's character (艾尔肯·吐尼亚孜).
            if let r = readForeignName(at: p), s[r].contains(where: { TitleLexicon.nameDots.contains($0) }) { return r }
            return nil
        }
        if spaced { return nil }
        if foreign { return readForeignName(at: p) }
        // A name with parts joined by a middle dot (马哈茂德·阿巴斯) is a name wherever it is.
        if let r = readForeignName(at: p), s[r].contains(where: { TitleLexicon.nameDots.contains($0) }) { return r }
        // Names without a Han surname (阿石拉比): 3-4 characters up to a boundary, not
        // starting with a word that ends names (参加, 陪同...).
        if isBoundary(p) { return nil }
        if Self.transliterationStarts.contains(s[p]) {
            // Five characters, all of transliteration (呼和巴特尔介绍).
            if p + 5 <= s.count, (p..<(p + 5)).allSatisfy({ TitleLexicon.transliteration.contains(s[$0]) }), plausibleName(p..<(p + 5)),
               isBoundary(p + 5), !((p + 1)..<(p + 5)).contains(where: { isBoundary($0) }) { return p..<(p + 5) }
            // A Mongolian name ending in 和 before a mark or a word that ends names, where 和 joins
            // nothing (巴图孟和介绍).
            if p + 4 < s.count, s[p + 3] == "和", isBoundary(p + 4), plausibleName(p..<(p + 3)),
               !(p..<(p + 3)).contains(where: { $0 > p && isBoundary($0) }) { return p..<(p + 4) }
            for length in [4, 3] {
                let r = p..<(p + length)
                if plausibleName(r) && !TitleLexicon.notInNames.contains(s[p]) && isBoundary(r.upperBound)
                    && !(p..<r.upperBound).contains(where: { $0 > p && isBoundary($0) }) { return r }
            }
        }
        return unlisted ? unlistedSurnameName(at: p) : nil
    }

    static let tibetanParts = WordPairs(TitleLexicon.tibetanNameParts)

    /// A Tibetan name at `p`: two of the usual parts (次仁多吉), or one (扎西), up to a boundary.
    func tibetanName(at p: Int) -> Range<Int>? {
        guard p + 2 <= s.count, Self.tibetanParts.contains(s[p], s[p + 1]) else { return nil }
        if p + 4 <= s.count, Self.tibetanParts.contains(s[p + 2], s[p + 3]), isBoundary(p + 4) { return p..<(p + 4) }
        return isBoundary(p + 2) ? p..<(p + 2) : nil
    }

    /// Groups of people a post is written with (书记和群众, 县长和干部): no given names.
    static let groupsOfPeople = WordPairs("群众 干部 职工 村民 居民 农民 牧民 学生 老师 教师 专家 学者 党员 代表 企业 同志 家属 员工 游客 "
        .split(separator: " "))

    static let mongolianParts = TitleLexicon.mongolianNameParts.map(\.scalars).sorted { $0.count > $1.count }
    static let mongolianFirsts = ScalarSet(mongolianParts.map { $0[0] })

    /// A Mongolian name at `p`: two or three of the usual parts (呼和巴特尔, 那仁格日勒), or one of
    /// three characters (其木格), up to a boundary; at most six characters.
    func mongolianName(at p: Int) -> Range<Int>? {
        guard p < s.count, Self.mongolianFirsts.contains(s[p]) else { return nil }
        var q = p, parts = 0
        while q < s.count, q - p < 6, let part = Self.mongolianParts.first(where: { s.hasWord($0, at: q) && q + $0.count - p <= 6 }) {
            q += part.count
            parts += 1
            if parts >= 2 || q - p >= 3, isBoundary(q) { return p..<q }
        }
        return nil
    }

    /// Marks a two-character name with an unlisted surname must be followed by.
    static let marksAfterShortNames = ScalarSet("，、。；）,;")

    /// Characters of words that follow posts (提问, 负责制, 进一步, 长治久安, 们关注) and hardly stand in
    /// a name whose surname is not listed.
    static let notInUnlistedNames = ScalarSet("们来不前年十百千步制性案策已下企业站访稿问亡面治久安意关注期顺应见话放版")

    /// After a local post or a byline, a name whose surname ZhKit does not list (副县长居建华参加,
    /// 区领导昝红梅、…): three characters up to a word that ends names, or two after a byline's colon
    /// (编辑：芮思敏) before a mark; never from a place on.
    private func unlistedSurnameName(at p: Int) -> Range<Int>? {
        guard !placeStarts.contains(p), !TitleLexicon.notInNames.contains(s[p]) else { return nil }
        let afterColon = p > 0 && (s[p - 1] == "：" || s[p - 1] == ":" || s[p - 1] == " ")
        for length in [3, 2] where p + length <= s.count {
            let r = p..<(p + length)
            guard plausibleName(r), !(p + 1..<r.upperBound).contains(where: { isBoundary($0) }),
                  !r.contains(where: { Self.notInUnlistedNames.contains(s[$0]) }) else { continue }
            if length == 3 ? isBoundary(r.upperBound)
                : (afterColon && (r.upperBound == s.count || Self.marksAfterShortNames.contains(s[r.upperBound]) || s[r.upperBound] == " " || s[r.upperBound] == "\n")) {
                return r
            }
        }
        return nil
    }

    /// One-character names of countries news writes before their posts (俄国防部长, 美国务卿).
    static let countryAbbreviations = ScalarSet("俄美英法德日韩印巴以乌朝越泰菲澳加意")

    /// Whether a country's one-character name starts the clause right before `p`, and the post
    /// at `p` is not a local one (6日市委书记 is a date and a Chinese post).
    static func countryAbbreviationBefore(_ s: [Unicode.Scalar], _ p: Int) -> Bool {
        guard p >= 1, p < s.count, countryAbbreviations.contains(s[p - 1]), !localLevels.contains(s[p]) else { return false }
        guard p >= 2 else { return true }
        let before = s[p - 2]
        let digit = (before.value >= 0x30 && before.value <= 0x39) || (before.value >= 0xFF10 && before.value <= 0xFF19)
        return !isHan(before) && !digit
    }

    static let localLevels = ScalarSet("省市州县区镇乡村")

    static let verbsAfterNames = ScalarSet("作说讲谈答")
    static let afterThoseVerbs = ScalarSet("的了出过关总汇部点讲报重批指")  // 作关于…, 作总结, 作汇报, 作部署…
    static let messagesAfter致 = ScalarSet("慰贺电信函辞以唁")
    static let formerMarks = ScalarSet("前原")
    static let regnalNumbers = ScalarSet("一二三四五六七八九十")

    /// Whether a country is named shortly before `p` in the same clause (黎巴嫩真主党武装领导人).
    private func foreignPlaceShortlyBefore(_ p: Int) -> Bool {
        guard let k = places.lastIndex(endingAtOrBefore: p), p - places[k].range.upperBound <= 12, places[k].isForeign else { return false }
        let m = places[k]
        // (Through a list of the same state's officials: 伊朗总统莱希、外交部长阿卜杜拉希扬.)
        return !s[m.range.upperBound..<p].contains { !Self.isHan($0) && $0 != "、" }
    }

    /// The place a title phrase belongs to: a place written right before it, or for a bare
    /// level (市委书记) the nearest place of that level before it in the text.
    private func place(endingAt p: Int, overlapping first: Token) -> PlaceMention? {
        if let k = placeEndingAt[first.range.lowerBound] { return places[k] }
        if let k = placeEndingAt[first.range.lowerBound + 1], places[k].range.lowerBound < first.range.lowerBound { return places[k] }
        return nil
    }

    private func isFullName(_ m: PlaceMention) -> Bool { m.isFull }

    private func placeName(_ m: PlaceMention) -> String {
        if let d = m.division { return table.divisions[d].name }
        return m.local!.name
    }

    /// The nearest place of `level` before `p` (else the first in the text), looking at most 400
    /// places back, so a page with a million places stays linear.
    private func inferPlace(level: Character, before p: Int) -> PlaceMention? {
        let wanted: (Division) -> Bool
        switch level {
        case "省": wanted = { $0.level == .province }
        case "市": wanted = { $0.name.hasSuffix("市") }
        case "州": wanted = { $0.level == .prefecture && $0.name.hasSuffix("州") }
        case "县": wanted = { $0.level == .county && $0.name.hasSuffix("县") }
        case "区": wanted = { $0.level == .county && $0.name.hasSuffix("区") }
        case "镇", "乡": wanted = { $0.level == .township }
        default: return nil
        }
        func matches(_ m: PlaceMention) -> Bool {
            if let d = m.division { return wanted(table.divisions[d]) }
            return wanted(m.local!)
        }
        if let k = places.lastIndex(endingAtOrBefore: p) {
            for j in stride(from: k, through: max(0, k - 400), by: -1) where matches(places[j]) { return places[j] }
        }
        return places.prefix(400).first { matches($0) }
    }

    /// The title words of the text, for rules.
    func titleWordRanges() -> [(range: Range<Int>, isPost: Bool)] {
        tokens.filter { $0.kind != .other }.map { ($0.range, $0.kind == .post || $0.kind == .collective) }
    }

    /// Sets for the tests in ``extract()``, which runs them per title.
    static let levelCommittees: Set<String> = ["省委", "市委", "州委", "县委", "区委"]
    static let namedBodies: Set<String> = ["领导小组", "工作队", "工作组", "办公室", "对口帮扶办", "扶贫办", "集团", "公司", "日报", "指挥部", "前方指挥部"]
    static let governmentHeads: Set<String> = ["市长", "州长", "县长", "区长", "省长", "副市长", "副州长", "副县长", "副区长", "副省长"]
    static let bylinePosts = WordSet(["编辑", "记者", "责任编辑", "全媒体记者", "通讯员", "审核", "校对", "作者", "摄影"] as [String])
    static let levelChars: ScalarSet = ["省", "市", "州", "县", "区"]
    /// Posts that take no level from the place before them (澳门特别行政区行政长官 is 行政长官).
    static let postsWithoutLevel: Set<String> = ["行政长官"]
    static let levelCharsWithTownships: ScalarSet = ["省", "市", "州", "县", "区", "镇", "乡"]

    /// What joins the titles of a chain: 、, 兼, and a comma after a clause of titles.
    static let chainJoiners = ScalarSet("、兼，,")
    /// What a clause of titles only may follow.
    static let clauseOpeners = ScalarSet("。，,；;：\n")

    /// The closing bracket of a short note on a post at `p` (（挂职）, (挂职)), if one is there.
    private func noteEnd(at p: Int) -> Int? {
        guard p < s.count, s[p] == "（" || s[p] == "(",
              let close = (p + 1..<min(s.count, p + 8)).first(where: { s[$0] == "）" || s[$0] == ")" }),
              close > p + 1, (p + 1..<close).allSatisfy({ Self.isHan(s[$0]) }) else { return nil }
        return close
    }

    func extract() -> [Found] {
        let tokens = self.tokens
        var found: [Found] = []
        var k = 0
        // Titles waiting for their name (a chain joined by 、).
        var pending: [TitleAssignment] = []
        var pendingEnd = -1
        // Where the chain waiting for its name starts.
        var chainStart = 0
        while k < tokens.count {
            guard tokens[k].kind != .other else { k += 1; continue }
            // A phrase: adjacent body tokens ending in a post or collective label.
            var j = k
            while j + 1 < tokens.count && tokens[j + 1].range.lowerBound == tokens[j].range.upperBound
                && tokens[j + 1].kind != .other && tokens[j].kind == .body { j += 1 }
            if j + 1 < tokens.count && tokens[j + 1].range.lowerBound == tokens[j].range.upperBound && tokens[j + 1].kind == .post && tokens[j].kind == .post {
                j += 1  // 党组成员 after 书记 etc.: posts back to back
            }
            let last = tokens[j]
            guard last.kind == .post || last.kind == .collective else { k = j + 1; continue }
            // A post its holder's name is written before (同马克龙总统、欧盟委员会主席冯德莱恩) is
            // complete: it starts no chain.
            if j == k, foreignName(before: last) != nil {
                pending = []
                pendingEnd = -1
                k = j + 1
                continue
            }
            let first = tokens[k]
            let firstText = str(first.range)
            var start = first.range.lowerBound
            var placeMention = place(endingAt: start, overlapping: first)
            var titleStart = start
            if let pm = placeMention {
                start = pm.range.lowerBound
                titleStart = max(pm.range.upperBound - (pm.range.upperBound > first.range.lowerBound ? 1 : 0), first.range.lowerBound - 1)
                if pm.range.upperBound == first.range.lowerBound {
                    // 毕节市政协主席: the title keeps the place's level (市政协主席).
                    // A foreign state's 州 is its name's, not a level (得克萨斯州州长 is 州长); a post
                    // that names its level keeps it once (贵州省省长 is 省长).
                    titleStart = Self.levelChars.contains(s[pm.range.upperBound - 1]) && isFullName(pm) && !pm.isForeign
                        && !Self.postsWithoutLevel.contains(firstText)
                        && ch(pm.range.upperBound - 1) != ch(first.range.lowerBound)
                        && !(ch(first.range.lowerBound) == "副" && first.range.lowerBound + 1 < s.count && ch(first.range.lowerBound + 1) == ch(pm.range.upperBound - 1))
                        ? pm.range.upperBound - 1 : first.range.lowerBound
                }
                if pm.range.upperBound > first.range.lowerBound { titleStart = first.range.lowerBound }
            } else if first.range.lowerBound > 0, Self.levelCharsWithTownships.contains(s[first.range.lowerBound - 1]),
                      first.kind == .body || first.kind == .post, !Self.levelCommittees.contains(firstText),
                      !Self.postsWithoutLevel.contains(firstText),
                      !firstText.contains(ch(first.range.lowerBound - 1)) {  // 副市长 names its level already
                titleStart = first.range.lowerBound - 1  // 市人大常委会主任
                start = titleStart
            } else if first.kind == .body, Self.namedBodies.contains(firstText)
                        || firstText.hasSuffix("委员会") {
                // Named bodies: 市省内对口帮扶工作领导小组, 粤黔协作工作队黔南工作组.
                var b = first.range.lowerBound
                // The name stops at the verb or particle before it (听取了…委员会主任委员, 会见…集团董事长).
                while b > 0, first.range.lowerBound - b < 16, Self.isHan(s[b - 1]), !TitleLexicon.boundaryChars.contains(s[b - 1]), s[b - 1] != "兼",
                      !Self.beforeBodyNames.contains(s[b - 1]) || (s[b - 1] == "对" && s[b] == "口"), !postEnds.contains(b) { b -= 1 }  // (对口支援…指挥部)
                // Never from the middle of a place (罗斯联邦委员会 in 俄罗斯联邦委员会): from its end.
                if let cut = (b..<first.range.lowerBound).first(where: { e in placeEndingAt[e].map { places[$0].range.lowerBound < b } ?? false }) {
                    b = cut
                }
                titleStart = b
                start = b
            }
            // A former holder keeps 前 or 原 (美国前总统特朗普, 拜登和前总统特朗普, ，原副省长…), but
            // not a word's last character (此前, 目前, 日前).
            if placeMention == nil, titleStart == first.range.lowerBound, titleStart > 0, Self.formerMarks.contains(s[titleStart - 1]),
               titleStart == 1 || !Self.isHan(s[titleStart - 2]) || Self.conjunctions.contains(s[titleStart - 2])
                || placeEndingAt[titleStart - 1] != nil {
                titleStart -= 1
                start = min(start, titleStart)
            }
            let titleText = str(titleStart..<last.range.upperBound)
            // A foreign post: a country written before it (俄罗斯总统), or a post only other
            // states have (首相, 国王); its holder's name may be transliterated.
            let foreign = placeMention?.isForeign == true || TitleLexicon.foreignPosts.contains(s, last.range)
                || TitleLexicon.internationalBodies.contains(where: { s.hasWord($0, at: first.range.lowerBound - $0.count) })
                || foreignPlaceShortlyBefore(first.range.lowerBound)
                || (placeMention == nil && Self.countryAbbreviationBefore(s, first.range.lowerBound))
            // Japan's officials are written in Han characters, not transliterated.
            let kanji = placeMention?.isForeign == true && placeMention.map(placeName)?.hasPrefix("日本") == true
            if placeMention?.isForeign == true { placeMention = nil }
            // The level a post names: 市委书记, 副市长 (after 副).
            let levelChar = titleText.hasPrefix("副") ? titleText.dropFirst().first : titleText.first
            let level: Character? = levelChar.flatMap { Self.levelCharsWithTownships.contains($0) ? $0 : nil }
            // (Not when a name the gazetteer does not know ends right before it with a level:
            // 上比利牛斯省省长 is no province's of the text.)
            let unknownPlaceBefore = titleStart > 0 && Self.levelChars.contains(s[titleStart - 1])
            if placeMention == nil, !foreign, !unknownPlaceBefore, let level { placeMention = inferPlace(level: level, before: titleStart) }
            let placeText = placeMention.map(placeName)
            var org: String?
            if last.kind != .collective {
                let body = str(titleStart..<(j > k || first.kind == .body ? tokens[j - (j > k ? 1 : 0)].range.upperBound : titleStart))
                if let placeText {
                    let stem = placeText.last.map { Self.levelChars.contains($0) } == true ? String(placeText.dropLast()) : placeText
                    if !body.isEmpty && first.kind == .body {
                        org = stem + (body.hasPrefix(String(placeText.last!)) ? body : body)
                        if let l = placeText.last, !body.hasPrefix(String(l)), Self.levelChars.contains(l) { org = placeText + body }
                    } else if Self.governmentHeads.contains(titleText) {
                        org = placeText + "政府"
                    }
                } else if !body.isEmpty {
                    org = body
                }
            }
            let title = TitleAssignment(title: titleText, org: org, place: placeText, collective: last.kind == .collective)
            // A chain goes on after 、 or 兼, also through a named body's leading words
            // (、粤黔协作工作队黔南工作组组长).
            let joined = pendingEnd >= 0 && Self.chainJoiners.contains(s[pendingEnd]) && start > pendingEnd
                && (start == pendingEnd + 1 || (start - pendingEnd <= 24 && s[(pendingEnd + 1)..<start].allSatisfy(Self.isHan)
                    && !s[(pendingEnd + 1)..<start].contains { TitleLexicon.boundaryChars.contains($0) }))
            if joined {
                pending.append(title)
            } else {
                pending = [title]
                chainStart = start
            }
            let end = last.range.upperBound
            // The chain goes on after a note on the post (副州长（挂职）、…组长).
            var after = end
            if let close = noteEnd(at: end), close + 1 < s.count, Self.chainJoiners.contains(s[close + 1]) { after = close + 1 }
            // And after a comma when the chain opens a clause of titles only (…陪同。福建省援宁工作队
            // 队长，永宁县委常委、副县长（挂职）蔡晓川; 百色市委常委、副市长（挂职），…组长公孙明哲): the
            // titles before it are the same person's.
            // (Also after a body's name opening the clause with its place: …，浙江省对口支援新疆工作前方
            // 指挥部党委书记、总指挥，阿克苏地委副书记（挂职）沈国梁.)
            var clauseStart = chainStart
            while clauseStart > 0, chainStart - clauseStart <= 16, Self.isHan(s[clauseStart - 1]) { clauseStart -= 1 }
            let opensClause = chainStart == 0 || Self.clauseOpeners.contains(s[chainStart - 1])
                || (clauseStart < chainStart && (clauseStart == 0 || Self.clauseOpeners.contains(s[clauseStart - 1])) && placeStarts.contains(clauseStart)
                    && places.contains(startingAt: clauseStart))
            if after < s.count && (ch(after) == "、" || ch(after) == "兼" || (opensClause && (ch(after) == "，" || ch(after) == ",")))
                && tokens.indices.contains(j + 1) && tokens[j + 1].range.lowerBound <= after + 25
                && tokens[j + 1].kind != .other && !(readName(at: after + 1).map { isBoundary($0.upperBound) && tokens[j + 1].range.lowerBound >= $0.upperBound } ?? false) {
                pendingEnd = after
                k = j + 1
                continue
            }
            // A bare 省 in a chain belongs to the province of the chain's other places (省委常委、市委书记).
            if pending.count > 1, let known = pending.compactMap({ $0.place }).compactMap({ table.divisions(named: $0).first })
                .first(where: { $0.level > .province }), let province = table.path(of: known).first {
                for t in pending.indices where pending[t].title.hasPrefix("省") && pending[t].place != province {
                    pending[t].place = province
                    pending[t].org = province + String(pending[t].title.dropFirst().prefix { !"书记常委部长主席".contains($0) })
                }
            }
            // The name (or, for a collective label, the list of names).
            var p = end
            if Self.bylinePosts.contains(s, last.range) {
                while p < s.count, s[p] == "：" || s[p] == ":" || s[p] == " " { p += 1 }
            }
            // A note on the post between it and the name: 副县长（挂职）刘大三.
            if let close = noteEnd(at: p) { p = close + 1 }
            var names: [Range<Int>] = []
            // Local posts and bylines take names with surnames ZhKit does not list (national news
            // writes words after its posts: 主席制度, 总书记嘱托).
            let unlisted = !foreign && (Self.levelCharsWithTownships.contains(titleText.first ?? " ")
                || (titleText.hasPrefix("副") && Self.levelCharsWithTownships.contains(titleText.dropFirst().first ?? " "))
                || placeMention.map { table.divisions(named: placeName($0)).first.map { $0.level >= .prefecture } ?? true } == true
                || Self.bylinePosts.contains(s, last.range) || last.kind == .collective)
            while let r = readName(at: p, foreign: foreign, kanji: kanji, unlisted: unlisted) {
                names.append(r)
                // A post before a list holds for each name (中共中央政治局常委李强、赵乐际、王沪宁,
                // 国务院副总理丁薛祥、刘国中和张国清); a name with its own title ends the list, as
                // the title is no name. 和 and 及 join only the last name of a list of three or more.
                let joiner = r.upperBound < s.count ? ch(r.upperBound) : " "
                guard joiner == "、" || ((joiner == "及" || joiner == "和") && (names.count > 1 || last.kind == .collective)) else { break }
                p = r.upperBound + 1
            }
            for r in names { found.append(Found(name: str(r), range: r, titles: pending)) }
            pending = []
            pendingEnd = -1
            k = j + 1
        }
        return found
    }
}
