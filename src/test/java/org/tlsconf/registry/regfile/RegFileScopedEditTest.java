package org.tlsconf.registry.regfile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tlsconf.testing.RegText.V5;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsconf.registry.RegistryException;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.testing.RegText;
import org.tlsconf.tls.TlsRegistry;

/** The editor {@code apply} and {@code restore} use: it holds the TLS keys of a file and copies the rest. */
class RegFileScopedEditTest {

    @TempDir
    Path dir;

    private static final RegistryPath CLIENT = RegistryPath.parse(
            "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client");

    /** A TLS key between thousands of other keys, as in a full {@code reg export HKLM}. */
    private static String bigExport() {
        StringBuilder sb = new StringBuilder(V5).append("\n\n");
        for (int i = 0; i < 3000; i++) {
            sb.append("[HKEY_LOCAL_MACHINE\\SOFTWARE\\Vendor\\App").append(i).append("]\n")
                    .append("\"Path\"=\"C:\\\\Program Files\\\\App").append(i).append("\"\n")
                    .append("\"Blob\"=hex:01,02,03,04,05,06,07,08,09,0a,0b,0c,0d,0e,0f,10,11,12,13,14,15,16,17,18,\\\n")
                    .append("  19,1a\n\n");
            if (i == 1500) {
                sb.append("[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols"
                        + "\\TLS 1.2\\Client]\n\"Enabled\"=dword:00000000\n\n");
            }
        }
        return sb.toString();
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, RegText.utf16(text));
        return p;
    }

    @Test
    void holdsTheTlsLinesAndStandsForTheRestWithAFewItems() throws IOException {
        RegFileRegistry reg = RegFileRegistry.open(write("host.reg", bigExport()), TlsRegistry.EDIT_SCOPE);
        long opaque = reg.document().items().stream().filter(i -> i instanceof RegDocument.Opaque).count();
        assertEquals(2, opaque, "the 3,000 other keys before and after the TLS key: two runs of lines");
        assertTrue(reg.document().items().size() < 10, "items: " + reg.document().items().size());
        assertEquals(RegistryValue.dword(0), reg.readValue(CLIENT, "Enabled").orElseThrow());
    }

    @Test
    void writesWhatTheWholeFileEditorWrites() throws IOException {
        Path whole = write("whole.reg", bigExport());
        Path scoped = write("scoped.reg", bigExport());
        for (RegFileRegistry reg : new RegFileRegistry[] {RegFileRegistry.open(whole),
            RegFileRegistry.open(scoped, TlsRegistry.EDIT_SCOPE)}) {
            reg.setValue(CLIENT, "Enabled", RegistryValue.dword(1));
            reg.createKey(CLIENT.parent().parent().child("TLS 1.3").child("Client"));
            reg.setValue(CLIENT.parent().parent().child("TLS 1.3").child("Client"), "Enabled", RegistryValue.dword(0));
            reg.save();
        }
        assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(scoped));
        assertTrue(new String(Files.readAllBytes(scoped), java.nio.charset.StandardCharsets.UTF_16LE).contains("[HKEY_LOCAL_MACHINE\\SOFTWARE\\Vendor\\App2999]"));
    }

    @Test
    void aSecondSaveCopiesFromTheFileTheFirstSaveWrote() throws IOException {
        Path whole = write("whole.reg", bigExport());
        Path scoped = write("scoped.reg", bigExport());
        RegFileRegistry a = RegFileRegistry.open(whole);
        RegFileRegistry b = RegFileRegistry.open(scoped, TlsRegistry.EDIT_SCOPE);
        for (RegFileRegistry reg : new RegFileRegistry[] {a, b}) {
            reg.createKey(CLIENT.parent().child("Server"));
            reg.save();
            reg.setValue(CLIENT.parent().child("Server"), "Enabled", RegistryValue.dword(1));
            reg.deleteValue(CLIENT, "Enabled");
            reg.save();
        }
        assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(scoped));
    }

    @Test
    void aFileChangedBySomeoneElseSinceItWasReadIsNotOverwritten() throws IOException {
        Path p = write("host.reg", bigExport());
        RegFileRegistry reg = RegFileRegistry.open(p, TlsRegistry.EDIT_SCOPE);
        reg.setValue(CLIENT, "Enabled", RegistryValue.dword(1));
        byte[] theirs = RegText.utf16(bigExport().replace("App2999", "App2999-renamed"));
        Files.write(p, theirs);
        RegistryException e = assertThrows(RegistryException.class, reg::save);
        assertTrue(e.getMessage().contains("changed by someone else"), e.getMessage());
        assertArrayEquals(theirs, Files.readAllBytes(p));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void aMalformedLineOutsideTheTlsKeysIsStillRejectedWithItsLine() throws IOException {
        Path p = write("host.reg", bigExport().replace("\"Path\"=\"C:\\\\Program Files\\\\App7\"",
                "\"Path\"=dword:xyz"));
        RegFileParseException e = assertThrows(RegFileParseException.class,
                () -> RegFileRegistry.open(p, TlsRegistry.EDIT_SCOPE));
        assertTrue(e.fullReport().startsWith(p + ":39: "), e.fullReport());
    }

    @Test
    void readingOrWritingOutsideTheScopeIsAProgrammingErrorNotAnAbsentKey() throws IOException {
        RegFileRegistry reg = RegFileRegistry.open(write("host.reg", bigExport()), TlsRegistry.EDIT_SCOPE);
        RegistryPath other = RegistryPath.parse("HKLM\\SOFTWARE\\Vendor\\App1");
        assertThrows(IllegalStateException.class, () -> reg.readValue(other, "Path"));
        assertThrows(IllegalStateException.class, () -> reg.setValue(other, "Path", RegistryValue.sz("x")));
    }
}
