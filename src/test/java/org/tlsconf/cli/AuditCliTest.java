package org.tlsconf.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tlsconf.testing.RegText;

/** status, check and apply's preflight through the real command line. */
class AuditCliTest {
    @TempDir
    Path dir;

    private Path corpus(String name) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, RegText.resource("/corpus/" + name));
        return p;
    }

    private Path example() throws IOException {
        Path p = dir.resolve("host.reg");
        if (!Files.exists(p)) {
            Files.copy(Path.of(CliTest.EXAMPLE), p);
        }
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"02_psssl-schannel-default-export-utf16.reg", "10_natthasath-enable-tls13-client.reg",
        "12_file-cleanup-manager-tls12-ws2012-comments.reg", "14_css-exchange-healthchecker-GetAllTlsSettings1.clixml.xml"})
    void statusWorksOnEveryCorpusFile(String name) throws IOException {
        for (String format : List.of("text", "json", "markdown", "html")) {
            CliTest.Run r = CliTest.run("status", "--registry-file", corpus(name).toString(), "--format", format);
            assertEquals(0, r.code(), name + " " + format + ": " + r.err());
            assertFalse(r.out().isBlank());
        }
    }

    @Test
    void statusOnTheMalformedCorpusFileNamesTheLine() throws IOException {
        Path bad = corpus("09_natthasath-disable-tls10-inline-values.reg");
        CliTest.Run r = CliTest.run("status", "--registry-file", bad.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith(bad + ":3:"), r.err());
    }

    @Test
    void statusOfTheHealthCheckerExportShowsItsClassificationAndFindings() throws IOException {
        CliTest.Run r = CliTest.run("status", "--registry-file",
                corpus("14_css-exchange-healthchecker-GetAllTlsSettings1.clixml.xml").toString());
        assertTrue(r.out().matches("(?s).*\n  TLS 1\\.0 +Disabled by default +Disabled +Misconfigured\n.*"), r.out());
        assertTrue(r.out().contains("In force: Get-TlsCipherSuite (HealthChecker export) (8 suites)"), r.out());
        assertTrue(r.out().contains("DOTNET-STRONG-CRYPTO-OFF"), r.out());
        assertTrue(r.out().contains("Windows version unknown (pass --os-build N)"), r.out());
        CliTest.Run apply = CliTest.run("apply", "max-protection", "--registry-file",
                corpus("14_css-exchange-healthchecker-GetAllTlsSettings1.clixml.xml").toString());
        assertEquals(2, apply.code());
        assertTrue(apply.err().contains("HealthChecker export"), apply.err());
    }

    @Test
    void aHealthCheckerExportSavedAsUtf16IsReadAsTheUtf8OneIs() throws IOException {
        // Windows PowerShell's Export-Clixml writes UTF-16LE with a byte-order mark unless told -Encoding UTF8
        Path utf8 = corpus("14_css-exchange-healthchecker-GetAllTlsSettings1.clixml.xml");
        String text = new String(Files.readAllBytes(utf8), java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "");
        Path utf16 = dir.resolve("utf16.clixml.xml");
        Files.write(utf16, ("\uFEFF" + text).getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
        for (String command : List.of("status", "check max-protection")) {
            List<String> args = new java.util.ArrayList<>(List.of(command.split(" ")));
            args.addAll(List.of("--registry-file", "FILE", "--format", "json"));
            args.set(args.indexOf("FILE"), utf8.toString());
            CliTest.Run expected = CliTest.run(args.toArray(String[]::new));
            args.set(args.indexOf(utf8.toString()), utf16.toString());
            CliTest.Run actual = CliTest.run(args.toArray(String[]::new));
            assertEquals(expected.code(), actual.code(), command + ": " + actual.err());
            assertEquals(expected.out().replaceAll("\"generated\" : \"[^\"]*\"", "").replace(utf8.toString(), "F")
                    .replace(utf8.getFileName().toString(), "F"), actual.out().replaceAll("\"generated\" : \"[^\"]*\"",
                    "").replace(utf16.toString(), "F").replace(utf16.getFileName().toString(), "F"), command);
        }
    }

    @Test
    void statusJsonHasTheDocumentedShape() throws IOException {
        CliTest.Run r = CliTest.run("status", "--registry-file", example().toString(), "--format", "json");
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals(14393, doc.get("host").get("build").asInt());
        assertEquals(16, doc.get("protocols").size());
        JsonNode tls10 = doc.get("protocols").get(4);
        assertEquals("TLS 1.0", tls10.get("protocol").asText());
        assertEquals("Client", tls10.get("role").asText());
        assertEquals("ENABLED", tls10.get("state").asText());
        assertTrue(tls10.get("osDefault").asBoolean());
        assertTrue(tls10.get("enabled").isNull());
        assertEquals("Enabled", doc.get("healthChecker").get("TLS 1.2").asText());
        assertEquals(8, doc.get("dotNet").size());
        assertEquals(2, doc.get("winHttp").size());
        assertEquals("local", doc.get("cipherSuiteOrder").get("source").asText());
        assertEquals(34, doc.get("cipherSuiteOrder").get("suites").size());
        JsonNode finding = doc.get("findings").get(0);
        for (String field : List.of("id", "severity", "where", "message", "why", "fix")) {
            assertTrue(finding.has(field), field);
        }
    }

    @Test
    void checkExitsZeroWhenCompliantAndOneOnDrift() throws IOException {
        CliTest.Run drift = CliTest.run("check", "max-protection", "--registry-file", example().toString());
        assertEquals(1, drift.code());
        assertTrue(drift.out().startsWith("Drift: 27 of 28 values differ from profile max-protection"), drift.out());
        CliTest.Run json = CliTest.run("check", "max-protection", "--registry-file", example().toString(), "--format",
                "json");
        assertEquals(1, json.code());
        assertFalse(new ObjectMapper().readTree(json.out()).get("compliant").asBoolean());
        CliTest.run("apply", "max-protection", "--registry-file", example().toString(), "--backup-dir",
                dir.resolve("b").toString());
        CliTest.Run ok = CliTest.run("check", "max-protection", "--registry-file", example().toString());
        assertEquals(0, ok.code(), ok.out());
        assertTrue(ok.out().startsWith("Compliant:"), ok.out());
        CliTest.Run okJson = CliTest.run("check", "max-protection", "--registry-file", example().toString(),
                "--format", "json");
        assertTrue(new ObjectMapper().readTree(okJson.out()).get("compliant").asBoolean());
    }

    private Path profile(String name, String keys) throws IOException {
        Path p = dir.resolve(name + ".json");
        Files.writeString(p, "{\"name\": \"" + name + "\", \"extends\": \"max-protection\", \"keys\": [" + keys + "]}");
        return p;
    }

    private static String protocolKey(String proto, String role, int enabled, int dbd) {
        return "{\"path\": \"HKLM\\\\SYSTEM\\\\CurrentControlSet\\\\Control\\\\SecurityProviders\\\\SCHANNEL\\\\Protocols\\\\"
                + proto + "\\\\" + role + "\", \"values\": {\"Enabled\": {\"type\": \"REG_DWORD\", \"data\": " + enabled
                + "}, \"DisabledByDefault\": {\"type\": \"REG_DWORD\", \"data\": " + dbd + "}}}";
    }

    @Test
    void applyRefusesAPlanThatLeavesNoServerProtocolUnlessForced() throws IOException {
        Path lockout = profile("lockout", protocolKey("TLS 1.2", "Server", 0, 1) + "," + protocolKey("TLS 1.2",
                "Client", 0, 1));
        byte[] before = Files.readAllBytes(example());
        CliTest.Run r = CliTest.run("apply", lockout.toString(), "--registry-file", example().toString(),
                "--backup-dir", dir.resolve("b").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("refusing to apply") && r.err().contains("NO-SERVER-PROTOCOL"), r.err());
        assertArrayEquals(before, Files.readAllBytes(example()));
        assertFalse(Files.exists(dir.resolve("b")));
        CliTest.Run forced = CliTest.run("apply", lockout.toString(), "--force", "--registry-file",
                example().toString(), "--backup-dir", dir.resolve("b").toString());
        assertEquals(3010, forced.code(), forced.err());
        assertTrue(forced.err().contains("warning (--force)"), forced.err());
    }

    @Test
    void applyRefusesTls13OnABuildWithoutIt() throws IOException {
        Path tls13 = profile("tls13", protocolKey("TLS 1.3", "Server", 1, 0) + "," + protocolKey("TLS 1.3",
                "Client", 1, 0));
        CliTest.Run r = CliTest.run("apply", tls13.toString(), "--registry-file", example().toString(),
                "--backup-dir", dir.resolve("b").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("TLS13-UNSUPPORTED") && r.err().contains("build 14393"), r.err());
    }

    @Test
    void applyRefusesDisablingTls10OnWindows7WithoutTls12() throws IOException {
        Path only10 = dir.resolve("only10.json");
        Files.writeString(only10, "{\"name\": \"only10\", \"keys\": [" + protocolKey("TLS 1.0", "Server", 0, 1) + ","
                + protocolKey("TLS 1.0", "Client", 0, 1) + "]}");
        Path host = corpus("02_psssl-schannel-default-export-utf16.reg");
        CliTest.Run r = CliTest.run("apply", only10.toString(), "--registry-file", host.toString(), "--os-build",
                "7601", "--backup-dir", dir.resolve("b").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("LEGACY-OS-TLS12-OFF"), r.err());
        CliTest.Run on2016 = CliTest.run("apply", only10.toString(), "--dry-run", "--registry-file", host.toString(),
                "--os-build", "14393");
        assertEquals(0, on2016.code(), on2016.err());
    }

    @Test
    void textIsColouredOnlyWhenAskedOrOnATerminal() throws IOException {
        CliTest.Run plain = CliTest.run("status", "--registry-file", example().toString());
        assertFalse(plain.out().contains("\u001b["));
        CliTest.Run colour = CliTest.run("status", "--registry-file", example().toString(), "--color", "always");
        assertTrue(colour.out().contains("\u001b[34mEnabled (OS default)"), "TLS 1.0 enabled by default has low "
                + "findings: blue, as the LOW label");
        assertTrue(colour.out().contains("\u001b[34mLOW\u001b[0m"), colour.out());
        CliTest.Run diff = CliTest.run("diff", "max-protection", "--registry-file", example().toString(), "--color",
                "always");
        assertTrue(diff.out().contains("\u001b[32m+\u001b[0m"), diff.out());
    }

    @Test
    void diffRendersMarkdownAndHtmlForChangeTickets() throws IOException {
        CliTest.Run md = CliTest.run("diff", "max-protection", "--registry-file", example().toString(), "--format",
                "markdown");
        assertTrue(md.out().contains("| add | `HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL"
                + "\\Protocols\\TLS 1.0\\Server` | Enabled | (absent) | REG_DWORD 0 (0x00000000) |"), md.out());
        assertTrue(md.out().contains("| TLS 1.0 | Disabled | Disabled | Disabled |"), md.out());
        assertTrue(md.out().contains("| TLS 1.0 | Enabled (OS default) **[low]** | Enabled (OS default) **[low]** | "
                + "Enabled |"), md.out());
        CliTest.Run html = CliTest.run("diff", "max-protection", "--registry-file", example().toString(), "--format",
                "html");
        assertTrue(html.out().startsWith("<!DOCTYPE html>"));
        assertTrue(html.out().contains("<td class=\"state sev-low\">Enabled (OS default)</td>"), html.out());
        assertFalse(html.out().contains("<script") || html.out().contains("http://") || html.out().contains("https://"));
    }
}
