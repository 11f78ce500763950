/// Lists of plain values kept end to end in one array, for the hot loops: reading one of them
/// retains nothing, where reading a list out of a list of lists retains it.
struct FlatLists<Element> {
    private let elements: [Element]
    /// Where each list ends in `elements` (it starts where the one before ends).
    private let ends: [Int]

    init(_ lists: [[Element]]) {
        elements = lists.flatMap { $0 }
        var end = 0
        ends = lists.map { list in
            end += list.count
            return end
        }
    }

    /// How many lists.
    var count: Int { ends.count }

    /// The positions in `elements` of list `index`.
    func range(_ index: Int) -> Range<Int> {
        (index == 0 ? 0 : ends[index - 1])..<ends[index]
    }

    /// The element at `position` (one of a `range`).
    subscript(position: Int) -> Element { elements[position] }

    /// List `index` itself.
    func list(_ index: Int) -> ArraySlice<Element> { elements[range(index)] }
}
