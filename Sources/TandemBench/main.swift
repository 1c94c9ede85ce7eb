import Foundation
#if canImport(Glibc)
import Glibc
#endif

// tandem-bench: the load generator behind scripts/bench-server (which starts the servers, runs
// redis-benchmark for comparison and prints the table). Loopback only.
//
//   tandem-bench turns --port P [--connections 50] [--seconds 10] [--warmup 1] [--threads CORES] [--transcripts dialogues/tests]
//   tandem-bench idle --port P --pid SERVER_PID [--connections 10000] [--settle 1] [--ping | --line TEXT]
//   tandem-bench free-port
//   tandem-bench nio-server [--port 0] [--threads CORES]   (the floor: a bare SwiftNIO line server)
//
// Each prints one line of key=value pairs for the script to read.

func option(_ name: String, _ args: [String]) -> String? {
    guard let i = args.firstIndex(of: "--" + name), i + 1 < args.count else { return nil }
    return args[i + 1]
}

func number(_ name: String, _ args: [String], _ fallback: Double) throws -> Double {
    guard let text = option(name, args) else { return fallback }
    guard let n = Double(text), n >= 0 else { throw BenchError("--\(name) needs a number, not \(text)") }
    return n
}

func main() throws {
    signal(SIGPIPE, SIG_IGN)
    let args = Array(CommandLine.arguments.dropFirst())
    switch args.first {
    case "turns":
        let port = Int(try number("port", args, 0))
        guard port > 0 else { throw BenchError("--port is needed") }
        let connections = Int(try number("connections", args, 50))
        let threads = Int(try number("threads", args, Double(ProcessInfo.processInfo.activeProcessorCount)))
        let walks = try Walk.load(folder: option("transcripts", args) ?? "dialogues/tests")
        Sockets.raiseFileLimit()
        let r = TurnLoad.run(port: port, walks: walks, connections: max(1, connections), threads: threads,
            warmup: try number("warmup", args, 1), seconds: max(0.5, try number("seconds", args, 10)))
        print(String(format: "connections=%d seconds=%.1f turns=%d turns_per_s=%.0f p50_ms=%.3f p99_ms=%.3f p999_ms=%.3f max_ms=%.3f walks=%d checked=%d finished=%d errors=%d",
            r.connections, r.seconds, r.turns, r.perSecond, r.percentileMs(50), r.percentileMs(99), r.percentileMs(99.9),
            Double(r.histogram.max) / 1e6, r.walksStarted, r.walksChecked, r.walksFinished, r.errors))
        if let e = r.firstError { FileHandle.standardError.write(Data("first error: \(e)\n".utf8)) }
    case "idle":
        let port = Int(try number("port", args, 0))
        let pid = Int32(try number("pid", args, 0))
        guard port > 0, pid > 0 else { throw BenchError("--port and --pid are needed") }
        let r = try IdleLoad.run(port: port, pid: pid, count: Int(try number("connections", args, 10_000)), settle: try number("settle", args, 1),
            ping: args.contains("--ping"), line: option("line", args))
        print(String(format: "idle_connections=%d rss_before_kib=%d rss_after_kib=%d kib_per_connection=%.2f", r.opened, r.before, r.after, r.kibPerConnection))
    case "free-port":
        print(try Sockets.freePort())
    case "nio-server":
        try NIOLineServer.run(port: Int(try number("port", args, 0)),
            threads: Int(try number("threads", args, Double(ProcessInfo.processInfo.activeProcessorCount))))
    default:
        throw BenchError("usage: tandem-bench turns|idle|free-port|nio-server (see scripts/bench-server)")
    }
}

do {
    try main()
} catch {
    FileHandle.standardError.write(Data("tandem-bench: \(error)\n".utf8))
    exit(1)
}
