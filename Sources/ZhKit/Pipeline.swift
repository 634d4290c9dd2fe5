@_exported import ZhExtract

/// One document as `zhkit extract` reports it: normalization, then extraction, with every
/// offset pointing into the raw input (code points, half-open).
public struct Document: Sendable {
    public var id: String
    /// `simplified`, `traditional` or `mixed`, judged on the raw text.
    public var script: String
    public var published: Day?
    public var title: String?
    public var repairs: [Repair]
    public var boilerplate: [Range<Int>]
    public var facts: Extraction
    /// The normalized text the facts were read from.
    public var text: String
}

/// Normalize, then extract: the whole job for one document.
///
/// ```swift
/// let pipeline = try Pipeline()
/// let doc = pipeline.extract(rawText, id: "a.txt")
/// doc.facts.places.map(\.fullName)
/// ```
///
/// A pipeline is immutable and `Sendable`: share one between tasks; results are the same as
/// sequential use.
public struct Pipeline: Sendable {
    public let normalizer: Normalizer
    public let extractor: Extractor
    let toSimplified: ScriptConverter
    let toTraditional: ScriptConverter

    /// - Parameters:
    ///   - extractor: the extractor (its gazetteer and known officials); the built-in one by default.
    ///   - repair: whether to repair encoding damage (pinyin annotations...) first.
    public init(extractor: Extractor = Extractor(), repair: Bool = true) throws {
        normalizer = try Normalizer(target: .simplified, repairStages: repair ? [GBKMisalignmentRepairer(), MojibakeRepairer(), PinyinAnnotationRemover()] : [])
        self.extractor = extractor
        toSimplified = try ScriptConverter.shared(to: .simplified)
        toTraditional = try ScriptConverter.shared(to: .traditional)
    }

    /// Processes one document.
    ///
    /// - Parameters:
    ///   - raw: the text as read (UTF-8 decoded).
    ///   - id: a name carried into the result.
    ///   - published: the publication date when known; otherwise read from the page.
    /// - Complexity: O(*n*) in the text's length.
    public func extract(_ raw: consuming String, id: String = "", published: Day? = nil) -> Document {
        // The script first: the raw text can then go once normalized.
        let script = script(of: raw)
        let normalized = normalizer.normalize(consume raw)
        var facts = extractor.extract(normalized.text, published: published)
        let map = normalized.offsets
        func back(_ r: Range<Int>) -> Range<Int> { map.inputRange(of: r) }
        for i in facts.places.indices { facts.places[i].mentions = facts.places[i].mentions.map(back) }
        for i in facts.persons.indices { facts.persons[i].mentions = facts.persons[i].mentions.map(back) }
        for i in facts.organizations.indices { facts.organizations[i].mentions = facts.organizations[i].mentions.map(back) }
        for i in facts.dates.indices { facts.dates[i].mentions = facts.dates[i].mentions.map(back) }
        for i in facts.amounts.indices { facts.amounts[i].mentions = facts.amounts[i].mentions.map(back) }
        let boilerplate = facts.boilerplate.map(back)
        return Document(id: id, script: script, published: facts.published, title: facts.title,
                        repairs: normalized.repairs, boilerplate: boilerplate, facts: facts, text: normalized.text)
    }

    /// Judges the script from how many characters of the first 1,000 each direction of
    /// conversion would change.
    func script(of raw: String) -> String {
        let sample = Array(raw.unicodeScalars.prefix(1000))
        let han = sample.reduce(0) { $0 + ($1.value >= 0x4E00 && $1.value <= 0x9FFF ? 1 : 0) }
        guard han > 0 else { return "simplified" }
        let traditional = Double(toSimplified.changedCharacterCount(in: sample)) / Double(han)
        let simplified = Double(toTraditional.changedCharacterCount(in: sample)) / Double(han)
        if traditional > 0.03 && simplified > 0.03 { return "mixed" }
        return traditional > simplified ? "traditional" : "simplified"
    }

    /// Processes documents from an async sequence, in order.
    public func extract<S: AsyncSequence & Sendable>(_ documents: S) -> AsyncThrowingStream<Document, Error>
    where S.Element == (id: String, text: String) {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    for try await d in documents { continuation.yield(extract(d.text, id: d.id)) }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}

extension JSONWriter {
    /// The contract's `repairs` array.
    public mutating func repairs(_ repairs: [Repair]) {
        array(repairs) { w, r in w.repair(r) }
    }

    /// One repair of the contract's `repairs` array.
    public mutating func repair(_ r: Repair) {
        raw("{")
        key("kind", first: true); string(r.kind)
        key("start"); number(r.start)
        key("end"); number(r.end)
        key("original"); string(r.original)
        key("replacement"); string(r.replacement)
        key("confidence"); raw(String(r.confidence))
        if !r.candidates.isEmpty { key("candidates"); array(r.candidates) { w, c in w.string(c) } }
        raw("}")
    }
}

extension Document {
    /// The contract's JSON object, one line.
    public func jsonLine(includeText: Bool = false) -> String {
        var bytes: [UInt8] = []
        writeJSONLine(includeText: includeText) { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes the contract's JSON object (without a line break) in pieces of about 1 MiB, so a
    /// document with a million facts is never held whole as text.
    ///
    /// - Parameters:
    ///   - includeText: whether to add the normalized text as `text`.
    ///   - emit: called with each piece, in order.
    public func writeJSONLine(includeText: Bool = false, to emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        var w = JSONWriter()
        func ranges(_ rs: [Range<Int>]) { w.array(rs) { w, r in w.raw("[\(r.lowerBound),\(r.upperBound)]") } }
        func list<C: Collection>(_ c: C, _ body: (inout JSONWriter, C.Element) -> Void) {
            w.array(c) { w, e in
                body(&w, e)
                if w.bytes.count >= 1 << 20 { w.drain(emit) }
            }
        }
        w.raw("{")
        w.key("id", first: true); w.string(id)
        w.key("script"); w.string(script)
        w.key("published"); w.optionalString(published?.iso)
        w.key("title"); w.optionalString(title)
        w.key("repairs"); list(repairs) { w, r in w.repair(r) }
        w.key("boilerplate"); ranges(boilerplate)
        w.key("persons")
        list(facts.persons) { w, p in
            w.raw("{")
            w.key("name", first: true); w.string(p.name)
            w.key("titles")
            w.array(p.titles) { w, t in
                w.raw("{")
                w.key("title", first: true); w.string(t.title)
                w.key("org"); w.optionalString(t.org)
                w.key("place"); w.optionalString(t.place)
                if t.collective { w.key("collective"); w.raw("true") }
                w.raw("}")
            }
            w.key("mentions"); w.array(p.mentions) { w, r in w.raw("[\(r.lowerBound),\(r.upperBound)]") }
            w.raw("}")
        }
        w.key("places")
        list(facts.places) { w, p in
            w.raw("{")
            w.key("name", first: true); w.string(p.name)
            w.key("full_name"); w.string(p.fullName)
            w.key("level"); w.string(p.level.rawValue)
            w.key("code"); w.optionalString(p.code)
            w.key("path"); w.array(p.path) { w, s in w.string(s) }
            w.key("mentions"); w.array(p.mentions) { w, r in w.raw("[\(r.lowerBound),\(r.upperBound)]") }
            w.raw("}")
        }
        w.key("organizations")
        list(facts.organizations) { w, o in
            w.raw("{")
            w.key("name", first: true); w.string(o.name)
            w.key("mentions"); w.array(o.mentions) { w, r in w.raw("[\(r.lowerBound),\(r.upperBound)]") }
            w.raw("}")
        }
        w.key("dates")
        list(facts.dates) { w, d in
            w.raw("{")
            w.key("text", first: true); w.string(d.text)
            w.key("start"); w.string(d.start)
            w.key("end"); w.optionalString(d.end)
            w.key("granularity"); w.string(d.granularity)
            w.key("mentions"); w.array(d.mentions) { w, r in w.raw("[\(r.lowerBound),\(r.upperBound)]") }
            w.raw("}")
        }
        w.key("visits")
        list(facts.visits) { w, v in
            w.raw("{")
            w.key("from", first: true); w.optionalString(v.from)
            w.key("to"); w.array(v.to) { w, s in w.string(s) }
            w.key("start"); w.optionalString(v.start)
            w.key("end"); w.optionalString(v.end)
            w.key("leaders"); w.array(v.leaders) { w, s in w.string(s) }
            w.raw("}")
        }
        w.key("pairings")
        list(facts.pairings) { w, p in
            w.raw("{")
            w.key("helper", first: true); w.string(p.helper)
            w.key("helped"); w.string(p.helped)
            w.key("since"); w.optionalString(p.since)
            w.raw("}")
        }
        w.key("amounts")
        list(facts.amounts) { w, a in
            w.raw("{")
            w.key("text", first: true); w.string(a.text)
            w.key("yuan"); w.number(a.yuan)
            w.key("approximate"); w.raw(a.approximate ? "true" : "false")
            w.key("mentions"); w.array(a.mentions) { w, r in w.raw("[\(r.lowerBound),\(r.upperBound)]") }
            w.raw("}")
        }
        if includeText { w.key("text"); w.string(text) }
        w.raw("}")
        w.drain(emit)
    }
}
