package org.tlsconf.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A registry held in memory, keeping key and value order as created. Not thread-safe. */
public class InMemoryRegistry implements Registry {

    private record Entry(String name, RegistryValue value) {
    }

    private static final class Key {
        final RegistryPath path;
        final LinkedHashMap<String, Entry> values = new LinkedHashMap<>();
        final LinkedHashMap<String, RegistryPath> children = new LinkedHashMap<>();

        Key(RegistryPath path) {
            this.path = path;
        }
    }

    private final LinkedHashMap<RegistryPath, Key> keys = new LinkedHashMap<>();
    private final String description;
    private Optional<List<String>> reportedCipherSuites = Optional.empty();
    /** Null: every value is recorded. */
    private java.util.function.BiPredicate<RegistryPath, String> recorded;

    public InMemoryRegistry() {
        this("in-memory registry");
    }

    public InMemoryRegistry(String description) {
        this.description = description;
    }

    /** A deep copy of another registry's keys and values under the given roots. */
    public static InMemoryRegistry copyOf(Registry source, List<RegistryPath> roots) {
        InMemoryRegistry copy = new InMemoryRegistry();
        for (RegistryPath root : roots) {
            copy.copyTree(source, root);
        }
        return copy;
    }

    private void copyTree(Registry source, RegistryPath key) {
        if (!source.keyExists(key)) {
            return;
        }
        createKey(key);
        source.values(key).forEach((name, value) -> setValue(key, name, value));
        for (String child : source.subKeys(key)) {
            copyTree(source, key.child(child));
        }
    }

    private static String fold(String name) {
        return RegistryNames.fold(name);
    }

    @Override
    public Optional<RegistryValue> readValue(RegistryPath key, String name) {
        Key k = keys.get(key);
        if (k == null) {
            return Optional.empty();
        }
        Entry e = k.values.get(fold(name));
        return e == null ? Optional.empty() : Optional.of(e.value);
    }

    @Override
    public Map<String, RegistryValue> values(RegistryPath key) {
        Key k = keys.get(key);
        Map<String, RegistryValue> out = new LinkedHashMap<>();
        if (k != null) {
            k.values.values().forEach(e -> out.put(e.name, e.value));
        }
        return out;
    }

    @Override
    public List<String> subKeys(RegistryPath key) {
        Key k = keys.get(key);
        List<String> out = new ArrayList<>();
        if (k != null) {
            k.children.values().forEach(p -> out.add(p.leaf()));
        }
        return out;
    }

    /** The name of {@code key} as this registry spells it (as it was first created), when the key exists. */
    public Optional<String> storedName(RegistryPath key) {
        Key k = keys.get(key);
        return k == null ? Optional.empty() : Optional.of(k.path.leaf());
    }

    @Override
    public boolean keyExists(RegistryPath key) {
        return key.isHiveRoot() || keys.containsKey(key);
    }

    @Override
    public void createKey(RegistryPath key) {
        for (RegistryPath p : key.selfAndAncestors()) {
            if (!keys.containsKey(p)) {
                keys.put(p, new Key(p));
                if (p.names().size() > 1) {
                    keys.get(p.parent()).children.put(fold(p.leaf()), p);
                }
            }
        }
    }

    @Override
    public void setValue(RegistryPath key, String name, RegistryValue value) {
        Key k = keys.get(key);
        if (k == null) {
            throw new RegistryKeyNotFoundException(key);
        }
        Entry old = k.values.get(fold(name));
        // replacing keeps the stored spelling and position, as Windows does
        k.values.put(fold(name), new Entry(old == null ? name : old.name, value));
    }

    @Override
    public void deleteValue(RegistryPath key, String name) {
        Key k = keys.get(key);
        if (k != null) {
            k.values.remove(fold(name));
        }
    }

    @Override
    public void deleteEmptyKey(RegistryPath key) {
        Key k = keys.get(key);
        if (k == null) {
            return;
        }
        if (!k.values.isEmpty() || !k.children.isEmpty()) {
            throw new RegistryException("refusing to delete key " + key + ": it is not empty");
        }
        removeTree(key);
    }


    /** Removes a key and everything below it; used only to replay {@code [-KEY]} lines of a {@code .reg} file. */
    public void removeTree(RegistryPath key) {
        keys.keySet().removeIf(p -> p.isAtOrBelow(key));
        if (key.names().size() > 1) {
            Key parent = keys.get(key.parent());
            if (parent != null) {
                parent.children.remove(fold(key.leaf()));
            }
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public Optional<List<String>> reportedCipherSuites() {
        return reportedCipherSuites;
    }

    @Override
    public boolean records(RegistryPath key, String name) {
        return recorded == null || recorded.test(key, name);
    }

    /** Limits the values this registry records (see {@link Registry#records}); by default it records every value. */
    public void recordOnly(java.util.function.BiPredicate<RegistryPath, String> which) {
        recorded = which;
    }

    /** Records the cipher suites the OS reported in force (read from a HealthChecker export). */
    public void setReportedCipherSuites(List<String> suites) {
        reportedCipherSuites = Optional.of(List.copyOf(suites));
    }


    /**
     * The first way {@code other} differs from this registry — a key or value missing, extra, spelled
     * differently, or with another type or data — or empty when they hold the same.
     */
    public Optional<String> firstDifference(InMemoryRegistry other) {
        for (Key k : keys.values()) {
            Key o = other.keys.get(k.path);
            if (o == null) {
                return Optional.of("key " + k.path + " is missing");
            }
            if (!o.path.leaf().equals(k.path.leaf())) { // each key has its own spelling; ancestors have theirs
                return Optional.of("key " + k.path + " is spelled " + o.path.leaf());
            }
            for (Entry e : k.values.values()) {
                Entry oe = o.values.get(fold(e.name));
                if (oe == null || !oe.name.equals(e.name) || !oe.value.sameAs(e.value)) {
                    return Optional.of("value " + k.path + "\\" + e.name + " is "
                            + (oe == null ? "missing" : "\"" + oe.name + "\" " + oe.value.type() + " "
                            + oe.value.display()) + ", expected " + e.value.type() + " " + e.value.display());
                }
            }
            for (Entry oe : o.values.values()) {
                if (!k.values.containsKey(fold(oe.name))) {
                    return Optional.of("value " + k.path + "\\" + oe.name + " should not exist");
                }
            }
        }
        for (Key o : other.keys.values()) {
            if (!keys.containsKey(o.path)) {
                return Optional.of("key " + o.path + " should not exist");
            }
        }
        return Optional.empty();
    }

    /** A comparable picture of the whole content: folded key path → folded value name → value. */
    public Map<String, Map<String, RegistryValue>> snapshot() {
        Map<String, Map<String, RegistryValue>> out = new java.util.TreeMap<>();
        for (Key k : keys.values()) {
            Map<String, RegistryValue> vals = new java.util.TreeMap<>();
            k.values.forEach((folded, e) -> vals.put(folded, e.value));
            out.put(fold(k.path.toString()), vals);
        }
        return out;
    }
}
