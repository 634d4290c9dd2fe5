import Testing
import ZhExtract

@Suite("Extraction rules")
struct RuleTests {
    @Test("the README's example: a built-in title chain, checked from a user's test")
    func readmeExample() throws {
        #expect(Extractor(rules: []).extract("市委书记杨亚林").persons.first?.titles.first?.title == "市委书记")
    }

    @Test("a user's rule: a title written after the name")
    func userRule() {
        let rules = [ExtractionRule(name: "chair-after", priority: 10, pattern: [.person, .literal("董事长")], action: .assignTitle("董事长"))]
        let p = Extractor(rules: rules).extract("会上，张三董事长介绍了情况。").persons
        #expect(p.map(\.name) == ["张三"])
        #expect(p.first?.titles.first?.title == "董事长")
        #expect(Extractor().extract("会上，张三董事长介绍了情况。").persons.isEmpty)
    }

    @Test("classes, optional elements and repeats")
    func classes() {
        let rules = [ExtractionRule(name: "place-leaders", priority: 1,
                                    pattern: [.place, .literal("领导班子成员"), .oneOrMore(.person)], action: .assignTitle("领导班子成员"))]
        let p = Extractor(rules: rules).extract("毕节市领导班子成员张欣、杨小强出席。").persons
        #expect(p.map(\.name) == ["张欣", "杨小强"])
        #expect(p.first?.titles.contains { $0.title == "领导班子成员" && $0.place == "毕节市" } == true)
    }

    @Test("built-in rules: bylines and names before their title")
    func builtin() {
        #expect(Extractor().extract("开展座谈会。 杨俊 摄").persons.first?.titles.first?.title == "摄")
        #expect(Extractor().extract("本文记者：朱虹 李独懿)").persons.map(\.name) == ["朱虹", "李独懿"])
        #expect(Extractor().extract("深入学习贯彻习近平总书记重要讲话").persons.first?.name == "习近平")
        // People named after what they are: 房主, 大学生; 成长 is no name.
        #expect(Extractor().extract("涉事房主吴治勇表示认罪。“95后”大学生母沿海和团队组建了合作社。").persons.map(\.name) == ["吴治勇", "母沿海"])
        #expect(!Extractor().extract("习近平同志对大学生成长成才始终高度重视。").persons.contains { $0.name == "成长" })
    }

    @Test("built-in rules: notices of appointment, removal and secondment give the post; a title ends at a post")
    func appointments() {
        func titles(_ text: String) -> [String: [String]] {
            Dictionary(uniqueKeysWithValues: Extractor().extract(text).persons.map { ($0.name, $0.titles.map(\.title)) })
        }
        #expect(titles("任命龙建军为县人民政府办公室主任；")["龙建军"] == ["县人民政府办公室主任"])
        #expect(titles("免去田小英的县教育局局长职务。")["田小英"] == ["县教育局局长"])
        // Posts listed after the matched one with 、 are the person's too.
        #expect(titles("免去贺荣的最高人民法院副院长、审判委员会委员、审判员职务。")["贺荣"] == ["最高人民法院副院长", "审判委员会委员", "审判员"])
        let next = titles("任命易炼红为全国人大华侨委员会副主任委员，颜珂为全国人大华侨委员会副主任委员。")
        #expect(next["易炼红"] == ["全国人大华侨委员会副主任委员"] && next["颜珂"] == ["全国人大华侨委员会副主任委员"], "\(next)")
        #expect(titles("钱嘉树同志挂任县人民政府副县长（挂职），协助县长分管东西部协作。")["钱嘉树"] == ["县人民政府副县长"])
        #expect(titles("王海洋同志挂任县人民医院副院长（挂职）。")["王海洋"] == ["副院长"])
        // Running text: 任 and 不再担任 after the holder, 当选为 a place's post; 代理县长 holds no 理县.
        #expect(titles("黎光耀任利川市委书记。")["黎光耀"] == ["市委书记"])
        #expect(titles("覃正阳不再担任利川市委书记职务。")["覃正阳"] == ["市委书记"])
        #expect(titles("谭敏当选为建始县县长。")["谭敏"] == ["县长"])
        #expect(!Extractor().extract("任命谭敏为建始县人民政府副县长、代理县长。").places.contains { $0.fullName == "理县" })
        // A list before the verb: each holds the post.
        let list = titles("王沪宁、蔡奇、丁薛祥同志担任副组长。")
        #expect(list["王沪宁"] == ["副组长"] && list["蔡奇"] == ["副组长"] && list["丁薛祥"] == ["副组长"], "\(list)")
        // A name opening an entry of a list of cadres.
        #expect(titles("1. 邴海洋，男，汉族，1990年1月生，中共党员。")["邴海洋"] == [])
        // Bodies alone are no title: an election to an unknown post gives the person, no title.
        #expect(titles("2018年，王雅丽当选全国人大代表。")["王雅丽"] == ["全国人大代表"])
        #expect(titles("任命葛晓燕为最高人民检察院副检察长。")["葛晓燕"]?.contains("最高人民检察院") != true)
    }
}
