package org.tlsconf.tls;

import java.util.List;
import java.util.Optional;
import org.tlsconf.registry.Hive;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryScope;

/**
 * Where Windows keeps its TLS settings. The SCHANNEL, .NET Framework and WinHTTP key names are spelled here and
 * nowhere else, and so is the list of roots tlsconf is allowed to write under.
 */
public final class TlsRegistry {
    private TlsRegistry() {
    }

    public static final RegistryPath SCHANNEL = RegistryPath.parse(
            "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL");
    public static final RegistryPath PROTOCOLS = SCHANNEL.child("Protocols");
    public static final RegistryPath CIPHERS = SCHANNEL.child("Ciphers");
    public static final RegistryPath HASHES = SCHANNEL.child("Hashes");
    public static final RegistryPath KEY_EXCHANGE = SCHANNEL.child("KeyExchangeAlgorithms");
    public static final RegistryPath CIPHER_SUITES = SCHANNEL.child("CipherSuites");
    public static final RegistryPath LOCAL_SSL = RegistryPath.parse(
            "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Cryptography\\Configuration\\Local\\SSL");
    public static final RegistryPath POLICY_SSL = RegistryPath.parse(
            "HKLM\\SOFTWARE\\Policies\\Microsoft\\Cryptography\\Configuration\\SSL");
    public static final RegistryPath FIPS_POLICY = RegistryPath.parse(
            "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\FipsAlgorithmPolicy");

    /**
     * WinINet's {@code SecureProtocols} (Internet Explorer, Edge IE mode, Office): the group policy, the machine and
     * the current user's setting, in that order of precedence. Read for the audit only, never written (outside the
     * write roots).
     */
    public static final List<RegistryPath> WININET = List.of(
            RegistryPath.parse("HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\CurrentVersion\\Internet Settings"),
            RegistryPath.parse("HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings"),
            RegistryPath.parse("HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings"));
    public static final String SECURE_PROTOCOLS = "SecureProtocols";

    /** The .NET Framework CLR versions whose keys hold SchUseStrongCrypto / SystemDefaultTlsVersions. */
    public static final List<String> DOTNET_VERSIONS = List.of("v2.0.50727", "v4.0.30319");

    public static final String ENABLED = "Enabled";
    public static final String DISABLED_BY_DEFAULT = "DisabledByDefault";
    public static final String SCH_USE_STRONG_CRYPTO = "SchUseStrongCrypto";
    public static final String SYSTEM_DEFAULT_TLS_VERSIONS = "SystemDefaultTlsVersions";
    public static final String DEFAULT_SECURE_PROTOCOLS = "DefaultSecureProtocols";

    /** The 64-bit and the 32-bit ({@code Wow6432Node}) view of {@code HKLM\SOFTWARE}. */
    public enum View {
        NATIVE("HKLM\\SOFTWARE\\Microsoft"),
        WOW6432("HKLM\\SOFTWARE\\Wow6432Node\\Microsoft");

        private final RegistryPath microsoft;

        View(String microsoft) {
            this.microsoft = RegistryPath.parse(microsoft);
        }

        public RegistryPath dotNet(String clrVersion) {
            return microsoft.child(".NETFramework").child(clrVersion);
        }

        public RegistryPath winHttp() {
            return microsoft.child("Windows").child("CurrentVersion").child("Internet Settings").child("WinHttp");
        }
    }

    /** {@code SCHANNEL\Protocols\<protocol>\<role>}. */
    public static RegistryPath protocolKey(Protocol protocol, Role role) {
        return PROTOCOLS.child(protocol.keyName()).child(role.keyName());
    }

    /**
     * The roots tlsconf may write under (DESIGN.md, safety rule 4). Widen only on purpose, with a test.
     */
    public static final List<RegistryPath> WRITABLE_ROOTS = List.of(
            SCHANNEL,
            LOCAL_SSL,
            POLICY_SSL,
            View.NATIVE.dotNet("v2.0.50727"),
            View.NATIVE.dotNet("v4.0.30319"),
            View.WOW6432.dotNet("v2.0.50727"),
            View.WOW6432.dotNet("v4.0.30319"),
            View.NATIVE.winHttp(),
            View.WOW6432.winHttp(),
            FIPS_POLICY);

    /**
     * What the read-only commands (status, check, diff, fleet) read of an export: the TLS roots, WinINet's keys, and
     * the keys that name the host and its Windows version. Everything else in a large export is skipped unread.
     */
    public static final RegistryScope READ_SCOPE = new RegistryScope(WRITABLE_ROOTS,
            concat(WININET, WindowsVersion.HOST_KEYS));

    /**
     * What {@code apply} and {@code restore} hold of a {@code .reg} file: what {@link #READ_SCOPE} reads, and the
     * whole subtree of each TLS root's parent, so that a new root's lines go where they would in the whole file.
     * Everything else is checked, then copied through unchanged when the file is saved.
     */
    public static final RegistryScope EDIT_SCOPE = new RegistryScope(parents(WRITABLE_ROOTS),
            concat(WININET, WindowsVersion.HOST_KEYS));

    private static List<RegistryPath> parents(List<RegistryPath> keys) {
        List<RegistryPath> out = new java.util.ArrayList<>();
        for (RegistryPath k : keys) {
            if (!out.contains(k.parent())) {
                out.add(k.parent());
            }
        }
        return out;
    }

    private static List<RegistryPath> concat(List<RegistryPath> a, List<RegistryPath> b) {
        List<RegistryPath> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The writable root that contains {@code key}, if any. */
    public static Optional<RegistryPath> writableRootOf(RegistryPath key) {
        for (RegistryPath root : WRITABLE_ROOTS) {
            if (key.isAtOrBelow(root)) {
                return Optional.of(root);
            }
        }
        return Optional.empty();
    }

    public static boolean isWritable(RegistryPath key) {
        return key.hive() == Hive.HKEY_LOCAL_MACHINE && writableRootOf(key).isPresent();
    }

    /**
     * The one rule for which keys tlsconf creates on purpose, records as "created by this run", and may ever remove
     * again (only when empty): keys at or below a TLS root. The keys on the way to a root ({@code HKLM\SOFTWARE},
     * {@code HKLM\SOFTWARE\Wow6432Node}, ...) come into being implicitly when missing (as a {@code .reg} import
     * creates them), are never recorded and never removed: a partial export that lacks them does not mean the host
     * lacks them.
     */
    public static boolean mayCreateOrRemove(RegistryPath key) {
        return isWritable(key);
    }
}
