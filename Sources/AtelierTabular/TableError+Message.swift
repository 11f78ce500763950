import AtelierCore

extension TableError {
    /// Where reading stopped and why, in the user's words: `file, row 3, column 2: …`.
    public var message: Localized {
        let problem: Localized = switch kind {
        case .unreadable(let reason): Localized(verbatim: reason)
        case .empty: Catalogue.text(.impactEmptyFile)
        case .unclosedQuote(let line): Catalogue.text(.impactUnclosedQuote, ["line": "\(line)"])
        case .fieldTooLong(let limit): Catalogue.text(.impactFieldTooLong, ["limit": "\(limit)"])
        case .tooManyColumns(let limit): Catalogue.text(.impactTooManyColumns, ["limit": "\(limit)"])
        case .malformedArchive(let detail): Catalogue.text(.impactDamagedPackage, localized: ["detail": detail])
        case .noSuchSheet(let name, let available): Localized(verbatim: "\(name) (\(available.joined(separator: ", ")))")
        }
        let file = Localized(verbatim: self.file)
        guard let row else { return Catalogue.text(.impactTableFile, localized: ["file": file, "problem": problem]) }
        let column = self.column.map { Catalogue.text(.impactTableColumn, ["column": "\($0)"]) } ?? Localized(verbatim: "")
        return Catalogue.text(.impactTable, localized: ["file": file, "row": Localized(verbatim: "\(row)"), "column": column, "problem": problem])
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
