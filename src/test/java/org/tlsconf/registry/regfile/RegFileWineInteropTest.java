package org.tlsconf.registry.regfile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsconf.registry.InMemoryRegistry;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.registry.ValueType;
import org.tlsconf.registry.regfile.RegFileWriter.Entry;
import org.tlsconf.registry.regfile.RegFileWriter.Section;
import org.tlsconf.testing.Wine;

/**
 * Files tlsconf writes, imported by Wine's {@code reg import} (an independent implementation), exported again with
 * {@code reg export}, read back by tlsconf: every value type (an undocumented type number too), value deletions
 * and key deletions must survive, and names Windows' case folding keeps apart stay apart.
 */
class RegFileWineInteropTest {

    private static Wine wine;

    @TempDir
    Path dir;

    private static final RegistryPath ROOT = RegistryPath.parse("HKLM\\SOFTWARE\\TlsconfInterop");
    private static final RegistryPath A = ROOT.child("AES 128/128");
    private static final RegistryPath GONE = ROOT.child("Gone");

    @BeforeAll
    static void startWine() throws Exception {
        wine = Wine.start();
    }

    @AfterAll
    static void stopWine() throws Exception {
        if (wine != null) {
            wine.close();
        }
    }

    private static Optional<RegistryValue> v(RegistryValue value) {
        return Optional.of(value);
    }

    @Test
    void everyValueTypeAndDeletionSurvivesWineImportAndExport() throws Exception {
        List<Section> setup = List.of(
                new Section(A, false, List.of(new Entry("Obsolete", v(RegistryValue.dword(7))),
                        new Entry("Enabled", v(RegistryValue.sz("was a string"))))),
                new Section(GONE.child("Child"), false, List.of(new Entry("x", v(RegistryValue.dword(1))))));
        List<Section> change = List.of(
                new Section(A, false, List.of(
                        new Entry("Enabled", v(RegistryValue.dword(0xFFFFFFFFL))),
                        new Entry("Zero", v(RegistryValue.dword(0))),
                        new Entry("Qword", v(RegistryValue.qword(0x1_0000_0002L))),
                        new Entry("String", v(RegistryValue.sz("C:\\Program Files\\tlsconf\\ \"quoted\" \u00e9"))),
                        new Entry("Expand", v(RegistryValue.expandSz("%SystemRoot%\\system32"))),
                        new Entry("Multi", v(RegistryValue.multiSz(List.of(
                                "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256",
                                "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")))),
                        new Entry("Binary", v(RegistryValue.binary(new byte[] {0, 1, 2, (byte) 0xfe, (byte) 0xff}))),
                        new Entry("None", v(new RegistryValue.Binary(ValueType.REG_NONE, new byte[] {9}))),
                        // an undocumented type number, kept with its bytes
                        new Entry("Private", v(new RegistryValue.Binary(ValueType.of(0xffff0012),
                                new byte[] {1, 2, 3}))),
                        // names that Windows' per-character folding keeps apart (ß is not SS, İ is not i)
                        new Entry("stra\u00dfe", v(RegistryValue.dword(1))),
                        new Entry("STRASSE", v(RegistryValue.dword(2))),
                        new Entry("i", v(RegistryValue.dword(3))),
                        new Entry("\u0130", v(RegistryValue.dword(4))),
                        new Entry("", v(RegistryValue.sz("default value"))),
                        new Entry("Obsolete", Optional.empty()))),
                new Section(GONE, true, List.of()));

        Path setupFile = dir.resolve("setup.reg");
        Path changeFile = dir.resolve("change.reg");
        Files.write(setupFile, RegFileWriter.script(setup).toBytes());
        Files.write(changeFile, RegFileWriter.script(change).toBytes());

        InMemoryRegistry expected = new InMemoryRegistry();
        for (byte[] file : List.of(Files.readAllBytes(setupFile), Files.readAllBytes(changeFile))) {
            RegFileReader.parse(file, "script").importInto(expected);
        }

        assertEquals(0, wine.wine("reg", "import", Wine.windowsPath(setupFile)).code());
        assertEquals(0, wine.wine("reg", "import", Wine.windowsPath(changeFile)).code());
        Path exported = dir.resolve("exported.reg");
        Wine.Result export = wine.wine("reg", "export", ROOT.toString(), Wine.windowsPath(exported), "/y");
        assertEquals(0, export.code(), export.output());

        RegDocument doc = RegFileReader.parse(Files.readAllBytes(exported), "wine export");
        assertEquals(RegEncoding.UTF16LE_BOM, doc.encoding());
        InMemoryRegistry actual = doc.replay("wine");
        assertEquals(InMemoryRegistry.copyOf(expected, List.of(ROOT)).snapshot(), actual.snapshot());
        assertEquals(Optional.empty(), actual.readValue(A, "Obsolete"));
        assertEquals(false, actual.keyExists(GONE));
    }

    @Test
    void aRegedit4FileTlsconfEditedImportsIntoWineWithTheSameAnsiStrings() throws Exception {
        RegistryPath r4 = RegistryPath.parse("HKLM\\SOFTWARE\\TlsconfInteropR4"); // apart from ROOT
        Path host = dir.resolve("r4.reg");
        Files.write(host, ("REGEDIT4\r\n\r\n[" + r4.toLongString() + "]\r\n\"S\"=hex(1):31,32,e9,00\r\n"
                + "\"M\"=hex(7):e9,00,81,00,00\r\n\"Q\"=\"caf\u00e9\"\r\n")
                .getBytes(java.nio.charset.Charset.forName("windows-1252")));
        RegFileRegistry reg = RegFileRegistry.open(host);
        reg.setValue(r4, "E", RegistryValue.expandSz("%x%\u00e9\u20ac"));
        reg.setValue(r4, "Multi", RegistryValue.multiSz(List.of("a\u20ac", "\u00e9")));
        reg.setValue(r4, "M", reg.readValue(r4, "M").orElseThrow());
        reg.save();

        assertEquals(0, wine.wine("reg", "import", Wine.windowsPath(host)).code());
        Path exported = dir.resolve("r4-exported.reg");
        Wine.Result export = wine.wine("reg", "export", r4.toString(), Wine.windowsPath(exported), "/y");
        assertEquals(0, export.code(), export.output());
        InMemoryRegistry expected = InMemoryRegistry.copyOf(RegFileRegistry.open(host), List.of(r4));
        InMemoryRegistry actual = RegFileReader.parse(Files.readAllBytes(exported), "wine export").replay("wine");
        assertEquals(Optional.empty(), expected.firstDifference(InMemoryRegistry.copyOf(actual, List.of(r4))));
        assertEquals(Optional.of(RegistryValue.sz("12\u00e9")), actual.readValue(r4, "S"));
    }

    @Test
    void aFileTlsconfPatchedImportsIntoWineAsTheSameRegistry() throws Exception {
        Path host = dir.resolve("host.reg");
        Files.copy(Path.of("examples/server-2016-fresh.reg"), host);
        RegFileRegistry reg = RegFileRegistry.open(host);
        RegistryPath tls13 = RegistryPath.parse(
                "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.3\\Client");
        reg.createKey(tls13);
        reg.setValue(tls13, "Enabled", RegistryValue.dword(0));
        reg.save();
        assertEquals(0, wine.wine("reg", "import", Wine.windowsPath(host)).code());
        RegistryPath schannel = RegistryPath.parse(
                "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL");
        Path exported = dir.resolve("schannel.reg");
        assertEquals(0, wine.wine("reg", "export", schannel.toString(), Wine.windowsPath(exported), "/y").code());
        InMemoryRegistry fromWine = RegFileReader.parse(Files.readAllBytes(exported), "wine").replay("wine");
        assertEquals(InMemoryRegistry.copyOf(RegFileRegistry.open(host), List.of(schannel)).snapshot(),
                fromWine.snapshot());
    }
}
