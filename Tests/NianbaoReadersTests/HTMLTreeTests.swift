import Testing
@testable import NianbaoReaders

/// The tree built from the HTML parser's events holds each node where libxml2's own tree put it:
/// each expected tree below is the one libxml2 2.9.14's htmlReadMemory built for the same page (its
/// lines, though, stopped at 65,535).
@Suite struct HTMLTreeTests {
    func tree(_ html: String, maximumDepth: Int = 512) throws -> String {
        func write(_ element: HTMLElement) -> String {
            "<\(element.name)>" + element.children.map { child in
                switch child {
                case .element(let inner): write(inner)
                case .text(let text): "[\(text)]"
                }
            }.joined() + "</\(element.name)>"
        }
        return write(try HTMLTree.parse(utf8: Array(html.utf8), maximumDepth: maximumDepth))
    }

    @Test func aCommentPartsTheTextAroundIt() throws {
        #expect(try tree("<p>a<!--c-->b</p>") == "<html><body><p>[a][b]</p></body></html>")
    }

    @Test func textTheParserHandsOverInPiecesIsOneText() throws {
        let long = String(repeating: "数", count: 3000)
        #expect(try tree("<p>\(long)&amp;\(long)</p>") == "<html><body><p>[\(long)&\(long)]</p></body></html>")
    }

    @Test func scriptsKeepTheirTextApartFromTheTextAround() throws {
        #expect(try tree("<p>a<script>x</script>b<style>s</style></p>")
                == "<html><body><p>[a]<script>[x]</script>[b]<style>[s]</style></p></body></html>")
    }

    @Test func anElementAfterTheRootClosedJoinsTheRoot() throws {
        #expect(try tree("<p>a</p></html><div>b</div>") == "<html><body><p>[a]</p></body><html><div>[b]</div></html></html>")
    }

    @Test func afterADoctypeOrACommentFirstSuchAnElementIsNotRead() throws {
        for page in ["<!DOCTYPE html><p>a</p></html><div>b</div>", "<!-- c --><p>a</p></html><div>b</div>",
                     "<p>a</p></html><!DOCTYPE html><div>b</div>"] {
            #expect(try tree(page) == "<html><body><p>[a]</p></body></html>")
        }
    }

    @Test func prefixedNamesAreReadWithoutTheirPrefix() throws {
        #expect(try tree("<o:p>a</o:p><v:shape>b</v:shape><x:>c</x:>")
                == "<html><body><p>[a]</p><shape>[b]</shape><x:>[c]</x:></body></html>")
    }

    @Test func elementsPastLineSixtyFiveThousandKeepTheirLine() throws {
        let page = String(repeating: "\n", count: 70_000) + "<p>a</p>"
        let root = try HTMLTree.parse(utf8: Array(page.utf8), maximumDepth: 512)
        guard case .element(let body) = root.children.first, case .element(let paragraph) = body.children.first else {
            Issue.record("no paragraph")
            return
        }
        #expect(paragraph.line == 70_001)
    }

    @Test func nestingPastTheParsersBoundOrTheLimitIsRefused() {
        let deep = "<html><body>" + String(repeating: "<div>", count: 300) + "x"
        #expect { try tree(deep, maximumDepth: 5) } throws: { "\($0)".contains("嵌套过深") }
        let shallow = String(repeating: "<div>", count: 10) + "x"
        #expect { try tree(shallow, maximumDepth: 5) } throws: { "\($0)".contains("嵌套超过 5 层") }
        #expect(throws: Never.self) { try tree(shallow, maximumDepth: 12) }
    }
}
