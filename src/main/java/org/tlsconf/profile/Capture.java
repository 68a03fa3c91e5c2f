package org.tlsconf.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tlsconf.registry.Registry;
import org.tlsconf.registry.RegistryNames;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.tls.BuildRange;
import org.tlsconf.tls.SuiteCatalogue;
import org.tlsconf.tls.TlsRegistry;
import org.tlsconf.tls.WindowsVersion;

/**
 * Turns a host's TLS configuration into a profile that reproduces it on another host: every value under SCHANNEL,
 * the policy cipher suite and ECC curve order (as orders, so each target build gets what it supports), the 8 .NET
 * values, WinHTTP in both views and the FIPS policy. What only exists from some build stays limited to it when the
 * source host has that build (TLS 1.3 keys, TLS 1.3 suites, the WinHTTP TLS 1.3 bit, the curve order). The local
 * (non-policy) suite order is not captured: it is Windows' own list, reset by servicing.
 */
public final class Capture {
    private Capture() {
    }

    public record Result(Profile profile, List<String> notes) {
    }

    static final int TLS13 = ProfileChecks.TLS13_BUILD;
    static final int CURVES = 14393;

    public static Result of(Registry registry, Optional<WindowsVersion> version, String source, String name) {
        List<DesiredValue> values = new ArrayList<>();
        List<OrderSpec> orders = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean tls13Host = version.map(v -> v.build() >= TLS13).orElse(false);
        if (version.isEmpty()) {
            notes.add("the source host's Windows build is unknown (pass --os-build N): nothing is limited to builds, "
                    + "so TLS 1.3 settings would be written on any target");
        }
        String why = "captured from " + source + version.map(v -> " (build " + v.build() + ")").orElse("");
        schannel(registry, TlsRegistry.SCHANNEL, values, notes, name, why, tls13Host);
        RegistryPath policy = OrderSpec.POLICY_KEY;
        for (Map.Entry<String, RegistryValue> e : registry.values(policy).entrySet()) {
            String n = e.getKey();
            RegistryValue v = e.getValue();
            if (RegistryNames.same(n, "Functions") && v instanceof RegistryValue.Sz sz) {
                order(SuiteCatalogue.Kind.SUITES, List.of(sz.value().split(",")), orders, notes, name, why, tls13Host);
            } else if (RegistryNames.same(n, "EccCurves") && v instanceof RegistryValue.MultiSz m) {
                order(SuiteCatalogue.Kind.CURVES, m.values(), orders, notes, name, why, tls13Host);
            } else if (RegistryNames.same(n, "Functions") || RegistryNames.same(n, "EccCurves")) {
                notes.add(policy + "\\" + n + " is " + v.type() + ", which Windows does not read there: not captured");
            } else {
                add(values, notes, policy, n, v, BuildRange.ALWAYS, name, why);
            }
        }
        if (!registry.values(TlsRegistry.LOCAL_SSL.child("00010002")).isEmpty()) {
            notes.add("the local cipher suite order (" + TlsRegistry.LOCAL_SSL.child("00010002") + ") is Windows' own "
                    + "list, reset by servicing updates: not captured" + (registry.readValue(policy, "Functions")
                            .isPresent() ? " (the policy order, which wins over it, is)" : ""));
        }
        for (TlsRegistry.View view : TlsRegistry.View.values()) {
            for (String clr : TlsRegistry.DOTNET_VERSIONS) {
                for (String n : List.of(TlsRegistry.SYSTEM_DEFAULT_TLS_VERSIONS, TlsRegistry.SCH_USE_STRONG_CRYPTO)) {
                    registry.readValue(view.dotNet(clr), n).ifPresent(v -> add(values, notes, view.dotNet(clr), n, v,
                            BuildRange.ALWAYS, name, why));
                }
            }
            registry.readValue(view.winHttp(), TlsRegistry.DEFAULT_SECURE_PROTOCOLS).ifPresent(v -> {
                if (tls13Host && v instanceof RegistryValue.Dword d && (d.value() & 0x2000) != 0) {
                    add(values, notes, view.winHttp(), TlsRegistry.DEFAULT_SECURE_PROTOCOLS,
                            RegistryValue.dword(d.value() & ~0x2000L), BuildRange.of(null, TLS13 - 1), name,
                            why + "; without the TLS 1.3 bit before build " + TLS13);
                    add(values, notes, view.winHttp(), TlsRegistry.DEFAULT_SECURE_PROTOCOLS, v, BuildRange.of(TLS13,
                            null), name, why);
                } else {
                    add(values, notes, view.winHttp(), TlsRegistry.DEFAULT_SECURE_PROTOCOLS, v, BuildRange.ALWAYS,
                            name, why);
                }
            });
        }
        registry.readValue(TlsRegistry.FIPS_POLICY, TlsRegistry.ENABLED).ifPresent(v -> add(values, notes,
                TlsRegistry.FIPS_POLICY, TlsRegistry.ENABLED, v, BuildRange.ALWAYS, name, why));
        String description = "Captured by tlsconf profiles capture from " + source
                + version.map(v -> ", " + v.describe()).orElse("") + ": applied to another host it reproduces this "
                + "host's TLS settings." + (notes.isEmpty() ? "" : " Notes: " + String.join("; ", notes) + ".");
        Profile p = new Profile(name, description, source, List.of(name), values, orders,
                ProfileChecks.templateWarnings(values), Optional.empty(), List.of());
        return new Result(p, notes);
    }

    private static void schannel(Registry registry, RegistryPath key, List<DesiredValue> values, List<String> notes,
            String name, String why, boolean tls13Host) {
        boolean tls13 = key.isAtOrBelow(TlsRegistry.PROTOCOLS.child("TLS 1.3"))
                || key.isAtOrBelow(TlsRegistry.PROTOCOLS.child("DTLS 1.3"));
        BuildRange builds = tls13 && tls13Host ? BuildRange.of(TLS13, null) : BuildRange.ALWAYS;
        List<ProfileChecks.PathIssue> issues = ProfileChecks.pathIssues(key);
        if (!issues.isEmpty()) {
            notes.add("key " + key + " not captured: " + issues.get(0).message());
            return;
        }
        for (Map.Entry<String, RegistryValue> e : registry.values(key).entrySet()) {
            add(values, notes, key, e.getKey(), e.getValue(), builds, name, why + (builds.isAlways() ? ""
                    : "; TLS 1.3 exists from build " + TLS13));
        }
        for (String sub : registry.subKeys(key)) {
            schannel(registry, key.child(sub), values, notes, name, why, tls13Host);
        }
    }

    private static void add(List<DesiredValue> values, List<String> notes, RegistryPath key, String n,
            RegistryValue v, BuildRange builds, String name, String why) {
        if (!ProfileChecks.valueNameIssues(n).isEmpty()) {
            notes.add(key + "\\" + n + " not captured: " + ProfileChecks.valueNameIssues(n).get(0));
            return;
        }
        values.add(new DesiredValue(key, n, Optional.of(v), name, builds, why));
    }

    private static void order(SuiteCatalogue.Kind kind, List<String> raw, List<OrderSpec> orders, List<String> notes,
            String name, String why, boolean tls13Host) {
        SuiteCatalogue catalogue = SuiteCatalogue.get();
        List<OrderSpec.Item> items = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String s : raw) {
            String n = s.strip();
            if (n.isEmpty()) {
                continue;
            }
            Optional<String> canonical = catalogue.canonical(kind, n);
            if (canonical.isEmpty()) {
                notes.add(kind.noun() + " '" + n + "' in the policy order is unknown to tlsconf: not captured");
                continue;
            }
            if (!seen.add(RegistryNames.fold(canonical.get()))) {
                continue;
            }
            boolean needs13 = kind == SuiteCatalogue.Kind.SUITES && tls13Host
                    && !catalogue.supportedSomewhereIn(kind, n, BuildRange.of(null, TLS13 - 1));
            items.add(new OrderSpec.Item(canonical.get(), needs13 ? BuildRange.of(TLS13, null) : BuildRange.ALWAYS,
                    0, 0));
        }
        if (!items.isEmpty()) {
            orders.add(new OrderSpec(kind, items, true, why + " (items a target build does not support are left out "
                    + "there)", name, kind == SuiteCatalogue.Kind.CURVES ? BuildRange.of(CURVES, null)
                            : BuildRange.ALWAYS));
        }
    }
}
