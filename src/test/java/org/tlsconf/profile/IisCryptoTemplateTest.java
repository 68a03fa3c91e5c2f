package org.tlsconf.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.tls.BuildRange;

/** Importing IIS Crypto templates written for these tests from the format (src/test/resources/ictpl). */
class IisCryptoTemplateTest {

    static final String SCH = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\";

    private static IisCryptoTemplate.Result read(String file) throws Exception {
        Path p = Path.of("src/test/resources/ictpl", file);
        return IisCryptoTemplate.read(Files.readAllBytes(p), p.toString(), "fallback");
    }

    private static Optional<DesiredValue> value(Profile p, String key, String name) {
        return p.values().stream().filter(v -> v.key().equals(RegistryPath.parse(SCH + key))
                && v.name().equals(name)).findFirst();
    }

    @Test
    void version3ProtocolsBecomeOneAndZeroWithDisabledByDefaultAndTheConversionIsSaid() throws Exception {
        IisCryptoTemplate.Result r = read("v3-bsi-style.ictpl");
        Profile p = r.profile();
        assertEquals("web-farm-tls12", p.name());
        assertEquals(Optional.of(RegistryValue.dword(1)), value(p, "Protocols\\TLS 1.2\\Server", "Enabled")
                .flatMap(DesiredValue::value));
        assertEquals(Optional.of(RegistryValue.dword(0)), value(p, "Protocols\\TLS 1.2\\Client", "DisabledByDefault")
                .flatMap(DesiredValue::value));
        assertEquals(Optional.of(RegistryValue.dword(1)), value(p, "Protocols\\TLS 1.0\\Server",
                "DisabledByDefault").flatMap(DesiredValue::value));
        assertEquals(BuildRange.of(20348, null), value(p, "Protocols\\TLS 1.3\\Server", "Enabled").orElseThrow()
                .builds());
        assertTrue(r.notes().get(0).startsWith("IIS Crypto's 'enabled' for protocols (-1, i.e. Enabled=0xFFFFFFFF) "
                + "was written as Enabled=1"), r.notes().toString());
        assertEquals(List.of(), p.warnings());
    }

    @Test
    void ciphersHashesAndKeyExchangesKeep0xFFFFFFFFAndIisCryptoHashNamesMapToKeyNames() throws Exception {
        Profile p = read("v3-bsi-style.ictpl").profile();
        assertEquals(Optional.of(RegistryValue.dword(0xFFFFFFFFL)), value(p, "Ciphers\\AES 256/256", "Enabled")
                .flatMap(DesiredValue::value));
        assertEquals(Optional.of(RegistryValue.dword(0xFFFFFFFFL)), value(p, "Hashes\\SHA256", "Enabled")
                .flatMap(DesiredValue::value));
        assertEquals(Optional.of(RegistryValue.dword(3072)), value(p, "KeyExchangeAlgorithms\\Diffie-Hellman",
                "ServerMinKeyBitLength").flatMap(DesiredValue::value));
    }

    @Test
    void unknownItemsAreReportedNotSilentlyDropped() throws Exception {
        IisCryptoTemplate.Result r = read("v3-bsi-style.ictpl");
        assertTrue(r.notes().contains("unknown cipher 'Camellia 256/256': not imported"), r.notes().toString());
        assertTrue(r.notes().contains("advanced item 'Override Enabled' (value '0') has no registry value tlsconf "
                + "knows: not imported"), r.notes().toString());
        assertTrue(r.notes().contains("unknown cipher suite 'TLS_MADE_UP_SUITE' (no Windows version tlsconf knows "
                + "supports it): left out of the order"), r.notes().toString());
        assertTrue(r.profile().description().contains("Camellia 256/256"), r.profile().description());
        IisCryptoTemplate.Result v0 = read("v0-legacy-utf16.ictpl");
        assertTrue(v0.notes().contains("'Diffie-Hellman' has the state 'Maybe', which tlsconf does not know: not "
                + "imported (the OS default stays)"), v0.notes().toString());
        assertTrue(v0.notes().contains("unknown section <extras>: not imported"), v0.notes().toString());
    }

    @Test
    void version3SuiteListsApplyPerWindowsVersionAndNothingBeforeTheFirst() throws Exception {
        Profile p = read("v3-bsi-style.ictpl").profile();
        assertEquals(List.of(), p.resolve(Optional.of(9600)).values().stream()
                .filter(v -> v.name().equals("Functions")).toList());
        assertEquals(RegistryValue.sz("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,"
                + "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384,TLS_DHE_RSA_WITH_AES_256_GCM_SHA384"), functions(p, 17763));
        assertEquals(RegistryValue.sz("TLS_AES_256_GCM_SHA384,TLS_AES_128_GCM_SHA256,"
                + "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"), functions(p, 20348));
    }

    @Test
    void version0InUtf16KeepsElementOrderSkipsDisabledSuitesAndGatesByMinimumOsVersion() throws Exception {
        Profile p = read("v0-legacy-utf16.ictpl").profile();
        assertEquals("legacy-servers", p.name());
        assertEquals(BuildRange.of(7601, null), value(p, "Protocols\\TLS 1.2\\Client", "Enabled").orElseThrow()
                .builds());
        assertEquals(RegistryValue.sz("TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P384,TLS_RSA_WITH_AES_256_GCM_SHA384"),
                functions(p, 9600));
        assertEquals(RegistryValue.sz("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_RSA_WITH_AES_256_GCM_SHA384"),
                functions(p, 14393));
    }

    private static RegistryValue functions(Profile p, int build) {
        return p.resolve(Optional.of(build)).values().stream().filter(v -> v.name().equals("Functions")).findFirst()
                .orElseThrow().value().orElseThrow();
    }

    @Test
    void somethingThatIsNotATemplateIsBadInputWithALine() {
        ProfileException notXml = assertThrows(ProfileException.class, () -> IisCryptoTemplate.read(
                "<iisCryptoTemplate>\n<header>\n</iisCryptoTemplate>".getBytes(StandardCharsets.UTF_8), "t.ictpl",
                "t"));
        assertTrue(notXml.getMessage().startsWith("t.ictpl:3:"), notXml.getMessage());
        ProfileException other = assertThrows(ProfileException.class, () -> IisCryptoTemplate.read(
                "<profile/>".getBytes(StandardCharsets.UTF_8), "t.ictpl", "t"));
        assertTrue(other.getMessage().contains("the root element is <profile>"), other.getMessage());
        ProfileException entity = assertThrows(ProfileException.class, () -> IisCryptoTemplate.read(
                ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                        + "<iisCryptoTemplate>&e;</iisCryptoTemplate>").getBytes(StandardCharsets.UTF_8), "t.ictpl",
                "t"));
        assertTrue(entity.getMessage().contains("DOCTYPE"), entity.getMessage());
    }
}
