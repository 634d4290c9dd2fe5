import ZhMatch

/// The words every step of extraction looks for, found in one scan of a document: the texts the
/// rules require, the event words (``EventWord``), the page-chrome words (``PageChrome``) and the
/// title words (``PersonExtractor/titleWordList``). One overlapping matcher holds them all; a
/// text that is several kinds of word is one entry with each kind marked.
final class DocumentWords: Sendable {
    private let matcher: PatternMatcher
    /// Per entry of ``matcher``: its rule word id, or -1.
    private let ruleWord: [Int32]
    /// Per entry: its ``EventWord`` raw value, or -1.
    private let eventWord: [Int32]
    /// Per entry: 0 a chrome word, 1 a weak one (``PageChrome/weakMarkers``), or -1.
    private let chromeWord: [Int8]
    /// Per entry: its title word's kind, if it is one (the first kind listed for a text).
    private let titleKind: [PersonExtractor.WordKind?]
    private let ruleWordCount: Int

    /// - Parameter ruleWords: the texts the rules require, by id (``RuleIndex/wordIDs``).
    init(ruleWords: [String: Int]) {
        var texts: [String: Int] = [:]
        var ruleWord: [Int32] = [], eventWord: [Int32] = [], chromeWord: [Int8] = [], titleKind: [PersonExtractor.WordKind?] = []
        func entry(_ t: String) -> Int {
            if let k = texts[t] { return k }
            texts[t] = ruleWord.count
            ruleWord.append(-1)
            eventWord.append(-1)
            chromeWord.append(-1)
            titleKind.append(nil)
            return ruleWord.count - 1
        }
        for (t, kind) in PersonExtractor.titleWordList where titleKind[entry(t)] == nil { titleKind[entry(t)] = kind }
        for (t, id) in ruleWords { ruleWord[entry(t)] = Int32(id) }
        for w in EventWord.allCases { eventWord[entry(w.text)] = Int32(w.rawValue) }
        for t in PageChrome.markers { chromeWord[entry(t)] = 0 }
        for t in PageChrome.weakMarkers where chromeWord[entry(t)] < 0 { chromeWord[entry(t)] = 1 }
        self.ruleWord = ruleWord
        self.eventWord = eventWord
        self.chromeWord = chromeWord
        self.titleKind = titleKind
        ruleWordCount = ruleWords.count
        matcher = try! PatternMatcher(pairs: texts.map { ($0.key, UInt32($0.value)) }, kind: .overlapping)
    }

    /// What one scan of a document finds. Each part may be let go once used (a long page holds
    /// millions of words).
    struct Scan {
        /// Where each rule word occurs (by ``RuleIndex/wordIDs``), ascending.
        var ruleHits: [[Int32]]
        var events: WordPositions
        /// The chrome words, in order of their ends.
        var chrome: [PageChrome.Marker]
        /// The title words, leftmost-longest.
        var titleTokens: [PersonExtractor.Token]
    }

    /// Every word of `text`, in one pass.
    ///
    /// - Complexity: O(*n* + *k* log *k*) for *n* bytes and *k* matches.
    func scan(_ text: String) -> Scan {
        var hits = [[Int32]](repeating: [], count: ruleWordCount)
        var events = [[Int32]](repeating: [], count: EventWord.allCases.count)
        var chrome: [PageChrome.Marker] = []
        // Title words packed 8 bytes each (a long page has millions): start, then longest first.
        var titles: [UInt64] = []
        matcher.forEachMatch(in: text) { m in
            let k = Int(m.value)
            if ruleWord[k] >= 0 { hits[Int(ruleWord[k])].append(Int32(truncatingIfNeeded: m.start)) }
            if eventWord[k] >= 0 { events[Int(eventWord[k])].append(Int32(truncatingIfNeeded: m.start)) }
            if chromeWord[k] >= 0 { chrome.append((m.start, m.end, chromeWord[k] == 1)) }
            if let kind = titleKind[k] {
                titles.append(UInt64(m.start) << 24 | UInt64(0xFFFF - min(0xFFFF, m.end - m.start)) << 8 | UInt64(kind.rawValue))
            }
            return true
        }
        // Leftmost-longest title words from all their occurrences: the longest at the leftmost
        // start, then on after it.
        titles.sort()
        var tokens: [PersonExtractor.Token] = []
        var end = -1
        for t in titles {
            let start = Int(t >> 24), length = 0xFFFF - Int((t >> 8) & 0xFFFF)
            guard start >= end else { continue }
            tokens.append(PersonExtractor.Token(range: start..<(start + length), kind: PersonExtractor.WordKind(rawValue: UInt8(t & 0xFF))!))
            end = start + length
        }
        return Scan(ruleHits: hits, events: WordPositions(positions: events), chrome: chrome, titleTokens: tokens)
    }
}
