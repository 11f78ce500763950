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
        case .malformedArchive(let reason): Localized(verbatim: reason)
        case .noSuchSheet(let name, let available): Localized(verbatim: "\(name) (\(available.joined(separator: ", ")))")
        }
        let column = self.column.map { Catalogue.text(.impactTableColumn, ["column": "\($0)"]) } ?? Localized(verbatim: "")
        return Localized(
            fr: Catalogue.fill(Catalogue.template(.impactTable, in: .fr)!, ["file": file, "row": row.map(String.init) ?? "1", "column": column.fr, "problem": problem.fr]),
            en: Catalogue.fill(Catalogue.template(.impactTable, in: .en)!, ["file": file, "row": row.map(String.init) ?? "1", "column": column.en, "problem": problem.en]))
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
