import AtelierCore
import AtelierReport
import Foundation
import Hummingbird

/// The three pages — joining, the trainer's, the group's editor — and their assets. Pages are
/// shells built with `HTMLNode` (text escaped by construction); the script fills them through
/// the JSON API. Nothing is loaded from elsewhere.
struct Pages {
    let server: WorkshopServer

    func register(on router: Router<WorkshopContext>) {
        router.get("") { request, _ in Reply.html(join(WorkshopServer.language(of: request))) }
        router.get("trainer") { request, _ in Reply.html(trainer(WorkshopServer.language(of: request))) }
        router.get("edit") { request, _ in
            let language = (try? server.resolve(request, role: .trainee).1.language) ?? WorkshopServer.language(of: request)
            return Reply.html(editor(language))
        }
        router.get("grade") { request, _ in Reply.html(grade(WorkshopServer.language(of: request))) }
        router.get("impact") { request, _ in Reply.html(impact(WorkshopServer.language(of: request))) }
        router.get("day2") { request, _ in
            let language = (try? server.resolve(request, role: .trainee).1.language) ?? WorkshopServer.language(of: request)
            return Reply.html(day2(language))
        }
        router.get("assets/app.js") { _, _ in Reply.bytes(Data(Assets.script.utf8), type: "text/javascript; charset=utf-8") }
        router.get("assets/app.css") { _, _ in Reply.bytes(Data(Assets.style.utf8), type: "text/css; charset=utf-8") }
        router.get("assets/words/{language}") { _, context in
            let language = Language(rawValue: context.parameters.get("language") ?? "") ?? .fr
            let words = Dictionary(uniqueKeysWithValues: WorkshopMessage.allCases.map { ($0.rawValue, $0.template(in: language)) })
            return Reply.json(words)
        }
    }

    private func say(_ key: WorkshopMessage, _ language: Language) -> HTMLNode { .text(key.template(in: language)) }

    private func page(_ name: String, _ language: Language, title: String, _ body: [HTMLNode]) -> String {
        HTMLNode.page(language: language.rawValue, title: title, stylesheets: ["/assets/app.css"], scripts: ["/assets/app.js"],
                      body: [.element("main", ["id": name, "data-page": name, "data-lang": language.rawValue], body)])
    }

    private func field(_ id: String, _ label: WorkshopMessage, _ language: Language, _ control: HTMLNode, help: WorkshopMessage? = nil) -> HTMLNode {
        .element("p", ["class": "field"], [.element("label", ["for": id], [say(label, language)]), control]
            + (help.map { [.element("span", ["class": "help", "id": "\(id)-help"], [say($0, language)])] } ?? []))
    }

    private func input(_ id: String, type: String = "text", autocomplete: String = "off") -> HTMLNode {
        .element("input", ["id": id, "name": id, "type": type, "required": "required", "autocomplete": autocomplete])
    }

    private func alert(_ id: String) -> HTMLNode { .element("p", ["id": id, "class": "alert", "role": "alert", "aria-live": "assertive"]) }

    func join(_ language: Language) -> String {
        page("join", language, title: WorkshopMessage.joinTitle.template(in: language), [
            .element("h1", [:], [say(.joinTitle, language)]),
            .element("p", [:], [say(.joinIntro, language)]),
            .element("form", ["id": "join-form", "novalidate": "novalidate"], [
                field("code", .codeLabel, language, input("code")),
                field("name", .nameLabel, language, input("name", autocomplete: "given-name")),
                field("group", .groupLabel, language, .element("select", ["id": "group", "name": "group", "required": "required"])),
                .element("button", ["type": "submit"], [say(.joinButton, language)]),
                alert("join-message"),
            ]),
            .element("p", [:], [.element("a", ["href": "/trainer?lang=\(language.rawValue)"], [say(.trainerLink, language)])]),
        ])
    }

    func trainer(_ language: Language) -> String {
        page("trainer", language, title: WorkshopMessage.trainerTitle.template(in: language), [
            .element("h1", [:], [say(.trainerTitle, language)]),
            .element("section", ["id": "start", "class": "columns"], [
                .element("form", ["id": "create-form"], [
                    .element("h2", [:], [say(.createTitle, language)]),
                    field("title", .titleLabel, language, input("title")),
                    field("language", .languageLabel, language, .element("select", ["id": "language", "name": "language"], [
                        .element("option", attributes: [("value", "fr"), ("selected", language == .fr ? "selected" : nil)], [.text("Français")]),
                        .element("option", attributes: [("value", "en"), ("selected", language == .en ? "selected" : nil)], [.text("English")]),
                    ])),
                    field("start-date", .startLabel, language, .element("input", ["id": "start-date", "name": "start-date", "type": "date"])),
                    field("end-date", .endLabel, language, .element("input", ["id": "end-date", "name": "end-date", "type": "date"])),
                    field("password", .passwordLabel, language, input("password", type: "password", autocomplete: "new-password")),
                    field("groups", .groupsLabel, language, .element("textarea", ["id": "groups", "name": "groups", "rows": "4", "required": "required",
                                                                                  "aria-describedby": "groups-help"]), help: .groupsHelp),
                    .element("fieldset", ["id": "checklists"], [.element("legend", [:], [say(.checklistsLabel, language)]),
                                                               .element("span", ["class": "help"], [say(.checklistsHelp, language)])]),
                    field("upload", .uploadLabel, language, .element("input", ["id": "upload", "name": "upload", "type": "file", "accept": ".yaml,.yml"])),
                    field("rubric", .rubricLabel, language, .element("select", ["id": "rubric", "name": "rubric"])),
                    .element("button", ["type": "submit"], [say(.createButton, language)]),
                    alert("create-message"),
                ]),
                .element("form", ["id": "login-form"], [
                    .element("h2", [:], [say(.loginTitle, language)]),
                    field("login-code", .codeLabel, language, input("login-code")),
                    field("login-password", .passwordLabel, language, input("login-password", type: "password", autocomplete: "current-password")),
                    .element("button", ["type": "submit"], [say(.loginButton, language)]),
                    alert("login-message"),
                ]),
            ]),
            .element("section", ["id": "dashboard", "hidden": "hidden"], [
                .element("h2", ["id": "dashboard-title"], [say(.dashboardTitle, language)]),
                .element("p", ["id": "dashboard-dates"]),
                .element("div", ["class": "joining"], [
                    .element("div", [:], [
                        .element("p", [:], [say(.joinWith, language)]),
                        .element("p", ["id": "join-code", "class": "code"]),
                        .element("ul", ["id": "addresses"]),
                        .element("p", [:], [.element("a", ["id": "export", "href": "/api/trainer/export"], [say(.exportButton, language)])]),
                        .element("p", [:], [.element("a", ["id": "grade-link", "href": "/grade"], [say(.gradeLink, language)])]),
                        .element("p", [:], [.element("a", ["id": "impact-link", "href": "/impact"], [say(.impactLink, language)])]),
                    ]),
                    .element("img", ["id": "qr", "alt": WorkshopMessage.joinWith.template(in: language), "width": "180", "height": "180"]),
                ]),
                .element("div", ["id": "groups-list", "class": "groups", "aria-live": "polite"]),
                .element("form", ["id": "cotrainer-form"], [
                    .element("h3", [:], [say(.coTrainerTitle, language)]),
                    field("cotrainer-name", .coTrainerName, language, input("cotrainer-name")),
                    field("cotrainer-password", .passwordLabel, language, input("cotrainer-password", type: "password", autocomplete: "new-password")),
                    .element("button", ["type": "submit"], [say(.coTrainerButton, language)]),
                    .element("p", ["id": "cotrainers", "role": "status"]),
                    alert("cotrainer-message"),
                ]),
                .element("section", ["id": "group-view", "hidden": "hidden"], [
                    .element("h3", ["id": "group-view-title"]),
                    .element("pre", ["id": "group-view-yaml", "class": "yaml"]),
                ]),
            ]),
        ])
    }

    func grade(_ language: Language) -> String {
        page("grade", language, title: WorkshopMessage.gradeTitle.template(in: language), [
            .element("h1", ["id": "grade-title"], [say(.gradeTitle, language)]),
            .element("div", ["class": "actions"], [
                field("grade-group", .groupToGrade, language, .element("select", ["id": "grade-group", "name": "grade-group"])),
                .element("button", ["id": "timer", "type": "button"], [say(.timerStart, language)]),
                .element("span", ["id": "timer-value", "class": "timer", "role": "timer", "aria-live": "off"], [.text("00:00")]),
            ]),
            .element("p", ["id": "automatic", "class": "help"]),
            .element("div", ["id": "criteria", "class": "criteria"]),
            .element("p", ["id": "grade-status", "role": "status", "aria-live": "polite"]),
            .element("section", ["aria-labelledby": "progress-title"], [
                .element("h2", ["id": "progress-title"], [say(.progressTitle, language)]),
                .element("table", ["id": "progress", "class": "progress"]),
            ]),
            .element("section", ["aria-labelledby": "results-title"], [
                .element("h2", ["id": "results-title"], [say(.resultsTitle, language)]),
                .element("button", ["id": "compute", "type": "button"], [say(.computeResults, language)]),
                .element("p", [:], [
                    .element("a", ["href": "/api/grading/scores.csv"], [say(.downloadScores, language)]), .text(" · "),
                    .element("a", ["href": "/api/grading/gradebook.xlsx"], [say(.downloadGradebook, language)]), .text(" · "),
                    .element("a", ["href": "/api/grading/feedback.zip"], [say(.downloadFeedback, language)]),
                ]),
                .element("div", ["id": "publication", "class": "groups"]),
                .element("h3", ["id": "problems-title", "hidden": "hidden"], [say(.problemsTitle, language)]),
                .element("ul", ["id": "problems"]),
                .element("pre", ["id": "summary", "class": "yaml", "hidden": "hidden"]),
            ]),
        ])
    }

    func impact(_ language: Language) -> String {
        page("impact", language, title: WorkshopMessage.impactTitle.template(in: language), [
            .element("h1", [:], [say(.impactTitle, language)]),
            field("impact-group", .groupColumn, language, .element("select", ["id": "impact-group", "name": "impact-group"])),
            field("impact-file", .impactUpload, language, .element("input", ["id": "impact-file", "name": "impact-file", "type": "file", "accept": ".csv,.tsv,.txt,.xlsx,.ods"])),
            .element("ul", ["id": "impact-exports"]),
            alert("impact-message"),
            .element("p", ["id": "impact-downloads", "hidden": "hidden"], [
                .element("a", ["id": "impact-workbook"], [.text("xlsx")]), .text(" · "),
                .element("a", ["id": "impact-aggregate"], [.text("agregats.json")]),
            ]),
            .element("iframe", ["id": "impact-report", "title": WorkshopMessage.impactTitle.template(in: language), "hidden": "hidden"]),
            .element("h2", [:], [say(.networkTitle, language)]),
            field("network-file", .networkUpload, language, .element("input", ["id": "network-file", "name": "network-file", "type": "file", "accept": ".json"])),
            .element("ul", ["id": "network-files"]),
            alert("network-message"),
            .element("iframe", ["id": "network-report", "title": WorkshopMessage.networkTitle.template(in: language), "hidden": "hidden"]),
        ])
    }

    func day2(_ language: Language) -> String {
        page("day2", language, title: WorkshopMessage.peerTitle.template(in: language), [
            .element("h1", ["id": "day2-title"], [say(.peerTitle, language)]),
            .element("p", [:], [say(.peerIntro, language)]),
            .element("form", ["id": "peer-form"], [
                .element("div", ["id": "peer-members"]),
                .element("button", ["type": "submit"], [say(.sendMarks, language)]),
                alert("peer-message"),
            ]),
            .element("section", ["aria-labelledby": "result-title"], [
                .element("h2", ["id": "result-title"], [say(.resultsTitle, language)]),
                .element("p", ["id": "result-mark", "class": "percent"]),
                .element("p", ["id": "result-individual", "class": "percent"]),
                .element("pre", ["id": "result-feedback", "class": "yaml", "hidden": "hidden"]),
            ]),
        ])
    }

    func editor(_ language: Language) -> String {
        let tabs: [(String, WorkshopMessage)] = [("form", .formTab), ("yaml", .yamlTab), ("preview", .previewTab), ("history", .historyTab)]
        return page("editor", language, title: WorkshopMessage.editorTitle.template(in: language), [
            .element("header", ["class": "editor-head"], [
                .element("h1", ["id": "editor-title"], [say(.editorTitle, language)]),
                .element("div", ["class": "readiness"], [
                    .element("span", ["id": "readiness-label"], [say(.readiness, language)]),
                    .element("div", ["class": "bar", "role": "progressbar", "id": "readiness", "aria-labelledby": "readiness-label",
                                      "aria-valuemin": "0", "aria-valuemax": "100", "aria-valuenow": "0"], [.element("span", ["id": "readiness-fill"])]),
                    .element("span", ["id": "readiness-value"], [.text("—")]),
                ]),
                .element("div", ["class": "actions"], [
                    .element("button", ["id": "save", "type": "button"], [say(.saveButton, language)]),
                    .element("span", ["id": "save-status", "role": "status", "aria-live": "polite"]),
                    .element("a", ["id": "download", "href": "/api/mockup/download"], [say(.downloadButton, language)]),
                    .element("a", ["id": "sheet-download", "href": "/sheet?download=1"], [say(.sheetDownload, language)]),
                    .element("a", ["id": "day2-link", "href": "/day2"], [say(.day2Link, language)]),
                ]),
            ]),
            alert("editor-message"),
            .element("section", ["id": "conflict", "hidden": "hidden", "class": "conflict", "aria-labelledby": "conflict-title"], [
                .element("h2", ["id": "conflict-title"], [say(.conflictTitle, language)]),
                .element("p", ["id": "conflict-message"]),
                .element("pre", ["id": "conflict-theirs", "class": "yaml"]),
                .element("button", ["id": "take-theirs", "type": "button"], [say(.takeTheirs, language)]),
                .element("button", ["id": "keep-mine", "type": "button"], [say(.keepMine, language)]),
            ]),
            .element("section", ["id": "start", "hidden": "hidden"], [
                .element("h2", [:], [say(.templateChoice, language)]),
                field("template", .templateChoice, language, .element("select", ["id": "template", "name": "template"])),
                .element("button", ["id": "use-template", "type": "button"], [say(.templateButton, language)]),
            ]),
            .element("div", ["class": "workspace"], [
                .element("div", ["class": "panes"], [
                    .element("div", ["role": "tablist", "class": "tabs"], tabs.map { id, label in
                        .element("button", attributes: [("role", "tab"), ("id", "tab-\(id)"), ("aria-controls", "pane-\(id)"),
                                                        ("aria-selected", id == "form" ? "true" : "false"), ("type", "button")], [say(label, language)])
                    }),
                    .element("div", ["id": "pane-form", "role": "tabpanel", "aria-labelledby": "tab-form"], [
                        .element("p", ["class": "help"], [say(.formIntro, language)]),
                        .element("form", ["id": "guided", "novalidate": "novalidate"]),
                    ]),
                    .element("div", ["id": "pane-yaml", "role": "tabpanel", "aria-labelledby": "tab-yaml", "hidden": "hidden"], [
                        .element("label", ["for": "yaml", "id": "yaml-label"], [say(.yamlTab, language)]),
                        .element("textarea", ["id": "yaml", "spellcheck": "false", "rows": "30", "aria-describedby": "findings-title"]),
                    ]),
                    .element("div", ["id": "pane-preview", "role": "tabpanel", "aria-labelledby": "tab-preview", "hidden": "hidden"], [
                        .element("iframe", ["id": "preview", "title": WorkshopMessage.previewTab.template(in: language)]),
                    ]),
                    .element("div", ["id": "pane-history", "role": "tabpanel", "aria-labelledby": "tab-history", "hidden": "hidden"], [
                        .element("ol", ["id": "history", "reversed": "reversed"]),
                    ]),
                ]),
                .element("aside", ["class": "findings", "aria-labelledby": "findings-title"], [
                    .element("h2", ["id": "findings-title"], [say(.findingsTitle, language)]),
                    .element("ul", ["id": "findings", "aria-live": "polite"]),
                ]),
            ]),
        ])
    }
}
