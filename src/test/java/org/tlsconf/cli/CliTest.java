package org.tlsconf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsconf.Main;
import picocli.CommandLine;

/** Runs the real command tree (with the real backends) in-process and checks output and exit codes. */
class CliTest {

    static final String EXAMPLE = "examples/server-2016-fresh.reg";

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        return run(Main.commandLine(), args);
    }

    /** Runs a command line with captured output. */
    static Run run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void diffShowsEveryChangeGroupedByKeyWithOldAndNewAndExitsZero() {
        Run r = run("diff", "max-protection", "--registry-file", EXAMPLE);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Profile max-protection (bundled) against registry file " + EXAMPLE), r.out());
        assertTrue(r.out().contains("27 changes: 27 to add, 0 to modify, 0 to delete; 1 already as wanted."), r.out());
        assertTrue(r.out().contains("HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols"
                + "\\TLS 1.0\\Server   [new key]\n  + Enabled"), r.out());
        assertTrue(r.out().contains("(absent)  ->  REG_DWORD 1 (0x00000001)"), r.out());
    }

    @Test
    void diffJsonHasTheDocumentedShape() throws IOException {
        Run r = run("diff", "min-requirement", "--registry-file", EXAMPLE, "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals("min-requirement", doc.get("profile").asText());
        assertEquals(12, doc.get("changes").size());
        JsonNode first = doc.get("changes").get(0);
        assertEquals("add", first.get("action").asText());
        assertEquals("HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727", first.get("key").asText());
        assertEquals("SystemDefaultTlsVersions", first.get("value").asText());
        assertEquals("REG_DWORD", first.get("type").asText());
        assertTrue(first.get("before").isNull());
        assertTrue(first.get("beforeType").isNull());
        assertEquals(1, first.get("after").asInt());
        assertTrue(first.get("after").isNumber());
        assertEquals(12, doc.get("summary").get("add").asInt());
    }

    @Test
    void diffOfAModifiedValueShowsBeforeAndItsType() throws IOException {
        Path host = dir.resolve("host.reg");
        Files.writeString(host, "Windows Registry Editor Version 5.00\n\n"
                + "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server]\n"
                + "\"Enabled\"=\"1\"\n\"DisabledByDefault\"=dword:00000000\n");
        Run r = run("diff", "min-requirement", "--registry-file", host.toString(), "--format", "json");
        JsonNode change = null;
        for (JsonNode c : new ObjectMapper().readTree(r.out()).get("changes")) {
            if (c.get("key").asText().endsWith("TLS 1.2\\Server")) {
                change = c;
            }
        }
        assertEquals("modify", change.get("action").asText());
        assertEquals("1", change.get("before").asText());
        assertTrue(change.get("before").isTextual());
        assertEquals("REG_SZ", change.get("beforeType").asText());
        assertEquals("REG_DWORD", change.get("type").asText());
        Run text = run("diff", "min-requirement", "--registry-file", host.toString());
        assertTrue(text.out().contains("REG_SZ \"1\"  ->  REG_DWORD 1 (0x00000001)   (type changes)"), text.out());
    }

    static final String TLS12_SERVER = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL"
            + "\\Protocols\\TLS 1.2\\Server";

    @Test
    void aMalformedRegFileExitsTwoWithFileAndLineAndNoStackTrace() throws IOException {
        Path bad = dir.resolve("bad.reg");
        Files.writeString(bad, "Windows Registry Editor Version 5.00\n\n[" + TLS12_SERVER + "]\n\"E\"=dword:0x1\n");
        Run r = run("diff", "max-protection", "--registry-file", bad.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith(bad + ":4: dword data '0x1' has a 0x prefix"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertEquals("", r.out());
        Run verbose = run("diff", "max-protection", "--registry-file", bad.toString(), "--verbose");
        assertTrue(verbose.err().contains("\tat org.tlsconf"), verbose.err());
    }

    @Test
    void readOnlyCommandsSkipValuesOutsideTheTlsKeysUnreadButApplyChecksEveryLine() throws IOException {
        Path host = dir.resolve("host.reg");
        Files.writeString(host, "Windows Registry Editor Version 5.00\n\n[HKLM\\SOFTWARE\\Vendor]\n"
                + "\"E\"=dword:0x1\n\n[" + TLS12_SERVER + "]\n\"Enabled\"=dword:00000001\n");
        for (String command : new String[] {"diff", "check"}) {
            Run r = run(command, "max-protection", "--registry-file", host.toString());
            assertTrue(r.code() == 0 || r.code() == 1, command + ": " + r.err());
        }
        assertEquals(0, run("status", "--registry-file", host.toString()).code());
        Run apply = run("apply", "max-protection", "--registry-file", host.toString(), "--backup-dir",
                dir.resolve("backups").toString());
        assertEquals(2, apply.code());
        assertTrue(apply.err().startsWith(host + ":4: dword data '0x1' has a 0x prefix"), apply.err());
    }

    @Test
    void aBadProfileExitsTwoWithFileLineAndColumn() throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\n  \"name\": \"x\",\n  \"keys\": [ {\"path\": \"HKLM\\\\SOFTWARE\\\\Microsoft\\\\Windows\\\\"
                + "CurrentVersion\\\\Run\", \"values\": {\"x\": {\"type\": \"REG_SZ\", \"data\": \"y\"}}} ]\n}\n");
        Run r = run("diff", bad.toString(), "--registry-file", EXAMPLE);
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith(bad + ":3:"), r.err());
        assertTrue(r.err().contains("outside the TLS registry roots"), r.err());
        Run v = run("profiles", "validate", bad.toString(), "min-requirement");
        assertEquals(2, v.code());
        assertTrue(v.out().contains("ok: min-requirement: profile min-requirement, 12 values in 6 keys"), v.out());
    }

    @Test
    void withoutARegistryFileOnLinuxItSaysToPassOne() {
        Run r = run("diff", "max-protection");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("pass --registry-file FILE"), r.err());
        Run missing = run("diff", "max-protection", "--registry-file", dir.resolve("none.reg").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("registry file not found"), missing.err());
    }

    @Test
    void profilesListShowAndValidateWork() throws IOException {
        Run list = run("profiles", "list");
        assertEquals(0, list.code());
        assertTrue(list.out().contains("max-protection    28 values  (extends min-requirement)"), list.out());
        assertTrue(list.out().contains("min-requirement   12 values"), list.out());
        Run show = run("profiles", "show", "max-protection");
        assertTrue(show.out().contains("Extends: min-requirement"), show.out());
        assertTrue(show.out().contains("SchUseStrongCrypto        REG_DWORD 1 (0x00000001)   (from min-requirement)"),
                show.out());
        Run json = run("profiles", "show", "max-protection", "--format", "json");
        Path shown = dir.resolve("shown.json");
        Files.writeString(shown, json.out());
        Run valid = run("profiles", "validate", shown.toString());
        assertEquals(0, valid.code(), valid.err());
        assertTrue(valid.out().contains("28 values in 14 keys"), valid.out());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run("diff").code());
        assertEquals(2, run("diff", "max-protection", "--format", "xml").code());
        assertEquals(2, run("frobnicate").code());
    }

    @Test
    void helpTeachesTheCommandsAndListsEveryExitCode() {
        Run r = run("--help");
        assertEquals(0, r.code());
        for (String s : new String[] {"diff", "profiles", "--registry-file", "3010", "1641", "194", "105"}) {
            assertTrue(r.out().contains(s), s + " missing from help:\n" + r.out());
        }
        assertTrue(run("--version").out().startsWith("tlsconf "));
    }

    @Test
    void aRunBuildsOnlyTheSubcommandItNamesAndEverythingWhenItNamesNone() {
        assertEquals(java.util.Set.of("check"), Main.commandLine(new String[] {"check", "max-protection"})
                .getSubcommands().keySet());
        assertEquals(java.util.Set.of("diff"), Main.commandLine(new String[] {"--verbose", "diff", "x"})
                .getSubcommands().keySet());
        for (String[] args : new String[][] {{}, {"--help"}, {"chek"}, {"@args.txt"}}) {
            assertEquals(Cli.COMMANDS.keySet(), Main.commandLine(args).getSubcommands().keySet(),
                    String.join(" ", args));
        }
        Run typo = run(Main.commandLine(new String[] {"chek"}), "chek");
        assertEquals(2, typo.code());
        assertTrue(typo.err().contains("Did you mean: tlsconf check?"), typo.err());
        Run verbose = run(Main.commandLine(new String[] {"--verbose", "check"}), "--verbose", "check",
                "max-protection", "--registry-file", dir.resolve("none.reg").toString());
        assertEquals(2, verbose.code());
        assertTrue(verbose.err().startsWith("tlsconf: registry file not found"), verbose.err());
    }

    @Test
    void theSubcommandTableUsesEachCommandsOwnName() {
        CommandLine all = Main.commandLine();
        for (var e : Cli.COMMANDS.entrySet()) {
            // the name in the command's own model: its @Command, or the spec a DeclaredCommand builds
            CommandLine.Model.CommandSpec own = all.getSubcommands().get(e.getKey()).getCommandSpec();
            CommandLine.Command annotation = own.userObject().getClass().getAnnotation(CommandLine.Command.class);
            assertEquals(e.getKey(), annotation != null ? annotation.name()
                    : ((DeclaredCommand) own.userObject()).spec().name());
            assertEquals(e.getValue(), all.getSubcommands().get(e.getKey()).getCommandSpec().userObject().getClass());
        }
    }

    @Test
    void everySubcommandHasADescription() {
        check(Main.commandLine());
    }

    private static void check(CommandLine cl) {
        String[] description = cl.getCommandSpec().usageMessage().description();
        assertTrue(description.length > 0 && !description[0].isBlank(), cl.getCommandName() + " has no description");
        cl.getSubcommands().values().forEach(CliTest::check);
    }

    @Test
    void explainPrintsCausesAndNextStepsAndExitsTwoForUnknownText() {
        Run r = run("explain", "The", "underlying", "connection", "was", "closed");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("TLS error explained\nGenerated: "), r.out());
        assertTrue(r.out().contains("\n\nThe underlying connection was closed [UNDERLYING-CONNECTION-CLOSED]"), r.out());
        assertTrue(r.out().contains("tlsconf apply min-requirement"), r.out());
        Run alert = run("explain", "Schannel 36887 fatal alert code is 40", "--format", "json");
        assertTrue(alert.out().contains("\"alert\" : 40"), alert.out());
        Run unknown = run("explain", "all good here");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("no known TLS error"), unknown.err());
    }

    @Test
    void explainReadsPastedTextFromStandardInput() {
        java.io.InputStream stdin = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(("System.ComponentModel.Win32Exception (0x80004005): The "
                    + "client and server cannot communicate, because they do not possess a common algorithm\n   at "
                    + "System.Net.Security.SslState.InternalEndProcessAuthentication(LazyAsyncResult lazyResult)\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            Run r = run("explain", "-");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("[COMMON-ALGORITHM]"), r.out());
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void probeRejectsBadTargetsAndOptionsAsUsageErrors() {
        assertEquals(2, run("probe", "host:0").code());
        assertEquals(2, run("probe", "host", "--starttls", "ftp").code());
        assertEquals(2, run("probe", "host", "--timeout", "0").code());
        assertEquals(2, run("probe", "host", "--format", "xml").code());
    }
}
