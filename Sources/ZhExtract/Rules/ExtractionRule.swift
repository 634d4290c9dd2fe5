/// A declarative extraction rule: a pattern matched left to right at every position of the
/// text, and what a match means.
///
/// Patterns mix literal text with classes of things the extractor recognizes:
///
/// ```swift
/// // "董事长张三" and "张三董事长" both give 张三 the title 董事长.
/// let rules = [
///     ExtractionRule(name: "chair-before", priority: 10, pattern: [.literal("董事长"), .person],
///                    action: .assignTitle("董事长")),
///     ExtractionRule(name: "chair-after", priority: 10, pattern: [.person, .literal("董事长")],
///                    action: .assignTitle("董事长")),
/// ]
/// let facts = Extractor(rules: rules).extract("公司董事长张三出席")
/// ```
///
/// Rules run after the built-in extraction, highest priority first; a span already claimed by a
/// higher-priority rule is not matched again. ``builtin`` holds the rules ZhKit itself writes
/// in this language (bylines, names written before their title).
public struct ExtractionRule: Sendable {
    /// One element of a pattern.
    public indirect enum Element: Sendable {
        /// This exact text.
        case literal(String)
        /// Any one of these texts (the longest that matches).
        case anyOf([String])
        /// A person's name: a Han surname and given name, or a transliterated name.
        case person
        /// A person's name with a Han surname only.
        case hanName
        /// Matches no text, where the text starts or ends or a neighbouring character is not a
        /// Han character (punctuation, space...).
        case boundary
        /// Matches no text, where a name can end: before punctuation, the end of the text, or a
        /// word that follows names (在, 表示, 陪同, 以...).
        case nameEnd
        /// A place the gazetteer recognized here.
        case place
        /// A run of title words (bodies and posts: 市委副书记, 人大常委会主任), with a level written
        /// alone before them (县教育局局长, 镇党委副书记).
        case title
        /// An organisation name found here.
        case organization
        /// A date found here.
        case date
        /// The element, or nothing.
        case optional(Element)
        /// The element once or more, separated by nothing or by 、 or a space; names (`.person`,
        /// `.hanName`) only by 、 or a space, as names run together cannot be told apart.
        case oneOrMore(Element)
    }

    /// What a match produces.
    public enum Action: Sendable {
        /// Every person matched gets a title: `title` if given, else the text matched by
        /// `.title` (or by the first `.anyOf`); its place is the place matched, if any.
        case assignTitle(String?)
        /// Every person matched is recorded, with no title.
        case person
    }

    public var name: String
    /// Higher runs first.
    public var priority: Int
    public var pattern: [Element]
    public var action: Action

    /// - Parameters:
    ///   - name: a name for tests and diagnostics.
    ///   - priority: higher runs first.
    ///   - pattern: the elements, matched left to right.
    ///   - action: what a match produces.
    public init(name: String, priority: Int = 0, pattern: [Element], action: Action) {
        self.name = name
        self.priority = priority
        self.pattern = pattern
        self.action = action
    }

    /// What a sentence naming those who took part ends with (王毅参加会见, 陈吉宁、吴政隆参加上述活动).
    static let attendance = ["参加会见", "参加会谈", "参加上述活动", "参加上述会见", "参加上述会谈", "陪同会见", "陪同参观", "陪同调研",
                             "陪同考察", "参加活动", "出席会议", "出席活动", "出席仪式", "出席开幕式", "出席闭幕式", "出席会见", "参加会议",
                             "主持会议", "参加调研", "参加考察", "一同参加", "一同出席", "一同会见", "参加座谈会", "出席座谈会",
                             "等参加", "等出席", "等陪同", "等一同", "及中央", "及有关"]

    /// The rules ZhKit itself writes in this language.
    public static let builtin: [ExtractionRule] = [
        // Photo bylines: "杨俊 摄".
        ExtractionRule(name: "byline-photo", priority: 5, pattern: [.person, .literal(" 摄")], action: .assignTitle("摄")),
        // A name written before its title: 习近平总书记.
        ExtractionRule(name: "name-before-general-secretary", priority: 5, pattern: [.hanName, .literal("总书记")],
                       action: .assignTitle("总书记")),
        // A name written before a state title: 李强总理, 王沪宁主席, 赵乐际委员长.
        ExtractionRule(name: "name-before-state-title", priority: 3,
                       pattern: [.boundary, .hanName, .anyOf(["主席", "副主席", "总理", "副总理", "委员长", "副委员长", "国务委员", "总统", "首相"])],
                       action: .assignTitle(nil)),
        // Names honoured or addressed: 邓恩铭烈士, 张三先生.
        ExtractionRule(name: "name-before-honorific", priority: 2, pattern: [.hanName, .anyOf(["烈士", "先生", "女士"])], action: .person),
        // Photo and text credits after a site or paper: "@毕节市人民政府网王纯亮 郑林华".
        ExtractionRule(name: "credits-after-source", priority: 2,
                       pattern: [.anyOf(["政府网", "新闻网", "日报"]), .optional(.literal(" ")), .oneOrMore(.hanName), .boundary],
                       action: .person),
        // A reporter's, editor's or reviewer's byline with one or several names: "记者 朱虹 李独懿",
        // "记者：张三", "审核：李四".
        ExtractionRule(name: "byline-reporters", priority: 4,
                       pattern: [.anyOf(["全媒体记者", "记者", "通讯员", "责任编辑", "编辑", "审核", "校对", "作者", "摄影"]), .anyOf([" ", "：", ":"]),
                                 .oneOrMore(.person), .boundary],
                       action: .assignTitle(nil)),
        // A reporter named in running text: "本台记者张三报道".
        ExtractionRule(name: "reporter-reports", priority: 4,
                       pattern: [.anyOf(["全媒体记者", "记者", "通讯员"]), .hanName, .anyOf(["报道", "摄"])],
                       action: .assignTitle(nil)),
        // Athletes and players named after what they are: "中国香港选手江旻憓".
        ExtractionRule(name: "athlete", priority: 1,
                       pattern: [.anyOf(["选手", "运动员", "队员", "球员", "名将", "小将"]), .oneOrMore(.hanName), .nameEnd],
                       action: .person),
        // A name opening a sentence on who took part: "王毅参加会见", "蔡奇陪同会见".
        ExtractionRule(name: "name-before-attendance", priority: 1,
                       pattern: [.boundary, .hanName, .anyOf(attendance)],
                       action: .person),
        // Names listed before 等 and what they did: "石泰峰、王东峰等参加会见".
        ExtractionRule(name: "names-before-deng", priority: 2,
                       pattern: [.hanName, .literal("、"), .oneOrMore(.hanName),
                                 .anyOf(["等参加", "等出席", "等陪同", "等会见", "等参观", "等分别", "等一同", "等在", "及中央", "及有关",
                                         "陪同考察", "陪同调研", "组成的", "等人"] + attendance)],
                       action: .person),
        // A list of names, their number and their common post: "汤洪波、唐胜杰、江新林三名航天员".
        ExtractionRule(name: "names-count-post", priority: 2,
                       pattern: [.hanName, .literal("、"), .oneOrMore(.hanName),
                                 .anyOf(["两名", "三名", "四名", "五名", "六名", "2名", "3名", "4名", "5名", "6名",
                                         "两位", "三位", "四位", "五位", "六位", "2位", "3位", "4位", "5位", "6位"]), .title],
                       action: .assignTitle(nil)),
        // An election to a post: "谌贻琴当选为全国妇联主席".
        ExtractionRule(name: "elected", priority: 1,
                       pattern: [.boundary, .hanName, .anyOf(["当选为", "当选"]), .optional(.place), .title],
                       action: .assignTitle(nil)),
        // Appointments and removals, of one or several: "免去秦刚的外交部部长职务",
        // "任命王毅为外交部部长", "增补马晓伟、王东峰、曹军为十四届全国政协委员".
        ExtractionRule(name: "appointment", priority: 1,
                       pattern: [.anyOf(["免去", "任命", "提名", "增补", "选举", "补选"]), .oneOrMore(.hanName), .anyOf(["的", "为", "同志"])],
                       action: .person),
        // The post of an appointment or a removal: "任命龙建军为县人民政府办公室主任",
        // "免去姚远航的县财政局局长职务".
        ExtractionRule(name: "appointed-to", priority: 2,
                       pattern: [.anyOf(["任命", "提名", "增补", "补选", "推荐", "决定任命"]), .hanName, .optional(.literal("同志")), .literal("为"),
                                 .optional(.place), .optional(.organization), .title],
                       action: .assignTitle(nil)),
        ExtractionRule(name: "removed-from", priority: 2,
                       pattern: [.literal("免去"), .hanName, .optional(.literal("同志")), .literal("的"), .optional(.place), .optional(.organization), .title,
                                 .anyOf(["职务", "职", "、"])],
                       action: .assignTitle(nil)),
        // The next of a list of appointments: "任命易炼红为…副主任委员，颜珂为…副主任委员".
        ExtractionRule(name: "appointed-next", priority: 1,
                       pattern: [.boundary, .hanName, .literal("为"), .optional(.place), .optional(.organization), .title,
                                 .anyOf(["；", "。", "，", "、"])],
                       action: .assignTitle(nil)),
        // A spouse named with her or his title: "习近平和夫人彭丽媛", "比奥和夫人法蒂玛".
        ExtractionRule(name: "spouse", priority: 1,
                       pattern: [.anyOf(["和夫人", "偕夫人", "及夫人", "与夫人"]), .person, .nameEnd],
                       action: .person),
        // A secondment or appointment told with the holder first: "钱嘉树同志挂任县人民政府副县长（挂职）",
        // "黎光耀任利川市委书记", "覃正阳不再担任利川市委书记职务" (a post held until then).
        ExtractionRule(name: "seconded-to", priority: 2,
                       pattern: [.boundary, .oneOrMore(.hanName), .anyOf(["同志挂任", "挂任", "同志任", "同志担任", "同志兼任", "出任", "担任", "兼任",
                                                                           "不再担任", "同志不再担任"]),
                                 .optional(.place), .optional(.organization), .title],
                       action: .assignTitle(nil)),
        // (任 alone only before a place: 黎光耀任利川市委书记; it is in too many words to try more.)
        ExtractionRule(name: "named-to", priority: 2,
                       pattern: [.boundary, .hanName, .literal("任"), .place, .title],
                       action: .assignTitle(nil)),
        // A name opening a list entry of a notice: "钱嘉树，男，汉族，1982年3月生".
        ExtractionRule(name: "name-in-biography", priority: 1,
                       pattern: [.boundary, .hanName, .anyOf(["，男，", "，女，", "，男，", "，女,", ",男,", ",女,"])],
                       action: .person),
        // People of a story with no post: "村民任桂仙", "冯士友生前是…", "冯士友，1956年出生".
        ExtractionRule(name: "name-after-role", priority: 1,
                       pattern: [.anyOf(["村民", "居民", "市民", "农民", "牧民", "渔民", "志愿者", "老党员", "退役军人", "老兵", "房主", "农户",
                                         "脱贫户", "大学生", "创业者", "致富带头人", "技术员", "教师", "医生"]), .oneOrMore(.hanName), .nameEnd],
                       action: .person),
        ExtractionRule(name: "name-before-life", priority: 1,
                       pattern: [.boundary, .hanName, .anyOf(["生前", "同志生前"])],
                       action: .person),
        ExtractionRule(name: "name-born", priority: 1,
                       pattern: [.boundary, .hanName, .literal("，"), .date, .anyOf(["出生", "生于"])],
                       action: .person),
        // A list of three names or more: "由杨浚瑄、程玉洁、张雨霏、吴卿风组成".
        ExtractionRule(name: "names-list", priority: 1,
                       pattern: [.boundary, .hanName, .literal("、"), .hanName, .literal("、"), .oneOrMore(.hanName), .nameEnd],
                       action: .person),
        ExtractionRule(name: "names-list-after-you", priority: 1,
                       pattern: [.literal("由"), .hanName, .literal("、"), .hanName, .literal("、"), .oneOrMore(.hanName), .nameEnd],
                       action: .person),
    ] + ["同", "和", "与", "及"].map { conjunction in
        // A name before a head of government's title after 同, 和, 与 or 及, the other side of a
        // meeting: 习近平同李显龙总理会谈, 习近平主席和李显龙总理.
        ExtractionRule(name: "name-before-state-title-after-\(conjunction)", priority: 3,
                       pattern: [.literal(conjunction), .hanName, .anyOf(["总理", "副总理", "总统", "首相"])],
                       action: .assignTitle(nil))
    }
}
