import AtelierCore

extension TableError {
    /// Where reading stopped and why, in the user's words: `file, row 3, column 2: …`.
    public var message: Localized {
        let problem: Localized = switch kind {
        case .unreadable(let reason): Localized(verbatim: reason)
        case .empty: TabularMessage.text(.impactEmptyFile)
        case .unclosedQuote(let line): TabularMessage.text(.impactUnclosedQuote, ["line": "\(line)"])
        case .fieldTooLong(let limit): TabularMessage.text(.impactFieldTooLong, ["limit": "\(limit)"])
        case .tooManyColumns(let limit): TabularMessage.text(.impactTooManyColumns, ["limit": "\(limit)"])
        case .malformedArchive(let detail): TabularMessage.text(.impactDamagedPackage, localized: ["detail": detail])
        case .noSuchSheet(let name, let available): Localized(verbatim: "\(name) (\(available.joined(separator: ", ")))")
        }
        let file = Localized(verbatim: self.file)
        guard let row else { return TabularMessage.text(.impactTableFile, localized: ["file": file, "problem": problem]) }
        let column = self.column.map { TabularMessage.text(.impactTableColumn, ["column": "\($0)"]) } ?? Localized(verbatim: "")
        return TabularMessage.text(.impactTable, localized: ["file": file, "row": Localized(verbatim: "\(row)"), "column": column, "problem": problem])
    }
}

extension UserError {
    /// Runs `body`, which reads a table; a table error comes out as a user error naming the
    /// file, row and column.
    public static func reading<Value>(_ body: () throws(TableError) -> Value) throws(UserError) -> Value {
        do {
            return try body()
        } catch {
            throw UserError(error.message)
        }
    }
}

extension TableReader {
    /// `nextRawRow(_:)` for the user: a reading error names the file, row and column.
    public mutating func readRow(into row: inout RawRow) throws(UserError) -> Bool {
        try UserError.reading { () throws(TableError) in try nextRawRow(&row) }
    }
}
