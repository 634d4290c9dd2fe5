/// One kind of change a normalization or repair stage made, reported with its raw range.
public struct Repair: Sendable, Equatable, Hashable {
    /// What kind of damage or clean-up: `pinyin_annotation`, `gbk_misalignment`, `mojibake`,
    /// `width`, `whitespace`, `control`.
    public var kind: String
    /// Code point range in the raw input.
    public var start: Int
    public var end: Int
    /// The raw text and what replaced it.
    public var original: String
    public var replacement: String
    /// How sure the repair is, in [0, 1].
    public var confidence: Double
    /// Where a character could not be known for sure (U+FFFD in `replacement`, or a pick
    /// among several): the likely characters, most likely first.
    public var candidates: [String]

    public init(kind: String, start: Int, end: Int, original: String, replacement: String, confidence: Double,
                candidates: [String] = []) {
        self.kind = kind
        self.start = start
        self.end = end
        self.original = original
        self.replacement = replacement
        self.confidence = confidence
        self.candidates = candidates
    }
}

/// Text after one or more stages, with the way back to the raw input.
public struct NormalizedText: Sendable {
    /// The processed text.
    public var text: String
    /// Maps ranges of `text` back to the raw input.
    public var offsets: OffsetMap
    /// Damage repaired on the way (clean-up of width and spaces is not listed one by one).
    public var repairs: [Repair]

    public init(text: String, offsets: OffsetMap = OffsetMap(), repairs: [Repair] = []) {
        self.text = text
        self.offsets = offsets
        self.repairs = repairs
    }
}

/// A step of normalization: takes text, gives text and the map back to its input.
///
/// Stages compose in a ``Normalizer``; the encoding repairer is one, the Unicode clean-up and
/// script conversion are others. `repairs` a stage reports carry ranges of *its* input; the
/// normalizer maps them back to the raw input.
public protocol NormalizationStage: Sendable {
    /// Processes `text`.
    func apply(_ text: String) -> (text: String, offsets: OffsetMap, repairs: [Repair])
}

extension Normalizer {
    /// Runs `stages` in order on `raw`, composing their offset maps and mapping every repair's
    /// range back to `raw`.
    ///
    /// - Complexity: the sum of the stages' costs.
    public static func run(_ stages: [any NormalizationStage], on raw: consuming String) -> NormalizedText {
        // Each stage's input goes as soon as its output is there.
        var text = consume raw
        var map = OffsetMap()
        var repairs: [Repair] = []
        for stage in stages {
            let r = stage.apply(text)
            absorb(r.offsets, r.repairs, into: &map, &repairs)
            text = r.text
        }
        return NormalizedText(text: text, offsets: map, repairs: repairs)
    }

    /// Adds one stage's map and repairs (ranges of the stage's input) to those of the stages before.
    static func absorb(_ offsets: OffsetMap, _ stageRepairs: [Repair], into map: inout OffsetMap, _ repairs: inout [Repair]) {
        for var repair in stageRepairs {
            let back = map.inputRange(of: repair.start..<repair.end)
            repair.start = back.lowerBound
            repair.end = back.upperBound
            repairs.append(repair)
        }
        map = offsets.composed(after: map)
    }
}

/// Cleans scraped Chinese text and converts its script, keeping the way back to the raw input.
///
/// Stages run in order: the stages given (e.g. encoding repair), Unicode clean-up
/// (``UnicodeCleanup``), then script conversion. Every position of the result maps back to the
/// exact code point range of the raw input through ``NormalizedText/offsets``.
public struct Normalizer: Sendable {
    /// Target script, or nil to keep it.
    public var target: ScriptConverter.Target?
    public var stages: [any NormalizationStage]
    let converter: ScriptConverter?

    /// - Parameters:
    ///   - target: the script of the output (nil keeps the script).
    ///   - repairStages: stages that run first on the raw text (encoding repair).
    ///   - converter: a converter with options of your own; by default the shared one.
    public init(target: ScriptConverter.Target? = .simplified, repairStages: [any NormalizationStage] = [],
                converter: ScriptConverter? = nil) throws {
        self.target = target
        self.stages = repairStages + [UnicodeCleanup()]
        if let converter { self.converter = converter } else { self.converter = try target.map { try ScriptConverter.shared(to: $0) } }
    }

    /// Normalizes `raw` and hands the result to `body` as UTF-8 bytes, without making a `String`
    /// of it: for writing a large text straight out.
    ///
    /// - Parameters:
    ///   - raw: the text.
    ///   - body: receives the normalized text's UTF-8, valid only during the call.
    /// - Returns: the offset map and the repairs, as ``normalize(_:)`` gives them.
    /// - Complexity: O(*n*) for *n* bytes.
    public func normalize(_ raw: consuming String, writing body: (UnsafeBufferPointer<UInt8>) -> Void) -> (offsets: OffsetMap, repairs: [Repair]) {
        guard let converter, stages.last is UnicodeCleanup else {
            var r = normalize(consume raw)
            r.text.withUTF8 { body($0) }
            return (r.offsets, r.repairs)
        }
        let r = runJoined(consume raw) { p, edits in
            var called = false
            converter.table.apply(p, &edits) { converted in
                called = true
                body(converted)
            }
            if !called { body(p) }
        }
        return (r.offsets, r.repairs)
    }

    /// The repair stages, then clean-up and conversion joined: the clean bytes go to `convert` as
    /// they are, never a `String` (one validation and copy of the whole text less), and the text
    /// before clean-up is let go first (a large page is not held three times).
    private func runJoined<R>(_ raw: consuming String, _ convert: (UnsafeBufferPointer<UInt8>, inout OffsetMap.Builder) -> R)
        -> (result: R, offsets: OffsetMap, repairs: [Repair]) {
        let first = Self.run(Array(stages.dropLast()), on: consume raw)
        var text = first.text, map = first.offsets, repairs = first.repairs
        text.makeContiguousUTF8()
        var edits = OffsetMap.Builder()
        let cleaned = text.utf8.withContiguousStorageIfAvailable { UnicodeCleanup().clean($0) }!
        Self.absorb(cleaned.offsets, cleaned.repairs, into: &map, &repairs)
        let result: R
        if let bytes = cleaned.bytes {
            text = ""
            result = bytes.withUnsafeBufferPointer { convert($0, &edits) }
        } else {
            result = text.utf8.withContiguousStorageIfAvailable { convert($0, &edits) }!
        }
        return (result, edits.map.composed(after: map), repairs)
    }

    /// Normalizes `raw`.
    ///
    /// - Complexity: O(*n*) for *n* bytes.
    public func normalize(_ raw: consuming String) -> NormalizedText {
        if let converter, stages.last is UnicodeCleanup {
            let r = runJoined(consume raw) { p, edits in
                converter.table.applyToString(p, &edits) ?? String(decoding: p, as: UTF8.self)
            }
            return NormalizedText(text: r.result, offsets: r.offsets, repairs: r.repairs)
        }
        let first = Self.run(stages, on: consume raw)
        var text = first.text, map = first.offsets
        let repairs = first.repairs
        if let converter {
            var b = OffsetMap.Builder()
            text = converter.convert(text, edits: &b)
            map = b.map.composed(after: map)
        }
        return NormalizedText(text: text, offsets: map, repairs: repairs)
    }
}
