package org.tlsconf.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.tlsconf.plan.Change;
import org.tlsconf.plan.OrderDiff;
import org.tlsconf.plan.Plan;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;

/** Renders a plan: a table grouped by key for people, and a stable JSON document for machines. */
public final class DiffReport {

    private DiffReport() {
    }

    /** What a report is about: the plan, where the profile and the registry came from, and any warnings. */
    public record Subject(Plan plan, String profileSource, String registry, String host, List<String> warnings,
            ReportMeta meta) {
    }

    public static String text(Subject s) {
        return text(s, Style.PLAIN);
    }

    public static String text(Subject s, Style st) {
        Plan plan = s.plan();
        StringBuilder sb = new StringBuilder();
        sb.append("Profile ").append(plan.profile()).append(" (").append(s.profileSource()).append(") against ")
                .append(s.registry()).append('\n');
        sb.append("Host: ").append(s.host()).append('\n');
        for (String[] l : s.meta().lines()) {
            if (!l[0].equals("Profile")) {
                sb.append(l[0]).append(": ").append(l[1]).append('\n');
            }
        }
        if (plan.isEmpty()) {
            sb.append("No changes: all ").append(plan.unchanged()).append(" values are already as the profile wants")
                    .append(notCollected(plan)).append(".\n");
        } else {
            sb.append(plan.changes().size()).append(plan.changes().size() == 1 ? " change" : " changes")
                    .append(": ").append(plan.count(Change.Action.ADD)).append(" to add, ")
                    .append(plan.count(Change.Action.MODIFY)).append(" to modify, ")
                    .append(plan.count(Change.Action.DELETE)).append(" to delete; ")
                    .append(plan.unchanged()).append(" already as wanted").append(notCollected(plan)).append(".\n");
            int nameWidth = 0;
            for (Change c : plan.changes()) {
                nameWidth = Math.max(nameWidth, display(c.name()).length());
            }
            RegistryPath current = null;
            for (Change c : plan.changes()) {
                if (!c.key().equals(current)) {
                    current = c.key();
                    sb.append('\n').append(c.key());
                    if (c.createsKey()) {
                        sb.append("   [new key]");
                    }
                    sb.append('\n');
                }
                String symbol = switch (c.action()) {
                    case ADD -> st.green("+");
                    case MODIFY -> st.yellow("~");
                    case DELETE -> st.red("-");
                };
                Optional<OrderDiff> order = OrderDiff.of(c);
                sb.append("  ").append(symbol).append(' ').append(pad(display(c.name()), nameWidth)).append("  ")
                        .append(order.isPresent() ? describeOrder(c.before()) : describe(c.before())).append("  ->  ")
                        .append(order.isPresent() ? describeOrder(c.after()) : describe(c.after()));
                if (c.typeOnly()) {
                    sb.append("   (type changes)");
                }
                sb.append('\n');
                if (order.isPresent()) {
                    orderLines(sb, order.get(), c.after().isPresent() ? OrderDiff.items(c.after().get()) : List.of());
                }
            }
        }
        if (!s.warnings().isEmpty()) {
            sb.append("\nWarnings about the profile:\n");
            for (String w : s.warnings()) {
                sb.append("  ! ").append(w).append('\n');
            }
        }
        return sb.toString();
    }

    /** The audit of the registry before and after the plan, for the Markdown and HTML reports. */
    public record Audits(org.tlsconf.audit.Audit before, org.tlsconf.audit.Audit after) {
    }

    /** {@code verdict}: the check's one-line result (compliant or drift, and how to fix it), or null. */
    public static String markdown(Subject s, Audits audits, String title, String verdict) {
        Plan plan = s.plan();
        StringBuilder sb = new StringBuilder("# ").append(title).append("\n\n");
        if (verdict != null) {
            sb.append("**").append(StatusReport.md(verdict)).append("**\n\n");
        }
        sb.append("- Registry: ").append(s.registry()).append('\n');
        StatusReport.markdownHeader(sb, s.host(), s.meta());
        sb.append("- Changes: ").append(plan.changes().size()).append(" (").append(plan.count(Change.Action.ADD))
                .append(" add, ").append(plan.count(Change.Action.MODIFY)).append(" modify, ")
                .append(plan.count(Change.Action.DELETE)).append(" delete); ").append(plan.unchanged())
                .append(" already as wanted").append(notCollected(plan)).append("\n\n");
        sb.append(StatusReport.matrix(audits.before(), "Protocols now").markdown());
        sb.append(StatusReport.matrix(audits.after(), "Protocols after the change").markdown());
        sb.append("## Planned changes\n\n");
        if (plan.isEmpty()) {
            sb.append("None.\n");
        } else {
            sb.append("| Action | Key | Value | Before | After |\n|---|---|---|---|---|\n");
            for (Change c : plan.changes()) {
                sb.append("| ").append(c.action().label()).append(" | `").append(c.key()).append("` | ")
                        .append(display(c.name())).append(" | ").append(StatusReport.md(describe(c.before())))
                        .append(" | ").append(StatusReport.md(describe(c.after()))).append(" |\n");
            }
        }
        sb.append('\n').append(StatusReport.findingsMarkdown(audits.after().findings()).replaceFirst("## Findings",
                "## Findings after the change"));
        if (!s.warnings().isEmpty()) {
            sb.append("\n## Warnings about the profile\n\n");
            s.warnings().forEach(w -> sb.append("- ").append(StatusReport.md(w)).append('\n'));
        }
        return sb.toString();
    }

    /** {@code verdict}: the check's one-line result (compliant or drift, and how to fix it), or null. */
    public static String html(Subject s, Audits audits, String title, String verdict) {
        Plan plan = s.plan();
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(Html.escape(title)).append("</h1>");
        if (verdict != null) {
            b.append("<p class=\"verdict\"><strong>").append(Html.escape(verdict)).append("</strong></p>");
        }
        StatusReport.htmlHeader(b, List.of(new String[] {"Registry", s.registry()}, new String[] {"Host", s.host()}),
                s.meta());
        b.append("<div class=\"pair\">").append(StatusReport.matrix(audits.before(), "Protocols now").html())
                .append(StatusReport.matrix(audits.after(), "Protocols after the change").html()).append("</div>");
        b.append("<section><h2>Planned changes (").append(plan.changes().size()).append(")</h2>");
        if (plan.isEmpty()) {
            b.append("<p>None: all ").append(plan.unchanged()).append(" values are already as the profile wants")
                    .append(Html.escape(notCollected(plan))).append(".</p>");
        } else {
            if (plan.notCollected() > 0) {
                b.append("<p>").append(plan.unchanged()).append(" values already as wanted")
                        .append(Html.escape(notCollected(plan))).append(".</p>");
            }
            b.append("<table><tr><th>Action</th><th>Key</th><th>Value</th><th>Before</th><th>After</th></tr>");
            for (Change c : plan.changes()) {
                b.append("<tr><td class=\"").append(c.action().label()).append("\">").append(c.action().label())
                        .append("</td><td><code>").append(Html.escape(c.key().toString())).append("</code>")
                        .append(c.createsKey() ? " (new key)" : "").append("</td><td>").append(Html.escape(display(
                        c.name()))).append("</td><td>").append(Html.escape(describe(c.before()))).append("</td><td>")
                        .append(Html.escape(describe(c.after()))).append("</td></tr>");
            }
            b.append("</table>");
        }
        b.append("</section><section><h2>Findings after the change</h2>")
                .append(StatusReport.findingsHtml(audits.after().findings())).append("</section>");
        if (!s.warnings().isEmpty()) {
            b.append("<section><h2>Warnings about the profile</h2><ul>");
            s.warnings().forEach(w -> b.append("<li>").append(Html.escape(w)).append("</li>"));
            b.append("</ul></section>");
        }
        return Html.page(title + ": " + plan.profile(), b.toString());
    }

    /** An order value in a line: its type and how many items, not the whole string. */
    private static String describeOrder(Optional<RegistryValue> value) {
        return value.map(v -> v.type() + " (" + OrderDiff.items(v).size() + " items)").orElse("(absent)");
    }

    /** Which items of an order appear, disappear and move; a new order is listed in full. */
    private static void orderLines(StringBuilder sb, OrderDiff d, List<String> after) {
        String indent = "      ";
        if (d.beforeSize() == 0 && !after.isEmpty()) {
            sb.append(indent).append("new order:\n");
            for (int i = 0; i < after.size(); i++) {
                sb.append(indent).append(String.format("%3d. ", i + 1)).append(after.get(i)).append('\n');
            }
            return;
        }
        if (d.isEmpty()) {
            sb.append(indent).append("same items in the same order (only the spelling or type differs)\n");
            return;
        }
        sb.append(indent).append(d.added().size()).append(" added, ").append(d.removed().size())
                .append(" removed, ").append(d.moved().size()).append(" moved\n");
        d.added().forEach(p -> sb.append(indent).append("+ ").append(p.name()).append("  (new at ")
                .append(p.position()).append(")\n"));
        d.removed().forEach(p -> sb.append(indent).append("- ").append(p.name()).append("  (was at ")
                .append(p.position()).append(")\n"));
        d.moved().forEach(m -> sb.append(indent).append("~ ").append(m.name()).append("  ").append(m.from())
                .append(" -> ").append(m.to()).append('\n'));
    }

    /** "; 11 not collected by this export (not compared)", or nothing when the source records every value. */
    public static String notCollected(Plan plan) {
        return plan.notCollected() == 0 ? "" : "; " + plan.notCollected() + " of the profile's values not collected "
                + "by this export (not compared)";
    }

    private static String display(String name) {
        return name.isEmpty() ? "(Default)" : name;
    }

    private static String describe(Optional<RegistryValue> value) {
        if (value.isEmpty()) {
            return "(absent)";
        }
        return value.get().type() + " " + value.get().display();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /**
     * The JSON form (documented in README): {@code {"profile", "profileSource", "registry", "summary", "changes":
     * [{"action", "key", "value", "type", "before", "beforeType", "after", "createsKey"}], "warnings"}}.
     */
    public static String json(Subject s) {
        return Json.write(jsonTree(s));
    }

    public static ObjectNode jsonTree(Subject s) {
        Plan plan = s.plan();
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("profile", plan.profile());
        root.put("profileSource", s.profileSource());
        root.put("registry", s.registry());
        root.put("host", s.host());
        s.meta().json(root);
        ObjectNode summary = root.putObject("summary");
        summary.put("add", plan.count(Change.Action.ADD));
        summary.put("modify", plan.count(Change.Action.MODIFY));
        summary.put("delete", plan.count(Change.Action.DELETE));
        summary.put("unchanged", plan.unchanged());
        summary.put("notCollected", plan.notCollected());
        ArrayNode changes = root.putArray("changes");
        for (Change c : plan.changes()) {
            ObjectNode o = changes.addObject();
            o.put("action", c.action().label());
            o.put("key", c.key().toString());
            o.put("value", c.name());
            o.put("type", c.after().or(c::before).map(v -> v.type().name()).orElse(null));
            o.set("before", c.before().map(ValueJson::data).orElse(null));
            o.put("beforeType", c.before().map(v -> v.type().name()).orElse(null));
            o.set("after", c.after().map(ValueJson::data).orElse(null));
            o.put("createsKey", c.createsKey());
            OrderDiff.of(c).ifPresent(d -> {
                ObjectNode od = o.putObject("order");
                ArrayNode added = od.putArray("added");
                d.added().forEach(p -> added.addObject().put("name", p.name()).put("position", p.position()));
                ArrayNode removed = od.putArray("removed");
                d.removed().forEach(p -> removed.addObject().put("name", p.name()).put("position", p.position()));
                ArrayNode moved = od.putArray("moved");
                d.moved().forEach(m -> moved.addObject().put("name", m.name()).put("from", m.from())
                        .put("to", m.to()));
            });
        }
        ArrayNode warnings = root.putArray("warnings");
        s.warnings().forEach(warnings::add);
        return root;
    }

}
