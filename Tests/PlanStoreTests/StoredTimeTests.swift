import Foundation
import GRDB
import Testing
@testable import PlanStore

/// The store writes its times without `DateFormatter`; the text must be GRDB's, character for
/// character, so rows written before and after read back (and sort) the same.
@Suite("A time as the store keeps it")
struct StoredTimeTests {
    static func grdb(_ date: Date) -> String? { String.fromDatabaseValue(date.databaseValue) }

    @Test("The same text as GRDB, for times across four centuries and their milliseconds")
    func sameAsGRDB() {
        var generator = SystemRandomNumberGenerator()
        var dates: [Date] = [Date(), Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -0.0005), Date(timeIntervalSince1970: -1)]
        // Random moments from 1900 to 2300, with fractions of a millisecond.
        for _ in 0..<20_000 {
            dates.append(Date(timeIntervalSince1970: Double.random(in: -2_208_988_800...10_413_792_000, using: &generator)))
        }
        // Either side of midnight, of a leap day and of a whole second, where a cut-off or a
        // rounded millisecond would show.
        for day in [SimpleDateProbe.days(2024, 2, 29), SimpleDateProbe.days(2000, 3, 1), SimpleDateProbe.days(2100, 3, 1), SimpleDateProbe.days(1969, 12, 31), SimpleDateProbe.days(2026, 12, 31)] {
            let midnight = Double(day) * 86_400
            for offset in [-1.0, -0.001, -0.0004, 0, 0.0004, 0.0009999, 0.001, 0.9995, 0.999_999, 59.9999, 86_399.9996] {
                dates.append(Date(timeIntervalSince1970: midnight + offset))
            }
        }
        var differences: [String] = []
        for date in dates {
            let ours = StoredTime.text(date)
            let theirs = Self.grdb(date)
            if ours != theirs, differences.count < 5 { differences.append("\(date.timeIntervalSince1970): \(ours ?? "nil") vs \(theirs ?? "nil")") }
        }
        #expect(differences.isEmpty, "\(differences)")
    }

    @Test("Outside years 0 to 9999 GRDB formats the time")
    func farAway() {
        let far = Date(timeIntervalSince1970: 400_000_000_000)
        #expect(StoredTime.text(far) == nil)
        #expect(StoredTime.value(far) == far.databaseValue)
    }
}

/// Days since 1970 for a calendar date, through Foundation (independent of the code under test).
enum SimpleDateProbe {
    static func days(_ year: Int, _ month: Int, _ day: Int) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let date = calendar.date(from: DateComponents(year: year, month: month, day: day))!
        return Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
    }
}
