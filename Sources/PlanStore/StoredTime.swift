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
        var out = [UInt8](repeating: 0x30, count: 23)
        func put(_ value: Int, at end: Int, digits: Int) {
            var v = value
            for i in stride(from: end, to: end - digits, by: -1) {
                out[i] = 0x30 + UInt8(v % 10)
                v /= 10
            }
        }
        put(day.year, at: 3, digits: 4)
        out[4] = 0x2D
        put(day.month, at: 6, digits: 2)
        out[7] = 0x2D
        put(day.day, at: 9, digits: 2)
        out[10] = 0x20
        put(second / 3600, at: 12, digits: 2)
        out[13] = 0x3A
        put(second / 60 % 60, at: 15, digits: 2)
        out[16] = 0x3A
        put(second % 60, at: 18, digits: 2)
        out[19] = 0x2E
        put(inDay % 1000, at: 22, digits: 3)
        return String(decoding: out, as: UTF8.self)
    }

    static func value(_ date: Date) -> DatabaseValue { text(date)?.databaseValue ?? date.databaseValue }
}
