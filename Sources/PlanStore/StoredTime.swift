import DialogueEngine
import Foundation
import GRDB

/// A time as the store keeps it: GRDB's own text for a `Date` ("yyyy-MM-dd HH:mm:ss.SSS", UTC, to
/// the nearest millisecond), written without `DateFormatter`, which took about 4% of the store
/// writer's time under load (once per commit, `perf record`). `StoredTimeTests` checks it
/// against GRDB's `Date.databaseValue`.
enum StoredTime {
    /// The stored text, or nil outside years 0 to 9999 (GRDB then formats it).
    static func text(_ date: Date) -> String? {
        // To the nearest millisecond, as Foundation's formatter gives ICU the time: half a
        // millisecond added, then cut off.
        let ms = Int(((date.timeIntervalSinceReferenceDate + 978_307_200) * 1000 + 0.5).rounded(.down))
        let days = ms >= 0 ? ms / 86_400_000 : (ms - 86_399_999) / 86_400_000
        let inDay = ms - days * 86_400_000
        let day = SimpleDate(daysSinceEpoch: days)
        guard (0...9999).contains(day.year) else { return nil }
        let second = inDay / 1000
        func padded(_ n: Int, _ width: Int) -> String {
            let digits = String(n)
            return String(repeating: "0", count: width - digits.count) + digits
        }
        // The day as `SimpleDate` writes it (yyyy-MM-dd), then the time of day.
        return "\(day.iso) \(padded(second / 3600, 2)):\(padded(second / 60 % 60, 2)):\(padded(second % 60, 2)).\(padded(inDay % 1000, 3))"
    }

    static func value(_ date: Date) -> DatabaseValue { text(date)?.databaseValue ?? date.databaseValue }
}
