package org.tlsconf.profile;

import java.util.Optional;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.tls.BuildRange;

/**
 * What a profile wants for one registry value: this data and type, or (when {@code value} is empty) that the value
 * must not exist. {@code origin} names the profile that said so (a profile may inherit values through extends);
 * {@code builds} the Windows builds it applies to; {@code reason} why (a benchmark item id or a sentence; may be
 * empty).
 */
public record DesiredValue(RegistryPath key, String name, Optional<RegistryValue> value, String origin,
        BuildRange builds, String reason) {

    public DesiredValue(RegistryPath key, String name, Optional<RegistryValue> value, String origin) {
        this(key, name, value, origin, BuildRange.ALWAYS, "");
    }

    public boolean mustBeAbsent() {
        return value.isEmpty();
    }
}
