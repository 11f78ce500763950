import AtelierCore
import AtelierMockup

/// The checklist format, declared as the mockup format is: the one schema engine validates a
/// checklist's structure (keys, types, sections, severities, built-in names), its JSON Schema
/// (`atelier schema --for checklist`) helps trainers write checklists in their editor, and
/// `ChecklistLoader` judges what depends on other fields (a check's argument, a built-in
/// function's options, paths).
public enum ChecklistSchema {
    /// A rule's level as a checklist writes it: a severity, or `off`.
    static let levels = (Severity.allCases.map(\.rawValue) + ["off"]).map { Choice($0, $0) }

    static let rule: SchemaNode = .object([
        Field("id", .scalar(.id), required: true, "Identifiant de la règle (lettres, chiffres, - et _), cité dans les constats."),
        Field("section", .scalar(.choice(Section.allCases.map { Choice($0.rawValue, $0.title.fr) })), required: true,
              "La section de la préparation où la règle compte."),
        Field("severity", .scalar(.choice(levels)), required: true, "error, warning, info, ou off pour la désactiver."),
        Field("target", .scalar(.text), "Le chemin de la maquette vérifié (tools[type=podcast].accessibility.transcript)."),
        Field("check", .any, "La vérification : present, not-empty, unique, ou {equals: …}, {one-of: […]}, {matches: …}, {at-least: …}, {number-between: [a, b]}, {count-between: [a, b]}, {refers-to: chemin}, {date-before: chemin}."),
        Field("builtin", .scalar(.choice(Builtins.all.map { Choice($0.name, $0.summary.fr) })),
              "Une fonction intégrée, à la place de target et check."),
        Field("options", .any, "Les options de la fonction intégrée."),
        Field("when", .any, "La règle ne s'applique que si cette condition tient : {target: chemin, equals: …}."),
        Field("missing", .scalar(.choice([Choice("pass", "Une valeur absente satisfait la règle."), Choice("fail", "Une valeur absente la viole.")])),
              "Ce que vaut une valeur absente (fail par défaut)."),
        Field("message", .bilingualText, required: true, "Le constat, en français et en anglais ; {id}, {label}, {value}, {path}… y sont remplacés."),
        Field("why", .bilingualText, required: true, "Pourquoi la règle existe, en français et en anglais."),
        Field("fix", .bilingualText, required: true, "Comment corriger, en français et en anglais."),
        Field("reference", .scalar(.text), "La source (loi, norme, recommandation)."),
        Field("examples", .object([
            Field("valid", .list(.scalar(.text)), "Des extraits de maquette qui satisfont la règle."),
            Field("invalid", .list(.scalar(.text)), "Des extraits qui la violent, ↓ marquant l'endroit du constat."),
        ]), "Les exemples de la règle, qui sont ses tests (atelier checklist test)."),
    ])

    static let root: SchemaNode = .object([
        Field("id", .scalar(.id), required: true, "Identifiant de la liste de contrôle."),
        Field("title", .bilingualText, required: true, "Le titre de la liste, en français et en anglais."),
        Field("extends", .list(.scalar(.text)), "Les listes qu'elle étend (mediation-essentials) : elle en change les gravités et y ajoute ses règles."),
        Field("severities", .dictionary(.scalar(.choice(levels))), "Une gravité par identifiant de règle des listes étendues (off la désactive)."),
        Field("rules", .list(rule), "Les règles."),
    ])

    public static let document = SchemaDocument(
        root: root, id: "https://atelier.invalid/schema/checklist-1.schema.json", title: "Liste de contrôle pédagogique (Atelier)",
        description: "Le format des listes de contrôle lues par atelier check : règles, gravités, vérifications, exemples.")
}
