/// Evaluates conditions over the answers given so far. A question with no answer (skipped, or not on
/// the path) equals nothing: `==`, `<`, `>`, `in` are false and `!=` is true.
struct Evaluator {
    var answers: [String: AnswerValue]
    var role: String?

    enum Value: Equatable {
        case text(String), number(Double), bool(Bool), list([String]), date(SimpleDate), count(Int)
    }

    func isTrue(_ e: Expression) -> Bool { truth(e) == true }

    func truth(_ e: Expression) -> Bool? {
        switch e {
        case .bool(let b): return b
        case .not(let a): return truth(a).map { !$0 }
        case .and(let a, let b):
            let x = truth(a), y = truth(b)
            if x == false || y == false { return false }
            if x == nil || y == nil { return nil }
            return true
        case .or(let a, let b):
            let x = truth(a), y = truth(b)
            if x == true || y == true { return true }
            if x == nil || y == nil { return nil }
            return false
        case .answered(let id, _): return answers[id] != nil
        case .compare(let op, let a, let b, _):
            guard let x = value(a), let y = value(b) else { return op == .notEqual }
            switch (x, y) {
            case (.number(let p), .number(let q)): return compare(op, p, q)
            case (.date(let p), .date(let q)): return compare(op, p, q)
            case (.text(let p), .text(let q)): return op == .equal ? p == q : op == .notEqual ? p != q : nil
            case (.bool(let p), .bool(let q)): return op == .equal ? p == q : op == .notEqual ? p != q : nil
            default: return op == .notEqual
            }
        case .contains(let a, let b, _):
            guard case .text(let needle)? = value(a), case .list(let hay)? = value(b) else { return false }
            return hay.contains { $0 == needle || $0.lowercased() == needle.lowercased() }
        case .name:
            if case .bool(let b)? = value(e) { return b }
            return false
        case .number, .string, .count: return nil
        }
    }

    func compare<T: Comparable>(_ op: Expression.Comparison, _ a: T, _ b: T) -> Bool {
        switch op {
        case .equal: a == b
        case .notEqual: a != b
        case .less: a < b
        case .lessOrEqual: a <= b
        case .greater: a > b
        case .greaterOrEqual: a >= b
        }
    }

    func value(_ e: Expression) -> Value? {
        switch e {
        case .number(let n): return .number(n)
        case .string(let s): return .text(s)
        case .bool(let b): return .bool(b)
        case .count(let id, _):
            switch answers[id] {
            case .list(let l)?: return .number(Double(l.count))
            case .choices(let c)?: return .number(Double(c.count))
            case .records(let r)?: return .number(Double(r.count))
            default: return .number(0)
            }
        case .name(let id, _):
            if id == "role" { return role.map { .text($0) } }
            switch answers[id] {
            case nil: return nil
            case .text(let s)?, .choice(let s)?: return .text(s)
            case .list(let l)?, .choices(let l)?: return .list(l)
            case .bool(let b)?: return .bool(b)
            case .number(let n)?: return .number(n)
            case .date(let d)?: return .date(d)
            case .records?, .views?: return nil
            }
        default:
            return truth(e).map { .bool($0) }
        }
    }
}
