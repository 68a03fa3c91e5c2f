package org.tlsconf.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tlsconf.cli.CliTestAccess;
import org.tlsconf.testing.Chromium;

/**
 * The HTML reports as a browser shows them (Debian's headless Chromium): every section the text report has is on the
 * page, each protocol cell has the colour of the worst finding about it (computed here from the JSON report), and
 * the screenshot really shows those colours. Screenshots are kept in target/screenshots/.
 */
class HtmlReportChromiumTest {
    static final String HOST = "examples/server-2016-hand-hardened.reg";
    static final String SCHANNEL = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\";
    static final int HIGH = 0xc62828;
    static final int MEDIUM = 0xf9a825;
    static final int LOW = 0x90caf9;
    static final int OK = 0x2e7d32;
    static final int OFF = 0xcfd8dc;

    private static Path write(String name, String content) throws Exception {
        Path out = Path.of("target/screenshots");
        Files.createDirectories(out);
        Path html = out.resolve(name);
        Files.writeString(html, content, StandardCharsets.UTF_8);
        return html;
    }

    /** The class a cell must have: the worst finding whose place is the cell's key (or the protocol's key). */
    static String expectedClass(JsonNode findings, String protocol, String role, String state) {
        String key = (SCHANNEL + protocol + "\\" + role).toLowerCase(Locale.ROOT);
        String parent = (SCHANNEL + protocol).toLowerCase(Locale.ROOT);
        List<String> order = List.of("high", "medium", "low", "info");
        String worst = null;
        for (JsonNode f : findings) {
            String w = f.get("where").asText().toLowerCase(Locale.ROOT);
            if (w.equals(key) || w.startsWith(key + "\\") || w.equals(parent)) {
                String sev = f.get("severity").asText();
                if (worst == null || order.indexOf(sev) < order.indexOf(worst)) {
                    worst = sev;
                }
            }
        }
        if (worst != null) {
            return "state sev-" + worst;
        }
        return switch (state) {
            case "ENABLED" -> "state ok";
            case "DISABLED", "DISABLED_BY_DEFAULT" -> "state off";
            case "NOT_SUPPORTED" -> "state na";
            default -> "state unknown";
        };
    }

    /** Checks a matrix section of the DOM against the audit's JSON (findings and states). */
    static void matrixMatchesFindings(String dom, String title, JsonNode audit) {
        List<List<String[]>> rows = Chromium.rows(Chromium.section(dom, title));
        assertEquals(8, rows.size(), title);
        for (List<String[]> row : rows) {
            String protocol = row.get(0)[1];
            for (int i = 0; i < 2; i++) {
                String role = i == 0 ? "Client" : "Server";
                String state = null;
                for (JsonNode p : audit.get("protocols")) {
                    if (p.get("protocol").asText().equals(protocol) && p.get("role").asText().equals(role)) {
                        state = p.get("state").asText();
                    }
                }
                assertEquals(expectedClass(audit.get("findings"), protocol, role, state), row.get(i + 1)[0],
                        title + ": " + protocol + " " + role + " (" + row.get(i + 1)[1] + ")");
            }
        }
    }

    /** The section titles of a text report: the first line of every block after the header. */
    static List<String> textSections(String text) {
        List<String> out = new ArrayList<>();
        String[] blocks = text.split("\n\n");
        for (int i = 1; i < blocks.length; i++) {
            String title = blocks[i].lines().findFirst().orElse("");
            out.add(title.startsWith("Findings") ? "Findings" : title);
        }
        return out;
    }

    @Test
    void theStatusPageHasEverySectionOfTheTextReportAndCellsColouredByTheirFindings() throws Exception {
        Chromium chromium = Chromium.require();
        String text = CliTestAccess.output("status", "--registry-file", HOST);
        JsonNode json = new ObjectMapper().readTree(CliTestAccess.output("status", "--registry-file", HOST, "--format",
                "json"));
        Path html = write("status.html", CliTestAccess.output("status", "--registry-file", HOST, "--format", "html"));
        String dom = chromium.dom(html);
        List<String> headings = Chromium.texts(dom, "h2");
        List<String> sections = textSections(text);
        assertTrue(sections.size() >= 8, sections.toString());
        for (String section : sections) {
            assertTrue(headings.contains(section), "text section '" + section + "' missing from the page: " + headings);
        }
        matrixMatchesFindings(dom, "Protocols", json);
        for (JsonNode suite : json.get("cipherSuiteOrder").get("suites")) {
            assertTrue(dom.contains(suite.asText()), suite.asText());
        }
        String meta = String.join("\n", Chromium.texts(dom, "td"));
        assertTrue(meta.contains("WEB01") && meta.contains("by tlsconf ") && meta.contains("UTC"), meta);
        List<List<String[]>> findings = Chromium.rows(Chromium.section(dom, "Findings"));
        assertEquals(json.get("findings").size(), findings.size());
        for (int i = 0; i < findings.size(); i++) {
            String severity = json.get("findings").get(i).get("severity").asText();
            assertEquals("state sev-" + severity, findings.get(i).get(0)[0], "finding " + i);
        }
        BufferedImage shot = chromium.screenshot(html, html.resolveSibling("status.png"), 1280, 2400);
        for (int colour : new int[] {HIGH, MEDIUM, LOW, OK}) {
            assertTrue(Chromium.count(shot, colour) > 500, String.format("colour %06x not on the page", colour));
        }
    }

    @Test
    void theDiffPageShowsTheProtocolMatrixBeforeAndAfterColouredByTheirFindings() throws Exception {
        Chromium chromium = Chromium.require();
        String example = "examples/server-2016-fresh.reg";
        Path html = write("diff-max-protection.html", CliTestAccess.output("diff", "max-protection",
                "--registry-file", example, "--format", "html"));
        String dom = chromium.dom(html);
        JsonNode before = new ObjectMapper().readTree(CliTestAccess.output("status", "--registry-file", example,
                "--format", "json"));
        matrixMatchesFindings(dom, "Protocols now", before);
        List<List<String[]>> after = Chromium.rows(Chromium.section(dom, "Protocols after the change"));
        assertEquals("state ok", after.get(4).get(1)[0], "TLS 1.2 Client after max-protection");
        assertEquals("state off", after.get(2).get(1)[0], "TLS 1.0 Client after max-protection");
        BufferedImage shot = chromium.screenshot(html, html.resolveSibling("diff-max-protection.png"), 1280, 1400);
        assertTrue(Chromium.count(shot, LOW) > 1000, "low (TLS 1.0/1.1 enabled by default) cells not rendered");
        assertTrue(Chromium.count(shot, OK) > 1000, "green (TLS 1.2 enabled) cells not rendered");
        assertTrue(Chromium.count(shot, OFF) > 1000, "grey (disabled) cells not rendered");
    }
}
