import Foundation

/// JSON-RPC 2.0 messages framed as the Language Server Protocol frames them: a `Content-Length`
/// header, an empty line, then that many bytes of JSON.
public enum JSONRPC {
    /// One message as bytes on the wire.
    public static func frame(_ message: [String: Any]) -> Data {
        let body = (try? JSONSerialization.data(withJSONObject: message, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        var data = Data("Content-Length: \(body.count)\r\n\r\n".utf8)
        data.append(body)
        return data
    }

    /// Reads framed messages from a byte stream, however the bytes arrive.
    public struct Reader {
        private var buffer = Data()
        /// The largest message taken (a client sends whole files; 16 MB is far beyond any dialogue).
        public static let maxLength = 16 << 20

        public init() {}

        /// Adds bytes that arrived.
        public mutating func feed(_ data: Data) { buffer.append(data) }

        public enum Next {
            case message([String: Any])
            /// A frame that is not JSON, or has no usable length: answered with a parse error.
            case unreadable(String)
            case needMore
        }

        /// The next whole message, if the bytes for it have arrived.
        public mutating func next() -> Next {
            let separator = Data("\r\n\r\n".utf8)
            guard let end = buffer.range(of: separator) else {
                if buffer.count > 8192 {
                    buffer.removeAll()
                    return .unreadable("a header without an end")
                }
                return .needMore
            }
            let header = String(decoding: buffer[buffer.startIndex..<end.lowerBound], as: UTF8.self)
            var length: Int?
            for line in header.split(separator: "\r\n") {
                let parts = line.split(separator: ":", maxSplits: 1)
                if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "content-length" {
                    length = Int(parts[1].trimmingCharacters(in: .whitespaces))
                }
            }
            guard let length, length >= 0, length <= Self.maxLength else {
                buffer.removeSubrange(buffer.startIndex..<end.upperBound)
                return .unreadable("a header with no usable Content-Length")
            }
            let start = end.upperBound
            guard buffer.distance(from: start, to: buffer.endIndex) >= length else { return .needMore }
            let stop = buffer.index(start, offsetBy: length)
            let body = buffer[start..<stop]
            buffer.removeSubrange(buffer.startIndex..<stop)
            guard let object = try? JSONSerialization.jsonObject(with: body), let message = object as? [String: Any] else {
                return .unreadable("a message that is not a JSON object")
            }
            return .message(message)
        }
    }
}
