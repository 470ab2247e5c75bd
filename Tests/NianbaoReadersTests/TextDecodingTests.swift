import Testing
@testable import NianbaoReaders

@Suite struct TextDecodingTests {
    let sample = "二、主动公开政府信息情况\t规章“三安全一稳定”"

    @Test func utf8WithoutBOM() {
        let decoded = TextDecoding.decode(Array(sample.utf8))
        #expect(decoded.text == sample)
        #expect(decoded.encoding == "UTF-8")
    }

    @Test func utf8BOMIsDropped() {
        let decoded = TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array(sample.utf8))
        #expect(decoded.text == sample)
        #expect(decoded.encoding == "UTF-8")
    }

    @Test func gbkBytesAreDetectedAsGB18030() {
        // 政府 in GBK: D5 FE B8 AE; 年度报告: C4 EA B6 C8 B1 A8 B8 E6.
        let decoded = TextDecoding.decode([0xD5, 0xFE, 0xB8, 0xAE, 0xC4, 0xEA, 0xB6, 0xC8, 0xB1, 0xA8, 0xB8, 0xE6])
        #expect(decoded.text == "政府年度报告")
        #expect(decoded.encoding == "GB18030")
        #expect(decoded.diagnostics.isEmpty)
    }

    @Test func utf16LittleEndianWithBOM() {
        let units = Array(sample.utf16)
        let bytes: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let decoded = TextDecoding.decode(bytes)
        #expect(decoded.text == sample)
        #expect(decoded.encoding == "UTF-16LE")
    }

    @Test func bytesValidInNeitherAreReplacedAndReported() {
        // 0x80 alone and 0xFF are invalid in both UTF-8 and GB18030.
        let decoded = TextDecoding.decode([0x41, 0xFF, 0x80])
        #expect(decoded.text.hasPrefix("A"))
        #expect(decoded.diagnostics.map(\.code) == ["encoding.invalid"])
    }

    @Test func sha256OfKnownInputs() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(SHA256.hex(long) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func formatIsSniffedFromContent() {
        #expect(FormatSniffer.sniff([0x50, 0x4B, 0x03, 0x04, 0x14]) == .docx)
        #expect(FormatSniffer.sniff(Array("  <!DOCTYPE html><html><body>".utf8)) == .html)
        #expect(FormatSniffer.sniff(Array("一、总体情况\n<b>".utf8)) == .text)
    }

    @Test func nativeLibrariesAreLinked() {
        #expect(NativeLibraries.libxml2.hasPrefix("2."))
        #expect(NativeLibraries.libzip.hasPrefix("1."))
    }
}
