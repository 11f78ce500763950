import AtelierCore

/// The XML names Atelier's XLSForm gives a question's answers: what a KoboToolbox or ODK export
/// « XML values » holds instead of the labels. One definition, used by the form's writer and by
/// the answers' reader, so Atelier always reads back what it wrote.
public enum XLSFormNames {
    /// An XML name for a choice: letters, digits, `_`; a leading digit kept (ODK accepts it).
    public static func name(_ label: String, index: Int) -> String {
        let name = TextMatching.normalized(label).map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
            .split(separator: "_").joined(separator: "_")
        return name.isEmpty ? "choix_\(index + 1)" : name
    }

    /// The names of `question`'s options (its `options`, in order), made distinct.
    public static func choices(of question: SurveyPlan.Question) -> [String] {
        var used = Set<String>()
        return question.options.enumerated().map { position, option in
            var name = name(option.fr, index: position)
            while used.contains(name) { name += "_\(position + 1)" }
            used.insert(name)
            return name
        }
    }
}
