package org.tlsconf.registry.regfile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tlsconf.registry.InMemoryRegistry;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.testing.RegText;

/** Real {@code .reg} files from public repositories, and the bundled example export. */
class CorpusTest {

    static Stream<String> wellFormed() {
        return Stream.of("/corpus/02_psssl-schannel-default-export-utf16.reg",
                "/corpus/10_natthasath-enable-tls13-client.reg",
                "/corpus/12_file-cleanup-manager-tls12-ws2012-comments.reg");
    }

    static byte[] example() throws IOException {
        return Files.readAllBytes(Path.of("examples/server-2016-fresh.reg"));
    }

    @ParameterizedTest
    @MethodSource("wellFormed")
    void parsesAndWritesBackByteForByte(String name) {
        byte[] original = RegText.resource(name);
        RegDocument doc = RegFileReader.parse(original, name);
        assertArrayEquals(original, doc.toBytes());
    }

    @Test
    void theExampleExportRoundTripsExactly() throws IOException {
        byte[] original = example();
        assertArrayEquals(original, RegFileReader.parse(original, "example").toBytes());
    }

    @Test
    void regeditExportOfADefaultSchannelTreeReadsAsTheStockState() {
        RegDocument doc = RegFileReader.parse(RegText.resource(
                "/corpus/02_psssl-schannel-default-export-utf16.reg"), "02");
        assertEquals(RegEncoding.UTF16LE_BOM, doc.encoding());
        InMemoryRegistry reg = doc.replay("02");
        RegistryPath sch = RegistryPath.parse("HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL");
        assertEquals(Optional.of(RegistryValue.dword(1)), reg.readValue(sch, "EventLogging"));
        assertEquals(Optional.of(RegistryValue.dword(1)), reg.readValue(
                sch.child("Protocols").child("SSL 2.0").child("Client"), "DisabledByDefault"));
        assertTrue(reg.keyExists(sch.child("Ciphers")));
    }

    @Test
    void commentsAndLfEndingsSurviveAndTheWow6432NodeTwinIsRead() {
        InMemoryRegistry reg = RegFileReader.parse(RegText.resource(
                "/corpus/12_file-cleanup-manager-tls12-ws2012-comments.reg"), "12").replay("12");
        assertEquals(Optional.of(RegistryValue.dword(1)), reg.readValue(RegistryPath.parse(
                "HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319"), "SchUseStrongCrypto"));
    }

    @Test
    void valuesWrittenOnTheKeyLineAreRejectedLineByLine() {
        RegFileParseException e = assertThrows(RegFileParseException.class, () -> RegFileReader.parse(
                RegText.resource("/corpus/09_natthasath-disable-tls10-inline-values.reg"), "09.reg"));
        assertEquals(List.of(3, 4, 5, 6), e.problems().stream().map(RegFileParseException.Problem::line).toList());
        assertTrue(e.getMessage().startsWith("09.reg:3: text after the key's closing ']'"), e.getMessage());
    }

    @Test
    void exampleHoldsTheFreshServer2016State() throws IOException {
        InMemoryRegistry reg = RegFileReader.parse(example(), "example").replay("example");
        assertEquals(Optional.of(RegistryValue.sz("14393")), reg.readValue(
                RegistryPath.parse("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion"), "CurrentBuildNumber"));
        assertEquals(34, ((RegistryValue.MultiSz) reg.readValue(RegistryPath.parse(
                "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Cryptography\\Configuration\\Local\\SSL\\00010002"),
                "Functions").get()).values().size());
    }
}
