package org.tlsconf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The help text and the usage errors of the commands declared with picocli's programmatic API (the root, check,
 * diff, status), from the packaged jar run as a separate process: they stay exactly what their annotated
 * declarations printed. The expected help is in src/test/resources/help/ (80 columns), written by the last
 * annotated build; a change to a command's help is made there too, on purpose.
 */
class HelpAndUsageIT {
    static final String EXAMPLE = CliOutputIT.EXAMPLE;

    private static void helpIs(String expected, String... command) throws Exception {
        assertEquals(Files.readString(Path.of("src/test/resources/help", expected)), CliOutputIT.help(80, command),
                String.join(" ", command) + " --help");
    }

    @Test
    void theHelpOfTheRootCheckDiffAndStatusIsUnchanged() throws Exception {
        helpIs("tlsconf.txt");
        helpIs("check.txt", "check");
        helpIs("diff.txt", "diff");
        helpIs("status.txt", "status");
    }

    @Test
    void theVersionIsTheBuildsAndHelpWithItStillListsEveryCommand() throws Exception {
        java.util.Properties build = new java.util.Properties();
        try (java.io.InputStream in = Files.newInputStream(Path.of("target/classes/org/tlsconf/version.properties"))) {
            build.load(in);
        }
        for (String option : new String[] {"--version", "-V"}) { // only the root is built for these
            JarIT.Result r = JarIT.run(option);
            assertEquals(0, r.code(), r.err());
            assertEquals("tlsconf " + build.getProperty("version") + "\n", r.out().replace("\r\n", "\n"));
        }
        // on a subcommand too (their help lists -V, --version): it printed nothing, exit 0, which a detection script
        // would read as "compliant"
        for (String[] args : List.of(new String[] {"check", "max-protection", "--registry-file", EXAMPLE, "-V"},
            new String[] {"status", "--version"}, new String[] {"profiles", "list", "-V"},
            new String[] {"backups", "--version"})) {
            JarIT.Result r = JarIT.run(args);
            assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
            assertEquals("tlsconf " + build.getProperty("version") + "\n", r.out().replace("\r\n", "\n"),
                    String.join(" ", args));
        }
        JarIT.Result both = JarIT.run("--version", "--help"); // help wins, as picocli decides, and lists commands
        assertEquals(0, both.code(), both.err());
        org.junit.jupiter.api.Assertions.assertTrue(both.out().contains("  check ") && both.out().contains("  fleet "),
                both.out());
    }

    /** One usage error: exit 2, nothing on stdout, and this first line on stderr. */
    private static void usageError(String firstLine, String... args) throws Exception {
        JarIT.Result r = JarIT.run(args);
        assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
        assertEquals("", r.out(), String.join(" ", args));
        assertEquals(firstLine, r.err().lines().findFirst().orElse(""), String.join(" ", args));
    }

    @Test
    void usageErrorsNameWhatIsWrongAsBefore() throws Exception {
        usageError("tlsconf: Missing required parameter: 'PROFILE' (see 'tlsconf check --help')", "check");
        usageError("tlsconf: Missing required parameter: 'PROFILE' (see 'tlsconf diff --help')", "diff");
        usageError("tlsconf: Invalid value for option '--format': expected one of [text, json, markdown, html] "
                + "(case-insensitive) but was 'md' (see 'tlsconf check --help')",
                "check", "max-protection", "--registry-file", EXAMPLE, "--format", "md");
        usageError("tlsconf: Invalid value for option '--os-build': 'abc' is not an int (see 'tlsconf check --help')",
                "check", "max-protection", "--registry-file", EXAMPLE, "--os-build", "abc");
        usageError("tlsconf: Unmatched argument at index 4: 'extra' (see 'tlsconf check --help')",
                "check", "max-protection", "--registry-file", EXAMPLE, "extra");
        usageError("tlsconf: Unknown option: '--bogus' (see 'tlsconf diff --help')",
                "diff", "max-protection", "--registry-file", EXAMPLE, "--bogus");
        usageError("tlsconf: option '--verbose' should be specified only once (see 'tlsconf check --help')",
                "check", "max-protection", "--verbose", "--registry-file", EXAMPLE, "--verbose");
        usageError("tlsconf: Missing required parameter for option '--registry-file' (FILE) (see 'tlsconf status "
                + "--help')", "status", "--registry-file");
        usageError("tlsconf: Invalid value for option '--fail-on': expected one of [high, medium, low, info] "
                + "(case-insensitive) but was 'severe' (see 'tlsconf status --help')",
                "status", "--registry-file", EXAMPLE, "--fail-on", "severe");
        usageError("tlsconf: Unmatched arguments from index 0: 'chek', 'max-protection' (see 'tlsconf --help')",
                "chek", "max-protection");
    }
}
