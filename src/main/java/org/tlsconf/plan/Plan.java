package org.tlsconf.plan;

import java.util.List;
import org.tlsconf.registry.RegistryPath;

/**
 * What it takes to bring a registry to a profile: the changes in the order they are to be written, how many of the
 * profile's values were already right, the keys to create first, and (for a restore only) keys an earlier run
 * created that are to be removed afterwards if they are empty by then, and how many of the profile's values the
 * registry does not record (a HealthChecker export: see {@link org.tlsconf.registry.Registry#records}), which were
 * not compared.
 */
public record Plan(String profile, List<Change> changes, int unchanged, List<RegistryPath> keysToCreate,
        List<RegistryPath> keysToRemove, int notCollected) {

    public Plan {
        changes = List.copyOf(changes);
        keysToCreate = List.copyOf(keysToCreate);
        keysToRemove = List.copyOf(keysToRemove);
    }

    public Plan(String profile, List<Change> changes, int unchanged, List<RegistryPath> keysToCreate,
            List<RegistryPath> keysToRemove) {
        this(profile, changes, unchanged, keysToCreate, keysToRemove, 0);
    }

    /** The profile's values that were compared (changed or already right). */
    public int compared() {
        return changes.size() + unchanged;
    }


    /** No value to change (keys may still need creating or removing: see {@link #hasWork()}). */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** Anything to write at all: values, keys to create, or keys to remove. */
    public boolean hasWork() {
        return !changes.isEmpty() || !keysToCreate.isEmpty() || !keysToRemove.isEmpty();
    }

    public long count(Change.Action action) {
        long n = 0;
        for (Change c : changes) {
            if (c.action() == action) {
                n++;
            }
        }
        return n;
    }
}
