package org.tlsconf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Defects a new-user QA pass found, each as the user met it: the packaged jar run as a process, its output, error
 * line and exit code.
 */
class QaPassIT {
    static final String HEALTH_CHECKER = "src/test/resources/corpus/14_css-exchange-healthchecker-GetAllTlsSettings1"
            + ".clixml.xml";
    static final String EXAMPLE = "examples/server-2016-fresh.reg";

    @TempDir
    Path dir;

    static JsonNode json(JarIT.Result r) throws Exception {
        return new ObjectMapper().readTree(r.out());
    }

    // ---- 1: one rule decides "not collected" (a HealthChecker export records only some values) ----------------

    @Test
    void checkCountsOnlyWhatAHealthCheckerExportCollectsAndSuggestsNoApplyThatWouldBeRefused() throws Exception {
        JarIT.Result check = JarIT.run("check", "max-protection", "--registry-file", HEALTH_CHECKER);
        assertEquals(1, check.code(), check.err());
        String first = check.out().lines().findFirst().orElseThrow();
        assertTrue(first.startsWith("Drift: 3 of 20 values differ from profile max-protection; 8 of the profile's "
                + "values not collected by this export (not compared)."), first);
        assertFalse(first.contains("--registry-file"), first); // apply --registry-file on this file is refused
        assertTrue(first.endsWith("fix the host itself with: tlsconf apply max-protection"), first);
        JarIT.Result refused = JarIT.run("apply", "max-protection", "--registry-file", HEALTH_CHECKER, "--dry-run");
        assertEquals(2, refused.code(), refused.out());
        assertFalse(check.out().contains("SSL 2.0") || check.out().contains("SSL 3.0"), check.out());
    }

    @Test
    void diffFleetAndCheckAgreeOnWhatDriftedInAHealthCheckerExport() throws Exception {
        JarIT.Result diff = JarIT.run("diff", "max-protection", "--registry-file", HEALTH_CHECKER, "--format", "json");
        assertEquals(0, diff.code(), diff.err());
        JsonNode summary = json(diff).get("summary");
        assertEquals(0, summary.get("add").asInt(), summary.toString());
        assertEquals(3, summary.get("modify").asInt(), summary.toString());
        assertEquals(17, summary.get("unchanged").asInt(), summary.toString());
        assertEquals(8, summary.get("notCollected").asInt(), summary.toString());
        JarIT.Result text = JarIT.run("diff", "max-protection", "--registry-file", HEALTH_CHECKER);
        assertTrue(text.out().contains("3 changes: 0 to add, 3 to modify, 0 to delete; 17 already as wanted; 8 of "
                + "the profile's values not collected by this export (not compared)."), text.out());
        JarIT.Result fleet = JarIT.run("fleet", "--profile", "max-protection", HEALTH_CHECKER, "--format", "json");
        JsonNode host = json(fleet).get("hosts").get(0);
        assertEquals(3, host.get("drift").asInt(), host.toString());
        assertEquals(20, host.get("checked").asInt(), host.toString());
        assertEquals(8, host.get("notCollected").asInt(), host.toString());
        assertEquals("NOT_COLLECTED", host.get("protocols").get("SSL 3.0").get("server").asText(), host.toString());
    }

    @Test
    void statusShowsValuesAHealthCheckerExportDoesNotRecordAsNotCollectedEvenWithAKnownBuild() throws Exception {
        JarIT.Result r = JarIT.run("status", "--registry-file", HEALTH_CHECKER, "--os-build", "17763", "--format",
                "json");
        assertEquals(0, r.code(), r.err());
        JsonNode root = json(r);
        for (JsonNode p : root.get("protocols")) {
            String name = p.get("protocol").asText();
            boolean collected = name.startsWith("TLS");
            assertEquals(collected, !p.get("state").asText().equals("NOT_COLLECTED"), p.toString());
        }
        assertEquals("[\"winHttp\",\"winInet\",\"disabledAlgorithms\",\"fips\"]", root.get("notCollected").toString());
        JarIT.Result text = JarIT.run("status", "--registry-file", HEALTH_CHECKER, "--os-build", "17763");
        assertTrue(text.out().lines().anyMatch(l -> l.matches("\\s*SSL 2\\.0\\s+Not collected\\s+Not collected\\s+-")),
                text.out());
        JarIT.Result reg = JarIT.run("status", "--registry-file", EXAMPLE, "--format", "json");
        assertEquals("[]", json(reg).get("notCollected").toString());
        assertFalse(reg.out().contains("NOT_COLLECTED"), reg.out());
    }

    // ---- 2: files written with -o ---------------------------------------------------------------------------

    /** Every command that writes a file with -o, writing {@code out}. */
    private static List<String[]> writers(Path out) {
        return List.of(new String[] {"export", "max-protection", "--format", "reg", "-o", out.toString()},
                new String[] {"export", "strict", "--format", "gpo", "--os-build", "20348", "-o", out.toString()},
                new String[] {"fleet", EXAMPLE, "--format", "html", "-o", out.toString()},
                new String[] {"profiles", "import", "src/test/resources/ictpl/v3-bsi-style.ictpl", "-o",
                    out.toString()},
                new String[] {"profiles", "capture", "--registry-file", EXAMPLE, "-o", out.toString()});
    }

    @Test
    void aFileWrittenWithOutputGetsThePermissionsTheUmaskGives() throws Exception {
        for (String umask : List.of("022", "027")) {
            String expected = umask.equals("022") ? "rw-r--r--" : "rw-r-----";
            int i = 0;
            for (String[] args : writers(dir.resolve("out-" + umask + "-" + i))) {
                Path out = dir.resolve("out-" + umask + "-" + i++);
                args[args.length - 1] = out.toString();
                JarIT.Result r = JarIT.runWithUmask(umask, args);
                assertTrue(r.code() == 0 || r.code() == 1, String.join(" ", args) + ": " + r.err());
                assertEquals(expected, PosixFilePermissions.toString(Files.getPosixFilePermissions(out)),
                        String.join(" ", args));
            }
        }
    }

    @Test
    void aFileReplacedWithOutputKeepsItsOwnPermissions() throws Exception {
        Path out = dir.resolve("existing.reg");
        Files.writeString(out, "old");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r-----"));
        JarIT.Result r = JarIT.runWithUmask("000", "export", "max-protection", "--format", "reg", "-o",
                out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        assertFalse(Files.readString(out, StandardCharsets.UTF_16LE).contains("old"));
    }

    @Test
    void fleetTextAndHtmlSayWhatAHealthCheckerExportDidNotCollect() throws Exception {
        JarIT.Result text = JarIT.run("fleet", "--profile", "max-protection", HEALTH_CHECKER);
        assertTrue(text.out().contains("Not collected (values of the profile the export does not record"),
                text.out());
        assertTrue(text.out().matches("(?s).*Not collected \\(.*\\): \\S+ \\(8\\).*"), text.out());
        JarIT.Result html = JarIT.run("fleet", "--profile", "max-protection", HEALTH_CHECKER, "--format", "html");
        assertTrue(html.out().contains("(8 not collected)"), html.out());
        JarIT.Result reg = JarIT.run("fleet", "--profile", "max-protection", EXAMPLE);
        assertFalse(reg.out().contains("Not collected"), reg.out());
    }

    @Test
    void aRefusalForAProblemTheHostHasAlreadySaysSo() throws Exception {
        Path host = dir.resolve("hardened.reg");
        Files.copy(Path.of("examples/server-2016-hand-hardened.reg"), host);
        JarIT.Result r = JarIT.run("apply", "max-protection", "--registry-file", host.toString(), "--dry-run");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("TLS13-UNSUPPORTED") && r.err().contains("(already so now; this profile does not "
                + "change it)") && r.err().contains("Fix what the host has already"), r.err());
    }

    @Test
    void checkSaysCompliantOrDriftAndTheFixInEveryReportFormat() throws Exception {
        for (String format : List.of("markdown", "html")) {
            JarIT.Result drift = JarIT.run("check", "max-protection", "--registry-file", EXAMPLE, "--format", format);
            assertEquals(1, drift.code(), drift.err());
            assertTrue(drift.out().contains("Drift: "), format + ": " + drift.out());
            assertTrue(drift.out().contains("tlsconf apply max-protection --registry-file " + EXAMPLE), format);
            JarIT.Result ok = JarIT.run("check", "os-defaults", "--registry-file", EXAMPLE, "--format", format);
            assertEquals(0, ok.code(), ok.err());
            assertTrue(ok.out().contains("Compliant: "), format + ": " + ok.out());
        }
    }

    @Test
    void aReadOnlyHealthCheckerExportIsRefusedAsAnExportNotAsReadOnly() throws Exception {
        Path hc = dir.resolve("hc.xml");
        Files.copy(Path.of(HEALTH_CHECKER), hc);
        hc.toFile().setWritable(false, false);
        for (String[] args : List.of(new String[] {"apply", "max-protection", "--registry-file", hc.toString()},
                new String[] {"apply", "max-protection", "--registry-file", hc.toString(), "--dry-run"},
                new String[] {"restore", "--last", "--registry-file", hc.toString()})) {
            JarIT.Result r = JarIT.run(args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().contains("is a HealthChecker export"), r.err());
        }
    }

    @Test
    void anOutputThatIsTheCommandsOwnInputIsRefusedAndTheInputKept() throws Exception {
        Path export = dir.resolve("host.reg");
        Files.copy(Path.of(EXAMPLE), export);
        Path profile = dir.resolve("mine.json");
        JarIT.Result made = JarIT.run("profiles", "capture", "--registry-file", EXAMPLE, "-o", profile.toString());
        assertEquals(0, made.code(), made.err());
        byte[] exportBytes = Files.readAllBytes(export);
        byte[] profileBytes = Files.readAllBytes(profile);
        for (String[] args : List.of(
                new String[] {"profiles", "capture", "--registry-file", export.toString(), "-o", export.toString()},
                new String[] {"fleet", export.toString(), "-o", export.toString()},
                new String[] {"fleet", export.toString(), "-o", dir.resolve(".").resolve("host.reg").toString()},
                new String[] {"export", profile.toString(), "--format", "reg", "-o", profile.toString()})) {
            JarIT.Result r = JarIT.run(args);
            String cmd = String.join(" ", args);
            assertEquals(2, r.code(), cmd + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), cmd + ": " + r.err());
            assertTrue(r.err().contains("it is the file the command reads"), cmd + ": " + r.err());
        }
        assertArrayEquals(exportBytes, Files.readAllBytes(export));
        assertArrayEquals(profileBytes, Files.readAllBytes(profile));
    }

    @Test
    void backupsStayReadableByTheirOwnerOnly() throws Exception {
        Path host = dir.resolve("host.reg");
        Files.copy(Path.of(EXAMPLE), host);
        Path backups = dir.resolve("backups");
        JarIT.Result r = JarIT.runWithUmask("022", "apply", "max-protection", "--registry-file", host.toString(),
                "--backup-dir", backups.toString());
        assertEquals(3010 & 0xFF, r.code(), r.err());
        try (Stream<Path> files = Files.list(backups)) {
            List<Path> all = files.toList();
            assertEquals(2, all.size(), all.toString());
            for (Path f : all) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.toString());
            }
        }
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(host)));
    }

    @Test
    void aBadOutputPathIsOneLineAndExitTwoOnEveryCommandAndLeavesNothingBehind() throws Exception {
        Path readOnly = dir.resolve("read-only.out");
        Files.writeString(readOnly, "keep me");
        readOnly.toFile().setWritable(false, false);
        Path folder = dir.resolve("a-folder");
        Files.createDirectory(folder);
        Map<Path, String> why = Map.of(dir.resolve("missing").resolve("x.out"), "the folder " + dir.resolve("missing")
                + " does not exist; create it first or choose another path", folder, "it is a folder; give a file "
                + "name, e.g. -o " + folder + "/", readOnly, "the file is read-only; make it writable or "
                + "choose another path");
        for (Map.Entry<Path, String> bad : why.entrySet()) {
            for (String[] args : writers(bad.getKey())) {
                JarIT.Result r = JarIT.run(args);
                String cmd = String.join(" ", args);
                assertEquals(2, r.code(), cmd + ": " + r.err());
                assertEquals(1, r.err().strip().lines().count(), cmd + ": " + r.err());
                assertTrue(r.err().startsWith("tlsconf: cannot write -o " + bad.getKey() + ": " + bad.getValue()),
                        cmd + ": " + r.err());
                assertFalse(r.err().contains("Exception"), r.err());
            }
        }
        assertEquals("keep me", Files.readString(readOnly));
        try (Stream<Path> left = Files.walk(dir)) {
            List<String> names = left.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).sorted()
                    .toList();
            assertEquals(List.of("a-folder", "read-only.out"), names, "nothing half-written is left behind");
        }
    }

    @Test
    void aFolderThisAccountMayNotWriteIsExitTwoNamingTheFolder() throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        Path out = locked.resolve("x.reg");
        List<String> java = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JarIT.JAR.toAbsolutePath().toString(), "export", "max-protection", "--format", "reg", "-o",
                out.toString());
        List<String> cmd = new ArrayList<>();
        if (System.getProperty("user.name").equals("root")) { // root may write anywhere: run as an ordinary account
            cmd.addAll(List.of("runuser", "-u", "nobody", "--"));
        }
        cmd.addAll(java);
        JarIT.Result r = JarIT.exec(cmd, Map.of());
        assertEquals(2, r.code(), r.err());
        assertEquals("tlsconf: cannot write -o " + out + ": the folder " + locked + " is not writable by this "
                + "account; choose another path", r.err().strip());
        try (Stream<Path> left = Files.list(locked)) {
            assertEquals(0, left.count());
        }
        // a folder below one this account may not enter is not "missing"
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        Path deeper = Files.createDirectory(locked.resolve("deeper")).resolve("x.reg");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        List<String> behind = new ArrayList<>(cmd);
        behind.set(behind.size() - 1, deeper.toString());
        JarIT.Result hidden = JarIT.exec(behind, Map.of());
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------")); // for the clean-up
        assertEquals(2, hidden.code(), hidden.err());
        String expected = "the folder " + deeper.getParent() + " cannot be reached by this account (permission "
                + "denied on a folder above it); choose another path";
        assertEquals("tlsconf: cannot write -o " + deeper + ": " + expected, hidden.err().strip());
    }

    // ---- 3: imports and exports say what they could not carry --------------------------------------------

    @Test
    void importingATemplateWithNothingImportableFailsAndWritesNothing() throws Exception {
        Path template = dir.resolve("nothing.ictpl");
        Files.writeString(template, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<iisCryptoTemplate version=\"3\">"
                + "<header><name>Nothing</name></header><schannel><unknownThing/></schannel></iisCryptoTemplate>\n",
                StandardCharsets.UTF_8);
        Path out = dir.resolve("nothing.json");
        JarIT.Result r = JarIT.run("profiles", "import", template.toString(), "-o", out.toString());
        assertEquals(2, r.code(), r.out());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith(template + ": the template holds nothing tlsconf can import")
                && r.err().contains("unknown section <unknownThing> in <schannel>: not imported"), r.err());
        assertFalse(Files.exists(out));
        JarIT.Result printed = JarIT.run("profiles", "import", template.toString());
        assertEquals(2, printed.code(), printed.out());
        assertEquals("", printed.out());
    }

    @Test
    void exportSaysWhenTheBuildLeavesTheCipherSuiteOrderOut() throws Exception {
        Path out = dir.resolve("strict-9200.reg");
        JarIT.Result r = JarIT.run("export", "strict", "--format", "reg", "--os-build", "9200", "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("warning: Functions not written on build 9200: tlsconf has no cipher suite "
                + "data for build 9200"), r.err());
        String reg = new String(Files.readAllBytes(out), StandardCharsets.UTF_16LE);
        assertTrue(reg.contains("; Left out: Functions not written on build 9200"), reg);
        assertFalse(reg.contains("\"Functions\""), reg);
        JarIT.Result supported = JarIT.run("export", "strict", "--format", "reg", "--os-build", "20348", "-o",
                dir.resolve("strict-20348.reg").toString());
        assertEquals(0, supported.code(), supported.err());
        assertFalse(supported.err().contains("warning"), supported.err());
    }

    // ---- 4: what the user named ---------------------------------------------------------------------------

    @Test
    void aMissingBackupDirTheUserNamedIsAnErrorButAMissingDefaultFolderIsNoBackups() throws Exception {
        Path missing = dir.resolve("no-such-folder");
        for (String[] args : List.of(new String[] {"backups", "list", "--backup-dir", missing.toString()},
                new String[] {"backups", "list", "--backup-dir", missing.toString(), "--format", "json"},
                new String[] {"restore", "--last", "--dry-run", "--registry-file", EXAMPLE, "--backup-dir",
                    missing.toString()})) {
            JarIT.Result r = JarIT.run(args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.out());
            assertEquals("tlsconf: --backup-dir " + missing + " does not exist; give the folder the backups were "
                    + "written to (default: ", r.err().substring(0, r.err().indexOf("(default: ") + 10));
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
        Path state = dir.resolve("fresh-state");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JarIT.JAR.toString(), "backups", "list"));
        JarIT.Result fresh = JarIT.exec(cmd, Map.of("XDG_STATE_HOME", state.toString()));
        assertEquals(0, fresh.code(), fresh.err());
        assertEquals("No backups in " + state.resolve("tlsconf").resolve("backups"), fresh.out().strip());
    }

    @Test
    void aBareRegFileNameGivenAsProfileGetsTheRegistryFileHintLikeAPath() throws Exception {
        Files.copy(Path.of(EXAMPLE), dir.resolve("x.reg"));
        Files.copy(Path.of(HEALTH_CHECKER), dir.resolve("hc.xml"));
        for (String name : List.of("x.reg", "./x.reg", "hc.xml")) {
            JarIT.Result r = JarIT.runIn(dir, "diff", name);
            assertEquals(2, r.code(), r.out());
            assertTrue(r.err().contains("did you mean --registry-file " + name + "?"), name + ": " + r.err());
        }
        JarIT.Result missing = JarIT.runIn(dir, "check", "y.reg");
        assertEquals(2, missing.code(), missing.out());
        assertTrue(missing.err().startsWith("y.reg: no bundled profile named 'y.reg', and no such file; an export "
                + "is not a profile: did you mean --registry-file y.reg?"), missing.err());
        // commands without --registry-file are not told to use it (it led nowhere: "Unknown option")
        for (String[] args : List.of(new String[] {"profiles", "validate", "x.reg"}, new String[] {"profiles", "show",
            "x.reg"}, new String[] {"export", "x.reg", "--format", "reg"}, new String[] {"fleet", "--profile", "x.reg",
            "x.reg"})) {
            JarIT.Result r = JarIT.runIn(dir, args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.out());
            assertTrue(r.err().contains("not a profile") && !r.err().contains("did you mean --registry-file")
                    && r.err().contains("status, diff, check and apply read an export with --registry-file FILE, and "
                    + "fleet takes exports as its FILES"), String.join(" ", args) + ": " + r.err());
        }
        JarIT.Result bundled = JarIT.runIn(dir, "diff", "max-protection", "--registry-file", "x.reg");
        assertEquals(0, bundled.code(), bundled.err());
    }

    // ---- 6: os-defaults is what a fresh install has ---------------------------------------------------------

    @Test
    void osDefaultsOnAFreshExportOfEveryBuildHasNothingToChange() throws Exception {
        List<String> fresh = new ArrayList<>(List.of(EXAMPLE,
                "src/test/resources/corpus/02_psssl-schannel-default-export-utf16.reg"));
        try (Stream<Path> hosts = Files.list(Path.of("src/test/resources/hosts"))) {
            hosts.filter(p -> p.toString().endsWith(".reg")).sorted().forEach(p -> fresh.add(p.toString()));
        }
        assertEquals(7, fresh.size(), fresh.toString());
        for (String export : fresh) {
            JarIT.Result r = JarIT.run("check", "os-defaults", "--registry-file", export);
            assertEquals(0, r.code(), export + ": " + r.out() + r.err());
            JarIT.Result diff = JarIT.run("diff", "os-defaults", "--registry-file", export, "--format", "json");
            assertEquals("[]", json(diff).get("changes").toString(), export);
        }
    }

    @Test
    void theSslTwoClientValueWindowsShipsIsNoMismatchOnAnyFreshExport() throws Exception {
        List<String[]> runs = new ArrayList<>();
        try (Stream<Path> hosts = Files.list(Path.of("src/test/resources/hosts"))) {
            hosts.filter(p -> p.toString().endsWith(".reg")).sorted().forEach(p -> runs.add(new String[] {"status",
                "--registry-file", p.toString(), "--format", "json"}));
        }
        for (String build : List.of("9200", "9600", "14393")) { // an untouched host's tree, read as each build
            runs.add(new String[] {"status", "--registry-file",
                "src/test/resources/corpus/02_psssl-schannel-default-export-utf16.reg", "--os-build", build,
                "--format", "json"});
        }
        for (String[] args : runs) {
            JarIT.Result r = JarIT.run(args);
            assertEquals(0, r.code(), r.err());
            for (JsonNode f : json(r).get("findings")) {
                assertFalse(f.get("id").asText().equals("TLS-MISMATCH"), String.join(" ", args) + ": " + f);
            }
        }
    }

    // ---- 5: every report says when and by which tlsconf it was made ----------------------------------------

    @Test
    void probeExplainAndFleetReportsCarryTheGeneratedStampInEveryFormat() throws Exception {
        String version = JarIT.run("--version").out().strip().replaceFirst("^tlsconf ", "");
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        List<List<String>> commands = List.of(List.of("probe", "127.0.0.1:" + closed, "--timeout", "1"),
                List.of("explain", "0x80090331"), List.of("fleet", EXAMPLE));
        for (List<String> command : commands) {
            for (String format : List.of("text", "json", "markdown", "html")) {
                if (command.get(0).equals("fleet") && format.equals("markdown")) {
                    continue; // fleet has text, json, csv and html
                }
                List<String> args = new ArrayList<>(command);
                args.addAll(List.of("--format", format));
                JarIT.Result r = JarIT.run(args.toArray(String[]::new));
                String what = String.join(" ", args) + ": " + r.err();
                switch (format) {
                    case "json" -> {
                        JsonNode root = json(r);
                        assertTrue(java.time.Instant.parse(root.get("generated").asText()) != null, what);
                        assertEquals(version, root.get("toolVersion").asText(), what);
                        assertTrue(root.has("computerName"), what);
                    }
                    case "text" -> assertTrue(r.out().lines().anyMatch(l -> l.matches("Generated: \\d{4}-\\d\\d-"
                            + "\\d\\d \\d\\d:\\d\\d:\\d\\d UTC by tlsconf " + java.util.regex.Pattern.quote(version))), what
                            + r.out());
                    case "markdown" -> assertTrue(r.out().contains("\n- Generated: ") && r.out().contains(" by tlsconf "
                            + version), what + r.out());
                    default -> assertTrue(r.out().contains("<th>Generated</th><td>") && r.out().contains(" by tlsconf "
                            + version + "</td>"), what + r.out());
                }
            }
        }
    }
}
