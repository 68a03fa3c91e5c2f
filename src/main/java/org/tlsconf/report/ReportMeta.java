package org.tlsconf.report;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a change ticket needs to know about a report: when and by which tlsconf it was made, about which computer
 * (when the registry or host names it), and from which profile.
 */
public record ReportMeta(Instant generated, String toolVersion, Optional<String> computerName,
        Optional<String> profile) {

    /** "Label: value" lines, in order. */
    public List<String[]> lines() {
        List<String[]> out = new ArrayList<>();
        if (computerName.isPresent()) {
            out.add(new String[] {"Computer", computerName.get()});
        }
        if (profile.isPresent()) {
            out.add(new String[] {"Profile", profile.get()});
        }
        out.add(new String[] {"Generated", utc(generated) + " by tlsconf " + toolVersion});
        return out;
    }

    /**
     * "yyyy-MM-dd HH:mm:ss UTC". Written out: java.time's pattern formatter takes milliseconds to set up, paid by
     * every report of a short command.
     */
    static String utc(Instant t) {
        LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder(23).append(d.getYear()).append('-');
        twoDigits(sb, d.getMonthValue()).append('-');
        twoDigits(sb, d.getDayOfMonth()).append(' ');
        twoDigits(sb, d.getHour()).append(':');
        twoDigits(sb, d.getMinute()).append(':');
        return twoDigits(sb, d.getSecond()).append(" UTC").toString();
    }

    private static StringBuilder twoDigits(StringBuilder sb, int n) {
        return sb.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
    }

    /** The lines as text, "Label: value" each. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (String[] l : lines()) {
            sb.append(l[0]).append(": ").append(l[1]).append('\n');
        }
        return sb.toString();
    }

    void json(com.fasterxml.jackson.databind.node.ObjectNode root) {
        root.put("generated", generated.toString());
        root.put("toolVersion", toolVersion);
        root.put("computerName", computerName.orElse(null));
    }
}
