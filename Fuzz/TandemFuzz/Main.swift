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
/// `tandem-fuzz TARGET FILE_OR_FOLDER...`: runs saved inputs (the seed corpus and every input that
/// once crashed) through a target, as `scripts/test` does on every run.
@main
enum Replay {
    static func main() {
        let args = Array(CommandLine.arguments.dropFirst())
        guard let name = args.first, let target = Target(rawValue: name), args.count > 1 else {
            print("usage: tandem-fuzz TARGET FILE_OR_FOLDER...  (targets: \(Target.allCases.map(\.rawValue).joined(separator: ", ")))")
            exit(2)
        }
        var files: [String] = []
        for path in args.dropFirst() {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { continue }
            if isDir.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                files += names.sorted().map { path + "/" + $0 }
            } else {
                files.append(path)
            }
        }
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            target.run(Array(data))
        }
        print("\(name): \(files.count) inputs, no crash")
    }
}
#endif
