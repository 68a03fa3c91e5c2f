package org.tlsconf.profile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tlsconf.registry.RegistryNames;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.tls.BuildRange;
import org.tlsconf.tls.SuiteCatalogue.Kind;
import org.tlsconf.tls.SuiteCatalogue.Section;
import org.tlsconf.tls.SuiteCatalogue;

/** Turns a profile template into the values written on one Windows build (see {@link Profile#resolve}). */
final class ProfileResolver {
    private ProfileResolver() {
    }

    static Profile resolve(Profile p, Optional<Integer> build) {
        if (!p.dependsOnBuild()) {
            return build.isEmpty() ? p : new Profile(p.name(), p.description(), p.source(), p.lineage(), p.values(),
                    List.<OrderSpec>of(), ProfileChecks.warnings(p.values(), build), build, List.<String>of());
        }
        if (build.isEmpty()) {
            throw new BuildRequiredException(p.name(), where(p));
        }
        int b = build.get();
        List<DesiredValue> values = new ArrayList<>();
        for (DesiredValue v : p.values()) {
            if (v.builds().contains(b)) {
                values.add(new DesiredValue(v.key(), v.name(), v.value(), v.origin(), BuildRange.ALWAYS,
                        v.reason()));
            }
        }
        List<String> notes = new ArrayList<>();
        List<ProfileProblem> problems = new ArrayList<>();
        for (OrderSpec order : p.orders()) {
            order(p, order, b, values, notes, problems);
        }
        if (!problems.isEmpty()) {
            throw new ProfileException(problems);
        }
        return new Profile(p.name(), p.description(), p.source(), p.lineage(), values, List.of(),
                ProfileChecks.warnings(values, Optional.of(b)), Optional.of(b), notes);
    }

    private static String where(Profile p) {
        return p.source().equals("bundled") ? "bundled profile " + p.name() : p.source();
    }

    private static void order(Profile p, OrderSpec order, int build, List<DesiredValue> out, List<String> notes,
            List<ProfileProblem> problems) {
        if (!order.builds().contains(build)) {
            return;
        }
        String at = "$." + order.member() + ".order";
        String noun = order.kind().noun();
        Optional<Section> section = SuiteCatalogue.get().forBuild(order.kind(), build);
        if (section.isEmpty()) {
            String covered = SuiteCatalogue.get().sections(order.kind()).stream()
                    .map(s -> s.builds().describe()).reduce((a, c) -> a + ", " + c).orElse("none");
            String message = "tlsconf has no " + noun + " data for build " + build + " (it covers " + covered + ")";
            if (order.dropUnsupported()) {
                notes.add(order.valueName() + " not written on build " + build + ": " + message);
            } else {
                problems.add(new ProfileProblem(where(p), 0, 0, at, message, order.kind() == Kind.CURVES
                        ? "Windows reads a separate ECC curve order only from Windows 10 / Server 2016 (14393); "
                                + "limit the order to those builds with \"minBuild\""
                        : "limit the profile to the builds it was written for"));
            }
            return;
        }
        Section s = section.get();
        List<String> names = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < order.items().size(); i++) {
            OrderSpec.Item item = order.items().get(i);
            if (!item.builds().contains(build)) {
                continue;
            }
            Optional<String> canonical = s.canonical(item.name());
            if (canonical.isEmpty()) {
                String message = noun + " " + item.name() + " is not supported on build " + build + " ("
                        + s.windows() + ")";
                if (order.dropUnsupported()) {
                    notes.add("dropped for build " + build + ": " + message);
                } else {
                    problems.add(new ProfileProblem(where(p), item.line(), item.column(), at + "[" + i + "]", message,
                            "remove it, limit it with \"minBuild\"/\"maxBuild\", or set \"unsupported\": \"drop\" "
                                    + "for a template meant for several Windows versions"));
                }
                continue;
            }
            if (seen.add(RegistryNames.fold(canonical.get()))) {
                names.add(canonical.get());
            }
        }
        if (names.isEmpty()) {
            problems.add(new ProfileProblem(where(p), 0, 0, at, "no " + noun + " of the order is left for build "
                    + build + " (" + s.windows() + "): Windows would use none at all",
                    "add " + noun + "s this build supports, e.g. " + String.join(", ", s.defaults().stream()
                            .limit(3).toList())));
            return;
        }
        RegistryValue value;
        if (order.kind() == Kind.SUITES) {
            String joined = String.join(",", names);
            if (joined.length() > OrderSpec.MAX_FUNCTIONS_LENGTH) {
                problems.add(new ProfileProblem(where(p), 0, 0, at, "the cipher suite order for build " + build
                        + " is " + joined.length() + " characters long; Windows reads at most "
                        + OrderSpec.MAX_FUNCTIONS_LENGTH + " characters of the policy Functions value",
                        "leave out suites until it fits (" + names.size() + " suites now)"));
                return;
            }
            value = RegistryValue.sz(joined);
        } else {
            value = RegistryValue.multiSz(names);
        }
        out.add(new DesiredValue(OrderSpec.POLICY_KEY, order.valueName(), Optional.of(value), order.origin(),
                BuildRange.ALWAYS, order.reason()));
    }
}
