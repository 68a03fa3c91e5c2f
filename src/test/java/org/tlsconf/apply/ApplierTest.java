package org.tlsconf.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsconf.backup.Backup;
import org.tlsconf.backup.BackupException;
import org.tlsconf.backup.BackupStore;
import org.tlsconf.plan.Plan;
import org.tlsconf.plan.Planner;
import org.tlsconf.profile.Profile;
import org.tlsconf.profile.ProfileCatalogue;
import org.tlsconf.profile.ProfileLoader;
import org.tlsconf.registry.InMemoryRegistry;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.testing.FaultInjectingRegistry;
import org.tlsconf.testing.SameHost;
import org.tlsconf.tls.Protocol;
import org.tlsconf.tls.Role;
import org.tlsconf.tls.TlsRegistry;

class ApplierTest {
    @TempDir
    Path dir;

    private final Profile max = new ProfileLoader(new ProfileCatalogue()).load("max-protection");
    private final Applier applier = new Applier(Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC));
    private static final Applier.Run RUN = new Applier.Run("max-protection", "test registry", "0.1.0", "host");

    /** A host with some of the values present, some wrong, and TLS 1.0 keys missing. */
    static InMemoryRegistry host() {
        InMemoryRegistry r = new InMemoryRegistry();
        r.createKey(TlsRegistry.protocolKey(Protocol.SSL_2_0, Role.CLIENT));
        r.setValue(TlsRegistry.protocolKey(Protocol.SSL_2_0, Role.CLIENT), "DisabledByDefault", RegistryValue.dword(1));
        r.createKey(TlsRegistry.protocolKey(Protocol.TLS_1_2, Role.SERVER));
        r.setValue(TlsRegistry.protocolKey(Protocol.TLS_1_2, Role.SERVER), "Enabled", RegistryValue.sz("1"));
        r.setValue(TlsRegistry.protocolKey(Protocol.TLS_1_2, Role.SERVER), "Unrelated", RegistryValue.dword(7));
        r.createKey(TlsRegistry.View.NATIVE.dotNet("v4.0.30319"));
        r.setValue(TlsRegistry.View.NATIVE.dotNet("v4.0.30319"), "SchUseStrongCrypto", RegistryValue.dword(0));
        return r;
    }

    private BackupStore store(String name) {
        return new BackupStore(dir.resolve(name));
    }

    @Test
    void aFailureAtAnyWriteLeavesTheRegistryExactlyAsBeforeWithTheBackupOnDisk() throws IOException {
        InMemoryRegistry reference = host();
        Plan plan = Planner.plan(max, reference);
        int writes = countWrites(plan);
        assertTrue(writes > plan.changes().size(), "the plan creates keys too: " + writes);
        Map<String, Map<String, RegistryValue>> original = reference.snapshot();
        for (int k = 1; k <= writes; k++) {
            InMemoryRegistry target = host();
            FaultInjectingRegistry faulty = new FaultInjectingRegistry(target).failAtWrite(k, false);
            BackupStore store = store("k" + k);
            AtomicInteger commits = new AtomicInteger();
            ApplyException e = assertThrows(ApplyException.class,
                    () -> applier.apply(Planner.plan(max, target), faulty, store, RUN, false, commits::incrementAndGet));
            assertTrue(e.rolledBack(), "k=" + k + ": " + e.getMessage());
            SameHost.assertSameHost(original, target.snapshot(), SameHost.IMPLICIT_ANCESTORS);
            assertEquals(0, commits.get(), "k=" + k + ": nothing may be committed after a failure");
            assertTrue(Files.exists(e.backupFile()), "k=" + k);
            assertEquals(Backup.Status.ROLLED_BACK, BackupStore.load(e.backupFile()).status());
        }
    }

    private int countWrites(Plan plan) {
        FaultInjectingRegistry counter = new FaultInjectingRegistry(host());
        applier.apply(plan, counter, store("count"), RUN, false, () -> { });
        return counter.writes();
    }

    @Test
    void aFailureWhileUndoingIsReportedAsRollbackFailedWithTheBackup() {
        InMemoryRegistry target = host();
        FaultInjectingRegistry faulty = new FaultInjectingRegistry(target).failAtWrite(5, true);
        ApplyException e = assertThrows(ApplyException.class,
                () -> applier.apply(Planner.plan(max, target), faulty, store("b"), RUN, false, () -> { }));
        assertFalse(e.rolledBack());
        assertTrue(e.getMessage().contains("rolling back failed too"), e.getMessage());
        assertEquals(Backup.Status.ROLLBACK_FAILED, BackupStore.load(e.backupFile()).status());
    }

    @Test
    void aWriteThatReadsBackWrongIsCaughtAndUndone() {
        InMemoryRegistry target = host();
        var original = target.snapshot();
        FaultInjectingRegistry liar = new FaultInjectingRegistry(target).lieAtWrite(6);
        ApplyException e = assertThrows(ApplyException.class,
                () -> applier.apply(Planner.plan(max, target), liar, store("b"), RUN, false, () -> { }));
        assertTrue(e.getMessage().contains("verification failed"), e.getMessage());
        assertTrue(e.rolledBack());
        SameHost.assertSameHost(original, target.snapshot(), SameHost.IMPLICIT_ANCESTORS);
    }

    @Test
    void aFailingCommitIsUndoneToo() {
        InMemoryRegistry target = host();
        var original = target.snapshot();
        ApplyException e = assertThrows(ApplyException.class, () -> applier.apply(Planner.plan(max, target),
                target, store("b"), RUN, false, () -> {
                    throw new org.tlsconf.registry.RegistryException("disk full");
                }));
        assertTrue(e.rolledBack());
        SameHost.assertSameHost(original, target.snapshot(), SameHost.IMPLICIT_ANCESTORS);
    }

    @Test
    void whenTheBackupCannotBeWrittenNothingIsWritten() throws IOException {
        InMemoryRegistry target = host();
        var original = target.snapshot();
        Path blocked = dir.resolve("blocked");
        Files.writeString(blocked, "a file where the folder should be");
        FaultInjectingRegistry counter = new FaultInjectingRegistry(target);
        assertThrows(BackupException.class, () -> applier.apply(Planner.plan(max, target), counter,
                new BackupStore(blocked), RUN, false, () -> { }));
        assertEquals(0, counter.writes());
        SameHost.assertSameHost(original, target.snapshot(), SameHost.IMPLICIT_ANCESTORS);
    }

    @Test
    void aDryRunTakesTheSamePathButWritesNothingNotEvenABackup() {
        InMemoryRegistry target = host();
        var original = target.snapshot();
        Applier.Outcome o = applier.apply(Planner.plan(max, target), target, store("b"), RUN, true, () -> { });
        assertEquals(Applier.Outcome.Kind.DRY_RUN, o.kind());
        assertEquals(Planner.plan(max, target).changes().size(), o.backup().get().entries().size());
        SameHost.assertSameHost(original, target.snapshot(), SameHost.IMPLICIT_ANCESTORS);
        assertFalse(Files.exists(dir.resolve("b")));
    }

    @Test
    void applyingTwiceChangesNothingTheSecondTimeAndMakesNoBackup() {
        InMemoryRegistry target = host();
        Applier.Outcome first = applier.apply(Planner.plan(max, target), target, store("b"), RUN, false, () -> { });
        assertEquals(Applier.Outcome.Kind.APPLIED, first.kind());
        assertEquals(Backup.Status.COMPLETE, BackupStore.load(first.backup().get().file()).status());
        var after = target.snapshot();
        Applier.Outcome second = applier.apply(Planner.plan(max, target), target, store("b"), RUN, false, () -> { });
        assertEquals(Applier.Outcome.Kind.NOTHING_TO_DO, second.kind());
        assertEquals(after, target.snapshot());
        assertEquals(1, store("b").list().backups().size());
        assertEquals(RegistryValue.dword(7), target.readValue(TlsRegistry.protocolKey(Protocol.TLS_1_2, Role.SERVER),
                "Unrelated").get());
    }

    @Test
    void restoringABackupGivesBackTheOriginalValuesTypesAbsencesAndKeys() {
        InMemoryRegistry target = host();
        var original = target.snapshot();
        Backup backup = applier.apply(Planner.plan(max, target), target, store("b"), RUN, false, () -> { })
                .backup().get();
        Plan restore = RestorePlanner.plan(BackupStore.load(backup.file()), target);
        assertFalse(restore.keysToRemove().isEmpty());
        applier.apply(restore, target, store("b"), RUN, false, () -> { });
        SameHost.assertSameHost(original, target.snapshot(), SameHost.IMPLICIT_ANCESTORS);
        assertEquals(List.of(), Planner.plan("again", List.of(), target).changes());
    }

    @Test
    void aRestoreRecreatesAnEmptyKeyItsRunRemovedEvenWithNoValueToChange() {
        InMemoryRegistry target = new InMemoryRegistry();
        var key = TlsRegistry.protocolKey(Protocol.TLS_1_0, Role.SERVER);
        Backup removedIt = new Backup("x", Instant.parse("2026-11-24T10:00:00Z"), "h", "0", "restore-y",
                "test registry", Backup.Status.COMPLETE, List.of(), List.of(), List.of(), List.of(key), null);
        Plan plan = RestorePlanner.plan(removedIt, target);
        assertTrue(plan.isEmpty() && plan.hasWork(), plan.toString());
        assertEquals(Applier.Outcome.Kind.APPLIED, applier.apply(plan, target, store("b"), RUN, false, () -> { })
                .kind());
        assertTrue(target.keyExists(key));
    }
}
