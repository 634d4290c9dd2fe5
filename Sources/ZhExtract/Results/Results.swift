/// A place found in a document, with every mention.
public struct Place: Sendable, Hashable {
    /// The name as first written (毕节).
    public var name: String
    /// The official full name (毕节市).
    public var fullName: String
    public var level: PlaceLevel
    /// The official division code, when known.
    public var code: String?
    /// Names from the province down to the place itself.
    public var path: [String]
    /// Code point ranges in the analysed text.
    public var mentions: [Range<Int>]
}

/// One post a person holds: `title` is the post without its place (市委书记), `org` the body
/// with its place (昭通市委), `place` the division (昭通市).
public struct TitleAssignment: Sendable, Hashable {
    public var title: String
    public var org: String?
    public var place: String?
    /// A collective label (市领导) rather than a post.
    public var collective: Bool

    public init(title: String, org: String?, place: String?, collective: Bool = false) {
        self.title = title
        self.org = org
        self.place = place
        self.collective = collective
    }
}

/// A person with every title found for them.
public struct Person: Sendable, Hashable {
    public var name: String
    public var titles: [TitleAssignment]
    public var mentions: [Range<Int>]
}

/// An organisation named in the text.
public struct Organization: Sendable, Hashable {
    public var name: String
    public var mentions: [Range<Int>]
}

/// A date or period, resolved to ISO dates against the publication date.
public struct DateMention: Sendable, Hashable {
    public var text: String
    /// First day, `yyyy-mm-dd`.
    public var start: String
    /// Last day, or nil for an open range (2016年以来).
    public var end: String?
    /// `day`, `month` or `year`.
    public var granularity: String
    public var mentions: [Range<Int>]
}

/// An amount of money.
public struct Amount: Sendable, Hashable {
    public var text: String
    public var yuan: Double
    /// 约, 余, 多, 近.
    public var approximate: Bool
    public var mentions: [Range<Int>]
}

/// A delegation from one place to others.
public struct Visit: Sendable, Hashable {
    public var from: String?
    public var to: [String]
    public var start: String?
    public var end: String?
    public var leaders: [String]
}

/// A standing assistance relation: `helper` helps `helped` since a year.
public struct Pairing: Sendable, Hashable {
    public var helper: String
    public var helped: String
    public var since: String?
}

/// Everything extracted from one text.
public struct Extraction: Sendable {
    /// In order of first mention.
    public var persons: [Person] = []
    /// From the most specific level to the broadest, each level in order of first mention.
    public var places: [Place] = []
    public var organizations: [Organization] = []
    public var dates: [DateMention] = []
    public var visits: [Visit] = []
    public var pairings: [Pairing] = []
    public var amounts: [Amount] = []
    /// Line ranges judged page chrome.
    public var boilerplate: [Range<Int>] = []
    /// The article's title and publication date, from the page.
    public var title: String?
    public var published: Day?

    public init() {}
}
