package org.tlsconf.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link Registry} backend must have. Subclasses say how to make an empty one. */
public abstract class RegistryContract {

    protected Registry registry;
    private RegistryPath TLS12;
    private RegistryPath AES;

    /**
     * True when values are listed in the order they were created, as Windows and the file backends do. Wine's
     * registry lists them sorted by name.
     */
    protected boolean listsValuesInCreationOrder() {
        return true;
    }

    /** A registry with nothing below {@link #root()}. */
    protected abstract Registry emptyRegistry() throws Exception;

    /** Where the contract creates its keys; a real-registry test points this at a scratch key. */
    protected RegistryPath root() {
        return RegistryPath.parse("HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders");
    }

    @BeforeEach
    void setUp() throws Exception {
        registry = emptyRegistry();
        TLS12 = root().child("SCHANNEL").child("Protocols").child("TLS 1.2").child("Server");
        AES = root().child("SCHANNEL").child("Ciphers").child("AES 128/128");
    }

    @Test
    void aMissingKeyHasNoValuesAndNoSubkeys() {
        assertFalse(registry.keyExists(TLS12));
        assertEquals(Optional.empty(), registry.readValue(TLS12, "Enabled"));
        assertEquals(Map.of(), registry.values(TLS12));
        assertEquals(List.of(), registry.subKeys(TLS12));
    }

    @Test
    void namesAreFoldedOneCharacterAtATimeAsWindowsDoes() {
        registry.createKey(TLS12);
        registry.setValue(TLS12, "straße", RegistryValue.dword(1));
        registry.setValue(TLS12, "STRASSE", RegistryValue.dword(2)); // ß does not expand to SS
        registry.setValue(TLS12, "i", RegistryValue.dword(3));
        registry.setValue(TLS12, "\u0130", RegistryValue.dword(4)); // dotted capital I is not i
        registry.setValue(TLS12, "I", RegistryValue.dword(5)); // the same name as i: replaced, spelling kept
        registry.setValue(TLS12, "STRAßE", RegistryValue.dword(6)); // the same name as straße
        assertEquals(Map.of("straße", RegistryValue.dword(6), "STRASSE", RegistryValue.dword(2),
                "i", RegistryValue.dword(5), "\u0130", RegistryValue.dword(4)), registry.values(TLS12));
        registry.createKey(TLS12.child("i"));
        registry.createKey(TLS12.child("\u0130"));
        registry.createKey(TLS12.child("I"));
        assertEquals(List.of("i", "\u0130"), registry.subKeys(TLS12));
    }

    @Test
    void createKeyCreatesTheMissingAncestorsToo() {
        registry.createKey(TLS12);
        assertTrue(registry.keyExists(TLS12));
        assertTrue(registry.keyExists(TLS12.parent()));
        assertEquals(List.of("Server"), registry.subKeys(TLS12.parent()));
        registry.createKey(TLS12); // idempotent
        assertEquals(List.of("Server"), registry.subKeys(TLS12.parent()));
    }

    @Test
    void setThenReadGivesTheSameTypedValue() {
        registry.createKey(TLS12);
        registry.setValue(TLS12, "Enabled", RegistryValue.dword(0xFFFFFFFFL));
        registry.setValue(TLS12, "Note", RegistryValue.sz("a \"quoted\" C:\\path"));
        registry.setValue(TLS12, "Order", RegistryValue.multiSz(List.of("x", "y")));
        registry.setValue(TLS12, "Big", RegistryValue.qword(-2L));
        registry.setValue(TLS12, "Path", RegistryValue.expandSz("%SystemRoot%\\x"));
        registry.setValue(TLS12, "Raw", RegistryValue.binary(new byte[] {0, 1, (byte) 0xff}));
        registry.setValue(TLS12, "", RegistryValue.sz("default"));
        assertEquals(Optional.of(RegistryValue.dword(4294967295L)), registry.readValue(TLS12, "Enabled"));
        assertEquals(Optional.of(RegistryValue.sz("a \"quoted\" C:\\path")), registry.readValue(TLS12, "Note"));
        assertEquals(Optional.of(RegistryValue.multiSz(List.of("x", "y"))), registry.readValue(TLS12, "Order"));
        assertEquals(Optional.of(RegistryValue.qword(-2L)), registry.readValue(TLS12, "Big"));
        assertEquals(Optional.of(RegistryValue.expandSz("%SystemRoot%\\x")), registry.readValue(TLS12, "Path"));
        assertEquals(Optional.of(RegistryValue.binary(new byte[] {0, 1, (byte) 0xff})),
                registry.readValue(TLS12, "Raw"));
        assertEquals(Optional.of(RegistryValue.sz("default")), registry.readValue(TLS12, ""));
        List<String> names = List.of("Enabled", "Note", "Order", "Big", "Path", "Raw", "");
        if (listsValuesInCreationOrder()) {
            assertEquals(names, List.copyOf(registry.values(TLS12).keySet()));
        } else {
            assertEquals(new java.util.TreeSet<>(names), new java.util.TreeSet<>(registry.values(TLS12).keySet()));
        }
    }

    @Test
    void valueNamesAreCaseInsensitiveAndKeepTheirFirstSpelling() {
        registry.createKey(TLS12);
        registry.setValue(TLS12, "Enabled", RegistryValue.dword(1));
        registry.setValue(TLS12, "ENABLED", RegistryValue.sz("1"));
        assertEquals(Optional.of(RegistryValue.sz("1")), registry.readValue(TLS12, "enabled"));
        assertEquals(List.of("Enabled"), List.copyOf(registry.values(TLS12).keySet()));
    }

    @Test
    void deleteRemovesOneValueAndLeavesTheKey() {
        registry.createKey(TLS12);
        registry.setValue(TLS12, "Enabled", RegistryValue.dword(1));
        registry.setValue(TLS12, "DisabledByDefault", RegistryValue.dword(0));
        registry.deleteValue(TLS12, "enabled");
        registry.deleteValue(TLS12, "NeverThere");
        assertTrue(registry.keyExists(TLS12));
        assertEquals(Map.of("DisabledByDefault", RegistryValue.dword(0)), registry.values(TLS12));
    }

    @Test
    void onlyAnEmptyKeyCanBeDeleted() {
        registry.createKey(TLS12.parent()); // created on its own: a .reg file's implicit parent goes with its child
        registry.createKey(TLS12);
        registry.setValue(TLS12, "Enabled", RegistryValue.dword(1));
        assertThrows(RegistryException.class, () -> registry.deleteEmptyKey(TLS12));
        assertThrows(RegistryException.class, () -> registry.deleteEmptyKey(TLS12.parent()));
        assertTrue(registry.keyExists(TLS12));
        registry.deleteValue(TLS12, "Enabled");
        registry.deleteEmptyKey(TLS12);
        assertFalse(registry.keyExists(TLS12));
        assertTrue(registry.keyExists(TLS12.parent()));
        assertEquals(List.of(), registry.subKeys(TLS12.parent()));
        registry.deleteEmptyKey(TLS12); // already gone: nothing to do
    }

    @Test
    void settingAValueInAMissingKeyFails() {
        assertThrows(RegistryKeyNotFoundException.class,
                () -> registry.setValue(TLS12, "Enabled", RegistryValue.dword(1)));
    }

    @Test
    void keyNamesWithSlashesAreOneKey() {
        registry.createKey(AES);
        registry.setValue(AES, "Enabled", RegistryValue.dword(0));
        assertEquals(List.of("AES 128/128"), registry.subKeys(AES.parent()));
        assertEquals(Optional.of(RegistryValue.dword(0)), registry.readValue(AES, "Enabled"));
    }
}
