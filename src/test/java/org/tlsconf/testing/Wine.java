package org.tlsconf.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away Wine prefix: an independent implementation of the Windows registry ({@code reg import/export})
 * and of Windows Installer ({@code msiexec}). See linux-test-tooling.md §2.
 */
public final class Wine implements AutoCloseable {
    private final Path prefix;

    private Wine(Path prefix) {
        this.prefix = prefix;
    }

    /** Creates a fresh prefix (about 12 s and 700 MB; deleted by {@link #close()}). */
    public static Wine start() throws IOException, InterruptedException {
        ExternalTool.require("wine", "wine wine64");
        Wine wine = new Wine(Files.createTempDirectory("tlsconf-wine"));
        Result r = wine.run(List.of("wineboot", "--init"), 180);
        if (r.code != 0) {
            wine.close();
            org.junit.jupiter.api.Assumptions.abort("Wine is installed but cannot start (wineboot exited " + r.code
                    + "): " + r.output);
        }
        wine.run(List.of("wineserver", "-w"), 60);
        wine.keepServerRunning();
        return wine;
    }

    /**
     * Starts a persistent wineserver so that later commands start warm (about 0.1 s instead of 1 s each,
     * linux-test-tooling.md §2c). {@link #close()} stops it.
     */
    private void keepServerRunning() throws IOException, InterruptedException {
        run(List.of("wineserver", "-p"), 30);
    }

    public Path prefix() {
        return prefix;
    }

    public record Result(int code, String output) {
    }

    /** The Windows folder {@code C:\...} of this prefix as a Linux path. */
    public Path driveC() {
        return prefix.resolve("drive_c");
    }

    /** Runs {@code wine ARGS...} in this prefix; output has CRs removed. */
    public Result wine(String... args) throws IOException, InterruptedException {
        return wine(Map.of(), args);
    }

    /**
     * Runs {@code wine ARGS...} with these environment variables set (an empty value removes one; Wine passes them
     * to the Windows process, and adds {@code WINEPATH} to its PATH).
     */
    public Result wine(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("wine");
        cmd.addAll(List.of(args));
        return run(cmd, env, 180);
    }

    /**
     * Runs a command with its output in a file, and waits for the command itself: Wine's service processes,
     * started by the first command, outlive it and would hold a pipe open forever.
     */
    private Result run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        return run(command, Map.of(), timeoutSeconds);
    }

    private Result run(List<String> command, Map<String, String> extraEnv, int timeoutSeconds)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("wine-output", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = pb.environment();
            env.put("WINEPREFIX", prefix.toString());
            env.put("WINEDEBUG", "-all");
            env.put("WINEDLLOVERRIDES", "mscoree,mshtml=");
            env.remove("DISPLAY");
            extraEnv.forEach((name, value) -> {
                if (value.isEmpty()) {
                    env.remove(name);
                } else {
                    env.put(name, value);
                }
            });
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("timed out: " + command);
            }
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8).replace("\r", ""));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** A Windows path for a file on the Linux side ({@code Z:\...}). */
    public static String windowsPath(Path file) {
        return "Z:" + file.toAbsolutePath().toString().replace('/', '\\');
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run(List.of("wineserver", "-k"), 30);
        try (Stream<Path> walk = Files.walk(prefix)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
