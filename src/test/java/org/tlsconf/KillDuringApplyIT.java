package org.tlsconf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsconf.bench.BenchFiles;

/**
 * Kills (SIGKILL) a real {@code tlsconf apply --registry-file} process at random moments: the file must always be
 * either the complete old or the complete new file, and {@code restore --last} must always give the original back.
 */
class KillDuringApplyIT {
    private static final int ROUNDS = 16;

    @TempDir
    Path dir;

    @Test
    void theFileIsAlwaysOldOrNewAndRestoreAlwaysGivesTheOriginal() throws Exception {
        Path original = dir.resolve("original.reg");
        makeLargeHost(original);
        byte[] old = Files.readAllBytes(original);

        // a reference run tells what the new file looks like and how long a run takes
        Path reference = dir.resolve("reference.reg");
        Files.copy(original, reference);
        long t0 = System.nanoTime();
        Process p = apply(reference, dir.resolve("ref-backups"));
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        long runMillis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(3010 & 0xFF, p.exitValue());
        String newHash = sha(Files.readAllBytes(reference));
        String oldHash = sha(old);

        Random random = new Random();
        List<String> seen = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            Path host = dir.resolve("host" + round + ".reg");
            Path backups = dir.resolve("backups" + round);
            Files.copy(original, host);
            Process run = apply(host, backups);
            long killAt = (long) (random.nextDouble() * runMillis * 1.1);
            if (!run.waitFor(killAt, TimeUnit.MILLISECONDS)) {
                run.destroyForcibly(); // SIGKILL on Linux
                run.waitFor(30, TimeUnit.SECONDS);
            }
            String hash = sha(Files.readAllBytes(host));
            String state = hash.equals(oldHash) ? "old" : hash.equals(newHash) ? "new" : null;
            if (state == null) {
                fail("round " + round + " (killed at " + killAt + " ms): the file is neither the old nor the new one");
            }
            seen.add(state + "@" + killAt + "ms");
            boolean hasBackup = Files.isDirectory(backups) && Files.list(backups)
                    .anyMatch(f -> f.getFileName().toString().endsWith(".json"));
            if (hasBackup) {
                org.tlsconf.backup.Backup backup = new org.tlsconf.backup.BackupStore(backups).list().backups().get(0);
                Process last = tlsconf("restore", "--last", "--registry-file", host.toString(), "--backup-dir",
                        backups.toString());
                assertTrue(last.waitFor(120, TimeUnit.SECONDS));
                String lastErr = new String(last.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                Process restore = last;
                String which = "--last";
                if (backup.status() == org.tlsconf.backup.Backup.Status.PENDING) {
                    // an interrupted run: --last stops and names the backup to restore instead
                    assertEquals(2, last.exitValue(), "round " + round + ": " + lastErr);
                    assertTrue(lastErr.contains("did not finish") && lastErr.contains(backup.file().toString()),
                            lastErr);
                    restore = tlsconf("restore", backup.file().toString(), "--registry-file", host.toString(),
                            "--backup-dir", backups.toString());
                    which = backup.file().toString();
                }
                assertTrue(restore.waitFor(120, TimeUnit.SECONDS));
                String err = restore == last ? lastErr
                        : new String(restore.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(restore.exitValue() == 0 || restore.exitValue() == (3010 & 0xFF),
                        "round " + round + ": restore " + which + " exited " + restore.exitValue() + ": " + err);
            } else {
                assertEquals("old", state, "round " + round + ": the file changed but no backup exists");
            }
            assertArrayEquals(old, Files.readAllBytes(host), "round " + round + ": restore did not give the original");
            Files.delete(host);
        }
        System.out.println("kill rounds (file state at kill time): " + seen + "; a full run takes " + runMillis
                + " ms");
    }

    private static void makeLargeHost(Path file) throws IOException {
        BenchFiles.large(file, 30L * 1024 * 1024); // bulk keys, then the example's TLS keys
    }

    private static Process apply(Path host, Path backups) throws IOException {
        return tlsconf("apply", "max-protection", "--registry-file", host.toString(), "--backup-dir",
                backups.toString());
    }

    private static Process tlsconf(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "target/tlsconf.jar"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static String sha(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
