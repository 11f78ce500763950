import AtelierCore

// The bodies the JSON API reads and writes (described in `OpenAPIDocument`).

struct NewWorkshop: Decodable {
    let title: String
    let language: Language?
    let password: String
    let groups: [String]
    /// Built-in checklists, by name, besides the default one.
    let checklists: [String]?
    /// Checklists the trainer wrote, as YAML.
    let uploads: [WorkshopChecklist]?
    /// The rubric of the presentations.
    let rubric: String?
    /// The workshop's first and last days.
    let dates: WorkshopDates?
}

struct CoTrainerBody: Decodable {
    let name: String
    let password: String
}

struct TrainerLogin: Decodable {
    let code: String
    let password: String
}

struct Join: Decodable {
    let code: String
    let name: String
    let group: String
}

struct CheckBody: Decodable {
    let yaml: String
}

struct SaveBody: Decodable {
    /// The version the text was written from (0 for the first save).
    let base: Int
    let yaml: String
}

struct PublicWorkshop: Encodable {
    let title: String
    let language: Language
    let groups: [String]
}

struct SessionView: Encodable {
    let role: WorkshopSession.Role
    let name: String
    let csrf: String
    let code: String
    let title: String
    let language: Language
    let group: String?
}

struct ConflictView: Encodable {
    let error: String
    let latest: MockupVersion
}

struct GroupView: Encodable {
    let id: Int64
    let name: String
    let version: Int
    let author: String?
    let savedAt: String?
    let readiness: Double?
    let errors: Int
    let warnings: Int
}

struct Overview: Encodable {
    let code: String
    let title: String
    let addresses: [String]
    let groups: [GroupView]
    let checklists: [String]
    let rubric: String?
    let coTrainers: [String]
    let dates: WorkshopDates?
}

struct TreeBody: Decodable {
    let tree: TreeJSON
}

struct TreeReply: Encodable {
    let tree: TreeJSON?
    let error: String?
}
