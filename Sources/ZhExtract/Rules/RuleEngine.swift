import ZhMatch

/// Runs ``ExtractionRule``s over a text whose places, organisations and dates are known.
struct RuleEngine {
    let s: [Unicode.Scalar]
    let names: PersonExtractor
    let placeName: (PlaceMention) -> String
    /// The places, sorted by start, and where the places starting at each position begin:
    /// one dictionary entry per start, not one array per place.
    let places: [PlaceMention]
    let placeRun: [Int: Int]
    /// Where the organisations and dates starting at each position end.
    let organizationEnds: [Int: [Int]]
    let dateEnds: [Int: [Int]]
    /// Where the title word starting at each position ends.
    /// Per start of a title word: its end times two, plus one when it is a post (not a body).
    let titleEnds: [Int: Int]
    /// Levels written alone before title words (县教育局局长).
    static let levels = ScalarSet("县市区州省镇乡旗")

    init(s: [Unicode.Scalar], names: PersonExtractor, places: [PlaceMention], organizations: [Range<Int>], dates: [Range<Int>],
         titleTokens: [(range: Range<Int>, isPost: Bool)], placeName: @escaping (PlaceMention) -> String) {
        self.s = s
        self.names = names
        self.placeName = placeName
        // The resolver gives places sorted by start.
        self.places = places
        var run: [Int: Int] = [:]
        for (k, m) in places.enumerated() where run[m.range.lowerBound] == nil { run[m.range.lowerBound] = k }
        placeRun = run
        var orgs: [Int: [Int]] = [:]
        for o in organizations { orgs[o.lowerBound, default: []].append(o.upperBound) }
        organizationEnds = orgs
        var ds: [Int: [Int]] = [:]
        for d in dates { ds[d.lowerBound, default: []].append(d.upperBound) }
        dateEnds = ds
        // Each title word's end, doubled, plus one for a post (no second table: a long page holds
        // millions of title words).
        var ends: [Int: Int] = [:]
        for t in titleTokens where ends[t.range.lowerBound] == nil { ends[t.range.lowerBound] = t.range.upperBound * 2 + (t.isPost ? 1 : 0) }
        titleEnds = ends
    }

    /// Adjacent title words from `p` up to the last post among them, or nil.
    func postRun(at p: Int) -> Range<Int>? {
        var end = p, postEnd = -1
        while let next = titleEnds[end] {
            end = next >> 1
            if next & 1 == 1 { postEnd = end }
        }
        return postEnd > p ? p..<postEnd : nil
    }

    /// The places starting at `p`, in the order found.
    private func places(at p: Int) -> ArraySlice<PlaceMention> {
        guard let first = placeRun[p] else { return [] }
        var end = first
        while end < places.count && places[end].range.lowerBound == p { end += 1 }
        return places[first..<end]
    }

    struct Captures {
        var persons: [Range<Int>] = []
        var title: Range<Int>?
        var place: PlaceMention?
    }

    private func text(_ r: Range<Int>) -> String {
        String(scalars: s[r])
    }

    /// Whether `r` is exactly the span of a place name (苏里南 in 苏里南总统 is not a person).
    private func isPlace(_ r: Range<Int>) -> Bool {
        places(at: r.lowerBound).contains { $0.range.upperBound == r.upperBound }
    }

    /// Every way `element` matches at `p`, longest first: end positions with captures.
    private func match(_ element: CompiledElement, at p: Int, _ c: Captures) -> [(Int, Captures)] {
        switch element {
        case .literal(let w):
            return s.hasWord(w, at: p) ? [(p + w.count, c)] : []
        case .anyOf(let words):
            // The text chosen stands for the title when the pattern has no `.title`.
            var out: [(Int, Captures)] = []
            for (w, titleLike) in words where s.hasWord(w, at: p) {
                var c = c
                if c.title == nil && titleLike { c.title = p..<(p + w.count) }
                out.append((p + w.count, c))
            }
            return out
        case .person:
            return names.nameCandidates(at: p).filter { !isPlace($0) }.map { r in
                var c = c
                c.persons.append(r)
                return (r.upperBound, c)
            }
        case .hanName:
            return names.nameCandidates(at: p, surnameOnly: true).filter { !isPlace($0) }.map { r in
                var c = c
                c.persons.append(r)
                return (r.upperBound, c)
            }
        case .nameEnd:
            return names.isBoundary(p) ? [(p, c)] : []
        case .boundary:
            let before = p == 0 || !PersonExtractor.isHan(s[p - 1])
            let after = p >= s.count || !PersonExtractor.isHan(s[p])
            return before || after ? [(p, c)] : []
        case .place:
            return places(at: p).map { m in
                var c = c
                c.place = m
                return (m.range.upperBound, c)
            }
        case .organization:
            return (organizationEnds[p] ?? []).map { ($0, c) }
        case .date:
            return (dateEnds[p] ?? []).map { ($0, c) }
        case .title:
            // Adjacent title words from p on, or from the next character when p holds a level
            // written alone for the government of the text's own place (县教育局局长, 镇党委副书记),
            // up to the last post among them (最高人民检察院副检察长 is no title where 副检察长 is
            // not known).
            var words = p, from = p
            if titleEnds[p] == nil, p + 1 < s.count, Self.levels.contains(s[p]) { words = p + 1 }
            // Title words from the level a place ends with (利川市委书记: 市委书记 after 利川市).
            if titleEnds[p] == nil, p > 0, Self.levels.contains(s[p - 1]), titleEnds[p - 1] != nil { words = p - 1; from = p - 1 }
            guard let run = postRun(at: words), run.upperBound > p else { return [] }
            var c = c
            c.title = from..<run.upperBound
            return [(run.upperBound, c)]
        case .optional(let inner):
            return match(inner, at: p, c) + [(p, c)]
        case .oneOrMore(let inner):
            var results: [(Int, Captures)] = []
            var frontier = match(inner, at: p, c)
            var guardCount = 0
            // Names run together cannot be told apart (居民赵守成家中 is no 赵守 and 成家中): they
            // repeat only after a separator.
            let needsSeparator: Bool
            switch inner {
            case .hanName, .person: needsSeparator = true
            default: needsSeparator = false
            }
            while !frontier.isEmpty && guardCount < 32 {
                results = frontier + results
                var next: [(Int, Captures)] = []
                for (end, cc) in frontier {
                    var q = end
                    if q < s.count && (s[q] == "、" || s[q] == " ") { q += 1 } else if needsSeparator { continue }
                    next += match(inner, at: q, cc).filter { $0.0 > q }
                }
                frontier = next
                guardCount += 1
            }
            return results.sorted { $0.0 > $1.0 }
        }
    }

    /// The longest match of `pattern` from `p`.
    private func match(_ pattern: ArraySlice<CompiledElement>, at p: Int, _ c: Captures) -> (Int, Captures)? {
        guard let first = pattern.first else { return (p, c) }
        for (end, cc) in match(first, at: p, c) {
            if let done = match(pattern.dropFirst(), at: end, cc) { return done }
        }
        return nil
    }

    /// Persons found by the rules, highest priority first; spans are claimed once.
    ///
    /// - Parameter hitsByWord: where each of the index's required words occurs
    ///   (``DocumentWords/scan(_:)``).
    func run(_ index: RuleIndex, hits hitsByWord: [[Int32]]) -> [PersonExtractor.Found] {
        var found: [PersonExtractor.Found] = []
        var claimed = PositionSet(count: s.count + 1)
        for (k, rule) in index.rules.enumerated() {
            guard !rule.pattern.isEmpty else { continue }
            // Where the rule can start: near an occurrence of the first text it requires (a
            // rule with none is tried everywhere). A rule whose text is absent is skipped.
            var starts: [Int]
            if let required = index.required[k] {
                var hits: [Int] = []
                for w in required.words { hits += hitsByWord[w].lazy.map(Int.init) }
                if hits.isEmpty { continue }
                hits.sort()
                let reach = index.reach[k]
                var last = -1
                starts = []
                for h in hits where h > last {
                    for q in max(last + 1, h - reach)...h { starts.append(q) }
                    last = h
                }
            } else {
                starts = Array(0..<s.count)
            }
            var next = 0
            for p in starts {
                guard p >= next else { continue }
                guard !claimed[p], let (end, c) = match(index.patterns[k][...], at: p, Captures()), end > p,
                      !(p..<end).contains(where: { claimed[$0] }) else {
                    continue
                }
                for k in p..<end { claimed[k] = true }
                for r in c.persons {
                    let name = text(r).filter { $0 != " " }
                    switch rule.action {
                    case .person:
                        found.append(.init(name: name, range: r, titles: []))
                    case .assignTitle(let fixed):
                        guard let title = fixed ?? c.title.map(text) else { continue }
                        var titles = [TitleAssignment(title: title, org: nil, place: c.place.map(placeName))]
                        // Posts listed after the matched one with 、 are the person's too (副院长、审判委员会
                        // 委员、审判员).
                        if fixed == nil, var q = c.title?.upperBound {
                            while q < s.count, s[q] == "、", let more = postRun(at: q + 1) {
                                titles.append(TitleAssignment(title: text(more), org: nil, place: c.place.map(placeName)))
                                q = more.upperBound
                            }
                        }
                        found.append(.init(name: name, range: r, titles: titles))
                    }
                }
                next = end
            }
        }
        return found
    }
}

/// An ``ExtractionRule/Element`` with its texts as scalars, ready to compare at each position
/// (converting them on every try cost more than the comparisons).
indirect enum CompiledElement: Sendable {
    case literal([Unicode.Scalar])
    /// Longest first; whether each text may stand for the title (not ASCII or ：only).
    case anyOf([(word: [Unicode.Scalar], titleLike: Bool)])
    case person, hanName, boundary, nameEnd, place, title, organization, date
    case optional(CompiledElement)
    case oneOrMore(CompiledElement)

    init(_ e: ExtractionRule.Element) {
        switch e {
        case .literal(let w): self = .literal(w.scalars)
        case .anyOf(let ws):
            // Stable: among texts of one length, the order written.
            let sorted = ws.map(\.scalars).enumerated().sorted { a, b in
                a.element.count != b.element.count ? a.element.count > b.element.count : a.offset < b.offset
            }.map(\.element)
            self = .anyOf(sorted.map { w in (w, !w.allSatisfy { $0.value < 0x80 || $0 == "：" }) })
        case .person: self = .person
        case .hanName: self = .hanName
        case .boundary: self = .boundary
        case .nameEnd: self = .nameEnd
        case .place: self = .place
        case .title: self = .title
        case .organization: self = .organization
        case .date: self = .date
        case .optional(let inner): self = .optional(CompiledElement(inner))
        case .oneOrMore(let inner): self = .oneOrMore(CompiledElement(inner))
        }
    }
}

/// The rules of an extractor, highest priority first, with the words each requires compiled
/// into one matcher: built once per extractor, so that a document is searched once for all.
final class RuleIndex: Sendable {
    let rules: [ExtractionRule]
    /// Each rule's pattern, compiled.
    let patterns: [[CompiledElement]]
    /// Per rule: the index of its first literal element and the ids of that element's words.
    let required: [(element: Int, words: [Int])?]
    /// The texts the rules require, by id (found in the document by ``DocumentWords``).
    let wordIDs: [String: Int]
    /// Per rule: how far before its required word a match can start (the longest text the
    /// elements before it can cover).
    let reach: [Int]

    /// The most characters `e` can match.
    static func maxLength(_ e: ExtractionRule.Element) -> Int {
        switch e {
        case .literal(let w): return w.unicodeScalars.count
        case .anyOf(let ws): return ws.map { $0.unicodeScalars.count }.max() ?? 0
        case .person, .hanName: return 5
        case .boundary, .nameEnd: return 0
        case .place, .organization: return 30
        case .title: return 24
        case .date: return 20
        case .optional(let inner): return maxLength(inner)
        case .oneOrMore(let inner): return 8 * (maxLength(inner) + 1)
        }
    }

    init(_ rules: [ExtractionRule]) {
        self.rules = rules.enumerated().sorted { a, b in
            a.element.priority != b.element.priority ? a.element.priority > b.element.priority : a.offset < b.offset
        }.map(\.element)
        patterns = self.rules.map { $0.pattern.map(CompiledElement.init) }
        var ids: [String: Int] = [:]
        var required: [(element: Int, words: [Int])?] = []
        // The most selective text a rule requires: the literal element whose shortest word is
        // longest (the first such).
        func shortest(_ e: ExtractionRule.Element) -> Int? {
            switch e {
            case .literal(let w): return w.unicodeScalars.count
            case .anyOf(let ws): return ws.map { $0.unicodeScalars.count }.min()
            default: return nil
            }
        }
        for rule in self.rules {
            var best: (index: Int, length: Int)?
            for (k, e) in rule.pattern.enumerated() {
                if let n = shortest(e), n > 0, n > (best?.length ?? 0) { best = (k, n) }
            }
            guard let e = best?.index else {
                required.append(nil)
                continue
            }
            let texts: [String]
            switch rule.pattern[e] {
            case .literal(let w): texts = [w]
            case .anyOf(let ws): texts = ws
            default: texts = []
            }
            var list: [Int] = []
            for t in texts where !t.isEmpty {
                if ids[t] == nil { ids[t] = ids.count }
                list.append(ids[t]!)
            }
            required.append((e, list))
        }
        self.required = required
        reach = zip(self.rules, required).map { rule, r in
            guard let r else { return 0 }
            return rule.pattern[..<r.element].reduce(0) { $0 + Self.maxLength($1) }
        }
        wordIDs = ids
    }

}
