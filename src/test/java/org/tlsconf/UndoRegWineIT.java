package org.tlsconf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsconf.backup.Backup;
import org.tlsconf.backup.BackupStore;
import org.tlsconf.registry.InMemoryRegistry;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.registry.regfile.RegFileReader;
import org.tlsconf.registry.regfile.RegFileWriter;
import org.tlsconf.registry.regfile.RegFileWriter.Entry;
import org.tlsconf.registry.regfile.RegFileWriter.Section;
import org.tlsconf.testing.SameHost;
import org.tlsconf.testing.Wine;

/**
 * The undo {@code .reg} file that {@code tlsconf apply} writes beside its backup, imported by Wine's
 * {@code reg import} (an independent implementation of the Windows registry) into a registry that also holds
 * values and keys tlsconf never saw: it must put back exactly what the run changed and delete nothing else — no key
 * at all, whatever state it is imported into.
 */
class UndoRegWineIT {
    /**
     * Exported whole to compare. Above SecurityProviders, Wine's HKLM\SYSTEM holds value types tlsconf does not read
     * yet; there the extra keys are exported one by one and the extra values queried with {@code reg query}.
     */
    private static final List<RegistryPath> TREES = Stream.of("HKLM\\SOFTWARE",
            "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders").map(RegistryPath::parse).toList();

    private final List<RegistryPath> exported = new ArrayList<>(TREES);
    private final List<RegistryPath> queried = new ArrayList<>();

    private static Wine wine;

    @TempDir
    Path dir;

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

    @Test
    void theUndoFileOfAPartialExportPutsBackOnlyWhatTheRunChangedAndDeletesNoKey() throws Exception {
        // a SCHANNEL-only export: HKLM\SOFTWARE and every .NET / WinHTTP key are missing from the file
        Path host = dir.resolve("host.reg");
        Files.copy(Path.of("src/test/resources/corpus/02_psssl-schannel-default-export-utf16.reg"), host);
        JarIT.Result applied = JarIT.run("apply", "max-protection", "--registry-file", host.toString(),
                "--backup-dir", dir.resolve("backups").toString());
        assertEquals(3010 & 0xFF, applied.code(), applied.err());
        Backup backup = new BackupStore(dir.resolve("backups")).list().backups().get(0);
        String undo = new String(Files.readAllBytes(backup.regFile()), StandardCharsets.UTF_16LE);
        assertFalse(undo.contains("[-"), "the undo file deletes a key:\n" + undo);
        assertFalse(backup.keysCreated().stream().anyMatch(k -> k.toString().equalsIgnoreCase("HKLM\\SOFTWARE")),
                "HKLM\\SOFTWARE recorded as created by the run: " + backup.keysCreated());

        // the pre-apply state, plus values and sibling keys tlsconf never saw under every ancestor of every key
        // the run touched
        importIntoWine(dir.resolve("original.reg"), Path.of(
                "src/test/resources/corpus/02_psssl-schannel-default-export-utf16.reg"));
        importIntoWine(dir.resolve("extras.reg"), extras(backup));
        InMemoryRegistry before = export("before");
        assertTrue(before.keyExists(RegistryPath.parse("HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\TlsconfExtra")));

        // 1. imported into the pre-apply state (the run's changes never reached this host): nothing changes
        //    but the keys the run created, which appear empty
        importIntoWine(null, backup.regFile());
        SameHost.assertSameHost(before.snapshot(), export("undo-on-original").snapshot(),
                backup.keysCreated()::contains);

        // 2. imported into the changed host: back to the pre-apply state, extras intact
        importIntoWine(null, host);
        assertFalse(before.snapshot().equals(export("changed").snapshot()), "the changed host differs");
        importIntoWine(null, backup.regFile());
        SameHost.assertSameHost(before.snapshot(), export("undo-on-changed").snapshot(),
                backup.keysCreated()::contains);
    }

    /** An extra value on every ancestor key of every key the run touched, and a sibling key with a value. */
    private Path extras(Backup backup) {
        List<Section> sections = new ArrayList<>();
        java.util.Set<RegistryPath> seen = new java.util.LinkedHashSet<>();
        for (Backup.Entry e : backup.entries()) {
            for (RegistryPath p : e.key().selfAndAncestors()) {
                if (seen.add(p)) {
                    if (TREES.stream().noneMatch(p::isAtOrBelow)) {
                        exported.add(p.child("TlsconfExtra"));
                        queried.add(p);
                    }
                    sections.add(new Section(p, false, List.of(new Entry("TlsconfExtra",
                            Optional.of(RegistryValue.sz("kept " + p.names().size()))))));
                    sections.add(new Section(p.child("TlsconfExtra"), false, List.of(new Entry("Kept",
                            Optional.of(RegistryValue.dword(p.names().size()))))));
                }
            }
        }
        return writeScript(sections);
    }

    private Path writeScript(List<Section> sections) {
        try {
            Path f = dir.resolve("extras-script.reg");
            Files.write(f, RegFileWriter.script(sections).toBytes());
            return f;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void importIntoWine(Path copy, Path file) throws Exception {
        Path source = file;
        if (copy != null) {
            Files.copy(file, copy);
            source = copy;
        }
        Wine.Result r = wine.wine("reg", "import", Wine.windowsPath(source));
        assertEquals(0, r.code(), r.output());
    }

    /** What Wine holds under the keys of interest, read from its own {@code reg export}. */
    private InMemoryRegistry export(String name) throws Exception {
        InMemoryRegistry state = new InMemoryRegistry();
        int i = 0;
        for (RegistryPath key : queried) {
            Wine.Result r = wine.wine("reg", "query", key.toString(), "/v", "TlsconfExtra");
            assertTrue(r.output().contains("kept " + key.names().size()), key + ": " + r.output());
        }
        for (RegistryPath root : exported) {
            Path out = dir.resolve(name + "-" + i++ + ".reg");
            Wine.Result r = wine.wine("reg", "export", root.toString(), Wine.windowsPath(out), "/y");
            if (r.code() == 0) {
                RegFileReader.parse(Files.readAllBytes(out), "wine export of " + root).importInto(state);
            }
        }
        return state;
    }
}
