package org.tlsconf.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tlsconf.registry.RegistryNames;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.tls.TlsRegistry;

/**
 * How a priority list (the cipher suite order, the ECC curve order) changes: which items appear (and where), which
 * disappear, and which of those kept move. Positions are 1-based. Names compare case-insensitively.
 */
public record OrderDiff(List<Placed> added, List<Placed> removed, List<Moved> moved, int beforeSize,
        int afterSize) {

    public record Placed(String name, int position) {
    }

    public record Moved(String name, int from, int to) {
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && moved.isEmpty();
    }

    public static OrderDiff of(List<String> before, List<String> after) {
        List<String> b = before.stream().map(RegistryNames::fold).toList();
        List<String> a = after.stream().map(RegistryNames::fold).toList();
        List<Placed> added = new ArrayList<>();
        List<Placed> removed = new ArrayList<>();
        List<Moved> moved = new ArrayList<>();
        for (int i = 0; i < after.size(); i++) {
            if (!b.contains(a.get(i))) {
                added.add(new Placed(after.get(i), i + 1));
            }
        }
        for (int i = 0; i < before.size(); i++) {
            if (!a.contains(b.get(i))) {
                removed.add(new Placed(before.get(i), i + 1));
            }
        }
        List<String> keptBefore = b.stream().filter(a::contains).toList();
        List<String> keptAfter = a.stream().filter(b::contains).toList();
        for (int i = 0; i < keptAfter.size(); i++) {
            if (!keptAfter.get(i).equals(keptBefore.get(i))) {
                String name = keptAfter.get(i);
                moved.add(new Moved(after.get(a.indexOf(name)), b.indexOf(name) + 1, a.indexOf(name) + 1));
            }
        }
        return new OrderDiff(added, removed, moved, before.size(), after.size());
    }

    /** The items of an order value: a comma-separated REG_SZ or a REG_MULTI_SZ. */
    public static List<String> items(RegistryValue value) {
        if (value instanceof RegistryValue.Sz sz) {
            return sz.value().isBlank() ? List.of()
                    : List.of(sz.value().split(",")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        if (value instanceof RegistryValue.MultiSz m) {
            return m.values();
        }
        return List.of();
    }

    /** The diff of a change, when it is to a cipher suite or ECC curve order value (policy or local). */
    public static Optional<OrderDiff> of(Change c) {
        if (!isOrderValue(c.key(), c.name())) {
            return Optional.empty();
        }
        return Optional.of(of(c.before().map(OrderDiff::items).orElse(List.of()),
                c.after().map(OrderDiff::items).orElse(List.of())));
    }

    public static boolean isOrderValue(RegistryPath key, String name) {
        boolean orderKey = key.equals(TlsRegistry.POLICY_SSL.child("00010002"))
                || key.equals(TlsRegistry.LOCAL_SSL.child("00010002"));
        return orderKey && (RegistryNames.same(name, "Functions") || RegistryNames.same(name, "EccCurves"));
    }
}
