package org.tlsconf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar as users run it: {@code java -jar target/tlsconf.jar ...} in a separate process. */
class JarIT {
    static final Path JAR = Path.of("target/tlsconf.jar");

    @TempDir
    Path dir;

    /** The exit code, standard output and error as UTF-8 text, and standard output's bytes as written. */
    public record Result(int code, String out, String err, byte[] bytes) {
    }

    /** The state folder (backups) of every process a test starts, unless the test sets one itself. */
    private static final Path STATE_HOME = stateHome();

    private static Path stateHome() {
        try {
            Path p = Files.createTempDirectory("tlsconf-it-state");
            p.toFile().deleteOnExit();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Result run(String... args) throws IOException, InterruptedException {
        return runWithJvmOptions(List.of(), args);
    }

    /** As {@link #run}, with options for the child JVM (e.g. {@code -Xmx512m}). */
    public static Result runWithJvmOptions(List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        return exec(cmd, Map.of());
    }

    /** As {@link #run}, in another working folder (for arguments that are bare file names there). */
    public static Result runIn(Path workingDir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        return exec(cmd, Map.of(), workingDir);
    }

    /** As {@link #run} through {@code sh -c 'umask MASK; exec java -jar ...'}: files created get that umask. */
    public static Result runWithUmask(String umask, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", "umask " + umask + "; exec \"$0\" \"$@\"",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        return exec(cmd, Map.of());
    }

    /** Runs any command (a launcher, say) with extra environment variables; a null value removes a variable. */
    public static Result exec(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        return exec(command, env, null);
    }

    private static Result exec(List<String> command, Map<String, String> env, Path workingDir)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (workingDir != null) {
            pb.directory(workingDir.toFile());
        }
        if (!env.containsKey("XDG_STATE_HOME")) {
            // backups a test makes without --backup-dir go to a folder of the test run, never the user's own
            pb.environment().put("XDG_STATE_HOME", STATE_HOME.toString());
        }
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        Process p = pb.start();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
            try {
                return p.getErrorStream().readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        byte[] bytes = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Result(p.exitValue(), new String(bytes, StandardCharsets.UTF_8),
                new String(err.join(), StandardCharsets.UTF_8), bytes);
    }

    @Test
    void theReadmeMainCommandRunsOnTheBundledExample() throws Exception {
        Result r = run("diff", "max-protection", "--registry-file", "examples/server-2016-fresh.reg");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("27 changes"), r.out());
    }

    @Test
    void bundledProfilesAreListedFromInsideTheJar() throws Exception {
        Result r = run("profiles", "list");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("max-protection") && r.out().contains("min-requirement"), r.out());
    }

    @Test
    void badInputExitsTwoAsAProcess() throws Exception {
        Path bad = dir.resolve("bad.reg");
        Files.writeString(bad, "not a reg file\n");
        Result r = run("diff", "max-protection", "--registry-file", bad.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith(bad + ":1: not a .reg file"), r.err());
    }

    @Test
    void theJarCarriesJnaNativesForWindowsAndTheProfileCatalogue() throws IOException {
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            for (String entry : List.of("com/sun/jna/win32-x86-64/jnidispatch.dll",
                    "com/sun/jna/win32-aarch64/jnidispatch.dll", "com/sun/jna/platform/win32/Advapi32Util.class",
                    "profiles/max-protection.json", "profiles/min-requirement.json", "profiles/schema.json",
                    "picocli/CommandLine.class", "com/fasterxml/jackson/databind/ObjectMapper.class")) {
                assertNotNull(jar.getEntry(entry), entry + " missing from the jar");
            }
        }
    }
}
