import AtelierCore

/// The sentences of the jobs themselves: inputs they cannot start from, what they report having done.
/// Placeholders are written `{name}`; a message without both translations does not compile.
public enum UseCaseMessage: String, MessageCatalogue {
    case unknownRubric = "grade.unknown-rubric"
    case emptyFolder = "cli.empty-folder"
    case cellsCut = "cli.cells-cut"
    case projectUnreadable = "project.unreadable"
    case surveyNoQuestions = "survey.no-questions"
    case impactNoPlan = "impact.no-plan"
    case impactSameExport = "impact.same-export"
    case rubricSummary = "grade.rubric-summary"
    case rubricCriterion = "grade.rubric-criterion"
    case rubricAuto = "grade.rubric-auto"
    case rubricFeedbackOnly = "grade.rubric-feedback-only"
    case demoDone = "cli.demo-done"

    public var french: String {
        switch self {
        case .unknownRubric: "Grille « {value} » introuvable. Grilles fournies : {names}."
        case .emptyFolder: "{path} : ce dossier ne contient aucun fichier .yaml ou .yml."
        case .cellsCut: "{path} : {count} texte(s) plus long(s) qu'une cellule ne peut en contenir (32 767 caractères) ont été coupé(s) ; chacun finit par « […] ». Le texte entier est dans le fichier d'origine et dans --json."
        case .projectUnreadable: "{file} ne peut pas être mise en page : corrigez d'abord ses erreurs (atelier check {file})."
        case .surveyNoQuestions: "{file} n'a pas de questions (evaluation.questions) : il n'y a pas de questionnaire à produire."
        case .impactNoPlan: "{file} : la maquette n'a pas de plan d'évaluation lisible (evaluation.questions). Lancez atelier check {file}."
        case .impactSameExport: "{first} et {second} sont le même fichier : ses réponses seraient comptées deux fois. Donnez-le une seule fois."
        case .rubricSummary: "{title} : {criteria} critère(s), note sur {outOf}, arrondie à {rounding}."
        case .rubricCriterion: "  {id} — {label} : poids {weight}, {levels} niveaux, {points} points au plus{kind}"
        case .rubricAuto: " (calculé à partir de la maquette)"
        case .rubricFeedbackOnly: " (retour seulement, ne compte pas)"
        case .demoDone: "Démonstration terminée : {count} fichiers écrits dans {path} :"
        }
    }

    public var english: String {
        switch self {
        case .unknownRubric: "Rubric « {value} » not found. Built-in rubrics: {names}."
        case .emptyFolder: "{path}: this folder holds no .yaml or .yml file."
        case .cellsCut: "{path}: {count} text(s) longer than a cell can hold (32,767 characters) were cut; each ends with « […] ». The whole text is in the original file and in --json."
        case .projectUnreadable: "{file} cannot be laid out: fix its errors first (atelier check {file})."
        case .surveyNoQuestions: "{file} has no questions (evaluation.questions): there is no questionnaire to make."
        case .impactNoPlan: "{file}: the mockup has no readable evaluation plan (evaluation.questions). Run atelier check {file}."
        case .impactSameExport: "{first} and {second} are the same file: its answers would be counted twice. Give it once."
        case .rubricSummary: "{title}: {criteria} criteria, marked out of {outOf}, rounded to {rounding}."
        case .rubricCriterion: "  {id} — {label}: weight {weight}, {levels} levels, at most {points} points{kind}"
        case .rubricAuto: " (computed from the mockup)"
        case .rubricFeedbackOnly: " (feedback only, does not count)"
        case .demoDone: "Demo done: {count} files written in {path}:"
        }
    }
}
