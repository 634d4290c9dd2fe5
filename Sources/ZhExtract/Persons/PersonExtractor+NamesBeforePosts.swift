extension PersonExtractor {
    /// Posts a transliterated name is written before (恩巴洛总统, 同武契奇总统举行会谈).
    static let postsAfterForeignNames = WordSet(["总统", "副总统", "总理", "副总理", "首相", "国王", "女王", "王储", "议长", "国务卿", "外长", "秘书长"] as [String])
    /// Last characters of words that are not names (美方, 该国, 两国人).
    static let notForeignNameEnds = ScalarSet("方国人民")
    /// What may stand right before such a name: a preposition or the end of a verb of meeting
    /// (同, 与, 会见, 致电, 祝贺); after any other Han character the run may have begun inside a
    /// word (转达, 感谢 end in transliteration characters).
    static let beforeForeignNames = ScalarSet("同与和及向对请邀见的电贺晤、")
    /// Words before a post that are not names.
    static let notNamesBeforePosts = WordSet(["代理", "当选", "临时", "过渡", "新任", "前任", "现任", "时任"] as [String])

    /// Foreign names written right before their post: a run of two to eight transliteration
    /// characters (parts joined by a middle dot) that is no place, no word that follows names and
    /// no word of the sentence.
    ///
    /// - Complexity: O(*t*) for *t* title words, each looking back at most 10 characters.
    func foreignNamesBeforePosts() -> [Found] {
        var out: [Found] = []
        for t in tokens where t.kind == .post {
            guard let r = foreignName(before: t) else { continue }
            out.append(Found(name: str(r), range: r, titles: [TitleAssignment(title: str(t.range), org: nil, place: nil)]))
        }
        return out
    }

    /// The transliterated name written right before post `t` (马克龙总统), if any.
    func foreignName(before t: Token) -> Range<Int>? {
        guard Self.postsAfterForeignNames.contains(s, t.range) else { return nil }
        let end = t.range.lowerBound
        var b = end
        while b > 0, end - b < 10,
              TitleLexicon.transliteration.contains(s[b - 1])
                || (TitleLexicon.nameDots.contains(s[b - 1]) && b - 1 > 0 && b < end && TitleLexicon.transliteration.contains(s[b - 2])) {
            b -= 1
        }
        let r = b..<end
        guard r.count >= 2, r.count <= 8, b == 0 || !Self.isHan(s[b - 1]) || Self.beforeForeignNames.contains(s[b - 1]),
              !Self.notForeignNameEnds.contains(s[end - 1]), !isBoundary(b), !Self.notNamesBeforePosts.contains(s, r),
              // Two countries' one-character names are no name (俄白外长).
              !(r.count == 2 && Self.countryAbbreviations.contains(s[b])),
              !r.contains(where: { placeStarts.contains($0) }), placeEndingAt[end] == nil,
              !TitleLexicon.notForeignNames.contains(s, r) else { return nil }
        return r
    }
}
