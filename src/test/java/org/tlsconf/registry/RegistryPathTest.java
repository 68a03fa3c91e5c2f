package org.tlsconf.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryPathTest {

    @Test
    void longAndShortHiveNamesAreTheSameKeyAndPrintCanonically() {
        RegistryPath a = RegistryPath.parse("HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet");
        RegistryPath b = RegistryPath.parse("hklm\\system\\currentcontrolset\\");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals("HKLM\\SYSTEM\\CurrentControlSet", a.toString());
        assertEquals("HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet", a.toLongString());
    }

    @Test
    void slashIsPartOfAKeyNameNotASeparator() {
        RegistryPath p = RegistryPath.parse("HKLM\\SYSTEM\\X\\Ciphers\\AES 128/128");
        assertEquals("AES 128/128", p.leaf());
        assertEquals(4, p.names().size());
    }

    @Test
    void ancestryIsCaseInsensitiveAndRespectsNameBoundaries() {
        RegistryPath root = RegistryPath.parse("HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319");
        assertTrue(RegistryPath.parse("HKLM\\software\\MICROSOFT\\.netframework\\V4.0.30319\\SKUs").isAtOrBelow(root));
        assertTrue(root.isAtOrBelow(root));
        assertFalse(RegistryPath.parse("HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319x").isAtOrBelow(root));
        assertEquals(List.of("HKLM\\A", "HKLM\\A\\B"),
                RegistryPath.parse("HKLM\\A\\B").selfAndAncestors().stream().map(Object::toString).toList());
    }

    @Test
    void rejectsUnknownHivesEmptyNamesAndPowerShellDrives() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RegistryPath.parse("HKXX\\A")).getMessage()
                .contains("unknown registry hive 'HKXX'"));
        assertThrows(IllegalArgumentException.class, () -> RegistryPath.parse("HKLM\\A\\\\B"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RegistryPath.parse("HKLM:\\SOFTWARE"))
                .getMessage().contains("PowerShell"));
        assertThrows(IllegalArgumentException.class, () -> RegistryPath.parse("   "));
    }

    @Test
    void differentHivesAreDifferentKeys() {
        assertNotEquals(RegistryPath.parse("HKLM\\Software"), RegistryPath.parse("HKCU\\Software"));
    }
}
