package org.tlsconf.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.tlsconf.audit.Audit;
import org.tlsconf.audit.Finding;
import org.tlsconf.audit.HostState;
import org.tlsconf.audit.ProtocolState;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.tls.Protocol;
import org.tlsconf.tls.Role;
import org.tlsconf.tls.TlsRegistry;
import org.tlsconf.tls.WindowsVersion;

/** Renders an audit: the protocol matrix, .NET, WinHTTP, cipher order, algorithms, FIPS and findings. */
public final class StatusReport {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<Protocol> HC = List.of(Protocol.TLS_1_0, Protocol.TLS_1_1, Protocol.TLS_1_2,
            Protocol.TLS_1_3);

    private StatusReport() {
    }

    /** What the report is about. */
    public record Subject(Audit audit, String registry, String host) {
    }

    static boolean legacy(Protocol p) {
        return p == Protocol.SSL_2_0 || p == Protocol.SSL_3_0 || p == Protocol.TLS_1_0 || p == Protocol.TLS_1_1
                || p == Protocol.DTLS_1_0;
    }

    /** The CSS class / colour of a matrix cell: enabled legacy protocols are bad, enabled modern ones good. */
    static String tone(ProtocolState s) {
        return switch (s.effective()) {
            case ENABLED -> legacy(s.protocol()) ? "bad" : "good";
            case DISABLED_BY_DEFAULT -> "warn";
            case DISABLED -> "off";
            case NOT_SUPPORTED -> "na";
            case UNKNOWN -> "unknown";
        };
    }

    private static String colour(Style st, ProtocolState s, String text) {
        return switch (tone(s)) {
            case "bad" -> st.red(text);
            case "good" -> st.green(text);
            case "warn" -> st.yellow(text);
            case "off", "na" -> st.dim(text);
            default -> text;
        };
    }

    static String value(Optional<RegistryValue> v) {
        return v.map(RegistryValue::display).orElse("-");
    }

    static String severity(Style st, Finding.Severity s) {
        String label = s.label().toUpperCase(java.util.Locale.ROOT);
        return switch (s) {
            case HIGH -> st.red(label);
            case MEDIUM -> st.yellow(label);
            default -> st.dim(label);
        };
    }

    // ---- text ------------------------------------------------------------------------------------------------

    public static String text(Subject sub, Style st) {
        HostState s = sub.audit().state();
        StringBuilder sb = new StringBuilder();
        sb.append(st.bold("TLS status of " + sub.registry())).append('\n').append("Host: ").append(sub.host())
                .append("\n\n");
        sb.append(String.format("%-10s  %-30s  %-30s%n", "Protocol", "Client", "Server"));
        for (Protocol p : HostState.MATRIX) {
            ProtocolState c = s.protocol(p, Role.CLIENT).orElseThrow();
            ProtocolState v = s.protocol(p, Role.SERVER).orElseThrow();
            sb.append(String.format("%-10s  ", p.keyName())).append(colour(st, c, String.format("%-30s", c.describe())))
                    .append("  ").append(colour(st, v, String.format("%-30s", v.describe()))).append('\n');
        }
        sb.append("\nHealthChecker classification: ").append(HC.stream().map(p -> p.keyName() + " "
                + sub.audit().healthChecker(p).label()).collect(Collectors.joining(", "))).append('\n');
        sb.append("\n.NET Framework (SystemDefaultTlsVersions / SchUseStrongCrypto):\n");
        for (String clr : TlsRegistry.DOTNET_VERSIONS) {
            for (TlsRegistry.View view : TlsRegistry.View.values()) {
                sb.append(String.format("  %-11s %-7s  %-14s / %s%n", clr, view == TlsRegistry.View.NATIVE ? "64-bit"
                        : "32-bit", dotNet(s, view, clr, TlsRegistry.SYSTEM_DEFAULT_TLS_VERSIONS),
                        dotNet(s, view, clr, TlsRegistry.SCH_USE_STRONG_CRYPTO)));
            }
        }
        sb.append("\nWinHTTP DefaultSecureProtocols:\n");
        for (HostState.WinHttpValue w : s.winHttp()) {
            sb.append(String.format("  %-7s  %s%s%n", w.view() == TlsRegistry.View.NATIVE ? "64-bit" : "32-bit",
                    w.value().map(RegistryValue::display).orElse("not set (OS default)"),
                    w.value().isPresent() ? "  = " + String.join(", ", w.protocols()) : ""));
        }
        HostState.CipherOrder order = s.cipherOrder();
        sb.append("\nCipher suite order: ").append(order.source());
        if (!order.suites().isEmpty()) {
            List<String> suites = order.suites();
            sb.append(" (").append(suites.size()).append(" suites): ").append(String.join(", ",
                    suites.subList(0, Math.min(4, suites.size())))).append(suites.size() > 4 ? ", ..." : "");
        }
        sb.append('\n');
        order.policy().ifPresent(p -> sb.append("  policy value: ").append(p.type()).append('\n'));
        order.local().ifPresent(l -> sb.append("  local value:  ").append(l.type()).append(order.policy().isPresent()
                ? " (overridden by the policy value)" : "").append('\n'));
        List<String> off = s.algorithms().stream().filter(HostState.AlgorithmSetting::disabled)
                .map(a -> a.kind() + " " + a.name()).toList();
        sb.append("\nDisabled ciphers, hashes and key exchanges: ").append(off.isEmpty() ? "none" : String.join(", ",
                off)).append('\n');
        sb.append("FIPS algorithm policy: ").append(s.fipsEnabled().map(RegistryValue::display).orElse("not set"))
                .append('\n');
        List<Finding> findings = sub.audit().findings();
        sb.append('\n').append(st.bold(findings.isEmpty() ? "No findings." : "Findings (" + findings.size() + "):"))
                .append('\n');
        for (Finding f : findings) {
            sb.append("  ").append(severity(st, f.severity())).append(' ').append(f.id()).append(": ")
                    .append(f.message()).append('\n').append("      at  ").append(f.where()).append('\n')
                    .append("      why ").append(f.why()).append('\n').append("      fix ").append(f.fix()).append('\n');
        }
        return sb.toString();
    }

    private static String dotNet(HostState s, TlsRegistry.View view, String clr, String name) {
        return s.dotNet().stream().filter(d -> d.view() == view && d.clrVersion().equals(clr) && d.name().equals(name))
                .findFirst().map(d -> d.value().map(RegistryValue::display).orElse("not set")).orElse("not set");
    }

    // ---- json ------------------------------------------------------------------------------------------------

    public static ObjectNode jsonTree(Subject sub) {
        HostState s = sub.audit().state();
        ObjectNode root = F.objectNode();
        root.put("registry", sub.registry());
        root.set("host", s.version().map(StatusReport::version).orElse(null));
        ArrayNode protocols = root.putArray("protocols");
        for (ProtocolState p : s.protocols()) {
            ObjectNode o = protocols.addObject();
            o.put("protocol", p.protocol().keyName());
            o.put("role", p.role().keyName());
            o.put("state", p.effective().name());
            o.put("osDefault", p.fromOsDefault());
            o.set("enabled", p.enabled().map(ValueJson::data).orElse(null));
            o.put("enabledType", p.enabled().map(v -> v.type().name()).orElse(null));
            o.set("disabledByDefault", p.disabledByDefault().map(ValueJson::data).orElse(null));
            o.put("disabledByDefaultType", p.disabledByDefault().map(v -> v.type().name()).orElse(null));
        }
        ObjectNode hc = root.putObject("healthChecker");
        HC.forEach(p -> hc.put(p.keyName(), sub.audit().healthChecker(p).label()));
        ArrayNode net = root.putArray("dotNet");
        for (HostState.DotNetValue d : s.dotNet()) {
            ObjectNode o = net.addObject();
            o.put("key", d.key().toString());
            o.put("clr", d.clrVersion());
            o.put("view", d.view() == TlsRegistry.View.NATIVE ? "64-bit" : "32-bit");
            o.put("value", d.name());
            o.set("data", d.value().map(ValueJson::data).orElse(null));
            o.put("type", d.value().map(v -> v.type().name()).orElse(null));
        }
        ArrayNode winHttp = root.putArray("winHttp");
        for (HostState.WinHttpValue w : s.winHttp()) {
            ObjectNode o = winHttp.addObject();
            o.put("key", w.key().toString());
            o.put("view", w.view() == TlsRegistry.View.NATIVE ? "64-bit" : "32-bit");
            o.set("data", w.value().map(ValueJson::data).orElse(null));
            ArrayNode names = o.putArray("protocols");
            w.protocols().forEach(names::add);
        }
        ObjectNode order = root.putObject("cipherSuiteOrder");
        order.put("source", s.cipherOrder().source());
        order.put("policyType", s.cipherOrder().policy().map(v -> v.type().name()).orElse(null));
        order.put("localType", s.cipherOrder().local().map(v -> v.type().name()).orElse(null));
        ArrayNode suites = order.putArray("suites");
        s.cipherOrder().suites().forEach(suites::add);
        ArrayNode algorithms = root.putArray("disabledAlgorithms");
        s.algorithms().stream().filter(HostState.AlgorithmSetting::disabled).forEach(a -> algorithms.addObject()
                .put("kind", a.kind()).put("name", a.name()));
        root.set("fips", s.fipsEnabled().map(ValueJson::data).orElse(null));
        root.set("findings", findings(sub.audit().findings()));
        return root;
    }

    static ArrayNode findings(List<Finding> findings) {
        ArrayNode out = F.arrayNode();
        for (Finding f : findings) {
            out.addObject().put("id", f.id()).put("severity", f.severity().label()).put("where", f.where())
                    .put("message", f.message()).put("why", f.why()).put("fix", f.fix());
        }
        return out;
    }

    static ObjectNode version(WindowsVersion v) {
        ObjectNode o = F.objectNode();
        o.put("build", v.build());
        if (v.ubr() >= 0) {
            o.put("ubr", v.ubr());
        }
        o.put("product", v.productName());
        o.put("installationType", v.installationType());
        o.put("source", v.source());
        o.put("supportsTls13", v.supportsTls13());
        return o;
    }

    public static String json(Subject sub) {
        return Json.write(jsonTree(sub));
    }

    // ---- markdown --------------------------------------------------------------------------------------------

    public static String markdown(Subject sub) {
        StringBuilder sb = new StringBuilder("# TLS status\n\n");
        sb.append("- Registry: ").append(sub.registry()).append("\n- Host: ").append(sub.host()).append("\n\n");
        sb.append(matrixMarkdown(sub.audit().state()));
        sb.append("\nHealthChecker classification: ").append(HC.stream().map(p -> p.keyName() + " **"
                + sub.audit().healthChecker(p).label() + "**").collect(Collectors.joining(", "))).append("\n\n");
        sb.append(findingsMarkdown(sub.audit().findings()));
        return sb.toString();
    }

    static String matrixMarkdown(HostState s) {
        StringBuilder sb = new StringBuilder("| Protocol | Client | Server |\n|---|---|---|\n");
        for (Protocol p : HostState.MATRIX) {
            sb.append("| ").append(p.keyName()).append(" | ").append(s.protocol(p, Role.CLIENT).orElseThrow().describe())
                    .append(" | ").append(s.protocol(p, Role.SERVER).orElseThrow().describe()).append(" |\n");
        }
        return sb.toString();
    }

    static String findingsMarkdown(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "## Findings\n\nNone.\n";
        }
        StringBuilder sb = new StringBuilder("## Findings\n\n| Severity | Id | Finding | Where | Fix |\n"
                + "|---|---|---|---|---|\n");
        for (Finding f : findings) {
            sb.append("| ").append(f.severity().label()).append(" | ").append(f.id()).append(" | ")
                    .append(md(f.message())).append(" | `").append(f.where()).append("` | ").append(md(f.fix()))
                    .append(" |\n");
        }
        return sb.toString();
    }

    static String md(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    // ---- html ------------------------------------------------------------------------------------------------

    public static String html(Subject sub) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>TLS status</h1><div class=\"meta\">").append(Html.escape(sub.registry())).append("<br>")
                .append(Html.escape(sub.host())).append("</div>");
        b.append("<h2>Protocols</h2>").append(matrixHtml(sub.audit().state()));
        b.append("<p>HealthChecker classification: ").append(Html.escape(HC.stream().map(p -> p.keyName() + " "
                + sub.audit().healthChecker(p).label()).collect(Collectors.joining(", ")))).append("</p>");
        b.append("<h2>.NET Framework and WinHTTP</h2><table><tr><th>Key</th><th>Value</th><th>Data</th></tr>");
        for (HostState.DotNetValue d : sub.audit().state().dotNet()) {
            b.append("<tr><td><code>").append(Html.escape(d.key().toString())).append("</code></td><td>")
                    .append(d.name()).append("</td><td>").append(Html.escape(value(d.value()))).append("</td></tr>");
        }
        for (HostState.WinHttpValue w : sub.audit().state().winHttp()) {
            b.append("<tr><td><code>").append(Html.escape(w.key().toString())).append("</code></td><td>")
                    .append("DefaultSecureProtocols</td><td>").append(Html.escape(value(w.value())
                            + (w.value().isPresent() ? " = " + String.join(", ", w.protocols()) : ""))).append("</td></tr>");
        }
        b.append("</table>");
        b.append("<h2>Findings</h2>").append(findingsHtml(sub.audit().findings()));
        return Html.page("TLS status: " + sub.registry(), b.toString());
    }

    static String matrixHtml(HostState s) {
        StringBuilder b = new StringBuilder("<table class=\"grid\"><tr><th>Protocol</th><th>Client</th><th>Server</th>"
                + "</tr>");
        for (Protocol p : HostState.MATRIX) {
            b.append("<tr><th>").append(p.keyName()).append("</th>");
            for (Role r : List.of(Role.CLIENT, Role.SERVER)) {
                ProtocolState st = s.protocol(p, r).orElseThrow();
                b.append("<td class=\"state ").append(tone(st)).append("\">").append(Html.escape(st.describe()))
                        .append("</td>");
            }
            b.append("</tr>");
        }
        return b.append("</table>").toString();
    }

    static String findingsHtml(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "<p>No findings.</p>";
        }
        StringBuilder b = new StringBuilder("<table><tr><th>Severity</th><th>Id</th><th>Finding</th><th>Why</th>"
                + "<th>Fix</th></tr>");
        for (Finding f : findings) {
            b.append("<tr><td class=\"sev-").append(f.severity().label()).append("\">").append(f.severity().label())
                    .append("</td><td>").append(f.id()).append("</td><td>").append(Html.escape(f.message()))
                    .append("<br><code>").append(Html.escape(f.where())).append("</code></td><td>")
                    .append(Html.escape(f.why())).append("</td><td>").append(Html.escape(f.fix())).append("</td></tr>");
        }
        return b.append("</table>").toString();
    }
}
