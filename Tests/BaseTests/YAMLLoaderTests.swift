import AtelierCore
import AtelierYAML
import XCTest

final class YAMLLoaderTests: XCTestCase {
    private func load(_ text: String) -> YAMLDocument { YAMLLoader.load(text) }

    private func kinds(_ text: String) -> [YAMLProblem.Kind] { load(text).problems.map(\.kind) }

    func testScalarsStayTextWithTheirStyle() throws {
        let root = try XCTUnwrap(load("a: no\nb: 14:30\nc: 1e3\nd: 2026-03-02\ne: 'NO'\nf: \"off\"\ng:\n").root)
        XCTAssertEqual(root["a"]?.content, .scalar("no", .plain))
        XCTAssertEqual(root["b"]?.content, .scalar("14:30", .plain))
        XCTAssertEqual(root["c"]?.content, .scalar("1e3", .plain))
        XCTAssertEqual(root["d"]?.content, .scalar("2026-03-02", .plain))
        XCTAssertEqual(root["e"]?.content, .scalar("NO", .singleQuoted))
        XCTAssertEqual(root["f"]?.content, .scalar("off", .doubleQuoted))
        XCTAssertEqual(root["g"]?.isEmpty, true)
    }

    func testPositionsAreOneBasedAndCountCharacters() throws {
        let root = try XCTUnwrap(load("titre: Médiathèque\nliste:\n  - élément\n").root)
        XCTAssertEqual(root.entries?[0].keyPosition, SourcePosition(line: 1, column: 1))
        XCTAssertEqual(root["titre"]?.position, SourcePosition(line: 1, column: 8))
        XCTAssertEqual(root["liste"]?.items?.first?.position, SourcePosition(line: 3, column: 5))
        let problems = load("nom: Éé: x\n").problems
        XCTAssertEqual(problems.first?.position, SourcePosition(line: 1, column: 8), "the column counts é as one character")
    }

    func testByteOrderMarkAndLineEndsAreAccepted() throws {
        let withBOM = load("\u{FEFF}a: 1\r\nb:\r\n  - x\r\n")
        XCTAssertEqual(withBOM.problems, [])
        XCTAssertEqual(withBOM.root?["a"]?.position, SourcePosition(line: 1, column: 4))
        XCTAssertEqual(withBOM.root?["b"]?.items?.first?.position, SourcePosition(line: 3, column: 5))
        let oldMac = load("a: 1\rb: 2\r")
        XCTAssertEqual(oldMac.problems, [])
        XCTAssertEqual(oldMac.root?["b"]?.position, SourcePosition(line: 2, column: 4))
    }

    func testRefusedConstructsAreEachReportedWhereTheyAre() {
        let problems = load("a: &x 1\nb: *x\nc: !!str 3\n<<: {d: 1}\na: 2\n").problems
        XCTAssertEqual(problems.map(\.kind), [.anchor("x"), .alias("x"), .tag("!!str"), .mergeKey, .duplicateKey("a", first: SourcePosition(line: 1, column: 1))])
        XCTAssertEqual(problems.map(\.position.description), ["1:4", "2:4", "3:4", "4:1", "5:1"])
        XCTAssertFalse(problems.contains(where: \.isFatal))
    }

    func testDuplicateKeyKeepsTheFirstValue() throws {
        let document = load("a: 1\na: 2\n")
        XCTAssertEqual(document.root?["a"]?.scalarText, "1")
        XCTAssertEqual(document.root?.entries?.count, 1)
    }

    func testSecondDocumentTabAndComplexKeyStopTheReading() {
        XCTAssertEqual(kinds("a: 1\n---\nb: 2\n"), [.multipleDocuments])
        XCTAssertEqual(load("a: 1\n---\nb: 2\n").root == nil, true)
        XCTAssertEqual(kinds("a:\n\tb: 1\n"), [.tabIndentation])
        XCTAssertEqual(load("a:\n\tb: 1\n").problems.first?.position, SourcePosition(line: 2, column: 1))
        XCTAssertEqual(kinds("? [a, b]\n: 1\n"), [.complexKey])
    }

    func testAHashtagAfterUnquotedTextIsReportedAsCuttingIt() {
        let document = load("titre: Été\nbut: avec le hashtag #MonQuartier60s\r\nnote: x # un vrai commentaire\nlien: \"#ancre\"\nid: a#b\n")
        XCTAssertEqual(document.problems, [YAMLProblem(.textCutByHash("#MonQuartier60s"), at: SourcePosition(line: 2, column: 22))])
        XCTAssertEqual(document.problems.first?.finding.severity, .warning)
        XCTAssertEqual(document.root?.entries?[1].value.content, .scalar("avec le hashtag", .plain))
    }

    func testATabAfterAColonIsNotIndentation() {
        XCTAssertEqual(load("a:\tb\n").problems, [])
    }

    func testInvalidUTF8IsReportedWithItsCharacterPosition() {
        let bytes: [UInt8] = Array("titre: Éco\nnom: M".utf8) + [0xE9] + Array("diath\n".utf8)
        let document = YAMLLoader.load(bytes)
        XCTAssertEqual(document.problems, [YAMLProblem(.invalidUTF8, at: SourcePosition(line: 2, column: 7))])
        XCTAssertNil(document.root)
        XCTAssertEqual(YAMLLoader.load([0xFF, 0xFE, 0x61, 0x00]).problems.first?.kind, .unsupportedEncoding("UTF-16"))
    }

    func testSyntaxErrorsBecomePlainSentences() throws {
        let unclosed = try XCTUnwrap(load("a: [1, 2\nb: 3\n").problems.first)
        XCTAssertEqual(unclosed.position, SourcePosition(line: 2, column: 2))
        XCTAssertEqual(unclosed.finding.message.en, "The YAML structure is broken here: the list opened with « [ » on line 1 is not closed with « ] ».")
        let quote = try XCTUnwrap(load("a: \"abc\nb: 2\n").problems.first)
        XCTAssertEqual(quote.finding.message.fr, "La structure YAML est cassée ici : les guillemets ouverts ligne 1 ne sont jamais fermés.")
        let misaligned = try XCTUnwrap(load("a:\n  b: 1\n   c: 2\n").problems.first)
        XCTAssertEqual(misaligned.kind, .syntax(problem: "misaligned key", openedAt: nil))
        let colon = try XCTUnwrap(load("nom: Éé: x\n").problems.first)
        XCTAssertEqual(colon.finding.message.en, "The YAML structure is broken here: a « : » follows text that is already a value; text containing « : » must be put in quotes.")
        XCTAssertEqual(colon.finding.rule, "yaml-syntax")
    }

    func testSizeLimit() {
        let limits = YAMLLimits(maxBytes: 100)
        let document = YAMLLoader.load(String(repeating: "a", count: 101), limits: limits)
        XCTAssertEqual(document.problems.map(\.kind), [.tooLarge(bytes: 101, limit: 100)])
        XCTAssertEqual(YAMLLoader.load(Array(repeating: UInt8(ascii: "#"), count: 5_000_001)).problems.first?.kind,
                       .tooLarge(bytes: 5_000_001, limit: 5_000_000))
    }

    func testDepthLimitStopsDeepNestingWithoutRecursion() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let document = load(deep)
        XCTAssertEqual(document.problems.map(\.kind), [.tooDeep(limit: 64)])
        XCTAssertNil(document.root)
        let atLimit = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        XCTAssertEqual(load(atLimit).problems, [])
    }

    func testNodeLimit() {
        let items = String(repeating: "1,", count: 200_001)
        let document = load("[\(items)]")
        XCTAssertEqual(document.problems.map(\.kind), [.tooManyNodes(limit: 200_000)])
        let small = YAMLLoader.load("[1, 2, 3]", limits: YAMLLimits(maxNodes: 3))
        XCTAssertEqual(small.problems.map(\.kind), [.tooManyNodes(limit: 3)])
    }

    func testLocatingPaths() throws {
        let root = try XCTUnwrap(load("a:\n  b: [x, y]\n  c:\nd: 1\n").root)
        XCTAssertEqual(root.position(of: FieldPath([.key("a"), .key("b"), .index(1)])), SourcePosition(line: 2, column: 10))
        XCTAssertEqual(root.position(of: FieldPath([.key("a"), .key("c")])), SourcePosition(line: 3, column: 3), "an empty value is located at its key")
        XCTAssertEqual(root.position(of: FieldPath([.key("a"), .key("missing")])), SourcePosition(line: 2, column: 3), "a missing key is located at its parent")
    }
}
