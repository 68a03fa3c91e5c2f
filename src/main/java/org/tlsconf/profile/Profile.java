package org.tlsconf.profile;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tlsconf.registry.RegistryPath;

/**
 * A resolved, validated profile: its own description plus everything inherited through {@code extends}, in the
 * order the values are to be written.
 *
 * @param source     where it was loaded from ("bundled" or a file path)
 * @param lineage    this profile's name followed by the names of the profiles it extends, nearest first
 * @param warnings   things that are allowed but probably not intended (half-disabled protocols, missing twins…)
 */
public record Profile(String name, String description, String source, List<String> lineage,
        List<DesiredValue> values, List<String> warnings) {

    public Profile {
        lineage = List.copyOf(lineage);
        values = List.copyOf(values);
        warnings = List.copyOf(warnings);
    }

    /** The keys the profile names, in order. */
    public List<RegistryPath> keys() {
        Set<RegistryPath> keys = new LinkedHashSet<>();
        values.forEach(v -> keys.add(v.key()));
        return List.copyOf(keys);
    }
}
