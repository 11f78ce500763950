/// The JSON API, described as OpenAPI 3.1 and served at `/openapi.json`. A test requests every
/// operation listed here and checks the router answers it.
enum OpenAPIDocument {
    /// Every operation: method, path, summary, whether it needs a session, whether it changes state.
    static let operations: [(method: String, path: String, summary: String, session: String?, changes: Bool)] = [
        ("get", "/api/workshops/{code}", "A workshop's title, language and group names (to join it).", nil, false),
        ("post", "/api/workshops", "Create a workshop; opens the trainer's session.", nil, true),
        ("post", "/api/trainer/login", "Sign in as the workshop's trainer (rate-limited).", nil, true),
        ("post", "/api/join", "Join a workshop's group (rate-limited); opens a trainee session.", nil, true),
        ("get", "/api/session", "Who this browser is, with the CSRF token to send back.", "any", false),
        ("get", "/api/templates", "The mockup templates' names.", nil, false),
        ("get", "/api/checklists", "The built-in checklists (besides the base one) and rubrics a workshop can use.", nil, false),
        ("get", "/api/templates/{name}", "A mockup template's YAML.", nil, false),
        ("post", "/api/check", "Check a mockup's YAML: findings and readiness, as `atelier check --format json`.", "any", true),
        ("post", "/api/yaml/tree", "A YAML text as the guided form's tree.", "any", true),
        ("post", "/api/yaml/text", "The guided form's tree as YAML text.", "any", true),
        ("get", "/api/mockup", "The group's latest version (number 0 before the first save).", "trainee", false),
        ("put", "/api/mockup", "Save the group's mockup as the version after `base`; 409 with the latest when someone saved first.", "trainee", true),
        ("get", "/api/mockup/history", "Every version of the group's mockup, newest first.", "trainee", false),
        ("get", "/api/mockup/download", "The group's latest mockup as a YAML file.", "trainee", false),
        ("get", "/api/trainer/overview", "Every group's latest version, readiness and counts.", "trainer", false),
        ("get", "/api/trainer/groups/{id}", "A group's latest version.", "trainer", false),
        ("post", "/api/trainer/cotrainers", "Add a co-trainer, who signs in with the code and their own password.", "trainer", true),
        ("get", "/api/trainer/qr.svg", "A QR code of the address trainees open.", "trainer", false),
        ("get", "/api/trainer/export", "The whole workshop as the JSON manifest `--export` writes.", "trainer", false),
        ("get", "/api/grading", "The rubric, the groups, this trainer's own levels and every trainer's progress.", "trainer", false),
        ("put", "/api/grading/scores", "Record this trainer's level (null clears it) and comment for a group and criterion.", "trainer", true),
        ("get", "/api/grading/results", "Marks, disagreements, agreement and severity as `atelier grade` computes them.", "trainer", false),
        ("post", "/api/grading/publish", "Publish or withdraw a group's results.", "trainer", true),
        ("get", "/api/grading/scores.csv", "The levels in the long CSV `atelier grade --scores` reads.", "trainer", false),
        ("get", "/api/grading/gradebook.xlsx", "The gradebook workbook `atelier grade --xlsx` writes.", "trainer", false),
        ("post", "/api/impact/{group}/exports", "Upload a survey export for a group's project (raw body, X-Filename header).", "trainer", true),
        ("get", "/api/impact/{group}/exports", "The survey exports uploaded for a group's project.", "trainer", false),
        ("get", "/api/impact/{group}/report.html", "The impact report of a group's project, as `atelier impact --html` writes it.", "trainer", false),
        ("get", "/api/impact/{group}/report.json", "The indicators, as `atelier impact --json` writes them.", "trainer", false),
        ("get", "/api/impact/{group}/workbook.xlsx", "The indicators' workbook, as `atelier impact --xlsx` writes it.", "trainer", false),
        ("get", "/api/impact/{group}/aggregate.json", "What the site shares with a network (sums, no answer), as `--aggregate` writes it.", "trainer", false),
        ("get", "/api/grading/feedback.zip", "The feedback files, per group and per member, in one zip (as `atelier grade --feedback` writes them).", "trainer", false),
        ("post", "/api/network/aggregates", "Upload a site's aggregate file (what `atelier impact --aggregate` writes).", "trainer", true),
        ("get", "/api/network/report.html", "The network's report: every uploaded site merged, each site beside the network.", "trainer", false),
        ("get", "/api/peer", "The member's group and whether they have rated it.", "trainee", false),
        ("post", "/api/peer", "Rate every member of one's group, once (WebPA).", "trainee", true),
        ("get", "/api/results", "Once published: the group's mark and feedback, and this member's own individual mark.", "trainee", false),
    ]

    static var text: String {
        var paths: [String: [(String, String)]] = [:]
        for operation in operations {
            var body = "\"summary\": \"\(operation.summary.replacingOccurrences(of: "\"", with: "\\\""))\""
            if let session = operation.session {
                body += ", \"security\": [{\"\(session == "trainer" ? "trainerSession" : session == "trainee" ? "traineeSession" : "anySession")\": []}]"
            }
            if operation.changes, operation.session != nil {
                body += ", \"parameters\": [{\"name\": \"X-Atelier-CSRF\", \"in\": \"header\", \"required\": true, \"schema\": {\"type\": \"string\"}}]"
            }
            let parameters = operation.path.split(separator: "{").dropFirst().map { $0.prefix { $0 != "}" } }
            if !parameters.isEmpty, !(operation.changes && operation.session != nil) {
                body += ", \"parameters\": [" + parameters.map { "{\"name\": \"\($0)\", \"in\": \"path\", \"required\": true, \"schema\": {\"type\": \"string\"}}" }
                    .joined(separator: ", ") + "]"
            }
            body += ", \"responses\": {\"200\": {\"description\": \"OK\"}, \"default\": {\"description\": \"A refusal: {\\\"error\\\": sentence}\"}}"
            paths[operation.path, default: []].append((operation.method, "{" + body + "}"))
        }
        let pathText = paths.keys.sorted().map { path in
            "\"\(path)\": {" + paths[path]!.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
        }.joined(separator: ",\n    ")
        return """
        {
          "openapi": "3.1.0",
          "info": {"title": "Atelier workshop API", "version": "1.0.0",
                   "description": "The JSON API of `atelier serve`. Sessions are HttpOnly, SameSite=Strict cookies; every state-changing request of a session sends its CSRF token in X-Atelier-CSRF."},
          "components": {"securitySchemes": {
            "trainerSession": {"type": "apiKey", "in": "cookie", "name": "atelier-trainer"},
            "traineeSession": {"type": "apiKey", "in": "cookie", "name": "atelier-trainee"},
            "anySession": {"type": "apiKey", "in": "cookie", "name": "atelier-trainee or atelier-trainer"}}},
          "paths": {
            \(pathText)
          }
        }

        """
    }
}
