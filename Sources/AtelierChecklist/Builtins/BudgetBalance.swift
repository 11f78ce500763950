import AtelierCore
import AtelierMockup
import Foundation

/// The funding adds up to the expenses.
struct BudgetBalance: BuiltinFunction {
    static let name = "budget-balance"
    static let summary = Localized(fr: "Le total des financements est égal au total des dépenses.",
                                   en: "Total funding equals total expenses.")

    static func evaluate(_ context: CheckContext, options: BuiltinOptions) -> Outcome {
        guard let budget = context.mockup.record.record("budget") else { return .notApplicable }
        let lines = budget.records("lines").compactMap { $0.number("amount") }.reduce(0, +)
        let funding = budget.records("funding").compactMap { $0.number("amount") }.reduce(0, +)
        guard lines > 0 || funding > 0 else { return .notApplicable }
        guard abs(lines - funding) > 0.005 else { return Outcome(applicable: true) }
        return Outcome(applicable: true, violations: [Outcome.Violation(path: FieldPath([.key("budget"), .key("funding")]), arguments: [
            "expenses": String(format: "%.2f", lines), "funding": String(format: "%.2f", funding),
            "currency": budget.text("currency") ?? "EUR",
        ])])
    }
}
