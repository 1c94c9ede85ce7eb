import Foundation

/// Encodes a value and decodes it back, as a store or a client would.
enum JSONDecoderTests {
    static func roundTrip<T: Codable>(_ value: T) throws -> T {
        let data = try JSONEncoder().encode(value)
        return try JSONDecoder().decode(T.self, from: data)
    }
}
