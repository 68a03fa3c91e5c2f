package org.tlsconf.backup;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;

/**
 * What a host looked like before tlsconf changed it: every value a run touches (its type and data, or that it was
 * absent), the keys the run created, and the empty keys it removed. Enough to put the host back exactly.
 *
 * @param status    {@link Status#PENDING} until the writes are verified; see {@link Status}
 * @param registry  what was changed: "registry file /abs/host.reg" or "live registry"
 */
public record Backup(String id, Instant createdAt, String host, String toolVersion, String profile,
        String registry, Status status, List<Change> changes, List<Entry> entries, List<RegistryPath> keysCreated,
        List<RegistryPath> keysRemoved, Path file) {

    public Backup {
        changes = List.copyOf(changes);
        entries = List.copyOf(entries);
        keysCreated = List.copyOf(keysCreated);
        keysRemoved = List.copyOf(keysRemoved);
    }

    /** How a restore run names itself: "restore-" and the id of the backup it restored. */
    public static final String RESTORE_RUN_PREFIX = "restore-";

    /** True when this backup was taken by a restore (it undoes that restore when restored itself). */
    public boolean isOfRestore() {
        return profile.startsWith(RESTORE_RUN_PREFIX);
    }

    /** Where a run got to. */
    public enum Status {
        /** Backup written, writes not yet verified: the run was interrupted if it stays so. */
        PENDING,
        /** Every write was made and verified. */
        COMPLETE,
        /** A write failed and every change was undone and verified. */
        ROLLED_BACK,
        /** A write failed and undoing it failed too: restore from this backup by hand. */
        ROLLBACK_FAILED
    }

    /** One value before the run: {@code before} empty means it did not exist. */
    public record Entry(RegistryPath key, String name, Optional<RegistryValue> before) {
    }

    /** One planned change, kept for the record (what the run meant to do). */
    public record Change(String action, RegistryPath key, String name, Optional<RegistryValue> before,
            Optional<RegistryValue> after) {
    }

    /**
     * True when this backup was taken from {@code target} ("registry file /abs/x.reg", or "live registry") on
     * {@code host}: the same file, or the live registry of the same host. The one rule for "a backup of this target".
     */
    public boolean isFor(String target, String host) {
        return registry.equals(target) && (registry.startsWith("registry file ") || this.host.equalsIgnoreCase(host));
    }

    /** What it was taken from, for messages: "registry file /x.reg", or "live registry of WEB01". */
    public String target() {
        return registry.startsWith("registry file ") ? registry : registry + " of " + host;
    }

    public Backup withStatus(Status s) {
        return new Backup(id, createdAt, host, toolVersion, profile, registry, s, changes, entries, keysCreated,
                keysRemoved, file);
    }

    public Backup withFile(Path f) {
        return new Backup(id, createdAt, host, toolVersion, profile, registry, status, changes, entries,
                keysCreated, keysRemoved, f);
    }

    /** The {@code .reg} file written beside the JSON one. */
    public Path regFile() {
        String name = file.getFileName().toString();
        return file.resolveSibling(name.substring(0, name.length() - ".json".length()) + ".reg");
    }
}
