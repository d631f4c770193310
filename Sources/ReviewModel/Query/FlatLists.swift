/// Many short lists stored end to end in one array, with where each starts: two allocations
/// instead of one per list (42,000 texts, State lists, theme lists).
struct FlatLists<Element>: Sendable where Element: Sendable {
    var elements: [Element] = []
    private var starts: [Int] = [0]

    mutating func reserve(lists: Int, elements count: Int) {
        starts.reserveCapacity(lists + 1)
        elements.reserveCapacity(count)
    }

    /// Ends the list being appended to `elements`.
    mutating func close() { starts.append(elements.count) }

    func withList<R>(_ number: Int, _ body: (UnsafeBufferPointer<Element>) -> R) -> R {
        let range = starts[number]..<starts[number + 1]
        return elements.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// Every list at once, for loops over all positions: the arrays are pinned once, not per list.
    func withLists<R>(_ body: (View) -> R) -> R {
        elements.withUnsafeBufferPointer { elements in
            starts.withUnsafeBufferPointer { starts in body(View(elements: elements, starts: starts)) }
        }
    }

    struct View {
        let elements: UnsafeBufferPointer<Element>
        let starts: UnsafeBufferPointer<Int>

        subscript(number: Int) -> UnsafeBufferPointer<Element> {
            UnsafeBufferPointer(rebasing: elements[starts[number]..<starts[number + 1]])
        }
    }
}
