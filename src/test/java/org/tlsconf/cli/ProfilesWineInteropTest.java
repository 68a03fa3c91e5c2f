package org.tlsconf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsconf.registry.InMemoryRegistry;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.registry.regfile.RegFileReader;
import org.tlsconf.registry.regfile.RegFileRegistry;
import org.tlsconf.testing.Wine;
import org.tlsconf.tls.TlsRegistry;

/**
 * A host export with a bundled profile applied (cipher keys with '/', the policy suite order as REG_SZ, the curve
 * order as REG_MULTI_SZ, the FIPS policy) imported by Wine's {@code reg import}, an independent parser, and exported
 * again: Wine reads exactly what tlsconf wrote.
 */
class ProfilesWineInteropTest {

    @TempDir
    Path dir;

    @Test
    void wineImportsTheValuesABundledProfileWroteExactly() throws Exception {
        Path host = dir.resolve("server-2022.reg");
        Files.copy(Path.of("src/test/resources/hosts/server-2022.reg"), host);
        CliTest.Run apply = CliTest.run("apply", "fips-140", "--registry-file", host.toString(), "--backup-dir",
                dir.resolve("b").toString());
        assertEquals(ExitCodes.REBOOT_REQUIRED, apply.code(), apply.err());
        RegistryPath policy = TlsRegistry.POLICY_SSL.child("00010002");
        assertTrue(RegFileRegistry.open(host).readValue(policy, "EccCurves").orElseThrow()
                instanceof RegistryValue.MultiSz);
        try (Wine wine = Wine.start()) {
            assertEquals(0, wine.wine("reg", "import", Wine.windowsPath(host)).code());
            for (RegistryPath root : List.of(TlsRegistry.SCHANNEL, TlsRegistry.POLICY_SSL, TlsRegistry.FIPS_POLICY)) {
                Path exported = dir.resolve("export-" + root.leaf() + ".reg");
                Wine.Result r = wine.wine("reg", "export", root.toString(), Wine.windowsPath(exported), "/y");
                assertEquals(0, r.code(), r.output());
                InMemoryRegistry fromWine = RegFileReader.parse(Files.readAllBytes(exported), "wine").replay("wine");
                assertEquals(InMemoryRegistry.copyOf(RegFileRegistry.open(host), List.of(root)).snapshot(),
                        fromWine.snapshot(), root.toString());
            }
        }
    }
}
