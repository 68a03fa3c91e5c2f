package org.tlsconf.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.tlsconf.audit.HostState;
import org.tlsconf.audit.ProtocolState;
import org.tlsconf.fleet.Fleet;
import org.tlsconf.fleet.FleetHost;
import org.tlsconf.fleet.FleetHost.Status;
import org.tlsconf.tls.Protocol;
import org.tlsconf.tls.Role;

/** Renders a fleet run: one row per host, groups of identical configurations, the most common findings. */
public final class FleetReport {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** How many common findings the text and HTML reports list. */
    static final int TOP_FINDINGS = 10;
    /** How many member names a group shows in text. */
    static final int GROUP_NAMES = 5;

    private FleetReport() {
    }

    private static String summaryLine(Fleet.Result r) {
        StringBuilder sb = new StringBuilder().append(r.hosts().size()).append(r.hosts().size() == 1 ? " host" : " hosts");
        if (r.profile().isPresent()) {
            sb.append(": ").append(r.count(Status.COMPLIANT)).append(" compliant, ").append(r.count(Status.DRIFT))
                    .append(" drift");
        } else {
            sb.append(": ").append(r.count(Status.AUDITED)).append(" audited");
        }
        return sb.append(", ").append(r.count(Status.FAILED)).append(" failed; ").append(r.groups().size())
                .append(r.groups().size() == 1 ? " configuration" : " distinct configurations").toString();
    }

    private static String build(FleetHost h) {
        return h.build().map(String::valueOf).orElse("-");
    }

    // ---- text ------------------------------------------------------------------------------------------------

    /**
     * The hosts whose export does not record some of the profile's values (HealthChecker exports), and how many:
     * their drift and "compliant" cover only what was collected. Empty when every value was compared everywhere.
     */
    static String notCollectedNote(Fleet.Result r) {
        List<String> hosts = new java.util.ArrayList<>();
        for (FleetHost h : r.hosts()) {
            if (h.status() != Status.FAILED && h.notCollected() > 0) {
                hosts.add(h.name() + " (" + h.notCollected() + ")");
            }
        }
        return hosts.isEmpty() ? "" : "Not collected (values of the profile the export does not record; drift and "
                + "compliance cover only the rest): " + String.join(", ", hosts);
    }

    public static String text(Fleet.Result r, ReportMeta meta, Style st) {
        StringBuilder sb = new StringBuilder();
        sb.append(st.bold("TLS fleet report" + r.profile().map(p -> " against profile " + p).orElse(""))).append('\n')
                .append(meta.text()).append(summaryLine(r)).append("\n\n");
        int width = Math.max(4, r.hosts().stream().mapToInt(h -> h.name().length()).max().orElse(4));
        String row = "%-" + width + "s  %-6s  %-9s  %5s  %4s %4s %4s %4s  %s%n";
        sb.append(String.format(row, "HOST", "BUILD", "STATUS", "DRIFT", "HIGH", "MED", "LOW", "INFO",
                "CONFIGURATION"));
        for (FleetHost h : r.hosts()) {
            if (h.status() == Status.FAILED) {
                sb.append(String.format("%-" + width + "s  %-6s  %s  %s%n", h.name(), "-", st.red("failed   "),
                        h.error()));
                continue;
            }
            String status = String.format("%-9s", h.status().label());
            status = h.status() == Status.DRIFT ? st.red(status) : h.status() == Status.COMPLIANT ? st.green(status)
                    : status;
            sb.append(String.format(row, h.name(), build(h), status, r.profile().isPresent() ? h.drift() : "-",
                    h.findings().high(), h.findings().medium(), h.findings().low(), h.findings().info(),
                    h.configuration()));
        }
        String notCollected = notCollectedNote(r);
        if (!notCollected.isEmpty()) {
            sb.append('\n').append(notCollected).append('\n');
        }
        if (!r.groups().isEmpty()) {
            sb.append('\n').append(st.bold("Configurations (hosts whose TLS values are identical):")).append('\n');
            for (Fleet.Group g : r.groups()) {
                List<String> m = g.members();
                sb.append("  ").append(g.configuration()).append("  ").append(m.size() == 1 ? "1 host"
                        : m.size() + " hosts share this configuration").append(" (").append(g.status().label())
                        .append("): ").append(String.join(", ", m.subList(0, Math.min(GROUP_NAMES, m.size()))))
                        .append(m.size() > GROUP_NAMES ? ", ..." : "").append('\n');
            }
        }
        if (!r.commonFindings().isEmpty()) {
            sb.append('\n').append(st.bold("Most common findings:")).append('\n');
            for (Fleet.CommonFinding f : r.commonFindings().subList(0, Math.min(TOP_FINDINGS,
                    r.commonFindings().size()))) {
                sb.append(String.format("  %4d %s  ", f.hosts(), f.hosts() == 1 ? "host " : "hosts"))
                        .append(Tone.of(f.severity()).text(st, f.severity().label().toUpperCase(
                                java.util.Locale.ROOT))).append(' ').append(f.id()).append(": ")
                        .append(f.message()).append('\n');
            }
        }
        return sb.toString();
    }

    // ---- json ------------------------------------------------------------------------------------------------

    public static ObjectNode jsonTree(Fleet.Result r, ReportMeta meta) {
        ObjectNode root = F.objectNode();
        meta.json(root);
        root.put("profile", r.profile().orElse(null));
        ObjectNode summary = root.putObject("summary");
        summary.put("hosts", r.hosts().size());
        summary.put("compliant", r.count(Status.COMPLIANT));
        summary.put("drift", r.count(Status.DRIFT));
        summary.put("audited", r.count(Status.AUDITED));
        summary.put("failed", r.count(Status.FAILED));
        summary.put("configurations", r.groups().size());
        ArrayNode hosts = root.putArray("hosts");
        for (FleetHost h : r.hosts()) {
            ObjectNode o = hosts.addObject();
            o.put("name", h.name());
            o.put("source", h.source());
            o.put("kind", h.kind());
            o.put("status", h.status().label());
            if (h.status() == Status.FAILED) {
                o.put("error", h.error());
                continue;
            }
            o.put("build", h.build().orElse(null));
            o.put("product", h.product());
            o.put("drift", h.drift());
            o.put("checked", h.checked());
            o.put("notCollected", h.notCollected());
            o.putObject("findings").put("high", h.findings().high()).put("medium", h.findings().medium())
                    .put("low", h.findings().low()).put("info", h.findings().info());
            o.put("configuration", h.configuration());
            ObjectNode protocols = o.putObject("protocols");
            for (Protocol p : HostState.MATRIX) {
                ObjectNode po = protocols.putObject(p.keyName());
                for (Role role : List.of(Role.CLIENT, Role.SERVER)) {
                    po.put(role.keyName().toLowerCase(Locale.ROOT), h.protocol(p, role).orElseThrow().effective()
                            .name());
                }
            }
        }
        ArrayNode groups = root.putArray("groups");
        for (Fleet.Group g : r.groups()) {
            ObjectNode o = groups.addObject();
            o.put("configuration", g.configuration());
            o.put("hosts", g.members().size());
            o.put("status", g.status().label());
            ArrayNode members = o.putArray("members");
            g.members().forEach(members::add);
        }
        ArrayNode findings = root.putArray("commonFindings");
        for (Fleet.CommonFinding f : r.commonFindings()) {
            findings.addObject().put("id", f.id()).put("severity", f.severity().label()).put("where", f.where())
                    .put("message", f.message()).put("hosts", f.hosts());
        }
        return root;
    }

    public static String json(Fleet.Result r, ReportMeta meta) {
        return Json.write(jsonTree(r, meta));
    }

    // ---- csv -------------------------------------------------------------------------------------------------

    /** One row per host (RFC 4180, CRLF); cells that a spreadsheet would run as a formula are prefixed with '. */
    public static String csv(Fleet.Result r) {
        StringBuilder sb = new StringBuilder();
        List<String> header = new java.util.ArrayList<>(List.of("host", "source", "kind", "build", "status", "drift",
                "checked", "not_collected", "high", "medium", "low", "info", "configuration"));
        for (Protocol p : HostState.MATRIX) {
            for (Role role : List.of(Role.CLIENT, Role.SERVER)) {
                header.add(p.keyName() + " " + role.keyName());
            }
        }
        header.add("error");
        line(sb, header);
        for (FleetHost h : r.hosts()) {
            boolean ok = h.status() != Status.FAILED;
            List<String> cells = new java.util.ArrayList<>(List.of(h.name(), h.source(), h.kind(),
                    h.build().map(String::valueOf).orElse(""), h.status().label(), ok ? "" + h.drift() : "",
                    ok ? "" + h.checked() : "", ok ? "" + h.notCollected() : "", ok ? "" + h.findings().high() : "",
                    ok ? "" + h.findings().medium() : "", ok ? "" + h.findings().low() : "",
                    ok ? "" + h.findings().info() : "", h.configuration()));
            for (Protocol p : HostState.MATRIX) {
                for (Role role : List.of(Role.CLIENT, Role.SERVER)) {
                    cells.add(h.protocol(p, role).map(ProtocolState::describe).orElse(""));
                }
            }
            cells.add(h.error());
            line(sb, cells);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(csvCell(cells.get(i)));
        }
        sb.append("\r\n");
    }

    static String csvCell(String s) {
        String v = !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    // ---- html ------------------------------------------------------------------------------------------------

    public static String html(Fleet.Result r, ReportMeta meta) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>TLS fleet report</h1>");
        StatusReport.htmlHeader(b, List.<String[]>of(new String[] {"Profile", r.profile().orElse("none (audit only)")}),
                meta);
        b.append("<h2>Compliance</h2><table><tr><th>Hosts</th>");
        if (r.profile().isPresent()) {
            b.append("<th>Compliant</th><th>Drift</th>");
        }
        b.append("<th>Failed</th><th>Distinct configurations</th></tr><tr><td>").append(r.hosts().size())
                .append("</td>");
        if (r.profile().isPresent()) {
            b.append("<td class=\"" + Tone.OK.css() + "\">").append(r.count(Status.COMPLIANT)).append("</td><td class=\"")
                    .append(r.count(Status.DRIFT) > 0 ? Tone.HIGH.css() : Tone.OK.css()).append("\">").append(r.count(Status.DRIFT))
                    .append("</td>");
        }
        b.append("<td class=\"").append(r.count(Status.FAILED) > 0 ? Tone.HIGH.css() : Tone.OK.css()).append("\">")
                .append(r.count(Status.FAILED)).append("</td><td>").append(r.groups().size())
                .append("</td></tr></table>");

        b.append("<h2>Hosts and protocols</h2><p class=\"meta\">Each cell: Client / Server when they differ.</p>")
                .append("<table><tr><th>Host</th><th>Build</th><th>Status</th><th>Drift</th><th>Findings "
                        + "(high/medium/low/info)</th>");
        for (Protocol p : HostState.MATRIX) {
            b.append("<th>").append(p.keyName()).append("</th>");
        }
        b.append("<th>Configuration</th></tr>\n");
        for (FleetHost h : r.hosts()) {
            b.append("<tr><td>").append(Html.escape(h.name())).append("</td>");
            if (h.status() == Status.FAILED) {
                b.append("<td>-</td><td class=\"" + Tone.HIGH.css() + "\">failed</td><td colspan=\"").append(HostState.MATRIX.size() + 3)
                        .append("\">").append(Html.escape(h.error())).append("</td></tr>\n");
                continue;
            }
            b.append("<td>").append(build(h)).append("</td><td class=\"").append(switch (h.status()) {
                case COMPLIANT -> Tone.OK.css();
                case DRIFT -> Tone.HIGH.css();
                default -> Tone.UNKNOWN.css();
            }).append("\">").append(h.status().label()).append("</td><td>")
                    .append(r.profile().isPresent() ? h.drift() + (h.notCollected() > 0 ? " (" + h.notCollected()
                            + " not collected)" : "") : "-").append("</td><td>")
                    .append(h.findings().high()).append(" / ").append(h.findings().medium()).append(" / ")
                    .append(h.findings().low()).append(" / ").append(h.findings().info()).append("</td>");
            for (Protocol p : HostState.MATRIX) {
                ProtocolState c = h.protocol(p, Role.CLIENT).orElseThrow();
                ProtocolState s = h.protocol(p, Role.SERVER).orElseThrow();
                boolean same = c.effective() == s.effective();
                // the same colour as in status: the worst finding about the cell (of either side when they differ)
                Tone client = StatusReport.tone(c, h.auditFindings());
                Tone server = StatusReport.tone(s, h.auditFindings());
                Tone tone = client.ordinal() <= server.ordinal() ? client : server;
                b.append("<td class=\"").append(tone.css()).append("\">")
                        .append(Html.escape(same ? c.effective().label() : c.effective().label() + " / "
                                + s.effective().label())).append("</td>");
            }
            b.append("<td><code>").append(h.configuration()).append("</code></td></tr>\n");
        }
        b.append("</table>");

        b.append("<h2>Configurations</h2><table><tr><th>Configuration</th><th>Hosts</th><th>Status</th>"
                + "<th>Members</th></tr>");
        for (Fleet.Group g : r.groups()) {
            b.append("<tr><td><code>").append(g.configuration()).append("</code></td><td>")
                    .append(g.members().size() == 1 ? "1 host" : g.members().size() + " hosts share this configuration")
                    .append("</td><td>").append(g.status().label()).append("</td><td>")
                    .append(Html.escape(String.join(", ", g.members()))).append("</td></tr>");
        }
        b.append("</table>");

        b.append("<h2>Most common findings</h2>");
        if (r.commonFindings().isEmpty()) {
            b.append("<p>No findings.</p>");
        } else {
            b.append("<table><tr><th>Hosts</th><th>Severity</th><th>Id</th><th>Finding</th></tr>");
            for (Fleet.CommonFinding f : r.commonFindings().subList(0, Math.min(TOP_FINDINGS,
                    r.commonFindings().size()))) {
                b.append("<tr><td>").append(f.hosts()).append("</td><td class=\"sev-").append(f.severity().label())
                        .append("\">").append(f.severity().label()).append("</td><td>").append(f.id())
                        .append("</td><td>").append(Html.escape(f.message())).append("<br><code>")
                        .append(Html.escape(f.where())).append("</code></td></tr>");
            }
            b.append("</table>");
        }
        return Html.page("TLS fleet report", b.toString());
    }
}
