package org.tlsconf.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.registry.ValueType;

class BackupStoreTest {
    @TempDir
    Path dir;

    static final RegistryPath KEY = RegistryPath.parse(
            "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.0\\Server");

    static Backup sample(Instant at) {
        List<Backup.Entry> entries = List.of(
                new Backup.Entry(KEY, "Enabled", Optional.of(RegistryValue.dword(0xFFFFFFFFL))),
                new Backup.Entry(KEY, "Absent", Optional.empty()),
                new Backup.Entry(KEY, "Q", Optional.of(RegistryValue.qword(-1L))),
                new Backup.Entry(KEY, "S", Optional.of(RegistryValue.sz("a \"b\" \\ c"))),
                new Backup.Entry(KEY, "E", Optional.of(RegistryValue.expandSz("%x%"))),
                new Backup.Entry(KEY, "M", Optional.of(RegistryValue.multiSz(List.of("x", "y")))),
                new Backup.Entry(KEY, "B", Optional.of(RegistryValue.binary(new byte[] {0, -1}))),
                new Backup.Entry(KEY, "Odd", Optional.of(new RegistryValue.Binary(ValueType.REG_DWORD,
                        new byte[] {1, 2, 3}))),
                new Backup.Entry(KEY, "Private", Optional.of(new RegistryValue.Binary(ValueType.of(0xffff0012),
                        new byte[] {9, 8}))),
                new Backup.Entry(KEY, "", Optional.of(RegistryValue.sz("default"))));
        return new Backup(BackupStore.newId(at), at, "host1", "0.1.0", "max-protection", "registry file /x.reg",
                Backup.Status.PENDING, List.of(new Backup.Change("modify", KEY, "Enabled",
                        Optional.of(RegistryValue.dword(0xFFFFFFFFL)), Optional.of(RegistryValue.dword(0)))),
                entries, List.of(KEY.child("New")), List.of(), null);
    }

    @Test
    void aBackupReadsBackWithEveryValueTypeAndAbsenceIntact() {
        BackupStore store = new BackupStore(dir.resolve("b"));
        Backup written = store.write(sample(Instant.parse("2026-11-24T10:00:00Z")));
        Backup loaded = BackupStore.load(written.file());
        assertEquals(written, loaded);
        assertTrue(Files.exists(written.regFile()));
        assertEquals(Backup.Status.PENDING, loaded.status());
        store.update(loaded.withStatus(Backup.Status.COMPLETE));
        assertEquals(Backup.Status.COMPLETE, BackupStore.load(written.file()).status());
    }

    @Test
    void aTamperedBackupIsRefused() throws IOException {
        Backup b = new BackupStore(dir).write(sample(Instant.now()));
        String json = Files.readString(b.file());
        Files.writeString(b.file(), json.replace("\"data\" : 4294967295", "\"data\" : 1"));
        BackupException e = assertThrows(BackupException.class, () -> BackupStore.load(b.file()));
        assertTrue(e.isBadInput());
        assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
    }

    @Test
    void aTruncatedOrForeignFileIsRefused() throws IOException {
        Backup b = new BackupStore(dir).write(sample(Instant.now()));
        byte[] bytes = Files.readAllBytes(b.file());
        Files.write(b.file(), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertTrue(assertThrows(BackupException.class, () -> BackupStore.load(b.file())).getMessage()
                .contains("truncated"));
        Path foreign = dir.resolve("x.json");
        Files.writeString(foreign, "{\"hello\": 1}");
        assertTrue(assertThrows(BackupException.class, () -> BackupStore.load(foreign)).getMessage()
                .contains("not a tlsconf backup"));
    }

    @Test
    void listingIsOldestFirstAndReportsUnreadableFiles() throws IOException {
        BackupStore store = new BackupStore(dir);
        Backup newer = store.write(sample(Instant.parse("2026-11-24T11:00:00Z")));
        Backup older = store.write(sample(Instant.parse("2026-11-24T10:00:00Z")));
        Files.writeString(dir.resolve("tlsconf-backup-broken.json"), "{");
        BackupStore.Listing listing = store.list();
        assertEquals(List.of(older.id(), newer.id()), listing.backups().stream().map(Backup::id).toList());
        assertEquals(1, listing.unreadable().size());
        assertEquals(2, store.interrupted().size());
    }

    @Test
    void aBackupThatCannotBeWrittenLeavesNothingBehind() throws IOException {
        Path blocked = dir.resolve("file-not-folder");
        Files.writeString(blocked, "x");
        BackupException e = assertThrows(BackupException.class,
                () -> new BackupStore(blocked).write(sample(Instant.now())));
        assertTrue(e.getMessage().startsWith("cannot write the backup to"), e.getMessage());
    }

    @Test
    void theRegUndoFileDeletesNoKeyAndNamesTheKeysTheRunCreatedInAComment() {
        String text = new String(BackupStore.regFile(sample(Instant.parse("2026-11-24T10:00:00Z"))),
                java.nio.charset.StandardCharsets.UTF_16LE);
        assertTrue(text.contains("\"Absent\"=-\r\n"), text);
        assertTrue(text.contains("\"Enabled\"=dword:ffffffff\r\n"), text);
        assertFalse(text.contains("[-"), text);
        assertTrue(text.contains("\r\n;   HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL"
                + "\\Protocols\\TLS 1.0\\Server\\New\r\n"), text);
    }

    private static final String FILE_A = "registry file /a.reg";
    private static final String FILE_B = "registry file /b.reg";

    private static Backup of(String target, String host, Backup.Status status, String at) {
        Backup b = sample(Instant.parse(at));
        return new Backup(b.id(), b.createdAt(), host, b.toolVersion(), b.profile(), target, status, b.changes(),
                b.entries(), b.keysCreated(), b.keysRemoved(), null);
    }

    @Test
    void restoreLastTakesTheNewestCompletedRunOfThisTargetAndPassesOverRolledBackRuns() {
        BackupStore store = new BackupStore(dir);
        Backup a1 = store.write(of(FILE_A, "h", Backup.Status.COMPLETE, "2026-11-24T10:00:00Z"));
        store.write(of(FILE_B, "h", Backup.Status.COMPLETE, "2026-11-24T11:00:00Z")); // another file: ignored
        Backup a2 = store.write(of(FILE_A, "h", Backup.Status.ROLLED_BACK, "2026-11-24T12:00:00Z"));
        BackupStore.Selection s = store.lastCompleted(FILE_A, "h");
        assertEquals(a1.id(), s.backup().id());
        assertEquals(List.of(a2.id()), s.passedOver().stream().map(Backup::id).toList());
        assertEquals(FILE_B, store.lastCompleted(FILE_B, "h").backup().registry());
    }

    @Test
    void restoreLastStopsAtADamagedNewerBackupNamingItAndTheChoices() throws IOException {
        BackupStore store = new BackupStore(dir);
        store.write(of(FILE_A, "h", Backup.Status.COMPLETE, "2026-11-24T10:00:00Z"));
        Backup newer = store.write(of(FILE_A, "h", Backup.Status.COMPLETE, "2026-11-24T11:00:00Z"));
        Files.writeString(newer.file(), Files.readString(newer.file()).replace("max-protection", "max-protectiom"));
        BackupException e = assertThrows(BackupException.class, () -> store.lastCompleted(FILE_A, "h"));
        assertTrue(e.isBadInput());
        assertTrue(e.getMessage().contains(newer.file().toString()) && e.getMessage().contains("checksum mismatch")
                && e.getMessage().contains("tlsconf restore BACKUP.json"), e.getMessage());
    }

    @Test
    void restoreLastStopsAtAnUnfinishedNewestRunOfThisTarget() {
        BackupStore store = new BackupStore(dir);
        store.write(of(FILE_A, "h", Backup.Status.COMPLETE, "2026-11-24T10:00:00Z"));
        for (Backup.Status unfinished : List.of(Backup.Status.PENDING, Backup.Status.ROLLBACK_FAILED)) {
            Backup newest = store.write(of(FILE_A, "h", unfinished, "2026-11-24T11:00:00Z"));
            BackupException e = assertThrows(BackupException.class, () -> store.lastCompleted(FILE_A, "h"));
            assertTrue(e.getMessage().contains("did not finish") && e.getMessage().contains("tlsconf restore \""
                    + newest.file() + "\""), e.getMessage());
            store.update(newest.withStatus(Backup.Status.ROLLED_BACK));
        }
        assertEquals(Instant.parse("2026-11-24T10:00:00Z"), store.lastCompleted(FILE_A, "h").backup().createdAt());
    }

    @Test
    void theLiveRegistryOfAnotherHostIsAnotherTarget() {
        BackupStore store = new BackupStore(dir);
        store.write(of("live registry", "WEB01", Backup.Status.COMPLETE, "2026-11-24T10:00:00Z"));
        BackupException e = assertThrows(BackupException.class, () -> store.lastCompleted("live registry", "WEB02"));
        assertTrue(e.getMessage().contains("no backup of a completed run for the live registry")
                && e.getMessage().contains("live registry of WEB01"), e.getMessage());
        assertEquals("WEB01", store.lastCompleted("live registry", "web01").backup().host());
    }
}
