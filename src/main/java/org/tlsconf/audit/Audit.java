package org.tlsconf.audit;

import java.util.List;
import java.util.Optional;
import org.tlsconf.audit.HealthCheckerClassification.Configuration;
import org.tlsconf.registry.Registry;
import org.tlsconf.tls.Protocol;
import org.tlsconf.tls.Role;
import org.tlsconf.tls.WindowsVersion;

/** A host's TLS state, HealthChecker's per-version classification, and the findings. */
public record Audit(HostState state, List<Finding> findings) {

    public static Audit of(Registry registry, Optional<WindowsVersion> version) {
        HostState state = HostState.read(registry, version);
        return new Audit(state, Rules.evaluate(state));
    }

    /** HealthChecker's classification of TLS 1.0–1.3. */
    public Configuration healthChecker(Protocol tls) {
        return HealthCheckerClassification.of(state.protocol(tls, Role.SERVER).orElseThrow(),
                state.protocol(tls, Role.CLIENT).orElseThrow());
    }

    public List<Finding> blocking() {
        return findings.stream().filter(f -> Rules.BLOCKING.contains(f.id())).toList();
    }
}
