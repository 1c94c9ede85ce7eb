import Yams

/// The check-in's words name numbers to call ("call 999, Samaritans on 116 123, or NHS 111"). A
/// support file for one nation or service replaces every contact; when its check-in words (or
/// Tandem's built-in ones, used when it has no `check-in:`) name a number none of its contacts
/// gives, people are pointed at help the service did not choose, and that may not be there for
/// them (NHS 111 is not a number in Northern Ireland). `tandem check` warns (D049).
extension SupportDirectory {
    /// The numbers the check-in's words name that no contact's `reach:` gives, in the order they
    /// are first named. A number is three digits or more ("press 55", "option 2" are not numbers
    /// to call); spaces inside it do not matter ("0800 83 85 87" and "0800 838587" are one number).
    static func numbersNotListed(in words: CheckInWords, areas: [Area]) -> [String] {
        let listed = Set(areas.flatMap(\.contacts).flatMap { numbers(in: $0.reach) }.map(digits))
        var missing: [String] = []
        for text in words.texts {
            for number in numbers(in: text) where digits(number).count >= 3 && !listed.contains(digits(number)) {
                if !missing.contains(number) { missing.append(number) }
            }
        }
        return missing
    }

    private static func digits(_ number: String) -> String { number.filter { $0 != " " } }

    /// Reports D049 for each number the check-in names that no contact gives, at `key` (the
    /// file's `check-in:`, or its `areas:` when the words are Tandem's own).
    static func reportNumbersNotListed(_ words: CheckInWords, areas: [Area], at key: Node?, ownWords: Bool, reader: YAMLReader) {
        guard let key else { return }
        let missing = numbersNotListed(in: words, areas: areas)
        guard !missing.isEmpty else { return }
        let named = missing.count == 1 ? missing[0] : missing.dropLast().joined(separator: ", ") + " and " + missing.last!
        let whose = ownWords ? "the check-in's words (those here, and Tandem's own for any left out)" : "Tandem's own check-in words (this file has no check-in:)"
        let help = ownWords
            ? "change the words to name contacts below (writing any that are left out), or add a contact for \(named)"
            : "add a check-in: with words that name your own contacts (see section 13 of dialogue-format.md), or add a contact for \(named)"
        reader.report(
            .checkInNumberNotListed, .warning, "\(whose) tell people to call \(named), but no contact here gives \(missing.count == 1 ? "it" : "them")",
            at: reader.location(key), length: ownWords ? 8 : 5, help: help)
    }
}

extension SupportDirectory.CheckInWords {
    /// Every text the check-in can show.
    var texts: [String] {
        [
            person, someoneElse, reminder, reminderSomeoneElse, harmed, someoneElseHarmed, reminderHarmed, reminderSomeoneElseHarmed,
            fearOfHarming, reminderFearOfHarming, eatingDrinkDrugs, someoneElseEatingDrinkDrugs, reminderEatingDrinkDrugs,
            reminderSomeoneElseEatingDrinkDrugs, maybe, maybeSomeoneElse,
        ]
    }
}
