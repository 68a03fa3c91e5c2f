package org.tlsconf.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tlsconf.profile.DesiredValue;
import org.tlsconf.profile.Profile;
import org.tlsconf.profile.ProfileException;
import org.tlsconf.reboot.RebootPolicy;
import org.tlsconf.registry.RegistryNames;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.registry.ValueType;

/**
 * A profile as an Ansible playbook: one {@code ansible.windows.win_regedit} task per value (hive path
 * {@code HKLM:\...}, name, data, type, state as that module defines them; DWORD and QWORD data as unsigned
 * integers), and a handler with {@code ansible.windows.win_reboot} that the tasks of values needing a reboot notify;
 * an OS-aware profile's tasks carry {@code when:} conditions on the host's build.
 * Strings are written as YAML double-quoted scalars (JSON escapes); one holding a Jinja2 delimiter is tagged
 * {@code !unsafe} so that Ansible writes it as it is.
 */
public final class AnsibleExport {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String HANDLER = "Reboot to apply the TLS settings";

    private AnsibleExport() {
    }

    /** The play variable holding the host's build, from the gathered facts (distribution_version 10.0.BUILD.0). */
    static final String BUILD_VAR = "windows_build";

    /** Builds from {@code from} to {@code upTo} (inclusive; empty = unbounded). */
    record Range(int from, Optional<Integer> upTo) {
        String condition() {
            String b = "(" + BUILD_VAR + " | int)";
            String lower = from > 0 ? b + " >= " + from : "";
            String upper = upTo.map(u -> b + " <= " + u).orElse("");
            return lower.isEmpty() ? upper : upper.isEmpty() ? lower : lower + " and " + upper;
        }
    }

    /** One value to write, and the builds it is written on (empty = every build). */
    private record Conditional(DesiredValue value, List<Range> ranges) {
    }

    /**
     * The playbook for a profile. A profile that depends on the Windows build carries every build: it gathers the
     * host's build from the facts, each value's task runs only on the builds it applies to ({@code when:}), and a
     * first task fails on builds the profile cannot be written for (e.g. a cipher suite order on a build without
     * suite data).
     */
    public static String of(Profile profile) {
        List<Conditional> values = new ArrayList<>();
        List<Range> unsupported = new ArrayList<>();
        List<String> unsupportedWhy = new ArrayList<>();
        if (profile.dependsOnBuild()) {
            variants(profile, values, unsupported, unsupportedWhy);
        } else {
            profile.values().forEach(v -> values.add(new Conditional(v, List.of())));
        }
        StringBuilder y = new StringBuilder();
        y.append("# tlsconf export of profile ").append(profile.name()).append(" (").append(profile.source())
                .append(")").append(profile.resolvedBuild().map(b -> ", resolved for Windows build " + b).orElse(
                        profile.dependsOnBuild() ? ", every Windows build (tasks run on the builds they apply to)"
                                : "")).append(".\n")
                .append("# Run: ansible-playbook -i INVENTORY THIS.yml [-e target=GROUP]   (default group: windows)\n")
                .append("# Hosts reboot once at the end when a value that needs a reboot changed.\n")
                .append("- name: ").append(str("TLS profile " + profile.name() + " (tlsconf)")).append('\n')
                .append("  hosts: \"{{ target | default('windows') }}\"\n");
        if (profile.dependsOnBuild()) {
            y.append("  gather_facts: true\n")
                    .append("  vars:\n")
                    .append("    ").append(BUILD_VAR)
                    .append(": \"{{ ansible_facts['distribution_version'].split('.')[2] | int }}\"\n");
        } else {
            y.append("  gather_facts: false\n");
        }
        y.append("  tasks:\n");
        if (!unsupported.isEmpty()) {
            y.append("    - name: ").append(str("Stop on Windows builds profile " + profile.name()
                    + " cannot be written for")).append('\n')
                    .append("      ansible.builtin.fail:\n")
                    .append("        msg: ").append(str("tlsconf profile " + profile.name() + " cannot be written "
                            + "for this Windows build: " + String.join("; ", unsupportedWhy))).append('\n')
                    .append("      when: ").append(str(when(unsupported))).append('\n');
        }
        boolean reboot = false;
        for (Conditional c : values) {
            boolean needsReboot = RebootPolicy.rebootReason(c.value().key()).isPresent();
            reboot |= needsReboot;
            task(y, c.value(), needsReboot);
            if (!c.ranges().isEmpty()) {
                y.append("      when: ").append(str(when(c.ranges()))).append('\n');
            }
        }
        if (reboot) {
            y.append("  handlers:\n")
                    .append("    - name: ").append(str(HANDLER)).append('\n')
                    .append("      ansible.windows.win_reboot:\n")
                    .append("        msg: ").append(str("Restarting to apply the TLS settings of profile "
                            + profile.name() + " (tlsconf)")).append('\n')
                    .append("        reboot_timeout: 1800\n");
        }
        return y.toString();
    }

    private static String when(List<Range> ranges) {
        if (ranges.size() == 1) {
            return ranges.get(0).condition();
        }
        return String.join(" or ", ranges.stream().map(r -> "(" + r.condition() + ")").toList());
    }

    /**
     * Resolves the profile on every stretch of builds where what it writes can change (its breakpoints), and
     * collects each distinct value with the stretches it is written on, adjacent stretches merged.
     */
    private static void variants(Profile profile, List<Conditional> out, List<Range> unsupported,
            List<String> why) {
        List<Integer> points = new ArrayList<>(profile.breakpoints());
        List<Range> supported = new ArrayList<>();
        Map<List<Object>, DesiredValue> first = new LinkedHashMap<>();
        Map<List<Object>, List<Range>> where = new LinkedHashMap<>();
        for (int i = 0; i < points.size(); i++) {
            Range range = new Range(points.get(i), i + 1 < points.size() ? Optional.of(points.get(i + 1) - 1)
                    : Optional.empty());
            Profile resolved;
            try {
                resolved = profile.resolve(Optional.of(range.from()));
            } catch (ProfileException e) {
                add(unsupported, range);
                String message = e.problems().get(0).message();
                if (!why.contains(message)) {
                    why.add(message);
                }
                continue;
            }
            add(supported, range);
            for (DesiredValue v : resolved.values()) {
                List<Object> id = List.of(v.key(), v.name().toLowerCase(java.util.Locale.ROOT), v.value());
                first.putIfAbsent(id, v);
                add(where.computeIfAbsent(id, k -> new ArrayList<>()), range);
            }
        }
        where.forEach((id, ranges) -> out.add(new Conditional(first.get(id), ranges.equals(supported) ? List.of()
                : ranges)));
    }

    /** Adds a range, merging it into the last one when they are adjacent. */
    private static void add(List<Range> ranges, Range r) {
        if (!ranges.isEmpty()) {
            Range last = ranges.get(ranges.size() - 1);
            if (last.upTo().isPresent() && last.upTo().get() + 1 == r.from()) {
                ranges.set(ranges.size() - 1, new Range(last.from(), r.upTo()));
                return;
            }
        }
        ranges.add(r);
    }

    private static void task(StringBuilder y, DesiredValue v, boolean needsReboot) {
        if (v.mustBeAbsent() && v.name().isEmpty()) {
            // win_regedit deletes the whole key when state=absent comes without a value name
            throw new IllegalArgumentException("the default value of " + v.key() + " cannot be deleted through "
                    + "win_regedit without deleting the key; remove it from the profile or use --format reg");
        }
        // the key's last two names say what is set: "TLS 1.0\Client\Enabled", "v4.0.30319\SchUseStrongCrypto"
        List<String> names = v.key().names();
        String label = String.join("\\", names.subList(Math.max(0, names.size() - 2), names.size())) + "\\"
                + (v.name().isEmpty() ? "(Default)" : v.name())
                + v.value().map(x -> " = " + x.display()).orElse(" deleted")
                + (v.key().names().stream().anyMatch(n -> RegistryNames.same(n, "Wow6432Node")) ? " (32-bit view)" : "");
        y.append("    - name: ").append(str(label)).append('\n')
                .append("      ansible.windows.win_regedit:\n")
                .append("        path: ").append(str(path(v))).append('\n')
                .append("        name: ").append(str(v.name())).append('\n');
        if (v.value().isPresent()) {
            RegistryValue value = v.value().get();
            y.append("        data: ").append(data(value)).append('\n')
                    .append("        type: ").append(type(value.type())).append('\n')
                    .append("        state: present\n");
        } else {
            y.append("        state: absent\n");
        }
        if (needsReboot) {
            y.append("      notify: ").append(str(HANDLER)).append('\n');
        }
    }

    /** {@code HKLM:\SYSTEM\...}: the module's hive-drive form. */
    static String path(DesiredValue v) {
        return v.key().hive().shortName() + ":\\" + String.join("\\", v.key().names());
    }

    static String type(ValueType t) {
        return switch (t.name()) {
            case "REG_DWORD" -> "dword";
            case "REG_QWORD" -> "qword";
            case "REG_SZ" -> "string";
            case "REG_EXPAND_SZ" -> "expandstring";
            case "REG_MULTI_SZ" -> "multistring";
            case "REG_BINARY" -> "binary";
            case "REG_NONE" -> "none";
            default -> throw new IllegalArgumentException("win_regedit cannot write a " + t + " value");
        };
    }

    static String data(RegistryValue value) {
        if (value instanceof RegistryValue.Dword d) {
            return Long.toString(d.value());
        }
        if (value instanceof RegistryValue.Qword q) {
            return q.unsignedString();
        }
        if (value instanceof RegistryValue.Sz s) {
            return str(s.value());
        }
        if (value instanceof RegistryValue.ExpandSz s) {
            return str(s.value());
        }
        if (value instanceof RegistryValue.MultiSz m) {
            return "[" + String.join(", ", m.values().stream().map(AnsibleExport::str).toList()) + "]";
        }
        RegistryValue.Binary b = (RegistryValue.Binary) value;
        StringBuilder hex = new StringBuilder("hex:");
        byte[] data = b.data();
        for (int i = 0; i < data.length; i++) {
            hex.append(i > 0 ? "," : "").append(String.format("%02x", data[i] & 0xFF));
        }
        return str(hex.toString());
    }

    /** A YAML double-quoted scalar; {@code !unsafe} when Jinja2 would otherwise template it. */
    static String str(String s) {
        try {
            String quoted = JSON.writeValueAsString(s);
            return List.of("{{", "{%", "{#").stream().anyMatch(s::contains) ? "!unsafe " + quoted : quoted;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
