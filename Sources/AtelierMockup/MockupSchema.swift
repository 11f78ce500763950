/// The mockup format `atelier/1`, declared once: the validator, the typed model and the
/// JSON Schema all read this declaration. Descriptions are in French, the trainees' language.
public enum MockupSchema {
    public static let formatVersion = "atelier/1"

    public static let root: SchemaNode = .object([
        Field("format", .scalar(.formatVersion), required: true, "Version du format de maquette : toujours atelier/1."),
        Field("title", .scalar(.text), required: true, "Titre du projet de médiation.", aliases: ["titre"]),
        Field("summary", .scalar(.text), "Deux ou trois phrases : le besoin, la collection, l'idée.", aliases: ["resume", "résumé"]),
        Field("language", .scalar(.choice(languages)), "Langue dans laquelle la maquette est écrite (les verbes des objectifs sont analysés dans cette langue).", aliases: ["langue"]),
        Field("institution", institution, required: true, "La structure qui porte le projet.", aliases: ["structure", "etablissement"]),
        Field("team", .list(person), "L'équipe projet.", aliases: ["equipe", "équipe"]),
        Field("partners", .list(partner), "Les partenaires du projet.", aliases: ["partenaires"]),
        Field("dates", .object([
            Field("start", .scalar(.date), required: true, "Début du projet.", aliases: ["debut", "début"]),
            Field("end", .scalar(.date), required: true, "Fin du projet.", aliases: ["fin"]),
        ]), required: true, "La durée du projet : début et fin."),
        Field("audiences", .list(audience, ids: "audiences"), required: true, "Les publics visés.", aliases: ["publics", "public"]),
        Field("objectives", .list(objective, ids: "objectives"), required: true, "Les objectifs d'apprentissage, chacun commençant par un verbe d'action observable.", aliases: ["objectifs"]),
        Field("tools", .list(tool, ids: "tools"), required: true, "Les outils numériques du projet.", aliases: ["outils"]),
        Field("activities", .list(activity, ids: "activities"), required: true, "Le calendrier : les activités du projet, par phase.", aliases: ["activites", "activités", "calendrier"]),
        Field("data", data, "Les données personnelles collectées (RGPD).", aliases: ["donnees", "données"]),
        Field("rights", rights, "Droit à l'image et œuvres reproduites.", aliases: ["droits"]),
        Field("accessibility", .object([
            Field("non-digital-alternative", .scalar(.text), "Le parcours non numérique proposé à qui ne peut ou ne veut pas utiliser l'outil."),
            Field("easy-read", .scalar(.bool), "Une version FALC (facile à lire et à comprendre) existe."),
            Field("sign-language", .scalar(.bool), "Une version en langue des signes existe."),
            Field("large-print", .scalar(.bool), "Des supports en gros caractères et bien contrastés existent."),
            Field("tactile", .scalar(.bool), "Des supports tactiles (reliefs, maquettes, objets à toucher) existent."),
            Field("step-free", .scalar(.bool), "Les lieux des activités sont accessibles sans marche (plain-pied, rampe, ascenseur)."),
            Field("hearing-loop", .scalar(.bool), "Une boucle magnétique équipe les lieux."),
            Field("translations", .scalar(.bool), "Les contenus clés existent dans les langues du public."),
            Field("pictograms", .scalar(.bool), "Des pictogrammes et supports visuels permettent de suivre sans lire le français."),
            Field("notes", .scalar(.text), "Autres mesures d'accessibilité."),
        ]), "Accessibilité et inclusion du projet.", aliases: ["accessibilite", "accessibilité"]),
        Field("sustainability", .object([
            Field("after-project", .scalar(.text), "Ce que deviennent les contenus et les outils après le projet."),
            Field("maintenance", .scalar(.text), "Qui maintient l'outil, et comment."),
            Field("environmental", .scalar(.text), "Mesures d'écoconception (RGESN)."),
            Field("device-profile", .scalar(.text), "Le profil des appareils visés (ancienneté, système)."),
            Field("low-bandwidth", .scalar(.bool), "L'outil fonctionne avec une connexion faible."),
        ]), "Durabilité et écoconception.", aliases: ["durabilite", "durabilité"]),
        Field("budget", .object([
            Field("currency", .scalar(.currency), "Code ISO 4217 de la monnaie (EUR par défaut)."),
            Field("lines", .list(.object([
                Field("label", .scalar(.text), required: true, "Poste de dépense."),
                Field("amount", .scalar(.number), required: true, "Montant."),
                Field("category", .scalar(.text), "Catégorie (matériel, prestation, personnel…)."),
            ])), "Les postes de dépense."),
            Field("funding", .list(.object([
                Field("source", .scalar(.text), required: true, "Financeur."),
                Field("amount", .scalar(.number), required: true, "Montant."),
            ])), "Les financements."),
        ]), "Le budget du projet."),
        Field("evaluation", evaluation, required: true, "Le plan d'évaluation : questionnaire et indicateurs."),
    ])

    static let languages = [Choice("fr", "Français"), Choice("en", "English")]

    static let institution: SchemaNode = .object([
        Field("name", .scalar(.text), required: true, "Nom de la structure.", aliases: ["nom"]),
        Field("type", .scalar(.choice([
            Choice("museum", "Musée"), Choice("library", "Bibliothèque, médiathèque"),
            Choice("archives", "Service d'archives"), Choice("heritage-site", "Site patrimonial, monument"),
            Choice("performing-arts", "Spectacle vivant"), Choice("cultural-centre", "Centre culturel"),
            Choice("youth-centre", "Maison des jeunes, MJC"), Choice("school", "Établissement scolaire"),
            Choice("university", "Université"), Choice("association", "Association"),
            Choice("third-place", "Tiers-lieu"), Choice("fablab", "Fablab"), Choice("other", "Autre"),
        ])), "Type de structure."),
        Field("city", .scalar(.text), "Ville.", aliases: ["ville"]),
        Field("country", .scalar(.country), "Pays, code ISO 3166 à deux lettres (FR, BE, CH…).", aliases: ["pays"]),
    ])

    static let person: SchemaNode = .object([
        Field("name", .scalar(.text), required: true, "Nom.", aliases: ["nom"]),
        Field("role", .scalar(.text), "Rôle dans le projet."),
        Field("email", .scalar(.email), "Adresse électronique."),
    ])

    static let partner: SchemaNode = .object([
        Field("name", .scalar(.text), required: true, "Nom du partenaire.", aliases: ["nom"]),
        Field("role", .scalar(.text), "Ce que le partenaire apporte."),
        Field("type", .scalar(.choice([
            Choice("public", "Organisme public"), Choice("association", "Association"),
            Choice("school", "Établissement scolaire"), Choice("commercial", "Entreprise (partenaire commercial)"),
            Choice("other", "Autre"),
        ])), "Nature du partenaire (un partenaire commercial compte pour les licences NC)."),
    ])

    public static let needs = [
        Choice("low-digital-literacy", "Peu à l'aise avec le numérique", synonyms: ["illectronisme", "fracture numérique"]),
        Choice("visual", "Handicap visuel", synonyms: ["visuel", "malvoyant", "malvoyants", "aveugle", "aveugles"]),
        Choice("hearing", "Handicap auditif", synonyms: ["auditif", "sourd", "sourds", "malentendant", "malentendants"]),
        Choice("mobility", "Mobilité réduite", synonyms: ["pmr", "moteur", "handicap moteur", "fauteuil"]),
        Choice("cognitive", "Handicap cognitif ou psychique", synonyms: ["cognitif", "handicap mental", "handicap cognitif", "psychique", "falc"]),
        Choice("non-native-speakers", "Non-francophones", synonyms: ["allophones", "allophone", "fle"]),
        Choice("young-children", "Jeunes enfants"), Choice("other", "Autre besoin"),
    ]

    static let audience: SchemaNode = .object([
        Field("id", .scalar(.id), required: true, "Identifiant du public, repris par les objectifs et les activités."),
        Field("label", .scalar(.text), required: true, "Description courte du public.", aliases: ["nom", "libelle", "libellé"]),
        Field("expected", .scalar(.integer), "Nombre de participants attendus."),
        Field("age", .object([
            Field("min", .scalar(.integer), "Âge minimum."),
            Field("max", .scalar(.integer), "Âge maximum."),
        ]), "Tranche d'âge."),
        Field("needs", .list(.scalar(.choice(needs))), "Besoins particuliers du public.", aliases: ["besoins"]),
        Field("description", .scalar(.text), "Ce qu'on sait de ce public."),
    ])

    public static let bloomLevels = [
        Choice("remember", "Se souvenir"), Choice("understand", "Comprendre"), Choice("apply", "Appliquer"),
        Choice("analyze", "Analyser"), Choice("evaluate", "Évaluer"), Choice("create", "Créer"),
    ]

    static let objective: SchemaNode = .object([
        Field("id", .scalar(.id), required: true, "Identifiant de l'objectif (O1, O2…)."),
        Field("text", .scalar(.text), required: true, "Une phrase qui commence par un verbe d'action observable : « Identifier trois techniques de gravure ».", aliases: ["texte", "objectif"]),
        Field("level", .scalar(.choice(bloomLevels)), "Niveau de la taxonomie de Bloom ; déduit du verbe s'il est absent.", aliases: ["niveau"]),
        Field("audiences", .list(.scalar(.ref("audiences"))), "Les publics concernés.", aliases: ["publics"]),
        Field("success", .scalar(.text), "Le critère de réussite observable.", aliases: ["reussite", "réussite", "critere", "critère"]),
        Field("by", .scalar(.date), "La date à laquelle l'objectif doit être atteint."),
    ])

    /// An enumerated value in French words (its description), or as written when the list
    /// does not have it.
    public static func words(for value: String, in choices: [Choice]) -> String {
        choices.first { $0.value == value }?.description ?? value
    }

    public static let devices = [
        Choice("provided", "Appareils prêtés"), Choice("byod", "Appareils des visiteurs"), Choice("both", "Appareils prêtés ou des visiteurs"),
    ]

    static let tool: SchemaNode = .object([
        Field("id", .scalar(.id), required: true, "Identifiant de l'outil, repris par les activités."),
        Field("type", .scalar(.choice(ToolType.choices)), required: true, "Type d'outil numérique."),
        Field("name", .scalar(.text), "Nom de l'outil ou du produit.", aliases: ["nom"]),
        Field("purpose", .scalar(.text), "À quoi sert l'outil dans le projet.", aliases: ["usage", "but"]),
        Field("objectives", .list(.scalar(.ref("objectives"))), "Les objectifs que l'outil sert.", aliases: ["objectifs"]),
        Field("access", .object([
            Field("devices", .scalar(.choice(devices)), "Qui fournit les appareils."),
            Field("network", .scalar(.choice([
                Choice("none", "Aucun réseau nécessaire"), Choice("wifi", "Wi-Fi"), Choice("mobile", "Réseau mobile"),
            ])), "Le réseau nécessaire."),
            Field("offline", .scalar(.bool), "L'outil fonctionne hors ligne."),
            Field("download-mb", .scalar(.number), "Taille à télécharger, en Mo."),
        ]), "Conditions d'accès à l'outil."),
        Field("accessibility", .object([
            Field("transcript", .scalar(.bool), "Transcription textuelle (RGAA 4.1)."),
            Field("captions", .scalar(.bool), "Sous-titres synchronisés (RGAA 4.3)."),
            Field("audio-description", .scalar(.bool), "Audiodescription (RGAA 4.5)."),
            Field("easy-read", .scalar(.bool), "Version FALC."),
            Field("large-print", .scalar(.bool), "Texte agrandissable et bien contrasté (RGAA 3 et 10)."),
            Field("screen-reader", .scalar(.bool), "Utilisable avec un lecteur d'écran (RGAA)."),
            Field("motion-alternative", .scalar(.bool), "Alternative aux gestes et mouvements (RGAA 13.12)."),
            Field("sign-language", .scalar(.bool), "Version en langue des signes."),
            Field("translations", .scalar(.bool), "Contenus traduits dans les langues du public."),
        ]), "Accessibilité de l'outil."),
        Field("safety", .object([
            Field("min-age", .scalar(.integer), "Âge minimum d'utilisation."),
            Field("session-minutes", .scalar(.integer), "Durée d'une séance, en minutes."),
            Field("breaks", .scalar(.bool), "Des pauses sont prévues."),
            Field("seated-option", .scalar(.bool), "L'expérience peut se faire assis."),
            Field("hygiene", .scalar(.text), "Mesures d'hygiène (casques, écrans)."),
            Field("ventilation", .scalar(.bool), "Le local est ventilé (impression 3D)."),
            Field("material", .scalar(.text), "Matériau utilisé (PLA, ABS…)."),
        ]), "Sécurité et santé."),
        Field("ai", .object([
            Field("disclosure", .scalar(.bool), "Le public est informé qu'il échange avec une IA (AI Act art. 50)."),
            Field("human-review", .scalar(.bool), "Les réponses sont relues par l'équipe."),
            Field("provider", .scalar(.text), "Fournisseur du modèle d'IA."),
            Field("provider-country", .scalar(.country), "Pays du fournisseur (code à deux lettres)."),
            Field("personal-data-in-prompts", .scalar(.bool), "Des données personnelles sont envoyées au modèle."),
            Field("purpose", .scalar(.text), "Ce que fait l'IA dans le projet (répondre, écrire des textes, produire des images…)."),
            Field("generated-content", .scalar(.bool), "Des contenus produits par l'IA (textes, images, voix) sont montrés au public."),
        ]), "Intelligence artificielle (tout outil qui en utilise une : AI Act art. 50)."),
        Field("social", .object([
            Field("platform", .scalar(.text), "Plateforme (Instagram, TikTok…)."),
            Field("moderation", .scalar(.text), "Qui modère, et comment."),
            Field("account-owner", .scalar(.text), "À qui appartient le compte."),
        ]), "Réseaux sociaux."),
        Field("link", .object([
            Field("short-url", .scalar(.text), "Adresse courte affichée à côté du QR code."),
        ]), "Liens et QR codes."),
    ])

    public static let participationLevels = [
        Choice("attend", "Assister"), Choice("interact", "Interagir"), Choice("contribute", "Contribuer"),
        Choice("collaborate", "Collaborer"), Choice("co-create", "Co-créer"),
    ]

    static let activity: SchemaNode = .object([
        Field("id", .scalar(.id), required: true, "Identifiant de l'activité."),
        Field("title", .scalar(.text), required: true, "Intitulé de l'activité.", aliases: ["titre"]),
        Field("phase", .scalar(.choice(Phase.choices)), required: true, "Phase du projet."),
        Field("start", .scalar(.moment), required: true, "Début : une date, ou une date et une heure.", aliases: ["debut", "début"]),
        Field("end", .scalar(.moment), "Fin : une date, ou une date et une heure.", aliases: ["fin"]),
        Field("duration", .scalar(.duration), "Durée : 45min, 2h, 1h30, 2 jours.", aliases: ["duree", "durée"]),
        Field("audiences", .list(.scalar(.ref("audiences"))), "Les publics de l'activité.", aliases: ["publics"]),
        Field("tools", .list(.scalar(.ref("tools"))), "Les outils utilisés.", aliases: ["outils"]),
        Field("objectives", .list(.scalar(.ref("objectives"))), "Les objectifs travaillés.", aliases: ["objectifs"]),
        Field("participation", .scalar(.choice(participationLevels)), "Niveau de participation du public (d'après Nina Simon)."),
        Field("staff", .scalar(.integer), "Nombre de personnes de l'équipe mobilisées.", aliases: ["encadrement"]),
        Field("capacity", .scalar(.integer), "Nombre maximum de participants.", aliases: ["jauge"]),
        Field("place", .scalar(.text), "Lieu.", aliases: ["lieu"]),
    ])

    public static let legalBases = [
        Choice("consent", "Consentement", synonyms: ["accord"]), Choice("public-task", "Mission d'intérêt public"),
        Choice("legitimate-interest", "Intérêt légitime"), Choice("contract", "Contrat"),
        Choice("legal-obligation", "Obligation légale"), Choice("vital-interest", "Intérêts vitaux"),
    ]

    static let data: SchemaNode = .object([
        Field("personal", .scalar(.bool), "Des données personnelles sont collectées."),
        Field("kinds", .list(.scalar(.text)), "Quelles données (nom, courriel, voix, image…)."),
        Field("legal-basis", .scalar(.choice(legalBases)), "Base légale du traitement (RGPD art. 6)."),
        Field("retention-months", .scalar(.integer), "Durée de conservation, en mois."),
        Field("minors", .scalar(.bool), "Des données de mineurs sont collectées."),
        Field("parental-consent", .scalar(.bool), "Le consentement des parents est recueilli."),
        Field("notice", .scalar(.bool), "Une notice d'information est remise (RGPD art. 13)."),
        Field("processors", .list(.object([
            Field("name", .scalar(.text), required: true, "Nom du sous-traitant."),
            Field("country", .scalar(.country), "Pays (code à deux lettres)."),
        ])), "Les sous-traitants (hébergeur, outil de formulaire…)."),
    ])

    public static let licenses = [
        Choice("cc-by", "CC BY"), Choice("cc-by-sa", "CC BY-SA"), Choice("cc-by-nc", "CC BY-NC"),
        Choice("cc-by-nd", "CC BY-ND"), Choice("cc-by-nc-sa", "CC BY-NC-SA"), Choice("cc-by-nc-nd", "CC BY-NC-ND"),
        Choice("cc0", "CC0"), Choice("public-domain", "Domaine public"), Choice("cleared", "Droits obtenus"),
        Choice("own-work", "Création de l'équipe", synonyms: ["œuvre originale", "création originale"]), Choice("unknown", "Inconnue"),
    ]

    static let rights: SchemaNode = .object([
        Field("image-release", .scalar(.bool), "Des autorisations écrites de droit à l'image sont recueillies."),
        Field("assets", .list(.object([
            Field("title", .scalar(.text), required: true, "Titre de l'œuvre ou du document.", aliases: ["titre"]),
            Field("author", .scalar(.text), "Auteur.", aliases: ["auteur"]),
            Field("license", .scalar(.choice(licenses)), "Licence ou statut des droits.", aliases: ["licence"]),
            Field("source", .scalar(.text), "Provenance."),
            Field("modified", .scalar(.bool), "L'œuvre est modifiée ou adaptée."),
        ])), "Les œuvres et documents reproduits."),
    ])

    public static let scaleDefinition: SchemaNode = .object([
        Field("title", .localizedText, "Nom de l'échelle."),
        Field("levels", .list(.localizedText), required: true, "Les niveaux, du plus bas au plus haut."),
        Field("values", .list(.scalar(.number)), "La valeur de chaque niveau (1..n par défaut)."),
        Field("missing", .list(.localizedText), "Les réponses qui valent « pas de réponse » (« Ne sait pas »)."),
        Field("codes", .list(.scalar(.text)), "Le code de chaque niveau dans l'outil d'enquête (A1, A2… ou AO01…), dans l'ordre des niveaux."),
    ])

    static let question: SchemaNode = .object([
        Field("id", .scalar(.id), required: true, "Identifiant de la question (Q1…)."),
        Field("text", .scalar(.text), required: true, "L'intitulé, tel qu'il apparaît dans le questionnaire et en tête de colonne de l'export.", aliases: ["texte", "intitule", "intitulé"]),
        Field("type", .scalar(.choice(QuestionType.choices)), "Type de question."),
        Field("scale", .scalar(.scale), "Nom de l'échelle (fournie ou déclarée sous evaluation.scales).", aliases: ["echelle", "échelle"]),
        Field("choices", .list(.localizedText), "Les choix proposés.", aliases: ["choix"]),
        Field("column", .scalar(.text), "En-tête ou lettre de colonne de l'export, s'il diffère de l'intitulé.", aliases: ["colonne"]),
        Field("separator", .scalar(.text), "Séparateur des réponses multiples dans une cellule."),
        Field("segment", .scalar(.bool), "La question sert à ventiler les indicateurs (ex. le public)."),
        Field("pre", .scalar(.ref("evaluation.questions")), "La question « avant » appariée (pour un gain)."),
        Field("post", .scalar(.ref("evaluation.questions")), "La question « après » appariée (pour un gain)."),
        Field("optional", .scalar(.bool), "La question est facultative."),
        Field("min", .scalar(.number), "Pour une question nombre : la plus petite réponse plausible.", aliases: ["minimum"]),
        Field("max", .scalar(.number), "Pour une question nombre : la plus grande réponse plausible.", aliases: ["maximum"]),
    ])

    static let indicator: SchemaNode = .object([
        Field("id", .scalar(.id), required: true, "Identifiant de l'indicateur (I1…)."),
        Field("label", .scalar(.text), required: true, "Intitulé de l'indicateur.", aliases: ["libelle", "libellé"]),
        Field("measure", .scalar(.choice(Measure.choices)), required: true, "Ce qui est calculé.", aliases: ["mesure"]),
        Field("question", .scalar(.ref("evaluation.questions")), "La question mesurée."),
        Field("questions", .list(.scalar(.ref("evaluation.questions"))), "Les questions mesurées (alpha, gain)."),
        Field("top", .scalar(.integer), "Nombre de niveaux comptés (top-box, bottom-box ; 2 par défaut)."),
        Field("choice", .scalar(.text), "La réponse comptée (share).", aliases: ["choix"]),
        Field("target", .scalar(.text), "La cible : >= 80%, ≥ 4, > +30, between 3.5 and 5.", aliases: ["cible"]),
        Field("objectives", .list(.scalar(.ref("objectives"))), "Les objectifs que l'indicateur mesure.", aliases: ["objectifs"]),
        Field("by", .list(.scalar(.ref("evaluation.questions"))), "Les questions de ventilation (segments)."),
        Field("reverse", .list(.scalar(.ref("evaluation.questions"))), "Les items à inverser (alpha)."),
        Field("source", .scalar(.choice(IndicatorSource.choices)), "D'où vient la valeur."),
        Field("observed", .scalar(.number), "La valeur relevée (source: observation)."),
        Field("categories", .dictionary(.list(.scalar(.text))), "Pour outcomes : chaque catégorie de résultats (par exemple les cinq Generic Learning Outcomes) et les choix de la question qui en relèvent."),
    ])

    static let evaluation: SchemaNode = .object([
        Field("respondents-expected", .scalar(.integer), "Nombre de répondants attendus (par défaut : la somme des publics attendus)."),
        Field("scales", .dictionary(scaleDefinition, ids: "evaluation.scales"), "Échelles propres au projet, par nom.", aliases: ["echelles", "échelles"]),
        Field("questions", .list(question, ids: "evaluation.questions"), "Les questions du questionnaire."),
        Field("indicators", .list(indicator, ids: "evaluation.indicators"), "Les indicateurs et leurs cibles.", aliases: ["indicateurs"]),
    ])
}
