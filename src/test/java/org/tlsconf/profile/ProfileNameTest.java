package org.tlsconf.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The one rule for a profile's name, written as a loop (start-up): the regular expression it replaced is the judge. */
class ProfileNameTest {
    private static final Pattern JUDGE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    @Test
    void agreesWithTheRegularExpressionOnRandomAndEdgeNames() {
        String alphabet = "aZ09._- /\\é\u0131İ\t";
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(70);
            for (int j = 0; j < length; j++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String name = sb.toString();
            assertEquals(JUDGE.matcher(name).matches(), ProfileCatalogue.isName(name), "'" + name + "'");
        }
        for (String name : new String[] {"", "a", "max-protection", "-x", ".x", "_x", "x".repeat(64), "x".repeat(65),
            "cis-iis10-l1", "a b", "a/b"}) {
            assertEquals(JUDGE.matcher(name).matches(), ProfileCatalogue.isName(name), "'" + name + "'");
        }
    }
}
