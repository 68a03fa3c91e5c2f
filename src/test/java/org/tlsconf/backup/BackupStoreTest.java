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
        assertEquals(newer.id(), store.latest().get().id());
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
}
