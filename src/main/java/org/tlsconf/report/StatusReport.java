package org.tlsconf.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tlsconf.audit.Audit;
import org.tlsconf.audit.Finding;
import org.tlsconf.audit.HostState;
import org.tlsconf.audit.HostState.Part;
import org.tlsconf.audit.ProtocolState;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.tls.Protocol;
import org.tlsconf.tls.Role;
import org.tlsconf.tls.TlsRegistry;
import org.tlsconf.tls.WindowsVersion;

/** Renders an audit: the protocol matrix, .NET, WinHTTP, cipher order, algorithms, FIPS and findings. */
public final class StatusReport {
    private static final List<Protocol> HC = List.of(Protocol.TLS_1_0, Protocol.TLS_1_1, Protocol.TLS_1_2,
            Protocol.TLS_1_3);

    private StatusReport() {
    }

    /** What the report is about. */
    public record Subject(Audit audit, String registry, String host, ReportMeta meta) {
    }

    /** A protocol cell's colour: the worst finding about that side of that protocol, else its state. */
    static Tone tone(ProtocolState s, List<Finding> findings) {
        return Tone.worst(findings, s.key(), true).orElse(switch (s.effective()) {
            case ENABLED -> Tone.OK;
            case DISABLED_BY_DEFAULT, DISABLED -> Tone.OFF;
            case NOT_SUPPORTED -> Tone.NA;
            case UNKNOWN, NOT_COLLECTED -> Tone.UNKNOWN;
        });
    }

    /** A value the source does not record (a HealthChecker export): its absence says nothing about the host. */
    static final String NOT_COLLECTED = "not collected (the export does not record it)";

    static String value(Optional<RegistryValue> v) {
        return v.map(RegistryValue::display).orElse("not set");
    }

    /** The protocol matrix with HealthChecker's verdict for TLS 1.0–1.3. */
    static Section matrix(Audit audit, String title) {
        HostState s = audit.state();
        List<List<Section.Cell>> rows = new ArrayList<>();
        for (Protocol p : HostState.MATRIX) {
            List<Section.Cell> row = new ArrayList<>();
            row.add(Section.Cell.plain(p.keyName()));
            for (Role r : List.of(Role.CLIENT, Role.SERVER)) {
                ProtocolState st = s.protocol(p, r).orElseThrow();
                row.add(new Section.Cell(st.describe(), tone(st, audit.findings())));
            }
            row.add(Section.Cell.plain(HC.contains(p) ? audit.healthChecker(p).label() : "-"));
            rows.add(row);
        }
        return new Section(title, List.of("Protocol", "Client", "Server", "HealthChecker"), rows,
                List.of("Colour: the worst finding about the cell (high, medium, low, info), else green = on, "
                        + "grey = off."));
    }

    /** Every section of the status report, in order; each format renders all of them. */
    static List<Section> sections(Subject sub) {
        Audit audit = sub.audit();
        HostState s = audit.state();
        List<Finding> findings = audit.findings();
        List<Section> out = new ArrayList<>();
        out.add(matrix(audit, "Protocols"));
        List<List<Section.Cell>> net = new ArrayList<>();
        for (String clr : TlsRegistry.DOTNET_VERSIONS) {
            for (TlsRegistry.View view : TlsRegistry.View.values()) {
                List<Section.Cell> row = new ArrayList<>(Section.row(clr, viewName(view)));
                for (String name : List.of(TlsRegistry.SYSTEM_DEFAULT_TLS_VERSIONS, TlsRegistry.SCH_USE_STRONG_CRYPTO)) {
                    Optional<RegistryValue> v = s.dotNet().stream().filter(d -> d.view() == view
                            && d.clrVersion().equals(clr) && d.name().equals(name)).findFirst()
                            .flatMap(HostState.DotNetValue::value);
                    row.add(new Section.Cell(value(v), Tone.worstForValue(findings, view.dotNet(clr), name)
                            .orElse(Tone.NONE)));
                }
                net.add(row);
            }
        }
        out.add(new Section(".NET Framework", List.of("CLR", "View", TlsRegistry.SYSTEM_DEFAULT_TLS_VERSIONS,
                TlsRegistry.SCH_USE_STRONG_CRYPTO), net, List.of()));
        List<List<Section.Cell>> winHttp = new ArrayList<>();
        for (HostState.WinHttpValue w : s.winHttp()) {
            winHttp.add(List.of(Section.Cell.plain(viewName(w.view())), new Section.Cell(w.value().isPresent()
                    ? value(w.value()) : s.collected(Part.WINHTTP) ? "not set (OS default)" : NOT_COLLECTED, Tone.worstForValue(findings, w.key(),
                    TlsRegistry.DEFAULT_SECURE_PROTOCOLS).orElse(Tone.NONE)),
                    Section.Cell.plain(w.value().isPresent() ? bits(w.protocols()) : "-")));
        }
        out.add(new Section("WinHTTP DefaultSecureProtocols", List.of("View", "Value", "Protocols"), winHttp,
                List.of()));
        List<List<Section.Cell>> winInet = new ArrayList<>();
        for (HostState.WinInetValue w : s.winInet()) {
            winInet.add(List.of(Section.Cell.plain(w.scope()), new Section.Cell(w.value().isPresent()
                    ? value(w.value()) : s.collected(Part.WININET) ? "not set" : NOT_COLLECTED, Tone.worstForValue(findings, w.key(), TlsRegistry.SECURE_PROTOCOLS)
                    .orElse(Tone.NONE)), Section.Cell.plain(w.value().isPresent() ? bits(w.protocols()) : "-")));
        }
        out.add(new Section("WinINet SecureProtocols (read only)", List.of("Scope", "Value", "Protocols"), winInet,
                List.of("Policy wins over machine, machine over user; tlsconf reports these values, it never "
                        + "writes them.")));
        HostState.CipherOrder order = s.cipherOrder();
        List<String> orderNotes = new ArrayList<>();
        orderNotes.add("In force: " + order.source() + (order.suites().isEmpty() ? "" : " (" + order.suites().size()
                + " suites)"));
        order.policy().ifPresent(p -> orderNotes.add("Policy value: " + p.type()));
        order.local().ifPresent(l -> orderNotes.add("Local value: " + l.type() + (order.policy().isPresent()
                ? " (overridden by the policy value)" : "")));
        List<List<Section.Cell>> suites = new ArrayList<>();
        for (int i = 0; i < order.suites().size(); i++) {
            suites.add(Section.row(Integer.toString(i + 1), order.suites().get(i)));
        }
        out.add(new Section("Cipher suite order", suites.isEmpty() ? List.of() : List.of("#", "Suite"), suites,
                orderNotes));
        List<List<Section.Cell>> algorithms = new ArrayList<>();
        for (HostState.AlgorithmSetting a : s.algorithms()) {
            if (a.disabled()) {
                algorithms.add(List.of(Section.Cell.plain(a.kind()), new Section.Cell(a.name(),
                        Tone.worst(findings, a.key(), false).orElse(Tone.OFF))));
            }
        }
        out.add(new Section("Disabled ciphers, hashes and key exchanges", algorithms.isEmpty() ? List.of()
                : List.of("Kind", "Name"), algorithms, !algorithms.isEmpty() ? List.of()
                : List.of(s.collected(Part.ALGORITHMS) ? "none" : NOT_COLLECTED)));
        out.add(Section.notesOnly("FIPS algorithm policy", List.of("Enabled: " + (s.fipsEnabled().isPresent()
                || s.collected(Part.FIPS) ? value(s.fipsEnabled()) : NOT_COLLECTED))));
        return out;
    }

    private static String bits(List<String> protocols) {
        return protocols.isEmpty() ? "none" : String.join(", ", protocols);
    }

    private static String viewName(TlsRegistry.View view) {
        return view == TlsRegistry.View.NATIVE ? "64-bit" : "32-bit";
    }

    // ---- text ------------------------------------------------------------------------------------------------

    public static String text(Subject sub, Style st) {
        StringBuilder sb = new StringBuilder();
        sb.append(st.bold("TLS status of " + sub.registry())).append('\n');
        header(sb, sub.host(), sub.meta());
        for (Section section : sections(sub)) {
            sb.append('\n').append(section.text(st));
        }
        sb.append('\n').append(findingsText(sub.audit().findings(), st));
        return sb.toString();
    }

    static void header(StringBuilder sb, String host, ReportMeta meta) {
        sb.append("Host: ").append(host).append('\n');
        meta.lines().forEach(l -> sb.append(l[0]).append(": ").append(l[1]).append('\n'));
    }

    static String findingsText(List<Finding> findings, Style st) {
        StringBuilder sb = new StringBuilder(st.bold(findings.isEmpty() ? "No findings." : "Findings ("
                + findings.size() + ", most severe first):")).append('\n');
        for (Finding f : findings) {
            sb.append("  ").append(Tone.of(f.severity()).text(st, f.severity().label().toUpperCase(
                    java.util.Locale.ROOT))).append(' ').append(f.id()).append(": ").append(f.message()).append('\n')
                    .append("      at  ").append(f.where()).append('\n').append("      why ").append(f.why())
                    .append('\n').append("      fix ").append(f.fix()).append('\n');
        }
        return sb.toString();
    }

    // ---- json ------------------------------------------------------------------------------------------------

    public static ObjectNode jsonTree(Subject sub) {
        HostState s = sub.audit().state();
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("registry", sub.registry());
        sub.meta().json(root);
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
        ArrayNode winInet = root.putArray("winInet");
        for (HostState.WinInetValue w : s.winInet()) {
            ObjectNode o = winInet.addObject();
            o.put("key", w.key().toString());
            o.put("scope", w.scope());
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
        ArrayNode notCollected = root.putArray("notCollected");
        s.notCollected().forEach(p -> notCollected.add(switch (p) {
            case WINHTTP -> "winHttp";
            case WININET -> "winInet";
            case ALGORITHMS -> "disabledAlgorithms";
            case FIPS -> "fips";
        }));
        root.set("findings", findings(sub.audit().findings()));
        return root;
    }

    static ArrayNode findings(List<Finding> findings) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (Finding f : findings) {
            out.addObject().put("id", f.id()).put("severity", f.severity().label()).put("where", f.where())
                    .put("message", f.message()).put("why", f.why()).put("fix", f.fix());
        }
        return out;
    }

    static ObjectNode version(WindowsVersion v) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
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
        sb.append("- Registry: ").append(sub.registry()).append('\n');
        markdownHeader(sb, sub.host(), sub.meta());
        sb.append('\n');
        sections(sub).forEach(section -> sb.append(section.markdown()));
        sb.append(findingsMarkdown(sub.audit().findings()));
        return sb.toString();
    }

    static void markdownHeader(StringBuilder sb, String host, ReportMeta meta) {
        sb.append("- Host: ").append(host).append('\n');
        meta.lines().forEach(l -> sb.append("- ").append(l[0]).append(": ").append(l[1]).append('\n'));
    }

    static String findingsMarkdown(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "## Findings\n\nNone.\n";
        }
        StringBuilder sb = new StringBuilder("## Findings (most severe first)\n\n| Severity | Id | Finding | Where "
                + "| Why | Fix |\n|---|---|---|---|---|---|\n");
        for (Finding f : findings) {
            sb.append("| ").append(Tone.of(f.severity()).markdown(f.severity().label())).append(" | ").append(f.id())
                    .append(" | ").append(md(f.message())).append(" | `").append(f.where()).append("` | ")
                    .append(md(f.why())).append(" | ").append(md(f.fix())).append(" |\n");
        }
        return sb.toString();
    }

    static String md(String s) {
        return Section.md(s);
    }

    // ---- html ------------------------------------------------------------------------------------------------

    public static String html(Subject sub) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>TLS status</h1>");
        htmlHeader(b, List.of(new String[] {"Registry", sub.registry()}, new String[] {"Host", sub.host()}),
                sub.meta());
        sections(sub).forEach(section -> b.append(section.html()));
        b.append("<section><h2>Findings</h2>").append(findingsHtml(sub.audit().findings())).append("</section>");
        return Html.page("TLS status: " + sub.registry(), b.toString());
    }

    static void htmlHeader(StringBuilder b, List<String[]> first, ReportMeta meta) {
        b.append("<table class=\"meta\">");
        List<String[]> all = new ArrayList<>(first);
        all.addAll(meta.lines());
        for (String[] l : all) {
            b.append("<tr><th>").append(Html.escape(l[0])).append("</th><td>").append(Html.escape(l[1]))
                    .append("</td></tr>");
        }
        b.append("</table>");
    }

    static String findingsHtml(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "<p>No findings.</p>";
        }
        StringBuilder b = new StringBuilder("<table class=\"findings\"><tr><th>Severity</th><th>Id</th><th>Finding"
                + "</th><th>Why</th><th>Fix</th></tr>");
        for (Finding f : findings) {
            b.append("<tr><td class=\"state ").append(Tone.of(f.severity()).css()).append("\">")
                    .append(f.severity().label()).append("</td><td>").append(f.id()).append("</td><td>")
                    .append(Html.escape(f.message())).append("<br><code>").append(Html.escape(f.where()))
                    .append("</code></td><td>").append(Html.escape(f.why())).append("</td><td>")
                    .append(Html.escape(f.fix())).append("</td></tr>");
        }
        return b.append("</table>").toString();
    }
}
