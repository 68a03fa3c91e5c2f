package org.tlsconf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsconf.backup.BackupStore;

/**
 * Real tlsconf processes at once on one {@code .reg} file. One run is held in the middle deterministically: its
 * backup file is a named pipe, which it reads only after taking the lock, and which the test fills only after the
 * other runs are done. Every other run on that file — with another backup folder, or through a symlink — must stop
 * before reading anything (exit 3), and run normally once the first one has finished.
 */
class ConcurrentRunsIT {
    private static final int REBOOT = 3010 & 0xFF;

    @TempDir
    Path dir;

    @Test
    void aRunHoldingTheFilesLockExcludesRunsWithOtherBackupFoldersAndThroughSymlinks() throws Exception {
        Path host = dir.resolve("host.reg");
        Files.copy(Path.of("examples/server-2016-fresh.reg"), host);
        byte[] original = Files.readAllBytes(host);
        Path link = dir.resolve("link.reg");
        Files.createSymbolicLink(link, host);
        assertEquals(REBOOT, JarIT.run("apply", "max-protection", "--registry-file", host.toString(),
                "--backup-dir", dir.resolve("b1").toString()).code());
        byte[] applied = Files.readAllBytes(host);
        Path backup = new BackupStore(dir.resolve("b1")).list().backups().get(0).file();

        Path pipe = dir.resolve("held-backup.json");
        Process mk = new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start();
        assertEquals(0, mk.waitFor());
        Process holder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", JarIT.JAR.toString(), "restore", pipe.toString(), "--registry-file",
                host.toString(), "--backup-dir", dir.resolve("b1").toString()))
                .redirectOutput(dir.resolve("holder.out").toFile()).redirectError(dir.resolve("holder.err").toFile())
                .start();
        // opening the pipe for writing returns once the holder opens it, i.e. once it holds the lock
        CompletableFuture<OutputStream> opened = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.newOutputStream(pipe);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        OutputStream toHolder;
        try {
            toHolder = opened.get(120, TimeUnit.SECONDS); // a guard against a hang, not a timing assertion
        } catch (java.util.concurrent.TimeoutException e) {
            holder.destroyForcibly();
            throw new AssertionError("the holding run never read its backup: "
                    + Files.readString(dir.resolve("holder.err")), e);
        }

        for (List<String> other : List.of(
                List.of("apply", "max-protection", "--registry-file", host.toString(), "--backup-dir",
                        dir.resolve("b2").toString()),
                List.of("apply", "min-requirement", "--registry-file", link.toString(), "--backup-dir",
                        dir.resolve("b3").toString()),
                List.of("restore", "--last", "--registry-file", host.toString(), "--backup-dir",
                        dir.resolve("b1").toString()))) {
            JarIT.Result r = JarIT.run(other.toArray(String[]::new));
            assertEquals(3, r.code(), other + ": " + r.out() + r.err());
            assertTrue(r.err().startsWith("tlsconf: another tlsconf run is changing the registry file ")
                    && r.err().contains("(it holds " + host.toRealPath() + ".tlsconf.lock)"), r.err());
            assertArrayEquals(applied, Files.readAllBytes(host), other + " changed the file");
        }

        try (OutputStream out = toHolder) {
            out.write(Files.readAllBytes(backup));
        }
        assertTrue(holder.waitFor(120, TimeUnit.SECONDS));
        assertEquals(REBOOT, holder.exitValue(), Files.readString(dir.resolve("holder.err"), StandardCharsets.UTF_8));
        assertArrayEquals(original, Files.readAllBytes(host), "the holder restored the original");
        assertEquals(REBOOT, JarIT.run("apply", "max-protection", "--registry-file", host.toString(),
                "--backup-dir", dir.resolve("b2").toString()).code(), "the lock is free again");
        assertArrayEquals(applied, Files.readAllBytes(host));
    }
}
