@testable import AtelierChecklist
import AtelierCore
import AtelierReport
@testable import AtelierTabular
import Foundation
import TestSupport
import XCTest
import ZIPFoundation

/// Ordinary-looking hostile inputs that used to crash the tool, read as less than they hold, or
/// be merged as if plausible: each is now a clear error (or finding) naming where and why.
final class HardeningTests: ScratchFolderTestCase {

    // MARK: Mockup values

    private func mockup(replacing target: String, with replacement: String) throws -> URL {
        let source = try String(contentsOf: Fixtures.examples.appendingPathComponent("voix-du-quartier.yaml"), encoding: .utf8)
        XCTAssertTrue(source.contains(target), target)
        let url = folder.appendingPathComponent("maquette.yaml")
        try source.replacingOccurrences(of: target, with: replacement).write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func testNumbersAndDatesOutsideWhatAtelierHandlesAreFindingsNotCrashes() throws {
        let cases = [("expected: 12", "expected: 9223372036854775807", "« 9223372036854775807 » is outside the values Atelier accepts here (from 0 to 1000000000)."),
                     ("  end: 2026-06-30", "  end: 9999-12-31", "« 9999-12-31 » is outside the values Atelier accepts here (from 1900-01-01 to 2200-12-31).")]
        for (target, replacement, message) in cases {
            let url = try mockup(replacing: target, with: replacement)
            let check = try AtelierProcess.run(["check", url.path, "--lang", "en", "--format", "json"])
            XCTAssertEqual(check.status, 1, check.error)
            XCTAssertTrue(check.output.contains("\"rule\": \"out-of-range\"") && check.output.contains(message), check.output)
            let render = try AtelierProcess.run(["render", url.path, "--html", folder.appendingPathComponent("fiche.html").path, "--lang", "en"])
            XCTAssertEqual(render.status, 0, render.error)
        }
        let widest = try mockup(replacing: "  end: 2026-06-30", with: "  end: 2200-12-31")
        let render = try AtelierProcess.run(["render", widest.path, "--html", folder.appendingPathComponent("fiche.html").path])
        XCTAssertEqual(render.status, 0, render.error)
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("fiche.html").path)[.size] as? Int)
        XCTAssertLessThan(size, 2_000_000, "two centuries of timeline stay a page, not megabytes")
    }

    // MARK: Damaged workbooks

    private func workbook(_ sheet: String, shared: String? = nil) throws -> String {
        let url = folder.appendingPathComponent("export-\(UUID().uuidString).xlsx")
        try Fixtures.workbook(at: url, rows: sheet, sharedStrings: shared)
        return url.path
    }

    private func assertRefused(_ path: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try {
            var reader = try TableFile.open(path: path)
            while try reader.nextRow() != nil {}
        }(), file: file, line: line) { error in
            let message = (error as? TableError)?.message.en ?? "\(error)"
            XCTAssertTrue(message.contains(expected), message, file: file, line: line)
        }
    }

    func testDamagedWorkbooksAreErrorsNeverFewerOrEmptyAnswers() throws {
        let end = "</sheetData></worksheet>"
        assertRefused(try workbook(#"<row r="-5"><c r="A2" t="inlineStr"><is><t>x</t></is></c></row>"# + end), "a row numbered « -5 » after row 1")
        assertRefused(try workbook(#"<row r="1099511627776"><c r="A2" t="inlineStr"><is><t>x</t></is></c></row>"# + end), "rows run from 1 to 1048576")
        assertRefused(try workbook(#"<row r="3"><c r="A3" t="inlineStr"><is><t>x</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>y</t></is></c></row>"# + end),
                      "a row numbered « 2 » after row 3")
        assertRefused(try workbook(#"<row r="2"><c r="A2" t="s"><v>7</v></c></row>"# + end, shared: #"<sst><si><t>oui</t></si></sst>"#),
                      "cell A2 refers to shared text number 7, but the file has only 1")
        assertRefused(try workbook(#"<row r="2"><c r="A2"><f>1+1</f></c></row>"# + end), "cell A2 holds a formula whose result is not saved in the file")
        assertRefused(try workbook(#"<row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>y</t></is>"#),
                      "the sheet S stops before its end")
        var reader = try TableFile.open(path: try workbook(#"<row r="2"><c r="A2" t="str"><f>A1</f><v></v></c><c r="B2" t="inlineStr"><is><t>x</t></is></c></row>"# + end))
        XCTAssertEqual(try reader.nextRow()?.cells, ["", "x"], "a formula whose saved result is empty is an empty answer")
    }

    private func spreadsheet(_ rows: String) throws -> String {
        let url = folder.appendingPathComponent("export-\(UUID().uuidString).ods")
        let archive = try Archive(url: url, accessMode: .create)
        let content = #"<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" "#
            + #"xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">"#
            + #"<office:body><office:spreadsheet><table:table table:name="S"><table:table-row><table:table-cell office:value-type="string"><text:p>a</text:p></table:table-cell></table:table-row>"#
            + rows + "</table:table></office:spreadsheet></office:body></office:document-content>"
        for (path, text) in [("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", content)] {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return url.path
    }

    func testSpreadsheetRepeatCountsAreBoundedPerFile() throws {
        let cell = #"<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>"#
        assertRefused(try spreadsheet(#"<table:table-row table:number-rows-repeated="-3">"# + cell + "</table:table-row>"),
                      #"« table:number-rows-repeated="-3" »: a repeat count is a whole number from 1 up"#)
        assertRefused(try spreadsheet(#"<table:table-row><table:table-cell office:value-type="string" table:number-columns-repeated="-2"><text:p>x</text:p></table:table-cell></table:table-row>"#),
                      #"« table:number-columns-repeated="-2" »"#)
        let many = String(repeating: #"<table:table-row table:number-rows-repeated="60000">"# + cell + "</table:table-row>", count: 2)
        assertRefused(try spreadsheet(many), "a row repeated 60000 times, beyond the 100000 repeated rows a file may hold")
        let emptyRun = #"<table:table-row table:number-rows-repeated="9223372036854775807"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#
        var reader = try TableFile.open(path: try spreadsheet("<table:table-row>" + cell + "</table:table-row>" + emptyRun))
        XCTAssertEqual(try reader.nextRow()?.cells, ["x"])
        XCTAssertNil(try reader.nextRow(), "a huge run of empty rows, as LibreOffice writes at the end of a sheet, ends the table without overflow")
        assertRefused(try spreadsheet(emptyRun + "<table:table-row>" + cell + "</table:table-row>"), "a row past the last row a sheet can have (1048576)")
    }

    // MARK: Aggregates

    func testMergeRefusesImplausibleNumbersAndTheSameAggregateTwice() throws {
        let mockup = Fixtures.examples.appendingPathComponent("voix-du-quartier.yaml").path
        var aggregates: [URL] = []
        for site in ["mediatheque", "centre-social"] {
            let url = folder.appendingPathComponent("\(site).json")
            let run = try AtelierProcess.run(["impact", mockup, "--responses", "Examples/sites/voix-du-quartier/\(site).csv", "--aggregate", url.path])
            XCTAssertEqual(run.status, 0, run.error)
            aggregates.append(url)
        }
        func edited(_ name: String, _ change: (inout [String: Any]) -> Void) throws -> String {
            var document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: aggregates[0])) as? [String: Any])
            var aggregate = try XCTUnwrap(document["aggregate"] as? [String: Any])
            var questions = try XCTUnwrap(aggregate["questions"] as? [String: Any])
            var q1 = try XCTUnwrap(questions["Q1"] as? [String: Any])
            change(&q1)
            questions["Q1"] = q1
            aggregate["questions"] = questions
            document["aggregate"] = aggregate
            let url = folder.appendingPathComponent(name)
            try JSONSerialization.data(withJSONObject: document).write(to: url)
            return url.path
        }
        let cases: [(String, String)] = [
            (try edited("nan.json") { q1 in q1["values"] = ["nan": 3] }, "« questions.Q1.values » is nan"),
            (try edited("negative.json") { q1 in q1["answered"] = -40 }, "« questions.Q1.answered » is -40"),
            (try edited("huge.json") { q1 in q1["missing"] = 4.9e16 }, "« questions.Q1.missing » is 4.9e+16"),
        ]
        for (path, expected) in cases {
            let run = try AtelierProcess.run(["merge", path, aggregates[1].path, "--lang", "en"])
            XCTAssertEqual(run.status, 2)
            XCTAssertTrue(run.error.contains(expected) && run.error.contains("ask the site for it again"), run.error)
        }
        let copy = folder.appendingPathComponent("copie.json")
        try FileManager.default.copyItem(at: aggregates[0], to: copy)
        let twice = try AtelierProcess.run(["merge", aggregates[0].path, aggregates[1].path, copy.path, "--lang", "fr"])
        XCTAssertEqual(twice.status, 2)
        XCTAssertEqual(twice.error, "atelier: \(aggregates[0].path) et \(copy.path) sont le même agrégat : il serait compté deux fois. Gardez-en un seul.\n")
        XCTAssertEqual(try AtelierProcess.run(["merge", aggregates[0].path, aggregates[1].path]).status, 0)
    }

    // MARK: Terminal, text work, patterns

    func testTextFromFilesNeitherDrivesTheTerminalNorForgesALine() throws {
        let url = folder.appendingPathComponent("maquette\nfaux.yaml:1:1: error: forged.yaml")
        // YAML's own escapes put an escape character and a bell into a value the messages quote.
        try #"format: atelier/1\#ntitle: Titre\#ninstitution: {name: Musée, type: "\e[2J\e]0;pwned\amusee", city: Lille, country: FR}\#n"#
            .write(to: url, atomically: true, encoding: .utf8)
        let run = try AtelierProcess.run(["check", url.path, "--lang", "en"])
        XCTAssertFalse(run.output.contains("\u{1B}") || run.error.contains("\u{1B}"), "no escape character reaches the terminal")
        XCTAssertTrue(run.output.contains("\\x1b[2J"), run.output)
        for line in run.output.split(separator: "\n") where line.contains("forged.yaml") {
            XCTAssertTrue(line.contains("maquette\\nfaux.yaml"), "the file name's line break is shown, not obeyed: \(line)")
        }
        XCTAssertEqual(TerminalText.safe("a\u{9B}b\u{7F}\tc\r"), "a\\x9bb\\x7f\tc\\r")
    }

    func testALongSourceLineIsShownAsAWindowAroundTheColumn() {
        let line = Substring(String(repeating: "a", count: 300) + "X" + String(repeating: "b", count: 300))
        let (excerpt, lead) = TerminalText.window(line, column: 301)
        XCTAssertEqual(excerpt, "…" + String(repeating: "a", count: 50) + "X" + String(repeating: "b", count: 49) + "…")
        XCTAssertEqual(lead.count, 51, "the caret stays under the X")
        XCTAssertEqual(TerminalText.window("court", column: 3).excerpt, "court")
    }

    func testEditDistanceIsBoundedOnLongTexts() {
        XCTAssertEqual(TextMatching.editDistance("objectifs", "objectives"), 2)
        let long = String(repeating: "x", count: 1_000_000)
        XCTAssertGreaterThan(TextMatching.editDistance(long, long + "y"), TextMatching.comparedLength, "long texts are far, without comparing a million letters")
        XCTAssertEqual(TextMatching.closest(to: "titel", among: [long, "title"]), ["title"])
    }

    func testPatternsWithNestedRepetitionAreRefusedWhenTheChecklistLoads() throws {
        for pattern in ["(a+)+$", "^(\\w*x)*$", "((ab)*c)+", "(a{2,})+", "(?:[a-z]+\\s?)*"] {
            XCTAssertTrue(NSRegularExpressionBox.hasNestedRepetition(pattern), pattern)
        }
        for pattern in ["^[^.;!?]+[.!?]?$", "^(a|b)+$", "([.,][0-9]+)?", "[(a+)+]", "\\(a+\\)+", "(ab)+c*"] {
            XCTAssertFalse(NSRegularExpressionBox.hasNestedRepetition(pattern), pattern)
        }
        let checklist = folder.appendingPathComponent("liste.yaml")
        let source = try String(contentsOf: Fixtures.examples.appendingPathComponent("checklists/reseau-mediatheques.yaml"), encoding: .utf8)
        try source.replacingOccurrences(of: "check: {count-between: [1]}", with: #"check: {matches: "^(\\w+\\s?)*$"}"#)
            .write(to: checklist, atomically: true, encoding: .utf8)
        let run = try AtelierProcess.run(["check", "Examples/voix-du-quartier.yaml", "--checklist", checklist.path, "--lang", "en"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.error.contains(":20:") && run.error.contains("a repeated group in it holds a repetition itself"), run.error)
    }

    // MARK: Rows accounted for, memory bounded

    func testExcludedRowsAreAllCountedButOnlyTheFirstAreKept() throws {
        let export = try String(contentsOf: Fixtures.examples.appendingPathComponent("surveys/voix-du-quartier-google.csv"), encoding: .utf8)
        let lines = export.split(whereSeparator: \.isNewline)
        let csv = folder.appendingPathComponent("copies.csv")
        try ([String(lines[0])] + Array(repeating: String(lines[1]), count: 2_501)).joined(separator: "\n").write(to: csv, atomically: true, encoding: .utf8)
        let json = folder.appendingPathComponent("impact.json"), xlsx = folder.appendingPathComponent("impact.xlsx")
        let run = try AtelierProcess.run(["impact", "Examples/voix-du-quartier.yaml", "--responses", csv.path, "--json", json.path, "--xlsx", xlsx.path, "--lang", "en"])
        XCTAssertEqual(run.status, 0, run.error)
        let responses = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any])?["responses"] as? [String: Any])
        XCTAssertEqual(responses["rows"] as? Int, 2_501)
        XCTAssertEqual(responses["used"] as? Int, 1)
        XCTAssertEqual(responses["excluded"] as? Int, 2_500)
        XCTAssertEqual(responses["excluded_by_kind"] as? [String: Int], ["duplicate": 2_500])
        XCTAssertEqual((responses["exclusions"] as? [Any])?.count, 1_000)
        XCTAssertEqual(responses["exclusions_not_listed"] as? Int, 1_500)
        var sheet = try XLSXReader(path: xlsx.path, sheet: "Excluded rows")
        var rows: [[String]] = []
        while let row = try sheet.nextRow() { rows.append(row.cells) }
        XCTAssertEqual(rows.count, 1_000 + 2, "\(rows.suffix(3))")
        guard rows.count == 1_002 else { return }
        XCTAssertTrue(rows[1_000][0].hasPrefix("1500 more excluded row(s) or refused answer(s) are not listed one by one"), rows[1_000][0])
        XCTAssertEqual(rows[1_001].prefix(2), ["duplicate (same answers as an earlier row)", "2500"])
    }

    // MARK: Writers that never drop silently

    func testLongTextsAreCutWithAMarkAndSaidAndUnfitCharactersReplaced() throws {
        var reader = try TableFile.open(path: Fixtures.examples.appendingPathComponent("surveys/voix-du-quartier-google.csv").path)
        let header = reader.header
        var row = try XCTUnwrap(reader.nextRow()).cells
        let number = try XCTUnwrap(header.firstIndex { $0.hasPrefix("Combien de lieux") })
        row[number] = String(repeating: "x", count: 40_000)
        var second = try XCTUnwrap(reader.nextRow()).cells
        second[number] = "deux\u{FFFF}"
        let csv = folder.appendingPathComponent("long.csv"), xlsx = folder.appendingPathComponent("impact.xlsx")
        try (CSVWriter.line(header) + CSVWriter.line(row) + CSVWriter.line(second)).write(to: csv, atomically: true, encoding: .utf8)
        let run = try AtelierProcess.run(["impact", "Examples/voix-du-quartier.yaml", "--responses", csv.path, "--xlsx", xlsx.path, "--lang", "en"])
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertTrue(run.error.contains("\(xlsx.path): 1 text(s) longer than a cell can hold (32,767 characters) were cut; each ends with « […] »."), run.error)
        var sheet = try XLSXReader(path: xlsx.path, sheet: "Excluded rows")
        var values: [String] = []
        while let line = try sheet.nextRow() { values.append(line.cells[3]) }
        XCTAssertEqual(values.map(\.count), [32_767, 5])
        XCTAssertTrue(values[0].hasSuffix("x […]"))
        XCTAssertEqual(values[1], "deux\u{FFFD}", "a character XML cannot hold is replaced, so the file stays well-formed")
    }

    // MARK: Outputs know files, not names

    func testOutputsThatAreInputsPipesDevicesOrEachOtherAreRefused() throws {
        let mockup = Fixtures.examples.appendingPathComponent("voix-du-quartier.yaml").path
        let export = folder.appendingPathComponent("export.csv")
        try FileManager.default.copyItem(at: Fixtures.examples.appendingPathComponent("surveys/voix-du-quartier-google.csv"), to: export)
        let other = folder.appendingPathComponent("autre-nom.json")
        XCTAssertEqual(link(export.path, other.path), 0)
        let cases: [([String], String)] = [
            (["impact", mockup, "--responses", export.path, "--json", other.path], "autre-nom.json is also an input"),
            (["impact", mockup, "--responses", export.path, "--json", folder.appendingPathComponent("r.json").path, "--html", folder.path + "/./r.json"],
             "are the same file: one output would replace the other"),
            (["render", mockup, "--html", "/dev/null"], "/dev/null is not an ordinary file"),
        ]
        for (arguments, expected) in cases {
            let run = try AtelierProcess.run(arguments + ["--lang", "en"])
            XCTAssertEqual(run.status, 2, arguments.joined(separator: " "))
            XCTAssertTrue(run.error.contains(expected), run.error)
        }
        let fifo = folder.appendingPathComponent("tube")
        XCTAssertEqual(mkfifo(fifo.path, 0o644), 0)
        let run = try AtelierProcess.run(["render", mockup, "--html", fifo.path, "--lang", "en"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.error.contains("tube is not an ordinary file (a pipe, a device or a folder)"), run.error)
        XCTAssertEqual(try String(contentsOf: export, encoding: .utf8), try String(contentsOf: Fixtures.examples.appendingPathComponent("surveys/voix-du-quartier-google.csv"), encoding: .utf8))
    }

    func testATemporaryFileLeftByAKilledRunIsRemovedByTheNextOne() throws {
        let stale = folder.appendingPathComponent(".fiche.html.atelier-2147483646-deadbeef.tmp")
        let live = folder.appendingPathComponent(".fiche.html.atelier-\(getpid())-cafecafe.tmp")
        for url in [stale, live] { try Data("moitié".utf8).write(to: url) }
        let run = try AtelierProcess.run(["render", "Examples/voix-du-quartier.yaml", "--html", folder.appendingPathComponent("fiche.html").path])
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertFalse(FileManager.default.fileExists(atPath: stale.path), "its writer is gone: removed")
        XCTAssertTrue(FileManager.default.fileExists(atPath: live.path), "its writer is alive: left alone")
    }
}
