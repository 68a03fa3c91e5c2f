package org.tlsconf.registry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A registry seen through changes held in memory: reads go to the base registry one value or one key at a time,
 * and only what is asked for is read; writes stay here and never reach the base. A live registry is therefore
 * never walked or copied to answer "what would it look like after this plan".
 */
public final class OverlayRegistry implements Registry {
    private record Entry(String name, Optional<RegistryValue> value) {
    }

    private final Registry base;
    /** Per key: folded value name → the value set here (spelling kept), or empty when deleted here. */
    private final Map<RegistryPath, LinkedHashMap<String, Entry>> changed = new LinkedHashMap<>();
    private final Set<RegistryPath> created = new HashSet<>();
    private final Set<RegistryPath> removed = new HashSet<>();
    private final List<RegistryPath> createdInOrder = new ArrayList<>();

    public OverlayRegistry(Registry base) {
        this.base = base;
    }

    private static String fold(String name) {
        return RegistryNames.fold(name);
    }

    @Override
    public Optional<RegistryValue> readValue(RegistryPath key, String name) {
        if (!keyExists(key)) {
            return Optional.empty();
        }
        Entry e = changed.getOrDefault(key, new LinkedHashMap<>()).get(fold(name));
        return e != null ? e.value() : base.readValue(key, name);
    }

    @Override
    public Map<String, RegistryValue> values(RegistryPath key) {
        Map<String, RegistryValue> out = new LinkedHashMap<>();
        if (!keyExists(key)) {
            return out;
        }
        Map<String, String> spelling = new LinkedHashMap<>();
        base.values(key).forEach((name, value) -> {
            out.put(name, value);
            spelling.put(fold(name), name);
        });
        for (Entry e : changed.getOrDefault(key, new LinkedHashMap<>()).values()) {
            String stored = spelling.get(fold(e.name()));
            if (e.value().isEmpty()) {
                if (stored != null) {
                    out.remove(stored);
                    spelling.remove(fold(e.name()));
                }
            } else if (stored != null) {
                out.put(stored, e.value().get()); // replacing keeps the stored spelling and position
            } else {
                out.put(e.name(), e.value().get());
                spelling.put(fold(e.name()), e.name());
            }
        }
        return out;
    }

    @Override
    public List<String> subKeys(RegistryPath key) {
        List<String> out = new ArrayList<>();
        if (!keyExists(key)) {
            return out;
        }
        for (String name : base.subKeys(key)) {
            if (!removed.contains(key.child(name))) {
                out.add(name);
            }
        }
        for (RegistryPath p : createdInOrder) {
            if (created.contains(p) && p.names().size() > 1 && p.parent().equals(key)
                    && out.stream().noneMatch(n -> key.child(n).equals(p))) {
                out.add(p.leaf());
            }
        }
        return out;
    }

    @Override
    public boolean keyExists(RegistryPath key) {
        if (key.isHiveRoot() || created.contains(key)) {
            return true;
        }
        return !removed.contains(key) && base.keyExists(key);
    }

    @Override
    public void createKey(RegistryPath key) {
        for (RegistryPath p : key.selfAndAncestors()) {
            if (!keyExists(p)) {
                removed.remove(p);
                if (created.add(p)) {
                    createdInOrder.add(p);
                }
            }
        }
    }

    @Override
    public void setValue(RegistryPath key, String name, RegistryValue value) {
        if (!keyExists(key)) {
            throw new RegistryKeyNotFoundException(key);
        }
        LinkedHashMap<String, Entry> values = changed.computeIfAbsent(key, k -> new LinkedHashMap<>());
        Entry old = values.remove(fold(name));
        values.put(fold(name), new Entry(old != null && old.value().isPresent() ? old.name() : name,
                Optional.of(value)));
    }

    @Override
    public void deleteValue(RegistryPath key, String name) {
        if (keyExists(key)) {
            changed.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(fold(name), new Entry(name,
                    Optional.empty()));
        }
    }

    @Override
    public void deleteEmptyKey(RegistryPath key) {
        if (!keyExists(key)) {
            return;
        }
        if (!values(key).isEmpty() || !subKeys(key).isEmpty()) {
            throw new RegistryException("refusing to delete key " + key + ": it is not empty");
        }
        created.remove(key);
        removed.add(key);
    }

    @Override
    public String describe() {
        return base.describe();
    }

    private boolean reportedSuitesStale;

    /** The base's reported cipher suites no longer hold (the cipher suite order was changed over it). */
    public void forgetReportedCipherSuites() {
        reportedSuitesStale = true;
    }

    @Override
    public Optional<List<String>> reportedCipherSuites() {
        return reportedSuitesStale ? Optional.empty() : base.reportedCipherSuites();
    }

    /** A value set or deleted here is known; any other is recorded as far as the base records it. */
    @Override
    public boolean records(RegistryPath key, String name) {
        return changed.getOrDefault(key, new LinkedHashMap<>()).containsKey(fold(name)) || base.records(key, name);
    }
}
