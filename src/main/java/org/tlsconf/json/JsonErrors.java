package org.tlsconf.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's parse errors in words a user can act on: the first line of the message without Jackson's internals
 * ("[Source: REDACTED (`StreamReadFeature...` disabled); line: 2, column: 9]" becomes "line 2, column 9").
 */
public final class JsonErrors {
    private JsonErrors() {
    }

    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]");
    private static final Pattern ANY_SOURCE = Pattern.compile("\\s*(at )?\\[Source: [^\\]]*\\]");

    public static String describe(JsonProcessingException e) {
        return clean(e.getOriginalMessage());
    }

    /** Removes Jackson's source descriptions from any message text, keeping line and column. */
    public static String clean(String message) {
        if (message == null) {
            return "malformed JSON";
        }
        String first = message.lines().findFirst().orElse("").strip();
        Matcher m = SOURCE.matcher(first);
        String out = m.replaceAll("line $1, column $2");
        out = ANY_SOURCE.matcher(out).replaceAll("");
        return out.replace("start marker at line", "opened at line").strip();
    }

    /** True when the error is a backslash that starts no valid JSON escape ({@code "HKLM\SYSTEM"}). */
    public static boolean isBadEscape(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        return m != null && m.startsWith("Unrecognized character escape");
    }
}
