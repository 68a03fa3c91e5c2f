package org.tlsconf.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tlsconf.profile.DesiredValue;
import org.tlsconf.profile.Profile;
import org.tlsconf.registry.RegistryPath;

/** What every export format needs from a profile: its values grouped by key, in the profile's order. */
final class ProfileExport {
    private ProfileExport() {
    }

    static Map<RegistryPath, List<DesiredValue>> byKey(Profile profile) {
        Map<RegistryPath, List<DesiredValue>> out = new LinkedHashMap<>();
        for (DesiredValue v : profile.values()) {
            out.computeIfAbsent(v.key(), k -> new ArrayList<>()).add(v);
        }
        return out;
    }

    static long toSet(Profile profile) {
        return profile.values().stream().filter(v -> !v.mustBeAbsent()).count();
    }

    static long toDelete(Profile profile) {
        return profile.values().stream().filter(DesiredValue::mustBeAbsent).count();
    }

    /** "profile max-protection (bundled) for Windows build 20348: 28 values to set, 0 to delete". */
    static String describe(Profile profile) {
        return "profile " + profile.name() + " (" + profile.source() + ")" + profile.resolvedBuild()
                .map(b -> " for Windows build " + b).orElse("") + ": " + toSet(profile) + " values to set, "
                + toDelete(profile) + " to delete";
    }
}
