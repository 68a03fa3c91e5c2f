package org.tlsconf.registry.regfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tlsconf.registry.Registry;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.testing.RegText;

/** The read-only commands' streaming read: what it reads agrees with the full reader; what it skips is skipped. */
class RegFileScanTest {
    @TempDir
    Path dir;

    static final String TLS12 = "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL"
            + "\\Protocols\\TLS 1.2\\Server";

    @ParameterizedTest
    @ValueSource(strings = {"/corpus/02_psssl-schannel-default-export-utf16.reg",
        "/corpus/09_natthasath-disable-tls10-inline-values.reg", "/corpus/10_natthasath-enable-tls13-client.reg",
        "/corpus/12_file-cleanup-manager-tls12-ws2012-comments.reg"})
    void agreesWithTheFullReaderOnTheCorpus(String name) throws IOException {
        ScanAgreement.check(RegText.resource(name), dir);
    }

    @Test
    void agreesWithTheFullReaderOnTheExampleExport() throws IOException {
        ScanAgreement.check(Files.readAllBytes(Path.of("examples/server-2016-fresh.reg")), dir);
    }

    @Test
    void agreesOnDeletionsCaseAndKeysOnTheWayToTheRoots() throws IOException {
        for (byte[] data : List.of(
                RegText.utf16(RegText.V5 + "\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\Other]\r\n"
                        + "\"x\"=dword:00000001\r\n\r\n[" + TLS12.toUpperCase() + "]\r\n\"Enabled\"=dword:1\r\n"
                        + "\"enabled\"=dword:00000000\r\n\"DisabledByDefault\"=-\r\n"),
                RegText.utf8(RegText.V5 + "\n[" + TLS12 + "]\n\"Enabled\"=dword:1\n[-HKEY_LOCAL_MACHINE\\SYSTEM"
                        + "\\CurrentControlSet\\Control\\SecurityProviders]\n[" + TLS12 + "\\..x]\n"),
                RegText.ansi("REGEDIT4\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion]\r\n"
                        + "\"CurrentBuildNumber\"=\"14393\"\r\n\"UBR\"=dword:00000d45\r\n"
                        + "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Fonts]\r\n"
                        + "\"Arial\"=\"arial.ttf\"\r\n"))) {
            ScanAgreement.check(data, dir);
        }
    }

    @Test
    void readsOnlyTheValuesInScopeAndSkipsTheRestUnread() throws IOException {
        Path file = dir.resolve("host.reg");
        Files.write(file, RegText.utf16(RegText.V5 + "\n\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Vendor]\n"
                + "\"broken\"=dwrd:1\n\"blob\"=hex:zz,\\\n  00\n\n[" + TLS12 + "]\n\"Enabled\"=dword:00000001\n"));
        assertThrows(RegFileParseException.class, () -> RegFileReader.parse(Files.readAllBytes(file), "host.reg"));
        Registry r = RegFileScan.read(file, ScanAgreement.SCOPE);
        assertEquals(Optional.of(RegistryValue.dword(1)), r.readValue(RegistryPath.parse(TLS12), "Enabled"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> r.readValue(RegistryPath.parse("HKLM\\SOFTWARE\\Vendor"), "broken"));
        assertTrue(e.getMessage().contains("was not read from the file"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> r.setValue(RegistryPath.parse(TLS12), "x",
                RegistryValue.dword(0)));
    }

    @Test
    void reportsProblemsInScopeWithTheFullReadersFileAndLine() throws IOException {
        Path file = dir.resolve("bad.reg");
        Files.write(file, RegText.utf16(RegText.V5 + "\n\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Vendor]\n"
                + "\"a\"=hex:00,\\\n  01\n\n[" + TLS12 + "]\n\"Enabled\"=dword:0x1\n[HKLM\\Nope\n"));
        RegFileParseException full = assertThrows(RegFileParseException.class,
                () -> RegFileReader.parse(Files.readAllBytes(file), file.toString()));
        RegFileParseException scan = assertThrows(RegFileParseException.class,
                () -> RegFileScan.read(file, ScanAgreement.SCOPE));
        assertEquals(full.fullReport(), scan.fullReport());
        assertTrue(scan.fullReport().startsWith(file + ":8: dword data '0x1' has a 0x prefix"), scan.fullReport());

        Path notReg = dir.resolve("not.reg");
        Files.writeString(notReg, "hello\n");
        assertTrue(assertThrows(RegFileParseException.class, () -> RegFileScan.read(notReg, ScanAgreement.SCOPE))
                .fullReport().startsWith(notReg + ":1: not a .reg file: the first line is 'hello' ("));
    }

    @Test
    void aValueLineOfFiftyMegabytesInScopeIsRead() throws IOException {
        Path file = dir.resolve("big.reg");
        int bytes = 2_000_000;
        StringBuilder sb = new StringBuilder(RegText.V5 + "\n\n[" + TLS12 + "]\n\"Blob\"=hex:");
        for (int i = 0; i < bytes; i++) {
            sb.append(Character.forDigit((i >> 4) & 0xF, 16)).append(Character.forDigit(i & 0xF, 16));
            sb.append(i + 1 < bytes ? "," : "\n");
        }
        Files.write(file, RegText.utf16(sb.toString()));
        RegistryValue v = RegFileScan.read(file, ScanAgreement.SCOPE).readValue(RegistryPath.parse(TLS12), "Blob")
                .orElseThrow();
        byte[] data = v.toBytes();
        assertEquals(bytes, data.length);
        assertEquals((byte) 0xff, data[255]);
    }

    @Test
    void aHexValueOverAHundredThousandContinuationLinesIsReadBothWays() throws IOException {
        Path file = dir.resolve("long.reg");
        int lines = 100_000;
        StringBuilder sb = new StringBuilder(RegText.V5 + "\n\n[" + TLS12 + "]\n\"Blob\"=hex:00,");
        for (int i = 0; i < lines; i++) {
            sb.append("\\\n  01,02,03,04,05,06,07,08,09,0a,0b,0c,0d,0e,0f,10,11,12,13,14,15,16,17,18,19,");
        }
        sb.append("ff\n");
        byte[] data = RegText.utf16(sb.toString());
        Files.write(file, data);
        int expected = 2 + lines * 25;
        assertEquals(expected, RegFileScan.read(file, ScanAgreement.SCOPE).readValue(RegistryPath.parse(TLS12),
                "Blob").orElseThrow().toBytes().length);
        assertEquals(expected, RegFileReader.parse(data, "long.reg").replay("r").readValue(RegistryPath.parse(
                TLS12), "Blob").orElseThrow().toBytes().length);
    }
}
