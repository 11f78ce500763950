import AtelierCore

extension YAMLNode {
    /// Where the value at `path` is written; for a path that does not exist, where its
    /// nearest existing ancestor is (a missing key is reported at its parent).
    public func position(of path: FieldPath) -> SourcePosition {
        var node = self
        var position = self.position
        for component in path.components {
            switch component {
            case .key(let key):
                guard let entry = node.entries?.first(where: { $0.key == key }) else { return position }
                node = entry.value
                position = entry.value.isEmpty ? entry.keyPosition : entry.value.position
            case .index(let index):
                guard let items = node.items, items.indices.contains(index) else { return position }
                node = items[index]
                position = node.position
            }
        }
        return position
    }
}
