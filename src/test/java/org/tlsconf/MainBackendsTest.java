package org.tlsconf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsconf.cli.Cli;
import org.tlsconf.cli.Context;
import org.tlsconf.profile.ProfileCatalogue;
import org.tlsconf.reboot.RebootScheduler;
import org.tlsconf.backup.FolderSecurity;
import org.tlsconf.registry.InMemoryRegistry;
import org.tlsconf.registry.Registry;
import org.tlsconf.registry.regfile.RegFileReader;
import org.tlsconf.testing.FaultInjectingRegistry;
import picocli.CommandLine;

/** Backend selection: on Windows without --registry-file the live registry, and no write without elevation. */
class MainBackendsTest {
    @TempDir
    Path dir;

    /** Windows ACLs cannot be set here: the port is mocked (creating the folder as the real one does). */
    private final FolderSecurity security = mock(FolderSecurity.class);

    @org.junit.jupiter.api.BeforeEach
    void foldersAreCreated() {
        org.mockito.Mockito.doAnswer(inv -> Files.createDirectories(inv.getArgument(0))).when(security)
                .restrictToAdministrators(org.mockito.ArgumentMatchers.any());
    }

    /** A Windows host whose live registry is {@code live}; the process is elevated or not. */
    private Main.WindowsHost windows(Registry live, boolean elevated) {
        Main.WindowsHost host = mock(Main.WindowsHost.class);
        org.mockito.Mockito.when(host.liveRegistry()).thenReturn(live);
        org.mockito.Mockito.when(host.isElevated()).thenReturn(elevated);
        org.mockito.Mockito.when(host.folderSecurity()).thenReturn(security);
        return host;
    }

    private int run(Main.Backends backends, StringWriter err, String... args) {
        CommandLine cl = Cli.create(new Context(backends, new ProfileCatalogue(), mock(RebootScheduler.class),
                Clock.systemUTC(), dir.resolve("backups")));
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private static InMemoryRegistry host() throws IOException {
        return RegFileReader.parse(Files.readAllBytes(Path.of("examples/server-2016-fresh.reg")), "x").replay("live");
    }

    @Test
    void notElevatedOnWindowsExitsFiveBeforeAnythingIsWrittenButReadingWorks() throws IOException {
        FaultInjectingRegistry live = new FaultInjectingRegistry(host());
        Main.Backends backends = new Main.Backends(windows(live, false));
        StringWriter err = new StringWriter();
        assertEquals(0, run(backends, new StringWriter(), "diff", "max-protection"));
        assertEquals(5, run(backends, err, "apply", "max-protection"));
        assertTrue(err.toString().contains("run tlsconf from an elevated prompt"), err.toString());
        assertEquals(0, live.writes());
        assertFalse(Files.exists(dir.resolve("backups")));
    }

    @Test
    void elevatedOnWindowsAppliesToTheLiveRegistry() throws IOException {
        InMemoryRegistry live = host();
        Main.Backends backends = new Main.Backends(windows(live, true));
        assertEquals(3010, run(backends, new StringWriter(), "apply", "max-protection"));
        assertEquals(0, run(backends, new StringWriter(), "apply", "max-protection"));
    }

    @Test
    void aRegistryFileIsUsedOnWindowsTooWhenGiven() throws IOException {
        Main.WindowsHost windows = windows(null, false);
        org.mockito.Mockito.when(windows.liveRegistry())
                .thenThrow(new AssertionError("the live registry must not be opened"));
        Main.Backends backends = new Main.Backends(windows);
        Path host = dir.resolve("h.reg");
        Files.copy(Path.of("examples/server-2016-fresh.reg"), host);
        assertEquals(3010, run(backends, new StringWriter(), "apply", "max-protection", "--registry-file",
                host.toString(), "--backup-dir", dir.resolve("b").toString()));
    }
}
