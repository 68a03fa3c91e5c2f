package org.tlsconf.plan;

import org.tlsconf.registry.OverlayRegistry;
import org.tlsconf.registry.Registry;
import org.tlsconf.tls.TlsRegistry;

/**
 * The registry as it would be after a plan: the plan's changes held in memory over the registry, which is read
 * only where asked (one value, one key), never copied; a live registry is not walked.
 */
public final class Simulation {
    private Simulation() {
    }

    public static Registry after(Plan plan, Registry registry) {
        OverlayRegistry after = new OverlayRegistry(registry);
        // the suites the OS reported stay true unless the plan changes the cipher suite order
        if (plan.changes().stream().anyMatch(c -> c.key().isAtOrBelow(TlsRegistry.LOCAL_SSL)
                || c.key().isAtOrBelow(TlsRegistry.POLICY_SSL))) {
            after.forgetReportedCipherSuites();
        }
        for (Change c : plan.changes()) {
            after.createKey(c.key());
            if (c.after().isPresent()) {
                after.setValue(c.key(), c.name(), c.after().get());
            } else {
                after.deleteValue(c.key(), c.name());
            }
        }
        return after;
    }
}
