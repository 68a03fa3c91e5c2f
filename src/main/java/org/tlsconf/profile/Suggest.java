package org.tlsconf.profile;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean …?": the nearest candidate by edit distance, ignoring case and spaces. */
final class Suggest {
    private Suggest() {
    }

    static Optional<String> nearest(String input, Collection<String> candidates, int maxDistance) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(norm(input), norm(c));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return bestDistance <= maxDistance ? Optional.ofNullable(best) : Optional.empty();
    }

    static String hint(String input, Collection<String> candidates) {
        return nearest(input, candidates, Math.max(2, input.length() / 3))
                .map(s -> "did you mean '" + s + "'?")
                .orElse("expected one of: " + String.join(", ", candidates));
    }

    private static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replace(" ", "").replace("_", "").replace("-", "");
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
