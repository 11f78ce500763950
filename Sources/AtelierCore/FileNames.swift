/// File names made from what people call things (groups, members, graders): letters and digits
/// lower-cased, the rest dashes, 60 characters at most; and never two alike within one set, so
/// that two names differing only by case or punctuation get two files, never one.
public struct FileNames {
    private var used = Set<String>()

    public init() {}

    /// Letters and digits of `name`, lower-cased, the rest as dashes; 60 characters at most.
    public static func stem(_ name: String) -> String {
        String(name.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined().lowercased().prefix(60))
    }

    /// `stem`, or `stem-2`, `stem-3`… the first this set has not given yet.
    public mutating func unique(_ stem: String) -> String {
        var name = stem, copy = 1
        while !used.insert(name).inserted {
            copy += 1
            name = "\(stem)-\(copy)"
        }
        return name
    }
}
