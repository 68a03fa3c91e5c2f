package org.tlsconf.cli;

import java.util.Optional;
import org.tlsconf.backup.BackupStore;
import org.tlsconf.registry.Registry;
import org.tlsconf.report.ReportMeta;
import org.tlsconf.tls.WindowsVersion;

/** Builds the facts every report carries: time, tool version, computer name, profile. */
final class Meta {
    private Meta() {
    }

    /**
     * The computer name comes from the registry (a {@code .reg} export that has {@code ComputerName}, or the live
     * registry); for the live registry without it, from this host. A file that does not name its computer gets none.
     */
    static ReportMeta of(Context context, Registry registry, boolean liveRegistry, Optional<String> profile) {
        Optional<String> computer = WindowsVersion.computerName(registry);
        if (computer.isEmpty() && liveRegistry) {
            computer = Optional.of(BackupStore.hostName());
        }
        return new ReportMeta(context.clock().instant(), TlsconfCommand.Version.version(), computer, profile);
    }

    /** For a report about no registry (probe without a profile, explain, fleet of many hosts): no computer name. */
    static ReportMeta of(Context context, Optional<String> profile) {
        return new ReportMeta(context.clock().instant(), TlsconfCommand.Version.version(), Optional.empty(), profile);
    }

    static Optional<String> profile(String name, String source) {
        return Optional.of(name + " (" + source + ")");
    }
}
