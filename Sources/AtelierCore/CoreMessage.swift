/// The sentences Core itself and every file-reading module share: a path that does not exist or
/// cannot be read. Placeholders are written `{name}`.
public enum CoreMessage: String, MessageCatalogue {
    case noSuchFile = "file.no-such-file"
    case unreadable = "file.unreadable"

    public var french: String {
        switch self {
        case .noSuchFile: "{path} : ce fichier ou ce dossier n'existe pas."
        case .unreadable: "{path} : lecture impossible ({reason})."
        }
    }

    public var english: String {
        switch self {
        case .noSuchFile: "{path}: no such file or folder."
        case .unreadable: "{path}: cannot be read ({reason})."
        }
    }
}
