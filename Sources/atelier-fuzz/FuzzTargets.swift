// atelier-fuzz owns the fuzz targets: one function per parser, fed arbitrary bytes. `make fuzz`
// builds it as a libFuzzer binary with the address sanitizer (FUZZING defined); a plain build
// replays inputs (the regressions kept in Tests/Fuzz).

import AtelierChecklist
import AtelierCore
import AtelierGrading
import AtelierImpact
import AtelierMockup
import AtelierReport
import AtelierTabular
import Foundation

/// Each parser the users' files reach, as a function of raw bytes.
let targets: [String: @Sendable ([UInt8]) -> Void] = [
    "yaml": { bytes in _ = MockupDecoder(builtinScales: ["satisfaction-5", "agreement-5", "likelihood-0-10", "yes-no"]).decode(bytes) },
    "checklist": { bytes in _ = try? ChecklistLoader.load(bytes, file: "fuzz.yaml") },
    "rubric": { bytes in _ = try? RubricLoader.load(bytes, file: "fuzz.yaml") },
    "table": readTable,
    "aggregate": readAggregate,
    "scores": readScores,
    "terminal": showOnTerminal,
    "scalars": { bytes in
        let text = String(decoding: bytes, as: UTF8.self)
        _ = (ScalarParser.date(text), ScalarParser.moment(text), ScalarParser.durationMinutes(text), ScalarParser.number(text),
             ScalarParser.percent(text), ScalarParser.bool(text), ScalarParser.integer(text), TextMatching.normalized(text))
    },
]

/// `bytes` as a file for the readers that take a path; nil if it cannot be written.
func withFile(_ bytes: [UInt8], _ body: (String) -> Void) {
    let path = NSTemporaryDirectory() + "atelier-fuzz-\(getpid()).bin"
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { return }
    defer { unlink(path) }
    body(path)
}

/// CSV, xlsx or ods, recognised by content as `impact` does, read to the end (10,000 rows at most).
func readTable(_ bytes: [UInt8]) {
    withFile(bytes, readTable(at:))
}

func readTable(at path: String) {
    guard var reader = try? TableFile.open(path: path) else { return }
    for _ in 0..<10_000 {
        guard let row = try? reader.nextRow() else { return }
        _ = row.cells.count
    }
}

/// An aggregate file as `merge` reads it, checked, then added to itself as a merge would.
func readAggregate(_ bytes: [UInt8]) {
    guard let file = try? AggregateFile.decode(Data(bytes), file: "fuzz.json") else { return }
    _ = file.aggregate + file.aggregate
}

/// A filled grading sheet (xlsx, ods or long CSV) read against a small rubric, reconciled and graded.
func readScores(_ bytes: [UInt8]) {
    withFile(bytes) { path in
        guard let (scores, _, groups) = try? ScoreReader(rubric: fuzzRubric).readAll(path) else { return }
        let reconciled = ScoreSet.reconcile(scores, rubric: fuzzRubric).scores
        let grades = Grading(rubric: fuzzRubric).grade(groups: Array(Set(groups)).sorted(), scores: reconciled, readiness: [:])
        _ = (Grading(rubric: fuzzRubric).agreement(grades), GraderSeverity.of(grades))
    }
}

let fuzzRubric = try! RubricLoader.load(Array("""
    id: fuzz
    title: {fr: Grille, en: Rubric}
    criteria:
      - id: intention
        label: {fr: "Clarté de l'intention de médiation", en: Intention}
        levels:
          - {label: {fr: Insuffisant, en: Insufficient}, points: 0}
          - {label: {fr: Fragile, en: Developing}, points: 1}
          - {label: {fr: Satisfaisant, en: Good}, points: 2}
          - {label: {fr: Très bien, en: Very good}, points: 3}
    """.utf8), file: "fuzz-rubric.yaml")

/// Text from a file as the terminal reporter shows it: made safe, windowed under a finding.
func showOnTerminal(_ bytes: [UInt8]) {
    let text = String(decoding: bytes, as: UTF8.self)
    let column = bytes.first.map { Int($0) } ?? 1
    let finding = Finding(rule: "fuzz", severity: .error, position: SourcePosition(line: 1, column: column), message: Localized(verbatim: text))
    let file = CheckedFile(path: text, source: text, findings: [finding], readiness: nil)
    let output = TextReporter(language: .fr, colour: false).render([file])
    precondition(!output.unicodeScalars.contains { $0.value == 0x1B }, "an escape character reached the terminal")
}

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

/// The executable's entry point (SwiftPM names it `<module>_main`): hands over to libFuzzer's driver.
@_cdecl("atelier_fuzz_main")
func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc, vector = argv
    return runFuzzerDriver(&count, &vector) { data, size in fuzzOne(data, size) }
}

/// libFuzzer's entry point (a `make fuzz` build, `-sanitize=fuzzer`): the target named by
/// ATELIER_FUZZ_TARGET gets every input.
nonisolated(unsafe) let fuzzed = targets[ProcessInfo.processInfo.environment["ATELIER_FUZZ_TARGET"] ?? ""]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let fuzzed else {
        FileHandle.standardError.write(Data("atelier-fuzz: set ATELIER_FUZZ_TARGET to one of \(targets.keys.sorted().joined(separator: ", "))\n".utf8))
        exit(2)
    }
    fuzzed(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}
#else
/// A plain build: `atelier-fuzz replay TARGET FILE…` runs the target on each file.
@main
enum Replay {
    static func main() {
        let arguments = CommandLine.arguments
        guard arguments.count >= 3, arguments[1] == "replay", let target = targets[arguments[2]] else {
            print("usage: atelier-fuzz replay TARGET FILE...   (targets: \(targets.keys.sorted().joined(separator: ", ")); `make fuzz` builds the fuzzing binary)")
            exit(2)
        }
        for file in arguments.dropFirst(3) {
            guard let data = FileManager.default.contents(atPath: file) else {
                FileHandle.standardError.write(Data("atelier-fuzz: cannot read \(file)\n".utf8))
                exit(2)
            }
            target([UInt8](data))
            print("ok \(arguments[2]) \(file)")
        }
    }
}
#endif
