package org.tlsconf.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tlsconf.audit.HealthCheckerClassification.Configuration;
import org.tlsconf.audit.HealthCheckerClassification.Side;
import org.tlsconf.registry.InMemoryRegistry;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.registry.clixml.HealthCheckerExport;
import org.tlsconf.tls.Protocol;
import org.tlsconf.testing.RegText;

/**
 * HealthChecker's own data for an Exchange 2019 host (CSS-Exchange test fixture GetAllTlsSettings1.xml): tlsconf
 * reproduces the TLSConfiguration HealthChecker concluded for every TLS version.
 */
class HealthCheckerFixtureTest {
    private static final byte[] FIXTURE = RegText.resource("/corpus/14_css-exchange-healthchecker-GetAllTlsSettings1.clixml.xml");

    /** The fields HealthChecker stored per TLS version: booleans, raw-value presence and its verdict. */
    private static Map<String, Map<String, String>> fixtureVersions() {
        String xml = new String(FIXTURE, StandardCharsets.UTF_8);
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<S N=\"TLSVersion\">([^<]*)</S>(.*?)</MS>", Pattern.DOTALL).matcher(xml);
        while (m.find()) {
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher f = Pattern.compile("<(\\w+) N=\"(\\w+)\"(?: /)?>(?:([^<]*)</\\1>)?").matcher(m.group(2));
            while (f.find()) {
                fields.put(f.group(2), f.group(1).equals("Nil") ? null : f.group(3));
            }
            out.put(m.group(1), fields);
        }
        return out;
    }

    @Test
    void healthCheckersRuleGivesItsVerdictForEveryVersionOfTheFixture() {
        Map<String, Map<String, String>> versions = fixtureVersions();
        assertEquals(List.of("1.1", "1.2", "1.0", "1.3"), List.copyOf(versions.keySet()));
        for (var e : versions.entrySet()) {
            Map<String, String> f = e.getValue();
            Side server = new Side(Boolean.parseBoolean(f.get("ServerEnabled")),
                    Boolean.parseBoolean(f.get("ServerDisabledByDefault")), f.get("ServerDisabledByDefaultValue") != null);
            Side client = new Side(Boolean.parseBoolean(f.get("ClientEnabled")),
                    Boolean.parseBoolean(f.get("ClientDisabledByDefault")), f.get("ClientDisabledByDefaultValue") != null);
            assertEquals(f.get("TLSConfiguration"), HealthCheckerClassification.classify(server, client).label(),
                    "TLS " + e.getKey());
        }
    }

    @Test
    void theExportReadIntoARegistryAuditsLikeHealthChecker() {
        InMemoryRegistry reg = HealthCheckerExport.read(FIXTURE, "fixture.xml");
        Audit audit = Audit.of(reg, Optional.empty());
        assertEquals(Configuration.MISCONFIGURED, audit.healthChecker(Protocol.TLS_1_0)); // Client 0xFFFFFFFF vs Server 0
        assertEquals(Configuration.ENABLED, audit.healthChecker(Protocol.TLS_1_2));
        assertEquals(Configuration.DISABLED, audit.healthChecker(Protocol.TLS_1_3));
        // TLS 1.1: the fixture's booleans (ServerEnabled=true) were edited by hand; its registry values (both sides
        // Enabled=0, DisabledByDefault=1) are a clean disable, which is what tlsconf reports
        assertEquals(Configuration.DISABLED, audit.healthChecker(Protocol.TLS_1_1));
        assertEquals(Optional.of(RegistryValue.dword(0xFFFFFFFFL)), reg.readValue(RegistryPath.parse(
                "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.0\\Client"),
                "Enabled"));
        List<String> ids = audit.findings().stream().map(Finding::id).toList();
        assertTrue(ids.contains("TLS-MISMATCH"), ids.toString());
        // HealthChecker: TLS 1.0/1.1 disabled while .NET v4 SchUseStrongCrypto is 0 (native and Wow) is an error
        assertEquals(2, audit.findings().stream().filter(f -> f.id().equals("DOTNET-STRONG-CRYPTO-OFF")
                && f.where().endsWith("SchUseStrongCrypto")).count(), audit.findings().toString());
    }
}
