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
     * @throws IllegalArgumentException when the backup names a key outside the TLS roots (a crafted backup: the
     *                                  checksum protects against damage, not against forgery)
     */
    public static Plan plan(Backup backup, Registry registry) {
        for (RegistryPath k : concat(backup.keysCreated(), backup.keysRemoved())) {
            if (!TlsRegistry.mayCreate(k)) {
                throw new IllegalArgumentException("refusing to restore: the backup names key " + k
                        + ", which is outside the TLS registry roots");
            }
        }
        List<DesiredValue> desired = new ArrayList<>();
        for (Backup.Entry e : backup.entries()) {
            desired.add(new DesiredValue(e.key(), e.name(), e.before(), "backup " + backup.id()));
        }
        Plan values = Planner.plan("restore-" + backup.id(), desired, registry);
        Set<RegistryPath> create = new LinkedHashSet<>(values.keysToCreate());
        for (RegistryPath k : backup.keysRemoved()) {
            for (RegistryPath p : k.selfAndAncestors()) {
                if (!registry.keyExists(p)) {
                    create.add(p);
                }
            }
        }
        List<RegistryPath> remove = backup.keysCreated().stream().filter(registry::keyExists).toList();
        return new Plan(values.profile(), values.changes(), values.unchanged(), new ArrayList<>(create), remove);
    }

    private static List<RegistryPath> concat(List<RegistryPath> a, List<RegistryPath> b) {
        List<RegistryPath> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
