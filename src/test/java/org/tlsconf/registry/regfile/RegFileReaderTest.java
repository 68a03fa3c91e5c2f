package org.tlsconf.registry.regfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tlsconf.testing.RegText.V5;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.tlsconf.registry.InMemoryRegistry;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.registry.ValueType;
import org.tlsconf.testing.RegText;

class RegFileReaderTest {

    private static final RegistryPath TLS10 = RegistryPath.parse(
            "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.0\\Server");
    private static final String BODY = """

            [HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.0\\Server]
            "Enabled"=dword:00000000
            "DisabledByDefault"=dword:00000001
            """;

    private static InMemoryRegistry read(byte[] bytes) {
        return RegFileReader.parse(bytes, "test.reg").replay("test");
    }

    private static RegFileParseException failure(String text) {
        return assertThrows(RegFileParseException.class,
                () -> RegFileReader.parse(RegText.utf8(text), "bad.reg"));
    }

    @Test
    void readsTheUtf16ExportRegeditWrites() {
        RegDocument doc = RegFileReader.parse(RegText.utf16(V5 + "\n" + BODY), "x.reg");
        assertEquals(RegEncoding.UTF16LE_BOM, doc.encoding());
        assertEquals("\r\n", doc.newline());
        InMemoryRegistry reg = doc.replay("x");
        assertEquals(Optional.of(RegistryValue.dword(0)), reg.readValue(TLS10, "Enabled"));
        assertEquals(Optional.of(RegistryValue.dword(1)), reg.readValue(TLS10, "DisabledByDefault"));
    }

    @Test
    void readsUtf8WithAndWithoutBomLfCrAndNoFinalNewline() {
        String text = V5 + "\n" + BODY.strip() + "";
        InMemoryRegistry expected = read(RegText.utf16(V5 + "\n" + BODY));
        for (byte[] variant : List.of(RegText.utf8(text), RegText.withBom(new byte[] {(byte) 0xEF, (byte) 0xBB,
            (byte) 0xBF}, text, StandardCharsets.UTF_8), RegText.utf8(text.replace("\n", "\r")),
            RegText.withBom(new byte[] {(byte) 0xFE, (byte) 0xFF}, text, StandardCharsets.UTF_16BE))) {
            assertEquals(expected.snapshot(), read(variant).snapshot());
        }
        assertEquals(RegEncoding.UTF8, RegFileReader.parse(RegText.utf8(text), "x").encoding());
        assertEquals("\n", RegFileReader.parse(RegText.utf8(text), "x").newline());
    }

    @Test
    void readsRegedit4WithAnsiStringsInHexData() {
        // REGEDIT4 stores hex(2)/hex(7) strings as single-byte ANSI: "%W\u00e9%" and the list {"a","b"}
        String text = """
                REGEDIT4

                [HKEY_LOCAL_MACHINE\\SOFTWARE\\Test]
                "Expand"=hex(2):25,57,e9,25,00
                "Multi"=hex(7):61,00,62,00,00
                "Name"="caf\u00e9"
                """;
        RegDocument doc = RegFileReader.parse(RegText.ansi(text), "old.reg");
        assertEquals(RegFormat.REGEDIT4, doc.format());
        assertEquals(RegEncoding.ANSI, doc.encoding());
        InMemoryRegistry reg = doc.replay("x");
        RegistryPath key = RegistryPath.parse("HKLM\\SOFTWARE\\Test");
        assertEquals(Optional.of(RegistryValue.expandSz("%W\u00e9%")), reg.readValue(key, "Expand"));
        assertEquals(Optional.of(RegistryValue.multiSz(List.of("a", "b"))), reg.readValue(key, "Multi"));
        assertEquals(Optional.of(RegistryValue.sz("caf\u00e9")), reg.readValue(key, "Name"));
    }

    @Test
    void readsEveryValueKindWithContinuationsCommentsAndDefaultValues() {
        String text = V5 + """


                ; a comment line
                [HKLM\\SOFTWARE\\Test]
                @="default"
                "Str"="C:\\\\Program Files\\\\tlsconf\\\\ \\"quoted\\""
                "Dw"=dword:ffffffff ; trailing comment
                "Short"=dword:1
                "Bin"=hex:01,02,\\
                  03,ff
                "Qw"=hex(b):02,00,00,00,01,00,00,00
                "Exp"=hex(2):25,00,53,00,00,00
                "Multi"=hex(7):61,00,00,00,62,00,00,00,00,00
                "None"=hex(0):
                "BigEndian"=hex(5):00,00,00,01
                "Empty"=""
                "Spaced" = dword:00000002
                  "Indented"=dword:00000003
                """;
        InMemoryRegistry reg = read(RegText.utf8(text));
        RegistryPath key = RegistryPath.parse("HKLM\\SOFTWARE\\Test");
        assertEquals(Optional.of(RegistryValue.sz("default")), reg.readValue(key, ""));
        assertEquals(Optional.of(RegistryValue.sz("C:\\Program Files\\tlsconf\\ \"quoted\"")),
                reg.readValue(key, "Str"));
        assertEquals(Optional.of(RegistryValue.dword(0xFFFFFFFFL)), reg.readValue(key, "Dw"));
        assertEquals(Optional.of(RegistryValue.dword(1)), reg.readValue(key, "Short"));
        assertEquals(Optional.of(RegistryValue.binary(new byte[] {1, 2, 3, (byte) 0xff})), reg.readValue(key, "Bin"));
        assertEquals(Optional.of(RegistryValue.qword(0x100000002L)), reg.readValue(key, "Qw"));
        assertEquals(Optional.of(RegistryValue.expandSz("%S")), reg.readValue(key, "Exp"));
        assertEquals(Optional.of(RegistryValue.multiSz(List.of("a", "b"))), reg.readValue(key, "Multi"));
        assertEquals(Optional.of(new RegistryValue.Binary(ValueType.REG_NONE, new byte[0])),
                reg.readValue(key, "None"));
        assertEquals(ValueType.REG_DWORD_BIG_ENDIAN, reg.readValue(key, "BigEndian").get().type());
        assertEquals(Optional.of(RegistryValue.sz("")), reg.readValue(key, "Empty"));
        assertEquals(Optional.of(RegistryValue.dword(2)), reg.readValue(key, "Spaced"));
        assertEquals(Optional.of(RegistryValue.dword(3)), reg.readValue(key, "Indented"));
    }

    @Test
    void deletionsAndRepeatedKeysReplayInFileOrder() {
        String text = V5 + """


                [HKEY_LOCAL_MACHINE\\SOFTWARE\\T\\A]
                "x"=dword:00000001
                "y"=dword:00000001

                [HKEY_LOCAL_MACHINE\\SOFTWARE\\T\\B\\C]
                "z"=dword:00000001

                [HKEY_LOCAL_MACHINE\\SOFTWARE\\T\\A]
                "x"=dword:00000002
                "y"=-

                [-HKEY_LOCAL_MACHINE\\SOFTWARE\\T\\B]
                """;
        InMemoryRegistry reg = read(RegText.utf8(text));
        RegistryPath a = RegistryPath.parse("HKLM\\SOFTWARE\\T\\A");
        assertEquals(Optional.of(RegistryValue.dword(2)), reg.readValue(a, "x"));
        assertEquals(Optional.empty(), reg.readValue(a, "y"));
        assertFalse(reg.keyExists(RegistryPath.parse("HKLM\\SOFTWARE\\T\\B")));
        assertFalse(reg.keyExists(RegistryPath.parse("HKLM\\SOFTWARE\\T\\B\\C")));
        assertEquals(List.of("A"), reg.subKeys(RegistryPath.parse("HKLM\\SOFTWARE\\T")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            doc prose instead of a key  | HKEY_LOCAL_MACHINE\\SOFTWARE\\WinHttp\\              | 3 | not a key, value or comment line | key paths must be in square brackets
            unquoted value name         | DefaultSecureProtocols = (DWORD): 0xAA0             | 3 | not a key, value or comment line | value names must be in double quotes
            value on the key line       | [HKLM\\SOFTWARE\\A] "Enabled"=dword:00000000        | 3 | text after the key's closing ']'  | on its own line
            dword with 0x               | [HKLM\\SOFTWARE\\A]\\n"E"=dword:0x1                   | 4 | has a 0x prefix                  | dword:00000001
            dword too long              | [HKLM\\SOFTWARE\\A]\\n"E"=dword:123456789             | 4 | is not 1 to 8 hex digits         | ffffffff
            decimal dword               | [HKLM\\SOFTWARE\\A]\\n"E"=dword:1z                    | 4 | is not 1 to 8 hex digits         | decimal numbers are not allowed
            qword form                  | [HKLM\\SOFTWARE\\A]\\n"E"=qword:1                     | 4 | unrecognised value data          | hex(b)
            bad hex byte                | [HKLM\\SOFTWARE\\A]\\n"E"=hex:01,zz                   | 4 | 'zz' is not a hex byte           | two-digit hex bytes
            full-width dword digits     | [HKLM\\SOFTWARE\\A]\\n"E"=dword:０００１                | 4 | is not 1 to 8 hex digits         | ffffffff
            full-width hex byte         | [HKLM\\SOFTWARE\\A]\\n"E"=hex:０１                      | 4 | is not a hex byte                | two-digit hex bytes
            full-width type number      | [HKLM\\SOFTWARE\\A]\\n"E"=hex(４):01,00,00,00           | 4 | malformed hex(N): type           | hex(2)
            unknown escape              | [HKLM\\SOFTWARE\\A]\\n"E"="C:\\Temp"                  | 4 | unknown escape                   | \\\\ for a backslash
            unterminated string         | [HKLM\\SOFTWARE\\A]\\n"E"="abc                        | 4 | has no closing double quote      | close it
            value before any key        | "E"=dword:00000001                                  | 3 | value outside any key            | put a key line
            unknown hive                | [HKEY_LOCAL_NOWHERE\\SOFTWARE]                      | 3 | unknown registry hive            | write the key as
            hex runs past end of file   | [HKLM\\SOFTWARE\\A]\\n"E"=hex:01,\\                   | 4 | the file ends                    | trailing backslash
            value under key deletion    | [-HKLM\\SOFTWARE\\A]\\n"E"=dword:00000001             | 4 | value under a key deletion       | regedit ignores
            missing equals              | [HKLM\\SOFTWARE\\A]\\n"E" dword:00000001              | 4 | expected '='                     | "Name"=dword
            """)
    void malformedLinesAreErrorsWithTheLineAndAHint(String what, String body, int line, String message, String hint) {
        RegFileParseException e = failure(V5 + "\n\n" + body.replace("\\n", "\n") + "\n");
        RegFileParseException.Problem p = e.problems().get(0);
        assertEquals(line, p.line(), what + ": " + e.fullReport());
        assertTrue(p.message().contains(message), what + ": " + p.message());
        assertTrue(p.hint().contains(hint), what + ": " + p.hint());
        assertTrue(e.getMessage().startsWith("bad.reg:" + line + ": "), e.getMessage());
    }

    @Test
    void aFileWithoutTheHeaderIsNotARegFile() {
        RegFileParseException e = failure("[HKLM\\SOFTWARE\\A]\n\"x\"=dword:1\n");
        assertEquals(1, e.problems().get(0).line());
        assertTrue(e.getMessage().contains("not a .reg file"));
        assertTrue(assertThrows(RegFileParseException.class, () -> RegFileReader.parse(new byte[0], "e.reg"))
                .getMessage().contains("first line is empty"));
    }

    @Test
    void everyProblemInAFileIsReportedAtOnce() {
        RegFileParseException e = failure(V5 + "\n\n[HKLM\\SOFTWARE\\A]\n\"a\"=dword:0x1\n\"b\"=dword:1\n\"c\"=qword:2\n");
        assertEquals(List.of(4, 6), e.problems().stream().map(RegFileParseException.Problem::line).toList());
    }

    @Test
    void invalidUtf16IsReportedNotGuessed() {
        byte[] odd = {(byte) 0xFF, (byte) 0xFE, 'W', 0, 'i'};
        assertTrue(assertThrows(RegFileParseException.class, () -> RegFileReader.parse(odd, "odd.reg"))
                .getMessage().contains("not valid UTF-16LE"));
    }

    @Test
    void aValueOfAnUndocumentedTypeIsKeptWithItsTypeNumberAndBytes() {
        RegDocument doc = RegFileReader.parse(RegText.utf8(V5 + "\n\n[HKLM\\SOFTWARE\\A]\n"
                + "\"Private\"=hex(ffff0012):01,02,03\n\"Low\"=hex(1f):\n"), "x.reg");
        InMemoryRegistry reg = doc.replay("x");
        RegistryPath a = RegistryPath.parse("HKLM\\SOFTWARE\\A");
        RegistryValue v = reg.readValue(a, "Private").orElseThrow();
        assertEquals(0xffff0012, v.type().code());
        assertFalse(v.type().isKnown());
        assertEquals("hex(ffff0012):01,02,03", v.display());
        assertEquals(Optional.of(new RegistryValue.Binary(ValueType.of(0x1f), new byte[0])), reg.readValue(a, "Low"));
        assertEquals("\"Private\"=hex(ffff0012):01,02,03\r\n",
                RegFileWriter.valueLine("Private", v, RegFormat.V5, "\r\n"));
    }

    @Test
    void keyNamesKeepTrailingUnicodeWhiteSpace() {
        // U+3000 (ideographic space) and U+2003 (em space) are characters of the key name, not blanks
        InMemoryRegistry reg = read(RegText.utf8(V5 + "\n\n[HKLM\\SOFTWARE\\A\u3000]\n\"x\"=dword:1\n"
                + "[HKLM\\SOFTWARE\\B\u2003]  \n\"y\"=dword:2\n"));
        assertEquals(List.of("A\u3000", "B\u2003"), reg.subKeys(RegistryPath.parse("HKLM\\SOFTWARE")));
        assertFalse(reg.keyExists(RegistryPath.parse("HKLM\\SOFTWARE\\A")));
        assertEquals(Optional.of(RegistryValue.dword(1)),
                reg.readValue(RegistryPath.parse("HKLM\\SOFTWARE\\A\u3000"), "x"));
    }
}
