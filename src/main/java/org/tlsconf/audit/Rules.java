package org.tlsconf.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tlsconf.audit.Finding.Severity;
import org.tlsconf.audit.HostState.AlgorithmSetting;
import org.tlsconf.audit.HostState.DotNetValue;
import org.tlsconf.audit.HostState.WinHttpValue;
import org.tlsconf.audit.ProtocolState.Effective;
import org.tlsconf.registry.RegistryNames;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.tls.Protocol;
import org.tlsconf.tls.Role;
import org.tlsconf.tls.TlsRegistry;

/**
 * The audit rules (HealthChecker's, and the lockout guards of hardening-risks.md §3). Each produces findings with
 * an id, a severity, where, why it matters and how to fix it.
 */
public final class Rules {
    private Rules() {
    }

    /** Findings that make {@code apply} refuse a plan unless --force. */
    public static final List<String> BLOCKING = List.of("NO-SERVER-PROTOCOL", "NO-CLIENT-PROTOCOL",
            "TLS13-UNSUPPORTED", "LEGACY-OS-TLS12-OFF");

    private static final List<Protocol> TLS = List.of(Protocol.TLS_1_0, Protocol.TLS_1_1, Protocol.TLS_1_2,
            Protocol.TLS_1_3);

    public static List<Finding> evaluate(HostState s) {
        List<Finding> out = new ArrayList<>();
        protocolValues(s, out);
        mismatchAndHalfDisabled(s, out);
        usableProtocols(s, out);
        tls13(s, out);
        legacyOs(s, out);
        oldProtocols(s, out);
        dotNet(s, out);
        winHttp(s, out);
        winInet(s, out);
        cipherOrder(s, out);
        suitesInOrder(s, out);
        algorithms(s, out);
        weakAlgorithms(s, out);
        if (ProtocolState.dword(s.fipsEnabled()).map(v -> v != 0).orElse(false)) {
            out.add(new Finding("FIPS-ENABLED", Severity.LOW, TlsRegistry.FIPS_POLICY + "\\Enabled",
                    "the FIPS algorithm policy is on",
                    "it restricts Schannel to FIPS algorithms, breaks some applications, and can make Schannel "
                            + "negotiate TLS 1.0 even where it is disabled (hardening-risks R19)",
                    "set Enabled=0 unless FIPS mode is mandated"));
        }
        // most severe first; the order of the rules within a severity is kept (List.sort is stable)
        out.sort(java.util.Comparator.comparing(Finding::severity));
        return out;
    }

    private static String at(ProtocolState p, String value) {
        return p.key() + "\\" + value;
    }

    /** Wrong types, odd Enabled values, values HealthChecker requires but that are missing. */
    private static void protocolValues(HostState s, List<Finding> out) {
        for (ProtocolState p : s.protocols()) {
            for (String name : List.of(TlsRegistry.ENABLED, TlsRegistry.DISABLED_BY_DEFAULT)) {
                Optional<RegistryValue> v = name.equals(TlsRegistry.ENABLED) ? p.enabled() : p.disabledByDefault();
                if (v.isPresent() && !(v.get() instanceof RegistryValue.Dword)) {
                    out.add(new Finding("VALUE-WRONG-TYPE", Severity.HIGH, at(p, name), name + " is "
                            + v.get().type() + " " + v.get().display() + "; Windows reads it only as REG_DWORD and "
                            + "ignores this value",
                            "the protocol silently keeps its OS default, whatever the value says",
                            "delete it and write a REG_DWORD (tlsconf apply does this)"));
                }
            }
            ProtocolState.dword(p.enabled()).filter(e -> e != 0 && e != 1 && e != RegistryValue.Dword.MAX)
                    .ifPresent(e -> out.add(new Finding("ENABLED-ODD-VALUE", Severity.LOW, at(p, TlsRegistry.ENABLED),
                            "Enabled=" + e + " is neither 0, 1 nor 0xFFFFFFFF",
                            "Windows treats any non-zero value as on, but scanners and HealthChecker versions "
                                    + "disagree about such values",
                            "write 1 (or 0 to disable)")));
        }
        for (Protocol proto : List.of(Protocol.TLS_1_0, Protocol.TLS_1_1, Protocol.TLS_1_2)) {
            for (Role role : Role.values()) {
                ProtocolState p = s.protocol(proto, role).orElseThrow();
                List<String> missing = new ArrayList<>();
                if (p.enabled().isEmpty()) {
                    missing.add(TlsRegistry.ENABLED);
                }
                if (p.disabledByDefault().isEmpty()) {
                    missing.add(TlsRegistry.DISABLED_BY_DEFAULT);
                }
                if (!missing.isEmpty()) {
                    out.add(new Finding("TLS-VALUE-MISSING", Severity.LOW, p.key().toString(),
                            proto.keyName() + " " + role.keyName() + ": " + String.join(" and ", missing)
                                    + " not set; the OS default applies (" + p.describe() + ")",
                            "defaults differ between Windows versions and updates; HealthChecker, CIS and STIG "
                                    + "require both values to be written",
                            "write both values explicitly " + WRITES_BOTH_VALUES.get(proto)));
                }
            }
        }
    }

    /**
     * Which bundled profiles write both values of a protocol, for the TLS-VALUE-MISSING fix (kept true against the
     * catalogue by BundledProfilesTest).
     */
    static final java.util.Map<Protocol, String> WRITES_BOTH_VALUES = java.util.Map.of(
            Protocol.TLS_1_0, "(every bundled profile but min-requirement and os-defaults does, e.g. max-protection)",
            Protocol.TLS_1_1, "(every bundled profile but min-requirement and os-defaults does, e.g. max-protection)",
            Protocol.TLS_1_2, "(every bundled profile but os-defaults does, e.g. min-requirement)");

    private static void mismatchAndHalfDisabled(HostState s, List<Finding> out) {
        for (Protocol proto : HostState.MATRIX) {
            ProtocolState server = s.protocol(proto, Role.SERVER).orElseThrow();
            ProtocolState client = s.protocol(proto, Role.CLIENT).orElseThrow();
            // HealthChecker compares the registry values of TLS 1.0-1.3 (a missing TLS 1.3 value counts as off, so
            // Client on with Server untouched is Misconfigured); otherwise what counts is the effect, and only when a
            // value makes the sides differ: OS defaults that differ by design (SSL 2.0 on 2008 R2) are no finding
            boolean hcMisconfigured = TLS.contains(proto)
                    && HealthCheckerClassification.of(server, client) == HealthCheckerClassification.Configuration.MISCONFIGURED;
            boolean effectDiffers = server.effective() != client.effective()
                    && server.effective() != Effective.NOT_SUPPORTED && client.effective() != Effective.NOT_SUPPORTED
                    && !server.unknown() && !client.unknown()
                    && !(asShipped(server) && asShipped(client));
            if (hcMisconfigured || effectDiffers) {
                out.add(new Finding("TLS-MISMATCH", Severity.MEDIUM, TlsRegistry.PROTOCOLS + "\\" + proto.keyName(),
                        proto.keyName() + ": Server is " + sideText(server) + " but Client is " + sideText(client)
                                + (hcMisconfigured ? " (HealthChecker: Misconfigured)" : ""),
                        "servers are clients too (SQL, Exchange, AD FS, agents): a half-configured protocol breaks "
                                + "connections in one direction",
                        "configure Client and Server the same way"));
            }
            for (ProtocolState p : List.of(server, client)) {
                Optional<Long> e = ProtocolState.dword(p.enabled());
                Optional<Long> d = ProtocolState.dword(p.disabledByDefault());
                if (e.isPresent() && d.isPresent() && e.get() != 0 && d.get() != 0) {
                    out.add(new Finding("TLS-HALF-DISABLED", Severity.HIGH, p.key().toString(), proto.keyName() + " "
                            + p.role().keyName() + " is half disabled: Enabled=" + e.get() + " with DisabledByDefault=1",
                            "DisabledByDefault alone is not a disable: applications that ask for the protocol still "
                                    + "get it (HealthChecker: Half Disabled)",
                            "set Enabled=0 to disable it, or DisabledByDefault=0 to enable it"));
                } else if (e.isPresent() && d.isPresent() && e.get() == 0 && d.get() == 0) {
                    out.add(new Finding("TLS-HALF-DISABLED", Severity.HIGH, p.key().toString(), proto.keyName() + " "
                            + p.role().keyName() + " is half disabled: Enabled=0 with DisabledByDefault=0",
                            "contradictory values; HealthChecker reports them as Half Disabled",
                            "set DisabledByDefault=1 together with Enabled=0"));
                }
            }
        }
    }

    /** The side as Windows ships it: the OS default, or only the values a fresh install has (SSL 2.0 Client). */
    private static boolean asShipped(ProtocolState p) {
        return p.fromOsDefault() || (p.enabled().isEmpty() && p.disabledByDefault().isPresent()
                && org.tlsconf.tls.OsDefaults.freshInstallHas(p.key(), TlsRegistry.DISABLED_BY_DEFAULT,
                        p.disabledByDefault()));
    }

    /** The state and, when the registry says something, the values behind it. */
    private static String sideText(ProtocolState p) {
        if (p.enabled().isEmpty() && p.disabledByDefault().isEmpty()) {
            return p.describe() + ", no values";
        }
        return p.describe() + " (Enabled=" + p.enabled().map(Rules::brief).orElse("absent")
                + ", DisabledByDefault=" + p.disabledByDefault().map(Rules::brief).orElse("absent") + ")";
    }

    private static String brief(RegistryValue v) {
        if (v instanceof RegistryValue.Dword d) {
            return d.value() <= 1 ? Long.toString(d.value()) : String.format("0x%X", d.value());
        }
        return v.type() + " " + v.display();
    }

    private static void usableProtocols(HostState s, List<Finding> out) {
        for (Role role : Role.values()) {
            boolean anyKnown = false;
            boolean usable = false;
            for (Protocol proto : TLS) {
                ProtocolState p = s.protocol(proto, role).orElseThrow();
                anyKnown |= !p.unknown();
                usable |= p.effective() == Effective.ENABLED || p.unknown();
            }
            if (anyKnown && !usable) {
                String id = role == Role.SERVER ? "NO-SERVER-PROTOCOL" : "NO-CLIENT-PROTOCOL";
                out.add(new Finding(id, Severity.HIGH, TlsRegistry.PROTOCOLS.toString(),
                        "no TLS version is enabled for the " + role.keyName() + " side",
                        role == Role.SERVER ? "every TLS listener (RDP, IIS, WinRM over HTTPS, LDAPS, SQL login "
                                + "encryption) fails: event 36871, internal error state 10013 — a lockout"
                                : "every outgoing TLS connection of Schannel clients fails",
                        "enable TLS 1.2 for the " + role.keyName() + " side (profile min-requirement)"));
            }
        }
        ProtocolState s12 = s.protocol(Protocol.TLS_1_2, Role.SERVER).orElseThrow();
        ProtocolState c12 = s.protocol(Protocol.TLS_1_2, Role.CLIENT).orElseThrow();
        for (ProtocolState p : List.of(s12, c12)) {
            if (p.effective() == Effective.DISABLED || p.effective() == Effective.DISABLED_BY_DEFAULT) {
                out.add(new Finding("TLS12-DISABLED", Severity.HIGH, p.key().toString(), "TLS 1.2 "
                        + p.role().keyName() + " is " + p.describe(),
                        "TLS 1.2 is what current services (Microsoft 365, Azure, PCI DSS) require",
                        "set Enabled=1 and DisabledByDefault=0 (profile min-requirement)"));
            }
        }
    }

    private static void tls13(HostState s, List<Finding> out) {
        for (Role role : Role.values()) {
            ProtocolState p = s.protocol(Protocol.TLS_1_3, role).orElseThrow();
            // any non-zero Enabled lets an application ask for TLS 1.3, whatever DisabledByDefault says
            boolean explicitlyOn = ProtocolState.dword(p.enabled()).map(v -> v != 0).orElse(false);
            if (!explicitlyOn) {
                continue;
            }
            if (s.version().isEmpty()) {
                out.add(new Finding("TLS13-UNVERIFIED", Severity.MEDIUM, p.key().toString(), "TLS 1.3 "
                        + role.keyName() + " is enabled and the Windows build is unknown",
                        "TLS 1.3 is supported only from Windows Server 2022 (build 20348) and Windows 11 (22000)",
                        "pass --os-build N, or check the host's build"));
            } else if (!s.version().get().supportsTls13()) {
                out.add(new Finding("TLS13-UNSUPPORTED", Severity.HIGH, p.key().toString(), "TLS 1.3 "
                        + role.keyName() + " is enabled on build " + s.version().get().build()
                        + ", which does not support it",
                        "earlier Windows has only an experimental TLS 1.3; Microsoft calls enabling it an unsafe "
                                + "configuration (SEC_E_ALGORITHM_MISMATCH, broken clients)",
                        "set Enabled=0 and DisabledByDefault=1 for TLS 1.3 on this host"));
            }
        }
        boolean tls13On = List.of(Role.SERVER, Role.CLIENT).stream().anyMatch(r ->
                s.protocol(Protocol.TLS_1_3, r).orElseThrow().effective() == Effective.ENABLED);
        List<String> suites = s.cipherOrder().suites();
        if (tls13On && !suites.isEmpty() && suites.stream().noneMatch(x -> RegistryNames.fold(x)
                .matches("TLS_(AES|CHACHA20)_.*"))) {
            String source = s.cipherOrder().source();
            out.add(new Finding("TLS13-NO-SUITE", Severity.HIGH, source.equals("policy")
                    ? HostState.CipherOrder.POLICY_KEY + "\\Functions" : source.equals("local")
                    ? HostState.CipherOrder.LOCAL_KEY + "\\Functions" : source,
                    "TLS 1.3 is enabled but the " + s.cipherOrder().source() + " cipher suite order has no TLS 1.3 suite",
                    "suites not in the order are never used, so TLS 1.3 handshakes fail",
                    "add TLS_AES_256_GCM_SHA384 and TLS_AES_128_GCM_SHA256 to the order, or disable TLS 1.3"));
        }
    }

    /** Windows 7 / 2008 R2 (6.1): TLS 1.1 and 1.2 are off by default, so disabling TLS 1.0 alone locks out. */
    private static void legacyOs(HostState s, List<Finding> out) {
        if (s.version().isEmpty() || s.version().get().build() < 7600 || s.version().get().build() >= 9200) {
            return;
        }
        for (Role role : Role.values()) {
            Effective tls10 = s.protocol(Protocol.TLS_1_0, role).orElseThrow().effective();
            ProtocolState tls12 = s.protocol(Protocol.TLS_1_2, role).orElseThrow();
            if (tls10 != Effective.ENABLED && tls12.effective() != Effective.ENABLED) {
                out.add(new Finding("LEGACY-OS-TLS12-OFF", Severity.HIGH, tls12.key().toString(),
                        "TLS 1.0 " + role.keyName() + " is off on Windows 7 / Server 2008 R2 while TLS 1.2 is "
                                + tls12.describe(),
                        "TLS 1.1 and 1.2 are disabled by default on 6.1: nothing usable is left (RDP needs "
                                + "KB3080079 too)",
                        "write TLS 1.2 Enabled=1 and DisabledByDefault=0 for Client and Server first"));
            }
        }
    }

    private static void oldProtocols(HostState s, List<Finding> out) {
        for (Protocol proto : List.of(Protocol.SSL_2_0, Protocol.SSL_3_0, Protocol.TLS_1_0, Protocol.TLS_1_1,
                Protocol.DTLS_1_0)) {
            for (Role role : Role.values()) {
                ProtocolState p = s.protocol(proto, role).orElseThrow();
                if (p.effective() != Effective.ENABLED) {
                    continue;
                }
                boolean ssl = proto == Protocol.SSL_2_0 || proto == Protocol.SSL_3_0;
                boolean dtls = proto == Protocol.DTLS_1_0;
                out.add(new Finding("OLD-PROTOCOL-ENABLED", ssl ? Severity.HIGH : Severity.LOW, p.key().toString(),
                        proto.keyName() + " " + role.keyName() + " is " + p.describe(),
                        ssl ? "SSL is broken (DROWN, POODLE) and fails every PCI DSS scan"
                                : dtls ? "DTLS 1.0 is the datagram form of TLS 1.1 and deprecated with it (RFC 8996)"
                                : "TLS 1.0 and 1.1 are deprecated; PCI DSS and most services no longer accept them",
                        dtls ? "disable it once nothing needs it (RDP's UDP transport uses DTLS: keep DTLS 1.2 on)"
                                : "disable it (profile max-protection) once every peer speaks TLS 1.2"));
            }
        }
    }

    private static void dotNet(HostState s, List<Finding> out) {
        for (DotNetValue v : s.dotNet()) {
            if (v.value().isPresent() && !(v.value().get() instanceof RegistryValue.Dword)) {
                out.add(new Finding("VALUE-WRONG-TYPE", Severity.HIGH, v.key() + "\\" + v.name(), v.name() + " is "
                        + v.value().get().type() + " " + v.value().get().display() + "; .NET reads only a REG_DWORD",
                        "the setting is ignored", "write a REG_DWORD 1"));
            }
        }
        twins(s.dotNet().stream().filter(v -> v.view() == TlsRegistry.View.NATIVE).toList(), s, out);
        for (TlsRegistry.View view : TlsRegistry.View.values()) { // one finding per view, at that view's key
            List<String> missing = s.dotNet().stream().filter(v -> v.view() == view
                    && v.clrVersion().equals("v4.0.30319") && v.value().isEmpty())
                    .map(v -> v.name() + (view == TlsRegistry.View.WOW6432 ? " (32-bit)" : "")).toList();
            if (!missing.isEmpty()) {
                out.add(new Finding("DOTNET-VALUE-MISSING", Severity.MEDIUM, view.dotNet("v4.0.30319").toString(),
                        ".NET Framework 4 values not set: " + String.join(", ", missing),
                        "without them, applications targeting .NET < 4.7 pick their own (old) TLS versions; "
                                + "HealthChecker reports the missing values as errors",
                        "set SystemDefaultTlsVersions=1 and SchUseStrongCrypto=1 in both views (profile "
                                + "min-requirement)"));
            }
        }
        // HealthChecker: only a lower version disabled on both sides (TLSVersionDisabled) makes the .NET values an error
        List<String> disabledBoth = List.of(Protocol.TLS_1_0, Protocol.TLS_1_1).stream()
                .filter(p -> HealthCheckerClassification.disabled(s.protocol(p, Role.SERVER).orElseThrow(),
                        s.protocol(p, Role.CLIENT).orElseThrow())).map(Protocol::keyName).toList();
        boolean oldDisabled = !disabledBoth.isEmpty();
        if (oldDisabled) {
            for (DotNetValue v : s.dotNet()) {
                if (v.clrVersion().equals("v4.0.30319") && ProtocolState.dword(v.value()).map(x -> x != 1).orElse(true)) {
                    out.add(new Finding("DOTNET-STRONG-CRYPTO-OFF", Severity.HIGH, v.key() + "\\" + v.name(),
                            String.join(" and ", disabledBoth) + (disabledBoth.size() == 1 ? " is" : " are")
                                    + " disabled on both sides but " + v.name() + " is " + v.value().map(RegistryValue::display)
                                    .orElse("not set") + (v.view() == TlsRegistry.View.WOW6432 ? " (32-bit view)" : ""),
                            ".NET Framework applications targeting < 4.7 then still offer only TLS 1.0: \"The "
                                    + "underlying connection was closed\"",
                            "set it to 1 in both views (profile min-requirement)"));
                }
            }
        }
    }

    private static void twins(List<DotNetValue> natives, HostState s, List<Finding> out) {
        for (DotNetValue n : natives) {
            DotNetValue w = s.dotNet().stream().filter(x -> x.view() == TlsRegistry.View.WOW6432
                    && x.clrVersion().equals(n.clrVersion()) && x.name().equals(n.name())).findFirst().orElseThrow();
            if (!n.value().equals(w.value())) {
                out.add(new Finding("WOW-TWIN-MISSING", Severity.MEDIUM, w.key() + "\\" + w.name(), n.name() + " ("
                        + n.clrVersion() + ") is " + n.value().map(RegistryValue::display).orElse("not set")
                        + " in the 64-bit view but " + w.value().map(RegistryValue::display).orElse("not set")
                        + " in the 32-bit (Wow6432Node) view",
                        "32-bit .NET applications read the Wow6432Node key and keep the old behaviour",
                        "set the same value in both views"));
            }
        }
    }

    private static void winHttp(HostState s, List<Finding> out) {
        WinHttpValue nat = s.winHttp().get(0);
        WinHttpValue wow = s.winHttp().get(1);
        if (!nat.value().equals(wow.value())) {
            out.add(new Finding("WOW-TWIN-MISSING", Severity.MEDIUM, wow.key() + "\\DefaultSecureProtocols",
                    "WinHTTP DefaultSecureProtocols is " + nat.value().map(RegistryValue::display).orElse("not set")
                            + " in the 64-bit view but " + wow.value().map(RegistryValue::display).orElse("not set")
                            + " in the 32-bit view",
                    "Microsoft requires both keys; 32-bit WinHTTP clients read the Wow6432Node one",
                    "set the same value in both views"));
        }
        for (WinHttpValue v : s.winHttp()) {
            Optional<Long> bits = ProtocolState.dword(v.value());
            if (bits.isPresent() && (bits.get() & 0x800) == 0) {
                out.add(new Finding("WINHTTP-NO-TLS12", Severity.MEDIUM, v.key() + "\\DefaultSecureProtocols",
                        "WinHTTP DefaultSecureProtocols " + v.value().get().display() + " does not include TLS 1.2 "
                                + "(0x800): " + String.join(", ", v.protocols()),
                        "WinHTTP clients (ConfigMgr, Office, WinRM) keep offering old protocols only",
                        "add 0x800 (for example 0xA00 for TLS 1.1+1.2, 0x800 for TLS 1.2 only)"));
            }
            if (bits.isPresent() && (bits.get() & 0x2000) != 0 && s.version().isPresent()
                    && !s.version().get().supportsTls13()) {
                out.add(new Finding("TLS13-UNSUPPORTED", Severity.HIGH, v.key() + "\\DefaultSecureProtocols",
                        "WinHTTP is told to use TLS 1.3 (0x2000) on build " + s.version().get().build(),
                        "this Windows does not support TLS 1.3", "remove the 0x2000 bit"));
            }
        }
    }

    /** WinINet SecureProtocols (read only): wrong type, no TLS 1.2, TLS 1.3 where unsupported or contradicted. */
    private static void winInet(HostState s, List<Finding> out) {
        boolean tls13ClientOn = ProtocolState.dword(s.protocol(Protocol.TLS_1_3, Role.CLIENT).orElseThrow().enabled())
                .map(v -> v != 0).orElse(false);
        for (HostState.WinInetValue v : s.winInet()) {
            if (v.value().isEmpty()) {
                continue;
            }
            String where = v.key() + "\\" + TlsRegistry.SECURE_PROTOCOLS;
            Optional<Long> bits = ProtocolState.dword(v.value());
            if (bits.isEmpty()) {
                out.add(new Finding("VALUE-WRONG-TYPE", Severity.MEDIUM, where, "WinINet SecureProtocols is "
                        + v.value().get().type() + " " + v.value().get().display() + "; WinINet reads only a REG_DWORD",
                        "the setting is ignored", "write a REG_DWORD such as 0xA00 (TLS 1.1 and 1.2)"));
                continue;
            }
            String shown = "WinINet SecureProtocols (" + v.scope() + ") " + v.value().get().display() + " = "
                    + (v.protocols().isEmpty() ? "nothing" : String.join(", ", v.protocols()));
            if ((bits.get() & 0x800) == 0) {
                out.add(new Finding("WININET-NO-TLS12", Severity.MEDIUM, where, shown + ": no TLS 1.2 (0x800)",
                        "Internet Explorer, Edge in IE mode, Office and other WinINet clients keep offering old "
                                + "protocols only",
                        "add 0x800 (0xA00 = TLS 1.1 and 1.2, 0x2800 = TLS 1.2 and 1.3); tlsconf only reports it"));
            }
            if ((bits.get() & 0x2000) != 0 && s.version().isPresent() && !s.version().get().supportsTls13()) {
                out.add(new Finding("TLS13-UNSUPPORTED", Severity.HIGH, where, shown + " on build "
                        + s.version().get().build(), "this Windows does not support TLS 1.3",
                        "remove the 0x2000 bit"));
            } else if ((bits.get() & 0x2000) == 0 && tls13ClientOn) {
                out.add(new Finding("WININET-CONTRADICTS-SCHANNEL", Severity.MEDIUM, where, shown + " leaves out "
                        + "TLS 1.3 (0x2000) while SCHANNEL TLS 1.3 Client is enabled",
                        "contradictory: WinINet clients will not offer the TLS 1.3 the registry enables for Schannel",
                        "add 0x2000 to SecureProtocols where TLS 1.3 is supported, or leave TLS 1.3 off"));
            }
        }
    }

    private static void cipherOrder(HostState s, List<Finding> out) {
        s.cipherOrder().policy().ifPresent(p -> {
            String where = HostState.CipherOrder.POLICY_KEY + "\\Functions";
            if (!(p instanceof RegistryValue.Sz sz)) {
                out.add(new Finding("CIPHER-ORDER-WRONG-TYPE", Severity.HIGH, where, "the policy cipher suite order "
                        + "is " + p.type() + "; Windows reads it only as a comma-separated REG_SZ",
                        "the order is not used (and the TLS cmdlets seem to do nothing)",
                        "write it as one REG_SZ, suites separated by commas"));
            } else if (sz.value().length() > 1023) {
                out.add(new Finding("CIPHER-ORDER-TOO-LONG", Severity.HIGH, where, "the policy cipher suite order is "
                        + sz.value().length() + " characters long; Windows uses at most 1023",
                        "suites past the limit are dropped silently", "shorten the list"));
            }
            if (s.cipherOrder().local().isPresent()) {
                out.add(new Finding("CIPHER-ORDER-POLICY-WINS", Severity.INFO, where, "both a policy and a local "
                        + "cipher suite order are set; the policy one is used",
                        "changes to the local order (TLS cmdlets) have no effect while the policy value exists",
                        "change the policy value (GPO) instead"));
            }
        });
    }

    /** Cipher keys whose algorithm is weak (the SCHANNEL names of RC4, DES, 3DES, RC2 and NULL). */
    private static final java.util.regex.Pattern WEAK_CIPHER = java.util.regex.Pattern.compile(
            "(?i)NULL|DES 56/56|Triple DES 168|RC2 .*|RC4 .*");

    /** Weak ciphers or MD5 explicitly enabled, and minimum key sizes below 2048 bits. */
    private static void weakAlgorithms(HostState s, List<Finding> out) {
        for (AlgorithmSetting a : s.algorithms()) {
            boolean on = ProtocolState.dword(a.enabled()).map(v -> v != 0).orElse(false);
            if (on && a.kind().equals("cipher") && WEAK_CIPHER.matcher(a.name()).matches()) {
                out.add(new Finding("WEAK-CIPHER-ENABLED", Severity.MEDIUM, a.key() + "\\Enabled", "the " + a.name()
                        + " cipher is explicitly enabled", a.name().startsWith("Triple") ? "3DES has a 64-bit block "
                        + "(Sweet32) and is disallowed by NIST after 2023" : "it is broken or gives no encryption "
                        + "(NULL): suites using it must never be negotiated", "set Enabled=0"));
            } else if (on && a.kind().equals("hash") && RegistryNames.same(a.name(), "MD5")) {
                out.add(new Finding("MD5-ENABLED", Severity.MEDIUM, a.key() + "\\Enabled", "the MD5 hash is "
                        + "explicitly enabled", "MD5 is broken; suites with MD5 MACs (RC4_128_MD5, NULL_MD5) must not "
                        + "be used", "set Enabled=0"));
            }
        }
        for (HostState.KeySize k : s.keySizes()) {
            ProtocolState.dword(k.value()).filter(bits -> bits < 2048).ifPresent(bits -> out.add(new Finding(
                    "WEAK-KEY-SIZE", Severity.MEDIUM, k.key() + "\\" + k.name(), k.algorithm() + " " + k.name() + " is "
                    + bits + " bits", "keys below 2048 bits are below NIST's 112-bit minimum (Logjam for "
                    + "Diffie-Hellman)", "set it to 2048 or more")));
        }
    }

    /**
     * The suites of the order in force: suites the host's build does not support (Windows skips them; none left
     * means no TLS at all), and weak ones (RC4, DES, 3DES, NULL, EXPORT, MD5, SSL 2.0).
     */
    private static void suitesInOrder(HostState s, List<Finding> out) {
        List<String> suites = s.cipherOrder().suites();
        if (suites.isEmpty()) {
            return;
        }
        boolean policy = s.cipherOrder().policy().isPresent();
        String where = (policy ? HostState.CipherOrder.POLICY_KEY : HostState.CipherOrder.LOCAL_KEY) + "\\Functions";
        s.version().flatMap(v -> org.tlsconf.tls.SuiteCatalogue.get().forBuild(
                org.tlsconf.tls.SuiteCatalogue.Kind.SUITES, v.build())).ifPresent(section -> {
                    // PSK suites are outside the data: no verdict on them (a fresh Server 2016 lists six)
                    List<String> unsupported = suites.stream().filter(x -> !section.supports(x)
                            && !org.tlsconf.tls.SuiteCatalogue.isPsk(x)).toList();
                    if (!unsupported.isEmpty()) {
                        boolean none = unsupported.size() == suites.size();
                        out.add(new Finding("CIPHER-ORDER-UNSUPPORTED", none ? Severity.HIGH : Severity.MEDIUM,
                                where, unsupported.size() + " of the " + suites.size() + " suites in the " + (policy
                                        ? "policy" : "local") + " order are not supported by " + section.windows()
                                        + ": " + String.join(", ", unsupported), none ? "no suite of the order can "
                                        + "be used: TLS fails on this host" : "Windows skips them; the order is not "
                                        + "what it looks like", "use the suite names of this Windows version "
                                        + "(tlsconf profiles show NAME --os-build N lists them per build)"));
                    }
                });
        List<String> weak = suites.stream().filter(x -> org.tlsconf.tls.SuiteCatalogue.weakness(x).isPresent())
                .toList();
        if (!weak.isEmpty()) {
            out.add(new Finding("CIPHER-ORDER-WEAK-SUITE", Severity.MEDIUM, where, "the " + (policy ? "policy"
                    : "local") + " cipher suite order allows weak suites: " + weak.stream().map(x -> x + " ("
                    + org.tlsconf.tls.SuiteCatalogue.weakness(x).get() + ")").reduce((a, b) -> a + ", " + b)
                    .orElse(""), "a peer that offers only those gets them", "remove them from the order (for "
                    + "example with the best-practices or pci-dss-4 profile)"));
        }
    }

    private static void algorithms(HostState s, List<Finding> out) {
        for (AlgorithmSetting a : s.algorithms()) {
            if (!a.disabled()) {
                continue;
            }
            if (a.kind().equals("key exchange") && RegistryNames.same(a.name(), "PKCS")) {
                out.add(new Finding("KEX-DISABLED", Severity.HIGH, a.key() + "\\Enabled", "the PKCS (RSA) key "
                        + "exchange is disabled", "it disallows every RSA-based cipher suite: an outage for hosts "
                        + "with RSA certificates", "set Enabled=0xFFFFFFFF or delete the value; drop TLS_RSA_* suites "
                        + "through the cipher suite order instead"));
            } else if (a.kind().equals("key exchange")) {
                out.add(new Finding("KEX-DISABLED", Severity.MEDIUM, a.key() + "\\Enabled", "the " + a.name()
                        + " key exchange is disabled", a.name().equals("ECDH") ? "it removes every ECDHE suite, "
                        + "including all of TLS 1.2 forward secrecy on Windows 10+" : "it removes DHE suites, the "
                        + "only GCM option on Windows 7 / 2012 R2", "re-enable it unless no peer needs it"));
            } else if (a.kind().equals("hash") && RegistryNames.same(a.name(), "SHA")) {
                out.add(new Finding("SHA1-HASH-DISABLED", Severity.MEDIUM, a.key() + "\\Enabled", "the SHA (SHA-1) "
                        + "hash is disabled", "it disallows every *_SHA suite, the only ones TLS 1.0/1.1 and many "
                        + "older peers can use", "re-enable it and remove CBC-SHA suites through the cipher order"));
            }
        }
        for (var key : s.unknownKeys()) {
            String name = key.leaf();
            String hint = name.contains("\u2215") ? "it contains the look-alike slash U+2215: use '/'"
                    : RegistryNames.same(name, "Triple DES 168/168") ? "the key is 'Triple DES 168' on Vista and later"
                    : name.matches("(?i)SHA \\d+") ? "the key is '" + name.replace(" ", "") + "'"
                    : "check the spelling against Microsoft's names";
            out.add(new Finding("MISSPELLED-KEY", Severity.MEDIUM, key.toString(), "key '" + name
                    + "' is not one Windows reads", "settings under it are silently ignored", hint));
        }
    }
}
