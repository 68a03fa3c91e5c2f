package org.tlsconf.tls;

import java.util.Optional;
import org.tlsconf.registry.RegistryNames;

/** SCHANNEL protocol keys under {@code SCHANNEL\Protocols}, with their exact key names. */
public enum Protocol {
    MULTI_PROTOCOL_UNIFIED_HELLO("Multi-Protocol Unified Hello"),
    PCT_1_0("PCT 1.0"),
    SSL_2_0("SSL 2.0"),
    SSL_3_0("SSL 3.0"),
    TLS_1_0("TLS 1.0"),
    TLS_1_1("TLS 1.1"),
    TLS_1_2("TLS 1.2"),
    TLS_1_3("TLS 1.3"),
    DTLS_1_0("DTLS 1.0"),
    DTLS_1_2("DTLS 1.2"),
    DTLS_1_3("DTLS 1.3");

    private final String keyName;

    Protocol(String keyName) {
        this.keyName = keyName;
    }

    public String keyName() {
        return keyName;
    }

    public static Optional<Protocol> fromKeyName(String name) {
        for (Protocol p : values()) {
            if (RegistryNames.same(p.keyName, name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
