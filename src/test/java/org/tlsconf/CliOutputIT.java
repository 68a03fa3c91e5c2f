package org.tlsconf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user sees, from the packaged jar run as a separate process: output, error messages and exit codes of the
 * rough edges found by trying tlsconf as a new user would (issue 12).
 */
class CliOutputIT {
    static final String EXAMPLE = "examples/server-2016-fresh.reg";

    @TempDir
    Path dir;

    static JarIT.Result run(String... args) throws Exception {
        return JarIT.run(args);
    }

    /** The error output is one line (plus its newline). */
    static void oneLine(JarIT.Result r) {
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void anOsBuildThatContradictsTheFileIsAnErrorUnlessItIsAnOverride() throws Exception {
        JarIT.Result r = run("status", "--registry-file", EXAMPLE, "--os-build", "17763");
        assertEquals(2, r.code(), r.out());
        oneLine(r);
        assertTrue(r.err().contains("says build 14393") && r.err().contains("--os-build 17763 contradicts it")
                && r.err().contains("--override-os-build"), r.err());
        JarIT.Result override = run("status", "--registry-file", EXAMPLE, "--os-build", "17763",
                "--override-os-build");
        assertEquals(0, override.code(), override.err());
        assertTrue(override.out().contains("Host: Windows (build 17763; from --os-build, overriding build 14393 in "
                + "the registry file)"), override.out());
        JarIT.Result same = run("status", "--registry-file", EXAMPLE, "--os-build", "14393");
        assertEquals(0, same.code(), same.err());
        assertTrue(same.out().contains("Host: Windows Server 2016 Standard (build 14393.693"), same.out());
    }

    @Test
    void aYearGivenAsOsBuildIsRejectedWithTheKnownBuilds() throws Exception {
        Path host = dir.resolve("host.reg");
        Files.writeString(host, "Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControl"
                + "Set\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server]\r\n\"Enabled\"=dword:00000001\r\n");
        JarIT.Result r = run("status", "--registry-file", host.toString(), "--os-build", "2016");
        assertEquals(2, r.code(), r.out());
        oneLine(r);
        assertTrue(r.err().contains("--os-build 2016 is not a Windows build number (it looks like a year")
                && r.err().contains("14393 (Server 2016)") && r.err().contains("20348 (Server 2022)"), r.err());
        assertFalse(r.out().contains("Not supported"), r.out());
    }

    @Test
    void commandsThatOnlyGroupSubcommandsPrintUsageToStderrAndExitTwo() throws Exception {
        for (String[] args : new String[][] {{}, {"profiles"}, {"backups"}}) {
            JarIT.Result r = run(args);
            assertEquals(2, r.code(), String.join(" ", args));
            assertEquals("", r.out(), String.join(" ", args));
            assertTrue(r.err().contains("needs a command") && r.err().contains("Usage:"), r.err());
        }
    }

    @Test
    void aBadFormatIsOneLineNamingTheValidValues() throws Exception {
        JarIT.Result status = run("status", "--registry-file", EXAMPLE, "--format", "xml");
        assertEquals(2, status.code());
        oneLine(status);
        assertTrue(status.err().contains("expected one of [text, json, markdown, html]")
                && status.err().contains("but was 'xml'"), status.err());
        JarIT.Result show = run("profiles", "show", "max-protection", "--format", "html");
        assertEquals(2, show.code());
        oneLine(show);
        assertTrue(show.err().contains("expected one of [text, json]"), show.err());
    }

    @Test
    void explainAndProbeRenderEveryFormatTheirHelpOffers() throws Exception {
        for (String format : new String[] {"text", "json", "markdown", "html"}) {
            JarIT.Result r = run("explain", "0x80090331", "--format", format);
            assertEquals(0, r.code(), format + ": " + r.err());
            assertTrue(r.out().contains("common algorithm"), r.out());
        }
        assertTrue(run("explain", "0x80090331", "--format", "html").out().startsWith("<!DOCTYPE html>"));
        for (String command : new String[] {"explain", "probe"}) {
            String help = run(command, "--help").out().replaceAll("\\s+", " ");
            assertTrue(help.contains("text (default), json"), help);
            assertTrue(help.contains("markdown, or html"), help);
        }
    }

    @Test
    void errorMessagesSayWhatIsWrongAndWhatToDo() throws Exception {
        for (String command : List.of("status", "apply", "restore")) { // read-only and changing commands alike
            JarIT.Result folder = "status".equals(command) ? run(command, "--registry-file", dir.toString())
                    : run(command, "apply".equals(command) ? "max-protection" : "--last", "--registry-file",
                            dir.toString(), "--backup-dir", dir.resolve("b").toString());
            assertEquals(2, folder.code(), command);
            assertTrue(folder.err().contains("is a folder") && !folder.err().contains("not found"),
                    command + ": " + folder.err());
        }

        Path backslash = dir.resolve("backslash.json");
        Files.writeString(backslash, "{\"name\": \"x\",\n \"keys\": [{\"path\": \"HKLM\\SYSTEM\\CurrentControlSet\", "
                + "\"values\": {}}]}");
        JarIT.Result escape = run("diff", backslash.toString(), "--registry-file", EXAMPLE);
        assertEquals(2, escape.code());
        assertTrue(escape.err().startsWith(backslash + ":2:"), escape.err());
        assertTrue(escape.err().contains("double the backslash") && !escape.err().contains("missing comma"),
                escape.err());

        JarIT.Result reg = run("diff", EXAMPLE);
        assertEquals(2, reg.code());
        assertTrue(reg.err().contains("did you mean --registry-file " + EXAMPLE), reg.err());
        assertFalse(reg.err().contains("Unrecognized token"), reg.err());

        Path typo = dir.resolve("typo.json");
        Files.writeString(typo, "{\"name\": \"mine\",\n  \"extends\": \"max-protectoin\",\n  \"keys\": []}\n");
        JarIT.Result ext = run("diff", typo.toString(), "--registry-file", EXAMPLE);
        assertEquals(2, ext.code());
        assertTrue(ext.err().startsWith(typo + ":2:14: $.extends: "), ext.err());
        assertTrue(ext.err().contains("did you mean 'max-protection'"), ext.err());

        Path truncated = dir.resolve("truncated.json");
        Files.writeString(truncated, "{\"name\": \"x\",\n \"keys\": [");
        JarIT.Result trunc = run("diff", truncated.toString(), "--registry-file", EXAMPLE);
        assertEquals(2, trunc.code());
        assertTrue(trunc.err().contains("opened at line 2, column 10"), trunc.err());
        Path backup = dir.resolve("backup.json");
        Files.writeString(backup, "{\"format\": \"tlsconf-backup/1\", \"content\": {");
        JarIT.Result bad = run("restore", backup.toString(), "--registry-file", EXAMPLE);
        assertEquals(2, bad.code());
        for (JarIT.Result r : new JarIT.Result[] {trunc, bad}) {
            assertFalse(r.err().contains("[Source") || r.err().contains("StreamReadFeature")
                    || r.err().contains("REDACTED"), r.err());
        }
    }

    @Test
    void checkSaysHowToFixTheRegistryItCheckedInACommandThatWorksWhenPastedIntoTheShell() throws Exception {
        // a space, a $ (which sh expands in double quotes), a quote and a backslash (an escape to sh)
        for (String name : new String[] {"my host.reg", "a$HOME b.reg", "it's.reg", "back\\slash.reg"}) {
            Path host = Files.createDirectories(dir.resolve("fix-" + name.hashCode())).resolve(name);
            Files.copy(Path.of(EXAMPLE), host);
            JarIT.Result r = run("check", "max-protection", "--registry-file", host.toString());
            assertEquals(1, r.code());
            String fix = r.out().lines().filter(l -> l.contains("Fix with: ")).findFirst().orElseThrow();
            String command = fix.substring(fix.indexOf("Fix with: ") + "Fix with: ".length());
            assertTrue(command.startsWith("tlsconf apply max-protection --registry-file "), command);
            // pasted into sh, where tlsconf runs the jar: it applies to that very file (3010, which sh sees as 194)
            ProcessBuilder pb = new ProcessBuilder("sh", "-c", "tlsconf() { \"$JAVA\" -jar \"$JAR\" \"$@\"; }\n"
                    + command).redirectErrorStream(true);
            pb.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
            pb.environment().put("JAR", JarIT.JAR.toAbsolutePath().toString());
            pb.environment().put("XDG_STATE_HOME", Files.createDirectories(host.resolveSibling("state")).toString());
            Process sh = pb.start();
            String out = new String(sh.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(194, sh.waitFor(), name + ": " + command + "\n" + out);
            assertEquals(0, run("check", "max-protection", "--registry-file", host.toString()).code(), name);
        }
    }

    @Test
    void statusFailOnExitsOneWhenAFindingAtOrAboveTheSeverityExists() throws Exception {
        // the fresh 2016 host has medium and low findings, no high one
        assertEquals(1, run("status", "--registry-file", EXAMPLE, "--fail-on", "medium").code());
        assertEquals(1, run("status", "--registry-file", EXAMPLE, "--fail-on", "low").code());
        JarIT.Result high = run("status", "--registry-file", EXAMPLE, "--fail-on", "high", "--format", "json");
        assertEquals(0, high.code(), high.err());
        assertTrue(high.out().contains("\"findings\""), high.out());
        assertEquals(0, run("status", "--registry-file", EXAMPLE).code());
    }

    @Test
    void profilesListHasAJsonForm() throws Exception {
        JarIT.Result r = run("profiles", "list", "--format", "json");
        assertEquals(0, r.code(), r.err());
        var doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> byName = new java.util.HashMap<>();
        doc.get("profiles").forEach(p -> byName.put(p.get("name").asText(), p));
        var max = byName.get("max-protection");
        assertEquals("min-requirement", max.get("extends").asText());
        assertTrue(max.get("values").asInt() > 0 && max.get("description").asText().length() > 0, max.toString());
        assertTrue(byName.get("min-requirement").get("extends").isNull());
    }

    /** Runs the jar with $COLUMNS set, as a terminal of that width would. */
    static String help(int columns, String... command) throws Exception {
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(Path.of(System.getProperty(
                "java.home"), "bin", "java").toString(), "-jar", JarIT.JAR.toString()));
        cmd.addAll(java.util.List.of(command));
        cmd.add("--help");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("COLUMNS", Integer.toString(columns));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    @Test
    void helpFitsTheTerminalAndNeverWrapsInsideAToken() throws Exception {
        String[][] commands = {{}, {"profiles"}, {"profiles", "list"}, {"profiles", "show"}, {"profiles", "validate"},
            {"status"}, {"diff"}, {"check"}, {"apply"}, {"restore"}, {"backups"}, {"backups", "list"}, {"reboot"},
            {"probe"}, {"explain"}};
        for (String[] command : commands) {
            java.util.List<String> whole = java.util.List.of(help(100_000, command).strip().split("\\s+"));
            for (int columns : new int[] {60, 80}) {
                String text = help(columns, command);
                for (String line : text.split("\n")) {
                    // only a single token longer than the room left may stick out (it is never split)
                    assertTrue(line.length() <= columns || line.strip().indexOf(' ') < 0,
                            String.join(" ", command) + " at " + columns + ": " + line);
                }
                // the same words in the same order: no token (".reg", "%ProgramData%\\tlsconf", a path) was split
                assertEquals(whole, java.util.List.of(text.strip().split("\\s+")), String.join(" ", command)
                        + " at " + columns + " columns:\n" + text);
            }
        }
    }

    @Test
    void applyRefusesTls13ThatIsOnlyDisabledByDefaultOnABuildWithoutIt() throws Exception {
        Path host = dir.resolve("host.reg");
        Files.copy(Path.of(EXAMPLE), host);
        Path profile = dir.resolve("tls13.json");
        StringBuilder keys = new StringBuilder();
        for (String role : new String[] {"Client", "Server"}) {
            keys.append(keys.length() == 0 ? "" : ",").append("{\"path\": \"HKLM\\\\SYSTEM\\\\CurrentControlSet\\\\")
                    .append("Control\\\\SecurityProviders\\\\SCHANNEL\\\\Protocols\\\\TLS 1.3\\\\").append(role)
                    .append("\", \"values\": {\"Enabled\": {\"type\": \"REG_DWORD\", \"data\": 1}, ")
                    .append("\"DisabledByDefault\": {\"type\": \"REG_DWORD\", \"data\": 1}}}");
        }
        Files.writeString(profile, "{\"name\": \"tls13\", \"keys\": [" + keys + "]}");
        byte[] before = Files.readAllBytes(host);
        JarIT.Result r = run("apply", profile.toString(), "--registry-file", host.toString(), "--backup-dir",
                dir.resolve("b").toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("refusing to apply") && r.err().contains("TLS13-UNSUPPORTED"), r.err());
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, Files.readAllBytes(host));
    }

    @Test
    void statusReportsTheTls13ClientOnlyFileAsAMismatchLikeHealthChecker() throws Exception {
        Path file = dir.resolve("enable-tls13-client.reg");
        Files.copy(Path.of("src/test/resources/corpus/10_natthasath-enable-tls13-client.reg"), file);
        JarIT.Result r = run("status", "--registry-file", file.toString(), "--os-build", "20348");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("MEDIUM TLS-MISMATCH: TLS 1.3: Server is Enabled (OS default), no values but "
                + "Client is Enabled (Enabled=1, DisabledByDefault=0) (HealthChecker: Misconfigured)"), r.out());
    }
}
