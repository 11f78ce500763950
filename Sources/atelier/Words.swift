import AtelierChecklist
import AtelierCore
import AtelierMockup
import Foundation

/// What the command line needs before any command runs: the language its help and argument
/// errors speak (`--lang`, then LC_ALL, LC_MESSAGES, LANG) and, for the lists shown in help and
/// completions, the template library if it can be found.
enum CLI {
    static let language = Language.requested(by: CommandLine.arguments, environment: ProcessInfo.processInfo.environment)

    static let library: TemplateLibrary? = {
        let arguments = CommandLine.arguments
        let option = arguments.firstIndex(of: "--templates").flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
        return try? TemplateSearch.locate(option: option, environment: ProcessInfo.processInfo.environment,
                                           executable: URL(fileURLWithPath: arguments[0]))
    }()

    /// The names of what exists, read from the library: never written by hand.
    static var templateNames: [String] { library?.mockupTemplateNames ?? [] }
    static var checklistNames: [String] { library.map { ChecklistSet.builtinNames(in: $0.checklistsFolder) } ?? [] }
    static var rubricNames: [String] {
        guard let folder = library?.folder.appendingPathComponent("rubrics") else { return [] }
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// `word` in the command line's language, with `{name}` placeholders filled.
    static func say(_ word: Words, _ arguments: [String: String] = [:]) -> String {
        Words.text(word, arguments)[language]
    }

    /// A discussion: `word`'s text, then the examples under their heading.
    static func discussion(_ word: Words?, examples: [String], _ arguments: [String: String] = [:]) -> String {
        let text = word.map { say($0, arguments) + "\n" } ?? ""
        return text + say(.examples) + "\n" + examples.map { "  " + $0 }.joined(separator: "\n")
    }
}

/// The command line's own words: abstracts, option help and the parser's messages, in French
/// and English. Every case has both: a missing translation does not compile.
enum Words: String, MessageCatalogue {
    case surveyWritten, surveyNothing, projectWritten, gradeRubricWritten, gradeSheetWritten, gradeUnmarkedSummary, gradeNothingWritten, cliRuleCount, cliChecklistTested, cliCreated, impactBadDelimiter, impactNoResponses, gradeNoGroups, templatesNotFound
    case examples, seeHelp, didYouMean
    case rootAbstract
    case langHelp, templatesHelp
    case newAbstract, newDiscussion, newFileHelp, newTemplateHelp
    case checkAbstract, checkDiscussion, checkFilesHelp, checkChecklistHelp, checkFormatHelp, checkFailOnHelp
    case checklistAbstract, checklistListAbstract, checklistShowAbstract, checklistTestAbstract, checklistDocAbstract
    case checklistNameHelp, checklistFilesHelp, checklistDocFormatHelp, checklistVerbsAbstract, checklistVerbsSentenceHelp
    case renderAbstract, renderDiscussion, renderMockupHelp, renderHTMLHelp, renderMarkdownHelp, renderChecklistHelp
    case surveyAbstract, surveyDiscussion, surveyMockupHelp, surveyXLSFormHelp, surveyHTMLHelp, surveyEasyHelp, surveySheetHelp
    case impactAbstract, impactDiscussion, impactMockupHelp, impactResponsesHelp, impactAggregateHelp, impactSheetHelp, impactDelimiterHelp
    case impactSuppressHelp, impactJSONHelp, impactXLSXHelp, impactHTMLHelp
    case mergeAbstract, mergeDiscussion, mergeAggregatesHelp, mergeMockupHelp, impactSiteHelp, impactNoVerbatimsHelp, impactShareVerbatimsHelp
    case gradeAbstract, gradeRubricHelp
    case gradeSheetAbstract, gradeSheetDiscussion, gradeSheetGroupsHelp, gradeSheetMockupsHelp, gradeSheetGradersHelp, gradeSheetXLSXHelp
    case gradeRubricAbstract, gradeRubricDiscussion, gradeRubricCanvasHelp, gradeRubricYAMLHelp
    case gradeComputeAbstract, gradeScoresHelp, gradeMockupsHelp, gradeJSONHelp, gradeXLSXHelp, gradeFeedbackHelp, gradePeerHelp
    case gradePeerWeightingHelp, gradeDisagreementHelp, gradeSharePeerScoresHelp
    case schemaAbstract, schemaDiscussion, schemaOutputHelp, schemaForHelp
    case demoAbstract, demoDiscussion, demoOutputHelp, demoExamplesHelp
    case manualAbstract, manualDiscussion
    case serveAbstract, serveDiscussion, servePortHelp, serveHostHelp, serveDataHelp, serveExportHelp, serveCodeHelp, serveImportHelp
    case compareAbstract, compareDiscussion, compareOldHelp, compareNewHelp, compareJSONHelp, compareXLSXHelp, compareHTMLHelp

    var french: String {
        switch self {
        case .schemaForHelp: "Le format : mockup (les maquettes, par défaut), checklist (les listes de contrôle) ou rubric (les grilles d'évaluation)."
        case .serveAbstract: "Ouvrir l'atelier dans le navigateur : les groupes écrivent leur maquette, le formateur suit leur avancée."
        case .serveDiscussion: "Les données (ateliers, versions de chaque maquette) sont dans --data ; chaque enregistrement y est écrit avant d'être confirmé. Arrêt : Ctrl-C."
        case .servePortHelp: "Le port d'écoute (par défaut 8080)."
        case .serveHostHelp: "L'adresse d'écoute (par défaut 0.0.0.0 : toutes les interfaces, pour les appareils de la salle)."
        case .serveDataHelp: "Le dossier des données (par défaut atelier-data)."
        case .serveExportHelp: "Écrire l'atelier de --code dans ce dossier (un YAML par groupe et manifest.json), puis s'arrêter."
        case .serveCodeHelp: "Le code de l'atelier à exporter."
        case .serveImportHelp: "Lire un atelier exporté (son dossier) dans --data, puis s'arrêter."
        case .templatesNotFound: "Dossier des modèles d'Atelier introuvable. Emplacements essayés : {places}. Indiquez-le avec --templates ou la variable ATELIER_TEMPLATES."
        case .impactBadDelimiter: "--delimiter « {value} » : choisissez , ; tab ou |."
        case .impactNoResponses: "Aucun export d'enquête : ajoutez --responses FICHIER (un .csv, .xlsx ou .ods par outil ; l'option se répète)."
        case .gradeNoGroups: "Aucun groupe à noter : nommez-les avec --groups \"Groupe A,Groupe B\" ou donnez leurs maquettes (Examples/*.yaml)."
        case .surveyWritten: "{path} écrit."
        case .surveyNothing: "Rien à écrire : ajoutez --xlsform, --html ou --sheet."
        case .projectWritten: "{path} écrit."
        case .gradeRubricWritten: "{path} écrit."
        case .gradeSheetWritten: "{path} écrit : {groups} groupes, {graders} correcteur(s). Remplissez une feuille par correcteur, puis : {command}"
        case .gradeUnmarkedSummary: "{count} groupe(s) sans note : {groups}. Complétez les grilles (ou vérifiez les noms des groupes), puis relancez la commande."
        case .gradeNothingWritten: "Aucun fichier écrit : corrigez les erreurs ci-dessus, puis relancez la commande."
        case .cliRuleCount: "{count} règles"
        case .cliChecklistTested: "{name} : {rules} règles, {examples} exemples, {failures} échec(s)."
        case .cliCreated: "{path} créé à partir du modèle « {name} ». Complétez-le, puis lancez : atelier check {path}"
        case .examples: "Exemples :"
        case .seeHelp: "Voir « {command} --help »."
        case .didYouMean: "Vouliez-vous dire « {word} » ?"
        case .rootAbstract: "Concevoir, vérifier et évaluer des projets de médiation culturelle."
        case .langHelp: "Langue des messages : fr ou en (par défaut : d'après LC_ALL, LC_MESSAGES, LANG)."
        case .templatesHelp: "Dossier des modèles fournis (par défaut : ATELIER_TEMPLATES, puis à côté du programme, puis l'arborescence des sources)."
        case .newAbstract: "Créer une maquette commentée à partir d'un modèle."
        case .newDiscussion: "N'écrase jamais un fichier existant. Modèles : {templates}."
        case .newFileHelp: "Le fichier de maquette à créer."
        case .newTemplateHelp: "Le modèle ({templates})."
        case .checkAbstract: "Vérifier des maquettes et expliquer chaque constat."
        case .checkDiscussion: """
            Code de sortie : 0 rien au niveau de --fail-on ou au-dessus, 1 des constats à ce niveau, 2 la vérification n'a pas pu se faire.
            Un commentaire « # atelier: ignore ID-RÈGLE — raison » sur la ligne d'un constat ou la ligne au-dessus le fait taire.
            """
        case .checkFilesHelp: "Des maquettes, ou des dossiers dont les fichiers .yaml/.yml sont vérifiés."
        case .checkChecklistHelp: "Une liste de contrôle à appliquer, par nom ({checklists}) ou chemin (répétable). Celle qui étend mediation-essentials la remplace ; les autres s'y ajoutent."
        case .checkFormatHelp: "Format de sortie : text, json ou markdown."
        case .checkFailOnHelp: "La gravité la plus basse qui donne le code de sortie 1 : error, warning ou never."
        case .checklistAbstract: "Lister, montrer, tester et imprimer les listes de contrôle."
        case .checklistListAbstract: "Les listes de contrôle fournies."
        case .checklistShowAbstract: "Les règles d'une liste de contrôle, avec ce qu'elle étend."
        case .checklistTestAbstract: "Lancer les exemples de chaque règle : les valides doivent passer, les invalides déclencher la règle là où ↓ l'indique."
        case .checklistDocAbstract: "Une grille imprimable des règles : par section, gravité, ce qui est vérifié, pourquoi, référence."
        case .checklistNameHelp: "Le nom ({checklists}) ou le chemin d'une liste de contrôle."
        case .checklistFilesHelp: "Des listes de contrôle, par fichier ou par nom (par défaut : toutes celles fournies)."
        case .checklistDocFormatHelp: "markdown ou html."
        case .checklistVerbsAbstract: "Le lexique des verbes d'objectif (niveau de Bloom, verbe d'état, intention) et la raison de chaque entrée ; avec des phrases, le verbe que le vérificateur y lit."
        case .checklistVerbsSentenceHelp: "Des objectifs ou des verbes à expliquer (tout le lexique sans eux), lus dans la langue de --lang."
        case .renderAbstract: "Mettre une maquette en page : la fiche projet à projeter ou imprimer."
        case .renderDiscussion: """
            Une page HTML autonome (sans script ni réseau ; s'imprime en A4, se lit sur téléphone) : publics, objectifs
            et leur niveau de Bloom, frise des activités, matrice d'alignement et ses manques, plan d'évaluation,
            état de préparation et constats de la vérification.
            """
        case .renderMockupHelp: "La maquette."
        case .renderHTMLHelp: "Écrire la fiche projet en HTML."
        case .renderMarkdownHelp: "Écrire la fiche projet en Markdown."
        case .renderChecklistHelp: "Une liste de contrôle à appliquer, par nom ({checklists}) ou chemin (répétable)."
        case .surveyAbstract: "Produire le questionnaire du plan d'évaluation d'une maquette."
        case .surveyDiscussion: """
            --xlsform : un XLSForm (survey, choices, settings ; libellés en français et en anglais) à importer dans
            KoboToolbox ou ODK. --html : un questionnaire papier imprimable (gros caractères, cases à cocher) ; --easy
            ajoute une consigne en langage simple à chaque question (FALC). --sheet : un classeur .xlsx pour saisir les
            réponses papier, avec les en-têtes exacts du plan et des listes déroulantes, qu'« atelier impact » relit tel quel.
            """
        case .surveyMockupHelp: "La maquette dont les evaluation.questions forment le questionnaire."
        case .surveyXLSFormHelp: "Écrire un XLSForm pour KoboToolbox ou ODK."
        case .surveyHTMLHelp: "Écrire un questionnaire papier imprimable (HTML)."
        case .surveyEasyHelp: "Consignes en langage simple et gros caractères sur le questionnaire papier (FALC)."
        case .surveySheetHelp: "Écrire le classeur de saisie des réponses papier."
        case .impactAbstract: "Calculer les indicateurs du plan d'évaluation à partir des exports d'enquête."
        case .impactDiscussion: """
            Lit les exports CSV/TSV, .xlsx et .ods (Google Forms, Microsoft Forms, LimeSurvey, KoboToolbox, Framaforms, papier),
            code chaque réponse d'après les questions et les échelles du plan, et calcule chaque indicateur face à sa cible.
            Chaque ligne est utilisée ou écartée avec sa raison ; chaque réponse refusée est listée.
            """
        case .impactMockupHelp: "La maquette dont le plan d'évaluation est calculé."
        case .impactResponsesHelp: "Un export d'enquête (répétable) : .csv, .tsv, .txt, .xlsx ou .ods, reconnu à son contenu."
        case .impactAggregateHelp: "Écrire les agrégats (des sommes, aucune réponse brute) qu'« atelier merge » additionne entre sites."
        case .impactSheetHelp: "La feuille d'un export .xlsx ou .ods à lire (par défaut : la première)."
        case .impactDelimiterHelp: "Le séparateur de colonnes, pour ne pas le détecter : , ; tab |"
        case .impactSuppressHelp: "Les segments qui ont moins de réponses n'affichent pas de valeur."
        case .impactJSONHelp: "Écrire les indicateurs en JSON dans ce fichier (« - » pour la sortie standard)."
        case .impactXLSXHelp: "Écrire le classeur Excel (indicateurs, une feuille par question avec son graphique, segments, lignes écartées)."
        case .impactHTMLHelp: "Écrire le rapport d'impact en une page HTML autonome (graphiques SVG, s'imprime en A4)."
        case .mergeAbstract: "Additionner les agrégats de plusieurs sites."
        case .mergeDiscussion: """
            Chaque site lance « atelier impact … --aggregate site.json » et ne partage que ce fichier (des sommes, aucune réponse brute).
            Les indicateurs fusionnés sont ceux qu'on obtiendrait en lisant toutes les réponses ensemble.
            """
        case .mergeAggregatesHelp: "Les fichiers d'agrégats écrits par atelier impact --aggregate."
        case .mergeMockupHelp: "La maquette dont les cibles font foi, quand les sites n'ont pas les mêmes."
        case .impactSiteHelp: "Le nom du site, écrit dans ses agrégats et montré à côté du réseau (par défaut : le nom du fichier d'export)."
        case .impactNoVerbatimsHelp: "Ne pas lister les réponses libres (verbatims) dans le classeur et la page."
        case .impactShareVerbatimsHelp: "Mettre aussi les réponses libres dans le fichier d'agrégats, pour le rapport du réseau (sinon il n'en contient aucune)."
        case .gradeAbstract: "Noter les présentations des groupes avec une grille."
        case .gradeRubricHelp: "La grille : un nom ({rubrics}), un fichier YAML ou une grille Canvas en CSV."
        case .gradeSheetAbstract: "Écrire la grille de notation .xlsx à remplir pendant les présentations."
        case .gradeSheetDiscussion: "Une feuille par correcteur, une ligne par groupe, une liste déroulante des niveaux par critère et une colonne de commentaire ; la mise en page est protégée."
        case .gradeSheetGroupsHelp: "Les groupes, séparés par des virgules (ou donnez les maquettes : leurs titres servent)."
        case .gradeSheetMockupsHelp: "Les maquettes dont les titres nomment les groupes."
        case .gradeSheetGradersHelp: "Les correcteurs, séparés par des virgules."
        case .gradeSheetXLSXHelp: "La grille de notation à écrire."
        case .gradeRubricAbstract: "Montrer une grille ; la convertir vers le CSV de grille de Canvas ou depuis celui-ci vers YAML."
        case .gradeRubricDiscussion: "Canvas n'a pas de poids : l'export multiplie les points de chaque niveau par le poids de son critère ; l'import donne à chaque critère le poids 1."
        case .gradeRubricCanvasHelp: "Écrire la grille au format CSV de grille de Canvas."
        case .gradeRubricYAMLHelp: "Écrire la grille en YAML d'Atelier."
        case .gradeComputeAbstract: "Combiner les grilles des correcteurs en notes, désaccords, accord, sévérité et retours."
        case .gradeScoresHelp: "Les grilles remplies (.xlsx ou .ods de « grade sheet ») ou un CSV au format long (groupe, correcteur, critère, niveau, commentaire) ; répétable."
        case .gradeMockupsHelp: "Les maquettes des groupes (pour les critères automatiques et les retours)."
        case .gradeJSONHelp: "Écrire les notes en JSON (« - » pour la sortie standard)."
        case .gradeXLSXHelp: "Écrire le carnet de notes (.xlsx) : notes, correcteurs côte à côte avec les désaccords surlignés, accord, sévérité."
        case .gradeFeedbackHelp: "Écrire dans ce dossier un retour Markdown par groupe, et un par membre avec --peer."
        case .gradePeerHelp: "L'évaluation par les pairs dans les groupes (CSV/xlsx/ods : groupe, évaluateur, évalué, note) pour les notes individuelles WebPA."
        case .gradePeerWeightingHelp: "La part de la note que l'évaluation par les pairs fait varier (p de WebPA, de 0 à 1)."
        case .gradeDisagreementHelp: "Des totaux de correcteurs plus éloignés que cette part de l'échelle signalent un groupe (de 0 à 1)."
        case .gradeSharePeerScoresHelp: "Montrer le score de chaque membre dans le retour du groupe (par défaut, chacun ne voit que le sien, dans son propre fichier)."
        case .schemaAbstract: "Afficher le schéma JSON du format des maquettes."
        case .schemaDiscussion: "Les éditeurs s'en servent pour compléter et expliquer les clés (VS Code avec l'extension YAML)."
        case .schemaOutputHelp: "Écrire le schéma dans ce fichier plutôt que sur la sortie standard (« - » pour la sortie standard)."
        case .demoAbstract: "Dérouler tout le parcours sur les exemples."
        case .demoDiscussion: """
            Vérifie chaque maquette d'Examples/ et écrit dans le dossier de sortie les rapports (texte, JSON, Markdown), la grille
            imprimable de la liste de contrôle fournie, la fiche projet et le questionnaire de chaque exemple ; calcule les
            indicateurs d'impact des exemples qui ont des exports d'enquête, les agrégats de chaque site et leur fusion ;
            écrit une grille de notation vierge et note la grille remplie (Examples/grading/grille-remplie.xlsx).
            """
        case .demoOutputHelp: "Le dossier des résultats."
        case .demoExamplesHelp: "Le dossier des maquettes d'exemple (par défaut : Examples à côté des modèles)."
        case .manualAbstract: "Écrire la page de manuel (atelier.1) dans la langue choisie."
        case .manualDiscussion: "Faite de la même aide que --help : « make install » l'installe en français et en anglais."
        case .compareAbstract: "Comparer deux vagues d'une enquête (l'an dernier et cette année, avant et après un changement)."
        case .compareDiscussion: """
            Pour chaque indicateur : les deux valeurs, l'écart (nouvelle − ancienne), son intervalle à 95 % et la valeur p du test qui
            convient (parts : intervalle de Newcombe et test z ; moyennes : Welch ; NPS : intervalle normal). Un indicateur dont la
            question a été reformulée ou dont l'échelle a changé n'est pas comparé, et la raison est dite.
            """
        case .compareOldHelp: "L'ancienne vague : une sortie d'« atelier impact --json » ou un fichier d'agrégats."
        case .compareNewHelp: "La nouvelle vague, de même."
        case .compareJSONHelp: "Écrire la comparaison en JSON (« - » pour la sortie standard)."
        case .compareXLSXHelp: "Écrire la comparaison dans un classeur Excel."
        case .compareHTMLHelp: "Écrire la comparaison en une page HTML autonome."
        }
    }

    var english: String {
        switch self {
        case .schemaForHelp: "The format: mockup (mockups, the default), checklist (checklists) or rubric (grading rubrics)."
        case .serveAbstract: "Open the workshop in the browser: groups write their mockup, the trainer follows their progress."
        case .serveDiscussion: "The data (workshops, every version of each mockup) lives in --data; each save is written there before it is acknowledged. Stop: Ctrl-C."
        case .servePortHelp: "The port to listen on (default 8080)."
        case .serveHostHelp: "The address to listen on (default 0.0.0.0: every interface, for the room's devices)."
        case .serveDataHelp: "The data folder (default atelier-data)."
        case .serveExportHelp: "Write the workshop of --code into this folder (one YAML per group and manifest.json), then stop."
        case .serveCodeHelp: "The code of the workshop to export."
        case .serveImportHelp: "Read an exported workshop (its folder) into --data, then stop."
        case .templatesNotFound: "The Atelier templates folder was not found. Places tried: {places}. Name it with --templates or the ATELIER_TEMPLATES variable."
        case .impactBadDelimiter: "--delimiter « {value} »: choose , ; tab or |."
        case .impactNoResponses: "No survey export: add --responses FILE (one .csv, .xlsx or .ods per tool; the option repeats)."
        case .gradeNoGroups: "No group to grade: name them with --groups \"Group A,Group B\" or give their mockups (Examples/*.yaml)."
        case .surveyWritten: "{path} written."
        case .surveyNothing: "Nothing to write: add --xlsform, --html or --sheet."
        case .projectWritten: "{path} written."
        case .gradeRubricWritten: "{path} written."
        case .gradeSheetWritten: "{path} written: {groups} groups, {graders} grader(s). Fill in one sheet per grader, then: {command}"
        case .gradeUnmarkedSummary: "{count} group(s) without a mark: {groups}. Complete the grading sheets (or check the groups' names), then run the command again."
        case .gradeNothingWritten: "Nothing written: correct the errors above, then run the command again."
        case .cliRuleCount: "{count} rules"
        case .cliChecklistTested: "{name}: {rules} rules, {examples} examples, {failures} failure(s)."
        case .cliCreated: "Created {path} from the template « {name} ». Fill it in, then run: atelier check {path}"
        case .examples: "Examples:"
        case .seeHelp: "See « {command} --help »."
        case .didYouMean: "Did you mean « {word} »?"
        case .rootAbstract: "Design, check and evaluate cultural-mediation projects."
        case .langHelp: "Language of messages: fr or en (default: from LC_ALL, LC_MESSAGES, LANG)."
        case .templatesHelp: "Folder of the built-in templates (default: ATELIER_TEMPLATES, then next to the binary, then the source tree)."
        case .newAbstract: "Write a commented mockup from a template."
        case .newDiscussion: "Never overwrites an existing file. Templates: {templates}."
        case .newFileHelp: "The mockup file to create."
        case .newTemplateHelp: "The template ({templates})."
        case .checkAbstract: "Check mockups and explain every finding."
        case .checkDiscussion: """
            Exit status: 0 nothing at or above --fail-on, 1 findings at or above it, 2 the check could not run.
            A comment « # atelier: ignore RULE-ID — reason » on a finding's line or the line above silences it.
            """
        case .checkFilesHelp: "Mockup files, or folders whose .yaml/.yml files are checked."
        case .checkChecklistHelp: "A checklist to apply, by name ({checklists}) or path (repeatable). One that extends mediation-essentials replaces it; one that does not adds to it."
        case .checkFormatHelp: "Output format: text, json or markdown."
        case .checkFailOnHelp: "Lowest severity that makes the exit status 1: error, warning or never."
        case .checklistAbstract: "List, show, test and print checklists."
        case .checklistListAbstract: "The built-in checklists."
        case .checklistShowAbstract: "The rules of a checklist, with what it extends."
        case .checklistTestAbstract: "Run every rule's examples: valid ones must pass, invalid ones must trigger the rule where ↓ marks."
        case .checklistDocAbstract: "A printable grid of the rules: by section, severity, what is checked, why, reference."
        case .checklistNameHelp: "A checklist name ({checklists}) or path."
        case .checklistFilesHelp: "Checklist files or names (default: every built-in checklist)."
        case .checklistDocFormatHelp: "markdown or html."
        case .checklistVerbsAbstract: "The lexicon of objective verbs (Bloom level, verb of state, intention) with each entry's reason; given sentences, the verb the checker reads in them."
        case .checklistVerbsSentenceHelp: "Objectives or verbs to explain (the whole lexicon without them), read in the language of --lang."
        case .renderAbstract: "Lay a mockup out as a project sheet to project or print."
        case .renderDiscussion: """
            One self-contained HTML page (no script, no network; prints on A4, reads on a phone): audiences,
            objectives with their Bloom level, a timeline of the activities, the alignment matrix with its gaps,
            the evaluation plan, the readiness and the checklist's findings.
            """
        case .renderMockupHelp: "The mockup."
        case .renderHTMLHelp: "Write the project sheet as HTML."
        case .renderMarkdownHelp: "Write the project sheet as Markdown."
        case .renderChecklistHelp: "A checklist to apply, by name ({checklists}) or path (repeatable)."
        case .surveyAbstract: "Make the questionnaire of a mockup's evaluation plan."
        case .surveyDiscussion: """
            --xlsform: an XLSForm (survey, choices, settings; labels in French and English) to import into
            KoboToolbox or ODK. --html: a printable paper questionnaire (large type, tick boxes); --easy adds
            a plain-language instruction to every question (FALC). --sheet: an .xlsx to key in paper answers,
            with the plan's exact headers and drop-downs, which « atelier impact » reads back as it is.
            """
        case .surveyMockupHelp: "The mockup whose evaluation.questions make the questionnaire."
        case .surveyXLSFormHelp: "Write an XLSForm for KoboToolbox or ODK."
        case .surveyHTMLHelp: "Write a printable paper questionnaire (HTML)."
        case .surveyEasyHelp: "Plain-language instructions and larger type on the paper questionnaire (FALC)."
        case .surveySheetHelp: "Write the data-entry workbook for paper answers."
        case .impactAbstract: "Compute the plan's indicators from survey exports."
        case .impactDiscussion: """
            Reads CSV/TSV, .xlsx and .ods exports (Google Forms, Microsoft Forms, LimeSurvey, KoboToolbox, Framaforms, paper),
            codes every answer against the plan's questions and scales, and computes each indicator against its target.
            Every row is used or excluded with a reason; every refused answer is listed.
            """
        case .impactMockupHelp: "The mockup whose evaluation plan is computed."
        case .impactResponsesHelp: "A survey export (repeatable): .csv, .tsv, .txt, .xlsx or .ods, recognised by content."
        case .impactAggregateHelp: "Write the aggregates (sums, no raw answer) that « atelier merge » combines across sites."
        case .impactSheetHelp: "The sheet of an .xlsx or .ods export to read (default: the first)."
        case .impactDelimiterHelp: "The column delimiter, when detection is not wanted: , ; tab |"
        case .impactSuppressHelp: "Segments with fewer answers show no value."
        case .impactJSONHelp: "Write the indicators as JSON to this file (« - » for standard output)."
        case .impactXLSXHelp: "Write the Excel workbook (indicators, one sheet per question with its chart, segments, excluded rows)."
        case .impactHTMLHelp: "Write the impact report as one self-contained HTML page (charts in SVG, prints on A4)."
        case .mergeAbstract: "Combine the aggregates of several sites."
        case .mergeDiscussion: """
            Each site runs « atelier impact … --aggregate site.json » and shares only that file (sums, no raw answer).
            The merged indicators are those one would get from all the answers read together.
            """
        case .mergeAggregatesHelp: "Aggregate files written by atelier impact --aggregate."
        case .mergeMockupHelp: "The mockup whose targets hold, when the sites' differ."
        case .impactSiteHelp: "The site's name, written in its aggregates and shown beside the network (default: the export's file name)."
        case .impactNoVerbatimsHelp: "Leave the open answers (verbatims) out of the workbook and the page."
        case .impactShareVerbatimsHelp: "Put the open answers in the aggregate file too, for the network's report (otherwise it holds none)."
        case .gradeAbstract: "Grade group presentations with a rubric."
        case .gradeRubricHelp: "The rubric: a built-in name ({rubrics}), a YAML file, or a Canvas rubric CSV."
        case .gradeSheetAbstract: "Write the .xlsx grading sheet to fill during the presentations."
        case .gradeSheetDiscussion: "One sheet per grader, a row per group, a drop-down list of levels per criterion and a comment column; the layout is protected."
        case .gradeSheetGroupsHelp: "The groups, separated by commas (or name mockups: their titles are used)."
        case .gradeSheetMockupsHelp: "Mockups whose titles name the groups."
        case .gradeSheetGradersHelp: "The graders, separated by commas."
        case .gradeSheetXLSXHelp: "The grading sheet to write."
        case .gradeRubricAbstract: "Show a rubric; convert it to Canvas's rubric CSV or from it to YAML."
        case .gradeRubricDiscussion: "Canvas has no weights: exporting multiplies each level's points by its criterion's weight; importing gives every criterion weight 1."
        case .gradeRubricCanvasHelp: "Write the rubric in Canvas's rubric CSV layout."
        case .gradeRubricYAMLHelp: "Write the rubric as an Atelier YAML rubric."
        case .gradeComputeAbstract: "Combine the graders' sheets into marks, disagreements, agreement, severity and feedback."
        case .gradeScoresHelp: "Filled grading sheets (.xlsx or .ods from « grade sheet ») or CSV in long format (group, grader, criterion, level, comment); repeatable."
        case .gradeMockupsHelp: "The groups' mockups (for automatic criteria and feedback)."
        case .gradeJSONHelp: "Write the grades as JSON (« - » for standard output)."
        case .gradeXLSXHelp: "Write the gradebook (.xlsx): marks, graders side by side with disagreements highlighted, agreement, severity."
        case .gradeFeedbackHelp: "Write one Markdown feedback file per group, and one per member with --peer, into this folder."
        case .gradePeerHelp: "Peer ratings inside groups (CSV/xlsx/ods: group, giver, receiver, mark) for WebPA individual marks."
        case .gradePeerWeightingHelp: "The share of the mark the peer ratings move (WebPA p, 0 to 1)."
        case .gradeDisagreementHelp: "Graders' totals further apart than this share of the scale flag a group (0 to 1)."
        case .gradeSharePeerScoresHelp: "Show every member's peer score in the group's feedback file (by default each member sees only their own, in their own file)."
        case .schemaAbstract: "Print the JSON Schema of the mockup format."
        case .schemaDiscussion: "Editors use it to complete keys and explain them (VS Code with the YAML extension)."
        case .schemaOutputHelp: "Write the schema to this file instead of standard output (« - » for standard output)."
        case .demoAbstract: "Run the whole flow on the examples."
        case .demoDiscussion: """
            Checks every mockup of Examples/ and writes into the output folder the reports (text, JSON, Markdown), the
            printable grid of the built-in checklist, each example's project sheet and questionnaire; computes the impact
            indicators of the examples that have survey exports, each site's aggregates and their merge; writes a blank
            grading sheet and grades the filled one (Examples/grading/grille-remplie.xlsx).
            """
        case .demoOutputHelp: "Folder for the results."
        case .demoExamplesHelp: "Folder of the example mockups (default: Examples next to the templates)."
        case .manualAbstract: "Write the manual page (atelier.1) in the chosen language."
        case .manualDiscussion: "Made of the same help as --help: « make install » installs it in French and in English."
        case .compareAbstract: "Compare two waves of a survey (last year and this year, before and after a change)."
        case .compareDiscussion: """
            For each indicator: both values, the difference (new − old), its 95% interval and the p-value of the fitting test
            (shares: Newcombe's interval and the z test; means: Welch; NPS: a normal interval). An indicator whose question was
            reworded or whose scale changed is not compared, and the reason is said.
            """
        case .compareOldHelp: "The old wave: an « atelier impact --json » output or an aggregate file."
        case .compareNewHelp: "The new wave, likewise."
        case .compareJSONHelp: "Write the comparison as JSON (« - » for standard output)."
        case .compareXLSXHelp: "Write the comparison as an Excel workbook."
        case .compareHTMLHelp: "Write the comparison as one self-contained HTML page."
        }
    }
}

extension Language {
    /// The language a command line asks for with `--lang fr|en` (or `--lang=…`), else the
    /// environment's: what error messages are printed in, even when parsing failed.
    static func requested(by arguments: [String], environment: [String: String]) -> Language {
        for (index, argument) in arguments.enumerated() {
            let value: String? = if argument == "--lang", arguments.indices.contains(index + 1) {
                arguments[index + 1]
            } else if argument.hasPrefix("--lang=") {
                String(argument.dropFirst("--lang=".count))
            } else {
                nil
            }
            if let value, let language = Language(rawValue: value) { return language }
        }
        return fromEnvironment(environment)
    }
}
