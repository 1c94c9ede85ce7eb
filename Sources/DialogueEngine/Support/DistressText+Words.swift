/// How one word is made plain (see ``DistressText``).
extension DistressText {
    /// A word's raw bytes made plain, written at `out`: digits in words read as letters, long
    /// runs cut, text-speak read as words. How many bytes it wrote, at most 3 for each byte of
    /// `raw`; 0 when nothing of the word is left.
    static func plainWord(_ raw: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>) -> Int {
        var hasLetter = false
        for b in raw where (b >= 0x61 && b <= 0x7A) || b >= 0x80 {
            hasLetter = true
            break
        }
        let startsWithLetter = raw.first.map { ($0 >= 0x61 && $0 <= 0x7A) || $0 >= 0x80 || $0 == 0x40 || $0 == 0x24 } ?? false
        var n = 0
        if hasLetter && (startsWithLetter || startsWithDigitForLetter(raw)) {
            for b in raw {
                switch b {
                case 0x30: out[n] = 0x6F  // 0 -> o
                case 0x31: out[n] = 0x69  // 1 -> i
                case 0x33: out[n] = 0x65  // 3 -> e
                case 0x34, 0x40: out[n] = 0x61  // 4, @ -> a
                case 0x35, 0x24: out[n] = 0x73  // 5, $ -> s
                case 0x37: out[n] = 0x74  // 7 -> t
                default: out[n] = b
                }
                n += 1
            }
        } else {
            for b in raw where b != 0x40 && b != 0x24 {
                out[n] = b
                n += 1
            }
            // A number from 10 to 999 reads as "many": "I took 30 paracetamol".
            if !hasLetter, n >= 2, n <= 3, out[0] != 0x30 { return write(many, to: out) }
        }
        // A `*` hides a letter only inside a word: "hugs*" is "hugs".
        while n > 0, out[n - 1] == star { n -= 1 }
        guard n > 0 else { return 0 }
        n = collapseRuns(out, count: n)
        // Short forms people type, read as the words they stand for.
        switch n {
        case 1:
            switch out[0] {
            case 0x32: return write(to, to: out)  // 2
            case 0x75: return write(you, to: out)  // u
            case 0x72: return write(are, to: out)  // r
            case 0x62: return write(be, to: out)  // b
            default: return 1
            }
        case 2:
            if out[0] == 0x79 && out[1] == 0x61 { return write(you, to: out) }  // ya
            if out[0] == 0x75 && out[1] == 0x72 { return write(your, to: out) }  // ur
            return 2
        case 3:
            if out[0] == 0x74 && out[1] == 0x6F && out[2] == 0x6F { return write(to, to: out) }  // too
            return 3
        default:
            return n
        }
    }

    /// Whether a word that begins with a digit is a word typed with a digit for its first letter
    /// ("5uicide", "0verd0se"), not a number run into what it counts ("5days", "10am", "3rd",
    /// "4ever"): one digit that stands for a letter, then a letter, at least four letters in
    /// all after it, and not a word for time, a measure or an order.
    static func startsWithDigitForLetter(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        switch raw.first {
        case 0x30, 0x31, 0x33, 0x34, 0x35, 0x37: break  // the digits read as letters (below)
        default: return false
        }
        guard raw.count >= 5, raw[1] >= 0x61 && raw[1] <= 0x7A else { return false }
        let rest = raw.dropFirst()
        guard rest.reduce(0, { $0 + ($1 >= 0x61 && $1 <= 0x7A ? 1 : 0) }) >= 4 else { return false }
        return !countedThings.contains(where: { $0.elementsEqual(rest) })
    }

    /// What a number is run into when it counts it ("5days", "3weeks", "7times", "4ever").
    static let countedThings: [[UInt8]] = [
        "mins", "minute", "minutes", "secs", "hour", "hours", "days", "week", "weeks", "month", "months", "mnths",
        "year", "years", "yrs", "times", "ever", "nights", "night", "nite", "nites", "mths", "hrly",
        "tabs", "pills", "meds", "units", "pints", "drinks", "cans", "kids", "children", "sons", "daughters",
    ].map { Array($0.utf8) }

    private static func write(_ word: [UInt8], to out: UnsafeMutablePointer<UInt8>) -> Int {
        for (k, b) in word.enumerated() { out[k] = b }
        return word.count
    }

    static let to = Array("to".utf8), you = Array("you".utf8), your = Array("your".utf8)
    static let are = Array("are".utf8), be = Array("be".utf8), many = Array("many".utf8)

    /// Three or more of the same ASCII letter become one, in place: "sooooo" -> "so", "kiiill"
    /// -> "kill". The new count.
    static func collapseRuns(_ word: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        // Most words have no run of three: leave them as they are.
        var k = 2
        while k < count, !(word[k] == word[k - 1] && word[k] == word[k - 2]) { k += 1 }
        guard k < count else { return count }
        var i = 0, n = 0
        while i < count {
            let b = word[i]
            var j = i + 1
            while j < count && word[j] == b { j += 1 }
            if j - i >= 3 && b < 0x80 && b != star {
                word[n] = b
                n += 1
            } else {
                for k in i..<j {
                    word[n] = word[k]
                    n += 1
                }
            }
            i = j
        }
        return n
    }

    /// Every run of the same ASCII letter made one: "kill" -> "kil", "feel" -> "fel".
    static func squeeze(_ word: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(word.count)
        for b in word where !(b < 0x80 && out.last == b) { out.append(b) }
        return out
    }
}
