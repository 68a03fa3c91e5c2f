package org.tlsconf.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tlsconf.registry.InMemoryRegistry;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.registry.regfile.RegFileReader;

class WindowsVersionTest {

    @Test
    void readsTheBuildFromAnExport() throws IOException {
        InMemoryRegistry reg = RegFileReader.parse(Files.readAllBytes(Path.of("examples/server-2016-fresh.reg")), "x")
                .replay("x");
        WindowsVersion v = WindowsVersion.read(reg, "from the registry file").orElseThrow();
        assertEquals(14393, v.build());
        assertEquals(693, v.ubr());
        assertTrue(v.isServer());
        assertFalse(v.supportsTls13());
        assertEquals("Windows Server 2016 Standard (build 14393.693, Server; from the registry file)", v.describe());
    }

    @Test
    void noCurrentVersionKeyMeansUnknown() {
        assertEquals(Optional.empty(), WindowsVersion.read(new InMemoryRegistry(), "x"));
        InMemoryRegistry garbage = new InMemoryRegistry();
        garbage.createKey(WindowsVersion.CURRENT_VERSION);
        garbage.setValue(WindowsVersion.CURRENT_VERSION, "CurrentBuildNumber", RegistryValue.sz("abc"));
        assertEquals(Optional.empty(), WindowsVersion.read(garbage, "x"));
    }

    @Test
    void tls13IsSupportedFromServer2022AndWindows11() {
        assertTrue(WindowsVersion.ofBuild(20348, "x").supportsTls13());
        assertTrue(WindowsVersion.ofBuild(22631, "x").supportsTls13());
        assertFalse(WindowsVersion.ofBuild(17763, "x").supportsTls13());
        assertFalse(new WindowsVersion(20348, 1, "Windows 10 Pro", "Client", "x").supportsTls13());
    }
}
