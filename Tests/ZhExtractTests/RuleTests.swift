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
    }
}
