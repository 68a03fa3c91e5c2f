package org.tlsconf.registry.windows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tlsconf.registry.Hive;
import org.tlsconf.registry.RegistryNames;

/**
 * An in-memory stand-in for the Win32 registry calls, with their semantics: case-insensitive names, RegCreateKeyEx
 * creating parents, RegDeleteKeyEx refusing keys with subkeys, ERROR_FILE_NOT_FOUND for missing keys and values.
 * It refuses every call that does not ask for the 64-bit view, so a forgotten KEY_WOW64_64KEY fails the tests.
 */
class FakeWinRegistryApi implements WinRegistryApi {
    private final Map<String, LinkedHashMap<String, Map.Entry<String, RawValue>>> keys = new LinkedHashMap<>();
    private final Map<String, String> spelling = new LinkedHashMap<>();

    private static String fold(Hive hive, String subKey) {
        return RegistryNames.fold(hive + "\\" + subKey);
    }

    private static void requireView(int access) {
        if ((access & KEY_WOW64_64KEY) == 0) {
            throw new AssertionError("a registry call without KEY_WOW64_64KEY");
        }
    }

    private LinkedHashMap<String, Map.Entry<String, RawValue>> key(Hive hive, String subKey) {
        LinkedHashMap<String, Map.Entry<String, RawValue>> k = keys.get(fold(hive, subKey));
        if (k == null) {
            throw new WinError(WinError.FILE_NOT_FOUND, "RegOpenKeyEx");
        }
        return k;
    }

    @Override
    public boolean keyExists(Hive hive, String subKey, int access) {
        requireView(access);
        return keys.containsKey(fold(hive, subKey));
    }

    @Override
    public List<String> subKeys(Hive hive, String subKey, int access) {
        requireView(access);
        key(hive, subKey);
        String prefix = fold(hive, subKey) + "\\";
        List<String> out = new ArrayList<>();
        for (String k : keys.keySet()) {
            if (k.startsWith(prefix) && k.indexOf('\\', prefix.length()) < 0) {
                String full = spelling.get(k);
                out.add(full.substring(full.lastIndexOf('\\') + 1));
            }
        }
        return out;
    }

    @Override
    public LinkedHashMap<String, RawValue> values(Hive hive, String subKey, int access) {
        requireView(access);
        LinkedHashMap<String, RawValue> out = new LinkedHashMap<>();
        key(hive, subKey).values().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    @Override
    public Optional<RawValue> value(Hive hive, String subKey, String name, int access) {
        requireView(access);
        var k = keys.get(fold(hive, subKey));
        if (k == null || !k.containsKey(RegistryNames.fold(name))) {
            return Optional.empty();
        }
        return Optional.of(k.get(RegistryNames.fold(name)).getValue());
    }

    @Override
    public void createKey(Hive hive, String subKey, int access) {
        requireView(access);
        String[] parts = subKey.split("\\\\");
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            path.append(path.length() == 0 ? "" : "\\").append(part);
            String f = fold(hive, path.toString());
            if (!keys.containsKey(f)) {
                keys.put(f, new LinkedHashMap<>());
                spelling.put(f, path.toString());
            }
        }
    }

    @Override
    public void setValue(Hive hive, String subKey, String name, RawValue value, int access) {
        requireView(access);
        var k = key(hive, subKey);
        var old = k.get(RegistryNames.fold(name));
        k.put(RegistryNames.fold(name), Map.entry(old == null ? name : old.getKey(), value));
    }

    @Override
    public void deleteValue(Hive hive, String subKey, String name, int access) {
        requireView(access);
        if (key(hive, subKey).remove(RegistryNames.fold(name)) == null) {
            throw new WinError(WinError.FILE_NOT_FOUND, "RegDeleteValue");
        }
    }

    @Override
    public void deleteKey(Hive hive, String subKey, int access) {
        requireView(access);
        key(hive, subKey);
        if (!subKeys(hive, subKey, access).isEmpty()) {
            throw new WinError(WinError.ACCESS_DENIED, "RegDeleteKeyEx");
        }
        keys.remove(fold(hive, subKey));
    }
}
