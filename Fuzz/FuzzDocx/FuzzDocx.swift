import FuzzSupport
import Nianbao

/// libFuzzer entry. Inputs that are zip packages go in whole; anything else is split at the
/// `partSeparator` lines into word/document.xml, word/numbering.xml and word/styles.xml of a
/// package built here with right checksums, so that mutations reach the XML walk, the numbering
/// and the styles rather than stopping at the zip's CRCs (Scripts/fuzz seeds with the fixtures'
/// parts in this form).
@_cdecl("FuzzDocx_main")
public func fuzzDocxMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runLibFuzzer(argc, argv) { data, size in data.map { fuzzDocx($0, size) } ?? 0 }
}

let partSeparator = Array("\n--nianbao-part--\n".utf8)

func fuzzDocx(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let package: [UInt8]
    if bytes.starts(with: [0x50, 0x4B]) {
        package = bytes
    } else {
        let parts = split(bytes)
        var entries = [("[Content_Types].xml", Array(contentTypes.utf8)), ("_rels/.rels", Array(relationships.utf8)),
                       ("word/_rels/document.xml.rels", Array(documentRelationships.utf8)), ("word/document.xml", parts[0])]
        if parts.count > 1 { entries.append(("word/numbering.xml", parts[1])) }
        if parts.count > 2 { entries.append(("word/styles.xml", parts[2])) }
        package = StoredZip.package(entries)
    }
    return exercise(package, as: .docx)
}

/// The input cut at each separator line.
func split(_ bytes: [UInt8]) -> [[UInt8]] {
    var parts: [[UInt8]] = [], start = 0, i = 0
    while i + partSeparator.count <= bytes.count {
        if bytes[i..<(i + partSeparator.count)].elementsEqual(partSeparator) {
            parts.append(Array(bytes[start..<i]))
            i += partSeparator.count
            start = i
        } else {
            i += 1
        }
    }
    parts.append(Array(bytes[start...]))
    return parts
}

let documentRelationships = """
    <?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" \
    Target="numbering.xml"/><Relationship Id="rId2" \
    Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
    """

let contentTypes = """
    <?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
    <Default Extension="xml" ContentType="application/xml"/></Types>
    """
let relationships = """
    <?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
    Target="word/document.xml"/></Relationships>
    """

/// A zip package with stored (uncompressed) entries, built in memory.
enum StoredZip {
    static func package(_ entries: [(String, [UInt8])]) -> [UInt8] {
        var out: [UInt8] = [], central: [UInt8] = []
        for (name, data) in entries {
            let offset = UInt32(out.count), crc = crc32(data), nameBytes = Array(name.utf8)
            let common = le16(20) + le16(0) + le16(0) + le16(0) + le16(0) + le32(crc) + le32(UInt32(data.count))
                + le32(UInt32(data.count)) + le16(UInt16(nameBytes.count)) + le16(0)
            out += le32(0x0403_4B50) + common + nameBytes + data
            central += le32(0x0201_4B50) + le16(20) + common + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset) + nameBytes
        }
        let directoryOffset = UInt32(out.count)
        out += central
        out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(entries.count)) + le16(UInt16(entries.count))
            + le32(UInt32(central.count)) + le32(directoryOffset) + le16(0)
        return out
    }

    private static func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
    private static func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }

    private static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
