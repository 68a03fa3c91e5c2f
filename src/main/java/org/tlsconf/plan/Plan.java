package org.tlsconf.plan;

import java.util.List;
import org.tlsconf.registry.RegistryPath;

/**
 * What it takes to bring a registry to a profile: the changes in the order they are to be written, how many of the
 * profile's values were already right, the keys to create first, and (for a restore only) keys an earlier run
 * created that are to be removed afterwards if they are empty by then.
 */
public record Plan(String profile, List<Change> changes, int unchanged, List<RegistryPath> keysToCreate,
        List<RegistryPath> keysToRemove) {

    public Plan {
        changes = List.copyOf(changes);
        keysToCreate = List.copyOf(keysToCreate);
        keysToRemove = List.copyOf(keysToRemove);
    }

    /** The same plan, also removing these keys at the end when they are empty. */
    public Plan withKeysToRemove(List<RegistryPath> keys) {
        return new Plan(profile, changes, unchanged, keysToCreate, keys);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public long count(Change.Action action) {
        return changes.stream().filter(c -> c.action() == action).count();
    }
}
