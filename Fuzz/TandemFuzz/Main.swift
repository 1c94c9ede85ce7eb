import Foundation

// Built with `-sanitize=fuzzer` (scripts/fuzz passes -D TANDEM_LIBFUZZER), libFuzzer runs the
// show and calls `fuzzOne` for every input; TANDEM_FUZZ_TARGET names the target.
#if TANDEM_LIBFUZZER
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

// SwiftPM names an executable's entry point after the target (and points `main` at it), so
// libFuzzer's own `main` is not used: this one hands the arguments to libFuzzer's driver.
@_cdecl("tandem_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { fuzzOne($0, $1) }
}

// Safe: libFuzzer calls fuzzOne on one thread only; the target is set at the first input and
// only read after.
nonisolated(unsafe) private var chosen: Target?

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    if chosen == nil {
        let name = ProcessInfo.processInfo.environment["TANDEM_FUZZ_TARGET"] ?? ""
        guard let target = Target(rawValue: name) else {
            fatalError("set TANDEM_FUZZ_TARGET to one of: \(Target.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        chosen = target
    }
    chosen!.run(count == 0 ? [] : Array(UnsafeBufferPointer(start: start, count: count)))
    return 0
}
#else
#if canImport(Glibc)
import Glibc
#endif

/// `tandem-fuzz TARGET FILE_OR_FOLDER...`: runs saved inputs (the seed corpus and every input that
/// once crashed) through a target, as `scripts/test` does on every run.
///
/// `tandem-fuzz TARGET --mutate SECONDS [--seed N] FOLDER...`: then, for SECONDS, runs inputs made
/// by changing the saved ones at random (bytes flipped, put in, taken out, repeated; parts of two
/// inputs joined; pieces of the dialogue language put in). Not guided by coverage as libFuzzer is,
/// but it needs no sanitizer build, so `scripts/test` runs every target this way for a few seconds.
/// An input that crashes, breaks the target's property or runs for more than 10 s is written to
/// `tandem-fuzz-failed-TARGET` in the current folder before the program stops.
@main
enum Replay {
    static func main() {
        var args = Array(CommandLine.arguments.dropFirst())
        guard let name = args.first, let target = Target(rawValue: name), args.count > 1 else {
            print("usage: tandem-fuzz TARGET [--mutate SECONDS [--seed N]] FILE_OR_FOLDER...  (targets: \(Target.allCases.map(\.rawValue).joined(separator: ", ")))")
            exit(2)
        }
        args.removeFirst()
        var seconds: Double?
        var seed = UInt64.random(in: 1...UInt64.max)
        while let flag = args.first, flag.hasPrefix("--") {
            guard args.count > 1 else { print("tandem-fuzz: \(flag) needs a value"); exit(2) }
            switch flag {
            case "--mutate": seconds = Double(args[1])
            case "--seed": seed = UInt64(args[1]) ?? seed
            default: print("tandem-fuzz: unknown option \(flag)"); exit(2)
            }
            args.removeFirst(2)
        }
        var inputs: [[UInt8]] = []
        var files = 0
        for path in args {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { continue }
            let paths = isDir.boolValue ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { path + "/" + $0 } : [path]
            for file in paths {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                files += 1
                inputs.append(Array(data))
            }
        }
        Guard.install(target: name)
        for input in inputs { Guard.run(target, input) }
        guard let seconds else {
            print("\(name): \(files) inputs, no crash")
            return
        }
        var mutator = Mutator(seed: seed, inputs: inputs.isEmpty ? [[]] : inputs)
        let end = Date().addingTimeInterval(seconds)
        var runs = 0
        while runs % 64 != 0 || Date() < end {
            Guard.run(target, mutator.next())
            runs += 1
        }
        print("\(name): \(files) inputs, then \(runs) changed inputs in \(Int(seconds)) s (seed \(seed)), no crash, broken property or hang")
    }
}

/// Changes saved inputs at random; the same seed gives the same inputs.
struct Mutator {
    var state: UInt64
    let inputs: [[UInt8]]
    /// Pieces that mean something to the targets, put in whole.
    static let pieces: [[UInt8]] = [
        "\n", "\r\n", "\r", ": ", "- ", "  ", "{", "}", "[", "]", "\"", "'", "#", "&a", "*a", "!!", "|", ">",
        "when: ", "ask: ", "answer: ", "id: ", "go: ", "options: ", "steps:", "sections:", "and ", "or ", "not ", "==", "!=", ">=",
        "0", "-1", "1e308", "9999999999999999", "2027-02-30", "31/12/2027", "in 3 weeks", "yes", "no",
        "\u{FF}", "\u{FF}\u{FA}\u{1F}", "\u{FF}\u{F0}", "\u{0}", "é", "\u{202E}", "\u{2028}", "😀", "k!ll", "my self",
    ].map { Array($0.utf8) } + [[0xFF], [0xFF, 0xFF], [0xFF, 0xFA], [0xC3], [0xE2, 0x80]]

    init(seed: UInt64, inputs: [[UInt8]]) {
        state = seed
        self.inputs = inputs
    }

    /// xorshift64*: small, fast and repeatable.
    mutating func random(_ n: Int) -> Int {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return Int((state &* 2_685_821_657_736_338_717) >> 33) % max(1, n)
    }

    mutating func next() -> [UInt8] {
        var data = inputs[random(inputs.count)]
        for _ in 0...random(4) {
            let at = random(data.count + 1)
            switch random(7) {
            case 0 where !data.isEmpty:
                data[min(at, data.count - 1)] ^= UInt8(1 << random(8))
            case 1:
                data.insert(UInt8(truncatingIfNeeded: random(256)), at: at)
            case 2 where !data.isEmpty:
                data.removeSubrange(at..<min(data.count, at + 1 + random(16)))
            case 3 where !data.isEmpty:
                let from = random(data.count)
                let piece = data[from..<min(data.count, from + 1 + random(32))]
                data.insert(contentsOf: Array(piece), at: at)
            case 4:
                let other = inputs[random(inputs.count)]
                data = Array(data[..<at]) + Array(other[random(other.count + 1)...])
            default:
                data.insert(contentsOf: Self.pieces[random(Self.pieces.count)], at: at)
            }
        }
        return data.count > 8_192 ? Array(data.prefix(8_192)) : data
    }
}

/// Keeps the input being run where a signal handler can write it out: a crash, a broken property
/// (`fatalError` traps) or a hang (SIGALRM after 10 s) leaves the input behind to be replayed.
enum Guard {
    // Safe: one thread runs the inputs; the handlers only read these, and only as the process ends.
    nonisolated(unsafe) static var current: [UInt8] = []
    nonisolated(unsafe) static var path: [CChar] = []

    static func install(target: String) {
        path = Array("tandem-fuzz-failed-\(target)".utf8CString)
        for sig in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGALRM] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in
                Guard.path.withUnsafeBufferPointer { name in
                    let fd = open(name.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
                    if fd >= 0 {
                        Guard.current.withUnsafeBytes { _ = write(fd, $0.baseAddress, $0.count) }
                        close(fd)
                    }
                }
                let words: StaticString = "tandem-fuzz: this input failed; it is in tandem-fuzz-failed-TARGET\n"
                _ = write(2, words.utf8Start, words.utf8CodeUnitCount)
                // Then as before: Swift's backtrace for a crash, an abort for a hang.
                if sig == SIGALRM {
                    signal(SIGABRT, SIG_DFL)
                    raise(SIGABRT)
                } else {
                    sigaction(sig, Guard.previous + Int(sig), nil)
                    raise(sig)
                }
            }
            sigaction(sig, &action, previous + Int(sig))
        }
    }

    /// What handled each signal before (Swift's backtracer), put back once the input is written.
    nonisolated(unsafe) static let previous: UnsafeMutablePointer<sigaction> = {
        let slots = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
        slots.initialize(repeating: sigaction(), count: 65)
        return slots
    }()

    static func run(_ target: Target, _ input: [UInt8]) {
        current = input
        alarm(10)
        target.run(input)
        alarm(0)
    }
}
#endif
