/// A closed vocabulary of the mockup format: each value as a mockup writes it (the raw value),
/// explained in French for the schema, the guided form and the project sheet. Code switches over
/// the cases, so a new value cannot be forgotten anywhere it matters.
public protocol Vocabulary: RawRepresentable<String>, CaseIterable, Sendable, Hashable {
    var explanation: String { get }
}

extension Vocabulary {
    /// The values as the schema lists them.
    public static var choices: [Choice] { allCases.map { Choice($0.rawValue, $0.explanation) } }
    public static var values: [String] { allCases.map(\.rawValue) }
}

/// What an indicator computes.
public enum Measure: String, Vocabulary {
    case mean, median, distribution
    case topBox = "top-box", bottomBox = "bottom-box", share, nps, count
    case responseRate = "response-rate", gain, change, alpha, outcomes

    public var explanation: String {
        switch self {
        case .mean: "Moyenne"
        case .median: "Médiane"
        case .distribution: "Répartition"
        case .topBox: "Part des niveaux les plus hauts"
        case .bottomBox: "Part des niveaux les plus bas"
        case .share: "Part d'une réponse"
        case .nps: "Net Promoter Score"
        case .count: "Nombre"
        case .responseRate: "Taux de réponse"
        case .gain: "Gain d'apprentissage (Hake)"
        case .change: "Évolution avant / après"
        case .alpha: "Fiabilité (alpha de Cronbach)"
        case .outcomes: "Résultats d'apprentissage génériques"
        }
    }

    /// A share of respondents (between 0 and 1), compared between waves as a proportion.
    public var isProportion: Bool {
        switch self {
        case .topBox, .bottomBox, .share, .responseRate: true
        case .mean, .median, .distribution, .nps, .count, .gain, .change, .alpha, .outcomes: false
        }
    }

    /// Computed from pairs of answers before and after.
    public var isBeforeAfter: Bool { self == .gain || self == .change }
}

/// The kind of a survey question.
public enum QuestionType: String, Vocabulary {
    case scale, choice, multiChoice = "multi-choice", number, text, yesNo = "yes-no"

    public var explanation: String {
        switch self {
        case .scale: "Échelle"
        case .choice: "Choix unique"
        case .multiChoice: "Choix multiples"
        case .number: "Nombre"
        case .text: "Texte libre"
        case .yesNo: "Oui / non"
        }
    }
}

/// Where an indicator's value comes from.
public enum IndicatorSource: String, Vocabulary {
    case survey, observation

    public var explanation: String {
        switch self {
        case .survey: "Questionnaire"
        case .observation: "Chiffre relevé par l'équipe"
        }
    }
}

/// The phase of the project an activity belongs to, in the order a project goes through them.
public enum Phase: String, Vocabulary {
    case design, prototype, test, communication, run, evaluation

    public var explanation: String {
        switch self {
        case .design: "Conception"
        case .prototype: "Prototype"
        case .test: "Test"
        case .communication: "Communication"
        case .run: "Mise en œuvre avec le public"
        case .evaluation: "Évaluation"
        }
    }
}

/// The kind of digital tool a project uses.
public enum ToolType: String, Vocabulary {
    case ar, vr, podcast, video, socialNetwork = "social-network", quiz, chatbot, virtualTour = "virtual-tour"
    case kiosk, printing3D = "3d-printing", qrCode = "qr-code", website, mobileApp = "mobile-app", game, audioGuide = "audio-guide", other

    public var explanation: String {
        switch self {
        case .ar: "Réalité augmentée"
        case .vr: "Réalité virtuelle"
        case .podcast: "Podcast"
        case .video: "Vidéo"
        case .socialNetwork: "Réseau social"
        case .quiz: "Quiz"
        case .chatbot: "Agent conversationnel"
        case .virtualTour: "Visite virtuelle"
        case .kiosk: "Borne interactive"
        case .printing3D: "Impression 3D"
        case .qrCode: "QR code"
        case .website: "Site web"
        case .mobileApp: "Application mobile"
        case .game: "Jeu"
        case .audioGuide: "Audioguide"
        case .other: "Autre"
        }
    }
}
