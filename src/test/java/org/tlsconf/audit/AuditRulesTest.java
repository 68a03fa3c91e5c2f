package org.tlsconf.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tlsconf.plan.Planner;
import org.tlsconf.plan.Simulation;
import org.tlsconf.profile.ProfileCatalogue;
import org.tlsconf.profile.ProfileLoader;
import org.tlsconf.registry.InMemoryRegistry;
import org.tlsconf.registry.Registry;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.tls.Protocol;
import org.tlsconf.tls.Role;
import org.tlsconf.tls.TlsRegistry;
import org.tlsconf.tls.WindowsVersion;

/** Every finding: a host that triggers it, and a well-configured host (or a near miss) that does not. */
class AuditRulesTest {

    static final WindowsVersion SERVER_2019 = new WindowsVersion(17763, 1, "Windows Server 2019 Standard", "Server",
            "test");

    /** Server 2019 with max-protection applied and WinHTTP set to TLS 1.2 in both views: no findings. */
    static Registry hardened() {
        Registry r = new InMemoryRegistry();
        var max = new ProfileLoader(new ProfileCatalogue()).load("max-protection");
        Registry after = Simulation.after(Planner.plan(max, r), r);
        for (TlsRegistry.View v : TlsRegistry.View.values()) {
            set(after, v.winHttp(), "DefaultSecureProtocols", RegistryValue.dword(0x800));
        }
        for (Role role : Role.values()) {
            set(after, proto(Protocol.DTLS_1_0, role), "Enabled", RegistryValue.dword(0));
            set(after, proto(Protocol.DTLS_1_0, role), "DisabledByDefault", RegistryValue.dword(1));
        }
        return after;
    }

    static void set(Registry r, RegistryPath key, String name, RegistryValue v) {
        r.createKey(key);
        r.setValue(key, name, v);
    }

    static RegistryPath proto(Protocol p, Role role) {
        return TlsRegistry.protocolKey(p, role);
    }

    static List<String> ids(Registry r, Optional<WindowsVersion> v) {
        return Audit.of(r, v).findings().stream().map(Finding::id).toList();
    }

    @Test
    void aHardenedHostHasNoFindings() {
        assertEquals(List.of(), Audit.of(hardened(), Optional.of(SERVER_2019)).findings());
    }

    static Stream<Arguments> triggers() {
        RegistryValue on = RegistryValue.dword(1);
        RegistryValue off = RegistryValue.dword(0);
        return Stream.of(
                Arguments.of("VALUE-WRONG-TYPE", (Consumer<Registry>) r -> set(r, proto(Protocol.TLS_1_2,
                        Role.SERVER), "Enabled", RegistryValue.sz("1"))),
                Arguments.of("VALUE-WRONG-TYPE", (Consumer<Registry>) r -> set(r,
                        TlsRegistry.View.WOW6432.dotNet("v4.0.30319"), "SchUseStrongCrypto", RegistryValue.sz("1"))),
                Arguments.of("ENABLED-ODD-VALUE", (Consumer<Registry>) r -> set(r, proto(Protocol.TLS_1_2,
                        Role.CLIENT), "Enabled", RegistryValue.dword(2))),
                Arguments.of("TLS-VALUE-MISSING", (Consumer<Registry>) r -> r.deleteValue(
                        proto(Protocol.TLS_1_1, Role.SERVER), "DisabledByDefault")),
                Arguments.of("TLS-MISMATCH", (Consumer<Registry>) r -> {
                    set(r, proto(Protocol.TLS_1_0, Role.CLIENT), "Enabled", on);
                    set(r, proto(Protocol.TLS_1_0, Role.CLIENT), "DisabledByDefault", off);
                }),
                Arguments.of("TLS-HALF-DISABLED", (Consumer<Registry>) r -> {
                    set(r, proto(Protocol.TLS_1_1, Role.SERVER), "Enabled", on);
                    set(r, proto(Protocol.TLS_1_1, Role.CLIENT), "Enabled", on);
                }),
                Arguments.of("TLS-HALF-DISABLED", (Consumer<Registry>) r -> {
                    set(r, proto(Protocol.TLS_1_1, Role.SERVER), "DisabledByDefault", off);
                    set(r, proto(Protocol.TLS_1_1, Role.CLIENT), "DisabledByDefault", off);
                }),
                Arguments.of("NO-SERVER-PROTOCOL", (Consumer<Registry>) r -> set(r, proto(Protocol.TLS_1_2,
                        Role.SERVER), "Enabled", off)),
                Arguments.of("NO-CLIENT-PROTOCOL", (Consumer<Registry>) r -> set(r, proto(Protocol.TLS_1_2,
                        Role.CLIENT), "Enabled", off)),
                Arguments.of("TLS12-DISABLED", (Consumer<Registry>) r -> set(r, proto(Protocol.TLS_1_2,
                        Role.CLIENT), "DisabledByDefault", on)),
                Arguments.of("TLS13-UNSUPPORTED", (Consumer<Registry>) r -> {
                    set(r, proto(Protocol.TLS_1_3, Role.SERVER), "Enabled", on);
                    set(r, proto(Protocol.TLS_1_3, Role.CLIENT), "Enabled", on);
                }),
                Arguments.of("TLS13-UNSUPPORTED", (Consumer<Registry>) r -> {
                    for (TlsRegistry.View v : TlsRegistry.View.values()) {
                        set(r, v.winHttp(), "DefaultSecureProtocols", RegistryValue.dword(0x2800));
                    }
                }),
                Arguments.of("OLD-PROTOCOL-ENABLED", (Consumer<Registry>) r -> {
                    for (Role role : Role.values()) {
                        set(r, proto(Protocol.SSL_3_0, role), "Enabled", on);
                        set(r, proto(Protocol.SSL_3_0, role), "DisabledByDefault", off);
                    }
                }),
                Arguments.of("OLD-PROTOCOL-ENABLED", (Consumer<Registry>) r -> {
                    for (Role role : Role.values()) {
                        r.deleteValue(proto(Protocol.DTLS_1_0, role), "Enabled");
                        r.deleteValue(proto(Protocol.DTLS_1_0, role), "DisabledByDefault");
                    }
                }),
                Arguments.of("DOTNET-STRONG-CRYPTO-OFF", (Consumer<Registry>) r -> {
                    set(r, TlsRegistry.View.NATIVE.dotNet("v4.0.30319"), "SchUseStrongCrypto", off);
                    set(r, TlsRegistry.View.WOW6432.dotNet("v4.0.30319"), "SchUseStrongCrypto", off);
                }),
                Arguments.of("DOTNET-VALUE-MISSING", (Consumer<Registry>) r -> {
                    r.deleteValue(TlsRegistry.View.NATIVE.dotNet("v4.0.30319"), "SystemDefaultTlsVersions");
                    r.deleteValue(TlsRegistry.View.WOW6432.dotNet("v4.0.30319"), "SystemDefaultTlsVersions");
                }),
                Arguments.of("WOW-TWIN-MISSING", (Consumer<Registry>) r -> r.deleteValue(
                        TlsRegistry.View.WOW6432.dotNet("v2.0.50727"), "SchUseStrongCrypto")),
                Arguments.of("WOW-TWIN-MISSING", (Consumer<Registry>) r -> r.deleteValue(
                        TlsRegistry.View.WOW6432.winHttp(), "DefaultSecureProtocols")),
                Arguments.of("WINHTTP-NO-TLS12", (Consumer<Registry>) r -> {
                    for (TlsRegistry.View v : TlsRegistry.View.values()) {
                        set(r, v.winHttp(), "DefaultSecureProtocols", RegistryValue.dword(0xA0));
                    }
                }),
                Arguments.of("CIPHER-ORDER-WRONG-TYPE", (Consumer<Registry>) r -> set(r,
                        HostState.CipherOrder.POLICY_KEY, "Functions", RegistryValue.multiSz(List.of(
                                "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384")))),
                Arguments.of("CIPHER-ORDER-TOO-LONG", (Consumer<Registry>) r -> set(r,
                        HostState.CipherOrder.POLICY_KEY, "Functions", RegistryValue.sz(
                                String.join(",", java.util.Collections.nCopies(30, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"))))),
                Arguments.of("CIPHER-ORDER-POLICY-WINS", (Consumer<Registry>) r -> {
                    set(r, HostState.CipherOrder.POLICY_KEY, "Functions", RegistryValue.sz(
                            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"));
                    set(r, HostState.CipherOrder.LOCAL_KEY, "Functions", RegistryValue.multiSz(List.of(
                            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")));
                }),
                Arguments.of("KEX-DISABLED", (Consumer<Registry>) r -> set(r,
                        TlsRegistry.KEY_EXCHANGE.child("PKCS"), "Enabled", off)),
                Arguments.of("KEX-DISABLED", (Consumer<Registry>) r -> set(r,
                        TlsRegistry.KEY_EXCHANGE.child("ECDH"), "Enabled", off)),
                Arguments.of("SHA1-HASH-DISABLED", (Consumer<Registry>) r -> set(r,
                        TlsRegistry.HASHES.child("SHA"), "Enabled", off)),
                Arguments.of("MISSPELLED-KEY", (Consumer<Registry>) r -> set(r,
                        TlsRegistry.HASHES.child("SHA 256"), "Enabled", off)),
                Arguments.of("MISSPELLED-KEY", (Consumer<Registry>) r -> set(r,
                        TlsRegistry.CIPHERS.child("Triple DES 168/168"), "Enabled", off)),
                Arguments.of("MISSPELLED-KEY", (Consumer<Registry>) r -> set(r,
                        TlsRegistry.CIPHERS.child("RC4 40\u2215128"), "Enabled", off)),
                Arguments.of("MISSPELLED-KEY", (Consumer<Registry>) r -> r.createKey(
                        TlsRegistry.PROTOCOLS.child("TLS1.2"))),
                Arguments.of("FIPS-ENABLED", (Consumer<Registry>) r -> set(r, TlsRegistry.FIPS_POLICY,
                        "Enabled", on)),
                Arguments.of("WEAK-CIPHER-ENABLED", (Consumer<Registry>) r -> set(r,
                        TlsRegistry.CIPHERS.child("RC4 128/128"), "Enabled", RegistryValue.dword(0xFFFFFFFFL))),
                Arguments.of("WEAK-CIPHER-ENABLED", (Consumer<Registry>) r -> set(r,
                        TlsRegistry.CIPHERS.child("Triple DES 168"), "Enabled", on)),
                Arguments.of("WEAK-CIPHER-ENABLED", (Consumer<Registry>) r -> set(r,
                        TlsRegistry.CIPHERS.child("NULL"), "Enabled", on)),
                Arguments.of("MD5-ENABLED", (Consumer<Registry>) r -> set(r,
                        TlsRegistry.HASHES.child("MD5"), "Enabled", RegistryValue.dword(0xFFFFFFFFL))),
                Arguments.of("WEAK-KEY-SIZE", (Consumer<Registry>) r -> set(r,
                        TlsRegistry.KEY_EXCHANGE.child("Diffie-Hellman"), "ServerMinKeyBitLength",
                        RegistryValue.dword(1024))),
                Arguments.of("WEAK-KEY-SIZE", (Consumer<Registry>) r -> set(r,
                        TlsRegistry.KEY_EXCHANGE.child("PKCS"), "ClientMinKeyBitLength", RegistryValue.dword(1024))),
                Arguments.of("CIPHER-ORDER-UNSUPPORTED", (Consumer<Registry>) r -> set(r,
                        HostState.CipherOrder.POLICY_KEY, "Functions", RegistryValue.sz(
                                "TLS_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"))),
                Arguments.of("CIPHER-ORDER-WEAK-SUITE", (Consumer<Registry>) r -> set(r,
                        HostState.CipherOrder.POLICY_KEY, "Functions", RegistryValue.sz(
                                "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_RSA_WITH_3DES_EDE_CBC_SHA"))),
                Arguments.of("CIPHER-ORDER-WEAK-SUITE", (Consumer<Registry>) r -> set(r,
                        HostState.CipherOrder.LOCAL_KEY, "Functions", RegistryValue.multiSz(List.of(
                                "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_RSA_WITH_RC4_128_SHA")))));
    }

    @ParameterizedTest(name = "{0} #{index}")
    @MethodSource("triggers")
    void eachFindingIsRaisedByTheHostThatHasTheProblem(String id, Consumer<Registry> mutation) {
        assertFalse(ids(hardened(), Optional.of(SERVER_2019)).contains(id), id + " raised on the hardened host");
        Registry r = hardened();
        mutation.accept(r);
        List<Finding> findings = Audit.of(r, Optional.of(SERVER_2019)).findings();
        Finding f = findings.stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not raised; got " + findings));
        assertFalse(f.where().isBlank() || f.why().isBlank() || f.fix().isBlank(), f.toString());
    }

    @Test
    void nearMissesDoNotRaiseFindings() {
        Registry r = hardened();
        set(r, proto(Protocol.TLS_1_2, Role.SERVER), "Enabled", RegistryValue.dword(0xFFFFFFFFL));
        set(r, proto(Protocol.TLS_1_2, Role.CLIENT), "Enabled", RegistryValue.dword(0xFFFFFFFFL));
        set(r, TlsRegistry.HASHES.child("SHA256"), "Enabled", RegistryValue.dword(0xFFFFFFFFL));
        set(r, TlsRegistry.CIPHERS.child("Triple DES 168"), "Enabled", RegistryValue.dword(0));
        String order = String.join(",", java.util.Collections.nCopies(26, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"))
                + ",TLS_RSA_WITH_AES_128_CBC_SHA";
        assertTrue(order.length() > 1000 && order.length() <= 1023);
        set(r, HostState.CipherOrder.POLICY_KEY, "Functions", RegistryValue.sz(order));
        set(r, TlsRegistry.FIPS_POLICY, "Enabled", RegistryValue.dword(0));
        assertEquals(List.of(), ids(r, Optional.of(SERVER_2019)));
    }

    @Test
    void tls13IsFineOnServer2022ButNeedsASuiteInAConfiguredOrder() {
        WindowsVersion server2022 = new WindowsVersion(20348, 1, "Windows Server 2022 Standard", "Server", "t");
        Registry r = hardened();
        for (Role role : Role.values()) {
            set(r, proto(Protocol.TLS_1_3, role), "Enabled", RegistryValue.dword(1));
            set(r, proto(Protocol.TLS_1_3, role), "DisabledByDefault", RegistryValue.dword(0));
        }
        assertEquals(List.of(), ids(r, Optional.of(server2022)));
        set(r, HostState.CipherOrder.POLICY_KEY, "Functions", RegistryValue.sz("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"));
        assertEquals(List.of("TLS13-NO-SUITE"), ids(r, Optional.of(server2022)));
        set(r, HostState.CipherOrder.POLICY_KEY, "Functions", RegistryValue.sz(
                "TLS_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"));
        assertEquals(List.of(), ids(r, Optional.of(server2022)));
        assertTrue(ids(r, Optional.empty()).contains("TLS13-UNVERIFIED"));
    }

    @Test
    void onWindows7DisablingTls10WithoutTls12LocksOut() {
        WindowsVersion win7 = new WindowsVersion(7601, 1, "Windows Server 2008 R2 Standard", "Server", "t");
        Registry r = new InMemoryRegistry();
        for (Role role : Role.values()) {
            set(r, proto(Protocol.TLS_1_0, role), "Enabled", RegistryValue.dword(0));
            set(r, proto(Protocol.TLS_1_0, role), "DisabledByDefault", RegistryValue.dword(1));
        }
        List<String> ids = ids(r, Optional.of(win7));
        assertTrue(ids.contains("LEGACY-OS-TLS12-OFF"), ids.toString());
        assertTrue(ids.contains("NO-SERVER-PROTOCOL"), ids.toString());
        for (Role role : Role.values()) {
            set(r, proto(Protocol.TLS_1_2, role), "Enabled", RegistryValue.dword(1));
            set(r, proto(Protocol.TLS_1_2, role), "DisabledByDefault", RegistryValue.dword(0));
        }
        ids = ids(r, Optional.of(win7));
        assertFalse(ids.contains("LEGACY-OS-TLS12-OFF"), ids.toString());
        assertFalse(ids.contains("NO-SERVER-PROTOCOL"), ids.toString());
    }

    @Test
    void osDefaultsFollowTheBuild() {
        Registry empty = new InMemoryRegistry();
        HostState win7 = HostState.read(empty, Optional.of(WindowsVersion.ofBuild(7601, "t")));
        assertEquals(ProtocolState.Effective.DISABLED, win7.protocol(Protocol.TLS_1_2, Role.SERVER).orElseThrow()
                .effective());
        assertEquals(ProtocolState.Effective.ENABLED, win7.protocol(Protocol.SSL_2_0, Role.SERVER).orElseThrow()
                .effective());
        HostState s2022 = HostState.read(empty, Optional.of(WindowsVersion.ofBuild(20348, "t")));
        assertEquals(ProtocolState.Effective.ENABLED, s2022.protocol(Protocol.TLS_1_3, Role.CLIENT).orElseThrow()
                .effective());
        assertEquals(ProtocolState.Effective.NOT_SUPPORTED, s2022.protocol(Protocol.SSL_2_0, Role.CLIENT)
                .orElseThrow().effective());
        HostState unknown = HostState.read(empty, Optional.empty());
        assertEquals(ProtocolState.Effective.UNKNOWN, unknown.protocol(Protocol.TLS_1_2, Role.CLIENT).orElseThrow()
                .effective());
        assertTrue(unknown.protocol(Protocol.TLS_1_2, Role.CLIENT).orElseThrow().fromOsDefault());
    }

    @Test
    void anOrderWithNoSuiteTheBuildSupportsIsHighAndNamesTheSuites() {
        Registry r = hardened();
        set(r, HostState.CipherOrder.POLICY_KEY, "Functions", RegistryValue.sz(
                "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P384,TLS_AES_256_GCM_SHA384"));
        Finding f = Audit.of(r, Optional.of(SERVER_2019)).findings().stream()
                .filter(x -> x.id().equals("CIPHER-ORDER-UNSUPPORTED")).findFirst().orElseThrow();
        assertEquals(Finding.Severity.HIGH, f.severity());
        assertTrue(f.message().startsWith("2 of the 2 suites in the policy order are not supported by Windows 10 1809 "
                + "/ Server 2019: TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P384, TLS_AES_256_GCM_SHA384"), f.message());
        assertFalse(ids(r, Optional.empty()).contains("CIPHER-ORDER-UNSUPPORTED"));
    }

    @Test
    void pskSuitesWhichTheDataLeavesOutAreNotCalledUnsupported() throws Exception {
        // Windows' own local order on a fresh Server 2016 ends with six TLS_PSK_ suites
        Registry fresh = org.tlsconf.registry.regfile.RegFileReader.parse(java.nio.file.Files.readAllBytes(
                java.nio.file.Path.of("examples/server-2016-fresh.reg")), "fresh").replay("fresh");
        assertFalse(ids(fresh, Optional.empty()).contains("CIPHER-ORDER-UNSUPPORTED"));
        assertTrue(Audit.of(fresh, org.tlsconf.tls.WindowsVersion.read(fresh, "file")).findings().stream()
                .noneMatch(f -> f.id().equals("CIPHER-ORDER-UNSUPPORTED")));
        // a misspelt suite next to them still is, a misspelt PSK one and a PSK suite Windows does not have too
        Registry r = hardened();
        set(r, HostState.CipherOrder.POLICY_KEY, "Functions", RegistryValue.sz("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,"
                + "TLS_PSK_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_256_GCM,TLS_PSK_WITH_AES_128_GCM_SHA257,"
                + "TLS_ECDHE_PSK_WITH_AES_128_GCM_SHA256"));
        Finding f = Audit.of(r, Optional.of(SERVER_2019)).findings().stream()
                .filter(x -> x.id().equals("CIPHER-ORDER-UNSUPPORTED")).findFirst().orElseThrow();
        assertTrue(f.message().startsWith("3 of the 5 suites in the policy order are not supported by Windows 10 1809 "
                + "/ Server 2019: TLS_ECDHE_RSA_WITH_AES_256_GCM, TLS_PSK_WITH_AES_128_GCM_SHA257, "
                + "TLS_ECDHE_PSK_WITH_AES_128_GCM_SHA256"), f.message());
    }

    @Test
    void minimumKeySizesOf2048AndDisabledWeakCiphersAreFine() {
        Registry r = hardened();
        set(r, TlsRegistry.KEY_EXCHANGE.child("Diffie-Hellman"), "ServerMinKeyBitLength", RegistryValue.dword(2048));
        set(r, TlsRegistry.KEY_EXCHANGE.child("PKCS"), "ClientMinKeyBitLength", RegistryValue.dword(3072));
        set(r, TlsRegistry.CIPHERS.child("RC4 128/128"), "Enabled", RegistryValue.dword(0));
        set(r, TlsRegistry.HASHES.child("MD5"), "Enabled", RegistryValue.dword(0));
        set(r, TlsRegistry.CIPHERS.child("AES 128/128"), "Enabled", RegistryValue.dword(0xFFFFFFFFL));
        assertEquals(List.of(), ids(r, Optional.of(SERVER_2019)));
    }

    static final WindowsVersion SERVER_2008_R2 = new WindowsVersion(7601, 1, "Windows Server 2008 R2 Standard",
            "Server", "t");

    private static void both(Registry r, Protocol p, int enabled, int dbd) {
        for (Role role : Role.values()) {
            set(r, proto(p, role), "Enabled", RegistryValue.dword(enabled));
            set(r, proto(p, role), "DisabledByDefault", RegistryValue.dword(dbd));
        }
    }

    @Test
    void dotNetValuesAreDemandedOnlyWhenAVersionIsDisabledOnBothSidesAsHealthCheckerDoes() {
        InMemoryRegistry r = new InMemoryRegistry();
        both(r, Protocol.TLS_1_0, 1, 0);
        both(r, Protocol.TLS_1_2, 1, 0);
        set(r, TlsRegistry.View.NATIVE.dotNet("v4.0.30319"), "SchUseStrongCrypto", RegistryValue.dword(0));
        // TLS 1.1 has no values: off by OS default on 2008 R2, but HealthChecker counts a missing value as enabled
        assertFalse(ids(r, Optional.of(SERVER_2008_R2)).contains("DOTNET-STRONG-CRYPTO-OFF"));
        set(r, proto(Protocol.TLS_1_0, Role.SERVER), "Enabled", RegistryValue.dword(0));
        set(r, proto(Protocol.TLS_1_0, Role.SERVER), "DisabledByDefault", RegistryValue.dword(1));
        List<String> oneSide = ids(r, Optional.of(SERVER_2008_R2));
        assertFalse(oneSide.contains("DOTNET-STRONG-CRYPTO-OFF"), oneSide.toString());
        assertTrue(oneSide.contains("TLS-MISMATCH"), oneSide.toString());
        both(r, Protocol.TLS_1_0, 0, 1);
        Finding f = Audit.of(r, Optional.of(SERVER_2008_R2)).findings().stream()
                .filter(x -> x.id().equals("DOTNET-STRONG-CRYPTO-OFF") && x.where().endsWith("SchUseStrongCrypto"))
                .findFirst().orElseThrow();
        assertTrue(f.message().startsWith("TLS 1.0 is disabled on both sides but SchUseStrongCrypto is 0"),
                f.message());
    }

    @Test
    void anyEnabledTls13ValueOnABuildWithoutItIsUnsupportedAndBlocksApply() {
        WindowsVersion server2016 = new WindowsVersion(14393, 1, "Windows Server 2016 Standard", "Server", "t");
        Registry r = hardened();
        both(r, Protocol.TLS_1_3, 1, 1);
        Audit audit = Audit.of(r, Optional.of(server2016));
        assertTrue(audit.blocking().stream().anyMatch(f -> f.id().equals("TLS13-UNSUPPORTED")), audit.findings()
                .toString());
        assertEquals("Not supported (Enabled=1 written)", audit.state().protocol(Protocol.TLS_1_3, Role.SERVER)
                .orElseThrow().describe());
        both(r, Protocol.TLS_1_3, 0, 1);
        assertFalse(ids(r, Optional.of(server2016)).contains("TLS13-UNSUPPORTED"));
    }

    @Test
    void tls13ClientOnWithServerUntouchedIsAMismatchAsHealthCheckerSays() {
        Registry r = hardened();
        set(r, proto(Protocol.TLS_1_3, Role.CLIENT), "Enabled", RegistryValue.dword(1));
        set(r, proto(Protocol.TLS_1_3, Role.CLIENT), "DisabledByDefault", RegistryValue.dword(0));
        WindowsVersion server2022 = new WindowsVersion(20348, 1, "Windows Server 2022 Standard", "Server", "t");
        for (Optional<WindowsVersion> v : List.of(Optional.of(server2022), Optional.<WindowsVersion>empty())) {
            Audit audit = Audit.of(r, v);
            assertEquals(HealthCheckerClassification.Configuration.MISCONFIGURED, audit.healthChecker(Protocol.TLS_1_3));
            assertTrue(audit.findings().stream().anyMatch(f -> f.id().equals("TLS-MISMATCH")
                    && f.message().startsWith("TLS 1.3: ")), v + ": " + audit.findings());
        }
    }

    @Test
    void osDefaultsThatDifferByDesignAreNoMismatch() {
        // 2008 R2: SSL 2.0 is off for the Client and on for the Server by default
        List<Finding> findings = Audit.of(new InMemoryRegistry(), Optional.of(SERVER_2008_R2)).findings();
        assertFalse(findings.stream().anyMatch(f -> f.id().equals("TLS-MISMATCH")), findings.toString());
    }

    @Test
    void findingsComeMostSevereFirst() {
        List<Finding> findings = Audit.of(new InMemoryRegistry(), Optional.of(SERVER_2008_R2)).findings();
        assertTrue(findings.size() > 3 && findings.stream().map(Finding::severity).distinct().count() > 1,
                findings.toString());
        for (int i = 1; i < findings.size(); i++) {
            assertTrue(findings.get(i - 1).severity().compareTo(findings.get(i).severity()) <= 0, findings.toString());
        }
    }
}
