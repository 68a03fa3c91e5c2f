package org.tlsconf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsconf.backup.Backup;
import org.tlsconf.backup.BackupStore;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.tls.Protocol;
import org.tlsconf.tls.Role;
import org.tlsconf.tls.TlsRegistry;

/**
 * {@code restore} as a process: {@code --last} picks the newest backup of a completed run for this target and
 * never falls back silently; restores go through the lockout preflight; {@code backups list} says what each backup
 * is; a dry run refuses what the real run refuses.
 */
class RestoreSafetyIT {
    private static final int REBOOT = 3010 & 0xFF;

    @TempDir
    Path dir;

    private Path host(String name) throws Exception {
        Path host = dir.resolve(name);
        Files.copy(Path.of("examples/server-2016-fresh.reg"), host);
        return host;
    }

    private String backups() {
        return dir.resolve("backups").toString();
    }

    private JarIT.Result tlsconf(String... args) throws Exception {
        return JarIT.run(args);
    }

    @Test
    void restoreLastTwiceDoesNotRedoTheApplyItUndid() throws Exception {
        Path host = host("host.reg");
        byte[] original = Files.readAllBytes(host);
        assertEquals(REBOOT, tlsconf("apply", "max-protection", "--registry-file", host.toString(), "--backup-dir",
                backups()).code());
        assertEquals(REBOOT, tlsconf("restore", "--last", "--registry-file", host.toString(), "--backup-dir",
                backups()).code());
        JarIT.Result again = tlsconf("restore", "--last", "--registry-file", host.toString(), "--backup-dir",
                backups());
        assertEquals(0, again.code(), again.out() + again.err());
        assertTrue(again.out().contains("Passed over tlsconf-") && again.out().contains("(a restore:"), again.out());
        assertArrayEquals(original, Files.readAllBytes(host), "a second restore --last must not re-apply");
    }

    @Test
    void aFileReachedThroughASymbolicLinkIsOneTargetWithTheFileItself() throws Exception {
        Path real = host("real.reg");
        byte[] original = Files.readAllBytes(real);
        Path link = Files.createSymbolicLink(dir.resolve("link.reg"), real);
        assertEquals(REBOOT, tlsconf("apply", "max-protection", "--registry-file", link.toString(), "--backup-dir",
                backups()).code());
        JarIT.Result r = tlsconf("restore", "--last", "--registry-file", real.toString(), "--backup-dir", backups());
        assertEquals(REBOOT, r.code(), r.out() + r.err());
        assertArrayEquals(original, Files.readAllBytes(real));
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void restoreLastStopsAtADamagedNewestBackupInsteadOfRestoringAnOlderOne() throws Exception {
        Path host = host("host.reg");
        assertEquals(REBOOT, tlsconf("apply", "max-protection", "--registry-file", host.toString(), "--backup-dir",
                backups()).code());
        byte[] applied = Files.readAllBytes(host);
        // a second, newer run (a restore), whose backup is then damaged
        assertEquals(REBOOT, tlsconf("restore", "--last", "--registry-file", host.toString(), "--backup-dir",
                backups()).code());
        assertEquals(REBOOT, tlsconf("apply", "max-protection", "--registry-file", host.toString(), "--backup-dir",
                backups()).code());
        List<Backup> all = new BackupStore(dir.resolve("backups")).list().backups();
        Path newest = all.get(all.size() - 1).file();
        Files.writeString(newest, Files.readString(newest).replace("\"Enabled\"", "\"Enab1ed\""));
        assertArrayEquals(applied, Files.readAllBytes(host));

        JarIT.Result r = tlsconf("restore", "--last", "--registry-file", host.toString(), "--backup-dir", backups());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("tlsconf: a backup newer than any complete one is damaged: " + newest),
                r.err());
        assertTrue(r.err().contains("tlsconf restore BACKUP.json"), r.err());
        assertArrayEquals(applied, Files.readAllBytes(host), "nothing may be restored");
        JarIT.Result list = tlsconf("backups", "list", "--backup-dir", backups());
        assertTrue(list.out().contains("damaged"), list.out());
    }

    @Test
    void restoreLastPassesOverARolledBackRunAndUndoesTheLastCompletedOne() throws Exception {
        Path host = host("host.reg");
        byte[] original = Files.readAllBytes(host);
        assertEquals(REBOOT, tlsconf("apply", "max-protection", "--registry-file", host.toString(), "--backup-dir",
                backups()).code());
        // a later run that failed and was rolled back: its backup holds the state after the first run
        BackupStore store = new BackupStore(dir.resolve("backups"));
        Backup first = store.list().backups().get(0);
        List<Backup.Entry> after = new ArrayList<>();
        first.changes().forEach(c -> after.add(new Backup.Entry(c.key(), c.name(), c.after())));
        Instant later = first.createdAt().plusSeconds(60);
        store.write(new Backup(BackupStore.newId(later), later, first.host(), first.toolVersion(), "min-requirement",
                first.registry(), Backup.Status.ROLLED_BACK, List.of(), after, List.of(), List.of(), null));

        JarIT.Result r = tlsconf("restore", "--last", "--registry-file", host.toString(), "--backup-dir", backups());
        assertEquals(REBOOT, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("Passed over ") && r.out().contains("(rolled back: that run changed nothing)"),
                r.out());
        assertTrue(r.out().contains("Restoring backup " + first.file()), r.out());
        assertArrayEquals(original, Files.readAllBytes(host));
    }

    @Test
    void restoreLastTakesThisFilesBackupWhenAnotherFileSharesTheBackupFolder() throws Exception {
        Path a = host("a.reg");
        Path b = host("b.reg");
        byte[] original = Files.readAllBytes(a);
        assertEquals(REBOOT, tlsconf("apply", "max-protection", "--registry-file", a.toString(), "--backup-dir",
                backups()).code());
        assertEquals(REBOOT, tlsconf("apply", "max-protection", "--registry-file", b.toString(), "--backup-dir",
                backups()).code());
        JarIT.Result r = tlsconf("restore", "--last", "--registry-file", a.toString(), "--backup-dir", backups());
        assertEquals(REBOOT, r.code(), r.out() + r.err());
        assertArrayEquals(original, Files.readAllBytes(a));
        assertFalse(java.util.Arrays.equals(original, Files.readAllBytes(b)), "b.reg is left as it is");
    }

    @Test
    void backupsListShowsTargetStatusAndTimeToTheSecondAsTextAndJson() throws Exception {
        Path host = host("host.reg");
        tlsconf("apply", "max-protection", "--registry-file", host.toString(), "--backup-dir", backups());
        JarIT.Result text = tlsconf("backups", "list", "--backup-dir", backups());
        assertEquals(0, text.code(), text.err());
        String line = text.out().lines().filter(l -> l.contains("complete")).findFirst().orElseThrow();
        assertTrue(line.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ +complete +registry file "
                + java.util.regex.Pattern.quote(host.toAbsolutePath().toString()) + " +max-protection, 27 values"),
                line);
        JarIT.Result json = tlsconf("backups", "list", "--backup-dir", backups(), "--format", "json");
        assertEquals(0, json.code(), json.err());
        JsonNode b = new ObjectMapper().readTree(json.out()).get(0);
        assertEquals("complete", b.get("status").asText());
        assertEquals("registry file " + host.toAbsolutePath(), b.get("target").asText());
        assertTrue(b.get("time").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), json.out());
        assertEquals(27, b.get("values").asInt());
    }

    @Test
    void aRestoreThatWouldLeaveNoServerProtocolIsRefusedLikeAnApplyUnlessForced() throws Exception {
        Path host = host("host.reg");
        byte[] original = Files.readAllBytes(host);
        // a backup (intact, checksum and all) whose "before" state has every server protocol off
        List<Backup.Entry> lockout = new ArrayList<>();
        for (Protocol p : Protocol.values()) {
            lockout.add(new Backup.Entry(TlsRegistry.protocolKey(p, Role.SERVER), "Enabled",
                    Optional.of(RegistryValue.dword(0))));
        }
        Instant now = Instant.now();
        Backup crafted = new BackupStore(dir.resolve("backups")).write(new Backup(BackupStore.newId(now), now,
                BackupStore.hostName(), "test", "lockout", "registry file " + host.toAbsolutePath(),
                Backup.Status.COMPLETE, List.of(), lockout, List.of(), List.of(), null));

        JarIT.Result r = tlsconf("restore", crafted.file().toString(), "--registry-file", host.toString(),
                "--backup-dir", backups());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("refusing to restore: the result would be unsafe for this host")
                && r.err().contains("NO-SERVER-PROTOCOL") && r.err().contains("--force"), r.err());
        assertArrayEquals(original, Files.readAllBytes(host));

        JarIT.Result forced = tlsconf("restore", crafted.file().toString(), "--force", "--registry-file",
                host.toString(), "--backup-dir", backups());
        assertEquals(REBOOT, forced.code(), forced.out() + forced.err());
        assertTrue(forced.err().contains("warning (--force)"), forced.err());
    }

    @Test
    void aDryRunOnAHealthCheckerExportRefusesExactlyLikeTheRealRun() throws Exception {
        Path hc = dir.resolve("hc.xml");
        Files.copy(Path.of("src/test/resources/corpus/14_css-exchange-healthchecker-GetAllTlsSettings1.clixml.xml"),
                hc);
        JarIT.Result real = tlsconf("apply", "max-protection", "--registry-file", hc.toString(), "--backup-dir",
                backups());
        JarIT.Result dry = tlsconf("apply", "max-protection", "--dry-run", "--registry-file", hc.toString(),
                "--backup-dir", backups());
        assertEquals(2, real.code(), real.err());
        assertEquals(real.code(), dry.code(), dry.out());
        assertEquals(real.err(), dry.err());
        assertTrue(dry.err().startsWith("tlsconf: " + hc + " is a HealthChecker export"), dry.err());
        assertFalse(dry.out().contains("would back up"), dry.out());
    }
}
