package org.tlsconf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The POSIX launcher the build puts next to the jar ({@code target/tlsconf}), run as users run it: a copy of the
 * launcher and the jar in a folder of their own, with the class-data archive it writes on its first run.
 */
class LauncherIT {
    static final Path EXAMPLE = Path.of("examples/server-2016-fresh.reg").toAbsolutePath();
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;
    Path home;
    Path launcher;

    @BeforeEach
    void install() throws IOException {
        home = Files.createDirectories(dir.resolve("tlsconf"));
        launcher = home.resolve("tlsconf");
        Files.copy(Path.of("target/tlsconf"), launcher, StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(JarIT.JAR, home.resolve("tlsconf.jar"));
    }

    private JarIT.Result run(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
        cmd.addAll(List.of(args));
        Map<String, String> all = new HashMap<>();
        all.put("JAVA_HOME", System.getProperty("java.home"));
        all.put("TLSCONF_JAVA_OPTS", null);
        all.putAll(env);
        return JarIT.exec(cmd, all);
    }

    private JarIT.Result check(Map<String, String> env) throws Exception {
        return run(env, "check", "max-protection", "--registry-file", EXAMPLE.toString());
    }

    @Test
    void theBuildPutsAnExecutableLauncherAndItsArchiveNextToTheJar() {
        assertTrue(Files.isExecutable(Path.of("target/tlsconf")));
        assertTrue(Files.isRegularFile(Path.of("target/tlsconf.jsa")), "the build's training run makes the archive");
        assertTrue(Files.isRegularFile(Path.of("target/tlsconf.jsa.id")));
    }

    @Test
    void runsTheJarAndPassesOutputAndExitCodesThrough() throws Exception {
        JarIT.Result viaJar = JarIT.run("check", "max-protection", "--registry-file", EXAMPLE.toString());
        JarIT.Result r = check(Map.of());
        assertEquals(1, r.code(), r.err());
        assertEquals(untimed(viaJar.out()), untimed(r.out()));
        assertEquals("", r.err());
        JarIT.Result again = check(Map.of()); // now with the archive the first run wrote
        assertEquals(1, again.code(), again.err());
        assertEquals(untimed(viaJar.out()), untimed(again.out()));
        assertEquals("", again.err());

        JarIT.Result bad = run(Map.of(), "check", "max-protection", "--registry-file", dir.resolve("none.reg")
                .toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().startsWith("tlsconf: registry file not found"), bad.err());
        assertTrue(run(Map.of(), "--version").out().startsWith("tlsconf "));
    }

    /** A report without its "Generated: <time>" line, which differs between two runs a second apart. */
    private static String untimed(String report) {
        return report.replaceAll("(?m)^Generated: .*\\R", "");
    }

    @Test
    void theFirstRunWritesTheClassDataArchiveAndLaterRunsLoadClassesFromIt() throws Exception {
        Path jsa = home.resolve("tlsconf.jsa");
        assertFalse(Files.exists(jsa));
        check(Map.of());
        assertTrue(Files.size(jsa) > 100_000, "no archive written");
        try (var leftovers = Files.list(home)) {
            assertEquals(List.of("tlsconf", "tlsconf.jar", "tlsconf.jsa", "tlsconf.jsa.id"),
                    leftovers.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertLoadsClassesFromTheArchive();
    }

    @Test
    void onlyACheckOrADiffWritesTheArchiveAndEverySpellingOfTheFolderUsesTheSameOne() throws Exception {
        Path jsa = home.resolve("tlsconf.jsa");
        // a first "tlsconf --version" (or status, or a failed run) would make an archive of its own few classes,
        // and check would stay slow for good: none is written
        // and neither does a check that stops at a bad argument or only shows its help or the version
        String example = EXAMPLE.toAbsolutePath().toString();
        for (String[] args : List.of(new String[] {"--version"}, new String[] {"status", "--registry-file", example},
            new String[] {"profiles", "list"}, new String[] {"check", "--help"}, new String[] {"check",
                "max-protection", "--registry-file", example, "-V"}, new String[] {"check", "nosuch", "--registry-file",
                example}, new String[] {"diff", "max-protection", "--registry-file", "/nonexistent.reg"},
            new String[] {"check"})) {
            run(Map.of(), args);
            assertFalse(Files.exists(jsa), String.join(" ", args) + " wrote an archive");
            try (var files = Files.list(home)) {
                assertEquals(List.of("tlsconf", "tlsconf.jar"), files.map(p -> p.getFileName().toString()).sorted()
                        .toList(), String.join(" ", args) + " left files");
            }
        }
        JarIT.Result diff = run(Map.of(), "diff", "max-protection", "--registry-file", EXAMPLE.toAbsolutePath()
                .toString());
        assertEquals(0, diff.code(), diff.err());
        assertTrue(Files.size(jsa) > 100_000, "a diff writes the archive");
        FileTime written = Files.getLastModifiedTime(jsa);
        String id = Files.readString(home.resolve("tlsconf.jsa.id"));
        assertTrue(id.startsWith(home.toRealPath().resolve("tlsconf.jar") + "\n"), id);

        // the launcher started as ./tlsconf, through ../, through a symlinked folder, through a relative symlink to
        // it: the same physical folder, so the same archive, used and not written again
        Path link = Files.createSymbolicLink(dir.resolve("linked-home"), home);
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("tlsconf"), bin.relativize(home.resolve("tlsconf")));
        // and with an exported CDPATH that holds a folder of the same name (cd would go there, and say so)
        Path decoy = Files.createDirectories(dir.resolve("decoy").resolve(home.getFileName()));
        List<List<String>> spellings = List.of(List.of("sh", "-c", "cd '" + home + "' && exec ./tlsconf \"$@\"", "sh"),
                List.of(home.resolve("../" + home.getFileName() + "/./tlsconf").toString()),
                List.of(link.resolve("tlsconf").toString()), List.of(bin.resolve("tlsconf").toString()),
                List.of("sh", "-c", "cd '" + dir + "' && CDPATH='" + decoy.getParent() + "' && export CDPATH && exec "
                        + home.getFileName() + "/tlsconf \"$@\"", "sh"));
        for (List<String> launcher : spellings) {
            List<String> cmd = new java.util.ArrayList<>(launcher);
            cmd.addAll(List.of("check", "max-protection", "--registry-file", EXAMPLE.toAbsolutePath().toString()));
            Map<String, String> env = new HashMap<>();
            env.put("JAVA_HOME", System.getProperty("java.home"));
            env.put("TLSCONF_JAVA_OPTS", null);
            JarIT.Result r = JarIT.exec(cmd, env);
            assertEquals(1, r.code(), launcher + ": " + r.err());
            assertTrue(r.out().startsWith("Drift: "), launcher + ": " + r.out());
            assertEquals(written, Files.getLastModifiedTime(jsa), launcher + " wrote the archive again");
            assertEquals(id, Files.readString(home.resolve("tlsconf.jsa.id")), launcher.toString());
        }
    }

    @Test
    void aJavaFoundThroughARelativePathEntryIsRecordedAbsolute() throws Exception {
        // PATH=relative/bin: the next run from another folder finds the same java under another relative name
        Path javaBin = Path.of(System.getProperty("java.home"), "bin").toRealPath();
        String relative = Path.of("").toAbsolutePath().relativize(javaBin).toString();
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_HOME", null);
        env.put("TLSCONF_JAVA_OPTS", null);
        env.put("PATH", relative); // nothing else: the launcher's own mv and rm must still be found
        JarIT.Result r = JarIT.exec(List.of(launcher.toString(), "check", "max-protection", "--registry-file",
                EXAMPLE.toString()), env);
        assertEquals(1, r.code(), r.err());
        List<String> id = Files.readAllLines(home.resolve("tlsconf.jsa.id"));
        assertTrue(id.get(1).startsWith("/"), "java recorded relative: " + id);
        try (var files = Files.list(home)) {
            assertEquals(List.of("tlsconf", "tlsconf.jar", "tlsconf.jsa", "tlsconf.jsa.id"), files.map(p ->
                    p.getFileName().toString()).sorted().toList(), "temporary files left");
        }
    }

    @Test
    void aJarNewerThanItsArchiveGetsANewArchive() throws Exception {
        check(Map.of());
        Path jsa = home.resolve("tlsconf.jsa");
        Path jar = home.resolve("tlsconf.jar");
        Files.setLastModifiedTime(jsa, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() - 30_000));
        check(Map.of());
        assertTrue(Files.getLastModifiedTime(jsa).compareTo(Files.getLastModifiedTime(jar)) > 0,
                "the stale archive was not replaced");
    }

    @Test
    void anArchiveChangedAfterItsIdWasWrittenIsReplaced() throws Exception {
        check(Map.of());
        Path jsa = home.resolve("tlsconf.jsa");
        FileTime written = Files.getLastModifiedTime(home.resolve("tlsconf.jsa.id"));
        Files.setPosixFilePermissions(jsa, PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(jsa, "not a class-data archive");
        Files.setLastModifiedTime(jsa, FileTime.fromMillis(written.toMillis() + 60_000));
        JarIT.Result r = check(Map.of());
        assertEquals(1, r.code(), r.err());
        assertEquals("", r.err());
        assertTrue(Files.size(jsa) > 100_000, "the damaged archive was not replaced");
        assertLoadsClassesFromTheArchive();
    }

    @Test
    void aJavaWithoutItsOwnClassDataArchiveRunsWithoutOne() throws Exception {
        // a runtime made by jlink has no base archive (lib/server/classes.jsa): a JVM asked to write an archive on
        // top of none does not start at all ("Error occurred during initialization of VM", exit 1: "drift")
        Path runtime = dir.resolve("jlinked");
        Process jlink = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jlink").toString(),
                "--add-modules", "java.se,jdk.unsupported", "--output", runtime.toString()).redirectErrorStream(true)
                .start();
        String jlinkOutput = new String(jlink.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, jlink.waitFor(), jlinkOutput);
        assertFalse(Files.exists(runtime.resolve("lib/server/classes.jsa")));
        JarIT.Result viaJar = JarIT.run("check", "max-protection", "--registry-file", EXAMPLE.toString());
        for (int run = 0; run < 2; run++) {
            JarIT.Result r = check(Map.of("JAVA_HOME", runtime.toString()));
            assertEquals(1, r.code(), r.err() + r.out());
            assertEquals(untimed(viaJar.out()), untimed(r.out()));
            assertEquals("", r.err());
        }
        assertFalse(Files.exists(home.resolve("tlsconf.jsa")));

        JarIT.Result off = run(Map.of("TLSCONF_JAVA_OPTS", "-Xshare:off"), "--version");
        assertEquals(0, off.code(), off.err() + off.out());
        assertEquals("", off.err());
    }

    private void assertLoadsClassesFromTheArchive() throws Exception {
        Path log = dir.resolve("classes-" + System.nanoTime() + ".log");
        check(Map.of("TLSCONF_JAVA_OPTS", "-Xshare:on -Xlog:class+load:file=" + log));
        assertTrue(Files.readAllLines(log).stream().anyMatch(l -> l.contains(
                "org.tlsconf.cli.CheckCommand source: shared objects file")),
                "CheckCommand was not loaded from the archive");
    }

    /**
     * A java that logs its arguments to {@code calls} and runs the real one; its JAVA_HOME, with the real runtime's
     * {@code release} file unless the name says "no-release", and stand-ins for its class-data archives.
     */
    private Path loggingJava(String name, Path calls) throws IOException {
        Path bin = Files.createDirectories(dir.resolve(name + "/bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"$*\" >> '" + calls + "'\nexec '" + JAVA + "' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (!name.equals("no-release")) {
            Files.copy(Path.of(System.getProperty("java.home"), "release"), dir.resolve(name + "/release"));
        }
        // the launcher writes an archive only for a runtime with its own (the real java it runs has them)
        Path server = Files.createDirectories(dir.resolve(name + "/lib/server"));
        Files.createFile(server.resolve("classes.jsa"));
        Files.createFile(server.resolve("classes_nocoops.jsa"));
        return dir.resolve(name);
    }

    @Test
    void anArchiveMadeForAnotherFolderOrAnotherJavaIsReplacedNotSilentlyIgnored() throws Exception {
        check(Map.of());
        Path copy = dir.resolve("copy");
        Files.createDirectories(copy);
        for (String f : List.of("tlsconf", "tlsconf.jar", "tlsconf.jsa", "tlsconf.jsa.id")) {
            Files.copy(home.resolve(f), copy.resolve(f), StandardCopyOption.COPY_ATTRIBUTES);
        }
        Path calls = dir.resolve("calls.txt");
        Map<String, String> env = Map.of("JAVA_HOME", loggingJava("other-java", calls).toString());
        List<String> check = List.of(copy.resolve("tlsconf").toString(), "check", "max-protection", "--registry-file",
                EXAMPLE.toAbsolutePath().toString());
        JarIT.Result r = JarIT.exec(check, env);
        assertEquals(1, r.code(), r.err());
        JarIT.Result again = JarIT.exec(check, env);
        assertEquals(1, again.code(), again.err());
        List<String> lines = Files.readAllLines(calls);
        assertTrue(lines.get(0).contains("-XX:ArchiveClassesAtExit="), "a copied archive was trusted: " + lines);
        assertTrue(lines.get(1).contains("-XX:SharedArchiveFile=" + copy.toRealPath().resolve("tlsconf.jsa")),
                lines.toString());
        assertTrue(Files.readString(copy.resolve("tlsconf.jsa.id")).startsWith(copy.toRealPath().resolve(
                "tlsconf.jar") + "\n" + dir.resolve("other-java").toRealPath().resolve("bin/java") + "\n"));
    }

    @Test
    void startsExactlyOneJvmPerRunAndNeverAsksJavaForItsVersion() throws Exception {
        Path calls = dir.resolve("java-calls.txt");
        Map<String, String> env = Map.of("JAVA_HOME", loggingJava("fake", calls).toString());
        check(env); // the first run also writes the archive
        check(env);
        run(env, "--version");
        List<String> lines = Files.readAllLines(calls);
        assertEquals(3, lines.size(), String.join("\n", lines));
        assertTrue(lines.stream().noneMatch(l -> List.of(l.split(" ")).contains("-version")), lines.toString());
        assertTrue(lines.get(1).contains("-XX:SharedArchiveFile="), lines.get(1));
        assertTrue(lines.get(1).contains("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"), lines.get(1));
    }

    @Test
    void tlsconfJavaOptsReplaceTheDefaultJvmOptions() throws Exception {
        Path calls = dir.resolve("java-calls.txt");
        JarIT.Result r = check(Map.of("JAVA_HOME", loggingJava("fake", calls).toString(), "TLSCONF_JAVA_OPTS",
                "-Xmx300m -XX:+UseG1GC"));
        assertEquals(1, r.code(), r.err());
        String line = Files.readAllLines(calls).get(0);
        assertTrue(line.contains("-Xmx300m -XX:+UseG1GC"), line);
        assertFalse(line.contains("UseSerialGC"), line);
    }

    @Test
    void withoutJavaItExitsTwoWithWhatToInstall() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_HOME", null);
        env.put("PATH", empty.toString());
        List<String> cmd = List.of("/bin/sh", launcher.toString(), "--version");
        JarIT.Result r = JarIT.exec(cmd, env);
        assertEquals(6, r.code());
        assertTrue(r.err().startsWith("tlsconf: no Java runtime found. Install Java 17 or later"), r.err());
    }

    @Test
    void aJavaOlderThan17IsRefusedFromItsReleaseFileWithoutStartingIt() throws Exception {
        Path old = Files.createDirectories(dir.resolve("jdk11/bin"));
        Path marker = dir.resolve("started");
        Files.writeString(old.resolve("java"), "#!/bin/sh\ntouch '" + marker + "'\n");
        Files.setPosixFilePermissions(old.resolve("java"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dir.resolve("jdk11/release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"11.0.22\"\n");
        JarIT.Result r = check(Map.of("JAVA_HOME", dir.resolve("jdk11").toString()));
        assertEquals(6, r.code());
        assertTrue(r.err().contains("is Java 11.0.22; tlsconf needs Java 17 or later"), r.err());
        assertFalse(Files.exists(marker));
    }

    @Test
    void aJavaWithoutAReleaseFileIsAskedOnceForItsVersion() throws Exception {
        Path calls = dir.resolve("calls.txt");
        JarIT.Result r = check(Map.of("JAVA_HOME", loggingJava("no-release", calls).toString()));
        assertEquals(1, r.code(), r.err());
        List<String> lines = Files.readAllLines(calls);
        assertEquals("--version", lines.get(0));
        assertEquals(2, lines.size(), lines.toString());

        Path old = Files.createDirectories(dir.resolve("jdk8/bin"));
        Files.writeString(old.resolve("java"), "#!/bin/sh\necho 'Unrecognized option: --version' >&2\nexit 1\n");
        Files.setPosixFilePermissions(old.resolve("java"), PosixFilePermissions.fromString("rwxr-xr-x"));
        JarIT.Result tooOld = check(Map.of("JAVA_HOME", dir.resolve("jdk8").toString()));
        assertEquals(6, tooOld.code());
        assertTrue(tooOld.err().contains("is Java older than 9 (it does not know --version); tlsconf needs Java 17"),
                tooOld.err());
    }

    @Test
    void aSymbolicLinkToTheLauncherFindsTheJarNextToTheRealFile() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("tlsconf"), Path.of("../tlsconf/tlsconf"));
        JarIT.Result r = JarIT.exec(List.of(bin.resolve("tlsconf").toString(), "--version"),
                Map.of("JAVA_HOME", System.getProperty("java.home")));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("tlsconf "), r.out());
    }
}
