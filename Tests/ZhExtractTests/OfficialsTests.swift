import Testing
import ZhExtract

private let extractor = Extractor()

private func titles(_ text: String, _ name: String) -> [String] {
    extractor.extract(text).persons.first { $0.name == name }?.titles.map(\.title) ?? []
}

@Suite("Officials")
struct OfficialsTests {
    @Test("a chain gives one title each")
    func chains() {
        #expect(titles("省委常委、市委书记彭佳学出席。", "彭佳学") == ["省委常委", "市委书记"])
        #expect(titles("贵州省政协副主席、毕节市委书记、市人大常委会主任周建琨等陪同。", "周建琨") == ["省政协副主席", "市委书记", "市人大常委会主任"])
    }

    @Test("titles attach to the place they name or imply")
    func places() {
        let r = extractor.extract("昭通市委书记杨亚林，市委副书记、市长郭大进率领考察团。")
        let guo = r.persons.first { $0.name == "郭大进" }
        #expect(guo?.titles.map(\.place) == ["昭通市", "昭通市"])
        #expect(guo?.titles.last?.org == "昭通市政府")
    }

    @Test("heads of government after 同 and 和, names of several athletes or villagers, foreign posts")
    func namesInMeetingsAndLists() {
        func people(_ text: String) -> [String] { extractor.extract(text).persons.map(\.name) }
        #expect(titles("习近平同李显龙总理会谈。", "李显龙") == ["总理"])
        #expect(titles("习近平主席和李显龙总理共同见证。", "李显龙") == ["总理"])
        #expect(people("中国选手盛李豪、黄雨婷搭档夺得冠军。") == ["盛李豪", "黄雨婷"])
        // Names run together are not split: 居民赵守成家中 has no 赵守 and no 成家中.
        #expect(!people("习近平来到社区居民赵守成家中。").contains { $0 == "赵守" || $0 == "成家中" })
        #expect(titles("欧盟委员会主席冯德莱恩表示，欧方愿意合作。", "冯德莱恩") == ["主席"])
        #expect(titles("越南国家主席武文赏邀请习近平访问越南。", "武文赏") == ["国家主席"])
        #expect(titles("澳门特别行政区行政长官贺一诚表示。", "贺一诚") == ["行政长官"])
        #expect(titles("美国国会议员琼斯访问上海。", "琼斯") == ["国会议员"])
        // A space after a post ends a headline item; 黎方 is Lebanon's side.
        #expect(people("以军称炸死一名哈马斯指挥官 哈马斯称打击以军车。").isEmpty)
        #expect(people("一名黎真主党武装指挥官 黎方称袭击以军。").isEmpty)
        #expect(people("欢迎日本国会议员来华参访。").isEmpty)
    }

    @Test("rarer surnames, Tibetan and Mongolian names, banner posts, reviewers' bylines")
    func namesOfLocalNews() {
        func people(_ text: String) -> [String] { extractor.extract(text).persons.map(\.name) }
        func compound(_ text: String) -> [String] { people(text) }
        #expect(titles("青川县委书记鞠文涛陪同考察。", "鞠文涛") == ["县委书记"])
        #expect(titles("州委常委、副州长尕藏东智，县委书记冶建忠出席。", "尕藏东智") == ["州委常委", "副州长"])
        #expect(titles("旗委书记呼斯楞，旗委副书记、旗长邬建军率代表团考察。", "呼斯楞") == ["旗委书记"])
        #expect(titles("旗委书记呼斯楞，旗委副书记、旗长邬建军率代表团考察。", "邬建军") == ["旗委副书记", "旗长"])
        #expect(titles("县长王建军通报情况。", "王建军") == ["县长"])
        // After a local post or a byline, a surname ZhKit does not list; not after a national post.
        #expect(titles("副县长居建华参加活动。", "居建华") == ["副县长"])
        #expect(titles("县委常委、副县长（挂职）殳海涛陪同。", "殳海涛") == ["县委常委", "副县长"])
        #expect(people("责任编辑：栾茜\n") == ["栾茜"])
        #expect(people("国家主席习近平强调，要坚持和完善人民代表大会制度。记者提问，县长治久安。").filter { $0 != "习近平" }.isEmpty)
        #expect(compound("区委书记申屠立峰出席。") == ["申屠立峰"])
        // Yi names: a clan name and a two-character given name; 殳 after a post that is not local.
        #expect(titles("龙胜县委常委、副县长（挂职）吉克曲布，驻村第一书记潘启明参加。", "吉克曲布") == ["县委常委", "副县长"])
        #expect(people("富平小组组长殳海涛参加考察。") == ["殳海涛"])
        // National news: 已 and 代行 end names; a state's officials listed after its name; 最高领袖;
        // a spouse after 和夫人; a name may start with a city's name (拉法兰, 拉法), not a country's.
        #expect(titles("国务院副总理张国清已率工作组赶赴现场。", "张国清") == ["国务院副总理"])
        #expect(people("伊朗第一副总统穆赫贝尔代行总统职权。") == ["穆赫贝尔"])
        #expect(titles("伊朗总统莱希、外交部长阿卜杜拉希扬等遇难。", "阿卜杜拉希扬") == ["外交部长"])
        #expect(titles("伊朗最高领袖哈梅内伊宣布全国哀悼。", "哈梅内伊") == ["最高领袖"])
        #expect(people("习近平和夫人彭丽媛出席。").contains("彭丽媛"))
        #expect(titles("法国总统特别代表、前总理拉法兰先后致辞。", "拉法兰") == ["总统特别代表", "前总理"])
        #expect(titles("俄罗斯总统普京已签署命令。", "普京") == ["总统"])
        #expect(titles("经合组织秘书长科尔曼参加。", "科尔曼") == ["秘书长"])
        #expect(people("南非总统祖马表示。联合国教科文组织总干事阿祖莱出席。") == ["祖马", "阿祖莱"])
        #expect(people("县长才让东智，作者：笪红霞\n") == ["才让东智", "笪红霞"])
        // A chain across a comma after a body's name opening its clause with its place.
        #expect(titles("会上，浙江省对口支援新疆工作前方指挥部党委书记、总指挥，阿克苏地委副书记（挂职）沈国梁表示。", "沈国梁")
                == ["浙江省对口支援新疆工作前方指挥部党委书记", "总指挥", "地委副书记"])
        // Mongolian names by their parts.
        #expect(titles("县农业农村局局长呼和巴特尔介绍。", "呼和巴特尔") == ["县农业农村局局长"])
        #expect(people("责任编辑：其木格\n") == ["其木格"])
        // 和 as a surname right after a local post; not before a group of people or a post.
        #expect(titles("州委书记和振宇，州长恒建新陪同。", "和振宇") == ["州委书记"])
        #expect(people("县委书记和群众座谈，县委书记和县长一起调研。").isEmpty)
        // A Mongolian name ending in 和; dotted Uyghur names; 次旺; 燕 and 普; 领队, 常务副书记.
        #expect(titles("于田县委常务副书记巴图孟和介绍情况。", "巴图孟和") == ["县委常务副书记"])
        #expect(people("县委书记吐尔逊古丽·热合曼，县长努尔艾力·阿不都拉陪同。") == ["吐尔逊古丽·热合曼", "努尔艾力·阿不都拉"])
        #expect(people("县委书记次旺罗布，作者：和丽梅\n") == ["次旺罗布", "和丽梅"])
        #expect(titles("杭州市对口帮扶恩施州工作队领队楼建忠，州政府副州长龚德明参加。", "楼建忠") == ["工作队领队"])
        // Tibetan names by their parts, also in a byline with spaces; Uyghur names with a dot.
        #expect(titles("县委副书记、县长次仁多吉介绍情况。", "次仁多吉") == ["县委副书记", "县长"])
        #expect(people("（江孜县融媒体中心 记者 尼玛次仁 拉巴卓嘎）") == ["尼玛次仁", "拉巴卓嘎"])
        #expect(titles("县委副书记、县长艾尔肯·吐尼亚孜介绍情况。", "艾尔肯·吐尼亚孜") == ["县委副书记", "县长"])
        #expect(titles("地委委员、行署副专员买买提江·阿不都热依木出席。", "买买提江·阿不都热依木") == ["地委委员", "行署副专员"])
        #expect(people("他提出建议，买买提出席。").isEmpty)
        #expect(people("编辑：芮思敏  审核：邢凯\n") == ["芮思敏", "邢凯"])
        // 作 before 总结 or 汇报 is no third character of the name; 呼吁 is no name.
        #expect(people("中央书记处书记蔡奇作总结讲话。") == ["蔡奇"])
        #expect(people("联合国秘书长古特雷斯呼吁拉美国家合作。") == ["古特雷斯"])
    }

    @Test("chains through a note (（挂职）、) and across a comma after a clause of titles; a post with its holder before it starts none")
    func chainsAcrossNotesAndCommas() {
        #expect(titles("红河州委常委、副州长（挂职）、上海援滇干部联络组红河小组组长夏侯婧出席。", "夏侯婧") == ["州委常委", "副州长", "组长"])
        #expect(titles("百色市委常委、副市长（挂职），粤桂协作工作队百色工作组组长公孙明哲，那坡县委书记农华出席。", "公孙明哲").count == 3)
        let cai = titles("分别陪同。福建省援宁工作队队长，永宁县委常委、副县长（挂职）蔡晓川参加。", "蔡晓川")
        #expect(cai.count == 3 && cai[0].hasSuffix("工作队队长") && cai.dropFirst() == ["县委常委", "副县长"])
        // A comma after a post that is not a clause of its own ends the chain.
        #expect(titles("他曾担任县委书记，副县长李四陪同。", "李四") == ["副县长"])
        // 马克龙总统 has its holder: 冯德莱恩 is no 总统.
        #expect(titles("习近平主席在巴黎同马克龙总统、欧盟委员会主席冯德莱恩举行会晤。", "冯德莱恩") == ["主席"])
        #expect(titles("加纳总统阿库福-阿多出席。", "阿库福-阿多") == ["总统"])
        // An unknown place before 省长 is no province of the text.
        let r = extractor.extract("浙江省代表团访问法国。法国西南部上比利牛斯省省长萨罗门出席。")
        #expect(r.persons.first { $0.name == "萨罗门" }?.titles.first?.org == nil)
    }

    @Test("a leader's name in a doctrine's name is no mention of the person")
    func doctrines() {
        let r = extractor.extract("中共中央总书记习近平出席会议。会议强调，要坚持以习近平新时代中国特色社会主义思想为指导。")
        #expect(r.persons.first { $0.name == "习近平" }?.mentions.count == 1)
    }

    @Test("names before verbs of receiving, watching and visiting; lists of those who took part")
    func namesBeforeVerbs() {
        let r = extractor.extract("受国务院委托，财政部部长蓝佛安受国务院委托作报告。国家主席习近平观看演出。副委员长铁凝作的报告。")
        #expect(Set(r.persons.map(\.name)) == ["蓝佛安", "习近平", "铁凝"])
        // Every name of a list before what they attended, none from inside a title (任李强 in 副主任李强).
        #expect(extractor.extract("陈吉宁、吴政隆参加上述活动。").persons.map(\.name) == ["陈吉宁", "吴政隆"])
        #expect(extractor.extract("委员会副主任李强、王沪宁、蔡奇出席会议。").persons.map(\.name) == ["李强", "王沪宁", "蔡奇"])
        #expect(extractor.extract("吴政隆参加座谈会。李干杰等陪同考察。").persons.map(\.name) == ["吴政隆", "李干杰"])
        // A note on the post between it and the name (副县长（挂职）刘大三).
        #expect(titles("盐源县人民政府副县长（挂职）刘大三参加活动。", "刘大三").last?.hasSuffix("副县长") == true)
        // A list, its number and a common post: each name holds it.
        #expect(titles("汤洪波、唐胜杰、江新林三名航天员顺利进驻空间站。", "江新林") == ["航天员"])
        // An election to a post gives the post.
        #expect(titles("会议选举，王小明当选为县长。", "王小明") == ["县长"])
        // Verbs and numbers are no names: 首相宣布, 领导人达成, 1200余人参加活动, 卢拉致慰问电.
        #expect(extractor.extract("英国首相宣布7月4日举行大选。两国最高领导人达成的共识。各界人士1200余人参加活动。").persons.isEmpty)
        #expect(extractor.extract("习近平向巴西总统卢拉致慰问电。").persons.map(\.name) == ["卢拉"])
        // A former holder's post keeps 前 or 原; 此前 and 日前 are words.
        #expect(titles("美国前总统特朗普表示。", "特朗普") == ["前总统"])
        #expect(titles("现任总统拜登和前总统特朗普。", "特朗普") == ["前总统"])
        #expect(titles("此前总统拜登表示。", "拜登") == ["总统"])
        // A foreign name written before its post (同武契奇总统会谈, 会见普京总统), not a word's end
        // (转达拜登总统), a qualifier (代理总统) or two countries (俄白外长).
        let before = extractor.extract("习近平同武契奇总统举行会谈。李强会见普京总统。请转达拜登总统的问候。代理总统出席。俄白外长表示。")
        #expect(Set(before.persons.map(\.name)).isSuperset(of: ["武契奇", "普京"]))
        #expect(before.persons.allSatisfy { !["达拜登", "代理", "俄白"].contains($0.name) })
        #expect(titles("李强会见普京总统。", "普京") == ["总统"])
        // More posts (新闻秘书, 审计长, 所长) and transliteration characters (舒, 济); a list after a
        // post stops at a place (安提瓜和巴布达 is no name); 当日 ends a name.
        #expect(titles("俄罗斯总统新闻秘书佩斯科夫当日称。", "佩斯科夫") == ["总统新闻秘书"])
        let list = extractor.extract("分别会见乌兹别克斯坦总统米尔济约耶夫、安提瓜和巴布达总理布朗。")
        #expect(list.persons.map(\.name) == ["米尔济约耶夫", "布朗"])
        #expect(list.places.map(\.name).contains("安提瓜和巴布达"))
        // Japan's officials are written in Han characters.
        #expect(titles("日本首相岸田文雄表示。", "岸田文雄") == ["首相"])
        #expect(titles("日本内阁官房长官林芳正说。", "林芳正") == ["官房长官"])
        // A monarch's number is part of the name.
        #expect(extractor.extract("约旦国王阿卜杜拉二世表示。").persons.map(\.name) == ["阿卜杜拉二世"])
        // A name is not mentioned inside a place (喀麦隆总统比亚, 利比亚).
        let biya = extractor.extract("喀麦隆总统比亚，利比亚总统委员会主席曼菲发来贺电。").persons.first { $0.name == "比亚" }
        #expect(biya?.mentions.count == 1)
    }

    @Test("a deputy's post names its level after 副: 副市长 and 副县长 take the place of their level")
    func deputyLevels() {
        let r = extractor.extract("昭通市委常委、副市长刘七介绍。盐源县干部大会上，挂职副县长赵九表示。")
        #expect(r.persons.first { $0.name == "刘七" }?.titles.last?.place == "昭通市")
        #expect(r.persons.first { $0.name == "刘七" }?.titles.last?.org == "昭通市政府")
        #expect(r.persons.first { $0.name == "赵九" }?.titles.first?.place == "盐源县")
        // 大妈 and 大爷 are no given names.
        #expect(!extractor.extract("村民张大妈说，今年收入翻了一番。").persons.map(\.name).contains("张大妈"))
    }

    @Test("ministries, national agencies and the NPC's committees are bodies: their posts keep them as the org")
    func nationalBodies() {
        let r = extractor.extract("受国务院委托，司法部部长贺荣作了说明。国家统计局局长康义出席。")
        #expect(r.persons.first { $0.name == "贺荣" }?.titles.map(\.org) == ["司法部"])
        #expect(r.persons.first { $0.name == "康义" }?.titles.map(\.title) == ["国家统计局局长"])
        // 作 after a two-character name is the verb (何平作的报告), not the name's third character.
        let npc = extractor.extract("宪法法律委副主任委员何平作的关于草案审议结果的报告。副主任委员徐辉作了说明。")
        #expect(npc.persons.map(\.name) == ["何平", "徐辉"])
        #expect(npc.persons.first?.titles.map(\.org) == ["宪法法律委"])
        // A committee's name reaches back to its first word (中央财经委员会), not to the verb before it.
        #expect(titles("中央财经委员会主任习近平主持会议。", "习近平") == ["中央财经委员会主任"])
        #expect(titles("应越南共产党中央委员会总书记阮富仲的邀请。", "阮富仲") == ["越南共产党中央委员会总书记"])
        // A country's one-character name before a post makes it foreign (俄国防部长).
        #expect(titles("同一天，俄国防部长绍伊古视察了部队。", "绍伊古") == ["国防部长"])
        #expect(titles("法国司法部长莫雷蒂出席。", "莫雷蒂") == ["司法部长"])
        // 日 after a day's number is the date, and a local post stays Chinese.
        let local = extractor.extract("贵州省毕节市召开会议。9月6日市委书记张三主持召开会议。").persons.first { $0.name == "张三" }
        #expect(local?.titles.first?.place == "毕节市")
    }

    @Test("a name ends before the verb of a letter, an inspection or a win")
    func verbsAfterNames() {
        #expect(titles("近日，国家主席习近平复信美国肯恩大学校长。", "习近平") == ["国家主席"])
        #expect(titles("美国空军中央司令部司令格林克维奇在声明中说。", "格林克维奇") == ["司令"])
        #expect(titles("苏丹武装部队总司令布尔汉派出的代表抵达。", "布尔汉") == ["总司令"])
        let athletes = Extractor().extract("中国选手黄娟夺得金牌，中国小将张杰夺得冠军。").persons.map(\.name)
        #expect(athletes == ["黄娟", "张杰"])
    }

    @Test("a post before a list of names holds for each; a name with its own post ends the list")
    func postLists() {
        let r = extractor.extract("中共中央政治局常委李强、赵乐际、王沪宁、蔡奇、丁薛祥、李希出席会议。")
        #expect(r.persons.map(\.name) == ["李强", "赵乐际", "王沪宁", "蔡奇", "丁薛祥", "李希"])
        #expect(r.persons.allSatisfy { $0.titles.map(\.title) == ["中共中央政治局常委"] })
        #expect(extractor.extract("国务院副总理丁薛祥、刘国中和张国清参加。").persons.map(\.name) == ["丁薛祥", "刘国中", "张国清"])
        #expect(titles("省委书记张三、省长李四出席", "李四") == ["省长"])
        // Two names joined by 和 are not a list: the second has no title here.
        #expect(extractor.extract("市委书记张三和李四交谈。").persons.map(\.name) == ["张三"])
    }

    @Test("names in appointments, lists without titles, names with 书, names before 回到")
    func moreNames() {
        let names = { (t: String) in extractor.extract(t).persons.map(\.name) }
        #expect(names("免去秦刚的外交部部长职务，任命王毅为外交部部长。") == ["秦刚", "王毅"])
        #expect(names("经表决，会议决定增补马晓伟、王东峰、曹军为十四届全国政协委员。") == ["马晓伟", "王东峰", "曹军"])
        #expect(names("王毅、尹力、李书磊、秦刚等出席对话会。") == ["王毅", "尹力", "李书磊", "秦刚"])
        #expect(names("全国政协委员兰臻回到福建漳州市实验小学。") == ["兰臻"])
        #expect(names("英国财政大臣亨特称，预算将调整。") == ["亨特"])
        #expect(names("田间地头，夏收、夏种、夏管正在火热进行。").isEmpty)
        #expect(names("刘捷发现村民任桂仙还没有回家。") == ["任桂仙"])
        #expect(names("冯士友生前是一名交通员。冯士友，1956年出生在江苏省。") == ["冯士友"])
        #expect(names("9月30日是烈士纪念日。").isEmpty)
        #expect(names("每周一、周三、周五开放，一边建设边调整。").isEmpty)
    }

    @Test("a post that names its level keeps it once; a foreign state's 州 is no level")
    func levels() {
        #expect(titles("贵州省省长李炳军出席。", "李炳军") == ["省长"])
        #expect(titles("毕节市政协主席张三出席。", "张三") == ["市政协主席"])
        #expect(titles("美国得克萨斯州州长阿博特表示。", "阿博特") == ["州长"])
        #expect(titles("巴基斯坦旁遮普省省长阿什拉夫表示。", "阿什拉夫") == ["省长"])
    }

    @Test("a named body's title starts after the verb before it")
    func namedBodies() {
        #expect(titles("会议听取了全国人大宪法和法律委员会主任委员李飞作报告。", "李飞") + titles("会议听取了全国人大宪法和法律委员会主任委员李飞作报告。", "李飞作")
                == ["全国人大宪法和法律委员会主任委员"])
        #expect(titles("韩正还会见了莫塔集团董事长卡洛斯·莫塔。", "卡洛斯·莫塔") == ["莫塔集团董事长"])
        #expect(titles("德国联邦议院气候保护和能源委员会主席克劳斯·恩斯特表示。", "克劳斯·恩斯特") == ["德国联邦议院气候保护和能源委员会主席"])
    }

    @Test("a foreign name ends where its characters do; sentence words after a post are no names")
    func foreignNames() {
        let names = { (t: String) in extractor.extract(t).persons.map(\.name) }
        #expect(names("现任总统埃尔多安获得52.14%的选票。") == ["埃尔多安"])
        #expect(names("武契奇总统来华出席论坛。") == ["武契奇"])
        #expect(names("两国领导人多次会晤。").isEmpty)
        #expect(names("卡塔尔首相兼外交大臣穆罕默德、俄罗斯自由民主党主席斯卢茨基出席。").contains("俄罗斯") == false)
    }

    @Test("collective labels with name lists")
    func collective() {
        let r = extractor.extract("市领导江先奎、余伟、陈真永、苏建宏以及全市各县县委书记参加。")
        #expect(r.persons.map(\.name) == ["江先奎", "余伟", "陈真永", "苏建宏"])
        #expect(r.persons.allSatisfy { $0.titles.first?.collective == true })
    }

    @Test("names are never cut short", arguments: [("副市长王斌达参加。", "王斌达"), ("州长阿石拉比分段陪同。", "阿石拉比"),
                                                    ("市委常委杨小强出席。", "杨小强"), ("州委书记虞平参加有关活动。", "虞平")])
    func wholeNames(text: String, name: String) {
        #expect(extractor.extract(text).persons.map(\.name) == [name])
    }

    @Test("known officials are found without a title")
    func known() {
        let x = Extractor(officials: ["虞平": [TitleAssignment(title: "州委书记", org: "凉山州委", place: nil)]])
        let p = x.extract("随后，虞平表示欢迎。").persons
        #expect(p.isEmpty || p.first?.name == "虞平")
    }
}

@Suite("Dates and amounts")
struct FactsTests {
    @Test("dates resolve against the publication date")
    func dates() {
        let r = extractor.extract("8月10日至11日，考察团赴毕节。11日下午召开座谈会。2016年以来累计投入。", published: Day(year: 2017, month: 8, day: 14))
        #expect(r.dates.map(\.start) == ["2017-08-10", "2017-08-11", "2016-01-01"])
        #expect(r.dates.map(\.end) == ["2017-08-11", "2017-08-11", nil])
        #expect(r.dates.map(\.granularity) == ["day", "day", "year"])
        let damaged = extractor.extract("秀山网讯 97日，县委书记向业顺率考察团赴合川。", published: Day(year: 2020, month: 9, day: 9))
        #expect(damaged.dates.first?.start == "2020-09-07")
        // A day alone after the publication day is last month's, unless the sentence looks ahead.
        let pub = Day(year: 2023, month: 8, day: 11)
        #expect(extractor.extract("31日上午，记者来到现场。", published: pub).dates.first?.start == "2023-07-31")
        #expect(extractor.extract("会议将于28日举行。", published: pub).dates.first?.start == "2023-08-28")
        #expect(extractor.extract("10日，习近平主持会议。", published: pub).dates.first?.start == "2023-08-10")
        #expect(extractor.extract("31日上午，记者来到现场。", published: Day(year: 2024, month: 1, day: 5)).dates.first?.start == "2023-12-31")
        // A span of years keeps both ends.
        let span = extractor.extract("《规划（2021—2030年）》发布。", published: pub).dates.first
        #expect(span?.start == "2021-01-01" && span?.end == "2030-12-31" && span?.granularity == "year")
        // Ranges across years keep both ends.
        let across = extractor.extract("2012年11月至2022年10月，累计投入。2022年12月31日至2023年1月2日举行。", published: pub).dates
        #expect(across.map(\.start) == ["2012-11-01", "2022-12-31"] && across.map(\.end) == ["2022-10-31", "2023-01-02"])
        // Halves and quarters of a year written just before them; 上半年 alone and 三季度末 are left.
        let parts = extractor.extract("2024年上半年经济增长。今年前三季度出口增长。去年四季度回升。截至三季度末。上半年工作。",
                                      published: Day(year: 2024, month: 10, day: 20)).dates
        #expect(parts.map(\.text) == ["2024年上半年", "今年前三季度", "去年四季度"])
        #expect(parts.map(\.start) == ["2024-01-01", "2024-01-01", "2023-10-01"] && parts.map(\.end) == ["2024-06-30", "2024-09-30", "2023-12-31"])
        // 前5月 and 前5个月 are the first five months; 前 before a day is not.
        let first5 = extractor.extract("前5月我国轻工业增长。今年前5个月出口增长。", published: pub).dates
        #expect(first5.map(\.start) == ["2023-01-01", "2023-01-01"] && first5.map(\.end) == ["2023-05-31", "2023-05-31"])
        #expect(extractor.extract("会议前5月12日发布。", published: pub).dates.first?.start == "2023-05-12")
        // 自…以来 with words between is open; 自…至… and a clause without 以来 are not.
        #expect(extractor.extract("该示范区自2018年揭牌以来，累计投资。", published: pub).dates.first?.end == nil)
        #expect(extractor.extract("自2018年至2020年，项目推进。", published: pub).dates.first?.end == "2020-12-31")
        #expect(extractor.extract("自2018年至2020年实施以来，项目推进。", published: pub).dates.first?.end == "2020-12-31")
        #expect(extractor.extract("自2018年，双方开展合作，以来往频繁。", published: pub).dates.first?.end == "2018-12-31")
    }

    @Test("days alone: 从…起 looks ahead and stays open; a day after the last one written moves to the next month; 本月, 上月")
    func daysAlone() {
        func dates(_ text: String, _ pub: Day) -> [String] {
            extractor.extract(text, published: pub).dates.map { "\($0.text)=\($0.start ?? "-")..\($0.end ?? "-")" }
        }
        #expect(dates("但从27日起，北方的高温再度发展。", Day(year: 2023, month: 6, day: 25)) == ["从27日起=2023-06-27..-"])
        // 从2022年的3% is no range: 从 is not the date's.
        #expect(dates("增速将从2022年的3%降至2%。", Day(year: 2023, month: 1, day: 26)) == ["2022年=2022-01-01..2022-12-31"])
        #expect(dates("7月31日，领导人遇袭身亡。议长1日表示，将予以回应。", Day(year: 2024, month: 8, day: 2))
                == ["7月31日=2024-07-31..2024-07-31", "1日=2024-08-01..2024-08-01"])
        #expect(dates("今年1月，事故发生。本月11日，警方公布了调查结果。", Day(year: 2023, month: 9, day: 16)).last == "11日=2023-09-11..2023-09-11")
        #expect(dates("自上月18日以来，警方逮捕多人。", Day(year: 2024, month: 5, day: 11)) == ["18日以来=2024-04-18..-"])
        // 以来 at the end of a long clause still opens the range.
        #expect(dates("自2018年计算机软件版权登记首度突破100万件以来，已连续6年保持百万件以上规模。", Day(year: 2024, month: 5, day: 11)) == ["自2018年=2018-01-01..-"])
        // Days after the roll go on in the new month; a day further back looks back.
        #expect(dates("7月30日，会议召开。31日，继续开会。1日，返回。2日，总结。", Day(year: 2024, month: 8, day: 25)).suffix(2)
                == ["1日=2024-08-01..2024-08-01", "2日=2024-08-02..2024-08-02"])
        #expect(dates("7月28日，会议召开。早在20日，筹备组就已成立。", Day(year: 2024, month: 8, day: 25)).last == "20日=2024-07-20..2024-07-20")
        // A day before 起 and a mark or a verb of starting opens a range; 起草 is a word.
        #expect(dates("11月10日起，新规施行。", Day(year: 2023, month: 11, day: 13)) == ["11月10日起=2023-11-10..-"])
        #expect(dates("3月1日起施行。", Day(year: 2023, month: 3, day: 1)) == ["3月1日起=2023-03-01..-"])
        #expect(dates("文件于11月10日起草。", Day(year: 2023, month: 11, day: 13)) == ["11月10日=2023-11-10..2023-11-10"])
        // A half or quarter opening its clause: the publication's year once over; 前五个月.
        #expect(dates("一季度，国内生产总值同比增长5.3%。今年前五个月，出口增长。", Day(year: 2024, month: 6, day: 16))
                == ["一季度=2024-01-01..2024-03-31", "今年前五个月=2024-01-01..2024-05-31"])
        #expect(dates("上半年，工作推进。", Day(year: 2024, month: 3, day: 16)).isEmpty)
        // 2022年底: the year's last month.
        #expect(dates("2022年底，项目完工。", Day(year: 2023, month: 5, day: 1)) == ["2022年底=2022-12-01..2022-12-31"])
        // 次日 after a count is no day (3次日常巡查).
        #expect(dates("5月1日，县里组织开展3次日常巡查。", Day(year: 2024, month: 5, day: 3)) == ["5月1日=2024-05-01..2024-05-01"])
        // 次日: the day after the last single day, across paragraphs and months.
        #expect(dates("9月30日下午，慰问团抵达拉萨。\n次日上午，慰问团参加升旗仪式。", Day(year: 2023, month: 10, day: 5)).last
                == "次日上午=2023-10-01..2023-10-01")
        #expect(dates("其次日程安排如下。", Day(year: 2023, month: 10, day: 5)).isEmpty)
        // A year opening its clause with 以来 later in it; not 以来 of another time.
        #expect(dates("2010年新一轮对口援疆工作启动以来，天津投入资金。", Day(year: 2024, month: 1, day: 26)) == ["2010年=2010-01-01..-"])
        #expect(dates("2023年成为有记录以来最热的一年。", Day(year: 2024, month: 1, day: 26)) == ["2023年=2023-01-01..2023-12-31"])
        #expect(dates("自1940年有记录以来最热的夏天。", Day(year: 2024, month: 1, day: 26)) == ["自1940年=1940-01-01..-"])
    }

    @Test("pairings: A结对帮扶B; partners (A与B开展东西部协作) with the richer side helping; every trigger of a sentence")
    func pairings() {
        let r = extractor.extract("浙江省湖州市与四川省广元市开展东西部协作，湖州市吴兴区结对帮扶广元市朝天区，自2021年起已投入资金8000余万元。")
        #expect(r.pairings.map(\.helper) == ["湖州市", "吴兴区"])
        #expect(r.pairings.map(\.helped) == ["广元市", "朝天区"])
        #expect(r.pairings.map(\.since) == ["2021", "2021"])
        // 今年是…的第四个年头: the relation began three years before the publication's year.
        let years = extractor.extract("今年是东莞市对口帮扶昭通市的第四个年头。", published: Day(year: 2024, month: 9, day: 17))
        #expect(years.pairings.first?.since == "2021")
        // A向B投入帮扶资金: A helps B.
        let toward = extractor.extract("截至目前，江阳区累计向盐源县投入财政帮扶资金1.37亿元。")
        #expect(toward.pairings.map(\.helper) == ["江阳区"] && toward.pairings.map(\.helped) == ["盐源县"])
        // The order of the partners does not decide who helps.
        let q = extractor.extract("四川省广元市与浙江省湖州市开展东西部协作。")
        #expect(q.pairings.first?.helper == "湖州市" && q.pairings.first?.helped == "广元市")
    }

    @Test("pairings: 对口协作, 结对, 东西部扶贫协作; two places of 、 with 两市 or 携手; the clause and the year it began")
    func morePairings() {
        func pairs(_ text: String) -> [String] { extractor.extract(text).pairings.map { "\($0.helper)>\($0.helped)@\($0.since ?? "-")" } }
        #expect(pairs("2010年以来，山东对口协作重庆14个区县。") == ["山东省>重庆市@2010"])
        #expect(pairs("1996年以来，天津与甘肃携手开展东西部扶贫协作。") == ["天津市>甘肃省@1996"])
        // 2013年…建立: the year it began; 张家港 after the comma is no side of 苏州、铜仁's relation.
        #expect(pairs("2013年苏州、铜仁两市建立对口帮扶关系，张家港与沿河携手奔小康。") == ["苏州市>铜仁市@2013", "张家港市>沿河土家族自治县@-"])
        #expect(pairs("自2021年西湖区与青川县结对开展东西部协作以来，两地合作。") == ["西湖区>青川县@2021"])
        #expect(pairs("广州、毕节携手开展东西部协作以来，广州市各级倾情帮扶。") == ["广州市>毕节市@-"])
        // The year of a report is not when the relation began.
        #expect(pairs("2023年杭州市与恩施州结对帮扶工作成效明显。") == ["杭州市>恩施土家族苗族自治州@-"])
        // A list is no pair, and a township is no side.
        #expect(pairs("盐源县、普格县要全面扛起对口帮扶主体责任。").isEmpty)
        // A subject further before 对口支援, in the same clause; a county's short form after it.
        #expect(pairs("日喀则市江孜县消息。1995年以来，上海先后选派十批援藏干部对口支援江孜。") == ["上海市>江孜县@1995"])
        // Every helped place of a list after the trigger.
        #expect(pairs("浙江省对口支援喀什市和塔什库尔干塔吉克自治县。") == ["浙江省>喀什市@-", "浙江省>塔什库尔干塔吉克自治县@-"])
        // A list of pairs before the trigger: each pair.
        #expect(pairs("省里确定深圳和汕尾，广州和清远、佛山和茂名等开展新一轮省内对口帮扶协作。") == ["深圳市>汕尾市@-", "广州市>清远市@-", "佛山市>茂名市@-"])
        #expect(pairs("广州与梅州、深圳与河源结对开展对口帮扶。") == ["广州市>梅州市@-", "深圳市>河源市@-"])
        // A place and one inside it are no pair.
        #expect(pairs("疏附县考察对口支援新疆工作，广州市对口支援疏附县。") == ["广州市>疏附县@-"])
        #expect(pairs("在福建的倾力帮扶下，闽宁镇从昔日的干沙滩变成了金沙滩。").isEmpty)
        // 定点帮扶 by a central body, going on in the next clause; a place is never its helper.
        #expect(pairs("水利部定点帮扶重庆市武隆区，同时定点帮扶丰都县和郧阳区。") == ["水利部>武隆区@-", "水利部>丰都县@-", "水利部>郧阳区@-"])
        #expect(pairs("武隆区同时定点帮扶丰都县。").isEmpty)
        // A clause going on with the same helper; not another subject's clause.
        #expect(pairs("深圳市与汕尾市结对开展对口帮扶，同时对口帮扶河源市。") == ["深圳市>汕尾市@-", "深圳市>河源市@-"])
        #expect(pairs("深圳市对口帮扶汕尾市。各企业开展结对帮扶，同时对口帮扶河源市。") == ["深圳市>汕尾市@-"])
        // A body's 定点帮扶 goes on within its story, not into the next one.
        #expect(pairs("水利部定点帮扶武隆区。\n### 另讯\n中国农业大学定点帮扶镇雄县。") == ["水利部>武隆区@-"])
        #expect(pairs("水利部自2015年起定点帮扶武隆区，同时定点帮扶丰都县。") == ["水利部>武隆区@2015", "水利部>丰都县@2015"])
        // A city helping a county below it, written around the trigger; not a county and its region.
        #expect(pairs("吉林市对口支援舒兰市。") == ["吉林市>舒兰市@-"])
        // 在A的…对口援助下，B…: A helps B, a county or larger opening the next clause.
        #expect(pairs("在上海市的对口援助下，莎车县建成了一批产业园。") == ["上海市>莎车县@-"])
        #expect(pairs("新疆喀什地区莎车县的巴旦木进入收获期，在上海市的对口援助下，这里建成了加工厂。") == ["上海市>莎车县@-"])
        // A list of pairs of townships, a side written with its county (昆山市千灯镇与碧江区坝黄镇).
        #expect(pairs("昆山市千灯镇与碧江区坝黄镇，张浦镇与云场坪镇，巴城镇与漾头镇，陆家镇与和平乡分别签订镇（乡）结对帮扶协议。")
                == ["千灯镇>坝黄镇@-", "张浦镇>云场坪镇@-", "巴城镇>漾头镇@-", "陆家镇>和平乡@-"])
        // 对口合作: the eastern side helps (北京 helps 沈阳, though Liaoning helps the west itself).
        #expect(pairs("沈阳市与北京市开展对口合作。") == ["北京市>沈阳市@-"])
        #expect(pairs("辽宁省大连市对口帮扶贵州省六盘水市。") == ["大连市>六盘水市@-"])
        // A start written between the sides and the trigger; two sides joined by a dot.
        #expect(pairs("江苏省苏州市与贵州省铜仁市自2013年起开展对口帮扶。") == ["苏州市>铜仁市@2013"])
        #expect(pairs("用好杭州·恩施东西部协作平台。") == ["杭州市>恩施土家族苗族自治州@-"])
        // Helped counties by their short forms in a list closed by its count.
        #expect(pairs("山东省对口支援疏勒、英吉沙、麦盖提、岳普湖四县。") == ["山东省>疏勒县@-", "山东省>英吉沙县@-", "山东省>麦盖提县@-", "山东省>岳普湖县@-"])
        // A table of pairs in a text about assistance; not a route of a trip.
        #expect(pairs("调整后的东西部协作结对关系如下：\n北京市 — 内蒙古自治区\n山东省 — 重庆市、甘肃省\n帮扶方：辽宁省大连市　受援方：贵州省六盘水市\n")
                == ["北京市>内蒙古自治区@-", "山东省>重庆市@-", "山东省>甘肃省@-", "大连市>六盘水市@-"])
        #expect(pairs("列车路线如下：\n北京市 — 天津市\n").isEmpty)
        // 我县: the page's own county, named by its chrome.
        #expect(pairs("玉屏侗族自治县人民政府\n首页 | 政务公开\n根据苏州市与铜仁市东西部协作工作安排，太仓市结对帮扶我县，今年选派4名干部来我县挂职。")
                .contains("太仓市>玉屏侗族自治县@-"))
    }

    @Test("amounts with a unit before 万 or 亿: 7千亿元, 近千亿元, 三千亿元; not 万亿元台阶 or 百亿元级")
    func unitAmounts() {
        let a = extractor.extract("签约金额近千亿元。超7千亿元投资。三千亿元资金。迈上万亿元台阶。百亿元级产业。").amounts
        #expect(a.map(\.text) == ["近千亿元", "7千亿元", "三千亿元"])
        #expect(a.map(\.yuan) == [1e11, 7e11, 3e11] && a.map(\.approximate) == [true, true, false])
        // "More than" after the unit: 2.3亿余元, 3亿多元.
        let after = extractor.extract("销售农特产品价值2.3亿余元，完成投资3亿多元。").amounts
        #expect(after.map(\.text) == ["2.3亿余元", "3亿多元"] && after.map(\.yuan) == [2.3e8, 3e8] && after.allSatisfy(\.approximate))
        // 近万元 is about ten thousand; 超, 超过 and 逾 make an amount approximate.
        let more = extractor.extract("人均增收近万元。投资超过1500万元，总投资超5000亿元，逾300万元。").amounts
        #expect(more.map(\.text) == ["近万元", "1500万元", "5000亿元", "300万元"] && more.map(\.yuan) == [1e4, 1.5e7, 5e11, 3e6])
        #expect(more.allSatisfy { $0.approximate })
        // 不超过 is an upper bound; 最近 is no 近.
        #expect(extractor.extract("补助不超过5000元。").amounts.first?.approximate == false)
        #expect(extractor.extract("最近万元户越来越多。").amounts.isEmpty)
        // 以上 after an amount: at least that much.
        #expect(extractor.extract("补助3500元以上。").amounts.first?.approximate == true)
        // 超 before a unit: more than a thousand 亿; not 不超过.
        let units = extractor.extract("投资超百亿元，超千亿元，补助不超过千万元。").amounts
        #expect(units.map(\.yuan) == [1e10, 1e11] && units.allSatisfy(\.approximate), "\(units)")
    }

    @Test("amounts in yuan, with approximation")
    func amounts() {
        let r = extractor.extract("累计投入帮扶资金14654.73万元，实施项目9500余万元，约2亿元，近500元。")
        #expect(r.amounts.map(\.yuan) == [146_547_300, 95_000_000, 200_000_000, 500])
        #expect(r.amounts.map(\.approximate) == [false, true, true, true])
    }
}

@Suite("Visits")
struct VisitTests {
    @Test("leaders inspecting places: 在/到/赴 a place, then 考察, 调研, 看望慰问; the date of the sentence")
    func inspections() {
        let published = Day(year: 2024, month: 2, day: 2)
        let a = extractor.extract("中共中央总书记、国家主席习近平春节前夕赴天津看望慰问基层干部群众。", published: published).visits
        #expect(a.map(\.to) == [["天津市"]] && a.first?.leaders == ["习近平"])
        let b = extractor.extract("2月1日至2日，中共中央总书记、国家主席习近平来到天津，看望慰问基层干部群众。", published: published).visits
        #expect(b.first?.start == "2024-02-01" && b.first?.end == "2024-02-02")
        #expect(extractor.extract("国务院总理李强在浙江调研时强调，要稳住外贸。").visits.map(\.to) == [["浙江省"]])
        // A local official's delegation comes from the place of the post; a provincial leader
        // inspecting a city of the province comes from nowhere said.
        let local = extractor.extract("福建省宁德市福安市市长陈六一行到甘肃省定西市渭源县调研。", published: published).visits
        #expect(local.first?.from == "福安市" && local.first?.to == ["渭源县"])
        let home = extractor.extract("贵州省委书记张三在毕节市调研。", published: published).visits
        #expect(home.first?.from == nil)
        // A date between the leader and 在 (李强1月29日至30日在陕西调研) is the visit's.
        let c = extractor.extract("中共中央政治局常委、国务院总理李强1月29日至30日在陕西调研。", published: published).visits
        #expect(c.first?.leaders == ["李强"] && c.first?.start == "2024-01-29" && c.first?.end == "2024-01-30")
        // Going home is no inspection.
        #expect(extractor.extract("国务院总理李强回到北京后主持会议。").visits.isEmpty)
        // A delegation does not come from where it goes.
        let same = extractor.extract("市委书记张三率市党政代表团赴杭州考察。", published: published).visits
        #expect(same.first?.to == ["杭州市"] && same.first?.from == nil)
        // An inbound delegation told by its host: 团来 a place.
        let inbound = extractor.extract("3月30日至4月2日，浙江省杭州市委副书记、市长盛卫东率杭州市党政代表团来恩施州考察东西部扶贫协作工作。", published: published).visits
        #expect(inbound.first?.from == "杭州市" && inbound.first?.to == ["恩施土家族苗族自治州"] && inbound.first?.leaders == ["盛卫东"])
        // Where a delegation is (在镇坪期间) is not whence it comes, nor is the host its leader.
        let there = extractor.extract("区委书记张涛率区党政代表团赴陕西省安康市镇坪县考察。镇坪县委书记揭晓东陪同考察。在镇坪期间，代表团一行先后来到曙坪镇。", published: published).visits
        #expect(there.allSatisfy { !$0.leaders.contains("揭晓东") })
    }

    @Test("state visits: the day the sentence opens with; the visitor before 应…邀请; a date between the visitor and 来华")
    func stateVisitDays() {
        let published = Day(year: 2023, month: 12, day: 12)
        let v = extractor.extract("当地时间12月12日中午，中共中央总书记、国家主席习近平乘专机抵达河内，应越南共产党中央委员会总书记阮富仲、越南社会主义共和国主席武文赏邀请，对越南进行国事访问。",
                                  published: published).visits
        #expect(v.first?.leaders == ["习近平"] && v.first?.to == ["越南"] && v.first?.from == "中国" && v.first?.start == "2023-12-12", "\(v)")
        let talks = extractor.extract("2月28日下午，国家主席习近平在人民大会堂同来华进行国事访问的塞拉利昂总统比奥举行会谈。",
                                      published: Day(year: 2024, month: 2, day: 28)).visits
        #expect(talks.first?.leaders == ["比奥"] && talks.first?.from == "塞拉利昂" && talks.first?.start == "2024-02-28", "\(talks)")
        let dated = extractor.extract("塞拉利昂总统比奥2月26日至3月2日来华进行国事访问。", published: Day(year: 2024, month: 2, day: 25)).visits
        #expect(dated.first?.leaders == ["比奥"] && dated.first?.start == "2024-02-26" && dated.first?.end == "2024-03-02", "\(dated)")
    }

    @Test("a visit told with 近日 takes the first day written soon after")
    func recentVisit() {
        let text = "陇南市人民政府\n首页 | 政务公开\n近日，以青岛市委常委、副市长皇甫宏远为团长的青岛市党政代表团一行到我市考察东西部协作工作。\n12日上午，联席会议在市行政中心召开。"
        let v = extractor.extract(text, published: Day(year: 2023, month: 9, day: 15)).visits
        #expect(v.first?.from == "青岛市" && v.first?.to == ["陇南市"] && v.first?.start == "2023-09-12", "\(v)")
    }

    @Test("a host meeting a delegation in the page's own place; the days of the whole trip written later")
    func metByHost() {
        let text = "吐鲁番市人民政府\n首页 | 政务公开\n5月17日，市委书记王建军在市委常委会议室会见了湖南省委常委、省委统战部部长欧阳蕾率领的湖南省党政代表团一行。"
            + "\n5月16日至18日，代表团一行先后深入高昌区、鄯善县、托克逊县考察。"
        let v = extractor.extract(text, published: Day(year: 2023, month: 5, day: 19)).visits
        #expect(v.count == 1 && v.first?.from == "湖南省" && v.first?.to == ["吐鲁番市"] && v.first?.leaders == ["欧阳蕾"], "\(v)")
        #expect(v.first?.start == "2023-05-16" && v.first?.end == "2023-05-18", "\(v)")
        // Without a page naming its place, a meeting is no visit.
        #expect(extractor.extract("5月17日，市委书记王建军会见了欧阳蕾率领的湖南省党政代表团一行。", published: Day(year: 2023, month: 5, day: 19)).visits.isEmpty)
    }

    @Test("state visits: not what a leader recalls or says to a guest; a delegation doing its work in a place (在江苏开展…)")
    func notRecalled() {
        let published = Day(year: 2024, month: 11, day: 9)
        #expect(extractor.extract("国家主席习近平同印度尼西亚总统普拉博沃举行会谈。习近平指出，你在今年3月当选总统后第一时间首访中国，正式就职后又首先对中国进行国事访问。",
                                  published: published).visits.allSatisfy { $0.leaders != ["习近平"] })
        let work = extractor.extract("州党委副书记、州长叶尔肯·胡安出席。5月22日至25日，叶尔肯·胡安率伊犁州党政代表团在江苏开展招商推介和考察对接活动。",
                                     published: Day(year: 2023, month: 5, day: 28)).visits
        #expect(work.first?.to == ["江苏省"] && work.first?.leaders == ["叶尔肯·胡安"] && work.first?.start == "2023-05-22", "\(work)")
    }

    @Test("深入 goes to a place only with the place right after it; a meeting sentence ending the text")
    func deepInto() {
        let v = extractor.extract("5月1日，泸州市委书记张三率泸州市党政代表团深入学习当地经验，并赴盐源县考察。", published: Day(year: 2024, month: 5, day: 3)).visits
        #expect(v.first?.to == ["盐源县"], "\(v)")
        // A text ending right after a delegation's name, with no mark (it was once read past its end).
        let end = extractor.extract("承德新闻网\n市委书记张三会见了湖南省委常委欧阳蕾率领的湖南省党政代表团", published: Day(year: 2024, month: 5, day: 3)).visits
        #expect(end.first?.from == "湖南省" && end.first?.to == ["承德市"] && end.first?.leaders == ["欧阳蕾"], "\(end)")
    }

    @Test("a leader's stops in townships and villages are no visits of their own")
    func stops() {
        let v = extractor.extract("11月21日至22日，省委副书记庄晓帆深入怒江州贡山独龙族怒族自治县调研。21日下午，庄晓帆来到马库村边境警务室看望民警。随后，庄晓帆在茨开镇调研了安置点。",
                                  published: Day(year: 2023, month: 11, day: 24)).visits
        #expect(v.map(\.to) == [["贡山独龙族怒族自治县"]], "\(v)")
    }

    @Test("inbound delegations to the page's own place: 来我市, 来承 on a site its chrome names")
    func ownPlace() {
        let published = Day(year: 2019, month: 6, day: 20)
        let chrome = "六盘水日报\n首页 | 时政 | 县区 | 专题\n当前位置：首页 > 时政\n"
        let body = "6月17日至19日，辽宁省大连市委副书记、市长丛日新率大连市党政代表团来我市考察东西部扶贫协作工作。"
        let ours = extractor.extract(chrome + body, published: published).visits
        #expect(ours.first?.to == ["六盘水市"] && ours.first?.from == "大连市" && ours.first?.leaders == ["丛日新"], "\(ours)")
        // Without a page naming its place, 我市 is no place.
        #expect(extractor.extract(body, published: published).visits.isEmpty)
        // The first character of the page's place, before a visit's verb or a mark.
        let short = extractor.extract("承德新闻网\n首页 | 承德新闻 | 县区动态\n8月20日至21日，天津市副市长曹斌率天津市考察团来承，对接对口帮扶工作。",
                                      published: published).visits
        #expect(short.first?.to == ["承德市"] && short.first?.from == "天津市", "\(short)")
        // Another character is no abbreviation of it.
        let other = extractor.extract("承德新闻网\n首页 | 承德新闻 | 县区动态\n8月20日，天津市副市长曹斌率天津市考察团来京，对接工作。",
                                      published: published).visits
        #expect(other.isEmpty, "\(other)")
    }

    @Test("delegations: 带队赴, 率…代表团到 a place; 受到 a place is no going")
    func delegations() {
        let published = Day(year: 2024, month: 11, day: 5)
        let a = extractor.extract("9月3日至5日，四川省凉山州委副书记、州长张三带队赴浙江省宁波市学习考察。", published: published).visits
        #expect(a.first?.leaders == ["张三"] && a.first?.to == ["宁波市"] && a.first?.from == "凉山彝族自治州")
        let b = extractor.extract("11月2日，泸州市委书记李四率泸州市党政代表团到盐源县考察对接东西部协作工作。", published: published).visits
        #expect(b.first?.leaders == ["李四"] && b.first?.to == ["盐源县"] && b.first?.start == "2024-11-02")
        let c = extractor.extract("我此次率中国党政代表团访问，受到朝鲜党和政府的热情接待。", published: published).visits
        #expect(c.isEmpty)
        // 湖州市副市长 is 副市长 (not 市副市长).
        #expect(titles("湖州市副市长赵六带领考察团来到广元市。", "赵六") == ["副市长"])
    }

    @Test("a state visit: the visitor, from their country, to China, with the visit's dates")
    func stateVisit() {
        // A Chinese leader going abroad comes from China.
        let abroad = extractor.extract("国务院总理李强将于6月13日至20日对新西兰、澳大利亚进行正式访问。", published: Day(year: 2024, month: 6, day: 10)).visits
        #expect(abroad.first?.from == "中国" && abroad.first?.leaders == ["李强"])
        let v = extractor.extract("波兰总统杜达将于6月22日至26日对中国进行国事访问。", published: Day(year: 2024, month: 6, day: 20)).visits
        #expect(v.first?.leaders == ["杜达"])
        #expect(v.first?.to == ["中国"])
        #expect(v.first?.start == "2024-06-22")
    }
}
