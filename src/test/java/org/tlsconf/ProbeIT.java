package org.tlsconf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsconf.testing.LoopbackPeers;

/**
 * {@code tlsconf probe} as a process (a fresh JVM, so the probe can lift Java's own disabled protocols) against
 * real TLS servers on 127.0.0.1: openssl s_server restricted to one version at a time, a SHA-1 signed certificate,
 * STARTTLS for SMTP/IMAP/POP3, a plaintext port, a silent port and a closed port.
 */
class ProbeIT {
    @TempDir
    static Path dir;
    private static LoopbackPeers peers;
    private static int tls12;
    private static int tls13;
    private static int tls10Sha1;
    private static int tls11;

    @BeforeAll
    static void start() throws Exception {
        peers = new LoopbackPeers(dir);
        Path[] cert = peers.certificate("modern", "sha256");
        Path[] sha1 = peers.certificate("legacy", "sha1");
        tls12 = peers.openssl(cert, "-tls1_2");
        tls13 = peers.openssl(cert, "-tls1_3");
        tls10Sha1 = peers.openssl(sha1, "-tls1", "-cipher", "DEFAULT:@SECLEVEL=0");
        tls11 = peers.openssl(cert, "-tls1_1", "-cipher", "DEFAULT:@SECLEVEL=0");
    }

    @AfterAll
    static void stop() throws Exception {
        if (peers != null) {
            peers.close();
        }
    }

    private static JsonNode probeJson(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("probe", "--format", "json"));
        all.addAll(List.of(args));
        if (!all.contains("--timeout")) {
            all.addAll(List.of("--timeout", "3"));
        }
        JarIT.Result r = JarIT.run(all.toArray(String[]::new));
        if (r.out().isBlank()) {
            throw new AssertionError("no output, exit " + r.code() + ": " + r.err());
        }
        JsonNode doc = new ObjectMapper().readTree(r.out());
        doc.withObject("/meta").put("exit", r.code()).put("err", r.err());
        return doc;
    }

    private static JsonNode target(JsonNode doc, int i) {
        return doc.get("targets").get(i);
    }

    private static String outcome(JsonNode target, String version) {
        for (JsonNode v : target.get("versions")) {
            if (v.get("version").asText().equals(version)) {
                return v.get("outcome").asText();
            }
        }
        throw new AssertionError(version + " missing in " + target);
    }

    @Test
    void eachServerAcceptsExactlyItsOneVersionAndSeveralTargetsAreProbedInOneCall() throws Exception {
        JsonNode doc = probeJson("127.0.0.1:" + tls12, "127.0.0.1:" + tls13, "127.0.0.1:" + tls10Sha1,
                "127.0.0.1:" + tls11, "--parallel", "3");
        assertEquals(0, doc.get("meta").get("exit").asInt(), doc.toString());
        assertEquals(List.of("TLS 1.2"), accepted(target(doc, 0)));
        assertEquals(List.of("TLS 1.3"), accepted(target(doc, 1)));
        assertEquals(List.of("TLS 1.0"), accepted(target(doc, 2)), "the probe must lift Java's own TLS 1.0 ban");
        assertEquals(List.of("TLS 1.1"), accepted(target(doc, 3)));
        assertEquals("REFUSED", outcome(target(doc, 0), "TLS 1.3"));
        JsonNode accepted12 = target(doc, 0).get("versions").get(3);
        assertTrue(accepted12.get("cipherSuite").asText().startsWith("TLS_"), accepted12.toString());
        JsonNode cert = target(doc, 0).get("certificate");
        assertEquals("CN=modern.localhost", cert.get("subject").asText());
        assertEquals("SHA256withRSA", cert.get("signatureAlgorithm").asText());
        assertEquals(2048, cert.get("keyBits").asInt());
        assertFalse(cert.get("weakSignature").asBoolean());
        JsonNode legacy = target(doc, 2).get("certificate");
        assertEquals("SHA1withRSA", legacy.get("signatureAlgorithm").asText());
        assertTrue(legacy.get("weakSignature").asBoolean());
    }

    private static List<String> accepted(JsonNode target) {
        List<String> out = new ArrayList<>();
        target.get("accepted").forEach(v -> out.add(v.asText()));
        return out;
    }

    @Test
    void aSha1CertificateIsFlaggedInTheTextReport() throws Exception {
        JarIT.Result r = JarIT.run("probe", "127.0.0.1:" + tls10Sha1, "--timeout", "3");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("! weak signature SHA1withRSA"), r.out());
        assertTrue(r.out().contains("The token supplied to the function is invalid"), r.out());
    }

    @Test
    void theHtmlReportShowsEachVersionColouredAsTheAuditRatesItInABrowser() throws Exception {
        org.tlsconf.testing.Chromium chromium = org.tlsconf.testing.Chromium.require();
        JarIT.Result r = JarIT.run("probe", "127.0.0.1:" + tls12, "127.0.0.1:" + tls10Sha1, "--timeout", "3",
                "--format", "html");
        assertEquals(0, r.code(), r.err());
        Path out = Path.of("target/screenshots");
        java.nio.file.Files.createDirectories(out);
        Path html = out.resolve("probe.html");
        java.nio.file.Files.writeString(html, r.out());
        String dom = chromium.dom(html);
        assertTrue(org.tlsconf.testing.Chromium.texts(dom, "td").stream().anyMatch(t -> t.contains("tlsconf ")),
                "the generation line is missing");
        String text = JarIT.run("probe", "127.0.0.1:" + tls12, "127.0.0.1:" + tls10Sha1, "--timeout", "3").out();
        for (String target : List.of("127.0.0.1:" + tls12, "127.0.0.1:" + tls10Sha1)) {
            assertTrue(text.contains(target + "\n"), text);
            List<List<String[]>> rows = org.tlsconf.testing.Chromium.rows(org.tlsconf.testing.Chromium.section(dom,
                    target));
            assertEquals(5, rows.size(), target);
            for (List<String[]> row : rows) {
                String version = row.get(0)[1];
                String outcome = row.get(1)[1];
                String expected = !outcome.equals("accepted") ? "state off"
                        : version.equals("TLS 1.2") || version.equals("TLS 1.3") ? "state ok" : "state sev-low";
                assertEquals(expected, row.get(1)[0], target + " " + version + " " + outcome);
            }
        }
        assertTrue(dom.contains("! weak signature SHA1withRSA"), "the certificate warning is missing");
        java.awt.image.BufferedImage shot = chromium.screenshot(html, out.resolve("probe.png"), 1280, 1000);
        assertTrue(org.tlsconf.testing.Chromium.count(shot, 0x2e7d32) > 300, "green (TLS 1.2 accepted) missing");
        assertTrue(org.tlsconf.testing.Chromium.count(shot, 0x90caf9) > 300, "blue (TLS 1.0 accepted) missing");
    }

    @Test
    void starttlsIsSpokenForSmtpImapAndPop3() throws Exception {
        int smtp = peers.startTls("smtp");
        int imap = peers.startTls("imap");
        int pop3 = peers.startTls("pop3");
        JsonNode doc = probeJson("127.0.0.1:" + smtp, "127.0.0.1:" + imap, "127.0.0.1:" + pop3, "--starttls", "smtp");
        assertEquals(List.of("TLS 1.2", "TLS 1.3"), accepted(target(doc, 0)), doc.toString());
        // one --starttls mode applies to every target: the IMAP and POP3 servers do not greet like SMTP
        assertTrue(target(doc, 1).get("unreachable").asText().contains("SMTP greeting failed"), doc.toString());
        JsonNode imapDoc = probeJson("127.0.0.1:" + imap, "--starttls", "imap");
        assertEquals(List.of("TLS 1.2", "TLS 1.3"), accepted(target(imapDoc, 0)), imapDoc.toString());
        assertEquals("imap", target(imapDoc, 0).get("starttls").asText());
        JsonNode popDoc = probeJson("127.0.0.1:" + pop3, "--starttls", "pop3");
        assertEquals(List.of("TLS 1.2", "TLS 1.3"), accepted(target(popDoc, 0)), popDoc.toString());
    }

    @Test
    void plaintextSilentAndClosedPortsGiveClearMessagesAndExitThree() throws Exception {
        int plain = peers.plaintext();
        int silent = peers.silent();
        int closed = LoopbackPeers.freePort();
        long t0 = System.nanoTime();
        JsonNode doc = probeJson("127.0.0.1:" + plain, "127.0.0.1:" + silent, "127.0.0.1:" + closed, "--timeout", "1");
        assertEquals(3, doc.get("meta").get("exit").asInt());
        assertTrue(target(doc, 0).get("unreachable").asText().contains("answered in plaintext"), doc.toString());
        assertTrue(target(doc, 0).get("unreachable").asText().contains("STARTTLS"), doc.toString());
        // the hint names the modes to try, not --starttls auto: that is the default the run just used
        assertTrue(target(doc, 0).get("unreachable").asText().contains("try --starttls smtp, imap or pop3"),
                doc.toString());
        assertFalse(target(doc, 0).get("unreachable").asText().contains("auto"), doc.toString());
        assertEquals("ERROR", outcome(target(doc, 1), "TLS 1.2"));
        assertTrue(target(doc, 1).get("versions").get(3).get("detail").asText().contains("timed out"), doc.toString());
        assertTrue(target(doc, 2).get("unreachable").asText().contains("connection refused"), doc.toString());
        assertTrue(System.nanoTime() - t0 < 60_000_000_000L, "timeouts must bound the run");
    }

    @Test
    void theVerdictSaysWhetherThisHostCanStillTalkToTheEndpointAfterTheProfile() throws Exception {
        JsonNode doc = probeJson("127.0.0.1:" + tls12, "127.0.0.1:" + tls10Sha1, "--profile", "max-protection",
                "--registry-file", "examples/server-2016-fresh.reg");
        assertEquals(1, doc.get("meta").get("exit").asInt(), doc.toString());
        assertEquals("OK", target(doc, 0).get("verdict").get("status").asText());
        assertEquals("BROKEN", target(doc, 1).get("verdict").get("status").asText());
        assertTrue(target(doc, 1).get("verdict").get("explanation").asText().contains("accepts only TLS 1.0"));
        JsonNode min = probeJson("127.0.0.1:" + tls10Sha1, "--profile", "min-requirement", "--registry-file",
                "examples/server-2016-fresh.reg");
        assertEquals("OK", target(min, 0).get("verdict").get("status").asText(), min.toString());
        assertEquals(0, min.get("meta").get("exit").asInt());
    }
}
