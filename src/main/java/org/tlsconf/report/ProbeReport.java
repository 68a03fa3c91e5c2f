package org.tlsconf.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

    /**
     * The colour of a version's outcome, as the audit would rate the protocol: TLS 1.2/1.3 accepted is fine, TLS
     * 1.0/1.1 accepted low, SSL 3.0 accepted high; refused is off; a failed attempt is worth a look (medium).
     */
    static Tone tone(ProbeResult.VersionResult v) {
        return switch (v.outcome()) {
            case ACCEPTED -> v.version().startsWith("TLS 1.2") || v.version().startsWith("TLS 1.3") ? Tone.OK
                    : v.version().startsWith("SSL") ? Tone.HIGH : Tone.LOW;
            case REFUSED, NOT_TESTED -> Tone.OFF;
            case ERROR -> Tone.MEDIUM;
        };
    }

    static Tone tone(Verdict v) {
        return switch (v.status()) {
            case OK -> Tone.OK;
            case BROKEN -> Tone.HIGH;
            default -> Tone.MEDIUM;
        };
    }

    /** One section per target: the versions, then certificate facts, warnings and the verdict as notes. */
    static List<Section> sections(List<Entry> entries, Optional<String> profile, Instant now) {
        List<Section> out = new ArrayList<>();
        for (Entry e : entries) {
            ProbeResult r = e.result();
            List<List<Section.Cell>> rows = new ArrayList<>();
            for (ProbeResult.VersionResult v : r.versions()) {
                rows.add(List.of(Section.Cell.plain(v.version()), new Section.Cell(outcome(v), tone(v)),
                        Section.Cell.plain(v.cipherSuite().orElse(v.detail()))));
            }
            List<String> notes = new ArrayList<>();
            r.unreachable().ifPresent(u -> notes.add("Not probed: " + u));
            r.certificate().ifPresent(c -> notes.addAll(certificate(c, now)));
            e.verdict().ifPresent(v -> notes.add("Verdict (" + profile.orElse("") + "): " + v.status().name() + " — "
                    + v.explanation()));
            out.add(new Section(r.target().toString(), rows.isEmpty() ? List.of() : List.of("Version", "Outcome",
                    "Cipher suite or reason"), rows, notes));
        }
        return out;
    }

    private static String outcome(ProbeResult.VersionResult v) {
        return v.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static List<String> certificate(CertificateInfo c, Instant now) {
        List<String> out = new ArrayList<>();
        long days = Duration.between(now, c.notAfter()).toDays();
        out.add("Certificate: " + c.subject() + ", issued by " + c.issuer() + ", expires "
                + c.notAfter().toString().substring(0, 10) + (days < 0 || c.notAfter().isBefore(now) ? " (EXPIRED)" : days == 0 ? " (within a day)"
                        : " (in " + days + (days == 1 ? " day)" : " days)"))
                + ", " + c.signatureAlgorithm() + ", " + c.keyAlgorithm() + " " + c.keyBits() + " bits");
        if (c.weakSignature()) {
            out.add("! weak signature " + c.signatureAlgorithm() + ": Windows peers on TLS 1.2 may refuse it (\"The "
                    + "token supplied to the function is invalid\" or \"common algorithm\"); re-issue the certificate "
                    + "with SHA-256");
        }
        if (c.smallKey()) {
            out.add("! RSA key of " + c.keyBits() + " bits: below 2048 bits");
        }
        if (c.expired(now)) {
            out.add("! the certificate has expired");
        }
        return out;
    }

    public static String text(List<Entry> entries, Optional<String> profile, Instant now, ReportMeta meta,
            Style st) {
        StringBuilder sb = new StringBuilder(st.bold("TLS probe")).append('\n').append(meta.text()).append('\n');
        List<Section> sections = sections(entries, profile, now);
        for (int i = 0; i < sections.size(); i++) {
            sb.append(sections.get(i).text(st));
            Entry e = entries.get(i);
            e.verdict().ifPresent(v -> sb.append("  ").append(tone(v).text(st, "=> " + v.status().name()))
                    .append('\n'));
            sb.append('\n');
        }
        return sb.toString();
    }

    public static String markdown(List<Entry> entries, Optional<String> profile, Instant now, ReportMeta meta) {
        StringBuilder sb = new StringBuilder("# TLS probe\n\n");
        meta.lines().forEach(l -> sb.append("- ").append(l[0]).append(": ").append(l[1]).append('\n'));
        sb.append('\n');
        sections(entries, profile, now).forEach(section -> sb.append(section.markdown()));
        return sb.toString();
    }

    public static String html(List<Entry> entries, Optional<String> profile, Instant now, ReportMeta meta) {
        StringBuilder b = new StringBuilder("<h1>TLS probe</h1>");
        StatusReport.htmlHeader(b, List.of(), meta);
        sections(entries, profile, now).forEach(section -> b.append(section.html()));
        return Html.page("TLS probe", b.toString());
    }

    public static String json(List<Entry> entries, Optional<String> profile, ReportMeta meta) {
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
        meta.json(root);
        root.put("profile", profile.orElse(null));
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
