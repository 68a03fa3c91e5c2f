package org.tlsconf.tls;

import java.util.List;

/**
 * The key and value names Windows reads under the TLS roots. Used to catch misspellings that Windows would
 * silently ignore ({@code DisabledByDefualt}, {@code SHA 256}, {@code TLS1.2}).
 */
public final class KnownNames {
    private KnownNames() {
    }

    /** Cipher key names under {@code SCHANNEL\Ciphers} (Vista and later). */
    public static final List<String> CIPHERS = List.of("AES 128/128", "AES 256/256", "DES 56/56", "NULL",
            "RC2 128/128", "RC2 40/128", "RC2 56/128", "RC2 56/56", "RC4 128/128", "RC4 40/128", "RC4 56/128",
            "RC4 64/128", "Triple DES 168");

    /** Hash key names under {@code SCHANNEL\Hashes}. */
    public static final List<String> HASHES = List.of("MD5", "SHA", "SHA256", "SHA384", "SHA512");

    /** Key exchange key names under {@code SCHANNEL\KeyExchangeAlgorithms}. */
    public static final List<String> KEY_EXCHANGES = List.of("Diffie-Hellman", "ECDH", "PKCS");

    /** Value names read under the TLS roots. */
    public static final List<String> VALUES = List.of(TlsRegistry.ENABLED, TlsRegistry.DISABLED_BY_DEFAULT,
            TlsRegistry.SCH_USE_STRONG_CRYPTO, TlsRegistry.SYSTEM_DEFAULT_TLS_VERSIONS,
            TlsRegistry.DEFAULT_SECURE_PROTOCOLS, "Functions", "EccCurves", "ServerMinKeyBitLength",
            "ClientMinKeyBitLength", "ClientMaxKeyBitLength", "ServerMaxKeyBitLength", "EventLogging",
            "AllowInsecureRenegoClients", "AllowInsecureRenegoServers", "EnableOcspStaplingForSni",
            "SendTrustedIssuerList", "ClientCacheTime", "ServerCacheTime", "MaximumCacheSize", "IssuerCacheSize",
            "IssuerCacheTime", "CertificateMappingMethods", "MessageLimitClient", "MessageLimitServer",
            "MessageLimitServerClientAuth", "UseScsvForTls", "DisableRenegoOnServer", "DisableRenegoOnClient");
}
