package org.tlsconf.registry.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.tlsconf.registry.Registry;
import org.tlsconf.registry.RegistryContract;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;

/** The real Advapi32 calls, on a scratch key under HKCU\Software\tlsconf-it (Windows only; skips elsewhere). */
@EnabledOnOs(OS.WINDOWS)
class WindowsRegistryIT extends RegistryContract {
    private final RegistryPath scratch = RegistryPath.parse("HKCU\\Software\\tlsconf-it\\" + UUID.randomUUID());

    @Override
    protected RegistryPath root() {
        return scratch;
    }

    @Override
    protected Registry emptyRegistry() {
        return WindowsPlatform.liveRegistry();
    }

    @AfterEach
    void removeScratchKey() {
        deleteTree(WindowsPlatform.liveRegistry(), scratch);
    }

    private static void deleteTree(Registry r, RegistryPath key) {
        for (String child : r.subKeys(key)) {
            deleteTree(r, key.child(child));
        }
        r.values(key).keySet().forEach(name -> r.deleteValue(key, name));
        r.deleteEmptyKey(key);
    }

    @Test
    void rawBytesOfEveryTypeSurviveTheRealRegistry() {
        Registry r = WindowsPlatform.liveRegistry();
        r.createKey(scratch);
        List<RegistryValue> values = List.of(RegistryValue.dword(0xFFFFFFFFL), RegistryValue.qword(-2L),
                RegistryValue.sz("x"), RegistryValue.expandSz("%TEMP%"), RegistryValue.multiSz(List.of("a", "b")),
                RegistryValue.binary(new byte[] {0, 1, -1}));
        for (int i = 0; i < values.size(); i++) {
            r.setValue(scratch, "v" + i, values.get(i));
            assertEquals(Optional.of(values.get(i)), r.readValue(scratch, "v" + i));
        }
    }

    @Test
    void theElevationQueryAnswers() {
        boolean elevated = WindowsPlatform.isElevated();
        assertTrue(elevated || !elevated);
        assertFalse(scratch.toString().startsWith("HKLM"));
    }
}
