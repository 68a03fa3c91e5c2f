package org.tlsconf.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tlsconf.profile.DesiredValue;
import org.tlsconf.profile.OrderSpec;
import org.tlsconf.profile.Profile;
import org.tlsconf.registry.RegistryNames;
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
                    .append(p.orders().stream().map(o -> " + " + o.kind().noun() + " order").reduce("", String::concat))
                    .append(p.dependsOnBuild() ? ", by Windows build" : "")
                    .append(p.lineage().size() > 1 ? "  (extends " + p.lineage().get(1) + ")" : "").append('\n')
                    .append("    ").append(firstSentence(p.description())).append('\n');
        }
        sb.append("\nShow one with 'tlsconf profiles show NAME'; compare with a host with 'tlsconf diff NAME'.\n");
        return sb.toString();
    }

    /**
     * {@code {"profiles": [{"name", "description", "values", "extends", "source"}]}}; {@code extends} is the direct
     * parent or null.
     */
    public static String listJson(List<Profile> profiles) {
        ObjectNode root = F.objectNode();
        ArrayNode list = root.putArray("profiles");
        for (Profile p : profiles) {
            list.addObject().put("name", p.name()).put("description", p.description()).put("values", p.values().size())
                    .put("extends", p.lineage().size() > 1 ? p.lineage().get(1) : null).put("source", p.source());
        }
        return Json.write(root);
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
        p.resolvedBuild().ifPresent(b -> sb.append("Resolved for Windows build ").append(b)
                .append(": exactly what tlsconf writes on that build.\n"));
        if (p.resolvedBuild().isEmpty() && p.dependsOnBuild()) {
            sb.append("Depends on the Windows build: show what one build gets with --os-build N.\n");
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
            if (!v.builds().isAlways()) {
                sb.append("   [").append(v.builds().describe()).append(']');
            }
            if (!v.origin().equals(p.name())) {
                sb.append("   (from ").append(v.origin()).append(')');
            }
            sb.append('\n');
            if (!v.reason().isEmpty()) {
                sb.append("  ").append(" ".repeat(width)).append("  why: ").append(v.reason()).append('\n');
            }
        }
        for (OrderSpec o : p.orders()) {
            sb.append('\n').append(OrderSpec.POLICY_KEY).append('\\').append(o.valueName()).append(": ")
                    .append(o.kind().noun()).append(" order")
                    .append(o.dropUnsupported() ? " (items a build does not support are left out on that build)"
                            : " (every item must be supported by the target build)")
                    .append(o.builds().isAlways() ? "" : ", " + o.builds().describe()).append('\n');
            if (!o.reason().isEmpty()) {
                sb.append("  why: ").append(o.reason()).append('\n');
            }
            for (int i = 0; i < o.items().size(); i++) {
                OrderSpec.Item item = o.items().get(i);
                sb.append(String.format("  %3d. ", i + 1)).append(item.name());
                if (!item.builds().isAlways()) {
                    sb.append("   [").append(item.builds().describe()).append(']');
                }
                sb.append('\n');
            }
        }
        if (!p.notes().isEmpty()) {
            sb.append("\nLeft out on this build:\n");
            p.notes().forEach(n -> sb.append("  - ").append(n).append('\n'));
        }
        if (!p.warnings().isEmpty()) {
            sb.append("\nWarnings:\n");
            p.warnings().forEach(w -> sb.append("  ! ").append(w).append('\n'));
        }
        return sb.toString();
    }

    /**
     * The profile as a self-contained profile file: no extends, every inherited value included, build conditions,
     * reasons and orders kept (a resolved profile has none of those left).
     */
    public static String json(Profile p) {
        return Json.write(jsonTree(p));
    }

    public static ObjectNode jsonTree(Profile p) {
        ObjectNode root = F.objectNode();
        root.put("$schema", "https://tlsconf.org/schema/profile.json");
        root.put("name", p.name());
        root.put("description", p.description());
        for (OrderSpec o : p.orders()) {
            ObjectNode order = root.putObject(o.member());
            if (!o.reason().isEmpty()) {
                order.put("reason", o.reason());
            }
            if (o.dropUnsupported()) {
                order.put("unsupported", "drop");
            }
            o.builds().from().ifPresent(b -> order.put("minBuild", b));
            o.builds().upTo().ifPresent(b -> order.put("maxBuild", b));
            ArrayNode items = order.putArray("order");
            for (OrderSpec.Item item : o.items()) {
                if (item.builds().isAlways()) {
                    items.add(item.name());
                } else {
                    ObjectNode it = items.addObject();
                    it.put("name", item.name());
                    item.builds().from().ifPresent(b -> it.put("minBuild", b));
                    item.builds().upTo().ifPresent(b -> it.put("maxBuild", b));
                }
            }
        }
        ArrayNode keys = root.putArray("keys");
        Map<RegistryPath, ObjectNode> byKey = new LinkedHashMap<>();
        Map<String, List<DesiredValue>> byValue = new LinkedHashMap<>();
        for (DesiredValue v : p.values()) {
            byValue.computeIfAbsent(v.key() + "\u0000" + RegistryNames.fold(v.name()),
                    k -> new java.util.ArrayList<>()).add(v);
        }
        for (List<DesiredValue> variants : byValue.values()) {
            DesiredValue first = variants.get(0);
            ObjectNode values = byKey.computeIfAbsent(first.key(), k -> {
                ObjectNode key = keys.addObject();
                key.put("path", k.toString());
                return key.putObject("values");
            });
            if (variants.size() == 1) {
                spec(values.putObject(first.name()), first);
            } else {
                ArrayNode alternatives = values.putArray(first.name());
                variants.forEach(v -> spec(alternatives.addObject(), v));
            }
        }
        return root;
    }

    private static void spec(ObjectNode spec, DesiredValue v) {
        if (v.mustBeAbsent()) {
            spec.put("absent", true);
        } else {
            spec.put("type", v.value().get().type().name());
            spec.set("data", ValueJson.data(v.value().get()));
        }
        v.builds().from().ifPresent(b -> spec.put("minBuild", b));
        v.builds().upTo().ifPresent(b -> spec.put("maxBuild", b));
        if (!v.reason().isEmpty()) {
            spec.put("reason", v.reason());
        }
    }
}
