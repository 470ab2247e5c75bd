import ArgumentParser
import Nianbao

/// `nianbao keys`: the data dictionary of every canonical key, from the template data itself.
struct KeysCommand: ParsableCommand {
    /// How the dictionary is written.
    enum Form: String, ChoiceArgument { case markdown, csv, json }

    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "List every canonical key with its Chinese labels. 列出全部标准键及其中文标签。")

    @Option(name: [.short, .long], help: "markdown, csv (with a BOM) or json. 输出格式。")
    var to: Form = .markdown

    func run() throws {
        let out = try Output(path: nil)
        switch to {
        case .markdown: out.write(KeyDictionary.markdown())
        case .csv:
            out.write(CSVFormat.byteOrderMark + ([KeyDictionary.header] + KeyDictionary.records()).map(CSVFormat.record).joined())
        case .json:
            let entries = KeyDictionary.records().map { record in
                JSONValue.object(zip(KeyDictionary.header, record).map { ($0, JSONValue.string($1)) })
            }
            out.write(JSONValue.array(entries).rendered(pretty: true) + "\n")
        }
        try out.finish()
    }
}
