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
    }

    @Test func spacesAreRemovedAndSuffixesComparedAsWritten() {
        #expect("5 949\u{3000}万元 ".removingSpaces() == "5949万元")
        #expect("251000元".hasUTF8Suffix("元"))
        #expect(!"251000万元".hasUTF8Suffix("件"))
        #expect(!"元".hasUTF8Suffix("万元"))
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
    }
}
