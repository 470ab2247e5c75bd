import NianbaoModel
import Testing

@Suite struct StringFormsTests {
    @Test func blanksAreTrimmedOfEveryKind() {
        #expect(" \u{3000}予以公开\u{00A0}\t".trimmingBlanks() == "予以公开")
        #expect("\u{FEFF}\u{200B}".trimmingBlanks() == "")
        #expect("不变".trimmingBlanks() == "不变")
    }

    @Test func whiteSpaceFoldsToSingleSpacesAndZeroWidthMarksVanish() {
        #expect("  共收到\t\n申请\u{3000}\u{3000}81 件 ".foldingWhitespace() == "共收到 申请 81 件")
        #expect("8\u{200B}1件\u{FEFF}".foldingWhitespace() == "81件")
        #expect(" \u{00A0} ".foldingWhitespace() == "")
        // Every kind of space the bytes C2, E1, E2 and E3 lead, beside characters that share those lead
        // bytes and are no space (· U+00B7, — U+2014, “ U+201C, 、U+3001, ， U+FF0C), and an emoji.
        #expect("a\u{0085}b\u{1680}c\u{2003}d\u{2028}e\u{202F}f\u{205F}g".foldingWhitespace() == "a b c d e f g")
        #expect("甲·乙—“丙”、丁，😀\u{2060}".foldingWhitespace() == "甲·乙—“丙”、丁，😀\u{2060}")
        #expect("\u{200B} 前\u{FEFF} \u{200B}后 ".foldingWhitespace() == "前 后")
    }

    @Test func blanksAtEitherEndAreFoundWhateverTheirLastByte() {
        // Ends whose bytes a blank could end with (U+3000 ends in 80, U+2060 in A0, a word joiner and no
        // blank) and ends no blank has (· U+00B7, 年).
        #expect("年\u{3000}".trimmingBlanks() == "年")
        #expect("\u{FEFF}年\u{200B}".trimmingBlanks() == "年")
        #expect("年\u{2060}".trimmingBlanks() == "年\u{2060}")
        #expect("·年·".trimmingBlanks() == "·年·")
        #expect("\u{00A0}".trimmingBlanks() == "")
        #expect("".trimmingBlanks() == "")
    }

    @Test func piecesKeepEmptyOnes() {
        #expect("a\t\tb\t".pieces(separatedBy: 0x09) == ["a", "", "b", ""])
        #expect("".pieces(separatedBy: 0x09) == [""])
        #expect("| 甲 |乙|".pieces(separatedBy: UInt8(ascii: "|")) == ["", " 甲 ", "乙", ""])
    }

    @Test func spacesAreUnicodesWhiteSpaceEveryOne() {
        // The list isSpace spells out against the property it stands for, over every scalar.
        let differing = (0...0x10FFFF).compactMap(Unicode.Scalar.init).filter { $0.isSpace != $0.properties.isWhitespace }
        #expect(differing.isEmpty, "\(differing.map { String($0.value, radix: 16) })")
    }

    @Test func prefixesAreComparedAsBytes() {
        #expect("本年新收政府信息公开申请数量".hasUTF8Prefix("本年新收"))
        #expect("本年新收".hasUTF8Prefix(""))
        #expect(!"本年".hasUTF8Prefix("本年新收"))
        #expect(!"本年新收".hasUTF8Prefix("本年结转"))
        #expect("ab".hasSameUTF8(as: "ab") && !"ab".hasSameUTF8(as: "abc"))
    }

    @Test func spacesAreRemovedAndSuffixesComparedAsWritten() {
        #expect("5 949\u{3000}万元 ".removingSpaces() == "5949万元")
        // Zero-width marks are no white space: removingSpaces keeps them, as it keeps a text without spaces.
        #expect("8\u{200B}1\u{00A0}件".removingSpaces() == "8\u{200B}1件")
        #expect("无空白".removingSpaces() == "无空白")
        #expect("251000元".hasUTF8Suffix("元"))
        #expect(!"251000万元".hasUTF8Suffix("件"))
        #expect(!"元".hasUTF8Suffix("万元"))
    }

    @Test func textIsFoundByItsBytesAnywhereInTheString() {
        let text = "本机关不掌握相关政府信息，本年度未收到"
        for needle in ["本机关", "未收到", "政府信息", "", text] { #expect(text.containsText(needle), "\(needle)") }
        // 关 (E5 85 B3) and 年 (E5 B9 B4) share a lead byte; 度未 is not there as 度收.
        for needle in ["关年", "度收", text + "。", "x"] { #expect(!text.containsText(needle), "\(needle)") }
        #expect("aab".containsText("ab"))
        #expect(!"".containsText("a"))
        #expect("".containsText(""))
    }

    @Test func bytesAreFoundFromAnOffset() {
        let hay = Array("--b\r\n--b\r\n".utf8), needle = Array("--b".utf8)
        let found = needle.withUnsafeBufferPointer { n in hay.withUnsafeBufferPointer { h in
            [0, 1, 5, 6].map { firstOffset(of: n, in: h, from: $0) }
        } }
        #expect(found == [0, 5, 5, nil])
    }

    @Test func bytesAndWholeTextsCompareAsUTF8() {
        #expect("a\tb".containsUTF8(0x09))
        #expect(!"表三".containsUTF8(UInt8(ascii: "-")))
        #expect(!"".containsUTF8(0))
        #expect("予以公开".hasSameUTF8(as: "予以公开"))
        #expect(!"予以公开".hasSameUTF8(as: "予以公"))
        #expect(!"予以公开".hasSameUTF8(as: "部分公开"))
        #expect("".hasSameUTF8(as: ""))
        // é composed and decomposed are equal Strings but not the same bytes.
        #expect(!"\u{E9}".hasSameUTF8(as: "e\u{301}"))
    }

    @Test func characterLimitsCountCharactersNotBytes() {
        #expect(!String(repeating: "年", count: 40).hasMoreCharacters(than: 40))
        #expect(String(repeating: "年", count: 41).hasMoreCharacters(than: 40))
        #expect(!"\r\n\r\n".hasMoreCharacters(than: 2))
        #expect("abc".hasMoreCharacters(than: 2))
        // Scalars that join into one character are counted as characters, wherever they stand.
        #expect(!"ab\u{3099}\u{309A}".hasMoreCharacters(than: 2))
        #expect(!"年年\u{301}\u{301}\u{301}".hasMoreCharacters(than: 2))
        #expect(!"“年”\u{200D}\u{200D}".hasMoreCharacters(than: 3))
        #expect("“年”\u{200D}\u{200D}a".hasMoreCharacters(than: 3))
        #expect("é😀\r\n".hasMoreCharacters(than: 2) && !"é😀\r\n".hasMoreCharacters(than: 3))
    }

    @Test func characterLimitsAgreeWithCountOnMixedScalars() {
        // One, two, three and four UTF-8 bytes; scalars of their own and scalars that join others.
        let scalars: [Unicode.Scalar] = ["a", " ", "\r", "\n", "\u{E9}", "\u{301}", "\u{3000}", "年", "，", "\u{200D}",
                                         "\u{3099}", "\u{1100}", "\u{1161}", "\u{1F600}", "\u{1F1E8}", "\u{FE0F}"]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(seed >> 33) % bound
        }
        for _ in 0..<3_000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<next(12) { text.append(scalars[next(scalars.count)]) }
            let string = String(text)
            for limit in 0...10 where string.hasMoreCharacters(than: limit) != (string.count > limit) {
                Issue.record("\(string.unicodeScalars.map { String($0.value, radix: 16) }) at \(limit)")
            }
        }
    }
}
