package org.tlsconf.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.tlsconf.explain.Explainer;

/** Renders what an error message means. */
public final class ExplainReport {
    private ExplainReport() {
    }

    public static String text(List<Explainer.Match> matches, Optional<String> alertOnly, ReportMeta meta,
            Style st) {
        StringBuilder sb = new StringBuilder(st.bold("TLS error explained")).append('\n').append(meta.text())
                .append('\n');
        if (matches.isEmpty() && alertOnly.isPresent()) {
            return sb.append(alertOnly.get()).append('\n').toString();
        }
        for (int i = 0; i < matches.size(); i++) {
            Explainer.Match m = matches.get(i);
            sb.append(st.bold((i == 0 ? "" : "Also matches: ") + m.error().title())).append(" [").append(m.error().id())
                    .append("]\n");
            m.alertMeaning().ifPresent(a -> sb.append("  Alert ").append(m.alert().get()).append(": ").append(a)
                    .append('\n'));
            sb.append("  Likely causes:\n");
            m.error().causes().forEach(c -> sb.append("    - ").append(c).append('\n'));
            sb.append("  Next steps:\n");
            m.error().steps().forEach(s -> sb.append("    - ").append(s).append('\n'));
            sb.append('\n');
        }
        return sb.toString();
    }

    /** One section per match: the alert, the causes and the next steps. */
    static List<Section> sections(List<Explainer.Match> matches, Optional<String> alertOnly) {
        List<Section> out = new java.util.ArrayList<>();
        if (matches.isEmpty() && alertOnly.isPresent()) {
            out.add(Section.notesOnly("TLS alert", List.of(alertOnly.get())));
        }
        for (int i = 0; i < matches.size(); i++) {
            Explainer.Match m = matches.get(i);
            List<List<Section.Cell>> rows = new java.util.ArrayList<>();
            m.alertMeaning().ifPresent(a -> rows.add(Section.row("Alert " + m.alert().get(), a)));
            m.error().causes().forEach(c -> rows.add(Section.row("Likely cause", c)));
            m.error().steps().forEach(st -> rows.add(Section.row("Next step", st)));
            out.add(new Section((i == 0 ? "" : "Also matches: ") + m.error().title() + " [" + m.error().id() + "]",
                    List.of("", ""), rows, List.of()));
        }
        return out;
    }

    public static String markdown(List<Explainer.Match> matches, Optional<String> alertOnly, ReportMeta meta) {
        StringBuilder sb = new StringBuilder("# TLS error explained\n\n");
        meta.lines().forEach(l -> sb.append("- ").append(l[0]).append(": ").append(l[1]).append('\n'));
        sb.append('\n');
        sections(matches, alertOnly).forEach(s -> sb.append(s.markdown()));
        return sb.toString();
    }

    public static String html(List<Explainer.Match> matches, Optional<String> alertOnly, ReportMeta meta) {
        StringBuilder b = new StringBuilder("<h1>TLS error explained</h1>");
        StatusReport.htmlHeader(b, List.of(), meta);
        sections(matches, alertOnly).forEach(s -> b.append(s.html()));
        return Html.page("TLS error explained", b.toString());
    }

    public static String json(List<Explainer.Match> matches, Optional<String> alertOnly, ReportMeta meta) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        meta.json(root);
        ArrayNode out = root.putArray("matches");
        for (Explainer.Match m : matches) {
            ObjectNode o = out.addObject();
            o.put("id", m.error().id());
            o.put("title", m.error().title());
            o.put("score", m.score());
            m.alert().ifPresent(a -> o.put("alert", a));
            m.alertMeaning().ifPresent(a -> o.put("alertMeaning", a));
            ArrayNode causes = o.putArray("causes");
            m.error().causes().forEach(causes::add);
            ArrayNode steps = o.putArray("steps");
            m.error().steps().forEach(steps::add);
        }
        root.put("alert", alertOnly.orElse(null));
        return Json.write(root);
    }
}
