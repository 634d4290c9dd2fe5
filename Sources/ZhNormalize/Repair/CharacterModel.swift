#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How likely a character is after another in running Chinese text, for choosing among the
/// characters a damaged byte can stand for.
///
/// Counts come from the word list of jieba (see `CharacterModel+Data.swift` and
/// `scripts/gen-character-model.py`): how often each character is written, how often it ends a
/// word, and how often one follows another inside a word. The next character after `a` is either
/// inside the same word (the pair's count) or starts a new word after `a` ended one (its share of
/// word ends, times the next character's own frequency). Punctuation has fixed shares near those of
/// news text. Counts are of simplified characters; a traditional one is looked up through its
/// simplified form.
final class CharacterModel: Sendable {
    static let shared = CharacterModel()

    /// ln P(c) and the share of c's occurrences that end a word, by simplified character.
    private let characters: [UInt32: (logP: Double, final: Double)]
    /// ln(count(ab) / count(a)) for pairs inside words.
    private let pairs: [UInt64: Double]
    /// Traditional characters' simplified forms (single characters), for the lookups.
    private let simplified: ScriptConverter?
    private let traditional: ScriptConverter?

    /// Approximate shares of punctuation marks in Chinese news text.
    static let punctuation: [Unicode.Scalar: Double] = [
        "，": 0.045, "。": 0.025, "、": 0.01, "“": 0.006, "”": 0.006, "：": 0.004, "《": 0.002, "》": 0.002,
        "（": 0.002, "）": 0.002, "；": 0.001, "！": 0.001, "？": 0.001, "—": 0.001, "·": 0.001, "「": 0.001, "」": 0.001,
    ]
    /// The share of Han characters in running text once punctuation is set aside.
    private static let hanShare = 1 - punctuation.values.reduce(0, +)
    /// ln P of a character the model does not know (rare Han, symbols, letters).
    static let unknownLogP = -18.0

    private init() {
        func value(_ c: Character) -> Double {
            let a = c.asciiValue ?? 0
            switch a {
            case 65...90: return Double(a - 65)
            case 97...122: return Double(a - 97 + 26)
            case 48...57: return Double(a - 48 + 52)
            case 43: return 62
            default: return 63
            }
        }
        var characters: [UInt32: (Double, Double)] = [:]
        for (c, (cost, final)) in zip(Self.characterList.unicodeScalars, zip(Self.characterCosts, Self.finalShares)) {
            characters[c.value] = (-value(cost) / 3 + log(Self.hanShare), value(final) / 63)
        }
        var pairs: [UInt64: Double] = [:]
        var list = Self.pairList.unicodeScalars.makeIterator()
        for cost in Self.pairCosts {
            guard let a = list.next(), let b = list.next() else { break }
            pairs[UInt64(a.value) << 32 | UInt64(b.value)] = -value(cost) / 3
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

    /// ln P(b | a): b inside a's word, or starting the next word after a ended one. Without `a`
    /// (start of text, punctuation, an unknown character) the frequency of b alone.
    func logP(_ b: Unicode.Scalar, after a: Unicode.Scalar?) -> Double { logP(key: key(b), afterKey: a.map(key)) }

    /// ``logP(_:)`` of a character given by its ``key(_:)``.
    func logP(key c: Unicode.Scalar) -> Double {
        if let p = Self.punctuation[c] { return log(p) }
        return characters[c.value]?.logP ?? Self.unknownLogP
    }

    /// ``logP(_:after:)`` of characters given by their ``key(_:)``.
    ///
    /// - Complexity: O(1), two hash lookups.
    func logP(key b: Unicode.Scalar, afterKey a: Unicode.Scalar?) -> Double {
        if b == "\n" { return logLineEnd(after: a) }
        let pb = logP(key: b)
        guard let a, let stats = characters[a.value] else { return pb }
        let inside = pairs[UInt64(a.value) << 32 | UInt64(b.value)].map { exp($0) } ?? 0
        // A character never seen ending a word still may (names, words the list lacks).
        return log(inside + max(0.02, stats.final) * exp(pb))
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
        if let stats = characters[a.value] { return log(0.001 + 0.02 * stats.final) }
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
