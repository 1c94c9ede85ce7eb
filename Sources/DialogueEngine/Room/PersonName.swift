import Foundation

/// A name a person gives themselves (`/name`, `/join`), made safe to show to others.
///
/// Names are shown to hosts and to everyone in a group, so they must not fool anyone: the text is
/// normalised (NFC), invisible and format characters are dropped (zero-width spaces, joiners, bidi
/// controls, fillers such as U+3164), only letters, marks, digits, spaces and `' - .` are kept,
/// a letter may carry at most a few combining marks, and the name is limited in characters and in
/// bytes. A name must hold at least one visible letter.
///
///     PersonName("  Fa\u{200B}cilitator ")?.text   // "Facilitator"
///     PersonName("\u{3164}")                       // nil: nothing visible
public struct PersonName: Sendable, Equatable {
    /// The name as shown.
    public let text: String
    /// What two names are compared by: the same for names that look the same to people
    /// (case, compatibility forms and spacing aside).
    public let key: String

    /// The most characters (grapheme clusters) and bytes a name may have.
    public static let maxCharacters = 40
    public static let maxBytes = 120
    /// Combining marks kept on one character (enough for any written language's stacks).
    public static let maxMarks = 4

    /// What to tell someone whose name could not be used.
    public static let rule = "A name needs at least one letter. Please use letters, and spaces or - if you like."

    public init?(_ raw: String) {
        let composed = raw.precomposedStringWithCanonicalMapping
        var kept = String.UnicodeScalarView()
        var space = false
        var hasLetter = false
        for u in composed.unicodeScalars {
            if u.properties.isWhitespace || Sanitize.isLineBreak(u) {
                space = !kept.isEmpty
                continue
            }
            guard Self.isAllowed(u) else { continue }
            // A mark needs a letter before it in the name, or it would sit on whatever is shown before.
            if Self.isMark(u), kept.isEmpty || space || kept.last == " " { continue }
            if space {
                kept.append(" ")
                space = false
            }
            kept.append(u)
            if Self.isLetter(u) { hasLetter = true }
        }
        guard hasLetter else { return nil }
        // Whole characters only, each with at most `maxMarks` marks, within both limits.
        var text = ""
        var bytes = 0
        var count = 0
        for character in String(kept) {
            var scalars = String.UnicodeScalarView()
            var marks = 0
            for u in character.unicodeScalars {
                if Self.isMark(u) {
                    marks += 1
                    if marks > Self.maxMarks { continue }
                }
                scalars.append(u)
            }
            let piece = String(scalars)
            guard count < Self.maxCharacters, bytes + piece.utf8.count <= Self.maxBytes else { break }
            text += piece
            bytes += piece.utf8.count
            count += 1
        }
        text = text.trimmedSpaces
        guard text.unicodeScalars.contains(where: Self.isLetter) else { return nil }
        self.text = text
        key = text.precomposedStringWithCompatibilityMapping.lowercased()
    }

    static func isLetter(_ u: Unicode.Scalar) -> Bool {
        guard !u.properties.isDefaultIgnorableCodePoint else { return false }
        switch u.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return !Self.blankLetters.contains(u.value)
        default: return false
        }
    }

    static func isMark(_ u: Unicode.Scalar) -> Bool {
        switch u.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    /// Letters that draw nothing (Hangul fillers, the Braille blank is a symbol and already dropped).
    static let blankLetters: Set<UInt32> = [0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800]

    static func isAllowed(_ u: Unicode.Scalar) -> Bool {
        if u.properties.isDefaultIgnorableCodePoint { return false }
        if blankLetters.contains(u.value) { return false }
        switch u.value {
        case 0x27, 0x2D, 0x2E, 0x2019: return true  // ' - . and the curly apostrophe
        default: break
        }
        switch u.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}
