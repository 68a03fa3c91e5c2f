package org.tlsconf.registry;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry port: what tlsconf needs from a registry, whatever holds it (the live Windows registry, a
 * {@code .reg} file, memory). Value names are case-insensitive; {@code ""} is the key's default value ({@code @}).
 * There is deliberately no way to delete a key that holds anything: tlsconf sets and deletes single values, and
 * removes only empty keys it created itself.
 */
public interface Registry {

    /** The value, or empty when the key or the value does not exist. */
    Optional<RegistryValue> readValue(RegistryPath key, String name);

    /** The key's values in their stored order (name spelling as stored); empty when the key does not exist. */
    Map<String, RegistryValue> values(RegistryPath key);

    /** The names of the key's direct subkeys; empty when the key does not exist. */
    List<String> subKeys(RegistryPath key);

    boolean keyExists(RegistryPath key);

    /** Creates the key and any missing ancestors; does nothing when it exists. Never touches existing content. */
    void createKey(RegistryPath key);

    /**
     * Sets a value, replacing any existing value of that name (whatever its type).
     *
     * @throws RegistryKeyNotFoundException when the key does not exist
     */
    void setValue(RegistryPath key, String name, RegistryValue value);

    /** Deletes one value; does nothing when it does not exist. */
    void deleteValue(RegistryPath key, String name);

    /**
     * Deletes a key that has no values and no subkeys (used only to remove a key tlsconf itself created); does
     * nothing when it does not exist.
     *
     * @throws RegistryException when the key is not empty: tlsconf never deletes content
     */
    void deleteEmptyKey(RegistryPath key);

    /** A short description of where this registry lives, for messages ("registry file host.reg"). */
    String describe();

    /**
     * The cipher suites in force as the OS reported them ({@code Get-TlsCipherSuite}), in order, when this source
     * carries that list (a HealthChecker export); empty otherwise, and then the registry values are all there is.
     */
    default Optional<List<String>> reportedCipherSuites() {
        return Optional.empty();
    }

    /**
     * True when this source records the value, present or not. A HealthChecker export records only some values:
     * for the others it says nothing, and their absence from it is not their absence from the host. The one rule
     * every command uses to tell "absent" from "not collected" (check, diff and fleet do not compare such values,
     * status shows them as not collected).
     */
    default boolean records(RegistryPath key, String name) {
        return true;
    }
}
