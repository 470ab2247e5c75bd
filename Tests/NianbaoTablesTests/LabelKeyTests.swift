import Testing
@testable import NianbaoTables

@Suite struct LabelKeyTests {
    @Test func bracketWidthSpacingAndMarkersAreNormalised() {
        #expect(LabelKey("(一) 予以公开") == LabelKey("（一）予以公开"))
        #expect(LabelKey("（一）予以公开").marker == "一")
        #expect(LabelKey("商业 企业").text == "商业企业")
        #expect(LabelKey("商业\u{00A0}企业").text == "商业企业")
        #expect(LabelKey("3. 危及“三安全一稳定”") == LabelKey("3.危及\"三安全一稳定\""))
        #expect(LabelKey("三、本年度办理结果").marker == "三")
        #expect(LabelKey("第二十条第（一）项").text == "第二十条第一项")
        #expect(LabelKey("１．重复申请").marker == "1")
    }

    @Test func markersMustAgreeWhenBothHaveOne() {
        #expect(!LabelKey("2.重复申请").matches(LabelKey("3.重复申请")))
        #expect(LabelKey("重复申请").matches(LabelKey("2.重复申请")))
    }

    @Test func equalKeysHaveEqualWordsAndMarkersAndOneHash() {
        #expect(LabelKey("（一）予以公开") != LabelKey("（二）予以公开"))
        #expect(LabelKey("予以公开") != LabelKey("（一）予以公开"))
        #expect(LabelKey("（二）予以公开").hasSameWords(as: LabelKey("予以公开")))
        #expect(Set([LabelKey("(一) 予以公开"), LabelKey("（一）予以公开"), LabelKey("一、予以公开"), LabelKey("（二）予以公开")]).count == 2)
        #expect(LabelKey("（二）予以公开").words == LabelKey("予以公开"))
        #expect(Set([LabelKey("（一）予以公开").words, LabelKey("予以公开"), LabelKey("一、予以公开").words]).count == 1)
    }

    @Test func numbersAndUnclosedNumeralsAreNotMarkers() {
        #expect(LabelKey("1.5万元").marker == nil)
        #expect(LabelKey("一二三四、其他").marker == nil)
        #expect(LabelKey("(12) 其他").marker == "12")
        #expect(LabelKey("〔三〕其他").marker == "三")
        #expect(LabelKey("三其他").marker == nil)
        #expect(LabelKey("3，其他").marker == "3")
    }

    @Test func cutShortLabelsMatchButShortWordsDoNot() {
        let full = LabelKey("（二）部分公开（区分处理的，只计这一情形，不计其他情形）")
        #expect(LabelKey("(二) 部分公开 (区分处理的,").matches(full))
        #expect(!LabelKey("其他").matches(LabelKey("其他法律行政法规禁止公开")))
        #expect(LabelKey("其他法律").matches(LabelKey("其他法律行政法规禁止公开")))
        #expect(!LabelKey("其他法规").matches(LabelKey("其他法律行政法规禁止公开")))
        #expect(!LabelKey("、").matches(LabelKey("，")))
    }
}
