package org.tlsconf.report;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tlsconf.audit.Finding;
import org.tlsconf.registry.RegistryPath;

/**
 * The colour of a report cell, the same in every format: the severity of the worst finding about that cell, or, when
 * there is none, what the state is (on, off, not supported, unknown). Severity labels use the same colours.
 */
public enum Tone {
    HIGH("sev-high"), MEDIUM("sev-medium"), LOW("sev-low"), INFO("sev-info"),
    OK("ok"), OFF("off"), NA("na"), UNKNOWN("unknown"), NONE("");

    private final String css;

    Tone(String css) {
        this.css = css;
    }

    public String css() {
        return css;
    }

    public boolean isSeverity() {
        return ordinal() <= INFO.ordinal();
    }

    public static Tone of(Finding.Severity s) {
        return switch (s) {
            case HIGH -> HIGH;
            case MEDIUM -> MEDIUM;
            case LOW -> LOW;
            case INFO -> INFO;
        };
    }

    /** Colours text for a terminal. */
    public String text(Style st, String s) {
        return switch (this) {
            case HIGH -> st.red(s);
            case MEDIUM -> st.yellow(s);
            case LOW -> st.blue(s);
            case INFO, OFF, NA -> st.dim(s);
            case OK -> st.green(s);
            case UNKNOWN, NONE -> s;
        };
    }

    /** Markdown has no colour: a finding's severity is written next to the cell text. */
    public String markdown(String s) {
        return isSeverity() ? s + " **[" + name().toLowerCase(Locale.ROOT) + "]**" : s;
    }

    /**
     * The worst finding about {@code key} (or a value under it); {@code alsoParent} counts findings about the
     * parent key too (a Client/Server mismatch is reported at the protocol's key).
     */
    public static Optional<Tone> worst(List<Finding> findings, RegistryPath key, boolean alsoParent) {
        String k = key.toString().toLowerCase(Locale.ROOT);
        String parent = key.names().size() > 1 ? key.parent().toString().toLowerCase(Locale.ROOT) : null;
        return findings.stream().filter(f -> {
            String w = f.where().toLowerCase(Locale.ROOT);
            return w.equals(k) || w.startsWith(k + "\\") || (alsoParent && w.equals(parent));
        }).map(Finding::severity).min(Comparator.naturalOrder()).map(Tone::of);
    }

    /** The worst finding about one value ({@code key\name}) or its whole key. */
    public static Optional<Tone> worstForValue(List<Finding> findings, RegistryPath key, String name) {
        String k = key.toString().toLowerCase(Locale.ROOT);
        String v = (key + "\\" + name).toLowerCase(Locale.ROOT);
        return findings.stream().filter(f -> {
            String w = f.where().toLowerCase(Locale.ROOT);
            return w.equals(k) || w.equals(v);
        }).map(Finding::severity).min(Comparator.naturalOrder()).map(Tone::of);
    }
}
