import AtelierChecklist
import AtelierMockup

/// The rubric format, declared as the mockup format is: its JSON Schema (`atelier schema --for
/// rubric`) helps trainers write rubrics in their editor; `RubricLoader` reads the same keys.
public enum RubricSchema {
    static let level: SchemaNode = .object([
        Field("label", .bilingualText, required: true, "Le nom du niveau, en français et en anglais (Insuffisant / Insufficient)."),
        Field("points", .scalar(.number), required: true, "Les points que vaut le niveau."),
        Field("descriptor", .bilingualText, "Ce que le niveau décrit, pour les correcteurs et dans les retours."),
    ])

    static let criterion: SchemaNode = .object([
        Field("id", .scalar(.id), required: true, "Identifiant du critère (colonnes des grilles, retours)."),
        Field("label", .bilingualText, required: true, "Le nom du critère, en français et en anglais."),
        Field("weight", .scalar(.number), "Son poids dans la note (1 par défaut)."),
        Field("levels", .list(level), required: true, "Les niveaux, du plus bas au plus haut."),
        Field("auto", .object([
            Field("readiness", .scalar(.choice([Choice("overall", "Préparation globale")] + Section.allCases.map { Choice($0.rawValue, $0.title.fr) })), required: true,
                  "La préparation qui donne le niveau : overall, ou une section de la vérification."),
            Field("thresholds", .list(.scalar(.number)), required: true, "Les seuils de préparation (0 à 1) qui font passer d'un niveau au suivant."),
        ]), "Un critère calculé à partir de la maquette vérifiée, pas noté par les correcteurs."),
        Field("feedback-only", .scalar(.bool), "Le critère sert au retour et ne compte pas dans la note."),
    ])

    static let root: SchemaNode = .object([
        Field("id", .scalar(.id), required: true, "Identifiant de la grille."),
        Field("title", .bilingualText, required: true, "Le titre de la grille, en français et en anglais."),
        Field("out-of", .scalar(.number), "La note est sur ce nombre de points (20 par défaut)."),
        Field("rounding", .scalar(.number), "La note est arrondie à ce pas (0,5 par défaut)."),
        Field("required-graders", .scalar(.integer), "Combien de correcteurs doivent noter un critère pour qu'il compte (1 par défaut)."),
        Field("criteria", .list(criterion), required: true, "Les critères."),
    ])

    public static let document = SchemaDocument(
        root: root, id: "https://atelier.invalid/schema/rubric-1.schema.json", title: "Grille d'évaluation des présentations (Atelier)",
        description: "Le format des grilles lues par atelier grade : critères, niveaux, points, poids, critères calculés.")
}
