/// An immutable value kept once on the heap, for a struct that is copied often and holds a large
/// value it never changes: a copy then retains one reference instead of each of the value's
/// fields. Read it in place with a `_read` accessor, so reading does not copy it either; in a
/// method that changes the struct holding the box, read it with `read(_:)`.
final class Shared<Value: Sendable>: Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }

    /// Reads the value in place. Reading `value` from a method that changes the struct holding
    /// the box copied the whole value first (every field retained), as the box might go meanwhile.
    @inline(__always)
    func read<R>(_ body: (Value) -> R) -> R { body(value) }
}
