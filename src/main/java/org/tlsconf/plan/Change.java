package org.tlsconf.plan;

import java.util.Optional;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;

/**
 * One value to change: from {@code before} (empty when absent) to {@code after} (empty when it is to be deleted).
 * {@code createsKey} is true on the first change of a key that does not exist yet.
 */
public record Change(Action action, RegistryPath key, String name, Optional<RegistryValue> before,
        Optional<RegistryValue> after, boolean createsKey) {

    public enum Action {
        ADD, MODIFY, DELETE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Change {
        switch (action) {
            case ADD -> require(before.isEmpty() && after.isPresent(), "ADD needs no before and an after");
            case MODIFY -> require(before.isPresent() && after.isPresent(), "MODIFY needs before and after");
            case DELETE -> require(before.isPresent() && after.isEmpty(), "DELETE needs a before and no after");
            default -> throw new IllegalArgumentException(String.valueOf(action));
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** True when the data stays the same and only the type changes (e.g. REG_SZ "1" to REG_DWORD 1). */
    public boolean typeOnly() {
        return action == Action.MODIFY && before.get().type() != after.get().type();
    }
}
