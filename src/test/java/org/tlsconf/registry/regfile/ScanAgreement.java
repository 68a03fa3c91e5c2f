package org.tlsconf.registry.regfile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tlsconf.registry.InMemoryRegistry;
import org.tlsconf.registry.Registry;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryScope;
import org.tlsconf.tls.TlsRegistry;

/** Checks that a scan of a {@code .reg} file answers, within its scope, exactly as the full reader's replay. */
public final class ScanAgreement {

    /** The read-only commands' scope, plus HKLM\SOFTWARE\A (a subtree) and HKLM\SOFTWARE\B (a key), for fuzzing. */
    public static final RegistryScope SCOPE;

    static {
        List<RegistryPath> subtrees = new ArrayList<>(TlsRegistry.READ_SCOPE.subtrees());
        subtrees.add(RegistryPath.parse("HKLM\\SOFTWARE\\A"));
        List<RegistryPath> keys = new ArrayList<>(TlsRegistry.READ_SCOPE.keys());
        keys.add(RegistryPath.parse("HKLM\\SOFTWARE\\B"));
        SCOPE = new RegistryScope(subtrees, keys);
    }

    private ScanAgreement() {
    }

    /**
     * Reads {@code data} every way. When the full reader accepts it, the scan must accept it too and agree; when
     * the full reader rejects it, the scan may accept it (it does not read values out of scope) or reject it, but
     * only with a parse error. The edit scan ({@code apply}'s) checks every line: it rejects exactly what the full
     * reader rejects, with the same report; when it accepts, it agrees within its scope, and writing its document
     * back gives the very same bytes.
     */
    public static void check(byte[] data, Path dir) throws IOException {
        Path file = Files.createTempFile(dir, "scan", ".reg");
        Files.write(file, data);
        try {
            InMemoryRegistry full;
            try {
                full = RegFileReader.parse(data, file.toString()).replay("full");
            } catch (RegFileParseException rejected) {
                try {
                    RegFileScan.read(file, SCOPE);
                } catch (RegFileParseException alsoRejected) {
                    // fine
                }
                RegFileParseException edit = assertThrows(RegFileParseException.class,
                        () -> RegFileScan.edit(file, SCOPE));
                assertEquals(rejected.fullReport(), edit.fullReport());
                return;
            }
            assertAgrees(full, RegFileScan.read(file, SCOPE), SCOPE);
            RegDocument doc = RegFileScan.edit(file, SCOPE).document();
            assertAgrees(full, SCOPE.view(doc.replay("edit")), SCOPE);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RegFileScan.write(doc, file, out);
            assertArrayEquals(data, out.toByteArray(), "the edit document written back");
        } finally {
            Files.delete(file);
        }
    }

    public static void assertAgrees(InMemoryRegistry full, Registry scanned, RegistryScope scope) {
        for (String folded : full.snapshot().keySet()) {
            RegistryPath key = RegistryPath.parse(folded);
            if (scope.reads(key)) {
                assertEquals(new ArrayList<>(full.values(key).entrySet()),
                        new ArrayList<>(scanned.values(key).entrySet()), "values of " + key);
            }
            if (scope.below(key)) {
                assertEquals(full.subKeys(key), scanned.subKeys(key), "subkeys of " + key);
            }
            if (scope.knowsExistence(key)) {
                assertTrue(scanned.keyExists(key), key + " exists");
            }
        }
        List<RegistryPath> roots = new ArrayList<>(scope.subtrees());
        roots.addAll(scope.keys());
        for (RegistryPath root : roots) {
            for (RegistryPath p : root.selfAndAncestors()) {
                assertEquals(full.keyExists(p), scanned.keyExists(p), "existence of " + p);
            }
        }
    }
}
