package org.tlsconf.tls;

import java.util.Optional;

/**
 * What a protocol does on a Windows build when the registry says nothing ("Protocols in TLS/SSL (Schannel SSP)",
 * hardening-risks.md §1). Builds: 6000–6003 Vista/2008, 7600–7601 7/2008 R2, 9200 8/2012, 9600 8.1/2012 R2,
 * 10240/10586 10 1507/1511, 14393–19045 10 1607+/2016/2019, 20348 Server 2022, 22000+ Windows 11.
 */
public final class OsDefaults {
    private OsDefaults() {
    }

    /** A protocol's default on one side. */
    public enum Default {
        ENABLED, DISABLED, NOT_SUPPORTED, UNKNOWN
    }

    /**
     * True when a fresh Windows install has this value under the TLS roots, which the {@code os-defaults} profile
     * therefore restores instead of removing. Every fresh export in the corpus (examples/server-2016-fresh.reg, a
     * real Server 2016 export; corpus 02, an untouched host's SCHANNEL tree; src/test/resources/hosts) has
     * {@code SSL 2.0\Client DisabledByDefault=1} and no other protocol value.
     */
    public static boolean freshInstallHas(org.tlsconf.registry.RegistryPath key, String name,
            Optional<org.tlsconf.registry.RegistryValue> value) {
        return key.equals(TlsRegistry.protocolKey(Protocol.SSL_2_0, Role.CLIENT))
                && org.tlsconf.registry.RegistryNames.same(name, TlsRegistry.DISABLED_BY_DEFAULT)
                && value.equals(Optional.of(org.tlsconf.registry.RegistryValue.dword(1)));
    }

    public static Default of(Protocol protocol, Role role, Optional<WindowsVersion> version) {
        if (version.isEmpty()) {
            return Default.UNKNOWN;
        }
        int b = version.get().build();
        return switch (protocol) {
            case MULTI_PROTOCOL_UNIFIED_HELLO, PCT_1_0, DTLS_1_3 -> Default.NOT_SUPPORTED;
            case SSL_2_0 -> b >= 14393 ? Default.NOT_SUPPORTED
                    : b >= 9200 ? Default.DISABLED
                    : role == Role.CLIENT ? Default.DISABLED : Default.ENABLED;
            case SSL_3_0 -> b >= 14393 ? Default.DISABLED : Default.ENABLED;
            case TLS_1_0 -> Default.ENABLED;
            case TLS_1_1, TLS_1_2 -> b < 7600 ? Default.NOT_SUPPORTED : b < 9200 ? Default.DISABLED : Default.ENABLED;
            case TLS_1_3 -> version.get().supportsTls13() ? Default.ENABLED : Default.NOT_SUPPORTED;
            case DTLS_1_0 -> b >= 7600 ? Default.ENABLED : Default.NOT_SUPPORTED;
            case DTLS_1_2 -> b >= 14393 ? Default.ENABLED : Default.NOT_SUPPORTED;
        };
    }
}
