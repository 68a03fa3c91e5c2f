package org.tlsconf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsconf.bench.FleetBenchmark;
import org.tlsconf.testing.ExternalTool;

/** {@code tlsconf fleet} as a process: every format, exit codes, a broken export among good ones. */
class FleetIT {
    @TempDir
    Path dir;
    Path exports;

    /** 12 hosts (3 per configuration: max-protection, fresh, min-requirement, TLS 1.0 on) and one broken file. */
    @BeforeEach
    void exports() throws Exception {
        exports = Files.createDirectories(dir.resolve("exports"));
        FleetBenchmark.generate(exports, 12);
        Files.writeString(exports.resolve("zz-broken.reg"), "Windows Registry Editor Version 5.00\r\n\r\n"
                + "[HKEY_LOCAL_MACHINE\\SYSTEM\r\n\"Enabled\"=dword:1\r\n");
    }

    @Test
    void textReportHasOneRowPerHostTheGroupsAndTheFailedFileAndExitsOneOnDrift() throws Exception {
        JarIT.Result r = JarIT.run("fleet", "--profile", "max-protection", exports.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().contains("13 hosts: 3 compliant, 9 drift, 1 failed; 4 distinct configurations"), r.out());
        for (int i = 1; i <= 12; i++) {
            assertTrue(r.out().contains(String.format("SRV%05d", i)), r.out());
        }
        assertTrue(r.out().contains("3 hosts share this configuration (compliant): SRV00001, SRV00005, SRV00009"),
                r.out());
        assertTrue(Pattern.compile("(?m)^zz-broken +- +failed +" + Pattern.quote(exports.resolve("zz-broken.reg")
                + ":3: ")).matcher(r.out()).find(), r.out());
        assertTrue(r.out().contains("Most common findings:"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void jsonHasTheDocumentedShape() throws Exception {
        JarIT.Result r = JarIT.run("fleet", "--profile", "max-protection", exports.toString(), "--format", "json");
        assertEquals(1, r.code(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("max-protection", root.get("profile").asText());
        JsonNode s = root.get("summary");
        assertEquals(List.of(13, 3, 9, 0, 1, 4), List.of(s.get("hosts").asInt(), s.get("compliant").asInt(),
                s.get("drift").asInt(), s.get("audited").asInt(), s.get("failed").asInt(),
                s.get("configurations").asInt()));
        JsonNode first = root.get("hosts").get(0);
        assertEquals("SRV00001", first.get("name").asText());
        assertEquals("compliant", first.get("status").asText());
        assertEquals(17763, first.get("build").asInt());
        assertEquals(0, first.get("drift").asInt());
        assertEquals(28, first.get("checked").asInt());
        assertEquals("DISABLED", first.get("protocols").get("TLS 1.0").get("server").asText());
        assertTrue(first.get("findings").has("high"));
        JsonNode fresh = root.get("hosts").get(1);
        assertEquals("drift", fresh.get("status").asText());
        assertEquals(28, fresh.get("drift").asInt());
        JsonNode broken = root.get("hosts").get(12);
        assertEquals("failed", broken.get("status").asText());
        assertTrue(broken.get("error").asText().contains("zz-broken.reg:3:"), broken.toString());
        JsonNode group = root.get("groups").get(0);
        assertEquals(3, group.get("hosts").asInt());
        assertEquals(3, group.get("members").size());
        assertEquals(first.get("configuration").asText(), root.get("groups").findValuesAsText("configuration")
                .stream().filter(c -> c.equals(first.get("configuration").asText())).findFirst().orElseThrow());
        JsonNode finding = root.get("commonFindings").get(0);
        assertTrue(finding.has("id") && finding.has("severity") && finding.has("where") && finding.get("hosts")
                .asInt() >= 3, finding.toString());
    }

    @Test
    void csvHasAHeaderAndOneRowPerHostWithTheSameColumns() throws Exception {
        JarIT.Result r = JarIT.run("fleet", "--profile", "max-protection", exports.toString(), "--format", "csv");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().endsWith("\r\n"));
        List<List<String>> rows = parseCsv(r.out());
        assertEquals(14, rows.size());
        List<String> header = rows.get(0);
        assertEquals(List.of("host", "source", "kind", "build", "status", "drift"), header.subList(0, 6));
        assertTrue(header.contains("TLS 1.0 Server") && header.get(header.size() - 1).equals("error"), header
                .toString());
        for (List<String> row : rows) {
            assertEquals(header.size(), row.size(), row.toString());
        }
        assertEquals(List.of("SRV00002", "20348", "drift", "28"), List.of(rows.get(2).get(0), rows.get(2).get(3),
                rows.get(2).get(4), rows.get(2).get(5)));
        assertEquals("failed", rows.get(13).get(4));
        assertTrue(rows.get(13).get(header.size() - 1).contains(":3: "), rows.get(13).toString());
    }

    /** RFC 4180: quoted cells may hold commas, quotes ("") and line breaks. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && text.startsWith("\r\n", i)) {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return rows;
    }

    @Test
    void htmlGoesToTheOutputFileAndChromiumSeesTheHostsByProtocolsMatrix() throws Exception {
        Path html = dir.resolve("fleet.html");
        JarIT.Result r = JarIT.run("fleet", "--profile", "max-protection", exports.toString(), "--format", "html",
                "-o", html.toString());
        assertEquals(1, r.code(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("13 hosts; report written to " + html), r.err());
        Path chromium = ExternalTool.require("chromium", "chromium");
        Path profile = Files.createTempDirectory(dir, "chromium-profile");
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--dump-dom", html.toUri().toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium did not finish");
        // the browser's DOM: the matrix table has a header and one row per host, 8 protocol cells in each good row
        String matrix = dom.substring(dom.indexOf("Hosts and protocols"), dom.indexOf("<h2>Configurations"));
        assertEquals(14, count(matrix, "<tr>"), matrix);
        for (String th : List.of("SSL 2.0", "TLS 1.0", "TLS 1.3", "DTLS 1.2")) {
            assertTrue(matrix.contains("<th>" + th + "</th>"), th);
        }
        // cells after the host name: build, status, drift, findings, then SSL 2.0, SSL 3.0, TLS 1.0 ...
        assertEquals("<td class=\"off\">Disabled</td>", cells(matrix, "SRV00001").get(6), "max-protection host");
        assertEquals("<td class=\"sev-low\">Enabled</td>", cells(matrix, "SRV00004").get(6), "TLS 1.0 switched on: "
                + "coloured as its finding (low), as in status");
        assertTrue(dom.contains("3 hosts share this configuration"), dom);
        assertTrue(dom.contains("Most common findings"), dom);
    }

    private static List<String> cells(String table, String host) {
        Matcher row = Pattern.compile("<tr><td>" + host + "</td>(.*?)</tr>").matcher(table);
        assertTrue(row.find(), table);
        List<String> out = new ArrayList<>();
        Matcher cell = Pattern.compile("<td[^>]*>.*?</td>").matcher(row.group(1));
        while (cell.find()) {
            out.add(cell.group());
        }
        return out;
    }

    private static int count(String s, String what) {
        return s.split(Pattern.quote(what), -1).length - 1;
    }

    @Test
    void exitsZeroWhenEveryHostComplies() throws Exception {
        JarIT.Result r = JarIT.run("fleet", "--profile", "max-protection", exports.resolve("host-00001.reg")
                .toString(), exports.resolve("host-00005.reg").toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("2 hosts: 2 compliant, 0 drift, 0 failed; 1 configuration"), r.out());
    }

    @Test
    void aHostFolderWhoseCollectionLeftNoRegFileIsAFailedRowNotAMissingHost() throws Exception {
        Path fleet = Files.createDirectories(dir.resolve("collected"));
        Files.copy(exports.resolve("host-00001.reg"), Files.createDirectories(fleet.resolve("web01")).resolve("a.reg"));
        Files.createDirectories(fleet.resolve("web02")); // the fetch failed
        Files.copy(exports.resolve("host-00005.reg"), Files.createDirectories(fleet.resolve("web03/deeper"))
                .resolve("a.reg")); // one level too deep
        JarIT.Result r = JarIT.run("fleet", "--profile", "max-protection", fleet.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("3 hosts: 1 compliant, 0 drift, 2 failed"), r.out());
        for (String host : List.of("web02", "web03")) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(host + " ") && l.contains("failed")
                    && l.contains("holds no .reg export")), host + ": " + r.out());
        }
    }

    @Test
    void badArgumentsExitTwoWithOneLine() throws Exception {
        JarIT.Result missing = JarIT.run("fleet", "--profile", "max-protection", dir.resolve("nope").toString());
        assertEquals(2, missing.code());
        assertEquals("tlsconf: no such file or folder: " + dir.resolve("nope") + System.lineSeparator(),
                missing.err());
        JarIT.Result profile = JarIT.run("fleet", "--profile", "no-such-profile", exports.toString());
        assertEquals(2, profile.code());
        assertFalse(profile.err().contains("Exception"), profile.err());
        JarIT.Result none = JarIT.run("fleet");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("FILES|DIRS"), none.err());
    }
}
