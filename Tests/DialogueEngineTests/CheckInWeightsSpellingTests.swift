import Foundation
import Testing

@testable import DialogueEngine

/// The weighed words read a misspelled word as the word they know (`CheckInWeights.Spelling`), as
/// the patterns do: one letter missing, added, wrong, or two swapped, the first letter kept, in
/// words of five letters or more.
@Suite struct CheckInWeightsSpellingTests {
    static let weights = CheckInWeights(bias: -3, threshold: 0.5, minWords: 1, features: [
        "worthles": .init(weight: 6, idf: 2), "burden": .init(weight: 5, idf: 2), "nobody": .init(weight: 1, idf: 1),
        "nobody cares": .init(weight: 4, idf: 3), "cares": .init(weight: 0.5, idf: 2),
        // Two known words one letter from "carer": the one the corpus had more often (lower idf) is taken.
        "cared": .init(weight: 0, idf: 3), "carers": .init(weight: 0, idf: 1.5),
        "tired": .init(weight: 0.5, idf: 1),
    ])

    static func corrected(_ word: String) -> String? {
        weights.spelling.correction(of: Array(word.utf8)[...]).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test("one letter from a known word", arguments: [
        ("worthls", "worthles"),   // missing
        ("wortheles", "worthles"), // added
        ("worthlas", "worthles"),  // wrong
        ("wrothles", "worthles"),  // two swapped
        ("burdon", "burden"),
        ("birdan", nil),           // two letters wrong
        ("nobdoy", "nobody"),
        ("murden", nil),           // the first letter differs
        ("burdn", "burden"),       // five letters: read
        ("tird", nil),             // four letters: too short to read as a misspelling
        ("burden", nil),           // a known word is never corrected
    ] as [(String, String?)])
    func aMisspelledWordIsReadAsTheKnownOne(typed: String, known: String?) {
        #expect(Self.corrected(typed) == known, "\(typed)")
    }

    @Test func whenTwoKnownWordsAreOneLetterAwayTheCommonerIsTaken() {
        #expect(Self.corrected("carer") == "carers")
    }

    @Test func aMisspelledLineWeighsAsTheSameLineSpelledRight() throws {
        let right = try #require(Self.weights.likelihood(of: "nobody cares im a burden"))
        // The pair "nobody cares" is found through the corrected word too.
        let wrong = try #require(Self.weights.likelihood(of: "nobdoy cares im a burdon"))
        #expect(abs(right - wrong) < 1e-12)
        #expect(wrong >= Self.weights.threshold)
        let unrelated = try #require(Self.weights.likelihood(of: "nothing here at all"))
        #expect(unrelated < Self.weights.threshold)
    }

    @Test func theShippedWeightsHearALineTheyKnowWhenItIsMisspelled() throws {
        let folder = TestSupport.packageRoot.appendingPathComponent("dialogues").path
        let weights = try #require(CheckInWeights.load(folder: folder)?.weights)
        // A word of the corpus's, misspelled three ways: each weighs as the word itself does.
        let line = "i feel so worthless and hopeless these days, nothing left"
        let p = try #require(weights.likelihood(of: line))
        for typed in ["i feel so worthles and hopeles these days, nothing left", "i feel so wortless and hopless these days, nothing left", "i feel so worhtless and hopeless theese days, nothign left"] {
            let q = try #require(weights.likelihood(of: typed))
            #expect(abs(p - q) < 0.05, "\(typed): \(q) against \(p)")
        }
    }
}
