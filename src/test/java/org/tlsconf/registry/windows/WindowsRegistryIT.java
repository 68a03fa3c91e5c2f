package org.tlsconf.registry.windows;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsconf.registry.Hive;
import org.tlsconf.registry.Registry;
import org.tlsconf.registry.RegistryContract;
import org.tlsconf.registry.RegistryException;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.registry.ValueType;
import org.tlsconf.registry.regfile.RegFileRegistry;
import org.tlsconf.tls.WindowsVersion;
import org.tlsconf.testing.WindowsJvm;

/**
 * The real Advapi32 calls through JNA, on a Windows JVM (under Wine in CI: {@code src/test/wine/bin/java}), against
 * scratch keys under {@code HKCU\Software\tlsconf-it} and {@code HKLM\SOFTWARE\tlsconf-it}. Every call is recorded
 * to check that it asked for the 64-bit view; values are checked byte for byte, and against Wine's own
 * {@code reg.exe}.
 */
@Tag(WindowsJvm.TAG)
class WindowsRegistryIT extends RegistryContract {
    private static final String ID = UUID.randomUUID().toString();
    private final RegistryPath scratch = RegistryPath.parse("HKCU\\Software\\tlsconf-it\\" + ID);
    private final RegistryPath machine = RegistryPath.parse("HKLM\\SOFTWARE\\tlsconf-it\\" + ID);
    private final RegistryPath machine32 = RegistryPath.parse("HKLM\\SOFTWARE\\Wow6432Node\\tlsconf-it\\" + ID);
    private final RecordingApi api = new RecordingApi(new JnaWinRegistryApi());

    @TempDir
    Path dir;

    @BeforeAll
    static void onWindows() {
        WindowsJvm.require();
    }

    @Override
    protected RegistryPath root() {
        return scratch;
    }

    /** Wine's registry lists values sorted by name (Windows: in creation order). */
    @Override
    protected boolean listsValuesInCreationOrder() {
        return false;
    }

    @Override
    protected Registry emptyRegistry() {
        return new WindowsRegistry(api);
    }

    @AfterEach
    void everyCallAskedForThe64BitViewAndTheScratchKeysGo() {
        for (Map.Entry<String, Integer> call : api.access) {
            assertEquals(WinRegistryApi.KEY_WOW64_64KEY, call.getValue() & WinRegistryApi.KEY_WOW64_64KEY,
                    "without KEY_WOW64_64KEY: " + call.getKey());
        }
        Registry live = WindowsPlatform.liveRegistry();
        for (RegistryPath key : List.of(scratch, machine, machine32)) {
            deleteTree(live, key);
            deleteTree(live, key.parent());
        }
    }

    private static void deleteTree(Registry r, RegistryPath key) {
        for (String child : r.subKeys(key)) {
            deleteTree(r, key.child(child));
        }
        r.values(key).keySet().forEach(name -> r.deleteValue(key, name));
        r.deleteEmptyKey(key);
    }

    private static byte[] utf16(String s) {
        return s.getBytes(StandardCharsets.UTF_16LE);
    }

    /** Every value type tlsconf may meet, with the edge cases: high-bit numbers, empty strings, empty data. */
    private static Map<String, RegistryValue> everyType() {
        Map<String, RegistryValue> v = new LinkedHashMap<>();
        v.put("DwordHigh", RegistryValue.dword(0x80000000L));
        v.put("DwordMax", RegistryValue.dword(0xFFFFFFFFL));
        v.put("Qword", RegistryValue.qword(0x8000000000000001L));
        v.put("Sz", RegistryValue.sz("C:\\Program Files\\x \"q\" \u00fc\u20ac"));
        v.put("SzEmpty", RegistryValue.sz(""));
        v.put("ExpandSz", RegistryValue.expandSz("%SystemRoot%\\system32"));
        v.put("MultiSz", RegistryValue.multiSz(List.of("TLS_AES_256_GCM_SHA384", "b")));
        v.put("MultiSzEmpty", RegistryValue.multiSz(List.of()));
        v.put("MultiSzWithEmptyString", RegistryValue.fromBytes(ValueType.REG_MULTI_SZ, utf16("a\0\0b\0\0")));
        v.put("Binary", RegistryValue.binary(new byte[] {0, 1, (byte) 0xFF}));
        v.put("BinaryEmpty", RegistryValue.binary(new byte[0]));
        v.put("None", RegistryValue.fromBytes(ValueType.REG_NONE, new byte[] {1, 2}));
        v.put("NoneEmpty", RegistryValue.fromBytes(ValueType.REG_NONE, new byte[0]));
        v.put("Private", RegistryValue.fromBytes(ValueType.of(0xffff0012), new byte[] {1, 2, 3})); // undocumented
        return v;
    }

    @Test
    void everyValueTypeIsWrittenAndReadBackByteForByte() throws Exception {
        Registry r = new WindowsRegistry(api);
        r.createKey(machine);
        Map<String, RegistryValue> values = everyType();
        values.forEach((name, value) -> r.setValue(machine, name, value));
        String sub = String.join("\\", machine.names());
        for (Map.Entry<String, RegistryValue> e : values.entrySet()) {
            WinRegistryApi.RawValue raw = api.value(Hive.HKEY_LOCAL_MACHINE, sub, e.getKey(),
                    WinRegistryApi.KEY_WOW64_64KEY).orElseThrow();
            assertEquals(e.getValue().type().code(), raw.type(), e.getKey());
            assertArrayEquals(e.getValue().toBytes(), raw.data(), e.getKey());
            assertEquals(Optional.of(e.getValue()), r.readValue(machine, e.getKey()), e.getKey());
        }
        assertEquals(values, r.values(machine));

        // Wine's own reg.exe exports what JNA wrote; tlsconf's .reg reader finds the same values in it
        Path export = dir.resolve("export.reg");
        WindowsJvm.Result x = WindowsJvm.run("reg", "export", machine.toString().replace("HKLM", "HKEY_LOCAL_MACHINE"),
                export.toString(), "/y");
        assertEquals(0, x.code(), x.output());
        assertEquals(values, RegFileRegistry.open(export).values(machine));
        String query = WindowsJvm.run("reg", "query", machine.toString(), "/v", "DwordHigh").output();
        assertTrue(query.contains("REG_DWORD") && query.contains("0x80000000"), query);
    }

    @Test
    void theWow6432NodeTwinIsWhatThe32BitViewShows() throws Exception {
        Registry r = new WindowsRegistry(api);
        r.createKey(machine);
        r.setValue(machine, "View", RegistryValue.sz("64"));
        r.createKey(machine32);
        r.setValue(machine32, "View", RegistryValue.sz("32"));
        String key = "HKLM\\SOFTWARE\\tlsconf-it\\" + ID;
        String view64 = WindowsJvm.run("reg", "query", key, "/v", "View", "/reg:64").output();
        String view32 = WindowsJvm.run("reg", "query", key, "/v", "View", "/reg:32").output();
        assertTrue(view64.matches("(?s).*View\\s+REG_SZ\\s+64\\n.*"), view64);
        assertTrue(view32.matches("(?s).*View\\s+REG_SZ\\s+32\\n.*"), view32);
    }

    @Test
    void deletingAValueAndAnEmptyKeyReachesTheRegistry() throws Exception {
        Registry r = new WindowsRegistry(api);
        r.createKey(machine.child("Server"));
        r.setValue(machine.child("Server"), "Enabled", RegistryValue.dword(0));
        assertThrows(RegistryException.class, () -> r.deleteEmptyKey(machine.child("Server")));
        assertEquals(0, WindowsJvm.run("reg", "query", machine.child("Server").toString()).code());

        r.deleteValue(machine.child("Server"), "Enabled");
        assertNotEquals(0, WindowsJvm.run("reg", "query", machine.child("Server").toString(), "/v", "Enabled").code());
        assertThrows(RegistryException.class, () -> r.deleteEmptyKey(machine), "the parent still has a subkey");
        r.deleteEmptyKey(machine.child("Server"));
        assertNotEquals(0, WindowsJvm.run("reg", "query", machine.child("Server").toString()).code());
        assertEquals(0, WindowsJvm.run("reg", "query", machine.toString()).code(), "the parent stays");
    }

    @Test
    void wineRunsTheTestElevatedAndTheTokenSaysSo() {
        // Wine runs every process as an elevated administrator; the non-elevated path is tested with Mockito
        assertTrue(WindowsPlatform.isElevated());
    }

    @Test
    void theOsVersionIsReadFromTheLiveRegistry() throws Exception {
        WindowsVersion version = WindowsVersion.read(WindowsPlatform.liveRegistry(), "this host").orElseThrow();
        String query = WindowsJvm.run("reg", "query", "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion", "/v",
                "CurrentBuildNumber").output();
        assertTrue(query.matches("(?s).*CurrentBuildNumber\\s+REG_SZ\\s+" + version.build() + "\\n.*"),
                version + " vs " + query);
    }

    @Test
    void aRestartIsScheduledAndCancelledThroughTheShutdownCalls() {
        // Wine's InitiateSystemShutdownEx and AbortSystemShutdown are stubs that succeed: this proves the calls,
        // their signatures and the privilege adjustment, not a restart
        WindowsRebootScheduler scheduler = (WindowsRebootScheduler) WindowsPlatform.rebootScheduler();
        scheduler.schedule(Duration.ofSeconds(600), "tlsconf-it: scheduled by a test and cancelled at once");
        assertTrue(scheduler.cancel());
    }

    /** Records the access flags of every call, then makes it. */
    static final class RecordingApi implements WinRegistryApi {
        final List<Map.Entry<String, Integer>> access = new ArrayList<>();
        private final WinRegistryApi api;

        RecordingApi(WinRegistryApi api) {
            this.api = api;
        }

        private void record(String call, String subKey, int flags) {
            access.add(Map.entry(call + " " + subKey, flags));
        }

        @Override
        public boolean keyExists(Hive hive, String subKey, int flags) {
            record("keyExists", subKey, flags);
            return api.keyExists(hive, subKey, flags);
        }

        @Override
        public List<String> subKeys(Hive hive, String subKey, int flags) {
            record("subKeys", subKey, flags);
            return api.subKeys(hive, subKey, flags);
        }

        @Override
        public LinkedHashMap<String, RawValue> values(Hive hive, String subKey, int flags) {
            record("values", subKey, flags);
            return api.values(hive, subKey, flags);
        }

        @Override
        public Optional<RawValue> value(Hive hive, String subKey, String name, int flags) {
            record("value", subKey, flags);
            return api.value(hive, subKey, name, flags);
        }

        @Override
        public void createKey(Hive hive, String subKey, int flags) {
            record("createKey", subKey, flags);
            api.createKey(hive, subKey, flags);
        }

        @Override
        public void setValue(Hive hive, String subKey, String name, RawValue value, int flags) {
            record("setValue", subKey, flags);
            api.setValue(hive, subKey, name, value, flags);
        }

        @Override
        public void deleteValue(Hive hive, String subKey, String name, int flags) {
            record("deleteValue", subKey, flags);
            api.deleteValue(hive, subKey, name, flags);
        }

        @Override
        public void deleteKey(Hive hive, String subKey, int flags) {
            record("deleteKey", subKey, flags);
            api.deleteKey(hive, subKey, flags);
        }
    }
}
