import ZhMatch

/// Converts Chinese text between simplified and traditional characters.
///
/// ICU's transliterators (`Hant-Hans`, `Hans-Hant`) are the source of truth: their rules are
/// exported once per process and compiled into a ``PatternMatcher``, then applied with ICU's own
/// semantics (at each position the first rule, in ICU's order, whose key and context match), at a
/// multiple of ICU's speed. On top, an overlay of phrases (the project's corrections for what
/// both ICU and OpenCC get wrong, a regional variant table, and phrase tables the user adds)
/// wins wherever it matches at least as much text as ICU's rule.
///
/// ```swift
/// let t2s = try ScriptConverter(to: .simplified)
/// t2s.convert("乾隆年間，著力推進")   // "乾隆年间，着力推进"
/// ```
public struct ScriptConverter: Sendable {
    /// The script to convert to.
    public enum Target: String, Sendable, CaseIterable {
        case simplified, traditional
    }

    /// The regional standard for traditional output.
    public enum Variant: String, Sendable, CaseIterable {
        /// ICU's traditional characters (close to OpenCC's `s2t`).
        case standard
        /// Taiwan's standard forms (裡, 為, 眾, 線...).
        case taiwan
        /// Hong Kong's standard forms (裏, 爲, 衆, 綫...).
        case hongKong
    }

    /// What goes into a converter besides ICU's rules.
    public struct Options: Sendable {
        /// Use ICU's rules alone (no project corrections): ICU's exact output, faster.
        public var icuOnly = false
        /// Convert quotation marks as ICU does (“” to 「」 and back). Off by default.
        public var convertQuotes = false
        /// The regional standard (traditional output only).
        public var variant: Variant = .standard
        /// OpenCC-format phrase tables (`phrase<TAB>target[ alternatives]` per line), as text
        /// with a name for error messages; later tables win over earlier ones.
        public var phraseTables: [(name: String, text: String)] = []

        public init(icuOnly: Bool = false, convertQuotes: Bool = false, variant: Variant = .standard,
                    phraseTables: [(name: String, text: String)] = []) {
            self.icuOnly = icuOnly
            self.convertQuotes = convertQuotes
            self.variant = variant
            self.phraseTables = phraseTables
        }
    }

    /// The direction of this converter.
    public let target: Target
    let table: ConversionTable

    /// Rules ICU exported that the compiler does not support (none for ICU 72's Han rules).
    public var unsupportedRules: [String] { table.unsupported }

    /// Builds a converter; ICU's rules are read once per process and direction.
    ///
    /// - Parameters:
    ///   - target: the script to convert to.
    ///   - options: overlay and variant settings.
    /// - Throws: ``NormalizationError`` when ICU fails or a phrase table line is malformed.
    /// - Complexity: O(rules) the first time per direction, then O(overlay).
    public init(to target: Target, options: Options = Options()) throws {
        self.target = target
        self.table = try ConversionTable.build(target: target, options: options)
    }

    /// The default converter to `target`, built on first use and shared by the process.
    public static func shared(to target: Target) throws -> ScriptConverter {
        try ConverterCache.shared.converter(target)
    }

    /// Converts `text`.
    ///
    /// - Complexity: O(*n*) for *n* bytes of text.
    public func convert(_ text: String) -> String {
        var edits = OffsetMap.Builder(enabled: false)
        return convert(text, edits: &edits)
    }

    /// Converts UTF-8 bytes, handing the result to `body` in one piece (the input itself when
    /// nothing changes): no `String` is made on either side, for streaming files through.
    ///
    /// - Parameters:
    ///   - utf8: the text; it is checked to be well-formed UTF-8 first.
    ///   - body: receives the converted bytes, valid only during the call.
    /// - Returns: false, without calling `body`, when `utf8` is not well-formed UTF-8.
    /// - Complexity: O(*n*).
    @discardableResult
    public func convert(utf8: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool {
        guard isValidUTF8(utf8) else { return false }
        var edits = OffsetMap.Builder(enabled: false)
        var called = false
        table.apply(utf8, &edits) { converted in
            called = true
            body(converted)
        }
        if !called { body(utf8) }
        return true
    }

    /// How many characters of `scalars` this converter changes on their own (phrase rules
    /// aside): a cheap measure of how much of a text is in the other script.
    ///
    /// - Complexity: O(*n*), a table lookup per character.
    public func changedCharacterCount(in scalars: [Unicode.Scalar]) -> Int {
        var n = 0
        table.changes.withUnsafeBufferPointer { bits in
            for c in scalars where c.value < 0x10000 && bits[Int(c.value >> 6)] & (1 << UInt64(c.value & 63)) != 0 { n += 1 }
        }
        return n
    }

    /// Converts `text` and records where the output's length in code points differs from the
    /// input's, for the offset map.
    func convert(_ text: String, edits: inout OffsetMap.Builder) -> String {
        var text = text
        text.makeContiguousUTF8()
        let converted: String?? = text.utf8.withContiguousStorageIfAvailable { table.applyToString($0, &edits) }
        return (converted ?? nil) ?? text
    }
}

/// One process-wide default converter per direction, built on first use under a lock.
final class ConverterCache: @unchecked Sendable {
    static let shared = ConverterCache()
    private let lock = Lock()
    private var converters: [ScriptConverter.Target: ScriptConverter] = [:]

    func converter(_ target: ScriptConverter.Target) throws -> ScriptConverter {
        try lock.withLock {
            if let c = converters[target] { return c }
            let c = try ScriptConverter(to: target)
            converters[target] = c
            return c
        }
    }
}

/// ICU's exported rules for one direction, read once per process.
enum ICURuleSource {
    private static let lock = Lock()
    nonisolated(unsafe) private static var cache: [ScriptConverter.Target: ICURuleParser.Result] = [:]

    static func rules(_ target: ScriptConverter.Target) throws -> ICURuleParser.Result {
        try lock.withLock {
            if let r = cache[target] { return r }
            let t = try ICUTransliterator(id: target == .simplified ? "Hant-Hans" : "Hans-Hant")
            let r = ICURuleParser.parse(try t.rules())
            cache[target] = r
            return r
        }
    }
}
