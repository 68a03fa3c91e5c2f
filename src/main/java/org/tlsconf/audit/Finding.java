package org.tlsconf.audit;

/**
 * One thing wrong (or worth knowing) about a host's TLS configuration.
 *
 * @param id       a stable identifier, e.g. {@code TLS-MISMATCH}
 * @param where    the key (and value) concerned, e.g. {@code HKLM\...\TLS 1.0\Server\Enabled}
 * @param message  what is wrong on this host
 * @param why      why it matters
 * @param fix      what to do about it
 */
public record Finding(String id, Severity severity, String where, String message, String why, String fix) {

    public enum Severity {
        HIGH, MEDIUM, LOW, INFO;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
