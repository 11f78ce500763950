import AtelierChecklist
import AtelierCore
import XCTest

final class BloomAnalyzerTests: XCTestCase {
    /// (sentence, expected verb or nil, is a verb of state)
    private let french: [(String, String?, Bool)] = [
        ("Identifier trois techniques de gravure", "identifier", false),
        ("identifier trois techniques", "identifier", false),
        ("IDENTIFIER les œuvres", "identifier", false),
        ("Être capable d'identifier trois œuvres", "identifier", false),
        ("Etre capable d’identifier trois œuvres", "identifier", false),
        ("Être capable de nommer trois peintres", "nommer", false),
        ("Être capables de décrire une scène", "decrire", false),
        ("Les participants seront capables de comparer deux tableaux", "comparer", false),
        ("Être en mesure de justifier un choix", "justifier", false),
        ("Savoir identifier un style", "identifier", false),
        ("Savoir situer la ville sur une carte", "situer", false),
        ("Pouvoir expliquer le rôle du copiste", "expliquer", false),
        ("Savoir que l'abbaye a brûlé", "savoir", true),
        ("Savoir l'histoire du quartier", "savoir", true),
        ("Comprendre l'histoire du quartier", "comprendre", true),
        ("comprendre le fonctionnement d'une presse", "comprendre", true),
        ("Connaître les grandes dates", "connaitre", true),
        ("Découvrir les collections", "decouvrir", true),
        ("Apprendre le vocabulaire de l'architecture", "apprendre", true),
        ("Maîtriser les outils de montage", "maitriser", true),
        ("Apprécier la musique baroque", "apprecier", true),
        ("Percevoir la lumière dans un tableau", "percevoir", true),
        ("Appréhender la notion de patrimoine", "apprehender", true),
        ("Prendre conscience de l'impact du numérique", "prendre conscience", true),
        ("Être sensibilisé à la protection des archives", "etre sensibilise a", true),
        ("Se familiariser avec la réalité virtuelle", "familiariser avec", true),
        ("S'approprier les collections du musée", "approprier", true),
        ("Croire en ses capacités créatives", "croire", true),
        ("Se rappeler trois dates", "rappeler", false),
        ("se rappeler le nom des lieux disparus", "rappeler", false),
        ("Rappeler les étapes d'une restauration", "rappeler", false),
        ("Citer trois lieux disparus du quartier", "citer", false),
        ("Définir le mot estampe", "definir", false),
        ("Énumérer les étapes de la fabrication du papier", "enumerer", false),
        ("Reconnaître un chapiteau roman", "reconnaitre", false),
        ("Localiser les zones inondées", "localiser", false),
        ("Repérer trois détails symboliques", "reperer", false),
        ("Expliquer ce qu'est un programme enregistré", "expliquer", false),
        ("Résumer un témoignage en trois phrases", "resumer", false),
        ("Reformuler la question d'un visiteur", "reformuler", false),
        ("Donner un exemple d'œuvre baroque", "donner un exemple", false),
        ("Raconter la scène d'un tableau", "raconter", false),
        ("Illustrer une légende locale", "illustrer", false),
        ("Utiliser un logiciel de montage", "utiliser", false),
        ("Mettre en œuvre une technique d'enregistrement", "mettre en oeuvre", false),
        ("Réaliser un court podcast", "realiser", false),
        ("Manipuler une tablette en autonomie", "manipuler", false),
        ("Analyser une source d'archives", "analyser", false),
        ("Comparer deux manières de peindre la lumière", "comparer", false),
        ("Mettre en relation une carte et une photographie", "mettre en relation", false),
        ("Différencier une copie d'un original", "differencier", false),
        ("Questionner la provenance d'une œuvre", "questionner", false),
        ("Évaluer la fiabilité d'une source", "evaluer", false),
        ("Justifier une réponse par une observation", "justifier", false),
        ("Vérifier une réponse du chatbot", "verifier", false),
        ("Argumenter un choix de restauration", "argumenter", false),
        ("Créer un parcours de visite", "creer", false),
        ("Concevoir une exposition virtuelle", "concevoir", false),
        ("Rédiger un cartel de 400 signes", "rediger", false),
        ("Enregistrer trois témoignages", "enregistrer", false),
        ("Scénariser une visite en réalité augmentée", "scenariser", false),
        ("Composer une bande son", "composer", false),
        ("Formuler une question d'interview", "formuler", false),
        ("Une visite ludique des collections", nil, false),
        ("Visite des réserves", nil, false),
        ("Les familles viennent au musée", nil, false),
        ("Faire aimer la peinture flamande", "faire aimer", false),
        ("Nommer trois œuvres puis comprendre leur histoire", "nommer", false),
        ("  Nommer   trois œuvres  ", "nommer", false),
    ]

    private let english: [(String, String?, Bool)] = [
        ("Name three women who shaped early computing", "name", false),
        ("Identify three printmaking techniques", "identify", false),
        ("Participants will be able to identify three techniques", "identify", false),
        ("Participants will identify three techniques", "identify", false),
        ("Visitors will be able to compare two portraits", "compare", false),
        ("Be able to explain what a stored program is", "explain", false),
        ("Will be able to describe a scene", "describe", false),
        ("Able to list the main dates", "list", false),
        ("To recall three dates", "recall", false),
        ("Explain what a stored program is", "explain", false),
        ("Judge the reliability of an answer", "judge", false),
        ("Understand the history of the district", "understand", true),
        ("Know the main dates", "know", true),
        ("Learn the vocabulary of architecture", "learn", true),
        ("Be aware of the impact of digital tools", "be aware of", true),
        ("Be familiar with virtual reality", "be familiar with", true),
        ("Appreciate baroque music", "appreciate", true),
        ("Grasp the notion of heritage", "grasp", true),
        ("Realize how archives are kept", "realize", true),
        ("Master the editing software", "master", true),
        ("Discover the collections", "discover", true),
        ("Comprehend the role of the copyist", "comprehend", true),
        ("Participants will understand the exhibition", "understand", true),
        ("Recognize a Romanesque capital", "recognize", false),
        ("Locate the flooded areas on a map", "locate", false),
        ("Summarize a testimony in three sentences", "summarize", false),
        ("Classify four paintings by their light", "classify", false),
        ("Carry out a short interview", "carry out", false),
        ("Use an editing tool", "use", false),
        ("Demonstrate how a press works", "demonstrate", false),
        ("Analyze an archival source", "analyze", false),
        ("Distinguish a copy from an original", "distinguish", false),
        ("Investigate the provenance of an object", "investigate", false),
        ("Assess the reliability of a source", "assess", false),
        ("Justify an answer with an observation", "justify", false),
        ("Check two chatbot answers against the labels", "check", false),
        ("Design a visit route", "design", false),
        ("Write a 400-character label", "write", false),
        ("Record three testimonies", "record", false),
        ("Produce a short podcast", "produce", false),
        ("A fun visit of the collections", nil, false),
        ("Museum visit for families", nil, false),
    ]

    private func check(_ cases: [(String, String?, Bool)], language: Language, file: StaticString = #filePath, line: UInt = #line) {
        for (sentence, verb, isState) in cases {
            let analysis = BloomAnalyzer.analyze(sentence, language: language)
            XCTAssertEqual(analysis.verb, verb, sentence, file: file, line: line)
            XCTAssertEqual(analysis.isState, isState, sentence, file: file, line: line)
        }
    }

    func testFrenchObjectives() {
        XCTAssertGreaterThanOrEqual(french.count, 60)
        check(french, language: .fr)
    }

    func testEnglishObjectives() {
        XCTAssertGreaterThanOrEqual(english.count, 40)
        check(english, language: .en)
    }

    func testIntentionsAreTheTeamsNotThePublics() {
        for sentence in ["Sensibiliser les enfants au tri", "Faire découvrir les œuvres aux familles", "Permettre aux aînés de témoigner",
                         "Susciter la curiosité", "Favoriser le lien social", "Valoriser le fonds local", "Initier les jeunes au montage",
                         "Éveiller la curiosité", "Accompagner les familles", "Donner envie de lire", "Développer la confiance en soi"] {
            let analysis = BloomAnalyzer.analyze(sentence, language: .fr)
            XCTAssertTrue(analysis.isIntention, sentence)
            XCTAssertTrue(analysis.levels.isEmpty, "an intention has no Bloom level: \(sentence)")
        }
        XCTAssertTrue(BloomAnalyzer.analyze("Raise awareness of local history", language: .en).isIntention)
        XCTAssertFalse(BloomAnalyzer.analyze("Développer un prototype de visite", language: .fr).isIntention, "développer un objet is creating")
    }

    func testSubjectsAndFuturesLeadToTheVerbAndAccentsAreKept() {
        let sauront = BloomAnalyzer.analyze("Les participants sauront déchiffrer une lettre du XVIIe siècle", language: .fr)
        XCTAssertEqual(sauront.verb, "dechiffrer")
        XCTAssertEqual(sauront.written, "déchiffrer")
        XCTAssertEqual(sauront.rest, "une lettre du XVIIe siècle")
        XCTAssertEqual(BloomAnalyzer.analyze("Chaque élève sera capable d'identifier trois sources", language: .fr).written, "identifier")
        XCTAssertEqual(BloomAnalyzer.analyze("Découvrir les réserves", language: .fr).written, "découvrir")
        for observable in ["Transcrire une lettre", "Lire un plan ancien", "Photographier un détail", "Interviewer un ancien ouvrier"] {
            XCTAssertFalse(BloomAnalyzer.analyze(observable, language: .fr).levels.isEmpty, observable)
        }
    }

    func testVerbsAtTwoLevels() {
        XCTAssertEqual(BloomAnalyzer.analyze("Record three testimonies", language: .en).levels, [.create])
        XCTAssertEqual(BloomAnalyzer.analyze("Compare two portraits", language: .en).levels, [.understand])
        XCTAssertEqual(BloomAnalyzer.analyze("Comparer deux portraits", language: .fr).levels, [.analyze])
        XCTAssertEqual(BloomAnalyzer.analyze("Check the answers", language: .en).levels, [.evaluate])
        XCTAssertEqual(BloomAnalyzer.analyze("Distinguer deux styles", language: .fr).levels, [.understand])
    }

    func testTheLeadInIsNotMistakenForTheVerb() {
        let analysis = BloomAnalyzer.analyze("Savoir reconnaître un vitrail", language: .fr)
        XCTAssertEqual(analysis.verb, "reconnaitre")
        XCTAssertEqual(analysis.levels, [.remember])
        XCTAssertEqual(BloomAnalyzer.analyze("Une visite pour comprendre", language: .fr).verb, nil, "a verb later in the sentence does not count")
    }
}
