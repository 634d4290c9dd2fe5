/// The project's own lexicon of Chinese official titles: bodies, posts, level prefixes, and
/// the words that end a name.
enum TitleLexicon {
    /// Posts, longest first where one contains another.
    static let posts: [String] = """
        党组书记 党组副书记 党组成员 党工委书记 党委书记 党委副书记 总书记 第一书记 副书记 书记 常务副省长 常务副市长 常务副县长 \
        常务副区长 常务副州长 常委 委员 部长 副部长 主任委员 常务副主任 副主任 主任 副主席 主席 省长 副省长 市长 副市长 州长 \
        副州长 县长 副县长 区长 副区长 镇长 副镇长 乡长 副乡长 村支书 村主任 秘书长 副秘书长 副组长 组长 董事长 副董事长 \
        总经理 副总经理 总裁 副总裁 局长 副局长 厅长 副厅长 处长 副处长 院长 副院长 校长 队长 副队长 政委 主编 \
        全媒体记者 记者 通讯员 编辑 责任编辑 成员 \
        国家主席 国家副主席 中央军委主席 中央军委副主席 总理 副总理 国务委员 委员长 副委员长 总统 副总统 首相 国王 \
        外长 外交部长 大使 总干事 司令员 政治委员 检察长 部长助理 发言人 理事长 会长 副会长
        """.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\\" }).map(String.init)

    /// Bodies a post belongs to.
    static let bodies: [String] = """
        省委 市委 州委 县委 区委 旗委 盟委 党委 党工委 党组 人大常委会 人大 政协 人民政府 政府 纪委监委 纪委 监委 组织部 \
        宣传部 统战部 政法委 办公厅 办公室 发改委 工作队 工作组 领导小组 常委会 委员会 对口帮扶办 扶贫办 农业农村局 教育局 \
        卫生健康局 国资委 中共中央 国务院 全国人大 全国政协 集团 公司 日报 报社 电视台 \
        中央政治局 中央书记处 中央军委 最高人民法院 最高人民检察院 外交部 商务部 国防部 财政部 教育部 公安部 \
        国家发展改革委 国家监委 中央纪委 全国人大常委会 全国政协常委会
        """.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\\" }).map(String.init)

    /// Collective labels followed by a list of names.
    static let collectives: [String] = ["省领导", "市领导", "州领导", "县领导", "区领导", "镇领导", "乡领导", "校领导"]

    /// Characters that start a name's right boundary.
    static let boundaryChars: Set<Character> = ["，", "、", "。", "；", "：", ",", "（", "(", "「", "“", "\n", " ", "！", "？", "等", "）", ")", "”"]

    /// Words that may follow a name directly.
    static let boundaryWords: [String] = """
        以及 全程 专程 亲自 一道 一起 随后 随同 实地 现场 详细 陪同 参加 率领 率队 率团 率 带领 表示 说 指出 强调 主持 出席 一行 同志 代表 会见 介绍 分段 看望 调研 考察 讲话 致辞 \
        在 到 赴 前往 对 与 和 及 也 就 向 分别 先后 共同 作 一同 担任 任 当选 为 感谢 希望 要求 认为 摄 报道
        """.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\\" }).map(String.init)

    /// Compound surnames, then single ones (the project's own list of common surnames).
    static let compoundSurnames: [String] = ["欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文",
                                             "司徒", "夏侯", "轩辕", "令狐", "端木", "独孤", "南宫", "西门", "万俟", "呼延", "赫连", "澹台"]
    static let surnames: Set<Character> = Set("""
        王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪
        范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪
        庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕
        屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣
        巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝付虎桑揭母宣习奚虞向冉蔺钮阚薄晁练楚
        """.filter { !$0.isWhitespace })

    /// Characters that never stand in a given name here (function words, verbs of the titles'
    /// surroundings).
    static let notInNames: Set<Character> = Set("的了在和与及是为对把被等将从向于这那其该各此也都就并且而以所率赴到说指省市县区州镇乡村委会长记书主任副务国情请邀按照括包票美革")
}
