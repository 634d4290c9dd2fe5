#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Realigning a damaged run with the bytes that are not known: the lost byte, the bytes of pairs
/// the decoder deleted, a byte swallowed with the `(` of an annotation. Every way of filling them
/// is weighed with ``CharacterModel``; the characters come out where one reading is clearly the
/// most likely, U+FFFD with ranked candidates where not.
extension GBKMisalignmentRepairer {
    /// A run to realign: the lost byte's possible values, then the bytes of the garbage characters
    /// one character at a time, then how the run ended.
    struct Run {
        /// Possible values of the lost byte, which leads the first realigned character.
        var first: [UInt8]
        /// The GBK bytes of each garbage character, in order.
        var chunks: [[UInt8]]
        var end: End
        /// The characters right before and right after the run (in step with the text).
        var before: Unicode.Scalar?
        var after: Unicode.Scalar?

        enum End {
            /// An ASCII byte brought the decoder back in step: it is the last character's trail.
            case ascii(UInt8)
            /// The last character's trail was swallowed (a `?` with the next byte), maybe with its
            /// reading in the annotation that follows.
            case swallowed(reading: String?)
        }
    }

    /// The realigned characters (U+FFFD where unsure), the confidence, the candidates of the unsure
    /// places, and how many deleted pairs the reading assumed.
    struct Realignment {
        var chars: [Unicode.Scalar]
        var confidence: Double
        var candidates: [String]
        var unsure: [Bool]
        var deletions: Int
        /// ln of the reading's probability under the model (all ways of filling the unknown
        /// bytes under the best placement of deleted pairs).
        var logScore: Double
    }

    /// A byte of the realigned stream: known, or any of a set.
    private enum Slot {
        case known(UInt8)
        case oneOf([UInt8])
    }

    /// Bytes a decoder that deletes user-defined pairs dropped as the first byte of one: the rows
    /// A1-A7 (with second bytes 40-A0) and AA-AF, F8-FE (with second bytes A1-FE).
    static let deletedFirst: [UInt8] = Array(0xA1...0xA7) + Array(0xAA...0xAF) + Array(0xF8...0xFE)
    static let leadBytes: [UInt8] = Array(0x81...0xFE)
    static let trailBytes: [UInt8] = Array(0x40...0x7E) + Array(0x80...0xFE)

    /// Whether `x y` is a user-defined pair (one such a decoder deletes).
    static func isDeletedPair(_ x: UInt8, _ y: UInt8) -> Bool {
        if (0xA1...0xA7).contains(x) { return (0x40...0xA0).contains(y) && y != 0x7F }
        if (0xAA...0xAF).contains(x) || (0xF8...0xFE).contains(x) { return (0xA1...0xFE).contains(y) }
        return false
    }

    /// Most deleted pairs assumed in a run. Placements carry no prior of their own: whether a
    /// mis-paired pair falls in the user-defined area follows from the characters, which the model
    /// weighs (a penalty of ln 0.1 per deleted pair restored fewer runs of the oracle: 26.6% of them
    /// against 27.6%). A pair deleted right after the lost byte is not weighed: the lost
    /// character is then open on both bytes, and weighing it restored fewer runs (25.4%).
    static let maxDeletions = 2
    /// Candidates kept per place, and the weight of a character of the other script.
    static let maxCandidates = 64
    static let otherScriptLogWeight = log(0.02)

    private struct Candidate {
        var char: Unicode.Scalar
        var lead: UInt8
        var trail: UInt8
        /// The model's lookup form (``CharacterModel/key(_:)``).
        var key: Unicode.Scalar = " "
        /// ln P(char) with the weight of its script.
        var logP: Double = 0
        /// The weight of its script alone.
        var scriptWeight: Double = 0
    }

    /// Weighs every way of filling the unknown bytes of `run` and gives the most likely reading.
    ///
    /// - Complexity: O(*h* · *n* · *k*²) for *h* placements of deleted pairs (at most 1 + *m* +
    ///   *m*(*m*-1)/2 for *m* garbage characters), *n* characters and *k* ≤ 64 candidates each.
    func realignWithModel(_ run: Run, traditional: Bool) -> Realignment? {
        let m = run.chunks.count
        // Boundaries after garbage character k (1...m); after the last one only when the last
        // character keeps a byte or a reading to go by.
        let lastAllowed: Bool
        switch run.end {
        case .ascii: lastAllowed = true
        case .swallowed(let reading): lastAllowed = reading != nil
        }
        let boundaries = Array(1..<max(1, m)) + (m >= 1 && lastAllowed ? [m] : [])
        var placements: [[Int]] = [[]]
        for b in boundaries { placements.append([b]) }
        if Self.maxDeletions >= 2 {
            for (i, a) in boundaries.enumerated() { for b in boundaries[(i + 1)...] { placements.append([a, b]) } }
        }
        var results: [(logZ: Double, marginals: [[(Candidate, Double)]], deletions: Int)] = []
        var memo: [UInt32: (key: Unicode.Scalar, logP: Double, scriptWeight: Double)] = [:]
        for placement in placements {
            guard let positions = positions(run, deletions: placement, traditional: traditional, memo: &memo) else { continue }
            let deletedAfter = deletionMask(run, deletions: placement, count: positions.count)
            guard let (logZ, marginals) = forwardBackward(positions, deletedAfter: deletedAfter, before: run.before, after: run.after) else { continue }
            results.append((logZ, marginals, placement.count))
        }
        guard let best = results.indices.max(by: { results[$0].logZ < results[$1].logZ }) else { return nil }
        let top = results[best].logZ
        let total = results.reduce(0) { $0 + exp($1.logZ - top) }
        let hypothesis = 1 / total
        var chars: [Unicode.Scalar] = []
        var unsure: [Bool] = []
        var candidates: [String] = []
        // The reading's confidence: its placement's share times each place's (the joint, were
        // the places independent; the smallest share alone overstated it on the oracle).
        var confidence = hypothesis
        for place in results[best].marginals {
            let ranked = place.sorted { $0.1 > $1.1 }
            let p = hypothesis * ranked[0].1
            confidence *= ranked[0].1
            if p >= 0.5 {
                chars.append(ranked[0].0.char)
                unsure.append(false)
            } else {
                chars.append("\u{FFFD}")
                unsure.append(true)
                for (c, _) in ranked.prefix(12) where !candidates.contains(String(c.char)) { candidates.append(String(c.char)) }
            }
        }
        // A reading that assumes deleted pairs rests on the model alone for their bytes.
        confidence = min(confidence, [0.95, 0.7, 0.5][min(2, results[best].deletions)])
        return Realignment(chars: chars, confidence: confidence, candidates: candidates, unsure: unsure,
                           deletions: results[best].deletions, logScore: top)
    }

    /// Which realigned characters are followed by a deleted pair (its bytes straddle them).
    private func deletionMask(_ run: Run, deletions: [Int], count: Int) -> [Bool] {
        var mask = [Bool](repeating: false, count: count)
        // Stream: first, then per chunk its bytes, a deleted pair after chunk k when k is listed.
        var length = 1
        for (k, chunk) in run.chunks.enumerated() {
            length += chunk.count
            if deletions.contains(k + 1) {
                // The pair's first byte is at index `length`: the trail of character length / 2.
                let i = length / 2
                if i < count { mask[i] = true }
                length += 2
            }
        }
        return mask
    }

    /// The candidates of each realigned character under one placement of deleted pairs, or nil
    /// when the bytes do not pair up or a character could be anything.
    private func positions(_ run: Run, deletions: [Int], traditional: Bool,
                           memo: inout [UInt32: (key: Unicode.Scalar, logP: Double, scriptWeight: Double)]) -> [[Candidate]]? {
        var slots: [Slot] = [run.first.count == 1 ? .known(run.first[0]) : .oneOf(run.first)]
        for (k, chunk) in run.chunks.enumerated() {
            slots += chunk.map { .known($0) }
            if deletions.contains(k + 1) {
                slots.append(.oneOf(Self.deletedFirst))
                slots.append(.oneOf(Self.leadBytes))
            }
        }
        var reading: String?
        switch run.end {
        case .ascii(let t): slots.append(.known(t))
        case .swallowed(let r):
            slots.append(.oneOf(Self.leadBytes))
            reading = r
        }
        guard slots.count % 2 == 0 else { return nil }
        let table = GBKTable.shared
        let model = CharacterModel.shared
        var out: [[Candidate]] = []
        for i in stride(from: 0, to: slots.count, by: 2) {
            let isLast = i + 2 == slots.count
            let leads: [UInt8], trails: [UInt8]
            switch slots[i] { case .known(let b): leads = [b]; case .oneOf(let s): leads = s }
            switch slots[i + 1] { case .known(let b): trails = [b]; case .oneOf(let s): trails = s }
            let withReading = isLast ? reading : nil
            // Two unknown bytes: only a reading narrows the character enough.
            guard leads.count == 1 || trails.count == 1 || withReading != nil else { return nil }
            var cands: [Candidate] = []
            if let withReading {
                let base = PinyinAnnotationRemover.toneless(withReading), tone = PinyinAnnotationRemover.tone(of: withReading)
                let leadSet = Set(leads), trailSet = Set(trails)
                for c in table.byReading[base] ?? [] {
                    guard tone == 0 || PinyinAnnotationRemover.tone(of: table.readings[c.value] ?? "") == tone,
                          let bytes = table.bytes(of: c), leadSet.contains(bytes.0), trailSet.contains(bytes.1) else { continue }
                    cands.append(Candidate(char: c, lead: bytes.0, trail: bytes.1))
                }
            } else {
                for a in leads {
                    for b in trails {
                        guard let c = table.character(a, b), Self.isHan(c.value) || GBKTable.isCommonPunctuation(c.value) else { continue }
                        cands.append(Candidate(char: c, lead: a, trail: b))
                    }
                }
            }
            if cands.isEmpty {
                // Known bytes that are no character: this placement is wrong.
                return nil
            }
            for k in cands.indices {
                // Looked up once per character and run (the placements share most candidates).
                let c = cands[k].char
                let known = memo[c.value] ?? {
                    let key = model.key(c)
                    let weight = model.isForeignToScript(c, traditional: traditional) ? Self.otherScriptLogWeight : 0
                    let entry = (key: key, logP: model.logP(key: key) + weight, scriptWeight: weight)
                    memo[c.value] = entry
                    return entry
                }()
                cands[k].key = known.key
                cands[k].scriptWeight = known.scriptWeight
                cands[k].logP = known.logP
            }
            if cands.count > Self.maxCandidates {
                cands.sort { $0.logP > $1.logP }
                cands.removeLast(cands.count - Self.maxCandidates)
            }
            out.append(cands)
        }
        return out
    }

    /// The evidence of a chain of candidate sets (ln of the total probability) and each place's
    /// candidates with their probabilities (sum over all paths).
    private func forwardBackward(_ positions: [[Candidate]], deletedAfter: [Bool], before: Unicode.Scalar?,
                                 after: Unicode.Scalar?) -> (Double, [[(Candidate, Double)]])? {
        let model = CharacterModel.shared
        let n = positions.count
        guard n > 0 else { return nil }
        // Transition weights: the model's bigram and the candidate's script weight.
        func transition(_ a: Candidate, _ b: Candidate, deleted: Bool) -> Double {
            if deleted && !Self.isDeletedPair(a.trail, b.lead) { return -.infinity }
            return model.logP(key: b.key, afterKey: a.key) + b.scriptWeight
        }
        let beforeKey = before.map(model.key), afterKey = after.map(model.key)
        func logSumExp(_ xs: [Double]) -> Double {
            guard let m = xs.max(), m > -.infinity else { return -.infinity }
            return m + log(xs.reduce(0) { $0 + exp($1 - m) })
        }
        var alpha: [[Double]] = [positions[0].map { model.logP(key: $0.key, afterKey: beforeKey) + $0.scriptWeight }]
        for i in 1..<max(1, n) where n > 1 {
            alpha.append(positions[i].map { b in
                logSumExp(positions[i - 1].indices.map { k in alpha[i - 1][k] + transition(positions[i - 1][k], b, deleted: deletedAfter[i - 1]) })
            })
        }
        let endWeights = positions[n - 1].map { c in afterKey.map { model.logP(key: $0, afterKey: c.key) } ?? 0 }
        var beta: [[Double]] = Array(repeating: [], count: n)
        beta[n - 1] = endWeights
        if n > 1 {
            for i in stride(from: n - 2, through: 0, by: -1) {
                beta[i] = positions[i].map { a in
                    logSumExp(positions[i + 1].indices.map { k in transition(a, positions[i + 1][k], deleted: deletedAfter[i]) + beta[i + 1][k] })
                }
            }
        }
        let logZ = logSumExp(zip(alpha[n - 1], endWeights).map { $0 + $1 })
        guard logZ > -.infinity else { return nil }
        let marginals = (0..<n).map { i in positions[i].indices.map { k in (positions[i][k], exp(alpha[i][k] + beta[i][k] - logZ)) } }
        return (logZ, marginals)
    }
}

extension GBKMisalignmentRepairer {
    /// ln of the probability of `chars` as written, between `before` and `after`, under the
    /// model: what a realignment must beat. ASCII letters and digits count as a word of their own.
    func modelScore(_ chars: [Unicode.Scalar], before: Unicode.Scalar?, after: Unicode.Scalar?) -> Double {
        let model = CharacterModel.shared
        var previous = before.map(model.key)
        var total = 0.0
        for c in chars + (after.map { [$0] } ?? []) {
            let key = model.key(c)
            if c.value < 0x80 && c != "\n" {
                total += log(0.002)
                previous = nil
            } else {
                total += model.logP(key: key, afterKey: previous)
                previous = key
            }
        }
        return total
    }
}

extension GBKTable {
    /// The GBK bytes of a character of the table (the first pair giving it).
    func bytes(of c: Unicode.Scalar) -> (UInt8, UInt8)? { codes[c.value].map { (UInt8($0 >> 8), UInt8($0 & 0xFF)) } }
}
