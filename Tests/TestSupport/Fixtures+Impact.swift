@testable import AtelierImpact
import AtelierMockup
import AtelierTabular
import Foundation
import XCTest

extension Fixtures {
    /// The survey plan of an example mockup, with the built-in scales.
    public static func plan(_ example: String) throws -> SurveyPlan {
        try plan(mockup: Fixtures.bytes(Fixtures.examples.appendingPathComponent(example)))
    }

    public static func plan(mockup bytes: [UInt8]) throws -> SurveyPlan {
        let mockup = try XCTUnwrap(Fixtures.decoder.decode(bytes).mockup)
        let scales = try ScaleLibrary.load(folder: Fixtures.templates.appendingPathComponent("scales"), decoder: Fixtures.decoder)
        return SurveyPlan(mockup: mockup, builtinScales: scales)
    }

    /// The aggregate of survey exports (by default the examples', `Examples/surveys/<file>`), read in one run.
    public static func aggregate(_ plan: SurveyPlan, _ files: [String], in folder: URL = Fixtures.examples.appendingPathComponent("surveys")) throws -> SurveyAggregate {
        var aggregate = SurveyAggregate(plan: plan.fingerprint)
        var duplicates = DuplicateFinder()
        for file in files {
            _ = try SurveyTally(plan: plan).read(opening: { try TableFile.open(path: folder.appendingPathComponent(file).path) }, into: &aggregate, duplicates: &duplicates)
        }
        return aggregate
    }
}
