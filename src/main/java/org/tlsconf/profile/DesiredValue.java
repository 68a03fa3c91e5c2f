package org.tlsconf.profile;

import java.util.Optional;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;

/**
 * What a profile wants for one registry value: this data and type, or (when {@code value} is empty) that the value
 * must not exist. {@code origin} names the profile that said so (a profile may inherit values through extends).
 */
public record DesiredValue(RegistryPath key, String name, Optional<RegistryValue> value, String origin) {

    public boolean mustBeAbsent() {
        return value.isEmpty();
    }
}
