import Foundation
import TestSupport
import XCTest

/// Outputs are checked before any work, never written over an input, and never left half
/// written: an interrupted run keeps the previous file and leaves no temporary file.
final class OutputSafetyTests: ScratchFolderTestCase {

    private let impact = ["impact", "Examples/voix-du-quartier.yaml", "--responses", "Examples/surveys/voix-du-quartier-google.csv", "--lang", "en"]

    func testMissingOutputFolderIsRefusedBeforeAnyWork() throws {
        let missing = folder.appendingPathComponent("nowhere/report.html").path
        let run = try AtelierProcess.run(impact + ["--json", folder.appendingPathComponent("ok.json").path, "--html", missing])
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.error.contains("report.html") && run.error.contains(folder.appendingPathComponent("nowhere").path), run.error)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("ok.json").path), "nothing is written when one output cannot be")
        XCTAssertTrue(run.output.isEmpty, "no indicator was computed")
    }

    func testAnOutputOverAnInputIsRefused() throws {
        let before = Fixtures.bytes(Fixtures.examples.appendingPathComponent("surveys/voix-du-quartier-google.csv"))
        let run = try AtelierProcess.run(impact + ["--html", "Examples/surveys/voix-du-quartier-google.csv"])
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.error.contains("input"), run.error)
        XCTAssertEqual(Fixtures.bytes(Fixtures.examples.appendingPathComponent("surveys/voix-du-quartier-google.csv")), before)
    }

    func testInterruptedWriteKeepsThePreviousFileAndLeavesNoTemporary() throws {
        // 300,000 rows that answer nothing: each is excluded and listed in the workbook, so the
        // workbook takes long enough to write for the run to be interrupted while it does.
        let export = folder.appendingPathComponent("big.csv")
        let header = String(decoding: Fixtures.bytes(Fixtures.examples.appendingPathComponent("surveys/voix-du-quartier-google.csv")), as: UTF8.self)
            .split(separator: "\n")[0]
        var text = header + "\n"
        text += String(repeating: "\"2026/05/20 18:00:51\",,,,,\n", count: 300_000)
        try text.write(to: export, atomically: true, encoding: .utf8)
        let workbook = folder.appendingPathComponent("impact.xlsx")
        try Data("previous workbook".utf8).write(to: workbook)

        let process = Process()
        process.executableURL = AtelierProcess.binary
        process.arguments = ["impact", Fixtures.examples.appendingPathComponent("voix-du-quartier.yaml").path, "--responses", export.path, "--xlsx", workbook.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        func temporaries() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasPrefix(".impact.xlsx.") && $0.hasSuffix(".tmp") }
        }
        var caught = false
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning && Date() < deadline {
            if !temporaries().isEmpty {
                caught = true
                process.terminate()
                break
            }
            usleep(1_000)
        }
        process.waitUntilExit()
        XCTAssertTrue(caught, "the run ended before its workbook was being written: make the export larger")
        XCTAssertEqual(process.terminationReason, .exit)
        XCTAssertEqual(process.terminationStatus, 128 + SIGTERM)
        XCTAssertEqual(try String(contentsOf: workbook, encoding: .utf8), "previous workbook")
        XCTAssertEqual(temporaries(), [])
    }
}
