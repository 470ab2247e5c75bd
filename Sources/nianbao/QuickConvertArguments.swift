/// `convert`'s everyday forms (`convert FILE -q -t csv -o out.csv`) read without argument-parser. Its
/// parse, reflection over every command's options and a completion-script check, took more than half
/// of a one-page conversion's instructions. Anything else is nil and goes to argument-parser, which
/// gives the same request or its usage error: help, limits and time options, `--`, `--to=csv`,
/// bundled short flags, an option given twice or without a value, a value that starts with `-`, an
/// unknown choice, and a request that fails validation.
enum QuickConvertArguments {
    /// The request for `convert`'s arguments (after the word `convert`), or nil.
    static func request(_ arguments: [String]) -> ConvertRequest? {
        var request = ConvertRequest()
        var given = Set<String>()
        var index = 0
        /// The value after option `name`, once; nil ends the quick reading.
        func value(for name: String) -> String? {
            index += 1
            guard given.insert(name).inserted, index < arguments.count else { return nil }
            let value = arguments[index]
            return value.isEmpty || value.hasPrefix("-") ? nil : value
        }
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "-q", "--quiet":
                guard given.insert("quiet").inserted else { return nil }
                request.quiet = true
            case "--bom":
                guard given.insert("bom").inserted else { return nil }
                request.bom = true
            case "-t", "--to":
                guard let choice = value(for: "to").flatMap(ToFormat.init(rawValue:)) else { return nil }
                request.to = choice
            case "-f", "--from":
                guard let choice = value(for: "from").flatMap(FromFormat.init(rawValue:)) else { return nil }
                request.from = choice
            case "-o", "--output":
                guard let path = value(for: "output") else { return nil }
                request.output = path
            case "--name":
                guard let name = value(for: "name") else { return nil }
                request.name = name
            default:
                // An input: a path, or `-` for standard input; `help` and empty words are argument-parser's.
                guard argument == "-" || !argument.hasPrefix("-"), !argument.isEmpty, argument != "help" else { return nil }
                request.inputs.append(argument)
            }
            index += 1
        }
        guard (try? request.validate()) != nil else { return nil }
        return request
    }
}
