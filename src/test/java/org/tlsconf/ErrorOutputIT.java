package org.tlsconf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command, given each kind of bad input, as a real process ({@code java -jar target/tlsconf.jar}): the
 * expected exit code, a first line on stderr that names the problem, and no stack trace. In-process tests inject
 * their own writers and cannot see output that never reaches the terminal (a subcommand's unflushed writer did
 * exactly that to {@code profiles validate}).
 */
class ErrorOutputIT {

    @TempDir
    static Path dir;

    private static final String SCHANNEL = "HKLM\\\\SYSTEM\\\\CurrentControlSet\\\\Control\\\\SecurityProviders"
            + "\\\\SCHANNEL\\\\Protocols\\\\TLS 1.0\\\\Server";

    @BeforeAll
    static void files() throws IOException {
        write("syntax.json", "{\n \"name\": \"x\"\n \"keys\": []\n}\n");
        write("typo.json", "{\"name\": \"t\", \"keys\": [{\"path\": \"" + SCHANNEL + "\", \"vaules\": {}}]}\n");
        write("badtype.json", "{\"name\": \"t\", \"keys\": [{\"path\": \"" + SCHANNEL
                + "\", \"values\": {\"Enabled\": {\"type\": \"REG_DWROD\", \"data\": 0}}}]}\n");
        write("outside.json", "{\"name\": \"t\", \"keys\": [{\"path\": \"HKLM\\\\SOFTWARE\\\\Evil\", "
                + "\"values\": {\"Enabled\": {\"type\": \"REG_DWORD\", \"data\": 0}}}]}\n");
        write("empty.json", "");
        write("bad.reg", "not a reg file\n");
        // under a TLS key: the read-only commands read only those values (a bad value elsewhere is skipped unread)
        write("badvalue.reg", "Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SYSTEM"
                + "\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL]\r\n\"x\"=dword:０００１\r\n");
        Files.copy(Path.of("examples/server-2016-fresh.reg"), dir.resolve("good.reg"));
    }

    private static void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** Every command that takes --os-build, with what else it needs (see the test that keeps this list whole). */
    static final List<String> OS_BUILD_COMMANDS = List.of("status --registry-file good.reg",
            "diff max-protection --registry-file good.reg", "check max-protection --registry-file good.reg",
            "apply max-protection --registry-file good.reg", "restore --last --registry-file good.reg",
            "probe 127.0.0.1:1",
            "export best-practices --format reg", "fleet --profile best-practices good.reg",
            "profiles show best-practices", "profiles capture --registry-file good.reg");

    @Test
    void everyCommandThatTakesOsBuildIsInTheListAbove() {
        List<String> taking = new ArrayList<>();
        commandsWithOsBuild(Main.commandLine(), taking);
        List<String> listed = new ArrayList<>();
        for (String c : OS_BUILD_COMMANDS) {
            String[] words = c.split(" ");
            listed.add(words[0].equals("profiles") ? words[0] + " " + words[1] : words[0]);
        }
        assertEquals(taking.stream().sorted().toList(), listed.stream().sorted().toList());
    }

    private static void commandsWithOsBuild(picocli.CommandLine cl, List<String> out) {
        for (picocli.CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getCommandSpec().findOption("--os-build") != null) {
                out.add(sub.getCommandSpec().qualifiedName().substring("tlsconf ".length()));
            }
            commandsWithOsBuild(sub, out);
        }
    }

    static Stream<Arguments> badInput() {
        List<Arguments> cases = new ArrayList<>();
        for (String profile : List.of("syntax.json", "typo.json", "badtype.json", "outside.json", "empty.json",
                "missing.json")) {
            cases.add(Arguments.of("profiles validate " + profile, 2, profile));
            cases.add(Arguments.of("profiles show " + profile, 2, profile));
            for (String command : List.of("diff", "check", "apply")) {
                cases.add(Arguments.of(command + " " + profile + " --registry-file good.reg", 2, profile));
            }
        }
        cases.add(Arguments.of("profiles show no-such-profile", 2, "no-such-profile"));
        for (String reg : List.of("bad.reg", "badvalue.reg", "missing.reg")) {
            cases.add(Arguments.of("status --registry-file " + reg, 2, reg));
            for (String command : List.of("diff", "check", "apply")) {
                cases.add(Arguments.of(command + " max-protection --registry-file " + reg, 2, reg));
            }
            // restore locks its target before it reads the backup, so a missing target may be named first
            cases.add(Arguments.of("restore syntax.json --registry-file " + reg, 2,
                    reg.equals("missing.reg") ? "syntax.json|missing.reg" : "syntax.json"));
        }
        cases.add(Arguments.of("restore missing.json --registry-file good.reg", 2, "missing.json"));
        for (String command : List.of("diff", "check")) { // the registry is read alongside: its problem comes second
            cases.add(Arguments.of(command + " syntax.json --registry-file bad.reg", 2, "syntax.json"));
            cases.add(Arguments.of(command + " missing.json --registry-file missing.reg", 2, "missing.json"));
        }
        for (String command : OS_BUILD_COMMANDS) { // a year given as the build: refused by each command that takes one
            cases.add(Arguments.of(command + " --os-build 2016", 2, "it looks like a year"));
        }
        cases.add(Arguments.of("explain no-such-error", 2, "no known TLS error"));
        cases.add(Arguments.of("check max-protection --registry-file /dev/null", 2, "is not a regular file"));
        cases.add(Arguments.of("check max-protection --registry-file=", 2, "--registry-file is empty"));
        cases.add(Arguments.of("fleet /dev/null", 2, "is not a regular file or a folder"));
        cases.add(Arguments.of("restore " + dir + " --registry-file good.reg", 2, "is a folder, not a backup"));
        // no registry here (Linux) and no file: said before any backup is looked for (was "no backup ... for the
        // live registry")
        cases.add(Arguments.of("restore --last", 2, "there is no Windows registry on this host"));
        cases.add(Arguments.of("restore --last --dry-run", 2, "there is no Windows registry on this host"));
        cases.add(Arguments.of("probe localhost:99999", 2, "port"));
        cases.add(Arguments.of("reboot", 2, "--cancel"));
        cases.add(Arguments.of("apply max-protection --reboot=0 --registry-file good.reg", 2, "cannot be cancelled"));
        cases.add(Arguments.of("status --format xml --registry-file good.reg", 2, "--format"));
        cases.add(Arguments.of("diff --no-such-option max-protection", 2, "--no-such-option"));
        cases.add(Arguments.of("no-such-command", 2, "no-such-command"));
        return cases.stream();
    }

    @ParameterizedTest(name = "tlsconf {0} -> exit {1}")
    @MethodSource("badInput")
    void badInputGivesItsExitCodeAndAOneLineReasonOnStderr(String args, int code, String named) throws Exception {
        List<String> argv = new ArrayList<>();
        for (String a : args.split(" ")) {
            argv.add(a.endsWith(".json") || a.endsWith(".reg") ? dir.resolve(a).toString() : a);
        }
        JarIT.Result r = JarIT.run(argv.toArray(String[]::new));
        String first = r.err().lines().findFirst().orElse("");
        assertEquals(code, r.code(), "exit code; stderr: " + r.err());
        assertFalse(first.isBlank(), "stderr is empty; stdout: " + r.out());
        assertTrue(java.util.Arrays.stream(named.split("\\|")).anyMatch(first::contains),
                "the first line names '" + named + "': " + first);
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), "no stack trace: " + r.err());
    }

    @Test
    void aProfileThatNeedsTheBuildSaysWhereTheBuildCanComeFromForThatCommand() throws Exception {
        // export has no registry: only --os-build can give the build
        JarIT.Result export = JarIT.run("export", "best-practices", "--format", "reg");
        assertEquals(2, export.code(), export.err());
        assertTrue(export.err().contains("pass --os-build N"), export.err());
        assertFalse(export.err().contains("registry file") || export.err().contains("CurrentVersion"), export.err());
        // a registry file without the version key: said of that file
        Path noVersion = dir.resolve("no-version.reg");
        Files.writeString(noVersion, "Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SYSTEM"
                + "\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL]\r\n", StandardCharsets.UTF_8);
        JarIT.Result check = JarIT.run("check", "best-practices", "--registry-file", noVersion.toString());
        assertEquals(2, check.code(), check.err());
        assertTrue(check.err().contains(noVersion + " does not name its build") && check.err().contains("--os-build"),
                check.err());
    }

    @Test
    void outOfMemoryIsAOneLineRuntimeFailureNotDrift() throws Exception {
        // a 50 MB single-line hex value: it reads in a 512 MB heap now (issue 15), but not in 64 MB
        Path big = dir.resolve("big.reg");
        StringBuilder sb = new StringBuilder("Windows Registry Editor Version 5.00\r\n\r\n"
                + "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL]\r\n"
                + "\"Big\"=hex:ab");
        sb.append(",ab".repeat(17 * 1024 * 1024)).append("\r\n");
        Files.writeString(big, sb, StandardCharsets.US_ASCII);
        sb = null;
        JarIT.Result r = JarIT.runWithJvmOptions(List.of("-Xmx64m"), "check", "max-protection",
                "--registry-file", big.toString());
        assertEquals(3, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("tlsconf: out of memory"), r.err());

        JarIT.Result verbose = JarIT.runWithJvmOptions(List.of("-Xmx64m"), "check", "max-protection",
                "--registry-file", big.toString(), "--verbose");
        assertEquals(3, verbose.code(), verbose.err());
        assertTrue(verbose.err().contains("java.lang.OutOfMemoryError"), verbose.err());
        Files.delete(big);
    }
}
