import NIOSSL

/// A self-signed certificate for `localhost` and 127.0.0.1 (EC P-256, valid until 2126), made with
/// `openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 36500`.
/// For tests only: its key is public.
enum TestCertificate {
    static let certificatePEM = """
        -----BEGIN CERTIFICATE-----
        MIIBnDCCAUGgAwIBAgIUX8FahpW4V8VrSPYU4w3jm/7nVPwwCgYIKoZIzj0EAwIw
        FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTEyNzIwMDEzM1oYDzIxMjYxMTAz
        MjAwMTMzWjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO
        PQMBBwNCAATr/yw2aUavWCkQXpOuzcf6/dOjnsRlqb8rOBo9aU5g5PfL6M9LVEc6
        NhMBx5QlIwJ4bEfqc/bebY6Kc38ohXd2o28wbTAdBgNVHQ4EFgQU/07ysygyjFUt
        LOYWGinfVUJknb4wHwYDVR0jBBgwFoAU/07ysygyjFUtLOYWGinfVUJknb4wDwYD
        VR0TAQH/BAUwAwEB/zAaBgNVHREEEzARgglsb2NhbGhvc3SHBH8AAAEwCgYIKoZI
        zj0EAwIDSQAwRgIhAJ21auzaWTe6CrNNuTPsIyfoOKmBPXW3GmCfK0DjIR/xAiEA
        iO9MC9J32rsbN8JG3gVTp0oSlhivywcdpx6/IFCZc3w=
        -----END CERTIFICATE-----
        """

    static let keyPEM = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgeM9E60felKD7y3w3
        b94uvulqm1MPlJkTA5AyJPds5dShRANCAATr/yw2aUavWCkQXpOuzcf6/dOjnsRl
        qb8rOBo9aU5g5PfL6M9LVEc6NhMBx5QlIwJ4bEfqc/bebY6Kc38ohXd2
        -----END PRIVATE KEY-----
        """

    /// The server's side.
    static func serverContext() throws -> NIOSSLContext {
        let cert = try NIOSSLCertificate(bytes: Array(certificatePEM.utf8), format: .pem)
        let key = try NIOSSLPrivateKey(bytes: Array(keyPEM.utf8), format: .pem)
        return try NIOSSLContext(configuration: .makeServerConfiguration(certificateChain: [.certificate(cert)], privateKey: .privateKey(key)))
    }

    /// A client that trusts only this certificate.
    static func clientContext() throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.trustRoots = .certificates([try NIOSSLCertificate(bytes: Array(certificatePEM.utf8), format: .pem)])
        return try NIOSSLContext(configuration: configuration)
    }
}
