package org.tlsconf.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a change ticket needs to know about a report: when and by which tlsconf it was made, about which computer
 * (when the registry or host names it), and from which profile.
 */
public record ReportMeta(Instant generated, String toolVersion, Optional<String> computerName,
        Optional<String> profile) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** "Label: value" lines, in order. */
    public List<String[]> lines() {
        List<String[]> out = new ArrayList<>();
        computerName.ifPresent(c -> out.add(new String[] {"Computer", c}));
        profile.ifPresent(p -> out.add(new String[] {"Profile", p}));
        out.add(new String[] {"Generated", TIME.format(generated) + " by tlsconf " + toolVersion});
        return out;
    }

    /** The lines as text, "Label: value" each. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        lines().forEach(l -> sb.append(l[0]).append(": ").append(l[1]).append('\n'));
        return sb.toString();
    }

    void json(com.fasterxml.jackson.databind.node.ObjectNode root) {
        root.put("generated", generated.toString());
        root.put("toolVersion", toolVersion);
        root.put("computerName", computerName.orElse(null));
    }
}
