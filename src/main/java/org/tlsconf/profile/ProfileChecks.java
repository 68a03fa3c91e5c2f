package org.tlsconf.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.tlsconf.registry.RegistryNames;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.registry.ValueType;
import org.tlsconf.tls.KnownNames;
import org.tlsconf.tls.Protocol;
import org.tlsconf.tls.Role;
import org.tlsconf.tls.TlsRegistry;

/** The rules a profile's keys, value names and resolved values are checked against. */
final class ProfileChecks {
    private ProfileChecks() {
    }

    /** The first build with TLS 1.3 in SCHANNEL (Windows Server 2022). */
    static final int TLS13_BUILD = 20348;

    record PathIssue(String message, String hint) {
    }

    /** Errors in a key path: outside the TLS roots, or a SCHANNEL key name Windows would not read. */
    static List<PathIssue> pathIssues(RegistryPath path) {
        List<PathIssue> issues = new ArrayList<>();
        if (!TlsRegistry.isWritable(path)) {
            issues.add(new PathIssue("key " + path + " is outside the TLS registry roots tlsconf may write",
                    "allowed roots: " + TlsRegistry.WRITABLE_ROOTS.stream().map(Object::toString)
                            .collect(Collectors.joining(", "))));
            return issues;
        }
        for (String name : path.names()) {
            if (name.indexOf('\u2215') >= 0 || name.indexOf('\u2044') >= 0) {
                issues.add(new PathIssue("key name '" + name + "' contains a look-alike slash (U+"
                        + String.format("%04X", (int) (name.indexOf('\u2215') >= 0 ? '\u2215' : '\u2044'))
                        + "), which makes a different key that Windows never reads",
                        "use the ordinary '/' character: '" + name.replace('\u2215', '/').replace('\u2044', '/')
                                + "'"));
                return issues;
            }
        }
        // plain ifs rather than Optional.ifPresent(lambda): every profile load runs this for each of its keys
        List<String> rest = below(path, TlsRegistry.PROTOCOLS);
        if (rest != null) {
            Optional<Protocol> protocol = Protocol.fromKeyName(rest.get(0));
            if (protocol.isEmpty()) {
                List<String> names = new ArrayList<>();
                for (Protocol p : Protocol.values()) {
                    names.add(p.keyName());
                }
                issues.add(new PathIssue("unknown protocol key '" + rest.get(0) + "'", Suggest.hint(rest.get(0),
                        names)));
            } else if (rest.size() >= 2 && Role.fromKeyName(rest.get(1)).isEmpty()) {
                issues.add(new PathIssue("unknown protocol side '" + rest.get(1) + "'",
                        "protocol keys have the subkeys 'Client' and 'Server'"));
            } else if (rest.size() > 2) {
                issues.add(new PathIssue("protocol keys have no subkeys below Client/Server", ""));
            }
        }
        rest = below(path, TlsRegistry.CIPHERS);
        if (rest != null) {
            if (RegistryNames.same(rest.get(0), "Triple DES 168/168")) {
                issues.add(new PathIssue("'Triple DES 168/168' is the pre-Vista key name; current Windows reads "
                        + "'Triple DES 168'", "use 'Triple DES 168'"));
            } else {
                checkKnown(issues, "cipher", rest.get(0), KnownNames.CIPHERS);
            }
        }
        rest = below(path, TlsRegistry.HASHES);
        if (rest != null) {
            checkKnown(issues, "hash", rest.get(0), KnownNames.HASHES);
        }
        rest = below(path, TlsRegistry.KEY_EXCHANGE);
        if (rest != null) {
            checkKnown(issues, "key exchange", rest.get(0), KnownNames.KEY_EXCHANGES);
        }
        return issues;
    }

    private static void checkKnown(List<PathIssue> issues, String what, String name, List<String> known) {
        for (String k : known) {
            if (RegistryNames.same(k, name)) {
                return;
            }
        }
        issues.add(new PathIssue("unknown " + what + " key '" + name + "', which Windows would ignore",
                Suggest.hint(name, known)));
    }

    /** The key names below {@code root} when {@code path} lies strictly below it, else null. */
    private static List<String> below(RegistryPath path, RegistryPath root) {
        if (path.isAtOrBelow(root) && !path.equals(root)) {
            return path.names().subList(root.names().size(), path.names().size());
        }
        return null;
    }

    /** A value name that is a near miss of a name Windows reads ({@code DisabledByDefualt}) is an error. */
    static List<String> valueNameIssues(String name) {
        for (String known : KnownNames.VALUES) {
            if (RegistryNames.same(known, name)) {
                return List.of();
            }
        }
        Optional<String> near = Suggest.nearest(name, KnownNames.VALUES, 2);
        if (near.isPresent()) {
            return List.of("value name '" + name + "' is not one Windows reads here");
        }
        return List.of();
    }

    /**
     * Allowed but suspicious combinations in a profile: for a template, in each build range its conditions make
     * (warnings said once); for a resolved profile, on its build.
     */
    static List<String> templateWarnings(List<DesiredValue> values) {
        boolean always = true;
        java.util.TreeSet<Integer> points = new java.util.TreeSet<>(List.of(0));
        for (DesiredValue v : values) {
            always &= v.builds().isAlways();
            if (v.builds().from().isPresent()) {
                points.add(v.builds().from().get());
            }
            if (v.builds().upTo().isPresent()) {
                points.add(v.builds().upTo().get() + 1);
            }
        }
        if (always) {
            return warnings(values, Optional.empty());
        }
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
        for (int b : points) {
            List<DesiredValue> onBuild = new ArrayList<>();
            for (DesiredValue v : values) {
                if (v.builds().contains(b)) {
                    onBuild.add(v);
                }
            }
            all.addAll(warnings(onBuild, Optional.of(b)));
        }
        return new ArrayList<>(all);
    }

    /**
     * A side's values with those a fresh install has counted as not written: Windows itself ships SSL 2.0 with a
     * Client-only DisabledByDefault=1, and a profile that restores it does not split Client and Server.
     */
    private static Map<String, Optional<RegistryValue>> asShipped(Protocol p, Role role,
            Map<String, Optional<RegistryValue>> side) {
        Map<String, Optional<RegistryValue>> out = new LinkedHashMap<>();
        side.forEach((name, value) -> out.put(name, org.tlsconf.tls.OsDefaults.freshInstallHas(
                TlsRegistry.protocolKey(p, role), name, value) ? Optional.empty() : value));
        return out;
    }

    /** Allowed but suspicious combinations in values that all apply on {@code build} (when known). */
    static List<String> warnings(List<DesiredValue> values, Optional<Integer> build) {
        List<String> warnings = new ArrayList<>();
        Map<RegistryPath, Map<String, Optional<RegistryValue>>> byKey = new LinkedHashMap<>();
        for (DesiredValue v : values) {
            Map<String, Optional<RegistryValue>> key = byKey.get(v.key());
            if (key == null) {
                key = new LinkedHashMap<>();
                byKey.put(v.key(), key);
            }
            key.put(RegistryNames.fold(v.name()), v.value());
        }
        for (Protocol p : Protocol.values()) {
            Map<String, Optional<RegistryValue>> client = byKey.get(TlsRegistry.protocolKey(p, Role.CLIENT));
            Map<String, Optional<RegistryValue>> server = byKey.get(TlsRegistry.protocolKey(p, Role.SERVER));
            for (Role role : Role.values()) {
                Map<String, Optional<RegistryValue>> side = role == Role.CLIENT ? client : server;
                if (side != null) {
                    protocolSide(warnings, p, role, side, build);
                }
            }
            if ((client == null) != (server == null)) {
                Role only = client != null ? Role.CLIENT : Role.SERVER;
                warnings.add(p.keyName() + ": only the " + only.keyName() + " side is configured; "
                        + "configure " + only.other().keyName() + " too, or say why not (half-configured hosts are "
                        + "a common source of handshake failures)");
            } else if (client != null && !client.equals(server) && !asShipped(p, Role.CLIENT, client).equals(
                    asShipped(p, Role.SERVER, server))) {
                warnings.add(p.keyName() + ": Client and Server are configured differently");
            }
        }
        twins(warnings, byKey);
        for (TlsRegistry.View view : TlsRegistry.View.values()) {
            Optional<RegistryValue> dsp = get(byKey.get(view.winHttp()), TlsRegistry.DEFAULT_SECURE_PROTOCOLS);
            if (dsp.isPresent() && dsp.get() instanceof RegistryValue.Dword d && (d.value() & 0x2000) != 0
                    && (build.isEmpty() || build.get() < TLS13_BUILD)) {
                warnings.add(view.winHttp() + "\\DefaultSecureProtocols has the TLS 1.3 bit (0x2000)"
                        + (build.isPresent() ? " on build " + build.get() : " for any build") + "; WinHTTP supports TLS 1.3 "
                        + "only from build 20348: limit the value with \"minBuild\": 20348");
            }
        }
        RegistryPath policy = TlsRegistry.POLICY_SSL.child("00010002");
        Optional<RegistryValue> functions = get(byKey.get(policy), "Functions");
        if (functions.isPresent()) {
            RegistryValue f = functions.get();
            if (f.type() != ValueType.REG_SZ) {
                warnings.add(policy + "\\Functions is " + f.type() + "; Windows reads the policy cipher suite order "
                        + "only as a comma-separated REG_SZ");
            } else if (((RegistryValue.Sz) f).value().length() > 1023) {
                warnings.add(policy + "\\Functions is longer than 1023 characters; Windows ignores the excess");
            }
        }
        return warnings;
    }

    private static void protocolSide(List<String> warnings, Protocol p, Role role,
            Map<String, Optional<RegistryValue>> side, Optional<Integer> build) {
        String where = p.keyName() + "\\" + role.keyName();
        Optional<RegistryValue> enabled = get(side, TlsRegistry.ENABLED);
        Optional<RegistryValue> dbd = get(side, TlsRegistry.DISABLED_BY_DEFAULT);
        for (Optional<RegistryValue> v : List.of(enabled, dbd)) {
            if (v.isPresent() && !(v.get() instanceof RegistryValue.Dword)) {
                warnings.add(where + ": Windows reads Enabled and DisabledByDefault only as REG_DWORD, not "
                        + v.get().type());
                return;
            }
        }
        Long e = enabled.isPresent() ? ((RegistryValue.Dword) enabled.get()).value() : null;
        Long d = dbd.isPresent() ? ((RegistryValue.Dword) dbd.get()).value() : null;
        if (e != null && e != 0 && e != 1 && e != RegistryValue.Dword.MAX) {
            warnings.add(where + ": Enabled=" + e + " is neither 0, 1 nor 0xFFFFFFFF");
        }
        if (e != null && d != null && e != 0 && d != 0) {
            warnings.add(where + ": half-disabled (Enabled on, DisabledByDefault=1): apps that ask for "
                    + p.keyName() + " explicitly still get it");
        }
        if (e != null && d != null && e == 0 && d == 0) {
            warnings.add(where + ": Enabled=0 with DisabledByDefault=0 is contradictory; set DisabledByDefault=1");
        }
        if (p == Protocol.TLS_1_3 && e != null && e != 0 && (build.isEmpty() || build.get() < TLS13_BUILD)) {
            warnings.add(where + ": TLS 1.3 is supported only from Windows Server 2022 (build 20348) and Windows 11 "
                    + "(22000); enabling it on older builds is not a safe configuration");
        }
    }

    /** Values set in one registry view (64-bit / Wow6432Node) but not in the other. */
    private static void twins(List<String> warnings, Map<RegistryPath, Map<String, Optional<RegistryValue>>> byKey) {
        List<RegistryPath[]> pairs = new ArrayList<>();
        for (String v : TlsRegistry.DOTNET_VERSIONS) {
            pairs.add(new RegistryPath[] {TlsRegistry.View.NATIVE.dotNet(v), TlsRegistry.View.WOW6432.dotNet(v)});
        }
        pairs.add(new RegistryPath[] {TlsRegistry.View.NATIVE.winHttp(), TlsRegistry.View.WOW6432.winHttp()});
        for (RegistryPath[] pair : pairs) {
            Map<String, Optional<RegistryValue>> a = byKey.getOrDefault(pair[0], Map.of());
            Map<String, Optional<RegistryValue>> b = byKey.getOrDefault(pair[1], Map.of());
            if (!a.equals(b)) {
                warnings.add(pair[0] + " and its 32-bit twin " + pair[1] + " are configured differently; "
                        + "32-bit applications read the Wow6432Node key");
            }
        }
    }

    private static Optional<RegistryValue> get(Map<String, Optional<RegistryValue>> side, String name) {
        if (side == null) {
            return Optional.empty();
        }
        Optional<RegistryValue> v = side.get(RegistryNames.fold(name));
        return v == null ? Optional.empty() : v;
    }
}
