package org.tlsconf.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsconf.backup.Backup;
import org.tlsconf.backup.BackupStore;
import org.tlsconf.profile.ProfileCatalogue;
import org.tlsconf.reboot.RebootScheduler;
import org.tlsconf.registry.InMemoryRegistry;
import org.tlsconf.registry.Registry;
import org.tlsconf.registry.regfile.RegFileReader;
import org.tlsconf.testing.FaultInjectingRegistry;
import picocli.CommandLine;

/** apply, restore and backups end to end, one test per exit code. */
class ApplyCliTest {
    @TempDir
    Path dir;

    private Path host() throws IOException {
        Path host = dir.resolve("host.reg");
        if (!Files.exists(host)) {
            Files.copy(Path.of(CliTest.EXAMPLE), host);
        }
        return host;
    }

    private String backups() {
        return dir.resolve("backups").toString();
    }

    private static CliTest.Run run(CommandLine cl, String... args) {
        return CliTest.run(cl, args);
    }

    private static CliTest.Run run(String... args) {
        return CliTest.run(args);
    }

    /** A command line whose live registry is the given one (as on Windows), with a mocked reboot scheduler. */
    private CommandLine live(Registry registry, RebootScheduler reboots) {
        RegistryProvider provider = new LiveRegistryProvider(registry, org.tlsconf.backup.FolderSecurity.UNMANAGED);
        return Cli.create(new Context(provider, new ProfileCatalogue(), reboots, Clock.systemUTC(),
                dir.resolve("backups")));
    }

    private static InMemoryRegistry exampleHost() throws IOException {
        return RegFileReader.parse(Files.readAllBytes(Path.of(CliTest.EXAMPLE)), "example").replay("live registry");
    }

    @Test
    void applyWritesBacksUpAndExits3010BecauseSchannelNeedsAReboot() throws IOException {
        CliTest.Run r = run("apply", "max-protection", "--registry-file", host().toString(), "--backup-dir", backups());
        assertEquals(3010, r.code(), r.err());
        assertTrue(r.out().contains("Applied 27 changes; every value was read back as written."), r.out());
        assertTrue(r.out().contains("Reboot required: SCHANNEL protocol settings"), r.out());
        assertEquals(1, new BackupStore(dir.resolve("backups")).list().backups().size());
        CliTest.Run again = run("apply", "max-protection", "--registry-file", host().toString(), "--backup-dir", backups());
        assertEquals(0, again.code());
        assertTrue(again.out().contains("Nothing to do"), again.out());
        assertEquals(0, run("diff", "max-protection", "--registry-file", host().toString()).out()
                .indexOf("Profile"));
    }

    @Test
    void dotNetOnlyChangesExitZeroWithAServiceRestartNote() throws IOException {
        Path profile = dir.resolve("net.json");
        Files.writeString(profile, "{\"name\": \"net\", \"keys\": ["
                + "{\"path\": \"HKLM\\\\SOFTWARE\\\\Microsoft\\\\.NETFramework\\\\v4.0.30319\", \"values\": "
                + "{\"SchUseStrongCrypto\": {\"type\": \"REG_DWORD\", \"data\": 1}}},"
                + "{\"path\": \"HKLM\\\\SOFTWARE\\\\Wow6432Node\\\\Microsoft\\\\.NETFramework\\\\v4.0.30319\", \"values\": "
                + "{\"SchUseStrongCrypto\": {\"type\": \"REG_DWORD\", \"data\": 1}}}]}");
        CliTest.Run r = run("apply", profile.toString(), "--registry-file", host().toString(), "--backup-dir", backups());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Note: .NET Framework settings apply to processes started from now on"), r.out());
    }

    @Test
    void aDryRunWritesNothingAndExitsZero() throws IOException {
        byte[] before = Files.readAllBytes(host());
        CliTest.Run r = run("apply", "max-protection", "--dry-run", "--registry-file", host().toString(), "--backup-dir",
                backups());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Dry run: nothing was written. A real run would back up 27 values"), r.out());
        assertArrayEquals(before, Files.readAllBytes(host()));
        assertFalse(Files.exists(dir.resolve("backups")));
    }

    @Test
    void restoreLastPutsTheFileBackByteForByteAndIsItselfReversible() throws IOException {
        byte[] original = Files.readAllBytes(host());
        assertEquals(3010, run("apply", "max-protection", "--registry-file", host().toString(), "--backup-dir",
                backups()).code());
        CliTest.Run dry = run("restore", "--last", "--dry-run", "--registry-file", host().toString(), "--backup-dir",
                backups());
        assertEquals(0, dry.code(), dry.err());
        assertTrue(dry.out().contains("27 changes: 0 to add, 0 to modify, 27 to delete"), dry.out());
        assertTrue(dry.out().contains("Dry run: nothing was written"), dry.out());
        CliTest.Run restore = run("restore", "--last", "--registry-file", host().toString(), "--backup-dir", backups());
        assertEquals(3010, restore.code(), restore.err());
        assertArrayEquals(original, Files.readAllBytes(host()));
        CliTest.Run list = run("backups", "list", "--backup-dir", backups());
        assertTrue(list.out().contains("max-protection") && list.out().contains("restore-"), list.out());
        // --last does not redo what it undid; the restore's own backup, named, undoes the restore
        assertEquals(0, run("restore", "--last", "--registry-file", host().toString(), "--backup-dir",
                backups()).code());
        assertArrayEquals(original, Files.readAllBytes(host()));
        Path restoreBackup = new BackupStore(dir.resolve("backups")).list().backups().stream()
                .filter(Backup::isOfRestore).findFirst().orElseThrow().file();
        assertEquals(3010, run("restore", restoreBackup.toString(), "--registry-file", host().toString(),
                "--backup-dir", backups()).code());
        assertEquals("", run("diff", "max-protection", "--registry-file", host().toString(), "--format", "json")
                .out().replaceAll("(?s).*\"changes\" : \\[ \\].*", ""));
    }

    @Test
    void aTamperedOrMissingBackupExitsTwo() throws IOException {
        run("apply", "max-protection", "--registry-file", host().toString(), "--backup-dir", backups());
        Path backup = new BackupStore(dir.resolve("backups")).list().backups().get(0).file();
        Files.writeString(backup, Files.readString(backup).replace("\"add\"", "\"delete\""));
        CliTest.Run r = run("restore", backup.toString(), "--registry-file", host().toString(), "--backup-dir", backups());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("checksum mismatch"), r.err());
        assertEquals(2, run("restore", "--last", "--backup-dir", dir.resolve("empty").toString(),
                "--registry-file", host().toString()).code());
        assertEquals(2, run("restore", "--registry-file", host().toString()).code()); // neither file nor --last
    }

    @Test
    void aBackupOfAnotherRegistryIsRefusedWithoutForce() throws IOException {
        run("apply", "max-protection", "--registry-file", host().toString(), "--backup-dir", backups());
        Path other = dir.resolve("other.reg");
        Files.copy(Path.of(CliTest.EXAMPLE), other);
        CliTest.Run r = run("restore", "--last", "--registry-file", other.toString(), "--backup-dir", backups());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no backup of a completed run for the registry file " + other.toAbsolutePath())
                && r.err().contains("the folder holds backups of: registry file " + host().toAbsolutePath()), r.err());
        Path backup = new BackupStore(dir.resolve("backups")).list().backups().get(0).file();
        CliTest.Run named = run("restore", backup.toString(), "--registry-file", other.toString(), "--backup-dir",
                backups());
        assertEquals(2, named.code());
        assertTrue(named.err().contains("pass --force"), named.err());
        assertEquals(0, run("restore", backup.toString(), "--force", "--dry-run", "--registry-file",
                other.toString(), "--backup-dir", backups()).code());
    }

    @Test
    void rebootWithARegistryFileIsRejectedBeforeAnythingIsWritten() throws IOException {
        byte[] before = Files.readAllBytes(host());
        CliTest.Run r = run("apply", "max-protection", "--reboot", "--registry-file", host().toString(), "--backup-dir",
                backups());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--reboot cannot be used with --registry-file"), r.err());
        assertArrayEquals(before, Files.readAllBytes(host()));
    }

    @Test
    void notBeingAllowedToWriteExitsFiveBeforeAnythingIsWritten() throws IOException {
        InMemoryRegistry reg = exampleHost();
        FaultInjectingRegistry counter = new FaultInjectingRegistry(reg);
        RegistryProvider denying = new RegistryProvider() {
            @Override
            public Registry open(Path registryFile) {
                return counter;
            }

            @Override
            public boolean hasLiveRegistry() {
                return true;
            }

            @Override
            public void requireWriteAccess(Path registryFile) {
                throw new CliException(ExitCodes.ACCESS_DENIED, "run from an elevated prompt");
            }

            @Override
            public void commit(Registry r) {
            }
        };
        CommandLine cl = Cli.create(new Context(denying, new ProfileCatalogue(), mock(RebootScheduler.class),
                Clock.systemUTC(), dir.resolve("backups")));
        CliTest.Run r = run(cl, "apply", "max-protection");
        assertEquals(5, r.code());
        assertTrue(r.err().contains("elevated"), r.err());
        assertEquals(0, counter.writes());
        assertFalse(Files.exists(dir.resolve("backups")));
        assertEquals(0, run(cl, "apply", "max-protection", "--dry-run").code()); // a dry run needs no rights
    }

    @Test
    void accessDeniedInTheMiddleIsRolledBackAndExitsFive() throws IOException {
        InMemoryRegistry reg = exampleHost();
        var before = reg.snapshot();
        Registry denied = new FaultInjectingRegistry(reg) {
            private int n;

            @Override
            public void setValue(org.tlsconf.registry.RegistryPath key, String name,
                    org.tlsconf.registry.RegistryValue value) {
                if (++n == 3) {
                    throw new org.tlsconf.registry.RegistryAccessDeniedException("access denied writing " + key);
                }
                super.setValue(key, name, value);
            }
        };
        CliTest.Run r = run(live(denied, mock(RebootScheduler.class)), "apply", "max-protection");
        assertEquals(5, r.code(), r.err());
        assertTrue(r.err().contains("rolled back"), r.err());
        assertEquals(before, reg.snapshot());
    }

    @Test
    void aFailedWriteExitsThreeAndLeavesTheRegistryAsItWas() throws IOException {
        InMemoryRegistry reg = exampleHost();
        var before = reg.snapshot();
        CliTest.Run r = run(live(new FaultInjectingRegistry(reg).failAtWrite(10, false), mock(RebootScheduler.class)),
                "apply", "max-protection");
        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("every change was rolled back and verified"), r.err());
        assertEquals(before, reg.snapshot());
    }

    @Test
    void aFailedUndoExitsFourAndNamesTheBackupAndTheRestoreCommand() throws IOException {
        InMemoryRegistry reg = exampleHost();
        CliTest.Run r = run(live(new FaultInjectingRegistry(reg).failAtWrite(10, true), mock(RebootScheduler.class)),
                "apply", "max-protection");
        assertEquals(4, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("Restore it with: tlsconf restore \"" + dir.resolve("backups")), r.err());
    }

    @Test
    void rebootSchedulesARestartAndExits1641() throws IOException {
        RebootScheduler reboots = mock(RebootScheduler.class);
        CliTest.Run r = run(live(exampleHost(), reboots), "apply", "max-protection", "--reboot=120");
        assertEquals(1641, r.code(), r.err());
        verify(reboots).schedule(eq(Duration.ofSeconds(120)), contains("tlsconf applied max-protection"));
        RebootScheduler defaults = mock(RebootScheduler.class);
        assertEquals(1641, run(live(exampleHost(), defaults), "apply", "max-protection", "--reboot").code());
        verify(defaults).schedule(eq(Duration.ofSeconds(300)), any());
    }

    @Test
    void noRebootIsScheduledWhenNoneIsNeededOrWhenSchedulingFails() throws IOException {
        RebootScheduler reboots = mock(RebootScheduler.class);
        InMemoryRegistry reg = exampleHost();
        run(live(reg, mock(RebootScheduler.class)), "apply", "max-protection");
        assertEquals(0, run(live(reg, reboots), "apply", "max-protection", "--reboot").code());
        verify(reboots, never()).schedule(any(), any());
        RebootScheduler broken = mock(RebootScheduler.class);
        doThrow(new RebootScheduler.RebootException("privilege not held")).when(broken).schedule(any(), any());
        CliTest.Run r = run(live(exampleHost(), broken), "apply", "max-protection", "--reboot");
        assertEquals(3010, r.code());
        assertTrue(r.err().contains("privilege not held"), r.err());
    }

    @Test
    void anInterruptedRunIsReportedOnTheNextApply() throws IOException {
        InMemoryRegistry reg = exampleHost();
        run(live(reg, mock(RebootScheduler.class)), "apply", "min-requirement");
        BackupStore store = new BackupStore(dir.resolve("backups"));
        store.update(store.list().backups().get(0).withStatus(org.tlsconf.backup.Backup.Status.PENDING));
        CliTest.Run r = run(live(reg, mock(RebootScheduler.class)), "apply", "max-protection");
        assertTrue(r.err().contains("an earlier run did not finish"), r.err());
        assertTrue(r.err().contains("tlsconf restore"), r.err());
    }

    @Test
    void aForgedBackupThatNamesKeysOutsideTheTlsRootsIsRefused() throws IOException {
        org.tlsconf.registry.RegistryPath run = org.tlsconf.registry.RegistryPath.parse(
                "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run");
        BackupStore store = new BackupStore(dir.resolve("backups"));
        org.tlsconf.backup.Backup forged = store.write(new org.tlsconf.backup.Backup("x", java.time.Instant.now(),
                "h", "0", "evil", org.tlsconf.cli.ApplyFlow.target(host()), org.tlsconf.backup.Backup.Status.COMPLETE,
                java.util.List.of(), java.util.List.of(new org.tlsconf.backup.Backup.Entry(run, "evil",
                        java.util.Optional.of(org.tlsconf.registry.RegistryValue.sz("C:\\evil.exe")))),
                java.util.List.of(), java.util.List.of(), null));
        byte[] before = Files.readAllBytes(host());
        CliTest.Run r = run("restore", forged.file().toString(), "--registry-file", host().toString(), "--backup-dir",
                backups());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("outside the TLS registry roots"), r.err());
        assertArrayEquals(before, Files.readAllBytes(host()));
    }

    @Test
    void aSecondRunWhileOneIsChangingTheHostStopsBeforeWriting() throws Exception {
        byte[] before = Files.readAllBytes(host());
        try (AutoCloseable held = org.tlsconf.registry.TargetLock.acquire(
                org.tlsconf.registry.TargetLock.besideFile(host()), "test")) {
            CliTest.Run r = run("apply", "max-protection", "--registry-file", host().toString(), "--backup-dir",
                    backups());
            assertEquals(3, r.code(), r.err());
            assertTrue(r.err().contains("another tlsconf run is changing the registry file"), r.err());
            assertArrayEquals(before, Files.readAllBytes(host()));
            assertEquals(0, run("apply", "max-protection", "--dry-run", "--registry-file", host().toString(),
                    "--backup-dir", backups()).code(), "a dry run needs no lock");
        }
        assertEquals(3010, run("apply", "max-protection", "--registry-file", host().toString(), "--backup-dir",
                backups()).code());
    }
}
