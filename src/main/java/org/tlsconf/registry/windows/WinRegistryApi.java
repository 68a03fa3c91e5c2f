package org.tlsconf.registry.windows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.tlsconf.registry.Hive;

/**
 * The few Advapi32 registry calls tlsconf makes, without JNA types, so that the logic above them can be tested on
 * any OS. Every method takes the extra access flags to pass to the Win32 call ({@link #KEY_WOW64_64KEY}), and throws
 * {@link WinError} with the Win32 error code on failure. Sub-key paths are relative to the hive and separated by
 * {@code \}; a {@code /} is an ordinary character in a key name ({@code AES 128/128}).
 */
public interface WinRegistryApi {

    /** Open the 64-bit view even from a 32-bit process, so nothing is silently redirected into Wow6432Node. */
    int KEY_WOW64_64KEY = 0x0100;

    /** Raw value data as Windows stores it: the REG_* type code and the bytes. */
    record RawValue(int type, byte[] data) {
    }

    boolean keyExists(Hive hive, String subKey, int access);

    /** @throws WinError with {@link WinError#FILE_NOT_FOUND} when the key does not exist */
    List<String> subKeys(Hive hive, String subKey, int access);

    /** In stored order. @throws WinError with {@link WinError#FILE_NOT_FOUND} when the key does not exist */
    LinkedHashMap<String, RawValue> values(Hive hive, String subKey, int access);

    /** Empty when the key or the value does not exist. */
    Optional<RawValue> value(Hive hive, String subKey, String name, int access);

    /** Creates the key and any missing parents (RegCreateKeyEx); does nothing when it exists. */
    void createKey(Hive hive, String subKey, int access);

    void setValue(Hive hive, String subKey, String name, RawValue value, int access);

    /** @throws WinError with {@link WinError#FILE_NOT_FOUND} when the value does not exist */
    void deleteValue(Hive hive, String subKey, String name, int access);

    /** Deletes one key without subkeys (RegDeleteKeyEx). */
    void deleteKey(Hive hive, String subKey, int access);
}
