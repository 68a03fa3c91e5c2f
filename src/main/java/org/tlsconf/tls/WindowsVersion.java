package org.tlsconf.tls;

import java.util.List;
import java.util.Optional;
import org.tlsconf.registry.Registry;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;

/**
 * Which Windows a registry belongs to, from {@code HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion} (live, or
 * in a {@code .reg} export that contains that key), or from a build number given by the user.
 *
 * @param build            CurrentBuildNumber, e.g. 14393 (Server 2016), 17763 (2019), 20348 (2022)
 * @param ubr              the update build revision, or -1 when unknown
 * @param productName      e.g. "Windows Server 2016 Standard", or empty
 * @param installationType "Server", "Server Core", "Client", or empty
 * @param source           where this came from, for reports
 */
public record WindowsVersion(int build, int ubr, String productName, String installationType, String source) {

    public static final RegistryPath CURRENT_VERSION = RegistryPath.parse(
            "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion");

    /** Reads the version from a registry; empty when the key or a usable build number is missing. */
    public static Optional<WindowsVersion> read(Registry registry, String source) {
        // plain code rather than Optional chains of lambdas: every command that prints a host line runs this
        Optional<RegistryValue> buildValue = registry.readValue(CURRENT_VERSION, "CurrentBuildNumber");
        if (buildValue.isEmpty()) {
            buildValue = registry.readValue(CURRENT_VERSION, "CurrentBuild");
        }
        Optional<Integer> build = buildValue.isPresent() ? number(buildValue.get()) : Optional.empty();
        if (build.isEmpty()) {
            return Optional.empty();
        }
        Optional<RegistryValue> ubrValue = registry.readValue(CURRENT_VERSION, "UBR");
        int ubr = ubrValue.isPresent() ? number(ubrValue.get()).orElse(-1) : -1;
        return Optional.of(new WindowsVersion(build.get(), ubr, text(registry, "ProductName"),
                text(registry, "InstallationType"), source));
    }

    /** The builds a user is likely to mean, for messages (Windows Server and client releases). */
    public static final String KNOWN_BUILDS = "6002 (Server 2008 SP2), 7601 (Windows 7 / Server 2008 R2), "
            + "9200 (Server 2012), 9600 (Server 2012 R2), 10240 and 10586 (Windows 10 1507/1511), 14393 (Server 2016), "
            + "17763 (Server 2019), 19045 (Windows 10 22H2), 20348 (Server 2022), 22000, 22621, 22631, 26100 (Windows 11), "
            + "26100 (Server 2025)";

    /** True for a number that can be a Windows NT 6+ build (Vista's 6000 up to today's Insider builds). */
    public static boolean plausibleBuild(int build) {
        return build >= 6000 && build < 30000;
    }

    public static final RegistryPath COMPUTER_NAME = RegistryPath.parse(
            "HKLM\\SYSTEM\\CurrentControlSet\\Control\\ComputerName\\ComputerName");
    public static final RegistryPath ACTIVE_COMPUTER_NAME = RegistryPath.parse(
            "HKLM\\SYSTEM\\CurrentControlSet\\Control\\ComputerName\\ActiveComputerName");

    /** The keys outside the TLS roots that say which host a registry is: its version and its name. */
    public static final List<RegistryPath> HOST_KEYS = List.of(CURRENT_VERSION, COMPUTER_NAME, ACTIVE_COMPUTER_NAME);

    /**
     * The computer name a registry records ({@code ComputerName\ComputerName}, else {@code ActiveComputerName}),
     * when it has one.
     */
    public static Optional<String> computerName(Registry registry) {
        for (RegistryPath key : List.of(COMPUTER_NAME, ACTIVE_COMPUTER_NAME)) {
            Optional<RegistryValue> v = registry.readValue(key, "ComputerName");
            if (v.isPresent() && v.get() instanceof RegistryValue.Sz s && !s.value().isBlank()) {
                return Optional.of(s.value().strip());
            }
        }
        return Optional.empty();
    }

    /** A version known only by its build number (from {@code --os-build}). */
    public static WindowsVersion ofBuild(int build, String source) {
        return new WindowsVersion(build, -1, "", "", source);
    }

    private static String text(Registry registry, String name) {
        Optional<RegistryValue> value = registry.readValue(CURRENT_VERSION, name);
        return value.isPresent() && value.get() instanceof RegistryValue.Sz s ? s.value() : "";
    }

    private static Optional<Integer> number(RegistryValue v) {
        if (v instanceof RegistryValue.Dword d) {
            return Optional.of((int) d.value());
        }
        if (v instanceof RegistryValue.Sz s) {
            String digits = s.value().strip();
            boolean number = !digits.isEmpty() && digits.length() <= 9;
            for (int i = 0; i < digits.length(); i++) {
                number &= digits.charAt(i) >= '0' && digits.charAt(i) <= '9';
            }
            if (number) {
                return Optional.of(Integer.parseInt(digits));
            }
        }
        return Optional.empty();
    }

    public boolean isServer() {
        return installationType.startsWith("Server") || productName.contains("Server");
    }

    /**
     * True when this build supports TLS 1.3 in SCHANNEL: Windows Server 2022 (20348) and Windows 11 (22000) on.
     * A build alone (no product name) counts as a server only from 20348.
     */
    public boolean supportsTls13() {
        return build >= 22000 || (build >= 20348 && (isServer() || productName.isEmpty()));
    }

    /** "Windows Server 2016 Standard (build 14393.693, Server; from the registry file)". */
    public String describe() {
        StringBuilder sb = new StringBuilder(productName.isEmpty() ? "Windows" : productName);
        sb.append(" (build ").append(build);
        if (ubr >= 0) {
            sb.append('.').append(ubr);
        }
        if (!installationType.isEmpty()) {
            sb.append(", ").append(installationType);
        }
        return sb.append("; ").append(source).append(')').toString();
    }
}
