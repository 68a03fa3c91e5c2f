package org.tlsconf.registry;

/**
 * The one case-folding rule for registry key and value names, as Windows compares them: each UTF-16 code unit is
 * upper-cased on its own ({@link Character#toUpperCase(char)}), and nothing expands or contracts. So {@code ß}
 * stays {@code ß} (not {@code SS}), {@code i} folds to {@code I} and the dotted {@code İ} stays {@code İ}, so
 * {@code i} and {@code İ} are different names. {@link String#equalsIgnoreCase} and {@link String#toUpperCase}
 * disagree with this (and with each other); registry names are compared only through this class.
 */
public final class RegistryNames {
    private RegistryNames() {
    }

    /** The form two names share exactly when Windows treats them as the same name. */
    public static String fold(String name) {
        char[] chars = name.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toUpperCase(chars[i]);
        }
        return new String(chars);
    }

    /** True when Windows treats {@code a} and {@code b} as the same key or value name. */
    public static boolean same(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y && Character.toUpperCase(x) != Character.toUpperCase(y)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Removes leading and trailing blanks: spaces and tabs only, as regedit does. Other Unicode white space (an
     * ideographic or em space) is part of a name or an error, never dropped.
     */
    public static String trimBlanks(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == ' ' || s.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
            end--;
        }
        return s.substring(start, end);
    }
}
