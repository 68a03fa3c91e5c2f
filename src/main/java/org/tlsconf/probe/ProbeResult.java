package org.tlsconf.probe;

import java.util.List;
import java.util.Optional;

/** What one target did with each protocol version. */
public record ProbeResult(ProbeTarget target, Optional<String> unreachable, List<VersionResult> versions,
        Optional<CertificateInfo> certificate) {

    /** The outcome of one version. */
    public enum Outcome {
        ACCEPTED, REFUSED, NOT_TESTED, ERROR
    }

    /**
     * @param version     "TLS 1.2" etc.
     * @param cipherSuite the negotiated suite when accepted
     * @param detail      why it was refused or failed, in plain words
     */
    public record VersionResult(String version, Outcome outcome, Optional<String> cipherSuite, String detail) {
    }

    public List<String> accepted() {
        return versions.stream().filter(v -> v.outcome() == Outcome.ACCEPTED).map(VersionResult::version).toList();
    }
}
