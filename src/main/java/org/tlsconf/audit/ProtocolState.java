package org.tlsconf.audit;

import java.util.Optional;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.tls.OsDefaults;
import org.tlsconf.tls.Protocol;
import org.tlsconf.tls.Role;
import org.tlsconf.tls.TlsRegistry;

/**
 * One side of one protocol: what the registry says ({@code Enabled}, {@code DisabledByDefault}, each possibly
 * absent or of a type Windows ignores) and what that means on this host.
 */
public record ProtocolState(Protocol protocol, Role role, Optional<RegistryValue> enabled,
        Optional<RegistryValue> disabledByDefault, Effective effective, boolean fromOsDefault) {

    /** The effective state, as SCHANNEL applies it. */
    public enum Effective {
        /** Negotiated when both sides support it. */
        ENABLED("Enabled"),
        /** Used only when an application asks for it explicitly (DisabledByDefault=1). */
        DISABLED_BY_DEFAULT("Disabled by default"),
        /** Never used (Enabled=0). */
        DISABLED("Disabled"),
        /** This Windows has no such protocol. */
        NOT_SUPPORTED("Not supported"),
        /** The registry says nothing and the Windows build is unknown. */
        UNKNOWN("Unknown"),
        /** The source does not record these values (a HealthChecker export): nothing is known. */
        NOT_COLLECTED("Not collected");

        private final String label;

        Effective(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public RegistryPath key() {
        return TlsRegistry.protocolKey(protocol, role);
    }

    /** A DWORD's value, or empty when absent or not a DWORD (Windows reads these values only as REG_DWORD). */
    static Optional<Long> dword(Optional<RegistryValue> v) {
        return v.filter(x -> x instanceof RegistryValue.Dword).map(x -> ((RegistryValue.Dword) x).value());
    }

    static ProtocolState resolve(Protocol p, Role r, Optional<RegistryValue> enabled, Optional<RegistryValue> dbd,
            OsDefaults.Default osDefault) {
        Optional<Long> e = dword(enabled);
        Optional<Long> d = dword(dbd);
        if (e.isPresent() && e.get() == 0) {
            return new ProtocolState(p, r, enabled, dbd, Effective.DISABLED, false);
        }
        boolean supported = osDefault != OsDefaults.Default.NOT_SUPPORTED;
        if (d.isPresent() && d.get() != 0 && supported) {
            return new ProtocolState(p, r, enabled, dbd, Effective.DISABLED_BY_DEFAULT, false);
        }
        if (e.isPresent() && supported) {
            return new ProtocolState(p, r, enabled, dbd, Effective.ENABLED, false);
        }
        Effective fromDefault = switch (osDefault) {
            case ENABLED -> Effective.ENABLED;
            case DISABLED -> Effective.DISABLED;
            case NOT_SUPPORTED -> Effective.NOT_SUPPORTED;
            case UNKNOWN -> Effective.UNKNOWN;
        };
        return new ProtocolState(p, r, enabled, dbd, fromDefault, e.isEmpty());
    }

    /** A side whose values the source does not record ({@link org.tlsconf.registry.Registry#records}). */
    static ProtocolState notCollected(Protocol p, Role r) {
        return new ProtocolState(p, r, Optional.empty(), Optional.empty(), Effective.NOT_COLLECTED, false);
    }

    /** True when nothing is known about this side (build unknown, or the values not collected). */
    public boolean unknown() {
        return effective == Effective.UNKNOWN || effective == Effective.NOT_COLLECTED;
    }

    /** "Enabled", "Enabled (OS default)", or "Not supported (Enabled=1 written)". */
    public String describe() {
        if (effective == Effective.NOT_SUPPORTED && dword(enabled).map(v -> v != 0).orElse(false)) {
            return effective.label() + " (Enabled=" + dword(enabled).get() + " written)";
        }
        return effective.label() + (fromOsDefault ? " (OS default)" : "");
    }
}
