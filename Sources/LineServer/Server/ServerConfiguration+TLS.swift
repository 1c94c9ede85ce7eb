import NIOSSL

extension ServerConfiguration {
    /// Serves TLS (1.2 or later) with a PEM certificate chain and its PEM private key.
    ///
    /// - Throws: when a file cannot be read or the key does not fit the certificate.
    public mutating func useTLS(certificateFile: String, keyFile: String) throws {
        let chain = try NIOSSLCertificate.fromPEMFile(certificateFile).map { NIOSSLCertificateSource.certificate($0) }
        var configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain, privateKey: .file(keyFile))
        configuration.minimumTLSVersion = .tlsv12
        tls = try NIOSSLContext(configuration: configuration)
    }
}
