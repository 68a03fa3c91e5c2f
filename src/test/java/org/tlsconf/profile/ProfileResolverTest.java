package org.tlsconf.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.report.ProfileReport;

/** OS-aware profiles: build conditions, cipher suite and curve orders, and what one build gets. */
class ProfileResolverTest {

    private final ProfileLoader loader = new ProfileLoader(new ProfileCatalogue());

    static final String WINHTTP = "HKLM\\\\SOFTWARE\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\Internet Settings"
            + "\\\\WinHttp";
    static final String WINHTTP32 = "HKLM\\\\SOFTWARE\\\\Wow6432Node\\\\Microsoft\\\\Windows\\\\CurrentVersion"
            + "\\\\Internet Settings\\\\WinHttp";
    static final String TLS13 = "HKLM\\\\SYSTEM\\\\CurrentControlSet\\\\Control\\\\SecurityProviders\\\\SCHANNEL"
            + "\\\\Protocols\\\\TLS 1.3\\\\";

    private Profile load(String json) {
        return loader.loadBytes(json.getBytes(StandardCharsets.UTF_8), "p.json");
    }

    private static String winHttpBothViews() {
        String alternatives = "\"DefaultSecureProtocols\": [{\"type\": \"REG_DWORD\", \"data\": \"0x800\", "
                + "\"maxBuild\": 20347, \"reason\": \"TLS 1.2 only\"}, {\"type\": \"REG_DWORD\", \"data\": "
                + "\"0x2800\", \"minBuild\": 20348}]";
        return "{\"path\": \"" + WINHTTP + "\", \"values\": {" + alternatives + "}},\n"
                + "{\"path\": \"" + WINHTTP32 + "\", \"values\": {" + alternatives + "}}";
    }

    private static String suites(String mode, String... items) {
        return "\"cipherSuites\": {" + (mode == null ? "" : "\"unsupported\": \"" + mode + "\", ")
                + "\"reason\": \"test order\", \"order\": [" + String.join(", ", items) + "]}";
    }

    private static long dword(Profile p, String name) {
        return ((RegistryValue.Dword) p.values().stream().filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow().value().orElseThrow()).value();
    }

    private static Optional<RegistryValue> value(Profile p, String name) {
        return p.values().stream().filter(v -> v.name().equals(name)).findFirst().flatMap(DesiredValue::value);
    }

    @Test
    void aValueLimitedToBuildsIsWrittenOnlyOnThoseBuildsAndAlternativesPickByBuild() {
        Profile p = load("{\"name\": \"t\", \"keys\": [" + winHttpBothViews() + "]}");
        assertTrue(p.dependsOnBuild());
        assertEquals(0x800, dword(p.resolve(Optional.of(17763)), "DefaultSecureProtocols"));
        assertEquals(0x800, dword(p.resolve(Optional.of(20347)), "DefaultSecureProtocols"));
        assertEquals(0x2800, dword(p.resolve(Optional.of(20348)), "DefaultSecureProtocols"));
        assertEquals(2, p.resolve(Optional.of(26100)).values().size());
        assertEquals("TLS 1.2 only", p.resolve(Optional.of(9600)).values().get(0).reason());
        assertTrue(p.resolve(Optional.of(9600)).isResolved());
    }

    @Test
    void keyLevelBuildsAndReasonsApplyToEveryValueThatGivesNone() {
        Profile p = load("{\"name\": \"t\", \"keys\": [{\"path\": \"" + TLS13 + "Server\", \"minBuild\": 20348, "
                + "\"reason\": \"TLS 1.3 exists from Server 2022\", \"values\": {\"Enabled\": {\"type\": "
                + "\"REG_DWORD\", \"data\": 1}, \"DisabledByDefault\": {\"type\": \"REG_DWORD\", \"data\": 0, "
                + "\"reason\": \"own\"}}}, {\"path\": \"" + TLS13 + "Client\", \"minBuild\": 20348, \"values\": "
                + "{\"Enabled\": {\"type\": \"REG_DWORD\", \"data\": 1}, \"DisabledByDefault\": {\"type\": "
                + "\"REG_DWORD\", \"data\": 0}}}]}");
        assertEquals(List.of(), p.resolve(Optional.of(17763)).values());
        Profile on2022 = p.resolve(Optional.of(20348));
        assertEquals(4, on2022.values().size());
        assertEquals("TLS 1.3 exists from Server 2022", on2022.values().get(0).reason());
        assertEquals("own", on2022.values().get(1).reason());
        assertFalse(on2022.warnings().stream().anyMatch(w -> w.contains("TLS 1.3 is supported only")),
                on2022.warnings().toString());
    }

    @Test
    void aProfileThatDependsOnTheBuildRefusesToResolveWithoutOne() {
        Profile p = load("{\"name\": \"t\", " + suites(null, "\"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384\"")
                + ", \"keys\": []}");
        BuildRequiredException e = assertThrows(BuildRequiredException.class, () -> p.resolve(Optional.empty()));
        assertTrue(e.getMessage().contains("pass --os-build N"), e.getMessage());
        Profile plain = loader.load("min-requirement");
        assertEquals(plain, plain.resolve(Optional.empty()));
    }

    @Test
    void theSuiteOrderBecomesThePolicyFunctionsStringInMicrosoftsSpelling() {
        Profile p = load("{\"name\": \"t\", " + suites(null, "\"tls_ecdhe_rsa_with_aes_256_gcm_sha384\"",
                "\"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\"") + ", \"eccCurves\": {\"order\": [\"NistP384\", "
                + "\"nistp256\"]}, \"keys\": []}");
        Profile r = p.resolve(Optional.of(17763));
        assertEquals(Optional.of(RegistryValue.sz("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,"
                + "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")), value(r, "Functions"));
        assertEquals(Optional.of(RegistryValue.multiSz(List.of("NistP384", "NistP256"))), value(r, "EccCurves"));
        assertEquals(OrderSpec.POLICY_KEY, r.values().get(0).key());
        assertEquals("test order", r.values().get(0).reason());
    }

    @Test
    void aSuiteTheBuildDoesNotSupportIsAnErrorNamingLineAndBuild() {
        Profile p = load("{\"name\": \"t\",\n" + suites(null, "\"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384\"",
                "\n\"TLS_AES_256_GCM_SHA384\"") + ", \"keys\": []}");
        ProfileException e = assertThrows(ProfileException.class, () -> p.resolve(Optional.of(17763)));
        assertEquals("p.json:3:1: $.cipherSuites.order[1]: cipher suite TLS_AES_256_GCM_SHA384 is not supported on "
                + "build 17763 (Windows 10 1809 / Server 2019) (remove it, limit it with \"minBuild\"/\"maxBuild\", "
                + "or set \"unsupported\": \"drop\" for a template meant for several Windows versions)",
                e.problems().get(0).format());
        assertEquals(2, value(p.resolve(Optional.of(20348)), "Functions").map(v -> v.display().split(",").length)
                .orElseThrow());
    }

    @Test
    void aMultiOsTemplateDropsWhatABuildLacksAndSaysSo() {
        Profile p = load("{\"name\": \"t\", " + suites("drop", "\"TLS_AES_256_GCM_SHA384\"",
                "\"TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P384\"", "\"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384\"")
                + ", \"eccCurves\": {\"unsupported\": \"drop\", \"order\": [\"NistP384\"]}, \"keys\": []}");
        Profile on2012r2 = p.resolve(Optional.of(9600));
        assertEquals(Optional.of(RegistryValue.sz("TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P384")),
                value(on2012r2, "Functions"));
        assertEquals(Optional.empty(), value(on2012r2, "EccCurves"));
        assertEquals(List.of("dropped for build 9600: cipher suite TLS_AES_256_GCM_SHA384 is not supported on build "
                + "9600 (Windows 8.1 / Server 2012 R2 (with KB2919355))",
                "dropped for build 9600: cipher suite TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 is not supported on "
                        + "build 9600 (Windows 8.1 / Server 2012 R2 (with KB2919355))",
                "EccCurves not written on build 9600: tlsconf has no ECC curve data for build 9600 (it covers "
                        + "builds 14393 to 99999)"), on2012r2.notes());
        Profile on2022 = p.resolve(Optional.of(20348));
        assertEquals(Optional.of(RegistryValue.sz("TLS_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384")),
                value(on2022, "Functions"));
    }

    @Test
    void anOrderWithNothingLeftForTheBuildIsAnError() {
        Profile p = load("{\"name\": \"t\", " + suites("drop", "\"TLS_AES_256_GCM_SHA384\"") + ", \"keys\": []}");
        ProfileException e = assertThrows(ProfileException.class, () -> p.resolve(Optional.of(14393)));
        assertTrue(e.getMessage().contains("no cipher suite of the order is left for build 14393"), e.getMessage());
    }

    @Test
    void anOrderLongerThan1023CharactersIsRefused() {
        List<String> all = org.tlsconf.tls.SuiteCatalogue.get().forBuild(org.tlsconf.tls.SuiteCatalogue.Kind.SUITES,
                20348).orElseThrow().names().values().stream().map(n -> "\"" + n + "\"").toList();
        Profile p = load("{\"name\": \"t\", " + suites(null, all.toArray(String[]::new)) + ", \"keys\": []}");
        ProfileException e = assertThrows(ProfileException.class, () -> p.resolve(Optional.of(20348)));
        assertTrue(e.getMessage().contains("characters long; Windows reads at most 1023 characters"),
                e.getMessage());
    }

    @Test
    void unknownSuitesAreLoadErrorsWithASuggestion() {
        ProfileException e = assertThrows(ProfileException.class, () -> load("{\"name\": \"t\", "
                + suites(null, "\"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA348\"", "\"A,B\"") + ", \"keys\": []}"));
        assertTrue(e.fullReport().contains("unknown cipher suite 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA348': no "
                + "Windows version tlsconf knows supports it (did you mean 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'?)"),
                e.fullReport());
        assertTrue(e.fullReport().contains("'A,B' is not one cipher suite name"), e.fullReport());
        ProfileException range = assertThrows(ProfileException.class, () -> load("{\"name\": \"t\", "
                + suites(null, "{\"name\": \"TLS_AES_256_GCM_SHA384\", \"maxBuild\": 17763}") + ", \"keys\": []}"));
        assertTrue(range.getMessage().contains("is supported on no build in up to build 17763"), range.getMessage());
    }

    @Test
    void overlappingAlternativesAndARawFunctionsBesideAnOrderAreErrors() {
        ProfileException overlap = assertThrows(ProfileException.class, () -> load("{\"name\": \"t\", \"keys\": "
                + "[{\"path\": \"" + WINHTTP + "\", \"values\": {\"DefaultSecureProtocols\": [{\"type\": "
                + "\"REG_DWORD\", \"data\": 1, \"maxBuild\": 20348}, {\"type\": \"REG_DWORD\", \"data\": 2, "
                + "\"minBuild\": 20348}]}}]}"));
        assertTrue(overlap.getMessage().contains("applies to from build 20348, which overlaps up to build 20348"),
                overlap.getMessage());
        ProfileException both = assertThrows(ProfileException.class, () -> load("{\"name\": \"t\", "
                + suites(null, "\"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384\"") + ", \"keys\": [{\"path\": "
                + "\"HKLM\\\\SOFTWARE\\\\Policies\\\\Microsoft\\\\Cryptography\\\\Configuration\\\\SSL\\\\00010002\", "
                + "\"values\": {\"Functions\": {\"type\": \"REG_SZ\", \"data\": \"X\"}}}]}"));
        assertTrue(both.getMessage().contains("gives both \"cipherSuites\" and a raw"), both.getMessage());
    }

    @Test
    void breakpointsEnumerateEveryVariantOfATemplate() {
        Profile p = load("{\"name\": \"t\", \"keys\": [" + winHttpBothViews() + "]}");
        assertEquals(java.util.Set.of(0, 20348), p.breakpoints());
        Profile withOrder = load("{\"name\": \"t\", " + suites("drop", "\"TLS_AES_256_GCM_SHA384\"",
                "\"TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P384\"") + ", \"keys\": []}");
        assertTrue(withOrder.breakpoints().containsAll(List.of(0, 9600, 9601, 14393, 17763, 20348, 26100)),
                withOrder.breakpoints().toString());
    }

    @Test
    void theTemplateJsonKeepsConditionsReasonsAndOrdersAndLoadsBackTheSame() {
        Profile p = load("{\"name\": \"t\", " + suites("drop", "{\"name\": \"TLS_AES_256_GCM_SHA384\", "
                + "\"minBuild\": 20348}", "\"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384\"") + ", \"keys\": ["
                + winHttpBothViews() + "]}");
        String json = ProfileReport.json(p);
        Profile back = loader.loadBytes(json.getBytes(StandardCharsets.UTF_8), "shown");
        assertEquals(p.values().stream().map(v -> v.key() + v.name() + v.value() + v.builds() + v.reason()).toList(),
                back.values().stream().map(v -> v.key() + v.name() + v.value() + v.builds() + v.reason()).toList());
        assertEquals(p.resolve(Optional.of(20348)).values(), back.resolve(Optional.of(20348)).values().stream()
                .map(v -> new DesiredValue(v.key(), v.name(), v.value(), "t", v.builds(), v.reason())).toList());
    }

    @Test
    void anOrderLimitedToBuildsIsNotWrittenElsewhereAndSaysNothingThere() {
        Profile p = load("{\"name\": \"t\", \"eccCurves\": {\"minBuild\": 14393, \"order\": [\"NistP384\"]}, "
                + "\"keys\": []}");
        Profile on2012r2 = p.resolve(Optional.of(9600));
        assertEquals(List.of(), on2012r2.values());
        assertEquals(List.of(), on2012r2.notes());
        assertEquals(1, p.resolve(Optional.of(14393)).values().size());
        ProfileException e = assertThrows(ProfileException.class, () -> load("{\"name\": \"t\", \"cipherSuites\": "
                + "{\"maxBuild\": 17763, \"order\": [\"TLS_AES_256_GCM_SHA384\"]}, \"keys\": []}"));
        assertTrue(e.getMessage().contains("is supported on no build in up to build 17763"), e.getMessage());
    }
}
