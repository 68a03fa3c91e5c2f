package org.tlsconf.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matches pasted error text (an exception with its stack trace, an event log line, a bare code) against the known
 * errors, best match first.
 */
public final class Explainer {
    private Explainer() {
    }

    /** A known error that matched, how strongly, and the TLS alert number found in the text, if any. */
    public record Match(KnownError error, int score, Optional<Integer> alert, Optional<String> alertMeaning) {
    }

    private static final Pattern ALERT = Pattern.compile("(?:alert(?: code)?(?: is)?|error code is)\\s*[:=]?\\s*(\\d{1,3})");
    private static final Pattern HEX = Pattern.compile("0x([0-9a-f]{8})");

    public static List<Match> explain(String text) {
        String t = normalise(text);
        Optional<Integer> alert = findAlert(t);
        List<Match> matches = new ArrayList<>();
        for (KnownError e : KnownErrors.ALL) {
            int score = 0;
            for (String phrase : e.phrases()) {
                if (contains(t, phrase)) {
                    score += phrase.length();
                }
            }
            if (score > 0) {
                boolean event = e.id().equals("EVENT-36887") || e.id().equals("EVENT-36888");
                matches.add(new Match(e, score, event ? alert : Optional.empty(),
                        event ? alert.map(KnownErrors.ALERTS::get) : Optional.empty()));
            }
        }
        matches.sort(Comparator.comparingInt(Match::score).reversed());
        return matches;
    }

    /** The alert number and its meaning, when the text is only "alert N". */
    public static Optional<String> alertOnly(String text) {
        return findAlert(normalise(text)).map(n -> "TLS alert " + n + ": " + KnownErrors.ALERTS.getOrDefault(n,
                "not a standard TLS alert number"));
    }

    private static Optional<Integer> findAlert(String t) {
        Matcher m = ALERT.matcher(t);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    /** Lower case, one space between words, HRESULTs in their 0x form (so 80090331 and 0X80090331 both match). */
    static String normalise(String text) {
        String t = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replaceAll("\\s+", " ");
        Matcher hex = HEX.matcher(t);
        StringBuilder sb = new StringBuilder();
        while (hex.find()) {
            hex.appendReplacement(sb, "0x" + hex.group(1) + " " + hex.group(1));
        }
        hex.appendTail(sb);
        return sb.toString();
    }

    private static boolean contains(String text, String phrase) {
        if (phrase.matches("-?\\d+")) { // a number must stand alone, not inside another number
            return Pattern.compile("(?<![0-9a-z])" + Pattern.quote(phrase) + "(?![0-9])").matcher(text).find();
        }
        return text.contains(phrase);
    }
}
