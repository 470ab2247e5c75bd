internal import CLibXML2

/// libxml2's functions, opened on the first DOCX or HTML page read (see CLibXML2's shim.h).
enum XMLLibrary {
    private static let opened: NianbaoXML? = nianbao_xml_open()?.pointee

    /// The functions; an error when libxml2 is not installed.
    static func functions() throws(ReaderError) -> NianbaoXML {
        guard let opened else {
            throw .unreadable("无法解析 XML 或 HTML：未安装 libxml2（libxml2）", "libxml2 is not installed")
        }
        return opened
    }

    /// libxml2's version as it reports it (20914 is 2.9.14); nil when it is not installed.
    static var version: String? {
        guard let number = opened?.parserVersion()?.pointee.map({ Int(String(cString: $0)) ?? 0 }) else { return nil }
        return "\(number / 10000).\(number / 100 % 100).\(number % 100)"
    }
}
