package org.tlsconf.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tlsconf.profile.DesiredValue;
import org.tlsconf.profile.Profile;
import org.tlsconf.registry.Registry;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.tls.TlsRegistry;

/** Compares what a profile wants with what a registry holds. Reads only; never writes. */
public final class Planner {
    private Planner() {
    }

    /**
     * The changes that bring {@code registry} to {@code profile}, in profile order. A value of the wrong type is a
     * change even when its data looks equal (REG_SZ "1" is not REG_DWORD 1); values already right are not.
     */
    public static Plan plan(Profile profile, Registry registry) {
        return plan(profile.name(), profile.values(), registry);
    }

    /**
     * As {@link #plan(Profile, Registry)} for any list of wanted values. A value the registry does not record
     * (a HealthChecker export: {@link Registry#records}) is neither a change nor unchanged: it is counted as not
     * collected, because its absence from the source is not its absence from the host.
     *
     * @throws IllegalArgumentException when a value lies outside the TLS roots (DESIGN.md safety rule 4): nothing
     *                                  tlsconf plans may write anywhere else, whatever the input (a profile, a backup)
     */
    public static Plan plan(String name, List<DesiredValue> desired, Registry registry) {
        for (DesiredValue d : desired) {
            if (!TlsRegistry.isWritable(d.key())) {
                throw new IllegalArgumentException("refusing to plan a change outside the TLS registry roots: "
                        + d.key() + "\\" + d.name());
            }
        }
        List<Change> changes = new ArrayList<>();
        Set<RegistryPath> created = new LinkedHashSet<>();
        int unchanged = 0;
        int notCollected = 0;
        for (DesiredValue d : desired) {
            if (!registry.records(d.key(), d.name())) {
                notCollected++;
                continue;
            }
            boolean keyExists = registry.keyExists(d.key());
            Optional<RegistryValue> current = keyExists ? registry.readValue(d.key(), d.name()) : Optional.empty();
            Optional<RegistryValue> wanted = d.value();
            if (current.equals(wanted)) {
                unchanged++;
                continue;
            }
            Change.Action action = current.isEmpty() ? Change.Action.ADD
                    : wanted.isEmpty() ? Change.Action.DELETE : Change.Action.MODIFY;
            boolean createsKey = false;
            if (!keyExists && action == Change.Action.ADD) {
                for (RegistryPath p : d.key().selfAndAncestors()) {
                    if (TlsRegistry.mayCreateOrRemove(p) && !registry.keyExists(p) && created.add(p)) {
                        createsKey = true;
                    }
                }
            }
            changes.add(new Change(action, d.key(), d.name(), current, wanted, createsKey));
        }
        return new Plan(name, changes, unchanged, new ArrayList<>(created), List.of(), notCollected);
    }
}
