package org.tlsconf.profile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.tls.BuildRange;

/**
 * A validated profile: its own description plus everything inherited through {@code extends}. As loaded it is a
 * template: values may apply only from / up to a Windows build, and it may hold a cipher suite and an ECC curve
 * order. {@link #resolve} turns it into what is written on one build: plain values (the orders become the policy
 * {@code Functions} / {@code EccCurves} values), with {@link #notes} saying what was left out and why.
 *
 * @param source        where it was loaded from ("bundled" or a file path)
 * @param lineage       this profile's name followed by the names of the profiles it extends, nearest first
 * @param orders        the cipher suite and ECC curve orders (empty once resolved)
 * @param warnings      things that are allowed but probably not intended (half-disabled protocols, missing twins…)
 * @param resolvedBuild the build this profile was resolved for, if it was resolved for one
 * @param notes         what resolution dropped for the build (items the build does not support)
 */
public record Profile(String name, String description, String source, List<String> lineage,
        List<DesiredValue> values, List<OrderSpec> orders, List<String> warnings, Optional<Integer> resolvedBuild,
        List<String> notes) {

    public Profile {
        lineage = List.copyOf(lineage);
        values = List.copyOf(values);
        orders = List.copyOf(orders);
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
    }

    /** The keys the profile names, in order. */
    public List<RegistryPath> keys() {
        Set<RegistryPath> keys = new LinkedHashSet<>();
        for (DesiredValue v : values) {
            keys.add(v.key());
        }
        return List.copyOf(keys);
    }

    /**
     * True when what this profile writes depends on the Windows build: a value limited to builds, or an order (whose
     * items are checked against the suites and curves each build supports).
     */
    public boolean dependsOnBuild() {
        if (!orders.isEmpty()) {
            return true;
        }
        for (DesiredValue v : values) {
            if (!v.builds().isAlways()) {
                return true;
            }
        }
        return false;
    }

    /** True when every value applies as it stands (no build conditions, no orders left to write out). */
    public boolean isResolved() {
        return !dependsOnBuild();
    }

    /**
     * The builds at which what this profile writes can change (each value's and order item's range bounds, and the
     * bounds of the cipher suite data): resolve at each of these and at 0 to enumerate every variant.
     */
    public TreeSet<Integer> breakpoints() {
        TreeSet<Integer> points = new TreeSet<>();
        points.add(0);
        List<BuildRange> ranges = new ArrayList<>();
        values.forEach(v -> ranges.add(v.builds()));
        for (OrderSpec o : orders) {
            o.items().forEach(i -> ranges.add(i.builds()));
            ranges.add(o.builds());
            points.addAll(org.tlsconf.tls.SuiteCatalogue.get().breakpoints(o.kind()));
        }
        for (BuildRange r : ranges) {
            r.from().ifPresent(points::add);
            r.upTo().ifPresent(u -> points.add(u + 1));
        }
        return points;
    }

    /**
     * What this profile writes on {@code build}. A profile that does not depend on the build resolves without one.
     *
     * @throws BuildRequiredException when it depends on the build and none is given
     * @throws ProfileException       when an order names something the build does not support (in a single-OS
     *                                order), leaves nothing, or is longer than Windows reads
     */
    public Profile resolve(Optional<Integer> build) {
        return ProfileResolver.resolve(this, build);
    }
}
