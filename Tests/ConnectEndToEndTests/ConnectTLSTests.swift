import Foundation
import Testing

/// `tandem connect --tls` against `tandem serve --tls-cert --tls-key`.
@Suite("tandem connect with TLS")
struct ConnectTLSTests {
    /// A self-signed certificate for localhost and 127.0.0.1 (EC P-256, valid until 2126), made with
    /// `openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 36500
    /// -subj /CN=localhost -addext subjectAltName=DNS:localhost,IP:127.0.0.1`. For tests only: its key is public.
    static let certificate = """
        -----BEGIN CERTIFICATE-----
        MIIBmzCCAUGgAwIBAgIUNiibc2HVlSkWS7VBpz7GuaZqIkMwCgYIKoZIzj0EAwIw
        FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTEyNzIwMDU0M1oYDzIxMjYxMTAz
        MjAwNTQzWjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO
        PQMBBwNCAARKZgkxLQkdZB1FeCBoJ/VU2Or4h588qo3EOSoWl28+NzgVkBSLofi/
        h5WGQa328oAEaV4Kx8QNCbKOZ9Is38u4o28wbTAdBgNVHQ4EFgQU+Pa2zhT2lOvx
        vVTsSJkOxzs6gwkwHwYDVR0jBBgwFoAU+Pa2zhT2lOvxvVTsSJkOxzs6gwkwDwYD
        VR0TAQH/BAUwAwEB/zAaBgNVHREEEzARgglsb2NhbGhvc3SHBH8AAAEwCgYIKoZI
        zj0EAwIDSAAwRQIhAP8qqbjckG3w1aU5wJ4uINJXZ2ywKKJKqDUWEkZC/AtUAiBR
        ziWk6FLYf6FfhfvoP8MjbrL7n6SfF2WCO/8wa69U7g==
        -----END CERTIFICATE-----
        """

    static let key = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg/XYNvQLPOO2qTN2e
        I9jV4bwXNoZ72QVPfgvuHUhaVSuhRANCAARKZgkxLQkdZB1FeCBoJ/VU2Or4h588
        qo3EOSoWl28+NzgVkBSLofi/h5WGQa328oAEaV4Kx8QNCbKOZ9Is38u4
        -----END PRIVATE KEY-----
        """

    /// A server with TLS, and the certificate's file for the client to trust.
    static func server() throws -> (RunningServer, String) {
        let files = try Scratch()
        let cert = files.path + "/cert.pem", key = files.path + "/key.pem"
        try certificate.write(toFile: cert, atomically: true, encoding: .utf8)
        try Self.key.write(toFile: key, atomically: true, encoding: .utf8)
        chmod(key, 0o600)
        let server = try RunningServer(extra: ["--tls-cert", cert, "--tls-key", key])
        let trusted = server.scratch.path + "/trusted.pem"
        try certificate.write(toFile: trusted, atomically: true, encoding: .utf8)
        return (server, trusted)
    }

    @Test("a plan over TLS, trusting the server's own certificate: the same words, and the code at /quit")
    func planOverTLS() throws {
        let (server, trusted) = try Self.server()
        for host in ["127.0.0.1", "localhost"] {
            let client = try Child(["connect", "--tls-ca", trusted, "\(host):\(server.port)"], home: server.scratch.path)
            try client.stdout.expect("Which plan would you like to work on?")
            try client.stdout.expect("> ")
            try client.send("1")
            try client.stdout.expect("What would you like me to call you?")
            try client.stdout.expect("> ")
            try client.send("/quit")
            let rest = try client.stdout.readToEnd()
            #expect(try client.finish() == 0, "via \(host): \(client.stderr.text)")
            #expect(rest.contains("use this code:"))
        }
    }

    @Test("a certificate the client does not trust: no connection, and a kind word about --tls-ca")
    func untrusted() throws {
        let (server, _) = try Self.server()
        let r = try ConnectProblemTests.run(["connect", "--tls", "127.0.0.1:\(server.port)"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty, "nothing from the server is shown before its certificate is trusted")
        #expect(r.stderr.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains("its certificate is not one I trust"))
        #expect(r.stderr.contains("--tls-ca FILE"))
        ConnectProblemTests.expectKind(r.stderr)
    }

    @Test("--tls to a server without TLS: said plainly")
    func serverWithoutTLS() throws {
        let server = try RunningServer(store: false)
        let r = try ConnectProblemTests.run(["connect", "--tls", server.address])
        #expect(r.status == 1)
        #expect(r.stderr.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains("did not answer with an encrypted connection (TLS)"))
        ConnectProblemTests.expectKind(r.stderr)
    }

    @Test("no --tls to a server with TLS: said plainly, never the server's raw bytes")
    func plainToTLSServer() throws {
        let (server, _) = try Self.server()
        let r = try ConnectProblemTests.run(["connect", "127.0.0.1:\(server.port)"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty, "nothing to show: \(r.stdout.debugDescription)")
        let said = r.stderr.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(said.contains("uses an encrypted connection (TLS). Please try again with: tandem connect --tls 127.0.0.1:\(server.port)"), "\(said)")
        ConnectProblemTests.expectKind(r.stderr)
    }

    @Test("--tls-ca naming a file that holds no certificate")
    func badCertificateFile() throws {
        let scratch = try Scratch()
        let file = scratch.path + "/not-a-cert.pem"
        try "hello".write(toFile: file, atomically: true, encoding: .utf8)
        let r = try ConnectProblemTests.run(["connect", "--tls-ca", file, "127.0.0.1:7300"])
        #expect(r.status == 1)
        let said = r.stderr.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(said.contains("I could not read a certificate from \(file)."))
    }
}
