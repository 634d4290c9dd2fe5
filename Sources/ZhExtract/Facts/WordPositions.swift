import ZhMatch

/// A word events hinge on (赴, 率团, 对口帮扶, 年以来...); the case name is the word.
enum EventWord: Int, CaseIterable {
    case 赴, 前往, 到访, 先后到, 来到, 到, 率, 带领, 带队, 代表团, 考察团, 调研组, 率队, 率团
    case 陪同下, 陪同, 党政代表团, 对口帮扶, 结对帮扶, 对口支援, 东西部协作, 山海协作, 帮扶, 协作
    case 对口协作, 东西部扶贫协作, 结对, 携手奔小康, 对口合作, 深入
    case 年以来, 年起, 分别
    case 考察, 调研, 视察, 检查, 看望, 慰问
    case 访问, 访华, 来华

    var text: String { String(describing: self) }
}

/// Where the ``EventWord``s occur in one document, found in one pass; ``first(_:_:)`` then
/// answers "where in this sentence" by binary search.
struct WordPositions {
    static let lengths = EventWord.allCases.map { $0.text.unicodeScalars.count }

    /// Start positions per word, ascending (32 bits each: a long page has millions).
    private var positions: [[Int32]]

    /// Positions found by ``DocumentWords/scan(_:)``, per word, ascending.
    init(positions: [[Int32]]) {
        self.positions = positions
    }

    /// The first position where `word` lies wholly inside `range`.
    ///
    /// - Complexity: O(log *occurrences*).
    func first(_ range: Range<Int>, _ word: EventWord) -> Int? {
        let list = positions[word.rawValue]
        var lo = 0, hi = list.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(list[mid]) < range.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        guard lo < list.count, Int(list[lo]) + Self.lengths[word.rawValue] <= range.upperBound else { return nil }
        return Int(list[lo])
    }
}
