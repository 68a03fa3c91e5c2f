package org.tlsconf.plan;

import java.util.ArrayList;
import java.util.List;
import org.tlsconf.registry.InMemoryRegistry;
import org.tlsconf.registry.Registry;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.tls.TlsRegistry;
import org.tlsconf.tls.WindowsVersion;

/** The registry as it would be after a plan: a copy of the TLS roots with the changes made in memory. */
public final class Simulation {
    private Simulation() {
    }

    public static InMemoryRegistry after(Plan plan, Registry registry) {
        List<RegistryPath> roots = new ArrayList<>(TlsRegistry.WRITABLE_ROOTS);
        roots.add(WindowsVersion.CURRENT_VERSION);
        InMemoryRegistry copy = InMemoryRegistry.copyOf(registry, roots);
        for (Change c : plan.changes()) {
            copy.createKey(c.key());
            if (c.after().isPresent()) {
                copy.setValue(c.key(), c.name(), c.after().get());
            } else {
                copy.deleteValue(c.key(), c.name());
            }
        }
        return copy;
    }
}
