package org.tlsconf.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tlsconf.audit.HostState;
import org.tlsconf.audit.ProtocolState;
import org.tlsconf.tls.Protocol;
import org.tlsconf.tls.Role;

/**
 * Whether this host, once a profile is applied, can still talk to a probed endpoint: the versions the endpoint
 * accepted, against the versions this host's Schannel client side will have enabled.
 */
public record Verdict(Status status, List<String> common, List<String> unknown, String explanation) {

    public enum Status {
        OK, BROKEN, UNKNOWN, UNREACHABLE
    }

    private static final Map<String, Protocol> PROTOCOLS = Map.of("SSL 3.0", Protocol.SSL_3_0, "TLS 1.0",
            Protocol.TLS_1_0, "TLS 1.1", Protocol.TLS_1_1, "TLS 1.2", Protocol.TLS_1_2, "TLS 1.3", Protocol.TLS_1_3);

    public static Verdict of(ProbeResult result, HostState after, String profile) {
        if (result.unreachable().isPresent()) {
            return new Verdict(Status.UNREACHABLE, List.of(), List.of(), "the endpoint could not be probed");
        }
        List<String> common = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String version : result.accepted()) {
            ProtocolState client = after.protocol(PROTOCOLS.get(version), Role.CLIENT).orElseThrow();
            switch (client.effective()) {
                case ENABLED -> common.add(version);
                case UNKNOWN, NOT_COLLECTED -> unknown.add(version);
                default -> {
                    // disabled, disabled by default, or not supported here: no use for this endpoint
                }
            }
        }
        if (!common.isEmpty()) {
            return new Verdict(Status.OK, common, unknown, "after " + profile + " this host can still connect using "
                    + String.join(" or ", common));
        }
        if (!unknown.isEmpty()) {
            return new Verdict(Status.UNKNOWN, common, unknown, "the endpoint accepts " + String.join(", ", unknown)
                    + ", but whether this host's client side allows it depends on the Windows build (pass "
                    + "--os-build N or --registry-file)");
        }
        return new Verdict(Status.BROKEN, common, unknown, result.accepted().isEmpty()
                ? "the endpoint accepted no protocol version at all"
                : "the endpoint accepts only " + String.join(", ", result.accepted()) + ", which " + profile
                        + " leaves disabled on this host's client side: connections will fail (\"Could not create "
                        + "SSL/TLS secure channel\")");
    }
}
