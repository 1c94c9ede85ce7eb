/// An immutable value kept once on the heap, for a struct that is copied often and holds a large
/// value it never changes: a copy then retains one reference instead of each of the value's
/// fields. Read it in place with a `_read` accessor, so reading does not copy it either.
final class Shared<Value: Sendable>: Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
