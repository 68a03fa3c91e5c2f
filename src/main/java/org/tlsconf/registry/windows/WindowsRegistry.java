package org.tlsconf.registry.windows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tlsconf.registry.Registry;
import org.tlsconf.registry.RegistryAccessDeniedException;
import org.tlsconf.registry.RegistryException;
import org.tlsconf.registry.RegistryKeyNotFoundException;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.registry.ValueType;

/**
 * The live Windows registry. Every call opens keys in the 64-bit view ({@code KEY_WOW64_64KEY}), so a 32-bit JVM
 * is never redirected into {@code Wow6432Node}; the 32-bit view is addressed by naming {@code Wow6432Node}
 * explicitly. Values are read and written as raw type + bytes, so DWORDs stay unsigned and nothing is lost.
 */
public final class WindowsRegistry implements Registry {
    private static final int VIEW = WinRegistryApi.KEY_WOW64_64KEY;
    private final WinRegistryApi api;

    public WindowsRegistry(WinRegistryApi api) {
        this.api = api;
    }

    private static String sub(RegistryPath key) {
        return String.join("\\", key.names());
    }

    @Override
    public Optional<RegistryValue> readValue(RegistryPath key, String name) {
        try {
            return api.value(key.hive(), sub(key), name, VIEW).map(WindowsRegistry::decode);
        } catch (WinError e) {
            throw map(e, "reading " + name + " in", key);
        }
    }

    @Override
    public Map<String, RegistryValue> values(RegistryPath key) {
        Map<String, RegistryValue> out = new LinkedHashMap<>();
        try {
            api.values(key.hive(), sub(key), VIEW).forEach((n, v) -> out.put(n, decode(v)));
        } catch (WinError e) {
            if (e.code() != WinError.FILE_NOT_FOUND) {
                throw map(e, "listing values of", key);
            }
        }
        return out;
    }

    @Override
    public List<String> subKeys(RegistryPath key) {
        try {
            return api.subKeys(key.hive(), sub(key), VIEW);
        } catch (WinError e) {
            if (e.code() == WinError.FILE_NOT_FOUND) {
                return List.of();
            }
            throw map(e, "listing subkeys of", key);
        }
    }

    @Override
    public boolean keyExists(RegistryPath key) {
        if (key.isHiveRoot()) {
            return true;
        }
        try {
            return api.keyExists(key.hive(), sub(key), VIEW);
        } catch (WinError e) {
            throw map(e, "opening", key);
        }
    }

    @Override
    public void createKey(RegistryPath key) {
        try {
            api.createKey(key.hive(), sub(key), VIEW);
        } catch (WinError e) {
            throw map(e, "creating", key);
        }
    }

    @Override
    public void setValue(RegistryPath key, String name, RegistryValue value) {
        if (!keyExists(key)) {
            throw new RegistryKeyNotFoundException(key);
        }
        try {
            api.setValue(key.hive(), sub(key), name, new WinRegistryApi.RawValue(value.type().code(), value.toBytes()),
                    VIEW);
        } catch (WinError e) {
            throw map(e, "writing " + name + " in", key);
        }
    }

    @Override
    public void deleteValue(RegistryPath key, String name) {
        try {
            api.deleteValue(key.hive(), sub(key), name, VIEW);
        } catch (WinError e) {
            if (e.code() != WinError.FILE_NOT_FOUND) {
                throw map(e, "deleting " + name + " in", key);
            }
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
        try {
            api.deleteKey(key.hive(), sub(key), VIEW);
        } catch (WinError e) {
            throw map(e, "deleting", key);
        }
    }

    @Override
    public String describe() {
        return "live registry";
    }

    private static RegistryValue decode(WinRegistryApi.RawValue raw) {
        return RegistryValue.fromBytes(ValueType.of(raw.type()), raw.data());
    }

    private static RegistryException map(WinError e, String what, RegistryPath key) {
        String message = what + " " + key + " failed: Win32 error " + e.code() + " (" + e.function() + ")";
        if (e.code() == WinError.ACCESS_DENIED) {
            return new RegistryAccessDeniedException("access denied " + what + " " + key + " (Win32 error 5); "
                    + "run tlsconf from an elevated prompt", e);
        }
        return new RegistryException(message, e);
    }
}
