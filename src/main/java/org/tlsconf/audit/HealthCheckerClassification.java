package org.tlsconf.audit;

import java.util.Optional;

/**
 * The per-version configuration microsoft/CSS-Exchange HealthChecker reports for TLS 1.0–1.3
 * (Shared/TLS/Get-AllTlsSettingsFromRegistry.ps1): Enabled counts as on when non-zero, and when absent for 1.0–1.2
 * (absent is off for 1.3); DisabledByDefault counts when present and non-zero. Misconfigured (client and server
 * differ) wins over Half Disabled, which wins over Disabled.
 */
public final class HealthCheckerClassification {
    private HealthCheckerClassification() {
    }

    public enum Configuration {
        ENABLED("Enabled"), DISABLED("Disabled"), HALF_DISABLED("Half Disabled"), MISCONFIGURED("Misconfigured");

        private final String label;

        Configuration(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One side as HealthChecker sees it. */
    public record Side(boolean enabled, boolean disabledByDefault, boolean disabledByDefaultPresent) {
        static Side of(Optional<Long> enabled, Optional<Long> dbd, boolean nullIsEnabled) {
            boolean e = enabled.map(v -> v != 0).orElse(nullIsEnabled);
            boolean d = dbd.map(v -> v != 0).orElse(false);
            return new Side(e, d, dbd.isPresent());
        }
    }

    /**
     * HealthChecker's {@code TLSVersionDisabled}: Enabled off and DisabledByDefault on (or absent) on <em>both</em>
     * sides. Only then does it demand the .NET values (a version off on one side only is Misconfigured instead).
     */
    public static boolean disabled(Side server, Side client) {
        return !server.enabled() && (server.disabledByDefault() || !server.disabledByDefaultPresent())
                && !client.enabled() && (client.disabledByDefault() || !client.disabledByDefaultPresent());
    }

    public static Configuration classify(Side server, Side client) {
        boolean disabled = disabled(server, client);
        boolean misconfigured = server.enabled() != client.enabled()
                || server.disabledByDefault() != client.disabledByDefault();
        boolean halfDisabled = (!server.enabled() && !server.disabledByDefault() && server.disabledByDefaultPresent())
                || (server.enabled() && server.disabledByDefault());
        if (misconfigured) {
            return Configuration.MISCONFIGURED;
        }
        if (halfDisabled) {
            return Configuration.HALF_DISABLED;
        }
        return disabled ? Configuration.DISABLED : Configuration.ENABLED;
    }

    /** HealthChecker's classification of a TLS version from a host's registry values. */
    public static Configuration of(ProtocolState server, ProtocolState client) {
        return classify(side(server), side(client));
    }

    /** True when HealthChecker counts the version as disabled (both sides off). */
    public static boolean disabled(ProtocolState server, ProtocolState client) {
        return disabled(side(server), side(client));
    }

    private static Side side(ProtocolState p) {
        return Side.of(ProtocolState.dword(p.enabled()), ProtocolState.dword(p.disabledByDefault()),
                p.protocol() != org.tlsconf.tls.Protocol.TLS_1_3);
    }
}
