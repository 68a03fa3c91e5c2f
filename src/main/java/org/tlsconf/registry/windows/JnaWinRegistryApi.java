package org.tlsconf.registry.windows;

import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinReg;
import com.sun.jna.ptr.IntByReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.tlsconf.registry.Hive;

/**
 * {@link WinRegistryApi} over Advapi32 through JNA: raw RegOpenKeyEx / RegEnumValue / RegQueryValueEx /
 * RegCreateKeyEx / RegSetValueEx / RegDeleteValue / RegDeleteKeyEx, each with the caller's access flags. Only this
 * class and the other JNA classes of this package touch native code, and only on Windows.
 */
final class JnaWinRegistryApi implements WinRegistryApi {
    private final Advapi32 advapi = Advapi32.INSTANCE;
    private final Advapi32Ext ext = Advapi32Ext.load();

    private static WinReg.HKEY root(Hive hive) {
        return switch (hive) {
            case HKEY_LOCAL_MACHINE -> WinReg.HKEY_LOCAL_MACHINE;
            case HKEY_CURRENT_USER -> WinReg.HKEY_CURRENT_USER;
            case HKEY_CLASSES_ROOT -> WinReg.HKEY_CLASSES_ROOT;
            case HKEY_USERS -> WinReg.HKEY_USERS;
            case HKEY_CURRENT_CONFIG -> WinReg.HKEY_CURRENT_CONFIG;
        };
    }

    private static void check(int rc, String function) {
        if (rc != WinError.ERROR_SUCCESS) {
            throw new org.tlsconf.registry.windows.WinError(rc, function);
        }
    }

    private WinReg.HKEY open(Hive hive, String subKey, int rights) {
        WinReg.HKEYByReference ref = new WinReg.HKEYByReference();
        check(advapi.RegOpenKeyEx(root(hive), subKey, 0, rights, ref), "RegOpenKeyEx");
        return ref.getValue();
    }

    private void close(WinReg.HKEY key) {
        advapi.RegCloseKey(key);
    }

    @Override
    public boolean keyExists(Hive hive, String subKey, int access) {
        WinReg.HKEYByReference ref = new WinReg.HKEYByReference();
        int rc = advapi.RegOpenKeyEx(root(hive), subKey, 0, WinNT.KEY_READ | access, ref);
        if (rc == WinError.ERROR_FILE_NOT_FOUND) {
            return false;
        }
        check(rc, "RegOpenKeyEx");
        close(ref.getValue());
        return true;
    }

    private record Info(int subKeys, int maxSubKeyLen, int values, int maxValueNameLen, int maxValueLen) {
    }

    private Info info(WinReg.HKEY key) {
        IntByReference subKeys = new IntByReference();
        IntByReference maxSubKeyLen = new IntByReference();
        IntByReference values = new IntByReference();
        IntByReference maxValueNameLen = new IntByReference();
        IntByReference maxValueLen = new IntByReference();
        check(advapi.RegQueryInfoKey(key, null, null, null, subKeys, maxSubKeyLen, null, values, maxValueNameLen,
                maxValueLen, null, null), "RegQueryInfoKey");
        return new Info(subKeys.getValue(), maxSubKeyLen.getValue(), values.getValue(), maxValueNameLen.getValue(),
                maxValueLen.getValue());
    }

    @Override
    public List<String> subKeys(Hive hive, String subKey, int access) {
        WinReg.HKEY key = open(hive, subKey, WinNT.KEY_READ | access);
        try {
            Info info = info(key);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < info.subKeys(); i++) {
                char[] name = new char[info.maxSubKeyLen() + 1];
                IntByReference len = new IntByReference(name.length);
                int rc = advapi.RegEnumKeyEx(key, i, name, len, null, null, null, null);
                if (rc == WinError.ERROR_NO_MORE_ITEMS) {
                    break;
                }
                check(rc, "RegEnumKeyEx");
                names.add(new String(name, 0, len.getValue()));
            }
            return names;
        } finally {
            close(key);
        }
    }

    @Override
    public LinkedHashMap<String, RawValue> values(Hive hive, String subKey, int access) {
        WinReg.HKEY key = open(hive, subKey, WinNT.KEY_READ | access);
        try {
            Info info = info(key);
            LinkedHashMap<String, RawValue> out = new LinkedHashMap<>();
            int nameCap = info.maxValueNameLen() + 1;
            int dataCap = Math.max(1, info.maxValueLen());
            for (int i = 0; ; ) {
                char[] name = new char[nameCap];
                byte[] data = new byte[dataCap];
                IntByReference nameLen = new IntByReference(name.length);
                IntByReference type = new IntByReference();
                IntByReference dataLen = new IntByReference(data.length);
                int rc = advapi.RegEnumValue(key, i, name, nameLen, null, type, data, dataLen);
                if (rc == WinError.ERROR_NO_MORE_ITEMS) {
                    return out;
                }
                if (rc == WinError.ERROR_MORE_DATA) { // a value grew since RegQueryInfoKey: retry bigger
                    nameCap *= 2;
                    dataCap = Math.max(dataCap * 2, dataLen.getValue());
                    continue;
                }
                check(rc, "RegEnumValue");
                out.put(new String(name, 0, nameLen.getValue()),
                        new RawValue(type.getValue(), Arrays.copyOf(data, dataLen.getValue())));
                i++;
            }
        } finally {
            close(key);
        }
    }

    @Override
    public Optional<RawValue> value(Hive hive, String subKey, String name, int access) {
        WinReg.HKEYByReference ref = new WinReg.HKEYByReference();
        int rc = advapi.RegOpenKeyEx(root(hive), subKey, 0, WinNT.KEY_READ | access, ref);
        if (rc == WinError.ERROR_FILE_NOT_FOUND) {
            return Optional.empty();
        }
        check(rc, "RegOpenKeyEx");
        WinReg.HKEY key = ref.getValue();
        try {
            int size = 64;
            while (true) {
                byte[] data = new byte[size];
                IntByReference type = new IntByReference();
                IntByReference len = new IntByReference(size);
                rc = advapi.RegQueryValueEx(key, name, 0, type, data, len);
                if (rc == WinError.ERROR_FILE_NOT_FOUND) {
                    return Optional.empty();
                }
                if (rc == WinError.ERROR_MORE_DATA) {
                    size = Math.max(size * 2, len.getValue());
                    continue;
                }
                check(rc, "RegQueryValueEx");
                return Optional.of(new RawValue(type.getValue(), Arrays.copyOf(data, len.getValue())));
            }
        } finally {
            close(key);
        }
    }

    @Override
    public void createKey(Hive hive, String subKey, int access) {
        WinReg.HKEYByReference ref = new WinReg.HKEYByReference();
        check(advapi.RegCreateKeyEx(root(hive), subKey, 0, null, WinNT.REG_OPTION_NON_VOLATILE,
                WinNT.KEY_READ | WinNT.KEY_WRITE | access, null, ref, new IntByReference()), "RegCreateKeyEx");
        close(ref.getValue());
    }

    @Override
    public void setValue(Hive hive, String subKey, String name, RawValue value, int access) {
        WinReg.HKEY key = open(hive, subKey, WinNT.KEY_SET_VALUE | access);
        try {
            check(advapi.RegSetValueEx(key, name, 0, value.type(), value.data(), value.data().length),
                    "RegSetValueEx");
        } finally {
            close(key);
        }
    }

    @Override
    public void deleteValue(Hive hive, String subKey, String name, int access) {
        WinReg.HKEY key = open(hive, subKey, WinNT.KEY_SET_VALUE | access);
        try {
            check(advapi.RegDeleteValue(key, name), "RegDeleteValue");
        } finally {
            close(key);
        }
    }

    @Override
    public void deleteKey(Hive hive, String subKey, int access) {
        check(ext.RegDeleteKeyEx(root(hive), subKey, access, 0), "RegDeleteKeyEx");
    }
}
