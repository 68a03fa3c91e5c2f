package org.tlsconf.registry.regfile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tlsconf.testing.RegText.V5;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsconf.registry.Registry;
import org.tlsconf.registry.RegistryContract;
import org.tlsconf.registry.RegistryException;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.testing.RegText;

class RegFileRegistryTest {

    @TempDir
    Path dir;

    private static final RegistryPath CLIENT = RegistryPath.parse(
            "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client");

    private static final String FILE = V5 + """


            ; exported from host A
            [HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols]

            [HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2]

            [HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client]
            "Enabled"=dword:ffffffff
            ; keep this comment
            "DisabledByDefault"=dword:00000000
            "Other"="x"

            [HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319]
            "SchUseStrongCrypto"=dword:00000001

            """;

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static String utf16Text(Path p) throws IOException {
        byte[] b = Files.readAllBytes(p);
        return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
    }

    /** The contract, on a file that starts out as an empty regedit export. */
    @Nested
    class Contract extends RegistryContract {
        @Override
        protected Registry emptyRegistry() throws IOException {
            Path p = Files.createTempFile(dir, "contract", ".reg");
            Files.write(p, RegText.utf16(V5 + "\n\n"));
            return RegFileRegistry.open(p);
        }
    }

    @Test
    void changingAValueRewritesOnlyThatLineInPlace() throws IOException {
        Path p = write("host.reg", RegText.utf16(FILE));
        RegFileRegistry reg = RegFileRegistry.open(p);
        reg.setValue(CLIENT, "enabled", RegistryValue.dword(1));
        reg.save();
        assertEquals(FILE.replace("dword:ffffffff", "dword:00000001").replace("\n", "\r\n"), utf16Text(p));
        assertFalse(reg.isDirty());
    }

    @Test
    void aNewValueGoesToTheEndOfItsKeyAndANewKeyAfterItsParentsSubtree() throws IOException {
        Path p = write("host.reg", RegText.utf16(FILE));
        RegFileRegistry reg = RegFileRegistry.open(p);
        reg.setValue(CLIENT, "New", RegistryValue.dword(5));
        RegistryPath server = CLIENT.parent().child("Server");
        reg.createKey(server);
        reg.setValue(server, "Enabled", RegistryValue.dword(1));
        reg.save();
        String text = utf16Text(p);
        String clientBlock = "\"Other\"=\"x\"\r\n\"New\"=dword:00000005\r\n\r\n"
                + "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols"
                + "\\TLS 1.2\\Server]\r\n\"Enabled\"=dword:00000001\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE";
        assertTrue(text.contains(clientBlock), text);
        assertTrue(text.contains("; keep this comment\r\n"));
        Registry reread = RegFileRegistry.open(p);
        assertEquals(Optional.of(RegistryValue.dword(1)), reread.readValue(server, "Enabled"));
        assertEquals(Optional.of(RegistryValue.dword(5)), reread.readValue(CLIENT, "New"));
    }

    @Test
    void deletingAValueRemovesItsLineAndKeepsTheKey() throws IOException {
        Path p = write("host.reg", RegText.utf16(FILE));
        RegFileRegistry reg = RegFileRegistry.open(p);
        reg.deleteValue(CLIENT, "Other");
        reg.save();
        assertFalse(utf16Text(p).contains("\"Other\""));
        assertTrue(RegFileRegistry.open(p).keyExists(CLIENT));
    }

    @Test
    void aUtf8LfFileWithoutFinalNewlineStaysUtf8AndLfAndWithoutFinalNewline() throws IOException {
        String text = V5 + "\n\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319]\n"
                + "\"SchUseStrongCrypto\"=dword:00000000";
        Path p = write("lf.reg", RegText.utf8(text));
        RegFileRegistry reg = RegFileRegistry.open(p);
        RegistryPath net = RegistryPath.parse("HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319");
        reg.setValue(net, "SystemDefaultTlsVersions", RegistryValue.dword(1));
        reg.save();
        assertEquals(text + "\n\"SystemDefaultTlsVersions\"=dword:00000001", Files.readString(p));
        // and removing the value again gives the file back as it was, without a final newline
        RegFileRegistry again = RegFileRegistry.open(p);
        again.deleteValue(net, "SystemDefaultTlsVersions");
        again.save();
        assertEquals(text, Files.readString(p));
    }

    @Test
    void anUntouchedFileIsWrittenBackByteForByte() throws IOException {
        byte[] original = RegText.utf16(FILE);
        Path p = write("host.reg", original);
        RegFileRegistry reg = RegFileRegistry.open(p);
        reg.setValue(CLIENT, "Enabled", RegistryValue.dword(0xFFFFFFFFL)); // same value: no change in bytes
        reg.save();
        assertArrayEquals(original, Files.readAllBytes(p));
    }

    @Test
    void anAnsiFileRefusesACharacterItCannotHoldAndIsLeftUnchanged() throws IOException {
        byte[] original = RegText.ansi("REGEDIT4\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\T]\r\n\"a\"=\"b\"\r\n");
        Path p = write("old.reg", original);
        RegFileRegistry reg = RegFileRegistry.open(p);
        RegistryException e = assertThrows(RegistryException.class,
                () -> reg.setValue(RegistryPath.parse("HKLM\\SOFTWARE\\T"), "a", RegistryValue.sz("\u4e2d")));
        assertTrue(e.getMessage().contains("has no windows-1252 (ANSI) form"), e.getMessage());
        reg.save();
        assertArrayEquals(original, Files.readAllBytes(p));
    }

    @Test
    void saveLeavesNoTemporaryFilesBehind() throws IOException {
        Path p = write("host.reg", RegText.utf16(FILE));
        RegFileRegistry reg = RegFileRegistry.open(p);
        reg.setValue(CLIENT, "Enabled", RegistryValue.dword(1));
        reg.save();
        try (var files = Files.list(dir)) {
            assertEquals(List.of("host.reg"), files.map(f -> f.getFileName().toString()).toList());
        }
    }

    @Test
    void aFileChangedBySomeoneElseSinceItWasReadIsNotOverwritten() throws IOException {
        Path p = write("host.reg", RegText.utf16(FILE));
        RegFileRegistry reg = RegFileRegistry.open(p);
        reg.setValue(CLIENT, "Enabled", RegistryValue.dword(1));
        byte[] theirs = RegText.utf16(FILE.replace("\"Other\"=\"x\"", "\"Other\"=\"changed by an admin\""));
        Files.write(p, theirs);
        RegistryException e = assertThrows(RegistryException.class, reg::save);
        assertTrue(e.getMessage().contains("changed by someone else"), e.getMessage());
        assertArrayEquals(theirs, Files.readAllBytes(p));
    }

    @Test
    void aMissingFileIsAClearError() {
        RegistryException e = assertThrows(RegistryException.class,
                () -> RegFileRegistry.open(dir.resolve("nope.reg")));
        assertTrue(e.getMessage().contains("not found"));
    }

    @Test
    void theSaveParsesTheBytesItWritesAndRefusesWhenTheyDifferFromTheIntendedRegistry() throws IOException {
        Path p = write("host.reg", RegText.utf16(FILE));
        byte[] before = Files.readAllBytes(p);
        RegFileRegistry reg = RegFileRegistry.open(p);
        reg.setValue(CLIENT, "Enabled", RegistryValue.dword(1));
        // a line object whose text says something else than its value: replaying line objects cannot see this
        List<RegDocument.Item> items = reg.document().mutableItems();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof RegDocument.ValueLine v && v.name().equals("Enabled")) {
                items.set(i, new RegDocument.ValueLine(v.key(), v.name(), v.value(), "\"Enabled\"=dword:00000002\r\n",
                        0));
            }
        }
        RegistryException e = assertThrows(RegistryException.class, reg::save);
        assertTrue(e.getMessage().contains("does not read back as intended (value " + CLIENT
                + "\\Enabled is \"Enabled\" REG_DWORD 2 (0x00000002), expected REG_DWORD 1"), e.getMessage());
        assertTrue(e.getMessage().endsWith(p + " was not changed"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(p));
    }

    @Test
    void removingAnEmptyKeyKeepsTheValueLinesOfAnEarlierSectionThatAKeyDeletionUndid() throws IOException {
        String text = V5 + "\n\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]\n\"x\"=dword:00000001\n\n"
                + "[-HKEY_LOCAL_MACHINE\\SOFTWARE\\A]\n";
        Path p = write("del.reg", RegText.utf8(text));
        RegistryPath a = RegistryPath.parse("HKLM\\SOFTWARE\\A");
        RegFileRegistry reg = RegFileRegistry.open(p);
        reg.createKey(a);
        reg.setValue(a, "x", RegistryValue.dword(2));
        reg.save();
        reg.deleteValue(a, "x");
        reg.deleteEmptyKey(a);
        reg.save();
        assertEquals(text, Files.readString(p));
        assertFalse(RegFileRegistry.open(p).keyExists(a));
    }

    @Test
    void aRegedit4FileKeepsAnsiByteSemanticsForStringTypesWrittenAsHex() throws IOException {
        RegistryPath a = RegistryPath.parse("HKLM\\SOFTWARE\\A");
        byte[] text = RegText.ansi("REGEDIT4\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]\r\n\"S\"=hex(1):31,32\r\n"
                + "\"M\"=hex(7):e9,00,81,00,00\r\n\"N\"=\"caf\u00e9\"\r\n");
        Path p = write("r4.reg", text);
        RegFileRegistry reg = RegFileRegistry.open(p);
        assertEquals(Optional.of(RegistryValue.multiSz(List.of("\u00e9", "\u0081"))), reg.readValue(a, "M"));
        reg.setValue(a, "New", RegistryValue.expandSz("%x%\u20ac")); // the euro sign is 0x80 in windows-1252
        reg.setValue(a, "Multi", RegistryValue.multiSz(List.of("line\u00e9")));
        reg.deleteValue(a, "New");
        reg.deleteValue(a, "Multi");
        reg.setValue(a, "S", reg.readValue(a, "S").orElseThrow()); // rewrite the same data
        reg.save();
        assertArrayEquals(text, Files.readAllBytes(p));
        reg.setValue(a, "E", RegistryValue.expandSz("\u20ac\r\n"));
        reg.save();
        assertTrue(Files.readString(p, java.nio.charset.Charset.forName("windows-1252"))
                .contains("\"E\"=hex(2):80,0d,0a,00\r\n"));
        assertEquals(Optional.of(RegistryValue.expandSz("\u20ac\r\n")), RegFileRegistry.open(p).readValue(a, "E"));
    }

    @Test
    void aValueARegedit4FileCannotHoldIsRefusedBeforeAnythingIsWritten() throws IOException {
        RegistryPath a = RegistryPath.parse("HKLM\\SOFTWARE\\A");
        byte[] text = RegText.ansi("REGEDIT4\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]\r\n\"S\"=\"x\"\r\n");
        Path p = write("r4.reg", text);
        RegFileRegistry reg = RegFileRegistry.open(p);
        for (RegistryValue v : List.of(RegistryValue.sz("NistP256\u2192x"), RegistryValue.multiSz(List.of("\u2192")),
                new RegistryValue.Binary(org.tlsconf.registry.ValueType.REG_SZ, new byte[] {0x31}))) {
            RegistryException e = assertThrows(RegistryException.class, () -> reg.setValue(a, "S", v));
            assertTrue(e.getMessage().startsWith(p + " is a REGEDIT4 (ANSI) file and cannot hold HKLM\\SOFTWARE\\A\\S"),
                    e.getMessage());
        }
        assertTrue(assertThrows(RegistryException.class, () -> reg.setValue(a, "S", RegistryValue.sz("\u2192")))
                .getMessage().contains("'\u2192' (U+2192) has no windows-1252 (ANSI) form"));
        assertThrows(RegistryException.class, () -> reg.setValue(a, "\u2192", RegistryValue.dword(1)));
        assertThrows(RegistryException.class, () -> reg.createKey(a.child("\u2192")));
        assertFalse(reg.isDirty());
        assertEquals(Optional.of(RegistryValue.sz("x")), reg.readValue(a, "S"));
    }

    @Test
    void removingTheOnlyKeyLineBelowAKeyKeepsThatKeyWithItsSpelling() throws IOException {
        // [A\B] alone makes A exist too, and gives it its spelling before [a] repeats it
        String text = V5 + "\n\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\T\\A\\B]\n\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\T\\a]\n";
        Path p = write("only.reg", RegText.utf8(text));
        RegFileRegistry reg = RegFileRegistry.open(p);
        reg.deleteEmptyKey(RegistryPath.parse("HKLM\\SOFTWARE\\T\\A\\B"));
        reg.save();
        Registry reread = RegFileRegistry.open(p);
        assertEquals(List.of("A"), reread.subKeys(RegistryPath.parse("HKLM\\SOFTWARE\\T")));
        assertEquals(List.of(), reread.subKeys(RegistryPath.parse("HKLM\\SOFTWARE\\T\\A")));
    }
}
