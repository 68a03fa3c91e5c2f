package org.tlsconf.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;

class ProfileLoaderTest {

    private final ProfileLoader loader = new ProfileLoader(new ProfileCatalogue());

    @TempDir
    Path dir;

    static final String SCH = "HKLM\\\\SYSTEM\\\\CurrentControlSet\\\\Control\\\\SecurityProviders\\\\SCHANNEL";

    private Profile loadJson(String json) {
        return loader.loadBytes(json.getBytes(StandardCharsets.UTF_8), "p.json");
    }

    private ProfileException failure(String json) {
        return assertThrows(ProfileException.class, () -> loadJson(json));
    }

    private static String profile(String keysJson) {
        return "{\n  \"name\": \"t\",\n  \"keys\": [\n" + keysJson + "\n  ]\n}\n";
    }

    private static String key(String path, String values) {
        return "    {\"path\": \"" + path + "\", \"values\": {" + values + "}}";
    }

    @Test
    void minRequirementHoldsTheTwelveValuesWithCorrectPaths() {
        Profile p = loader.load("min-requirement");
        Set<String> expected = Set.of(
                "HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727\\SystemDefaultTlsVersions=1",
                "HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727\\SchUseStrongCrypto=1",
                "HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v2.0.50727\\SystemDefaultTlsVersions=1",
                "HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v2.0.50727\\SchUseStrongCrypto=1",
                "HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319\\SystemDefaultTlsVersions=1",
                "HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319\\SchUseStrongCrypto=1",
                "HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319\\SystemDefaultTlsVersions=1",
                "HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319\\SchUseStrongCrypto=1",
                "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client\\Enabled=1",
                "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client\\DisabledByDefault=0",
                "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server\\Enabled=1",
                "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server\\DisabledByDefault=0");
        assertEquals(expected, flatten(p));
        assertEquals(List.of(), p.warnings());
        assertEquals("bundled", p.source());
    }

    @Test
    void maxProtectionAddsOldProtocolsOffOnBothSidesAndLeavesTls13Alone() {
        Profile p = loader.load("max-protection");
        assertEquals(List.of("max-protection", "min-requirement"), p.lineage());
        Set<String> flat = flatten(p);
        assertEquals(28, flat.size());
        assertTrue(flat.containsAll(flatten(loader.load("min-requirement"))));
        for (String proto : List.of("SSL 2.0", "SSL 3.0", "TLS 1.0", "TLS 1.1")) {
            for (String role : List.of("Client", "Server")) {
                String k = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\" + proto
                        + "\\" + role + "\\";
                assertTrue(flat.contains(k + "Enabled=0") && flat.contains(k + "DisabledByDefault=1"), k);
            }
        }
        assertTrue(flat.stream().noneMatch(s -> s.contains("TLS 1.3")));
        assertEquals(List.of(), p.warnings());
    }

    private static Set<String> flatten(Profile p) {
        return p.values().stream().map(v -> v.key() + "\\" + v.name() + "="
                + ((RegistryValue.Dword) v.value().get()).value()).collect(Collectors.toSet());
    }

    @Test
    void anUnknownMemberIsRejectedWithItsLineColumnPathAndASuggestion() {
        ProfileException e = failure("{\n  \"name\": \"t\",\n  \"kyes\": []\n}\n");
        ProfileProblem p = e.problems().stream().filter(x -> x.message().contains("kyes")).findFirst().get();
        assertEquals(3, p.line());
        assertEquals(3, p.column());
        assertEquals("$.kyes", p.jsonPath());
        assertEquals("did you mean 'keys'?", p.hint());
        assertTrue(p.format().startsWith("p.json:3:3: $.kyes: unknown member 'kyes'"), p.format());
    }

    @Test
    void everyProblemIsReportedAtOnceInFileOrder() {
        ProfileException e = failure(profile(String.join(",\n",
                key(SCH + "\\\\Protocols\\\\TLS 1.2\\\\Server", "\"Enabled\": {\"type\": \"REG_DWROD\", \"data\": 1}"),
                key(SCH + "\\\\Protocols\\\\TLS 1.2\\\\Client", "\"Enabled\": {\"type\": \"REG_DWORD\", \"data\": -1}"),
                key("HKLM\\\\SOFTWARE\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\Run",
                        "\"x\": {\"type\": \"REG_SZ\", \"data\": \"evil.exe\"}"),
                key(SCH + "\\\\Ciphers\\\\NULL", "\"Enabled\": {\"type\": \"REG_BINARY\", \"data\": \"0g\"}"))));
        List<ProfileProblem> problems = e.problems();
        assertEquals(4, problems.size(), e.fullReport());
        assertEquals(List.of(4, 5, 6, 7), problems.stream().map(ProfileProblem::line).toList());
        assertEquals("did you mean 'REG_DWORD'?", problems.get(0).hint());
        assertTrue(problems.get(1).message().contains("negative number -1"));
        assertTrue(problems.get(1).hint().contains("4294967295"));
        assertTrue(problems.get(2).message().contains("outside the TLS registry roots"), problems.get(2).message());
        assertEquals("$.keys[2].path", problems.get(2).jsonPath());
        assertTrue(problems.get(3).message().contains("bad hex"));
    }

    @Test
    void duplicateMembersAndDuplicateKeysInAnyCaseAreErrors() {
        String tls = SCH + "\\\\Protocols\\\\TLS 1.2\\\\Server";
        ProfileException e = failure(profile(String.join(",\n",
                key(tls, "\"Enabled\": {\"type\": \"REG_DWORD\", \"data\": 1}, \"Enabled\": {\"absent\": true}"),
                key(tls.toLowerCase(), "\"Enabled\": {\"type\": \"REG_DWORD\", \"data\": 1}, "
                        + "\"ENABLED\": {\"type\": \"REG_DWORD\", \"data\": 1}"))));
        String report = e.fullReport();
        assertTrue(report.contains("duplicate member (first at line 4)"), report);
        assertTrue(report.contains("is listed twice (first at line 4)"), report);
        assertTrue(report.contains("is the same registry value as 'Enabled'"), report);
    }

    @Test
    void misspelledWindowsNamesAreCaughtBeforeWindowsSilentlyIgnoresThem() {
        ProfileException e = failure(profile(String.join(",\n",
                key(SCH + "\\\\Protocols\\\\TLS1.2\\\\Server", "\"Enabled\": {\"type\": \"REG_DWORD\", \"data\": 1}"),
                key(SCH + "\\\\Protocols\\\\TLS 1.1\\\\Server", "\"DisabledByDefualt\": {\"type\": \"REG_DWORD\", \"data\": 1}"),
                key(SCH + "\\\\Hashes\\\\SHA 256", "\"Enabled\": {\"type\": \"REG_DWORD\", \"data\": 0}"),
                key(SCH + "\\\\Ciphers\\\\RC4 40\u2215128", "\"Enabled\": {\"type\": \"REG_DWORD\", \"data\": 0}"),
                key(SCH + "\\\\Ciphers\\\\Triple DES 168/168", "\"Enabled\": {\"type\": \"REG_DWORD\", \"data\": 0}"))));
        List<ProfileProblem> p = e.problems();
        assertEquals(5, p.size(), e.fullReport());
        assertEquals("did you mean 'TLS 1.2'?", p.get(0).hint());
        assertEquals("did you mean 'DisabledByDefault'?", p.get(1).hint());
        assertEquals("did you mean 'SHA256'?", p.get(2).hint());
        assertTrue(p.get(3).message().contains("U+2215"), p.get(3).message());
        assertTrue(p.get(4).hint().contains("'Triple DES 168'"));
    }

    @Test
    void valueDataIsCheckedAgainstItsType() {
        ProfileException e = failure(profile(key(SCH + "\\\\Protocols\\\\TLS 1.2\\\\Server", String.join(", ",
                "\"A\": {\"type\": \"REG_DWORD\", \"data\": 4294967296}",
                "\"B\": {\"type\": \"REG_DWORD\", \"data\": \"1\"}",
                "\"C\": {\"type\": \"REG_SZ\", \"data\": 1}",
                "\"D\": {\"type\": \"REG_MULTI_SZ\", \"data\": [\"a\", \"\"]}",
                "\"E\": {\"type\": \"REG_DWORD\"}",
                "\"F\": {\"absent\": false}",
                "\"G\": {\"type\": \"REG_DWORD\", \"data\": 1.5}"))));
        String report = e.fullReport();
        assertTrue(report.contains("$.keys[0].values.A.data: number 4294967296 is larger than 4294967295"), report);
        assertTrue(report.contains("the number is written as a string"), report);
        assertTrue(report.contains("a number in a REG_SZ is not a DWORD"), report);
        assertTrue(report.contains("$.keys[0].values.D.data[1]"), report);
        assertTrue(report.contains("missing member 'data'"), report);
        assertTrue(report.contains("'absent' can only be true"), report);
        assertTrue(report.contains("$.keys[0].values.G.data: expected a whole number"), report);
    }

    @Test
    void hexStringsAndEveryTypeAreAccepted() {
        Profile p = loadJson(profile(key(SCH + "\\\\Protocols\\\\TLS 1.2\\\\Server", String.join(", ",
                "\"Enabled\": {\"type\": \"REG_DWORD\", \"data\": \"0xFFFFFFFF\"}",
                "\"DisabledByDefault\": {\"type\": \"REG_DWORD\", \"data\": 0}",
                "\"Q\": {\"type\": \"REG_QWORD\", \"data\": 18446744073709551615}",
                "\"S\": {\"type\": \"REG_EXPAND_SZ\", \"data\": \"%x%\"}",
                "\"M\": {\"type\": \"REG_MULTI_SZ\", \"data\": [\"a\", \"b\"]}",
                "\"B\": {\"type\": \"REG_BINARY\", \"data\": \"0a,FF,00\"}",
                "\"Old\": {\"absent\": true, \"comment\": \"remove\"}"))
                + ",\n" + key(SCH + "\\\\Protocols\\\\TLS 1.2\\\\Client",
                "\"Enabled\": {\"type\": \"REG_DWORD\", \"data\": \"0xFFFFFFFF\"}, "
                        + "\"DisabledByDefault\": {\"type\": \"REG_DWORD\", \"data\": 0}")));
        assertEquals(Optional.of(RegistryValue.dword(4294967295L)), p.values().get(0).value());
        assertEquals(Optional.of(RegistryValue.qword(-1L)), p.values().get(2).value());
        assertEquals(Optional.of(RegistryValue.binary(new byte[] {10, -1, 0})), p.values().get(5).value());
        assertTrue(p.values().get(6).mustBeAbsent());
    }

    @Test
    void contradictionsAreWarningsNotErrors() {
        Profile p = loadJson(profile(String.join(",\n",
                key(SCH + "\\\\Protocols\\\\TLS 1.0\\\\Server",
                        "\"Enabled\": {\"type\": \"REG_DWORD\", \"data\": 1}, \"DisabledByDefault\": {\"type\": \"REG_DWORD\", \"data\": 1}"),
                key(SCH + "\\\\Protocols\\\\TLS 1.3\\\\Client",
                        "\"Enabled\": {\"type\": \"REG_DWORD\", \"data\": 1}, \"DisabledByDefault\": {\"type\": \"REG_DWORD\", \"data\": 0}"),
                key(SCH + "\\\\Protocols\\\\SSL 3.0\\\\Client",
                        "\"Enabled\": {\"type\": \"REG_DWORD\", \"data\": 0}, \"DisabledByDefault\": {\"type\": \"REG_DWORD\", \"data\": 0}"),
                key("HKLM\\\\SOFTWARE\\\\Microsoft\\\\.NETFramework\\\\v4.0.30319",
                        "\"SchUseStrongCrypto\": {\"type\": \"REG_DWORD\", \"data\": 1}"),
                key("HKLM\\\\SOFTWARE\\\\Policies\\\\Microsoft\\\\Cryptography\\\\Configuration\\\\SSL\\\\00010002",
                        "\"Functions\": {\"type\": \"REG_MULTI_SZ\", \"data\": [\"TLS_AES_256_GCM_SHA384\"]}"))));
        String all = String.join("\n", p.warnings());
        assertTrue(all.contains("TLS 1.0\\Server: half-disabled"), all);
        assertTrue(all.contains("TLS 1.0: only the Server side is configured"), all);
        assertTrue(all.contains("TLS 1.3\\Client: TLS 1.3 is supported only from Windows Server 2022"), all);
        assertTrue(all.contains("SSL 3.0\\Client: Enabled=0 with DisabledByDefault=0 is contradictory"), all);
        assertTrue(all.contains("32-bit twin HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319"), all);
        assertTrue(all.contains("Functions is REG_MULTI_SZ"), all);
    }

    @Test
    void extendsResolvesRelativePathsAndChildValuesOverrideInPlace() throws IOException {
        Files.writeString(dir.resolve("base.json"), profile(key(SCH + "\\\\Protocols\\\\TLS 1.2\\\\Server",
                "\"Enabled\": {\"type\": \"REG_DWORD\", \"data\": 1}, \"DisabledByDefault\": {\"type\": \"REG_DWORD\", \"data\": 0}"))
                .replace("\"t\"", "\"base\""));
        Files.writeString(dir.resolve("child.json"), "{\"name\": \"child\", \"extends\": \"base.json\", \"keys\": ["
                + key(SCH + "\\\\Protocols\\\\TLS 1.2\\\\Server", "\"enabled\": {\"type\": \"REG_DWORD\", \"data\": \"0xffffffff\"}")
                + "]}");
        Profile p = loader.load(dir.resolve("child.json").toString());
        assertEquals(List.of("child", "base"), p.lineage());
        assertEquals(2, p.values().size());
        assertEquals(Optional.of(RegistryValue.dword(0xFFFFFFFFL)), p.values().get(0).value());
        assertEquals("child", p.values().get(0).origin());
        assertEquals("base", p.values().get(1).origin());
    }

    @Test
    void anExtendsCycleIsAnError() throws IOException {
        Files.writeString(dir.resolve("a.json"), "{\"name\": \"a\", \"extends\": \"b.json\", \"keys\": []}");
        Files.writeString(dir.resolve("b.json"), "{\"name\": \"b\", \"extends\": \"a.json\", \"keys\": []}");
        ProfileException e = assertThrows(ProfileException.class, () -> loader.load(dir.resolve("a.json").toString()));
        assertTrue(e.getMessage().contains("cycle"), e.getMessage());
    }

    @Test
    void unknownBundledNamesAndMissingFilesSayWhatExists() {
        ProfileException e = assertThrows(ProfileException.class, () -> loader.load("max-protecton"));
        assertTrue(e.getMessage().contains("did you mean 'max-protection'?"), e.getMessage());
        assertTrue(e.getMessage().contains("bundled profiles: best-practices, cis-iis10-l1, cis-iis10-l2, fips-140, "
                + "max-protection, min-requirement, os-defaults, pci-dss-4, stig-iis10, strict;"), e.getMessage());
        ProfileException f = assertThrows(ProfileException.class, () -> loader.load(dir.resolve("x.json").toString()));
        assertTrue(f.getMessage().contains("profile file not found"));
    }

    @Test
    void malformedJsonPointsAtTheSpot() {
        ProfileException e = failure("{\n  \"name\": \"t\"\n  \"keys\": []\n}");
        assertEquals(3, e.problems().get(0).line());
        assertTrue(e.getMessage().contains("invalid JSON"), e.getMessage());
    }

    @Test
    void everyBundledProfileLoadsWithoutWarnings() {
        ProfileCatalogue catalogue = new ProfileCatalogue();
        assertEquals(10, catalogue.names().size());
        for (String name : catalogue.names()) {
            assertEquals(List.of(), loader.load(name).warnings(), name);
        }
    }

    @Test
    void writableRootsAreExactlyTheTlsRoots() {
        List<String> roots = org.tlsconf.tls.TlsRegistry.WRITABLE_ROOTS.stream().map(RegistryPath::toString).toList();
        assertEquals(List.of(
                "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL",
                "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Cryptography\\Configuration\\Local\\SSL",
                "HKLM\\SOFTWARE\\Policies\\Microsoft\\Cryptography\\Configuration\\SSL",
                "HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727",
                "HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319",
                "HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v2.0.50727",
                "HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319",
                "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp",
                "HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp",
                "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\FipsAlgorithmPolicy"), roots);
        for (String outside : List.of("HKLM\\SOFTWARE\\Microsoft\\.NETFramework",
                "HKCU\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL",
                "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders",
                "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run")) {
            ProfileException e = failure(profile(key(outside.replace("\\", "\\\\"),
                    "\"x\": {\"type\": \"REG_DWORD\", \"data\": 1}")));
            assertTrue(e.getMessage().contains("outside the TLS registry roots"), outside);
        }
    }
}
