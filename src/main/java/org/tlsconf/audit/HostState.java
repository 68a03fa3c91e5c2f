package org.tlsconf.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tlsconf.registry.Registry;
import org.tlsconf.registry.RegistryNames;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.tls.KnownNames;
import org.tlsconf.tls.OsDefaults;
import org.tlsconf.tls.Protocol;
import org.tlsconf.tls.Role;
import org.tlsconf.tls.TlsRegistry;
import org.tlsconf.tls.WindowsVersion;

/** Everything about a host's TLS configuration that the audit looks at, read once from a registry. */
public record HostState(Optional<WindowsVersion> version, List<ProtocolState> protocols, List<DotNetValue> dotNet,
        List<WinHttpValue> winHttp, List<WinInetValue> winInet, CipherOrder cipherOrder,
        List<AlgorithmSetting> algorithms, Optional<RegistryValue> fipsEnabled, List<RegistryPath> unknownKeys,
        List<KeySize> keySizes, java.util.Set<Part> notCollected) {

    /** The parts of the report beyond protocols and .NET whose values a source may not record. */
    public enum Part {
        WINHTTP, WININET, ALGORITHMS, FIPS
    }

    /** True when the source records this part ({@link Registry#records}); a HealthChecker export does not. */
    public boolean collected(Part part) {
        return !notCollected.contains(part);
    }

    /** The protocols shown in the matrix, in order. */
    public static final List<Protocol> MATRIX = List.of(Protocol.SSL_2_0, Protocol.SSL_3_0, Protocol.TLS_1_0,
            Protocol.TLS_1_1, Protocol.TLS_1_2, Protocol.TLS_1_3, Protocol.DTLS_1_0, Protocol.DTLS_1_2);

    /** One of the eight .NET Framework values. */
    public record DotNetValue(TlsRegistry.View view, String clrVersion, String name, Optional<RegistryValue> value) {
        public RegistryPath key() {
            return view.dotNet(clrVersion);
        }
    }

    /** WinHTTP DefaultSecureProtocols in one view. */
    public record WinHttpValue(TlsRegistry.View view, Optional<RegistryValue> value) {
        public RegistryPath key() {
            return view.winHttp();
        }

        /** The protocols the bit mask turns on (0x8 SSL 2.0 … 0x2000 TLS 1.3). */
        public List<String> protocols() {
            return protocolBits(value);
        }
    }

    /** WinINet SecureProtocols at one location (policy, machine, user); read only, same bits as WinHTTP. */
    public record WinInetValue(RegistryPath key, String scope, Optional<RegistryValue> value) {
        public List<String> protocols() {
            return protocolBits(value);
        }
    }

    /** The protocols a WinHTTP/WinINet bit mask turns on (0x8 SSL 2.0 … 0x2000 TLS 1.3). */
    static List<String> protocolBits(Optional<RegistryValue> value) {
        List<String> out = new ArrayList<>();
        ProtocolState.dword(value).ifPresent(bits -> WINHTTP_BITS.forEach((bit, name) -> {
            if ((bits & bit) != 0) {
                out.add(name);
            }
        }));
        return out;
    }

    static final Map<Long, String> WINHTTP_BITS = new LinkedHashMap<>();

    static {
        WINHTTP_BITS.put(0x8L, "SSL 2.0");
        WINHTTP_BITS.put(0x20L, "SSL 3.0");
        WINHTTP_BITS.put(0x80L, "TLS 1.0");
        WINHTTP_BITS.put(0x200L, "TLS 1.1");
        WINHTTP_BITS.put(0x800L, "TLS 1.2");
        WINHTTP_BITS.put(0x2000L, "TLS 1.3");
    }

    /**
     * The cipher suite order: what the OS reported in force (Get-TlsCipherSuite, in a HealthChecker export) when
     * known, else the policy value (GPO), which wins over the local one when present.
     */
    public record CipherOrder(Optional<RegistryValue> policy, Optional<RegistryValue> local,
            Optional<List<String>> reported) {
        public static final RegistryPath POLICY_KEY = TlsRegistry.POLICY_SSL.child("00010002");
        public static final RegistryPath LOCAL_KEY = TlsRegistry.LOCAL_SSL.child("00010002");
        public static final String REPORTED = "Get-TlsCipherSuite (HealthChecker export)";

        public CipherOrder(Optional<RegistryValue> policy, Optional<RegistryValue> local) {
            this(policy, local, Optional.empty());
        }

        /** "policy", "local", {@link #REPORTED} or "OS default". */
        public String source() {
            return reported.isPresent() ? REPORTED : policy.isPresent() ? "policy" : local.isPresent() ? "local"
                    : "OS default";
        }

        /** The suites of the order in force; empty when nothing is known (the OS default order applies). */
        public List<String> suites() {
            return reported.or(() -> policy.map(CipherOrder::split)).or(() -> local.map(CipherOrder::split))
                    .orElse(List.of());
        }

        static List<String> split(RegistryValue v) {
            if (v instanceof RegistryValue.Sz s) {
                return List.of(s.value().split("\\s*,\\s*")).stream().filter(x -> !x.isBlank()).toList();
            }
            if (v instanceof RegistryValue.MultiSz m) {
                return m.values();
            }
            return List.of();
        }
    }

    /** A minimum key size value of a key exchange ({@code Diffie-Hellman}, {@code PKCS}). */
    public record KeySize(String algorithm, String name, RegistryPath key, Optional<RegistryValue> value) {
    }

    /** A cipher, hash or key exchange key and its Enabled value. */
    public record AlgorithmSetting(String kind, String name, RegistryPath key, Optional<RegistryValue> enabled) {
        public boolean disabled() {
            return ProtocolState.dword(enabled).map(v -> v == 0).orElse(false);
        }
    }

    /** The SCHANNEL key families whose subkeys are algorithms, and the names Windows reads there. */
    private record AlgorithmFamily(String kind, RegistryPath parent, List<String> known) {
    }

    private static final List<AlgorithmFamily> ALGORITHM_FAMILIES = List.of(
            new AlgorithmFamily("cipher", TlsRegistry.CIPHERS, KnownNames.CIPHERS),
            new AlgorithmFamily("hash", TlsRegistry.HASHES, KnownNames.HASHES),
            new AlgorithmFamily("key exchange", TlsRegistry.KEY_EXCHANGE, KnownNames.KEY_EXCHANGES));

    public Optional<ProtocolState> protocol(Protocol p, Role r) {
        return protocols.stream().filter(s -> s.protocol() == p && s.role() == r).findFirst();
    }

    /** Reads the state from a registry. */
    public static HostState read(Registry registry, Optional<WindowsVersion> version) {
        List<ProtocolState> protocols = new ArrayList<>();
        for (Protocol p : MATRIX) {
            for (Role r : Role.values()) {
                RegistryPath key = TlsRegistry.protocolKey(p, r);
                if (!registry.records(key, TlsRegistry.ENABLED) || !registry.records(key,
                        TlsRegistry.DISABLED_BY_DEFAULT)) {
                    protocols.add(ProtocolState.notCollected(p, r));
                    continue;
                }
                protocols.add(ProtocolState.resolve(p, r, registry.readValue(key, TlsRegistry.ENABLED),
                        registry.readValue(key, TlsRegistry.DISABLED_BY_DEFAULT), OsDefaults.of(p, r, version)));
            }
        }
        List<DotNetValue> dotNet = new ArrayList<>();
        for (String clr : TlsRegistry.DOTNET_VERSIONS) {
            for (TlsRegistry.View view : TlsRegistry.View.values()) {
                for (String name : List.of(TlsRegistry.SYSTEM_DEFAULT_TLS_VERSIONS, TlsRegistry.SCH_USE_STRONG_CRYPTO)) {
                    dotNet.add(new DotNetValue(view, clr, name, registry.readValue(view.dotNet(clr), name)));
                }
            }
        }
        List<WinHttpValue> winHttp = new ArrayList<>();
        for (TlsRegistry.View view : TlsRegistry.View.values()) {
            winHttp.add(new WinHttpValue(view, registry.readValue(view.winHttp(), TlsRegistry.DEFAULT_SECURE_PROTOCOLS)));
        }
        List<WinInetValue> winInet = new ArrayList<>();
        List<String> scopes = List.of("policy", "machine", "user");
        for (int i = 0; i < TlsRegistry.WININET.size(); i++) {
            RegistryPath key = TlsRegistry.WININET.get(i);
            winInet.add(new WinInetValue(key, scopes.get(i), registry.readValue(key, TlsRegistry.SECURE_PROTOCOLS)));
        }
        CipherOrder order = new CipherOrder(registry.readValue(CipherOrder.POLICY_KEY, "Functions"),
                registry.readValue(CipherOrder.LOCAL_KEY, "Functions"), registry.reportedCipherSuites());
        List<AlgorithmSetting> algorithms = new ArrayList<>();
        List<RegistryPath> unknown = new ArrayList<>();
        for (AlgorithmFamily family : ALGORITHM_FAMILIES) {
            for (String name : registry.subKeys(family.parent())) {
                RegistryPath key = family.parent().child(name);
                algorithms.add(new AlgorithmSetting(family.kind(), name, key,
                        registry.readValue(key, TlsRegistry.ENABLED)));
                if (family.known().stream().noneMatch(k -> RegistryNames.same(k, name))) {
                    unknown.add(key);
                }
            }
        }
        for (String name : registry.subKeys(TlsRegistry.PROTOCOLS)) {
            if (Protocol.fromKeyName(name).isEmpty()) {
                unknown.add(TlsRegistry.PROTOCOLS.child(name));
            }
        }
        List<KeySize> keySizes = new ArrayList<>();
        for (String[] kv : new String[][] {{"Diffie-Hellman", "ServerMinKeyBitLength"},
            {"Diffie-Hellman", "ClientMinKeyBitLength"}, {"PKCS", "ClientMinKeyBitLength"}}) {
            RegistryPath key = TlsRegistry.KEY_EXCHANGE.child(kv[0]);
            keySizes.add(new KeySize(kv[0], kv[1], key, registry.readValue(key, kv[1])));
        }
        java.util.Set<Part> notCollected = java.util.EnumSet.noneOf(Part.class);
        if (java.util.Arrays.stream(TlsRegistry.View.values()).anyMatch(v -> !registry.records(v.winHttp(),
                TlsRegistry.DEFAULT_SECURE_PROTOCOLS))) {
            notCollected.add(Part.WINHTTP);
        }
        if (TlsRegistry.WININET.stream().anyMatch(k -> !registry.records(k, TlsRegistry.SECURE_PROTOCOLS))) {
            notCollected.add(Part.WININET);
        }
        if (ALGORITHM_FAMILIES.stream().anyMatch(f -> !registry.records(f.parent().child(f.known().get(0)),
                TlsRegistry.ENABLED))) {
            notCollected.add(Part.ALGORITHMS);
        }
        if (!registry.records(TlsRegistry.FIPS_POLICY, TlsRegistry.ENABLED)) {
            notCollected.add(Part.FIPS);
        }
        return new HostState(version, protocols, dotNet, winHttp, winInet, order, algorithms,
                registry.readValue(TlsRegistry.FIPS_POLICY, TlsRegistry.ENABLED), unknown, keySizes, notCollected);
    }
}
