package org.tlsconf.reboot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tlsconf.plan.Change;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.tls.TlsRegistry;

/**
 * Which applied changes need a reboot and which only a restart of the programs that use them
 * (windows-tls-registry.md §4.7): SCHANNEL values are read when credential handles are made, so services that hold
 * one keep the old settings until the host restarts; the cipher suite and ECC curve order apply from the next boot;
 * WinHTTP and the FIPS policy are read by long-running services. .NET Framework values apply to processes started
 * afterwards.
 */
public final class RebootPolicy {
    private RebootPolicy() {
    }

    /** The verdict: reasons for a reboot (none = no reboot needed) and what to restart otherwise. */
    public record Assessment(List<String> rebootReasons, List<String> restartAdvice) {
        public boolean rebootRequired() {
            return !rebootReasons.isEmpty();
        }
    }

    public static Assessment assess(List<Change> changes) {
        Set<String> reboot = new LinkedHashSet<>();
        Set<String> restart = new LinkedHashSet<>();
        for (Change c : changes) {
            rebootReason(c.key()).ifPresentOrElse(reboot::add, () -> {
                if (isDotNet(c.key())) {
                    restart.add(".NET Framework settings apply to processes started from now on: restart .NET "
                            + "applications and services (for IIS: iisreset or recycle the application pools)");
                }
            });
        }
        return new Assessment(new ArrayList<>(reboot), new ArrayList<>(restart));
    }

    /** Why a change under this key needs a reboot; empty when it does not (.NET values, anything else). */
    public static Optional<String> rebootReason(RegistryPath k) {
        if (k.isAtOrBelow(TlsRegistry.PROTOCOLS)) {
            return Optional.of("SCHANNEL protocol settings apply to new connections of services started after a "
                    + "reboot");
        } else if (k.isAtOrBelow(TlsRegistry.CIPHERS) || k.isAtOrBelow(TlsRegistry.HASHES)
                || k.isAtOrBelow(TlsRegistry.KEY_EXCHANGE) || k.isAtOrBelow(TlsRegistry.CIPHER_SUITES)) {
            return Optional.of("SCHANNEL cipher, hash and key exchange settings take effect after a reboot");
        } else if (k.isAtOrBelow(TlsRegistry.SCHANNEL)) {
            return Optional.of("SCHANNEL settings such as EventLogging take effect after a reboot");
        } else if (k.isAtOrBelow(TlsRegistry.POLICY_SSL) || k.isAtOrBelow(TlsRegistry.LOCAL_SSL)) {
            return Optional.of("the cipher suite and ECC curve order take effect at the next boot");
        } else if (k.isAtOrBelow(TlsRegistry.FIPS_POLICY)) {
            return Optional.of("the FIPS algorithm policy takes effect after a reboot");
        } else if (isWinHttp(k)) {
            return Optional.of("WinHTTP default protocols take effect after a reboot (or a restart of every service "
                    + "that uses WinHTTP)");
        }
        return Optional.empty();
    }

    private static boolean isWinHttp(RegistryPath k) {
        for (TlsRegistry.View v : TlsRegistry.View.values()) {
            if (k.isAtOrBelow(v.winHttp())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDotNet(RegistryPath k) {
        for (TlsRegistry.View v : TlsRegistry.View.values()) {
            for (String version : TlsRegistry.DOTNET_VERSIONS) {
                if (k.isAtOrBelow(v.dotNet(version))) {
                    return true;
                }
            }
        }
        return false;
    }
}
