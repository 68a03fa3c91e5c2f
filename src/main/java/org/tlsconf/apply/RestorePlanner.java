package org.tlsconf.apply;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tlsconf.backup.Backup;
import org.tlsconf.plan.Plan;
import org.tlsconf.plan.Planner;
import org.tlsconf.profile.DesiredValue;
import org.tlsconf.registry.Registry;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.tls.TlsRegistry;

/**
 * Turns a backup into a plan that puts every value it recorded back (type and data, or absent), creates again the
 * empty keys its run removed, and removes the keys its run created once they are empty. The plan then goes through
 * the same safe apply path, so a restore is itself backed up and can be undone.
 */
public final class RestorePlanner {
    private RestorePlanner() {
    }

    /**
     * @throws IllegalArgumentException when the backup asks for a key outside the TLS roots to be created again (a
     *                                  crafted backup: the checksum protects against damage, not against forgery)
     */
    public static Plan plan(Backup backup, Registry registry) {
        for (RegistryPath k : backup.keysRemoved()) {
            if (!TlsRegistry.mayCreateOrRemove(k)) {
                throw new IllegalArgumentException("refusing to restore: the backup names key " + k
                        + ", which is outside the TLS registry roots");
            }
        }
        List<DesiredValue> desired = new ArrayList<>();
        for (Backup.Entry e : backup.entries()) {
            desired.add(new DesiredValue(e.key(), e.name(), e.before(), "backup " + backup.id()));
        }
        Plan values = Planner.plan(Backup.RESTORE_RUN_PREFIX + backup.id(), desired, registry);
        Set<RegistryPath> create = new LinkedHashSet<>(values.keysToCreate());
        for (RegistryPath k : backup.keysRemoved()) {
            for (RegistryPath p : k.selfAndAncestors()) {
                if (TlsRegistry.mayCreateOrRemove(p) && !registry.keyExists(p)) {
                    create.add(p);
                }
            }
        }
        // keys the run created, removed (by the applier, only when empty) if they are under a TLS root; a backup
        // written by an earlier version may also name their ancestors (HKLM\SOFTWARE, ...): those are never removed
        List<RegistryPath> remove = backup.keysCreated().stream().filter(TlsRegistry::mayCreateOrRemove)
                .filter(registry::keyExists).toList();
        return new Plan(values.profile(), values.changes(), values.unchanged(), new ArrayList<>(create), remove,
                values.notCollected());
    }
}
