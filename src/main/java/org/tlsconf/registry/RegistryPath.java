package org.tlsconf.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A registry key: a hive and the key names below it. Comparison is case-insensitive, as in Windows; the
 * spelling given is kept for display. Key names may contain {@code /} (e.g. {@code AES 128/128}); only
 * {@code \} separates keys.
 */
public final class RegistryPath {
    private final Hive hive;
    private final List<String> names;
    private final String folded;

    private RegistryPath(Hive hive, List<String> names) {
        this.hive = hive;
        this.names = List.copyOf(names);
        StringBuilder sb = new StringBuilder(hive.shortName());
        for (String n : names) {
            sb.append('\\').append(RegistryNames.fold(n));
        }
        this.folded = sb.toString();
    }

    public static RegistryPath of(Hive hive, String... names) {
        RegistryPath path = new RegistryPath(hive, List.of());
        for (String name : names) {
            path = path.child(name);
        }
        return path;
    }

    /**
     * Parses {@code HKLM\SYSTEM\...} or {@code HKEY_LOCAL_MACHINE\SYSTEM\...}. A trailing backslash is allowed;
     * empty key names ({@code A\\B}) are not. Only spaces and tabs around the whole path are dropped: other
     * Unicode white space at the end of a key name is part of the name, as in Windows.
     *
     * @throws IllegalArgumentException with a message that says what is wrong
     */
    public static RegistryPath parse(String text) {
        String s = RegistryNames.trimBlanks(text); // spaces and tabs only, without a regex: every key line comes here
        if (s.endsWith("\\")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty registry path");
        }
        int slash = s.indexOf('\\');
        String hiveName = slash < 0 ? s : s.substring(0, slash);
        if (hiveName.endsWith(":")) {
            throw new IllegalArgumentException("'" + hiveName + "' is PowerShell drive syntax; write "
                    + hiveName.substring(0, hiveName.length() - 1) + " without the colon");
        }
        Optional<Hive> found = Hive.fromName(hiveName);
        if (found.isEmpty()) {
            throw new IllegalArgumentException("unknown registry hive '" + hiveName + "' (expected "
                    + "HKEY_LOCAL_MACHINE/HKLM, HKEY_CURRENT_USER/HKCU, HKEY_CLASSES_ROOT/HKCR, HKEY_USERS/HKU or "
                    + "HKEY_CURRENT_CONFIG/HKCC)");
        }
        Hive hive = found.get();
        List<String> names = new ArrayList<>();
        if (slash >= 0) {
            for (String part : s.substring(slash + 1).split("\\\\", -1)) {
                if (part.isEmpty()) {
                    throw new IllegalArgumentException("empty key name in registry path '" + text + "'");
                }
                names.add(part);
            }
        }
        return new RegistryPath(hive, names);
    }

    public Hive hive() {
        return hive;
    }

    /** The key names below the hive, in the spelling given. */
    public List<String> names() {
        return names;
    }

    public boolean isHiveRoot() {
        return names.isEmpty();
    }

    /** The last key name, or the hive's short name for a hive root. */
    public String leaf() {
        return names.isEmpty() ? hive.shortName() : names.get(names.size() - 1);
    }

    public RegistryPath child(String name) {
        if (name.isEmpty() || name.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("invalid key name '" + name + "'");
        }
        List<String> n = new ArrayList<>(names);
        n.add(name);
        return new RegistryPath(hive, n);
    }

    /** The parent key; a hive root has none. */
    public RegistryPath parent() {
        if (names.isEmpty()) {
            throw new IllegalStateException("a hive root has no parent");
        }
        return new RegistryPath(hive, names.subList(0, names.size() - 1));
    }

    /** True when this key is {@code ancestor} or lies below it. */
    public boolean isAtOrBelow(RegistryPath ancestor) {
        String a = ancestor.folded;
        return folded.startsWith(a) && (folded.length() == a.length() || folded.charAt(a.length()) == '\\');
    }

    /** How many key names, from the hive down, this key and {@code other} have in common (0 across hives). */
    public int commonDepth(RegistryPath other) {
        if (hive != other.hive) {
            return 0;
        }
        String a = folded;
        String b = other.folded;
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        boolean boundary = (i == a.length() || a.charAt(i) == '\\') && (i == b.length() || b.charAt(i) == '\\');
        int end = boundary ? i : a.lastIndexOf('\\', i - 1);
        int depth = 0;
        for (int k = 0; k < end; k++) {
            if (a.charAt(k) == '\\') {
                depth++;
            }
        }
        return depth;
    }

    /** This key's ancestor with {@code depth} key names (1 is the key just below the hive). */
    public RegistryPath ancestor(int depth) {
        if (depth < 1 || depth > names.size()) {
            throw new IllegalArgumentException("no ancestor of depth " + depth + " for " + this);
        }
        return depth == names.size() ? this : new RegistryPath(hive, names.subList(0, depth));
    }

    /** This key and all its ancestors up to (excluding) the hive root, outermost first. */
    public List<RegistryPath> selfAndAncestors() {
        List<RegistryPath> out = new ArrayList<>();
        for (int i = 1; i <= names.size(); i++) {
            out.add(new RegistryPath(hive, names.subList(0, i)));
        }
        return Collections.unmodifiableList(out);
    }

    /** Canonical short form: {@code HKLM\SYSTEM\CurrentControlSet\...}. */
    @Override
    public String toString() {
        return join(hive.shortName());
    }

    /** The form regedit writes in {@code .reg} files: {@code HKEY_LOCAL_MACHINE\SYSTEM\...}. */
    public String toLongString() {
        return join(hive.longName());
    }

    private String join(String root) {
        StringBuilder sb = new StringBuilder(root);
        for (String n : names) {
            sb.append('\\').append(n);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegistryPath other && folded.equals(other.folded);
    }

    @Override
    public int hashCode() {
        return folded.hashCode();
    }
}
