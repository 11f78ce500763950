import AtelierCore

/// The six levels of Bloom's revised taxonomy (Anderson & Krathwohl 2001).
public enum BloomLevel: String, CaseIterable, Sendable {
    case remember, understand, apply, analyze, evaluate, create

    /// Lowest (remember) first.
    public var order: Int { Self.allCases.firstIndex(of: self)! }

    /// The level's name in the catalogues.
    public var messageKey: ChecklistMessage {
        switch self {
        case .remember: .bloomRemember
        case .understand: .bloomUnderstand
        case .apply: .bloomApply
        case .analyze: .bloomAnalyze
        case .evaluate: .bloomEvaluate
        case .create: .bloomCreate
        }
    }
}

/// One entry of the verb lexicon: a verb phrase (as the reference writes it, accents kept),
/// what it says of an objective, and why.
public struct VerbEntry: Sendable, Equatable {
    public enum Meaning: Sendable, Equatable {
        /// An observable action at this Bloom level (a verb at two levels has two entries).
        case action(BloomLevel)
        /// A verb of state: what happens in the head, not observable.
        case state
        /// What the mediator intends (« Sensibiliser »): its subject is the team.
        case intention

        /// The meaning's name in the catalogues: a level, « verbe d'état » or « intention ».
        public var name: Localized {
            switch self {
            case .action(let level): ChecklistMessage.text(level.messageKey)
            case .state: ChecklistMessage.text(.lexiconState)
            case .intention: ChecklistMessage.text(.lexiconIntention)
            }
        }
    }

    public let phrase: String
    public let meaning: Meaning
    public let reason: ChecklistMessage

    /// The entry as `atelier checklist verbs` prints it: phrase, meaning and reason, tab-separated.
    public func line(in language: Language) -> String {
        "\(phrase)\t\(meaning.name[language])\t\(ChecklistMessage.text(reason)[language])"
    }

    init(_ phrase: String, _ meaning: Meaning, _ reason: ChecklistMessage) {
        self.phrase = phrase
        self.meaning = meaning
        self.reason = reason
    }
}

/// The verb lexicon, in French and English: the verb lists of the pedagogy reference by level
/// and its verbs of state, the observable actions of mediation workshops it does not list, and
/// the mediator's intentions. Every entry carries its reason (`atelier checklist verbs`).
public enum BloomVerbs {
    /// The reference's action verbs by level (Anderson & Krathwohl 2001).
    static let english: [BloomLevel: [String]] = [
        .remember: ["recognize", "recall", "retrieve", "identify", "list", "name", "define", "label", "match", "state", "quote", "recite", "locate", "memorize", "reproduce"],
        .understand: ["interpret", "exemplify", "classify", "summarize", "infer", "compare", "explain", "paraphrase", "translate", "illustrate", "describe", "discuss", "predict", "restate", "represent"],
        .apply: ["execute", "implement", "apply", "use", "carry out", "demonstrate", "operate", "solve", "calculate", "perform", "practise", "prepare", "modify", "dramatize", "sketch"],
        .analyze: ["differentiate", "distinguish", "discriminate", "organize", "attribute", "analyze", "deconstruct", "outline", "structure", "contrast", "examine", "categorize", "diagram", "relate", "investigate"],
        .evaluate: ["check", "verify", "critique", "judge", "assess", "appraise", "argue", "defend", "justify", "rate", "rank", "prioritize", "recommend", "support"],
        .create: ["generate", "hypothesize", "plan", "produce", "design", "compose", "construct", "develop", "devise", "formulate", "invent", "create", "write", "assemble", "propose", "record"],
    ]

    static let englishAdded: [VerbEntry] = [
        VerbEntry("analyse", .action(.analyze), .lexiconReasonSpelling),
        VerbEntry("practice", .action(.apply), .lexiconReasonSpelling),
    ]

    static let englishState = ["understand", "know", "learn", "be aware of", "be familiar with", "appreciate", "grasp", "realize", "master", "believe", "comprehend", "discover"]

    static let french: [BloomLevel: [String]] = [
        .remember: ["citer", "définir", "dénommer", "désigner", "énoncer", "énumérer", "étiqueter", "identifier", "indiquer", "lister", "localiser", "mémoriser", "nommer", "rappeler", "réciter", "reconnaître", "relever", "répéter", "reproduire", "retrouver", "se rappeler", "situer"],
        .understand: ["associer", "classer", "classifier", "convertir", "décrire", "déduire", "discuter", "distinguer", "donner un exemple", "expliquer", "exprimer", "extrapoler", "illustrer", "exemplifier", "inférer", "interpréter", "paraphraser", "prédire", "reformuler", "représenter", "résumer", "traduire"],
        .apply: ["appliquer", "calculer", "démontrer", "employer", "exécuter", "expérimenter", "manipuler", "mettre en œuvre", "mobiliser", "modifier", "montrer", "opérer", "pratiquer", "préparer", "réaliser", "résoudre", "simuler", "utiliser"],
        .analyze: ["analyser", "attribuer", "catégoriser", "comparer", "contraster", "décomposer", "déconstruire", "différencier", "discriminer", "examiner", "isoler", "mettre en relation", "organiser", "questionner", "relier", "schématiser", "structurer"],
        .evaluate: ["arbitrer", "argumenter", "conclure", "contrôler", "critiquer", "défendre", "estimer", "évaluer", "hiérarchiser", "juger", "justifier", "noter", "prioriser", "recommander", "sélectionner", "valider", "vérifier"],
        .create: ["combiner", "composer", "concevoir", "construire", "créer", "développer", "écrire", "élaborer", "enregistrer", "formuler", "générer", "imaginer", "inventer", "modéliser", "planifier", "produire", "proposer", "rédiger", "scénariser"],
    ]

    /// The observable actions of mediation workshops that the reference does not list.
    static let frenchAdded: [VerbEntry] = [
        VerbEntry("repérer", .action(.remember), .lexiconReasonFind),
        VerbEntry("lire", .action(.remember), .lexiconReasonFind),
        VerbEntry("déchiffrer", .action(.remember), .lexiconReasonFind),
        VerbEntry("raconter", .action(.understand), .lexiconReasonRetell),
        VerbEntry("transcrire", .action(.apply), .lexiconReasonProduce),
        VerbEntry("photographier", .action(.apply), .lexiconReasonProduce),
        VerbEntry("interviewer", .action(.apply), .lexiconReasonProduce),
        VerbEntry("filmer", .action(.apply), .lexiconReasonProduce),
        VerbEntry("dessiner", .action(.apply), .lexiconReasonProduce),
        VerbEntry("manier", .action(.apply), .lexiconReasonProduce),
        VerbEntry("s'approprier", .state, .lexiconReasonInner),
    ]

    static let frenchState = ["comprendre", "connaître", "savoir", "apprendre", "maîtriser", "percevoir", "appréhender", "prendre conscience", "être sensibilisé à", "être sensibilisé aux", "se familiariser avec", "découvrir", "apprécier", "croire"]

    /// What the mediator intends, not what the public will do: « Sensibiliser », « Faire
    /// découvrir »… They are infinitives, but their subject is the team; « Développer la
    /// confiance » names a disposition no one can observe; « Permettre » announces the public's
    /// verb after it.
    static let frenchIntention = [
        "sensibiliser", "faire découvrir", "faire connaître", "faire comprendre", "faire aimer", "faire vivre",
        "susciter", "favoriser", "valoriser", "initier", "éveiller", "accompagner", "donner envie", "donner le goût",
        "encourager", "promouvoir", "amener", "inciter", "transmettre", "ouvrir", "offrir", "renforcer",
    ]
    static let frenchEnabling = ["permettre", "aider", "faciliter"]
    static let frenchDisposition = [
        "développer la confiance", "développer le goût", "développer la curiosité", "développer l'esprit",
        "développer le sens", "développer leur", "développer son", "développer sa", "développer ses",
    ]

    static let englishIntention = [
        "raise awareness", "make aware", "introduce", "encourage", "foster", "promote", "inspire",
        "engage", "support", "offer", "provide", "give", "spark", "nurture", "showcase", "highlight",
    ]
    static let englishEnabling = ["enable", "allow", "help"]
    static let englishDisposition = ["build confidence", "develop confidence", "develop a sense", "develop their"]

    /// Every entry of the lexicon in `language`, in the order of the reference: actions by
    /// level, then verbs of state, then intentions.
    public static func entries(_ language: Language) -> [VerbEntry] {
        func reference(_ lists: [BloomLevel: [String]]) -> [VerbEntry] {
            BloomLevel.allCases.flatMap { level in (lists[level] ?? []).map { VerbEntry($0, .action(level), .lexiconReasonReference) } }
        }
        func listed(_ phrases: [String], _ meaning: VerbEntry.Meaning, _ reason: ChecklistMessage) -> [VerbEntry] {
            phrases.map { VerbEntry($0, meaning, reason) }
        }
        switch language {
        case .fr:
            return reference(french) + frenchAdded + listed(frenchState, .state, .lexiconReasonState)
                + listed(frenchIntention, .intention, .lexiconReasonIntention) + listed(frenchEnabling, .intention, .lexiconReasonEnable)
                + listed(frenchDisposition, .intention, .lexiconReasonDisposition)
        case .en:
            return reference(english) + englishAdded + listed(englishState, .state, .lexiconReasonState)
                + listed(englishIntention, .intention, .lexiconReasonIntention) + listed(englishEnabling, .intention, .lexiconReasonEnable)
                + listed(englishDisposition, .intention, .lexiconReasonDisposition)
        }
    }

    /// What the checker reads in `sentence`: a line per entry of the verb it starts with
    /// (`phrase`, meaning, reason, tab-separated; an intention prevails over the same verb's
    /// levels, as it does in the check), or one line saying no verb starts it.
    public static func explain(_ sentence: String, language: Language) -> [String] {
        let analysis = BloomAnalyzer.analyze(sentence, language: language)
        guard let verb = analysis.verb else {
            return [ChecklistMessage.text(.lexiconNoVerb, ["value": sentence])[language]]
        }
        let words = verb.split(separator: " ").map(String.init)
        let found = entries(language).filter { BloomAnalyzer.words($0.phrase) == words }
        return found.filter { !analysis.isIntention || $0.meaning == .intention }.map { $0.line(in: language) }
    }

    /// Verbs to suggest in a fix, in the mockup's language.
    static func examples(language: Language) -> String {
        switch language {
        case .fr: "identifier, comparer, expliquer, créer, réaliser, justifier"
        case .en: "identify, compare, explain, create, perform, justify"
        }
    }

    /// Normalised verb phrase → levels, and the sets of state and intention phrases, per language.
    struct Lexicon: Sendable {
        let levels: [[String]: Set<BloomLevel>]
        let states: Set<[String]>
        let intentions: Set<[String]>
        let longest: Int
    }

    static let lexicons: [Language: Lexicon] = Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, lexicon(entries($0))) })

    private static func lexicon(_ entries: [VerbEntry]) -> Lexicon {
        var levels: [[String]: Set<BloomLevel>] = [:]
        var states: Set<[String]> = []
        var intentions: Set<[String]> = []
        for entry in entries {
            let words = BloomAnalyzer.words(entry.phrase)
            switch entry.meaning {
            case .action(let level): levels[words, default: []].insert(level)
            case .state: states.insert(words)
            case .intention: intentions.insert(words)
            }
        }
        let longest = (Array(levels.keys) + Array(states) + Array(intentions)).map(\.count).max() ?? 1
        return Lexicon(levels: levels, states: states, intentions: intentions, longest: longest)
    }
}

/// Finds the main verb of an objective: the first verb phrase of the sentence once lead-ins
/// (« Être capable de », « Savoir », "Participants will be able to") are skipped.
public enum BloomAnalyzer {
    public struct Analysis: Sendable, Equatable {
        /// The verb phrase found, normalised; nil when the sentence does not start with one.
        public let verb: String?
        public let levels: Set<BloomLevel>
        public let isState: Bool
        /// The verb states what the team intends (« Sensibiliser »), not what the public does.
        public let isIntention: Bool
        public let firstWord: String
        /// The verb phrase as written in the sentence, accents kept (« découvrir »).
        public let written: String
        /// What follows the verb phrase in the sentence, as written.
        public let rest: String
    }

    /// Lower case, no accents, elisions and pronouns split off, punctuation dropped.
    static func words(_ text: String) -> [String] {
        let normal = TextMatching.normalized(text)
        var words: [String] = []
        for raw in normal.split(separator: " ") {
            var word = Substring(raw)
            while let apostrophe = word.firstIndex(of: "'"), word.distance(from: word.startIndex, to: apostrophe) <= 2 {
                switch word[..<apostrophe] {
                case "s": words.append("se")
                case "d": words.append("de")
                case "l": words.append("le")
                default: break  // qu', j', n'… carry nothing the verb needs
                }
                word = word[word.index(after: apostrophe)...]
            }
            let cleaned = word.filter { $0.isLetter || $0 == "-" || $0 == "'" }
            if !cleaned.isEmpty { words.append(cleaned) }
        }
        return words.filter { $0 != "se" || words.count == 1 }
    }

    /// « Les participants sauront… », « Chaque élève pourra… »: a subject and a future that
    /// announce the verb (« sauront » and « pourront » then stand as « savoir », « pouvoir »).
    private static let subjects: Set<String> = ["les", "le", "la", "chaque", "tous", "toutes", "the", "each", "all"]
    private static let futures: [String: String] = [
        "sauront": "savoir", "saura": "savoir", "pourront": "pouvoir", "pourra": "pouvoir", "devront": "", "devra": "",
        "seront": "etre", "sera": "etre", "vont": "", "va": "",
    ]

    private static let leadIns: [Language: [[String]]] = [
        .fr: [["etre", "capable", "de"], ["etre", "capables", "de"], ["etre", "en", "mesure", "de"], ["capable", "de"], ["capables", "de"],
              ["savoir"], ["pouvoir"]],
        .en: [["be", "able", "to"], ["will", "be", "able", "to"], ["able", "to"], ["will"], ["to"]],
    ]

    public static func analyze(_ sentence: String, language: Language) -> Analysis {
        guard let lexicon = BloomVerbs.lexicons[language] else {
            return Analysis(verb: nil, levels: [], isState: false, isIntention: false, firstWord: "", written: "", rest: "")
        }
        var words = Self.words(sentence)
        if let future = words.prefix(4).firstIndex(where: { futures[$0] != nil }), future > 0, subjects.contains(words[0]) {
            let standIn = futures[words[future]] ?? ""
            words = (standIn.isEmpty ? [] : [standIn]) + words.dropFirst(future + 1)
        }
        if language == .en, let will = words.prefix(5).firstIndex(of: "will") {
            words.removeFirst(will)
        }
        if language == .fr, let capable = words.prefix(6).firstIndex(where: { $0.hasPrefix("capable") }), capable > 0,
           words.indices.contains(capable + 1), words[capable + 1] == "de" {
            words.removeFirst(capable)
        }
        var stripped = true
        while stripped {
            stripped = false
            for leadIn in leadIns[language] ?? [] where words.starts(with: leadIn) && words.count > leadIn.count {
                let rest = Array(words.dropFirst(leadIn.count))
                if leadIn.count == 1, ["savoir", "pouvoir"].contains(leadIn[0]), match(rest, in: lexicon) == nil { continue }
                words = rest
                stripped = true
            }
        }
        let first = words.first ?? ""
        guard let found = match(words, in: lexicon) else {
            let (written, rest) = locate([first], in: sentence)
            return Analysis(verb: nil, levels: [], isState: false, isIntention: false, firstWord: written.isEmpty ? first : written,
                            written: written, rest: rest)
        }
        let (written, rest) = locate(found.phrase, in: sentence)
        return Analysis(verb: found.phrase.joined(separator: " "), levels: found.levels, isState: found.isState,
                        isIntention: found.isIntention, firstWord: first, written: written.isEmpty ? found.phrase.joined(separator: " ") : written,
                        rest: rest)
    }

    /// The longest verb phrase of the lexicon at the start of `words`.
    private static func match(_ words: [String], in lexicon: BloomVerbs.Lexicon) -> (phrase: [String], levels: Set<BloomLevel>, isState: Bool, isIntention: Bool)? {
        for length in stride(from: min(lexicon.longest, words.count), through: 1, by: -1) {
            let phrase = Array(words.prefix(length))
            let isState = lexicon.states.contains(phrase)
            let isIntention = lexicon.intentions.contains(phrase)
            let levels = lexicon.levels[phrase] ?? []
            if isState || isIntention || !levels.isEmpty {
                return (phrase, isIntention ? [] : levels, isState, isIntention)
            }
        }
        return nil
    }

    /// Where the normalised `phrase` is written in `sentence`: its words as written (accents
    /// kept, an elided « d' » left out) and what follows them.
    private static func locate(_ phrase: [String], in sentence: String) -> (written: String, rest: String) {
        let tokens = sentence.split(separator: " ")
        for start in tokens.indices {
            for end in start..<min(tokens.count, start + phrase.count) {
                let candidate = tokens[start...end].joined(separator: " ")
                let normalised = words(candidate)
                guard normalised.count >= phrase.count, Array(normalised.suffix(phrase.count)) == phrase else { continue }
                var written = Substring(candidate)
                if normalised.count > phrase.count {
                    guard let apostrophe = written.firstIndex(where: { $0 == "'" || $0 == "\u{2019}" }) else { continue }
                    written = written[written.index(after: apostrophe)...]
                }
                return (written.lowercased(), tokens[(end + 1)...].joined(separator: " "))
            }
        }
        return ("", "")
    }
}
