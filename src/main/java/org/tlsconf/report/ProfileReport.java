package org.tlsconf.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tlsconf.profile.DesiredValue;
import org.tlsconf.profile.Profile;
import org.tlsconf.registry.RegistryPath;

/** Renders profiles: the catalogue list, one profile in full, or one profile as a self-contained profile file. */
public final class ProfileReport {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ProfileReport() {
    }

    public static String list(List<Profile> profiles) {
        int width = profiles.stream().mapToInt(p -> p.name().length()).max().orElse(4);
        StringBuilder sb = new StringBuilder();
        for (Profile p : profiles) {
            sb.append(p.name()).append(" ".repeat(width - p.name().length() + 2))
                    .append(String.format("%3d values", p.values().size()))
                    .append(p.lineage().size() > 1 ? "  (extends " + p.lineage().get(1) + ")" : "").append('\n')
                    .append("    ").append(firstSentence(p.description())).append('\n');
        }
        sb.append("\nShow one with 'tlsconf profiles show NAME'; compare with a host with 'tlsconf diff NAME'.\n");
        return sb.toString();
    }

    private static String firstSentence(String s) {
        int colon = s.indexOf(": ");
        int dot = s.indexOf(". ");
        int end = dot < 0 ? s.length() : dot + 1;
        return colon > 0 && colon < end ? s.substring(0, colon) : s.substring(0, end);
    }

    public static String text(Profile p) {
        StringBuilder sb = new StringBuilder();
        sb.append("Profile ").append(p.name()).append(" (").append(p.source()).append(")\n");
        if (p.lineage().size() > 1) {
            sb.append("Extends: ").append(String.join(" -> ", p.lineage().subList(1, p.lineage().size())))
                    .append('\n');
        }
        sb.append(p.description()).append("\n");
        int width = p.values().stream().mapToInt(v -> v.name().length()).max().orElse(0);
        RegistryPath current = null;
        for (DesiredValue v : p.values()) {
            if (!v.key().equals(current)) {
                current = v.key();
                sb.append('\n').append(v.key()).append('\n');
            }
            sb.append("  ").append(v.name()).append(" ".repeat(width - v.name().length())).append("  ")
                    .append(v.value().map(x -> x.type() + " " + x.display()).orElse("must be absent"));
            if (!v.origin().equals(p.name())) {
                sb.append("   (from ").append(v.origin()).append(')');
            }
            sb.append('\n');
        }
        if (!p.warnings().isEmpty()) {
            sb.append("\nWarnings:\n");
            p.warnings().forEach(w -> sb.append("  ! ").append(w).append('\n'));
        }
        return sb.toString();
    }

    /** The resolved profile as a profile file: no extends, every inherited value included. */
    public static String json(Profile p) {
        ObjectNode root = F.objectNode();
        root.put("name", p.name());
        root.put("description", p.description());
        ArrayNode keys = root.putArray("keys");
        Map<RegistryPath, ObjectNode> byKey = new LinkedHashMap<>();
        for (DesiredValue v : p.values()) {
            ObjectNode values = byKey.computeIfAbsent(v.key(), k -> {
                ObjectNode key = keys.addObject();
                key.put("path", k.toString());
                return key.putObject("values");
            });
            ObjectNode spec = values.putObject(v.name());
            if (v.mustBeAbsent()) {
                spec.put("absent", true);
            } else {
                spec.put("type", v.value().get().type().name());
                spec.set("data", ValueJson.data(v.value().get()));
            }
        }
        return Json.write(root);
    }
}
