package org.tlsconf.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.tls.TlsRegistry;

/**
 * "The host is as it was": every key that was there is there with exactly its values, and every key that was not
 * there holds nothing and is one that may stay behind (tlsconf never deletes a key outside the TLS roots, and an
 * undo {@code .reg} file never deletes a key at all).
 */
public final class SameHost {
    private SameHost() {
    }

    /** Keys outside the TLS roots that creating a key below a root brought into being (HKLM\SOFTWARE, ...). */
    public static final Predicate<RegistryPath> IMPLICIT_ANCESTORS = k -> !TlsRegistry.mayCreateOrRemove(k);

    public static void assertSameHost(Map<String, Map<String, RegistryValue>> expected,
            Map<String, Map<String, RegistryValue>> actual, Predicate<RegistryPath> mayRemainEmpty) {
        List<String> problems = new ArrayList<>();
        expected.forEach((key, values) -> {
            if (!actual.containsKey(key)) {
                problems.add("missing key " + key);
            } else if (!actual.get(key).equals(values)) {
                problems.add(key + ": expected " + values + " but was " + actual.get(key));
            }
        });
        actual.forEach((key, values) -> {
            if (!expected.containsKey(key)) {
                if (!values.isEmpty()) {
                    problems.add("extra key with values " + key + " " + values);
                } else if (!mayRemainEmpty.test(RegistryPath.parse(key))) {
                    problems.add("extra empty key " + key);
                }
            }
        });
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }
}
