package org.tlsconf.registry.regfile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;

class RegFileWriterTest {

    @Test
    void formatsScalarsAsRegeditDoes() {
        assertEquals("\"Enabled\"=dword:ffffffff\r\n",
                RegFileWriter.valueLine("Enabled", RegistryValue.dword(0xFFFFFFFFL), RegFormat.V5, "\r\n"));
        assertEquals("@=\"C:\\\\x \\\"y\\\"\"\n",
                RegFileWriter.valueLine("", RegistryValue.sz("C:\\x \"y\""), RegFormat.V5, "\n"));
        assertEquals("\"Q\"=hex(b):02,00,00,00,01,00,00,00\n",
                RegFileWriter.valueLine("Q", RegistryValue.qword(0x100000002L), RegFormat.V5, "\n"));
        assertEquals("\"B\"=hex:\n", RegFileWriter.valueLine("B", RegistryValue.binary(new byte[0]), RegFormat.V5,
                "\n"));
        assertEquals("\"x\"=-\r\n", RegFileWriter.deletionLine("x", "\r\n"));
        assertEquals("[-HKEY_LOCAL_MACHINE\\SOFTWARE\\A]\r\n",
                RegFileWriter.keyLine(RegistryPath.parse("HKLM\\SOFTWARE\\A"), true, "\r\n"));
    }

    @Test
    void wrapsLongHexDataExactlyLikeARegistryExport() {
        // These lines are what `reg export` printed for this value (checked against Wine's regedit).
        String expected = """
                "EccCurves"=hex(7):63,00,75,00,72,00,76,00,65,00,32,00,35,00,35,00,31,00,39,00,\\
                  00,00,4e,00,69,00,73,00,74,00,50,00,32,00,35,00,36,00,00,00,4e,00,69,00,73,\\
                  00,74,00,50,00,33,00,38,00,34,00,00,00,00,00
                """;
        assertEquals(expected, RegFileWriter.valueLine("EccCurves",
                RegistryValue.multiSz(List.of("curve25519", "NistP256", "NistP384")), RegFormat.V5, "\n"));
    }

    @Test
    void regedit4WritesStringsInHexAsAnsiBytes() {
        assertEquals("\"E\"=hex(2):25,57,e9,25,00\n",
                RegFileWriter.valueLine("E", RegistryValue.expandSz("%W\u00e9%"), RegFormat.REGEDIT4, "\n"));
    }

    @Test
    void exportWritesAUtf16FileThatReadsBackTheSame() {
        RegistryPath key = RegistryPath.parse("HKLM\\SOFTWARE\\Policies\\Microsoft\\Cryptography\\Configuration\\SSL\\00010002");
        Map<String, RegistryValue> values = new LinkedHashMap<>();
        values.put("Functions", RegistryValue.sz("TLS_AES_256_GCM_SHA384,TLS_AES_128_GCM_SHA256"));
        values.put("EccCurves", RegistryValue.multiSz(List.of("NistP384", "NistP256")));
        RegDocument doc = RegFileWriter.export(List.of(key), k -> values);
        byte[] bytes = doc.toBytes();
        assertEquals((byte) 0xFF, bytes[0]);
        assertEquals((byte) 0xFE, bytes[1]);
        String text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        assertEquals(true, text.startsWith("Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE"));
        assertEquals(true, text.endsWith("\r\n\r\n"));
        assertEquals(values, RegFileReader.parse(bytes, "x").replay("x").values(key));
    }
}
