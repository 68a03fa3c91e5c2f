package org.tlsconf.fleet;

import java.util.List;
import java.util.Optional;
import org.tlsconf.audit.ProtocolState;
import org.tlsconf.tls.Protocol;
import org.tlsconf.tls.Role;

/**
 * One row of a fleet report: a host read from an export, audited and (with a profile) checked.
 *
 * @param name          the export's computer name, else the file (or folder) name
 * @param source        the file or folder it was read from
 * @param kind          "reg", "healthchecker" or "folder"
 * @param build         the Windows build, when the export (or --os-build) gives it
 * @param product       the product name, or empty
 * @param drift         how many of the profile's values differ (0 without a profile)
 * @param checked       how many of the profile's values were compared
 * @param notCollected  the profile's values a HealthChecker export does not record (not compared)
 * @param configuration a short hash of every value under the TLS roots: equal for hosts configured alike
 * @param protocols     SSL 2.0 … DTLS 1.2, Client and Server, as the audit resolves them (empty when failed)
 * @param error         why the export could not be read (failed rows only)
 */
public record FleetHost(String name, String source, String kind, Optional<Integer> build, String product,
        Status status, int drift, int checked, int notCollected, Severities findings, String configuration,
        List<ProtocolState> protocols, String error, List<org.tlsconf.audit.Finding> auditFindings) {

    public enum Status {
        COMPLIANT, DRIFT, AUDITED, FAILED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** How many findings of each severity. */
    public record Severities(int high, int medium, int low, int info) {
        public static final Severities NONE = new Severities(0, 0, 0, 0);

        public int total() {
            return high + medium + low + info;
        }
    }

    public FleetHost {
        protocols = List.copyOf(protocols);
        auditFindings = List.copyOf(auditFindings);
    }

    static FleetHost failed(String name, String source, String kind, String error) {
        return new FleetHost(name, source, kind, Optional.empty(), "", Status.FAILED, 0, 0, 0, Severities.NONE, "",
                List.of(), error, List.of());
    }

    public Optional<ProtocolState> protocol(Protocol p, Role r) {
        return protocols.stream().filter(s -> s.protocol() == p && s.role() == r).findFirst();
    }
}
