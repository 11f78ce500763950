import AtelierCore
import AtelierTabular
import AtelierImpact
import AtelierMockup
import Foundation

/// The questionnaire of an evaluation plan (`atelier survey`), in the three forms the field
/// uses: an XLSForm that KoboToolbox and ODK import, a printable paper form, and a data-entry
/// workbook whose headers `impact` reads back without any mapping.
public struct Questionnaire: Sendable {
    public let plan: SurveyPlan
    /// The questions a respondent may skip.
    public let optional: Set<String>
    public let language: Language

    public init(plan: SurveyPlan, optional: Set<String>, language: Language) {
        self.plan = plan
        self.optional = optional
        self.language = language
    }

    private func text(_ key: ReportMessage, _ arguments: [String: String] = [:]) -> String {
        ReportMessage.text(key, arguments)[language]
    }

    // MARK: XLSForm

    /// A number question's plausible answers in words: « Un nombre entre 0 et 40. »
    static func bounds(_ range: ClosedRange<Double>) -> Localized {
        let low = range.lowerBound > -Double.greatestFiniteMagnitude ? JSONValue.format(range.lowerBound) : nil
        let high = range.upperBound < Double.greatestFiniteMagnitude ? JSONValue.format(range.upperBound) : nil
        switch (low, high) {
        case let (low?, high?): return ReportMessage.text(.surveyBetween, ["low": low, "high": high])
        case let (low?, nil): return ReportMessage.text(.surveyAtLeast, ["low": low])
        case let (nil, high?): return ReportMessage.text(.surveyAtMost, ["high": high])
        case (nil, nil): return Localized(verbatim: "")
        }
    }

    /// The XLSForm type of a question and its choice list's name.
    static func xlsformType(_ question: SurveyPlan.Question) -> (type: String, list: String?) {
        switch question.kind {
        case .number: ("decimal", nil)
        case .text: ("text", nil)
        case .multiChoice: ("select_multiple \(question.id)", question.id)
        case .scale, .choice, .yesNo: ("select_one \(question.id)", question.id)
        }
    }

    /// Writes the XLSForm: `survey`, `choices` and `settings` sheets, labels in French and English.
    /// Returns how many texts were cut to fit their cell (each ends with « […] »).
    @discardableResult
    public func writeXLSForm(to url: URL) throws -> Int {
        let book = try XLSXBook(url: url, language: language)
        let labels = ["label::Français (fr)", "label::English (en)"]
        let survey = book.sheet("survey"), choices = book.sheet("choices"), settings = book.sheet("settings")
        book.headerRow(survey, 0, (["type", "name"] + labels + ["required", "hint::Français (fr)", "hint::English (en)", "constraint",
                                                                 "constraint_message::Français (fr)", "constraint_message::English (en)"]).joined(separator: "|"))
        book.headerRow(choices, 0, (["list_name", "name"] + labels).joined(separator: "|"))
        book.widths(survey, [28, 14, 50, 50, 10, 30, 30])
        book.widths(choices, [14, 24, 40, 40])
        var choiceRow: UInt32 = 1
        for (index, question) in plan.questions.enumerated() {
            let row = UInt32(index + 1)
            let (type, list) = Self.xlsformType(question)
            let hint = question.allowsSeveral ? ReportMessage.text(.surveySeveral) : nil
            let bounds = question.range.map { Self.bounds($0) }
            let constraint = question.range.map { range in
                [range.lowerBound > -Double.greatestFiniteMagnitude ? ". >= \(JSONValue.format(range.lowerBound))" : nil,
                 range.upperBound < Double.greatestFiniteMagnitude ? ". <= \(JSONValue.format(range.upperBound))" : nil].compactMap { $0 }.joined(separator: " and ")
            }
            let cells = [type, question.id, question.text, question.text, optional.contains(question.id) ? "" : "yes", hint?.fr ?? "", hint?.en ?? "",
                         constraint ?? "", bounds?.fr ?? "", bounds?.en ?? ""]
            for (column, cell) in cells.enumerated() where !cell.isEmpty {
                book.writeString(survey, row, UInt16(column), cell, nil)
            }
            guard let list else { continue }
            for (option, name) in zip(question.options, XLSFormNames.choices(of: question)) {
                for (column, cell) in [list, name, option.fr, option.en].enumerated() {
                    book.writeString(choices, choiceRow, UInt16(column), cell, nil)
                }
                choiceRow += 1
            }
        }
        book.headerRow(settings, 0, "form_title|form_id|default_language|version")
        let id = XLSFormNames.name(plan.title, index: 0).prefix(40)
        for (column, cell) in [plan.title, String(id), language == .fr ? "Français (fr)" : "English (en)", "1"].enumerated() {
            book.writeString(settings, 1, UInt16(column), cell, nil)
        }
        return try book.close()
    }

    // MARK: Data-entry workbook

    /// One sheet with the plan's exact headers (what `impact` matches) and a drop-down of the
    /// answers under each closed question, for staff keying in paper forms; a second sheet
    /// holds the lists.
    /// Returns how many texts were cut to fit their cell (each ends with « […] »).
    @discardableResult
    public func writeEntrySheet(to url: URL, rows: Int = 500) throws -> Int {
        let book = try XLSXBook(url: url, language: language)
        let entry = book.sheet(text(.surveyEntrySheet)), lists = book.sheet(text(.surveyListsSheet))
        book.writeString(entry, 0, 0, text(.surveyEntryNumber), book.header)
        entry.column(0, 0, 10, nil)
        entry.freeze(1, 1)
        var listColumn: UInt16 = 0
        for (index, question) in plan.questions.enumerated() {
            let column = UInt16(index + 1)
            book.writeString(entry, 0, column, question.header, book.header)
            entry.column(column, column, 24, nil)
            let options = question.options.map { $0[language] }
            guard !options.isEmpty else { continue }
            book.writeString(lists, 0, listColumn, question.id, book.header)
            for (position, option) in options.enumerated() {
                book.writeString(lists, UInt32(position + 1), listColumn, option, nil)
            }
            let letters = ColumnLetters.letters(Int(listColumn))
            if question.allowsSeveral {
                entry.comment(0, column, text(.surveyEntrySeveral, ["separator": ";"]))
            } else {
                XLSXBook.listValidation(entry, rows: 1...UInt32(rows), column: column,
                                        source: "='\(text(.surveyListsSheet))'!$\(letters)$2:$\(letters)$\(options.count + 1)")
            }
            listColumn += 1
        }
        return try book.close()
    }

    // MARK: Paper

    /// A printable form: large type, one question per block, a box to tick per answer, lines
    /// for free text. `easy` adds the plain-language instruction (FALC) to every question.
    public func paperHTML(easy: Bool) -> String {
        func instruction(_ text: String) -> [HTMLNode] { [.element("p", ["class": "instruction"], [.text(text)]), HTMLNode.newline] }
        var body: [HTMLNode] = [.element("header", [:], [.element("h1", ["dir": "auto"], [.text(plan.title)]), .element("p", [:], [.text(text(.surveyPaperIntro))])]),
                                HTMLNode.newline]
        for (index, question) in plan.questions.enumerated() {
            var block: [HTMLNode] = [.element("h2", ["dir": "auto"], [.element("span", ["class": "number"], [.text("\(index + 1).")]), .text(" " + question.text)]), HTMLNode.newline]
            let hint: ReportMessage? = switch question.kind {
            case .multiChoice: easy ? .surveyEasySeveral : .surveySeveral
            case .scale, .choice, .yesNo: easy ? .surveyEasyOne : .surveyOne
            case .number: easy ? .surveyEasyNumber : nil
            case .text: easy ? .surveyEasyText : nil
            }
            if let hint { block += instruction(text(hint)) }
            if optional.contains(question.id) { block += instruction(text(.surveyOptional)) }
            switch question.kind {
            case .number:
                if let range = question.range { block += instruction(Self.bounds(range)[language]) }
                block += [.element("div", ["class": "number-box", "aria-label": text(.surveyNumberBox)]), HTMLNode.newline]
            case .text:
                block += [.element("div", ["class": "lines"]), HTMLNode.newline]
            default:
                let levels: [Localized] = if case .scale(let scale) = question.kind { scale.levels } else { question.options }
                let compact = levels.allSatisfy { $0[language].count <= 3 } ? " compact" : ""
                block += [.element("ul", ["class": "options\(compact)"], question.options.map { option in
                    .element("li", [:], [.element("span", ["class": "box", "aria-hidden": "true"]), .text(" "), .element("span", ["dir": "auto"], [.text(option[language])])])
                }), HTMLNode.newline]
            }
            body += [.element("section", ["class": "question"], block), HTMLNode.newline]
        }
        body += [.element("p", ["class": "thanks"], [.text(text(.surveyThanks))]), HTMLNode.newline]
        return HTML.page(title: plan.title, language: language, style: easy ? Self.style + Self.easyStyle : Self.style, body: HTMLNode.fragment(body).rendered)
    }

    static let style = """
    body{font-family:Verdana,"DejaVu Sans",sans-serif;font-size:15pt;line-height:1.5;max-width:46rem;margin:0 auto;padding:1rem;color:#000}
    h1{font-size:1.5em}h2{font-size:1.05em;margin:0 0 .4rem}.number{font-weight:700}h1,h2,li,p{overflow-wrap:anywhere}
    .question{border:2px solid #000;border-radius:6px;padding:.6rem .9rem;margin:0 0 .8rem;break-inside:avoid}
    .instruction{font-style:italic;margin:.1rem 0 .4rem}ul.options{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.4rem 1.4rem}
    ul.options li{display:flex;align-items:center;gap:.5rem}.box{display:inline-block;width:1.1em;height:1.1em;border:2px solid #000;flex:none}
    .number-box{width:8rem;height:2.2rem;border:2px solid #000}.lines{height:6rem;background:repeating-linear-gradient(transparent,transparent 1.9rem,#000 1.9rem,#000 2rem)}
    .thanks{font-weight:700;text-align:center}@page{size:A4;margin:14mm}@media print{body{padding:0}}
    *{print-color-adjust:exact;-webkit-print-color-adjust:exact}
    """

    static let easyStyle = "body{font-size:18pt;line-height:1.6}ul.options{flex-direction:column}ul.options.compact{flex-direction:row}"
}
