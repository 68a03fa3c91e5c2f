package org.tlsconf.plan;

import java.util.List;
import org.tlsconf.registry.RegistryPath;

/**
 * What it takes to bring a registry to a profile: the changes in the order they are to be written, and how many
 * of the profile's values were already right.
 */
public record Plan(String profile, List<Change> changes, int unchanged, List<RegistryPath> keysToCreate) {

    public Plan {
        changes = List.copyOf(changes);
        keysToCreate = List.copyOf(keysToCreate);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public long count(Change.Action action) {
        return changes.stream().filter(c -> c.action() == action).count();
    }
}
