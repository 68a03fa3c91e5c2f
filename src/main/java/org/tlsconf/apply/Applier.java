package org.tlsconf.apply;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.tlsconf.backup.Backup;
import org.tlsconf.backup.BackupException;
import org.tlsconf.backup.BackupStore;
import org.tlsconf.plan.Change;
import org.tlsconf.plan.Plan;
import org.tlsconf.registry.Registry;
import org.tlsconf.registry.RegistryException;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.tls.TlsRegistry;

/**
 * Executes a plan safely: back up every value it touches (before the first write, refusing to write if that
 * fails), write in plan order creating keys only when needed, read every write back, and on any failure undo what
 * was written, verify the undo, and report. A dry run walks the same path and skips only the writes (the backup
 * included).
 */
public final class Applier {

    /** Makes the writes durable once they are all verified (a {@code .reg} file is saved here). */
    @FunctionalInterface
    public interface Commit {
        void commit();
    }

    /** Who is applying what, for the backup's record. */
    public record Run(String profile, String registry, String toolVersion, String host) {
    }

    /** What happened. {@code backup} is absent for an empty plan and a dry run. */
    public record Outcome(Kind kind, Plan plan, Optional<Backup> backup) {
        public enum Kind {
            NOTHING_TO_DO, DRY_RUN, APPLIED
        }
    }

    private final Clock clock;

    public Applier(Clock clock) {
        this.clock = clock;
    }

    /**
     * Applies {@code plan} to {@code registry}.
     *
     * @throws BackupException when the backup cannot be written (nothing was written to the registry)
     * @throws ApplyException  when a write or its verification failed (see {@link ApplyException#rolledBack()})
     */
    public Outcome apply(Plan plan, Registry registry, BackupStore store, Run run, boolean dryRun, Commit commit) {
        if (!plan.hasWork()) {
            return new Outcome(Outcome.Kind.NOTHING_TO_DO, plan, Optional.empty());
        }
        Backup backup = snapshot(plan, registry, run);
        if (dryRun) {
            return new Outcome(Outcome.Kind.DRY_RUN, plan, Optional.of(backup));
        }
        backup = store.write(backup);
        Journal journal = new Journal();
        try {
            for (RegistryPath key : plan.keysToCreate()) {
                if (!registry.keyExists(key)) {
                    registry.createKey(key);
                    journal.created.add(key);
                    verify(registry.keyExists(key), "key " + key + " does not exist after creating it");
                }
            }
            for (Change c : plan.changes()) {
                if (!registry.keyExists(c.key())) { // a restore may need a key back that a run removed
                    registry.createKey(c.key());
                    journal.created.add(c.key());
                }
                if (c.after().isPresent()) {
                    registry.setValue(c.key(), c.name(), c.after().get());
                } else {
                    registry.deleteValue(c.key(), c.name());
                }
                journal.written.add(c);
                Optional<RegistryValue> readBack = registry.readValue(c.key(), c.name());
                verify(readBack.equals(c.after()), "read back " + c.key() + "\\" + c.name() + " as "
                        + describe(readBack) + ", expected " + describe(c.after()));
            }
            List<RegistryPath> removable = new ArrayList<>(plan.keysToRemove());
            removable.sort(Comparator.comparingInt((RegistryPath p) -> p.names().size()).reversed());
            for (RegistryPath key : removable) {
                if (removeIfEmpty(registry, key)) {
                    journal.removed.add(key);
                    verify(!registry.keyExists(key), "key " + key + " still exists after deleting it");
                }
            }
            commit.commit();
        } catch (RuntimeException | Error failure) { // an OutOfMemoryError mid-run is rolled back too
            throw rollBack(failure, registry, journal, backup, store);
        }
        return new Outcome(Outcome.Kind.APPLIED, plan, Optional.of(markQuietly(store, backup,
                Backup.Status.COMPLETE)));
    }

    /** What a run wrote so far, so that exactly that can be undone. */
    private static final class Journal {
        final List<RegistryPath> created = new ArrayList<>();
        final List<Change> written = new ArrayList<>();
        final List<RegistryPath> removed = new ArrayList<>();
    }

    private ApplyException rollBack(Throwable failure, Registry registry, Journal journal, Backup backup,
            BackupStore store) {
        List<String> undoProblems = new ArrayList<>();
        for (RegistryPath key : reversed(journal.removed)) {
            attempt(undoProblems, () -> registry.createKey(key));
        }
        for (Change c : reversed(journal.written)) {
            attempt(undoProblems, () -> {
                if (c.before().isPresent()) {
                    registry.createKey(c.key());
                    registry.setValue(c.key(), c.name(), c.before().get());
                } else {
                    registry.deleteValue(c.key(), c.name());
                }
            });
        }
        for (RegistryPath key : reversed(journal.created)) {
            attempt(undoProblems, () -> removeIfEmpty(registry, key));
        }
        // verify the undo: every value as it was, every created key gone, every removed key back
        attempt(undoProblems, () -> {
            for (Change c : journal.written) {
                Optional<RegistryValue> now = registry.readValue(c.key(), c.name());
                verify(now.equals(c.before()), "after undo " + c.key() + "\\" + c.name() + " is " + describe(now)
                        + ", was " + describe(c.before()));
            }
            for (RegistryPath key : journal.created) {
                verify(!registry.keyExists(key), "after undo key " + key + " still exists");
            }
            for (RegistryPath key : journal.removed) {
                verify(registry.keyExists(key), "after undo key " + key + " is missing");
            }
        });
        // nothing is committed after an undo: a .reg file was never saved, and the live registry needs no commit
        Path file = backup.file();
        if (undoProblems.isEmpty()) {
            markQuietly(store, backup, Backup.Status.ROLLED_BACK);
            return new ApplyException(message(failure) + "; every change was rolled back and verified",
                    failure, true, file);
        }
        markQuietly(store, backup, Backup.Status.ROLLBACK_FAILED);
        return new ApplyException(message(failure) + "; rolling back failed too (" + String.join("; ",
                undoProblems) + ")", failure, false, file);
    }

    private static String message(Throwable failure) {
        return failure instanceof Error ? failure.toString() : failure.getMessage();
    }

    /**
     * The only place tlsconf deletes a key: one under a TLS root ({@link TlsRegistry#mayCreateOrRemove}) that holds
     * no value and no subkey. Returns whether it was deleted.
     */
    private static boolean removeIfEmpty(Registry registry, RegistryPath key) {
        if (!TlsRegistry.mayCreateOrRemove(key) || !registry.keyExists(key) || !registry.values(key).isEmpty()
                || !registry.subKeys(key).isEmpty()) {
            return false;
        }
        registry.deleteEmptyKey(key);
        return true;
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static void attempt(List<String> problems, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            problems.add(e.getMessage());
        }
    }

    private static Backup markQuietly(BackupStore store, Backup backup, Backup.Status status) {
        Backup updated = backup.withStatus(status);
        try {
            return store.update(updated);
        } catch (BackupException e) {
            return updated; // the registry is in the state reported; only the backup's status is stale
        }
    }

    private static void verify(boolean ok, String message) {
        if (!ok) {
            throw new RegistryException("verification failed: " + message);
        }
    }

    private static String describe(Optional<RegistryValue> v) {
        return v.map(x -> x.type() + " " + x.display()).orElse("(absent)");
    }

    private Backup snapshot(Plan plan, Registry registry, Run run) {
        List<Backup.Entry> entries = new ArrayList<>();
        List<Backup.Change> changes = new ArrayList<>();
        for (Change c : plan.changes()) {
            entries.add(new Backup.Entry(c.key(), c.name(), registry.readValue(c.key(), c.name())));
            changes.add(new Backup.Change(c.action().label(), c.key(), c.name(), c.before(), c.after()));
        }
        List<RegistryPath> created = plan.keysToCreate().stream().filter(k -> !registry.keyExists(k)).toList();
        List<RegistryPath> removed = plan.keysToRemove().stream().filter(registry::keyExists).toList();
        return new Backup(BackupStore.newId(clock.instant()), clock.instant(), run.host(), run.toolVersion(),
                run.profile(), run.registry(), Backup.Status.PENDING, changes, entries, created, removed, null);
    }
}
