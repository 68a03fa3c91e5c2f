package org.tlsconf.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tlsconf.probe.CertificateInfo;
import org.tlsconf.probe.ProbeResult;
import org.tlsconf.probe.Verdict;

/** Renders probe results: per target, each version's outcome, the certificate, and the verdict. */
public final class ProbeReport {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ProbeReport() {
    }

    /** One target's result and, with --profile, its verdict. */
    public record Entry(ProbeResult result, Optional<Verdict> verdict) {
    }

    public static String text(List<Entry> entries, Optional<String> profile, Instant now, Style st) {
        StringBuilder sb = new StringBuilder();
        for (Entry e : entries) {
            ProbeResult r = e.result();
            sb.append(st.bold(r.target().toString())).append('\n');
            if (r.unreachable().isPresent()) {
                sb.append("  ").append(st.red("not probed: ")).append(r.unreachable().get()).append('\n');
            }
            for (ProbeResult.VersionResult v : r.versions()) {
                String outcome = v.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ');
                String coloured = switch (v.outcome()) {
                    case ACCEPTED -> v.version().startsWith("TLS 1.2") || v.version().startsWith("TLS 1.3")
                            ? st.green(String.format("%-10s", outcome)) : st.red(String.format("%-10s", outcome));
                    case REFUSED -> st.dim(String.format("%-10s", outcome));
                    default -> st.yellow(String.format("%-10s", outcome));
                };
                sb.append(String.format("  %-8s ", v.version())).append(coloured).append(' ')
                        .append(v.cipherSuite().orElse(v.detail())).append('\n');
            }
            r.certificate().ifPresent(c -> certificate(sb, c, now, st));
            e.verdict().ifPresent(v -> sb.append("  Verdict (").append(profile.orElse("")).append("): ")
                    .append(v.status() == Verdict.Status.OK ? st.green("OK") : v.status() == Verdict.Status.BROKEN
                            ? st.red("BROKEN") : st.yellow(v.status().name())).append(" — ").append(v.explanation())
                    .append('\n'));
            sb.append('\n');
        }
        return sb.toString();
    }

    private static void certificate(StringBuilder sb, CertificateInfo c, Instant now, Style st) {
        long days = Duration.between(now, c.notAfter()).toDays();
        sb.append("  Certificate: ").append(c.subject()).append(", issued by ").append(c.issuer()).append(", expires ")
                .append(c.notAfter().toString(), 0, 10).append(days >= 0 ? " (in " + days + " days)" : " (EXPIRED)")
                .append(", ").append(c.signatureAlgorithm()).append(", ").append(c.keyAlgorithm()).append(' ')
                .append(c.keyBits()).append(" bits\n");
        if (c.weakSignature()) {
            sb.append("  ").append(st.red("! weak signature " + c.signatureAlgorithm())).append(": Windows peers on TLS "
                    + "1.2 may refuse it (\"The token supplied to the function is invalid\" or \"common algorithm\"); "
                    + "re-issue the certificate with SHA-256\n");
        }
        if (c.smallKey()) {
            sb.append("  ").append(st.red("! RSA key of " + c.keyBits() + " bits")).append(": below 2048 bits\n");
        }
        if (c.expired(now)) {
            sb.append("  ").append(st.red("! the certificate has expired")).append('\n');
        }
    }

    public static String json(List<Entry> entries, Optional<String> profile) {
        ArrayNode targets = F.arrayNode();
        for (Entry e : entries) {
            ProbeResult r = e.result();
            ObjectNode t = targets.addObject();
            t.put("host", r.target().host());
            t.put("port", r.target().port());
            t.put("starttls", r.target().mode().name().toLowerCase(Locale.ROOT));
            t.put("unreachable", r.unreachable().orElse(null));
            ArrayNode versions = t.putArray("versions");
            for (ProbeResult.VersionResult v : r.versions()) {
                versions.addObject().put("version", v.version()).put("outcome", v.outcome().name())
                        .put("cipherSuite", v.cipherSuite().orElse(null)).put("detail", v.detail());
            }
            ArrayNode accepted = t.putArray("accepted");
            r.accepted().forEach(accepted::add);
            t.set("certificate", r.certificate().map(ProbeReport::certificate).orElse(null));
            e.verdict().ifPresent(v -> {
                ObjectNode o = t.putObject("verdict");
                o.put("profile", profile.orElse(null));
                o.put("status", v.status().name());
                ArrayNode common = o.putArray("common");
                v.common().forEach(common::add);
                o.put("explanation", v.explanation());
            });
        }
        ObjectNode root = F.objectNode();
        root.set("targets", targets);
        return Json.write(root);
    }

    private static ObjectNode certificate(CertificateInfo c) {
        ObjectNode o = F.objectNode();
        o.put("subject", c.subject());
        o.put("issuer", c.issuer());
        o.put("notAfter", c.notAfter().toString());
        o.put("signatureAlgorithm", c.signatureAlgorithm());
        o.put("weakSignature", c.weakSignature());
        o.put("keyAlgorithm", c.keyAlgorithm());
        o.put("keyBits", c.keyBits());
        return o;
    }
}
